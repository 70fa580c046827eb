#[seamapi_core::seam_endpoint(path = "/connected_accounts/../workspaces/create", unchecked)]
pub struct SneakyThing {
    pub id: String,
}

fn main() {}

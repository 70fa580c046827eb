#[seamapi_core::seam_endpoint(path = "/connected_accounts/../workspaces/create")]
pub struct SneakyThing {
    pub id: String,
}

fn main() {}

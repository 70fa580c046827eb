#[seamapi_core::seam_endpoint(path = "connected_accounts/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

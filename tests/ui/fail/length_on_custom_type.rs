#[derive(Debug, Clone, serde::Serialize)]
pub struct Address {
    pub street: String,
}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    #[seam(min_length = 1)]
    pub address: Option<Address>,
}

fn main() {}

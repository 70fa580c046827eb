#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[seam_core::seam_endpoint(path = "/things/get", response = Thing)]
pub struct GetThing {
    pub id: String,
}

fn main() {}

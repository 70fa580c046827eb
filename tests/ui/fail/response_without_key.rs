#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[seamapi_core::seam_endpoint(path = "/things/get", response = Thing, unchecked)]
pub struct GetThing {
    pub id: String,
}

fn main() {}

#[derive(Debug)]
pub struct Thing;

#[seamapi_core::seam_endpoint(path = "/things/get", response = Thing, response_key = "thing", unchecked)]
pub struct GetThing {
    pub id: String,
}

fn main() {}

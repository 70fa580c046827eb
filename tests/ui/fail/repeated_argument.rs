#[seamapi_core::seam_endpoint(path = "/things/update", path = "/things/get", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", path = "/things/get")]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

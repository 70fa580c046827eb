#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(one_of = ["on", "off", "on"])]
    pub mode: Option<String>,
}

fn main() {}

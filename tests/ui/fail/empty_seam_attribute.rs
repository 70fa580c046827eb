#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam()]
    pub name: Option<String>,
}

fn main() {}

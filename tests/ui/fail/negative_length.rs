#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(min_length = -1)]
    pub name: Option<String>,
}

fn main() {
    let _ = UpdateThing::new().name("x");
}

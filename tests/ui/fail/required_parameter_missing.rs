// A required parameter is a constructor argument: leaving it out does not compile.
#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    pub name: Option<String>,
}

fn main() {
    let _ = UpdateThing::new().name("x");
}

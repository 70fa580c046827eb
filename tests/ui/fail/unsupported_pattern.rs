#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(pattern = "^(ab)+|c$")]
    pub name: Option<String>,
}

fn main() {
    let _ = UpdateThing::new().name("ab");
}

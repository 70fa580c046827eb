// What the matcher does not support is refused at compile time, at the pattern,
// with what it does support.
#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(pattern = "^(?=a)\\w+$")]
    pub name: Option<String>,
}

fn main() {
    let _ = UpdateThing::new().name("ab");
}

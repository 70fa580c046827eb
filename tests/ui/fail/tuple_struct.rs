#[seamapi_core::seam_endpoint(path = "/things/update")]
pub struct UpdateThing(String);

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing(String);

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub enum UpdateThing {
    ById(String),
}

fn main() {}

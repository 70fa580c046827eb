#[seamapi_core::seam_endpoint(path = "/things/update")]
pub enum UpdateThing {
    ById(String),
}

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", method = "POTS", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

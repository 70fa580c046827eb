#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    #[seam(max_length = 10)]
    pub active: Option<bool>,
}

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(min_length = 10, max_length = 5)]
    pub id: String,
}

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(max_lenght = 5)]
    pub id: String,
}

fn main() {}

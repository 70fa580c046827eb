#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    #[seam(max_entries = 10)]
    pub name: Option<String>,
}

fn main() {}

#[seamapi_core::seam_endpoint(path = "/things/update", respons_key = "thing", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

#[seamapi_core::seam_endpoint(path = "https://connect.getseam.com/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

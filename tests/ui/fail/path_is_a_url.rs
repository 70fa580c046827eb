#[seamapi_core::seam_endpoint(path = "https://connect.getseam.com/things/update")]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

#[seamapi_core::seam_endpoint]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

//! A route Seam does not have, near none it has.

#[seamapi_core::seam_endpoint(path = "/teleporters/beam")]
pub struct Beam {
    pub teleporter_id: String,
}

fn main() {}

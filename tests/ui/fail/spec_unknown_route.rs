//! A route Seam does not have, one edit away from one it has.

#[seamapi_core::seam_endpoint(path = "/devices/lst")]
pub struct ListDevices {
    pub limit: Option<u32>,
}

fn main() {}

//! A method the route is not served on.

#[seamapi_core::seam_endpoint(path = "/devices/list", method = "DELETE")]
pub struct ListDevices {
    pub limit: Option<u32>,
}

fn main() {}

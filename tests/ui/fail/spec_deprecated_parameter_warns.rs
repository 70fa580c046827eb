//! A parameter Seam deprecates warns (an error under `deny(warnings)`).
#![deny(warnings)]

#[seamapi_core::seam_endpoint(path = "/access_codes/create")]
pub struct CreateAccessCode {
    pub device_id: String,
    pub use_offline_access_code: Option<bool>,
}

fn main() {}

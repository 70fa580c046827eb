//! `one_of` values the spec does not have.

#[seamapi_core::seam_endpoint(path = "/devices/list", response = serde_json::Value, response_key = "devices")]
pub struct ListDevices {
    #[seam(one_of = ["august_lock", "schlage"])]
    pub device_type: Option<String>,
}

fn main() {}

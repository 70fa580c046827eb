//! A list parameter declared as a string.

#[seamapi_core::seam_endpoint(path = "/devices/list", response = serde_json::Value, response_key = "devices")]
pub struct ListDevices {
    pub device_ids: Option<String>,
}

fn main() {}

#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[seamapi_core::seam_endpoint(path = "/gadgets/unlock", action_attempt, unchecked)]
pub struct UnlockGadget {
    pub gadget_id: String,
}

#[seamapi_core::seam_endpoint(path = "/gadgets/list", response = Thing, response_key = "things", paginated, action_attempt, unchecked)]
pub struct ListGadgets {
    pub page_cursor: Option<String>,
}

// A route of Seam's that answers no action attempt, with a response that is no action attempt model: two mistakes, two errors.
#[seamapi_core::seam_endpoint(path = "/devices/get", response = Thing, response_key = "device", action_attempt)]
pub struct GetDevice {
    pub device_id: Option<String>,
}

fn main() {}

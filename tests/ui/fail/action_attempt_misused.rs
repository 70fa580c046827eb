#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[seamapi_core::seam_endpoint(path = "/locks/unlock_door", action_attempt)]
pub struct UnlockDoor {
    pub device_id: String,
}

#[seamapi_core::seam_endpoint(path = "/things/list", response = Thing, response_key = "things", paginated, action_attempt)]
pub struct ListThings {
    pub page_cursor: Option<String>,
}

fn main() {}

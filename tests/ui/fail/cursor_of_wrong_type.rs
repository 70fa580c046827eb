#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[seamapi_core::seam_endpoint(path = "/things/list", response = Thing, response_key = "things", paginated, unchecked)]
pub struct ListThings {
    pub limit: Option<u32>,
    pub page_cursor: Option<u64>,
}

fn main() {}

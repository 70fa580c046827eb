//! `paginated` where the answer has no `pagination`.

#[seamapi_core::seam_endpoint(path = "/locks/list", response = serde_json::Value, response_key = "locks", paginated)]
pub struct ListLocks {
    pub page_cursor: Option<String>,
}

fn main() {}

//! An integer parameter declared as a float.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/list", response = serde_json::Value, response_key = "connected_accounts")]
pub struct ListConnectedAccounts {
    pub limit: Option<f64>,
}

fn main() {}

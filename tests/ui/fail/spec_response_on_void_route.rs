//! A response for a route that answers nothing of its own.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/delete", response = serde_json::Value, response_key = "connected_account", idempotent = true)]
pub struct DeleteConnectedAccount {
    pub connected_account_id: String,
}

fn main() {}

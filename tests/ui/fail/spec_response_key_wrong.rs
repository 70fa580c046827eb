//! A response key the answer does not have.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/get", response = serde_json::Value, response_key = "connected_acount")]
pub struct GetConnectedAccount {
    pub connected_account_id: String,
}

fn main() {}

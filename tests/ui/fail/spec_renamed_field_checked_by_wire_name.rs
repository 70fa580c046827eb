//! The name on the wire is what is checked.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    #[serde(rename = "displayName")]
    pub display_name: Option<String>,
}

fn main() {}

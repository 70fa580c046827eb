//! A boolean parameter declared as a string.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    pub automatically_manage_new_devices: Option<String>,
}

fn main() {}

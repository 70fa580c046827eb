//! A misspelt parameter.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    pub automaticaly_manage_new_devices: Option<bool>,
}

fn main() {}

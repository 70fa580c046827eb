//! `null` for a parameter that cannot be null.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    pub display_name: Option<seamapi_core::Nullable<String>>,
}

fn main() {}

//! A required parameter declared as optional.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: Option<String>,
}

fn main() {}

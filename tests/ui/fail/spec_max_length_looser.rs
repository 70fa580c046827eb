//! A rule that allows what Seam refuses.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    #[seam(max_length = 300)]
    pub display_name: Option<String>,
}

fn main() {}

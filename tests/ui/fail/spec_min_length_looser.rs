//! A lower bound below Seam's.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    #[seam(min_length = 0)]
    pub customer_key: Option<String>,
}

fn main() {}

//! `#[seam(unchecked)]` on a parameter the spec knows.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/sync")]
pub struct SyncConnectedAccount {
    #[seam(unchecked)]
    pub connected_account_id: String,
}

fn main() {}

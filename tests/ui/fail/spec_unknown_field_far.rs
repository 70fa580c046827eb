//! A parameter the route does not take, near none it does.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/sync")]
pub struct SyncConnectedAccount {
    pub connected_account_id: String,
    pub colour: Option<String>,
}

fn main() {}

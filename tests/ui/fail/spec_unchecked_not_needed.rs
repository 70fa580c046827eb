//! `unchecked` on a route the spec knows.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/sync", unchecked)]
pub struct SyncConnectedAccount {
    pub connected_account_id: String,
}

fn main() {}

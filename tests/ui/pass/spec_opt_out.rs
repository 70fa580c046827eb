//! Routes and parameters newer than the pinned spec: declared with the opt-out,
//! which the rest of the definition still goes through (syntax, rules, types).
#![deny(warnings)]

use seamapi_core::seam_endpoint;

/// A route the spec does not have.
#[seam_endpoint(path = "/locks/teleport", idempotent = false, unchecked)]
pub struct TeleportLock {
    pub device_id: String,
    #[seam(min_length = 1)]
    pub destination: Option<String>,
}

/// A route the spec has, with one parameter it does not have yet.
#[seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub connected_account_id: String,
    #[seam(unchecked, max_length = 20)]
    pub nickname: Option<String>,
}

fn main() {
    let _ = TeleportLock::new("device_1").destination("moon");
    let _ = UpdateConnectedAccount::new("ca_1").nickname("home");
}

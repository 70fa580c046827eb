//! A parameter the route requires is not declared.

#[seamapi_core::seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
pub struct UpdateConnectedAccount {
    pub display_name: Option<String>,
}

fn main() {}

//! `ActionCall`'s methods exist only on calls whose route answers an action attempt.

#[derive(Debug, serde::Deserialize)]
pub struct Lock {}

#[seamapi_core::seam_endpoint(path = "/gadgets/get", response = Lock, response_key = "lock", unchecked)]
pub struct GetLock {
    pub device_id: String,
}

fn main() {
    use seamapi_core::{ActionCall, Bind};

    let client = seamapi_core::Client::builder().api_key("seam_key").build().unwrap();
    let _ = GetLock::new("d").bind(&client).wait_for_action_attempt(false);
}

//! `action_attempt` with a model of the caller's own, under `deny(warnings)`: any
//! type implementing `ActionAttemptModel` can be waited for, and the call gains
//! `ActionCall`'s methods.
#![deny(warnings)]

#[derive(Debug, serde::Deserialize)]
pub struct Attempt {
    pub action_attempt_id: String,
    pub action_type: String,
    pub status: String,
}

impl seamapi_core::ActionAttemptModel for Attempt {
    fn action_attempt_id(&self) -> &str {
        &self.action_attempt_id
    }

    fn action_type(&self) -> &str {
        &self.action_type
    }

    fn status(&self) -> seamapi_core::ActionAttemptStatus<'_> {
        match self.status.as_str() {
            "pending" => seamapi_core::ActionAttemptStatus::Pending,
            "success" => seamapi_core::ActionAttemptStatus::Success,
            other => seamapi_core::ActionAttemptStatus::Unknown(other),
        }
    }
}

#[seamapi_core::seam_endpoint(path = "/locks/unlock_door", response = Attempt, response_key = "action_attempt", action_attempt, idempotent = false)]
#[derive(Debug)]
pub struct UnlockDoor {
    pub device_id: String,
}

fn main() {
    use seamapi_core::{ActionCall, Bind, Endpoint};

    let _: Option<&str> = UnlockDoor::RESPONSE_KEY;
    let client = seamapi_core::Client::builder().api_key("seam_key").endpoint("http://127.0.0.1:9").wait_for_action_attempts(false).build().unwrap();
    let _future = std::future::IntoFuture::into_future(
        UnlockDoor::new("d").bind(&client).wait_for_action_attempt(true).action_attempt_timeout(std::time::Duration::from_secs(1)),
    );
}

//! `action_attempt` with a model of the caller's own, under `deny(warnings)`: any
//! type implementing `ActionAttemptModel` can be waited for, and the call gains
//! `ActionCall`'s methods. `action_attempt = Model` answers a resource with the
//! attempt beside it, which the client waits for on request.
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

#[derive(Debug, serde::Deserialize)]
pub struct AccessCode {
    pub access_code_id: String,
}

#[seamapi_core::seam_endpoint(path = "/access_codes/create", response = AccessCode, response_key = "access_code", action_attempt = Attempt, idempotent = false)]
#[derive(Debug)]
pub struct CreateAccessCode {
    pub device_id: String,
    pub code: Option<String>,
}

async fn create_then_wait(client: &seamapi_core::Client) -> Result<(AccessCode, Option<Attempt>), seamapi_core::Error> {
    use seamapi_core::Bind;

    let seamapi_core::WithActionAttempt { resource, action_attempt } =
        CreateAccessCode::new("d").code("1234").bind(client).await?;
    let action_attempt = match action_attempt {
        Some(attempt) => Some(client.wait_for_action_attempt(attempt).await?),
        None => None,
    };
    Ok((resource, action_attempt))
}

fn main() {
    use seamapi_core::{ActionCall, Bind, Endpoint};

    let _: Option<&str> = UnlockDoor::RESPONSE_KEY;
    let client = seamapi_core::Client::builder().api_key("seam_key").endpoint("http://127.0.0.1:9").wait_for_action_attempts(false).build().unwrap();
    let _future = std::future::IntoFuture::into_future(
        UnlockDoor::new("d").bind(&client).wait_for_action_attempt(true).action_attempt_timeout(std::time::Duration::from_secs(1)).action_attempt_poll_interval(std::time::Duration::from_millis(200)),
    );
    let _future = create_then_wait(&client);
}

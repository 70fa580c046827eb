#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[derive(Debug, serde::Deserialize)]
pub struct Attempt {
    pub action_attempt_id: String,
}

impl seamapi_core::ActionAttemptModel for Attempt {
    fn action_attempt_id(&self) -> &str {
        &self.action_attempt_id
    }

    fn action_type(&self) -> &str {
        "UNLOCK_GADGET"
    }

    fn status(&self) -> seamapi_core::ActionAttemptStatus<'_> {
        seamapi_core::ActionAttemptStatus::Pending
    }
}

// Beside what? No answer is named.
#[seamapi_core::seam_endpoint(path = "/gadgets/create", action_attempt = Attempt, unchecked)]
pub struct CreateGadget {
    pub name: String,
}

// The attempt is the whole answer: that is the `action_attempt` flag.
#[seamapi_core::seam_endpoint(path = "/gadgets/unlock", response = Attempt, response_key = "action_attempt", action_attempt = Attempt, unchecked)]
pub struct UnlockGadget {
    pub gadget_id: String,
}

// A route of Seam's that answers no action attempt beside its device.
#[seamapi_core::seam_endpoint(path = "/devices/get", response = Thing, response_key = "device", action_attempt = Attempt)]
pub struct GetDevice {
    pub device_id: Option<String>,
}

fn main() {}

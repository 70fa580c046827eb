//! [`models::ActionAttempt`](crate::models::ActionAttempt) as an
//! [`ActionAttemptModel`]: its ID, action type and status across every variant,
//! which calls to routes answering an action attempt wait on. Written by hand over
//! the generated union (which the generator may not be told about yet); the crate's
//! docs and the README describe the waiting.
//!
//! A call waits for its attempt by default (see
//! [`ClientBuilder::wait_for_action_attempts`]): it polls `/action_attempts/get`
//! until the attempt succeeds, and answers it, or fails with
//! [`Error::ActionAttemptFailed`], [`Error::ActionAttemptTimedOut`] (the attempt's
//! ID kept, to check later) or [`Error::ActionAttemptPollFailed`].
//!
//! ```no_run
//! use std::time::Duration;
//!
//! use seamapi::models::ActionAttempt;
//! use seamapi::prelude::*;
//!
//! #[seamapi::seam_endpoint(
//!     path = "/locks/unlock_door",
//!     response = ActionAttempt,
//!     response_key = "action_attempt",
//!     action_attempt,
//!     idempotent = false
//! )]
//! pub struct UnlockDoor {
//!     pub device_id: String,
//! }
//!
//! # async fn run(seam: Client) -> Result<(), Error> {
//! // Waits (10 s at most, unless the client says otherwise), and answers the
//! // attempt once it succeeded: its typed result is in its variant.
//! match UnlockDoor::new("device_1").bind(&seam).await {
//!     Ok(ActionAttempt::UnlockDoorSuccess(done)) => println!("{:?}", done.result),
//!     Ok(other) => println!("{} {}", other.action_type(), other.action_attempt_id()),
//!     Err(Error::ActionAttemptFailed(failed)) => println!("{}: {}", failed.error_type, failed.message),
//!     Err(Error::ActionAttemptTimedOut(late)) => println!("check {} later", late.action_attempt_id),
//!     Err(other) => return Err(other),
//! }
//! // Per call: wait longer, or not at all (the attempt as Seam answered it).
//! let attempt = UnlockDoor::new("device_1")
//!     .bind(&seam)
//!     .action_attempt_timeout(Duration::from_secs(30))
//!     .await?;
//! let pending = UnlockDoor::new("device_1").bind(&seam).wait_for_action_attempt(false).await?;
//! assert!(pending.is_pending() || pending.is_success());
//! # Ok(()) }
//! ```
//!
//! [`ClientBuilder::wait_for_action_attempts`]: crate::ClientBuilder::wait_for_action_attempts
//! [`Error::ActionAttemptFailed`]: crate::Error::ActionAttemptFailed
//! [`Error::ActionAttemptTimedOut`]: crate::Error::ActionAttemptTimedOut
//! [`Error::ActionAttemptPollFailed`]: crate::Error::ActionAttemptPollFailed

use seamapi_core::{ActionAttemptModel, ActionAttemptStatus};
use serde_json::Value;

use crate::models::ActionAttempt;
use crate::models::action_attempt::{
    AssignCredentialErrorActionAttemptError, EncodeCredentialErrorActionAttemptError,
    LockDoorErrorActionAttemptError, ScanCredentialErrorActionAttemptError,
    ScanToAssignCredentialErrorActionAttemptError,
};

/// What every generated error of a failed attempt gives: Seam's error type and
/// message.
trait ErrorParts {
    fn parts(&self) -> (&str, &str);
}

impl ErrorParts for LockDoorErrorActionAttemptError {
    fn parts(&self) -> (&str, &str) {
        (&self.r#type, &self.message)
    }
}

/// The errors that are unions by `type`: the tag is the type, each variant has
/// its message. Listed by hand from the generated unions; a variant added there
/// and not here fails to compile (the matches are exhaustive).
macro_rules! error_unions {
    ($($union:ident { $($variant:ident = $tag:literal,)+ })+) => {
        $(
            impl ErrorParts for $union {
                fn parts(&self) -> (&str, &str) {
                    match self {
                        $(Self::$variant(error) => ($tag, &error.message),)+
                        Self::Unknown(value) => (text(value, "type"), text(value, "message")),
                    }
                }
            }
        )+
    };
}

error_unions! {
    ScanCredentialErrorActionAttemptError {
        UncategorizedError = "uncategorized_error",
        ActionAttemptExpired = "action_attempt_expired",
        NoCredentialOnEncoder = "no_credential_on_encoder",
        EncoderNotOnline = "encoder_not_online",
        EncoderCommunicationTimeout = "encoder_communication_timeout",
        BridgeDisconnected = "bridge_disconnected",
    }
    EncodeCredentialErrorActionAttemptError {
        UncategorizedError = "uncategorized_error",
        ActionAttemptExpired = "action_attempt_expired",
        NoCredentialOnEncoder = "no_credential_on_encoder",
        IncompatibleCardFormat = "incompatible_card_format",
        CredentialCannotBeReissued = "credential_cannot_be_reissued",
        EncoderNotOnline = "encoder_not_online",
        EncoderCommunicationTimeout = "encoder_communication_timeout",
        BridgeDisconnected = "bridge_disconnected",
        EncodingInterrupted = "encoding_interrupted",
        CredentialDeleted = "credential_deleted",
    }
    ScanToAssignCredentialErrorActionAttemptError {
        UncategorizedError = "uncategorized_error",
        ActionAttemptExpired = "action_attempt_expired",
        NoCredentialOnEncoder = "no_credential_on_encoder",
    }
    AssignCredentialErrorActionAttemptError {
        UncategorizedError = "uncategorized_error",
        ActionAttemptExpired = "action_attempt_expired",
        CredentialNotFound = "credential_not_found",
    }
}

/// Accessors over every variant, from a table of each action type and its three
/// variants; exhaustive matches, so that a variant the generator adds and this
/// table lacks is a compile error here, not a silent gap.
macro_rules! action_types {
    ($($action:literal => $pending:ident, $success:ident, $error:ident;)+) => {
        impl ActionAttempt {
            /// The attempt's ID: what `/action_attempts/get` takes.
            pub fn action_attempt_id(&self) -> &str {
                match self {
                    $(
                        Self::$pending(attempt) => &attempt.action_attempt_id,
                        Self::$success(attempt) => &attempt.action_attempt_id,
                        Self::$error(attempt) => &attempt.action_attempt_id,
                    )+
                    Self::Unknown(value) => text(value, "action_attempt_id"),
                }
            }

            /// The action, as Seam spells it: `UNLOCK_DOOR`, `SET_HVAC_MODE`...
            pub fn action_type(&self) -> &str {
                match self {
                    $(Self::$pending(_) | Self::$success(_) | Self::$error(_) => $action,)+
                    Self::Unknown(value) => text(value, "action_type"),
                }
            }

            /// Where the attempt stands: pending, succeeded, or failed with Seam's
            /// error type and message.
            pub fn status(&self) -> ActionAttemptStatus<'_> {
                match self {
                    $(
                        Self::$pending(_) => ActionAttemptStatus::Pending,
                        Self::$success(_) => ActionAttemptStatus::Success,
                        Self::$error(attempt) => {
                            let (error_type, message) = attempt.error.parts();
                            ActionAttemptStatus::Error { error_type, message }
                        }
                    )+
                    Self::Unknown(value) => unknown_status(value),
                }
            }
        }
    };
}

action_types! {
    "LOCK_DOOR" => LockDoorPending, LockDoorSuccess, LockDoorError;
    "UNLOCK_DOOR" => UnlockDoorPending, UnlockDoorSuccess, UnlockDoorError;
    "SCAN_CREDENTIAL" => ScanCredentialPending, ScanCredentialSuccess, ScanCredentialError;
    "ENCODE_CREDENTIAL" => EncodeCredentialPending, EncodeCredentialSuccess, EncodeCredentialError;
    "SCAN_TO_ASSIGN_CREDENTIAL" => ScanToAssignCredentialPending, ScanToAssignCredentialSuccess, ScanToAssignCredentialError;
    "ASSIGN_CREDENTIAL" => AssignCredentialPending, AssignCredentialSuccess, AssignCredentialError;
    "RESET_SANDBOX_WORKSPACE" => ResetSandboxWorkspacePending, ResetSandboxWorkspaceSuccess, ResetSandboxWorkspaceError;
    "SET_FAN_MODE" => SetFanModePending, SetFanModeSuccess, SetFanModeError;
    "SET_HVAC_MODE" => SetHvacModePending, SetHvacModeSuccess, SetHvacModeError;
    "ACTIVATE_CLIMATE_PRESET" => ActivateClimatePresetPending, ActivateClimatePresetSuccess, ActivateClimatePresetError;
    "SIMULATE_KEYPAD_CODE_ENTRY" => SimulateKeypadCodeEntryPending, SimulateKeypadCodeEntrySuccess, SimulateKeypadCodeEntryError;
    "SIMULATE_MANUAL_LOCK_VIA_KEYPAD" => SimulateManualLockViaKeypadPending, SimulateManualLockViaKeypadSuccess, SimulateManualLockViaKeypadError;
    "PUSH_THERMOSTAT_PROGRAMS" => PushThermostatProgramsPending, PushThermostatProgramsSuccess, PushThermostatProgramsError;
    "CONFIGURE_AUTO_LOCK" => ConfigureAutoLockPending, ConfigureAutoLockSuccess, ConfigureAutoLockError;
    "SYNC_ACCESS_CODES" => SyncAccessCodesPending, SyncAccessCodesSuccess, SyncAccessCodesError;
    "CREATE_ACCESS_CODE" => CreateAccessCodePending, CreateAccessCodeSuccess, CreateAccessCodeError;
    "DELETE_ACCESS_CODE" => DeleteAccessCodePending, DeleteAccessCodeSuccess, DeleteAccessCodeError;
    "UPDATE_ACCESS_CODE" => UpdateAccessCodePending, UpdateAccessCodeSuccess, UpdateAccessCodeError;
    "CREATE_NOISE_THRESHOLD" => CreateNoiseThresholdPending, CreateNoiseThresholdSuccess, CreateNoiseThresholdError;
    "DELETE_NOISE_THRESHOLD" => DeleteNoiseThresholdPending, DeleteNoiseThresholdSuccess, DeleteNoiseThresholdError;
    "UPDATE_NOISE_THRESHOLD" => UpdateNoiseThresholdPending, UpdateNoiseThresholdSuccess, UpdateNoiseThresholdError;
}

impl ActionAttempt {
    /// Whether the device has not finished yet.
    pub fn is_pending(&self) -> bool {
        self.status() == ActionAttemptStatus::Pending
    }

    /// Whether the action was carried out.
    pub fn is_success(&self) -> bool {
        self.status() == ActionAttemptStatus::Success
    }

    /// Whether the action failed.
    pub fn is_error(&self) -> bool {
        matches!(self.status(), ActionAttemptStatus::Error { .. })
    }
}

impl ActionAttemptModel for ActionAttempt {
    fn action_attempt_id(&self) -> &str {
        ActionAttempt::action_attempt_id(self)
    }

    fn action_type(&self) -> &str {
        ActionAttempt::action_type(self)
    }

    fn status(&self) -> ActionAttemptStatus<'_> {
        ActionAttempt::status(self)
    }
}

/// A string property of an object this SDK does not know, or `""`.
fn text<'a>(value: &'a Value, key: &str) -> &'a str {
    value.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The status of an attempt of an action type this SDK does not know (or a
/// status it does not know), read from its JSON as Seam's API states it.
fn unknown_status(value: &Value) -> ActionAttemptStatus<'_> {
    match text(value, "status") {
        "pending" => ActionAttemptStatus::Pending,
        "success" => ActionAttemptStatus::Success,
        "error" => {
            let error = value.get("error").unwrap_or(&Value::Null);
            ActionAttemptStatus::Error {
                error_type: text(error, "type"),
                message: text(error, "message"),
            }
        }
        other => ActionAttemptStatus::Unknown(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(json: Value) -> ActionAttempt {
        serde_json::from_value(json).unwrap()
    }

    #[test]
    fn known_variants_give_id_type_and_status() {
        let pending = decode(serde_json::json!({
            "action_attempt_id": "a1", "action_type": "UNLOCK_DOOR", "status": "pending",
            "result": null, "error": null,
        }));
        assert_eq!(pending.action_attempt_id(), "a1");
        assert_eq!(pending.action_type(), "UNLOCK_DOOR");
        assert!(pending.is_pending());
        let failed = decode(serde_json::json!({
            "action_attempt_id": "a2", "action_type": "SET_HVAC_MODE", "status": "error",
            "result": null, "error": {"type": "device_offline", "message": "gone"},
        }));
        assert_eq!(
            failed.status(),
            ActionAttemptStatus::Error {
                error_type: "device_offline",
                message: "gone"
            }
        );
        // An error that is a union by `type`: the tag is the type.
        let failed = decode(serde_json::json!({
            "action_attempt_id": "a3", "action_type": "ENCODE_CREDENTIAL", "status": "error",
            "result": null, "error": {"type": "encoder_not_online", "message": "off"},
        }));
        assert_eq!(
            failed.status(),
            ActionAttemptStatus::Error {
                error_type: "encoder_not_online",
                message: "off"
            }
        );
    }

    #[test]
    fn unknown_action_types_are_read_from_their_json() {
        let attempt = decode(serde_json::json!({
            "action_attempt_id": "a4", "action_type": "OPEN_WINDOW", "status": "error",
            "error": {"type": "stuck", "message": "window stuck"},
        }));
        assert!(matches!(attempt, ActionAttempt::Unknown(_)));
        assert_eq!(attempt.action_attempt_id(), "a4");
        assert_eq!(attempt.action_type(), "OPEN_WINDOW");
        assert_eq!(
            attempt.status(),
            ActionAttemptStatus::Error {
                error_type: "stuck",
                message: "window stuck"
            }
        );
        let attempt = decode(serde_json::json!({
            "action_attempt_id": "a5", "action_type": "LOCK_DOOR", "status": "cancelled",
        }));
        assert_eq!(attempt.status(), ActionAttemptStatus::Unknown("cancelled"));
    }
}

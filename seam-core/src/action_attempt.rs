//! Action attempts: the work a device does for a call (unlocking a door, setting a
//! thermostat), which Seam answers before it is done. A call whose endpoint answers
//! one ([`seam_endpoint`](crate::seam_endpoint)'s `action_attempt`) waits for it, by
//! default: it polls `/action_attempts/get` until the attempt succeeds or fails, or
//! the wait runs out.
//!
//! What an attempt is, seam-core leaves to the model that implements
//! [`ActionAttemptModel`] (the SDK's `models::ActionAttempt`); the waiting, its
//! settings and its errors are here, once for every such endpoint and for both
//! clients.

use std::future::Future;
use std::marker::PhantomData;
use std::time::Duration;

use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::time::Instant;

use crate::call::Bound;
use crate::client::Client;
use crate::endpoint::{Answer, Endpoint, Keyed};
use crate::error::{
    ActionAttemptFailed, ActionAttemptPollFailed, ActionAttemptTimedOut, DecodeError, Error,
};

/// How long a call waits for its action attempt unless the client or the call says
/// otherwise: as Seam's JavaScript SDK.
pub const DEFAULT_ACTION_ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);

/// The longest pause between two polls of an action attempt unless the client says
/// otherwise: as Seam's JavaScript SDK.
pub const DEFAULT_ACTION_ATTEMPT_POLL_INTERVAL: Duration = Duration::from_secs(1);

/// The pause before the second poll. Most actions finish within a second or two:
/// starting short and doubling up to the poll interval answers those quickly
/// without asking a slow device's attempt more than once a poll interval.
const FIRST_PAUSE: Duration = Duration::from_millis(250);

/// Where an action attempt stands, as its model reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ActionAttemptStatus<'a> {
    /// The device has not finished: ask again later.
    Pending,
    /// The action was carried out.
    Success,
    /// The action failed.
    Error {
        /// Seam's error type, such as `uncategorized_error`.
        error_type: &'a str,
        /// Seam's message.
        message: &'a str,
    },
    /// A status this SDK does not know, as Seam spelled it.
    Unknown(&'a str),
}

/// An action attempt's model: what waiting needs to read of it. Implemented by the
/// SDK's `models::ActionAttempt`; a crate with a model of its own implements it
/// to use `action_attempt` endpoints with that model.
pub trait ActionAttemptModel: DeserializeOwned + Send + Sync + 'static {
    /// Its ID, to poll it by.
    fn action_attempt_id(&self) -> &str;

    /// Its action type, such as `UNLOCK_DOOR`.
    fn action_type(&self) -> &str;

    /// Where it stands.
    fn status(&self) -> ActionAttemptStatus<'_>;
}

/// An answer with an action attempt under the endpoint's key
/// (`{"action_attempt": {...}, "ok": true}`): what
/// [`seam_endpoint`](crate::seam_endpoint)'s `action_attempt` gives an endpoint.
/// Its call waits for the attempt as the client and the call say (see
/// [`ActionCall`](crate::ActionCall)).
#[derive(Debug)]
pub struct Attempt<A>(PhantomData<fn() -> A>);

impl<A: ActionAttemptModel> Answer for Attempt<A> {
    type Output = A;

    fn decode(body: &[u8], key: Option<&'static str>) -> Result<A, DecodeError> {
        Keyed::<A>::decode(body, key)
    }

    fn settle(output: A, binding: &Bound) -> impl Future<Output = Result<A, Error>> + Send {
        wait(output, binding)
    }
}

/// An answer with a resource under the endpoint's key and the action attempt Seam
/// started for it beside it (`{"access_code": {...}, "action_attempt": {...}}`):
/// what [`seam_endpoint`](crate::seam_endpoint)'s `action_attempt = Model` gives
/// an endpoint.
///
/// Its call never waits for the attempt, whatever the client says: the resource
/// exists once Seam answers, and a wait that failed or ran out would otherwise
/// cost the caller it. Wait for the attempt afterwards with
/// [`Client::wait_for_action_attempt`].
#[derive(Debug)]
pub struct Beside<T, A>(PhantomData<fn() -> (T, A)>);

/// A resource and the action attempt Seam started for it: the answer of
/// `access_codes/create` (the code, and the attempt to program it onto the lock)
/// or `noise_sensors/noise_thresholds/create`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithActionAttempt<T, A> {
    /// What the call made, as Seam answered it.
    pub resource: T,
    /// The attempt as Seam answered it, usually pending: wait for it with
    /// [`Client::wait_for_action_attempt`]. `None` when the answer had none (Seam's
    /// fake server leaves it out of `access_codes/create`).
    pub action_attempt: Option<A>,
}

// Decoding needs no more of the model; the macro checks, at the model's own
// token, that it is one (`__private::action_attempt_model`).
impl<T: DeserializeOwned + Send, A: DeserializeOwned + Send> Answer for Beside<T, A> {
    type Output = WithActionAttempt<T, A>;

    fn decode(body: &[u8], key: Option<&'static str>) -> Result<Self::Output, DecodeError> {
        let key = key.ok_or_else(crate::endpoint::missing_key)?;
        let (resource, action_attempt) =
            crate::decode::decode_beside(body, key, ACTION_ATTEMPT_KEY).map_err(DecodeError)?;
        Ok(WithActionAttempt {
            resource,
            action_attempt,
        })
    }
}

/// Compiles only for a model of action attempts: what the macro asks of the model
/// named by `action_attempt = Model`, at that token.
#[doc(hidden)]
pub fn action_attempt_model<A: ActionAttemptModel>() {}

/// The key of an action attempt in Seam's answers.
const ACTION_ATTEMPT_KEY: &str = "action_attempt";

/// The answers whose calls wait for an action attempt: [`Attempt`]. What
/// [`ActionCall`](crate::ActionCall) is implemented for.
pub trait ActionAttemptAnswer: Answer + sealed::Sealed {}

impl<A: ActionAttemptModel> ActionAttemptAnswer for Attempt<A> {}

mod sealed {
    pub trait Sealed {}

    impl<A> Sealed for super::Attempt<A> {}
}

impl Client {
    /// Waits for `attempt` to succeed: polls `/action_attempts/get` as a call that
    /// waits does, whether or not the client waits by default, within the client's
    /// action attempt timeout and poll interval unless the wait sets its own. For
    /// an attempt a call answered without waiting (a [`WithActionAttempt`], or a
    /// call told not to wait), or one whose wait ran out and is worth another.
    ///
    /// `.await` answers the attempt once it succeeded, or fails as a waiting call
    /// does: [`Error::ActionAttemptFailed`], [`Error::ActionAttemptTimedOut`] or
    /// [`Error::ActionAttemptPollFailed`].
    pub fn wait_for_action_attempt<A: ActionAttemptModel>(
        &self,
        attempt: A,
    ) -> WaitForActionAttempt<A> {
        WaitForActionAttempt {
            attempt,
            binding: Bound::new(self),
        }
    }
}

/// A wait for an action attempt, from [`Client::wait_for_action_attempt`]: set
/// its timeout or poll interval, then `.await` it.
#[must_use = "a wait does nothing until it is awaited"]
#[derive(Debug)]
pub struct WaitForActionAttempt<A> {
    attempt: A,
    binding: Bound,
}

impl<A> WaitForActionAttempt<A> {
    /// Waits at most `timeout` (counted from now), instead of the client's action
    /// attempt timeout: programming an access code onto a lock may take minutes.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.binding.options.wait_timeout = Some(timeout);
        self
    }

    /// Polls at least every `interval`, instead of the client's poll interval
    /// (the first pauses are shorter, doubling up to it).
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.binding.options.poll_interval = Some(interval);
        self
    }
}

impl<A: ActionAttemptModel> std::future::IntoFuture for WaitForActionAttempt<A> {
    type Output = Result<A, Error>;
    type IntoFuture = crate::CallFuture<A>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(async move { wait_for(self.attempt, &self.binding).await })
    }
}

/// A client's defaults for action attempts, set on its builder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct WaitDefaults {
    pub(crate) wait: bool,
    pub(crate) timeout: Duration,
    pub(crate) poll_interval: Duration,
}

impl Default for WaitDefaults {
    fn default() -> Self {
        Self {
            wait: true,
            timeout: DEFAULT_ACTION_ATTEMPT_TIMEOUT,
            poll_interval: DEFAULT_ACTION_ATTEMPT_POLL_INTERVAL,
        }
    }
}

/// `/action_attempts/get`, answering whatever model the waiting call decodes.
#[derive(Serialize)]
struct GetActionAttempt<'a, A> {
    action_attempt_id: &'a str,
    #[serde(skip)]
    model: PhantomData<fn() -> A>,
}

impl<A: ActionAttemptModel> Endpoint for GetActionAttempt<'_, A> {
    type Response = A;
    type Answer = Keyed<A>;
    const PATH: &'static str = "/action_attempts/get";
    const IDEMPOTENT: bool = true;
    const RESPONSE_KEY: Option<&'static str> = Some(ACTION_ATTEMPT_KEY);
}

/// `attempt` once it succeeds, when the call waits (as its binding, or else its
/// client, says); it as it is otherwise.
///
/// The first poll goes out at once, as the attempt Seam answered with is often
/// already stale; then pauses double from [`FIRST_PAUSE`] up to the poll interval.
/// No pause and no poll outlasts the wait's deadline: each poll's own timeout is
/// cut to the time left.
async fn wait<A: ActionAttemptModel>(attempt: A, binding: &Bound) -> Result<A, Error> {
    if !binding
        .options
        .wait
        .unwrap_or(binding.client.inner.action_attempts.wait)
    {
        return Ok(attempt);
    }
    wait_for(attempt, binding).await
}

/// `attempt` once it succeeds, polled as `binding`'s options (or else its client's
/// defaults) say: [`wait`] once it has decided to wait.
pub(crate) async fn wait_for<A: ActionAttemptModel>(
    attempt: A,
    binding: &Bound,
) -> Result<A, Error> {
    let client: &Client = &binding.client;
    let defaults = client.inner.action_attempts;
    let timeout = binding.options.wait_timeout.unwrap_or(defaults.timeout);
    let poll_interval = binding
        .options
        .poll_interval
        .unwrap_or(defaults.poll_interval);
    let request_timeout = binding.options.timeout.unwrap_or(client.inner.timeout);
    let deadline = Instant::now().checked_add(timeout);
    let mut pause = FIRST_PAUSE.min(poll_interval);
    let mut attempt = attempt;
    let mut polled = false;
    loop {
        match attempt.status() {
            ActionAttemptStatus::Success => return Ok(attempt),
            ActionAttemptStatus::Pending => {}
            ActionAttemptStatus::Error {
                error_type,
                message,
            } => return Err(failed(&attempt, error_type, message)),
            ActionAttemptStatus::Unknown(status) => {
                let message = "Seam gave a status this SDK does not know; update the SDK";
                return Err(failed(&attempt, status, message));
            }
        }
        if polled {
            match (Instant::now().checked_add(pause), deadline) {
                (Some(wake), Some(deadline)) if wake < deadline => {
                    tokio::time::sleep_until(wake).await;
                }
                (Some(wake), None) => tokio::time::sleep_until(wake).await,
                (_, Some(deadline)) => {
                    tokio::time::sleep_until(deadline).await;
                    return Err(timed_out(&attempt, timeout));
                }
                // A pause and a timeout too long to count from now: for ever, as asked.
                (None, None) => std::future::pending().await,
            }
            pause = pause.saturating_mul(2).min(poll_interval);
        }
        polled = true;
        let left = deadline.map(|deadline| deadline.saturating_duration_since(Instant::now()));
        if left == Some(Duration::ZERO) {
            return Err(timed_out(&attempt, timeout));
        }
        // Cut to the time left, a poll timing out is the wait running out.
        let cut = left.filter(|left| *left < request_timeout);
        let get = GetActionAttempt::<A> {
            action_attempt_id: attempt.action_attempt_id(),
            model: PhantomData,
        };
        match client
            .execute(&get, Some(cut.unwrap_or(request_timeout)))
            .await
        {
            Ok(polled) => attempt = polled,
            Err(Error::Timeout { .. }) if cut.is_some() => {
                return Err(timed_out(&attempt, timeout));
            }
            Err(source) => {
                return Err(Error::ActionAttemptPollFailed(Box::new(
                    ActionAttemptPollFailed {
                        action_attempt_id: attempt.action_attempt_id().to_owned(),
                        action_type: attempt.action_type().to_owned(),
                        source,
                    },
                )));
            }
        }
    }
}

fn failed(attempt: &impl ActionAttemptModel, error_type: &str, message: &str) -> Error {
    Error::ActionAttemptFailed(Box::new(ActionAttemptFailed {
        action_attempt_id: attempt.action_attempt_id().to_owned(),
        action_type: attempt.action_type().to_owned(),
        error_type: error_type.to_owned(),
        message: message.to_owned(),
    }))
}

fn timed_out(attempt: &impl ActionAttemptModel, waited: Duration) -> Error {
    Error::ActionAttemptTimedOut(Box::new(ActionAttemptTimedOut {
        action_attempt_id: attempt.action_attempt_id().to_owned(),
        action_type: attempt.action_type().to_owned(),
        waited,
    }))
}

//! Rust SDK for the [Seam API](https://docs.seam.co): smart locks, thermostats and
//! access control behind one API.
//!
//! ```no_run
//! use seamapi::prelude::*;
//!
//! # async fn run() -> Result<(), seamapi::Error> {
//! let seam = Client::from_env()?;
//! seam.connected_accounts()
//!     .update("a289aa54-5488-4707-9a4b-eeea4edf311d")
//!     .automatically_manage_new_devices(true)
//!     .custom_metadata([("id", "internalId1")])
//!     .send()
//!     .await?;
//! # Ok(()) }
//! ```
//!
//! Every documented route of Seam's API is a parameter struct declared with
//! [`seam_endpoint`], generated from Seam's OpenAPI document, in a module per
//! namespace: built on its own (`UpdateConnectedAccount::new(id).display_name("House
//! 1")`) or bound to a client by a namespace accessor, as above; its parameters are
//! validated before anything is sent, and its answer decodes into [`models`]. The
//! runtime (client, auth, retries, errors) is [`seamapi_core`], re-exported here.
//!
//! ```no_run
//! use seamapi::prelude::*;
//! use seamapi::thermostats::HvacModeSetting;
//!
//! # async fn run(seam: Client) -> Result<(), seamapi::Error> {
//! let codes = seam.access_codes().unmanaged().list("device_1").send().await?;
//! let attempt = seam.locks().unlock_door("device_1").await?;
//! seam.thermostats()
//!     .set_hvac_mode("device_1", HvacModeSetting::Heat {
//!         heating_set_point_celsius: Some(20.0),
//!         heating_set_point_fahrenheit: None,
//!     })
//!     .await?;
//! let by_email = seam.connected_accounts().get_by_email("jane@example.com").await?;
//! # let _ = (codes, attempt, by_email);
//! # Ok(()) }
//! ```
//!
//! Each top-level namespace is a cargo feature of its name, all on by default.
//!
//! # Action attempts
//!
//! Routes that make a device act (unlocking, setting a thermostat) answer with a
//! [`models::ActionAttempt`], usually still pending. A call declared with
//! [`seam_endpoint`]'s `action_attempt` waits for it by default: it polls
//! `/action_attempts/get` until the attempt succeeds and answers it, or fails with
//! [`Error::ActionAttemptFailed`] (action type, error type, message),
//! [`Error::ActionAttemptTimedOut`] (the attempt's ID, to check later) or
//! [`Error::ActionAttemptPollFailed`]. The client's builder sets the default
//! ([`ClientBuilder::wait_for_action_attempts`],
//! [`ClientBuilder::action_attempt_timeout`]); a call chooses for itself with
//! [`ActionCall`]'s `.wait_for_action_attempt(..)`, `.action_attempt_timeout(..)`
//! and `.action_attempt_poll_interval(..)`.
//! [`models::ActionAttempt`] gives `action_attempt_id()`, `action_type()` and
//! `status()` whatever its variant.
//!
//! A create that also starts an action (`access_codes/create`, which programs the
//! code onto the lock) answers a [`WithActionAttempt`]: the resource, and the
//! attempt beside it, not waited for, so that the resource is never lost to a failed
//! or slow action. [`Client::wait_for_action_attempt`] waits for it afterwards:
//!
//! ```no_run
//! use seamapi::prelude::*;
//! use seamapi::WithActionAttempt;
//!
//! # async fn run(seam: Client) -> Result<(), seamapi::Error> {
//! let WithActionAttempt { resource: code, action_attempt } =
//!     seam.access_codes().create("device_1").code("4821").await?;
//! println!("created {}", code.access_code_id);
//! if let Some(attempt) = action_attempt {
//!     seam.wait_for_action_attempt(attempt).await?;
//! }
//! # Ok(()) }
//! ```

mod action_attempt_model;
mod model_support;
#[deny(warnings, missing_docs)]
pub mod models;
#[deny(warnings, missing_docs)]
mod routes;

pub use routes::*;

/// Verifying webhook deliveries (the `verify_webhooks` feature).
#[cfg(feature = "verify_webhooks")]
pub use seamapi_core::webhook;
pub use seamapi_core::{
    ActionAttemptFailed, ActionAttemptModel, ActionAttemptPollFailed, ActionAttemptStatus,
    ActionAttemptTimedOut, ActionCall, Attempt, Beside, DEFAULT_ACTION_ATTEMPT_POLL_INTERVAL,
    DEFAULT_ACTION_ATTEMPT_TIMEOUT, WaitForActionAttempt, WithActionAttempt,
};
pub use seamapi_core::{
    Answer, ApiError, Bind, Binder, Bound, Call, CallFuture, Client, ClientBuilder, ConfigError,
    CustomMetadata, DecodeError, Endpoint, Error, IntoNullable, Keyed, MetadataValue, NonFinite,
    Nullable, Page, Paged, Paginated, Pagination, Request, RetryPolicy, SerializeError, TokenKind,
    Unbound, UnexpectedResponse, ValidationErrors, Violation, Void,
};
pub use seamapi_core::{serde, validation};

/// Declares an endpoint in a crate that depends only on `seam`: the same attribute
/// as [`seamapi_core::seam_endpoint`] (whose documentation describes it), with the
/// runtime reached through this crate.
///
/// ```
/// use seamapi::seam_endpoint;
///
/// #[seam_endpoint(path = "/locks/unlock_door", idempotent = false)]
/// pub struct UnlockDoor {
///     pub device_id: String,
///     pub sync: Option<bool>,
/// }
///
/// let params = UnlockDoor::new("device_1").sync(true);
/// # let _ = params;
/// ```
pub use seamapi_core::__private::seam_endpoint_for_seam as seam_endpoint;

/// `#[derive(Validate)]` in a crate that depends only on `seam`: the same derive as
/// [`seamapi_core::Validate`], whose documentation describes it.
pub use seamapi_core::__private::ValidateForSeam as Validate;
pub use seamapi_core::validation::Validate;

/// What code generated by [`seam_endpoint`] needs, under absolute paths. Not public
/// API.
#[doc(hidden)]
pub mod __private {
    pub use seamapi_core;
}

/// A synchronous client, for programs without an async runtime (the `blocking`
/// feature):
///
/// ```no_run
/// use seamapi::blocking::prelude::*;
///
/// let seam = seamapi::blocking::Client::from_env()?;
/// seam.connected_accounts()
///     .update("a289aa54-5488-4707-9a4b-eeea4edf311d")
///     .automatically_manage_new_devices(true)
///     .send()?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "blocking")]
pub mod blocking {
    pub use seamapi_core::blocking::{
        ActionCall, BindBlocking, BlockingBound, Call, Client, Pages, WaitForActionAttempt,
    };

    /// `use seamapi::blocking::prelude::*` brings the blocking client, the namespaces
    /// and the methods of a blocking call (`.send()`, `.pages()`, `.items()`) into scope.
    pub mod prelude {
        pub use super::{ActionCall as _, BindBlocking as _, Call as _, Client};
        pub use crate::Namespaces as _;
        pub use crate::{CustomMetadata, Error};
    }
}

/// `use seamapi::prelude::*` brings the client, the namespaces, the methods of a call
/// (`.send()`, `.timeout(..)`, `.pages()`, `.items()`, and for an action
/// `.wait_for_action_attempt(..)`, `.action_attempt_timeout(..)`) and the stream methods that
/// consume pages and items into scope:
///
/// ```no_run
/// use seamapi::prelude::*;
///
/// # async fn run(seam: Client) -> Result<(), Error> {
/// let accounts: Vec<_> = seam.connected_accounts().list().items().try_collect().await?;
/// let mut pages = seam.connected_accounts().list().limit(10).pages();
/// while let Some(page) = pages.try_next().await? {
///     println!("{} accounts", page.items.len());
/// }
/// # Ok(()) }
/// ```
pub mod prelude {
    pub use crate::{ActionCall as _, Bind as _, Call as _, Namespaces as _};
    pub use crate::{Client, CustomMetadata, Error};
    pub use futures_util::{StreamExt as _, TryStreamExt as _};
}

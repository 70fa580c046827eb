//! Rust SDK for the [Seam API](https://docs.seam.co): smart locks, thermostats and
//! access control behind one API.
//!
//! ```no_run
//! use seam::prelude::*;
//!
//! # async fn run() -> Result<(), seam::Error> {
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
//! Every endpoint is a parameter struct declared with
//! [`seam_endpoint`]; its builder validates the
//! parameters before anything is sent. The runtime (client, auth, retries, errors)
//! is [`seam_core`], re-exported here.

pub mod connected_accounts;
mod model_support;
#[deny(warnings, missing_docs)]
pub mod models;

/// Verifying webhook deliveries (the `webhooks` feature).
#[cfg(feature = "webhooks")]
pub use seam_core::webhook;
pub use seam_core::{
    ApiError, Client, ClientBuilder, ConfigError, CustomMetadata, Endpoint, Error, MetadataValue,
    NonFinite, Page, Pagination, Request, RetryPolicy, TokenKind, UnexpectedResponse,
    ValidationErrors, Violation,
};
pub use seam_core::{seam_endpoint, validation};

/// The API's namespaces, as methods on [`Client`]: `seam.connected_accounts()`.
pub trait Namespaces {
    /// Connected accounts: the accounts of device providers linked to a workspace.
    fn connected_accounts(&self) -> connected_accounts::ConnectedAccounts<'_>;
}

impl Namespaces for Client {
    fn connected_accounts(&self) -> connected_accounts::ConnectedAccounts<'_> {
        connected_accounts::ConnectedAccounts::new(self)
    }
}

/// `use seam::prelude::*` brings the client, the namespaces, and the stream methods
/// that consume `.pages()` and `.items()` into scope:
///
/// ```no_run
/// use seam::prelude::*;
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
    pub use crate::Namespaces as _;
    pub use crate::{Client, CustomMetadata, Error};
    pub use futures_util::{StreamExt as _, TryStreamExt as _};
}

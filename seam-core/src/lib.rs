//! The runtime of the seam-rs SDK for the [Seam API](https://docs.seam.co).
//!
//! It holds what every endpoint needs: the [`Client`] and its [`ClientBuilder`],
//! authentication, transport with retries and timeouts, typed [`Error`]s, the
//! [`Endpoint`] trait, validation, and shared value types such as
//! [`CustomMetadata`]. Endpoints are declared with [`seam_endpoint`]; the `seam`
//! crate holds the ones Seam publishes.

mod auth;
mod client;
mod decode;
mod endpoint;
mod error;
mod metadata;
mod pagination;
mod quote;
mod redact;
mod request;
mod retry;
mod transport;
pub mod validation;
#[cfg(feature = "webhooks")]
pub mod webhook;

pub use auth::TokenKind;
pub use client::{
    Client, ClientBuilder, DEFAULT_ENDPOINT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT,
};
pub use endpoint::{Endpoint, Method, Paginated};
pub use error::{
    ApiError, ConfigError, Error, SerializeError, TransportError, TransportStage,
    UnexpectedResponse,
};
pub use metadata::{CustomMetadata, MetadataValue, NonFinite};
pub use pagination::{Page, Pagination};
pub use request::Request;
pub use retry::RetryPolicy;
/// Declares an endpoint: `#[seam_endpoint(path = "/namespace/action", ...)]` on a
/// struct whose fields are the route's parameters.
///
/// ```
/// use seam_core::{Client, CustomMetadata, seam_endpoint};
///
/// #[seam_endpoint(path = "/connected_accounts/update")]
/// pub struct UpdateConnectedAccount {
///     /// Required: not an `Option`, so a constructor argument.
///     pub connected_account_id: String,
///     /// Optional: a setter, and left out of the JSON unless set.
///     pub automatically_manage_new_devices: Option<bool>,
///     #[seam(max_entries = 50)]
///     pub custom_metadata: Option<CustomMetadata>,
///     #[seam(min_length = 1, max_length = 255)]
///     pub display_name: Option<String>,
/// }
///
/// # async fn run(client: &Client) -> Result<(), seam_core::Error> {
/// // Bound to a client, sent with `.send().await`:
/// UpdateConnectedAccountBuilder::new(client, "a289aa54-5488-4707-9a4b-eeea4edf311d")
///     .automatically_manage_new_devices(true)
///     .custom_metadata([("id", "internalId1")])
///     .send()
///     .await?;
/// // Or built on its own and sent later:
/// let params = UpdateConnectedAccount::new("a289aa54-5488-4707-9a4b-eeea4edf311d").display_name("House 1");
/// client.send(params).await?;
/// # Ok(()) }
/// ```
///
/// # Arguments
///
/// | argument | meaning | default |
/// | --- | --- | --- |
/// | `path = "/a/b"` | the route; starts with `/`, no white space, no empty segment | required |
/// | `method = "POST"` | `POST`, `GET`, `PUT`, `PATCH` or `DELETE`; parameters go in a JSON body | `POST` |
/// | `response = T, response_key = "k"` | the answer is `{"k": T, "ok": true}`; `send` returns `T` (with `paginated`, a [`Page<T>`]) | none: `send` returns `()` |
/// | `paginated` | the answer is a page of `T`s with `pagination`; the struct needs `page_cursor: Option<String>`, and the builder gains `.pages()` and `.items()` streams | not paginated |
/// | `idempotent = true` | whether sending twice does what sending once does; idempotent requests are retried even after the server may have seen them | `true` for actions `get`, `list`, `update`, `delete`, `get_…`, `list_…`; else `false` |
///
/// ```
/// use seam_core::seam_endpoint;
///
/// #[derive(Debug, serde::Deserialize)]
/// pub struct Device {
///     pub device_id: String,
/// }
///
/// #[seam_endpoint(path = "/devices/list", response = Device, response_key = "devices", paginated)]
/// pub struct ListDevices {
///     #[seam(max_entries = 100)]
///     pub device_ids: Option<Vec<String>>,
///     #[seam(one_of = ["august", "schlage"])]
///     pub device_type: Option<String>,
///     pub limit: Option<u32>,
///     pub page_cursor: Option<String>,
/// }
///
/// #[seam_endpoint(path = "/devices/get", method = "POST", response = Device, response_key = "device")]
/// pub struct GetDevice {
///     pub device_id: String,
/// }
///
/// #[seam_endpoint(path = "/access_codes/create", idempotent = false)]
/// pub struct CreateAccessCode {
///     pub device_id: String,
///     #[seam(min_length = 4, max_length = 8)]
///     pub code: Option<String>,
/// }
///
/// let params = ListDevices::new().limit(10).device_type("august");
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"device_type":"august","limit":10}"#);
/// ```
///
/// # Field attributes
///
/// Checked before anything is sent; every violation is reported, with its field's path.
///
/// | attribute | applies to | rule |
/// | --- | --- | --- |
/// | `#[seam(min_length = n, max_length = m)]` | `String`, `&str`, `Option`s of them | length in characters, counted as Seam counts them (UTF-16 code units) |
/// | `#[seam(min_entries = n, max_entries = m)]` | `Vec`, maps, [`CustomMetadata`], `Option`s of them | number of entries |
/// | `#[seam(one_of = ["a", "b"])]` | `String`, `Vec<String>`, `Option`s of them | each value is one of these |
///
/// A field whose type implements [`validation::Validate`], such as
/// [`CustomMetadata`], is also checked by that type's own rules.
///
/// # What it generates
///
/// - `#[derive(Serialize, Debug, Clone)]` (the last two unless already derived), with
///   unset `Option` fields left out of the JSON;
/// - `Name::new(required...)` and a `#[must_use]` setter per optional field;
/// - `impl` [`Endpoint`];
/// - `NameBuilder`: the parameters bound to a [`Client`], with the same setters,
///   `.timeout(...)`, and `.send().await` (or `.await` directly).
///
/// Mistakes in a definition are compile errors at the offending token, all of them
/// at once.
pub use seam_macros::seam_endpoint;
pub use validation::{ValidationErrors, Violation};

/// serde, as seam-core uses it: derive `Deserialize` for your own response types
/// with `#[derive(seam_core::serde::Deserialize)]` and
/// `#[serde(crate = "seam_core::serde")]`, without a serde dependency of your own.
pub use serde;

/// What code generated by [`seam_endpoint`] needs, under absolute paths, so that a
/// crate using the macro needs only `seam-core` in its `Cargo.toml`. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::decode::{decode_error, decode_keyed, decode_page, decode_void};
    pub use crate::validation::{
        HasEntries, HasLength, NestedProbe, OneOfValues, SkipNested, ValidateNested, check_entries,
        check_length, check_one_of,
    };
    pub use futures_core::Stream;
    pub use serde;
    pub use serde_json;
}

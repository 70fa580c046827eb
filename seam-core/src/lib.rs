//! The runtime of the seam-rs SDK for the [Seam API](https://docs.seam.co).
//!
//! It holds what every endpoint needs: the [`Client`] and its [`ClientBuilder`],
//! authentication, transport with retries and timeouts, typed [`Error`]s, the
//! [`Endpoint`] trait, validation, and shared value types such as
//! [`CustomMetadata`]. Endpoints are declared with [`seam_endpoint`]; the `seam`
//! crate holds the ones Seam publishes.

mod action_attempt;
mod auth;
#[cfg(feature = "blocking")]
pub mod blocking;
mod call;
mod client;
mod decode;
mod endpoint;
mod error;
mod metadata;
mod nullable;
mod pagination;
mod pattern;
mod quote;
mod redact;
mod request;
mod retry;
mod ser;
mod transport;
pub mod validation;
#[cfg(feature = "webhooks")]
pub mod webhook;

pub use action_attempt::{
    ActionAttemptAnswer, ActionAttemptModel, ActionAttemptStatus, Attempt, Beside,
    DEFAULT_ACTION_ATTEMPT_POLL_INTERVAL, DEFAULT_ACTION_ATTEMPT_TIMEOUT, WaitForActionAttempt,
    WithActionAttempt,
};
pub use auth::TokenKind;
pub use call::{ActionCall, Bind, Binder, Bound, Call, CallFuture, Unbound};
pub use client::{
    Client, ClientBuilder, DEFAULT_ENDPOINT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_TIMEOUT,
};
pub use endpoint::{Answer, Endpoint, Keyed, Method, Paged, Paginated, Void};
pub use error::{
    ActionAttemptFailed, ActionAttemptPollFailed, ActionAttemptTimedOut, ApiError, ConfigError,
    DecodeError, Error, SerializeError, TransportError, TransportStage, UnexpectedResponse,
};
pub use metadata::{CustomMetadata, MetadataValue, NonFinite};
pub use nullable::{IntoNullable, Nullable};
pub use pagination::{Page, Pagination};
pub use request::Request;
pub use retry::RetryPolicy;
/// Declares an endpoint: `#[seam_endpoint(path = "/namespace/action", ...)]` on a
/// struct whose fields are the route's parameters.
///
/// ```
/// use seamapi_core::{Bind, Call, Client, CustomMetadata, seam_endpoint};
///
/// #[seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
/// #[derive(Debug, Clone)]
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
/// # async fn run(client: &Client) -> Result<(), seamapi_core::Error> {
/// // Bound to a client, then sent with `.send().await` (or `.await`):
/// UpdateConnectedAccount::new("a289aa54-5488-4707-9a4b-eeea4edf311d")
///     .bind(client)
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
/// | `paginated` | the answer is a page of `T`s with `pagination`; the struct needs `page_cursor: Option<_>` (of a type `From<String>`), and a bound call gains `.pages()` and `.items()` streams | not paginated |
/// | `action_attempt` | the answer is an action attempt (`response` a model implementing [`ActionAttemptModel`], such as the SDK's `models::ActionAttempt`, under `response_key = "action_attempt"`): `send` waits for it to succeed or fail as the client and the call say, and a bound call gains [`ActionCall`]'s `.wait_for_action_attempt(..)`, `.action_attempt_timeout(..)` and `.action_attempt_poll_interval(..)` | the answer is returned as Seam gives it |
/// | `action_attempt = Model` | the answer holds a resource (`response` under `response_key`) and, beside it, the action attempt Seam started for it (`Model` implementing [`ActionAttemptModel`]): the call answers both as a [`WithActionAttempt`], without waiting, so a failed or slow action never costs the caller the resource; [`Client::wait_for_action_attempt`] waits for it | the attempt beside the resource is dropped |
/// | `idempotent = true` | whether sending twice does what sending once does; idempotent requests are retried even after the server may have seen them. The SDK's endpoints always say it, from the API's description | guessed from the action: `true` for `get`, `list`, `update`, `delete`, `get_…`, `list_…`; else `false` |
/// | `unchecked` | a route newer than the pinned spec: not checked against Seam's API (see below) | off |
/// | `crate = path` | where seam-core is, for a crate that renames or re-exports it (as serde's `#[serde(crate = "...")]`); `crate = "path"` works too | `::seamapi_core` here; `::seamapi::__private::seamapi_core` through `seamapi::seam_endpoint` |
///
/// ```
/// use seamapi_core::seam_endpoint;
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
///     #[seam(one_of = ["august_lock", "schlage_lock"])]
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
/// let params = ListDevices::new().limit(10).device_type("august_lock");
/// assert_eq!(serde_json::to_string(&params).unwrap(), r#"{"device_type":"august_lock","limit":10}"#);
/// ```
///
/// # Checked against Seam's API
///
/// A definition is checked at compile time against Seam's API as the pinned
/// `@seamapi/types` describes it (the version is in `spec/seam-connect.json` and
/// in every message; this release: 1.977.0), each mistake an error at its token
/// with a "did you mean" where a name is near:
///
/// - the route exists (undocumented routes are real routes, and accepted), and is
///   served on `method`;
/// - each field is one of its parameters, by its name on the wire; a parameter the
///   route requires is a field that is not an `Option` (not asked for where the
///   body is one of several shapes, or a field is `#[serde(flatten)]`ed);
/// - a field's type fits the parameter's (string, integer, number, boolean, list,
///   object), `Nullable` only where Seam accepts `null`, `one_of` values among the
///   spec's, and rules allow nothing Seam refuses (`max_length` above Seam's...);
/// - `response_key` is a property of the answer, `response` only where the route
///   answers something of its own, `paginated` only where it answers `pagination`;
/// - a parameter (or route) Seam deprecates warns, unless the field (or struct) is
///   itself `#[deprecated]`.
///
/// A route newer than the pinned spec takes `unchecked` (`#[seam_endpoint(path =
/// "/new/route", unchecked)]`), and a new parameter of a known route
/// `#[seam(unchecked)]`; either is an error where the spec knows the route or the
/// parameter, so that it is removed once the SDK catches up. The facts are a table
/// compiled into the macro crate (`seam-macros/src/spec_table.rs`), generated by
/// `cargo run -p seam-codegen -- --write` from the spec: a newer spec comes with a
/// newer release of this crate (or, in a checkout, `npm install
/// @seamapi/types@<version>`, `node scripts/export-spec.mjs`, then the generator).
///
/// # Field attributes
///
/// Checked before anything is sent; every violation is reported, with its path
/// by the names on the wire (serde's `rename` and `rename_all` applied, `r#`
/// left out), such as `requested_access_methods[0].code`.
///
/// | attribute | applies to | rule |
/// | --- | --- | --- |
/// | `#[seam(min_length = n, max_length = m)]` | any type with [`validation::HasLength`]: `String`, `str`, `Box<str>`, `Cow<str>`, `Option`s of them | length in characters, counted as Seam counts them (UTF-16 code units) |
/// | `#[seam(min_entries = n, max_entries = m)]` | any type with [`validation::HasEntries`]: `Vec`, arrays, sets, maps, [`CustomMetadata`], `Option`s of them | number of entries |
/// | `#[seam(one_of = ["a", "b"])]` | `String`, `Box<str>`, `Cow<str>`, `Vec<String>`, `Option`s of them | each value is one of these |
/// | `#[seam(pattern = r"^\d+$")]` | the same as `one_of` | each value matches, as JavaScript's `RegExp.test` would; anchors, literals, `.`, `\d`, `\w`, `\s`, `[...]`, `|`, groups `(...)` and `(?:...)`, and `*`, `+`, `?`, `{n,m}` after any of them, compiled at compile time and matched by backtracking (no regex engine); anything else (lookarounds, `\b`, back-references) refused there |
/// | `#[seam(minimum = a, maximum = b, exclusive_minimum = c, exclusive_maximum = d)]` | integers, floats, `Option`s of them | bounds of the value |
/// | `#[seam(setter = "name")]` | an optional field | the setter's name instead of the field's |
/// | `#[seam(unchecked)]` | any field | a parameter newer than the pinned spec: not checked against it |
///
/// A parameter that may be sent as `null` is `Option<`[`Nullable<T>`]`>`: its
/// setter takes what converts into `T`, `Nullable::Null`, or an `Option` (see
/// [`IntoNullable`]); a nested
/// object or a union derives [`Validate`](derive@Validate) for its own fields' rules.
///
/// A field whose type implements [`validation::Validate`], such as
/// [`CustomMetadata`] or `f64` (which must be finite: JSON has no NaN), is also
/// checked by that type's own rules, inside an `Option`, `Box`, `Vec` or map too.
///
/// # What it generates, and why
///
/// One struct per endpoint, its setters written once. The struct gains a type
/// parameter with a default, `Name<B = Unbound>`, and a hidden field of that
/// type, skipped by serde: `Name` is the parameters alone, `Name<Bound>` the
/// same parameters bound to a [`Client`], as octocrab's request structs hold
/// their client beside their fields. `Name::new(required...)` builds the first,
/// `.bind(&client)` ([`Bind`]) turns it into the second, and the setters, in
/// `impl<B> Name<B>`, serve both. A separate builder type per endpoint (as
/// earlier versions generated) repeated every setter, a third of the
/// expansion; a generic `Request<E>` with async-stripe's `send(&client)` or
/// ruma's single outgoing path would keep setters once but lose the chain
/// `seam.connected_accounts().update(id).custom_metadata(..).await`, which needs
/// the setters on the bound value.
///
/// - `Serialize`, with unset `Option` fields left out of the JSON, and
///   `#[must_use]`. Without serde attributes or serde derives on the struct, the
///   expansion writes the `Serialize` impl itself, one call per field into
///   seam-core (shorter to compile than serde's derive, and a field type that
///   cannot be serialised is reported at that type); with them, serde's derive
///   writes it, reading them. The JSON is the same.
/// - Nothing else is derived: derive what you need (`Debug`, `Clone`,
///   `Default`, `PartialEq`, `Deserialize`...) below the attribute, where
///   derives see the hidden field and cover the bound form too (`Unbound` is
///   `Clone` and `Default`; serde skips the field and defaults it on reading).
///   Above it, a derive sees the struct as written, before the attribute adds
///   the field, and the attribute cannot see the derive: those that only read
///   the struct (`Debug`, `PartialEq`, `Hash`) work for the unbound form; those
///   that build it (`Clone`, `Default`, `Deserialize`) fail with "missing field
///   `__seam_binding`", at the derive. Move them below.
/// - `Name::new(required...)` and a `#[must_use]` setter per optional field, named
///   as the field; a field named `new` gets `set_new`, and `#[seam(setter = "...")]`
///   names any setter.
/// - `impl` [`Endpoint`] for `Name` (and [`Paginated`] when paginated);
/// - a hidden `Parameters` impl for `Name<B>` (moving the fields to another
///   binding), on which seam-core's blanket impls give [`Bind`] to `Name` and
///   [`Call`] to `Name<Bound>`, and `IntoFuture` for `Name<Bound>`: a bound call has `.timeout(..)`, `.send()`, `.pages()`, `.items()` and is `.await`ed
///   directly. These are trait methods, so that a parameter may have any name: a
///   setter named `timeout` or `send` is what `.timeout(..)` calls, and
///   `Call::timeout(call, ..)` still reaches the call's own. Bring [`Call`] into
///   scope (the SDK's prelude does) for `.send()`.
/// - Every generated impl is `#[automatically_derived]` and `#[allow(deprecated)]`;
///   a field's `#[cfg]` goes on every piece that names it, its `#[deprecated]` on
///   its setter, so that callers, not the expansion, are warned.
///
/// Mistakes in a definition are compile errors at the offending token, all of them
/// at once, one per mistake.
pub use seamapi_macros::seam_endpoint;
pub use validation::{Validate, ValidationErrors, Violation};

/// `#[derive(Validate)]`: checks the `#[seam(...)]` rules of a nested parameter
/// object's fields, or of the fields of each variant of a union, wherever the
/// value sits in a request (in an `Option`, a `Vec`, a map...), with paths by the
/// names on the wire: `requested_access_methods[0].code`. The rules are the
/// field attributes of [`seam_endpoint`]; `#[seam(crate = path)]` on the type
/// points at a renamed runtime.
///
/// ```
/// use seamapi_core::{Endpoint, Validate, seam_endpoint};
///
/// #[derive(Debug, Clone, serde::Serialize, Validate)]
/// pub struct AccessMethod {
///     #[seam(one_of = ["code", "card", "mobile_key"])]
///     pub mode: String,
///     #[seam(min_length = 4, max_length = 8)]
///     #[serde(skip_serializing_if = "Option::is_none")]
///     pub code: Option<String>,
/// }
///
/// #[seam_endpoint(path = "/access_grants/create", idempotent = false)]
/// pub struct CreateAccessGrant {
///     pub user_identity_id: String,
///     #[seam(min_entries = 1)]
///     pub requested_access_methods: Vec<AccessMethod>,
/// }
///
/// let method = |code: &str| AccessMethod { mode: "code".into(), code: Some(code.into()) };
/// let params = CreateAccessGrant::new("u", vec![method("1234"), method("12")]);
/// let errors = params.check().unwrap_err();
/// assert_eq!(errors.violations()[0].to_string(), "requested_access_methods[1].code has 2 characters, at least 4 required");
/// ```
pub use seamapi_macros::Validate;

/// serde, as seam-core uses it: derive `Deserialize` for your own response types
/// with `#[derive(seamapi_core::serde::Deserialize)]` and
/// `#[serde(crate = "seamapi_core::serde")]`, without a serde dependency of your own.
pub use serde;

/// What code generated by [`seam_endpoint`] needs, under absolute paths, so that a
/// crate using the macro needs only `seam-core` in its `Cargo.toml`. Not public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::action_attempt::action_attempt_model;
    pub use crate::call::{Parameters, bind_to, into_future, send};
    pub use crate::decode::{decode_error, decode_keyed, decode_page, decode_void};
    pub use crate::pattern::{CharClass, Node, Pattern, Repeat};
    pub use crate::ser::Fields;
    pub use crate::validation::{
        FieldPath, HasEntries, HasLength, HasNumber, NestedProbe, NumberBounds, OneOfValues,
        SkipNested, ValidateNested, check_entries, check_length, check_number, check_one_of,
        check_pattern,
    };
    pub use futures_core::Stream;
    pub use seamapi_macros::{ValidateForSeam, seam_endpoint_for_seam};
    pub use serde;
    pub use serde_json;
}

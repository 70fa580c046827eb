//! The `Endpoint` trait: what one API route is, without any I/O.

use std::future::Future;
use std::marker::PhantomData;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::call::Bound;
use crate::error::{DecodeError, Error};
use crate::pagination::Page;
use crate::validation::ValidationErrors;

/// The HTTP method of a route. Seam's routes are `POST` with a JSON body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Method {
    /// `POST`, with the parameters as a JSON body.
    Post,
    /// `GET`, with the parameters as a JSON body, as Seam accepts.
    Get,
    /// `PUT`, with the parameters as a JSON body.
    Put,
    /// `PATCH`, with the parameters as a JSON body.
    Patch,
    /// `DELETE`, with the parameters as a JSON body.
    Delete,
}

impl Method {
    pub(crate) fn as_reqwest(self) -> reqwest::Method {
        match self {
            Self::Post => reqwest::Method::POST,
            Self::Get => reqwest::Method::GET,
            Self::Put => reqwest::Method::PUT,
            Self::Patch => reqwest::Method::PATCH,
            Self::Delete => reqwest::Method::DELETE,
        }
    }
}

/// One API route: its parameters are the implementing type, serialised as the
/// request body. Implemented by [`seam_endpoint`](crate::seam_endpoint); it does no
/// I/O, so it can be built, inspected and tested without a client.
///
/// The trait is the one description of a route: its answer's shape
/// ([`Answer`]) and key decide how a body is decoded, so an implementation
/// written by hand needs no decoder of its own:
///
/// ```
/// use seamapi_core::{Endpoint, Keyed};
///
/// #[derive(serde::Serialize)]
/// struct GetThing {
///     thing_id: String,
/// }
///
/// #[derive(Debug, serde::Deserialize, PartialEq)]
/// struct Thing {
///     name: String,
/// }
///
/// impl Endpoint for GetThing {
///     type Response = Thing;
///     type Answer = Keyed<Thing>;
///     const PATH: &'static str = "/things/get";
///     const IDEMPOTENT: bool = true;
///     const RESPONSE_KEY: Option<&'static str> = Some("thing");
/// }
///
/// let thing = GetThing::decode(br#"{"thing": {"name": "a"}, "ok": true}"#).unwrap();
/// assert_eq!(thing, Thing { name: "a".into() });
/// ```
pub trait Endpoint: Serialize + Send + Sync {
    /// What a successful call returns: `()` for a route that answers nothing a
    /// caller needs.
    type Response: Send;

    /// How Seam's answer holds the response: [`Void`], [`Keyed<T>`] or
    /// [`Paged<T>`], whose output is [`Self::Response`].
    type Answer: Answer<Output = Self::Response>;

    /// The route, such as `/connected_accounts/update`.
    const PATH: &'static str;

    /// The HTTP method.
    const METHOD: Method = Method::Post;

    /// Whether sending the request twice has the effect of sending it once, so that
    /// it may be retried after the server may have seen it (reads, updates, deletes).
    const IDEMPOTENT: bool;

    /// The key the response sits under in Seam's answer
    /// (`{"connected_account": ..., "ok": true}`), or `None` for a void route.
    const RESPONSE_KEY: Option<&'static str> = None;

    /// Records every rule the parameters break; by default there are none.
    fn validate(&self, errors: &mut ValidationErrors) {
        let _ = errors;
    }

    /// Checks the parameters as sending them would: `Err` with every rule they break.
    fn check(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new(Self::PATH);
        self.validate(&mut errors);
        errors.into_result()
    }

    /// Decodes a successful answer's body, as [`Self::Answer`] and
    /// [`Self::RESPONSE_KEY`] say.
    fn decode(body: &[u8]) -> Result<Self::Response, DecodeError> {
        Self::Answer::decode(body, Self::RESPONSE_KEY)
    }
}

/// The shape of a successful answer, and how to read it.
pub trait Answer {
    /// What is read from it.
    type Output: Send;

    /// Reads `body`, with the value under `key`.
    fn decode(body: &[u8], key: Option<&'static str>) -> Result<Self::Output, DecodeError>;

    /// What the call does with the output before its caller gets it: nothing, but
    /// for [`Attempt`](crate::Attempt), which waits for the action attempt. Every
    /// call goes through it, async or blocking, bound or not.
    #[doc(hidden)]
    fn settle(
        output: Self::Output,
        binding: &Bound,
    ) -> impl Future<Output = Result<Self::Output, Error>> + Send {
        let _ = binding;
        std::future::ready(Ok(output))
    }
}

/// An answer with nothing a caller needs (`{"ok": true}`): checked to be a JSON
/// object, and dropped.
#[derive(Debug)]
pub struct Void;

/// An answer with one value under the endpoint's key:
/// `{"connected_account": {...}, "ok": true}`.
#[derive(Debug)]
pub struct Keyed<T>(PhantomData<fn() -> T>);

/// An answer with a page of values under the endpoint's key, and `pagination`
/// beside them.
#[derive(Debug)]
pub struct Paged<T>(PhantomData<fn() -> T>);

impl Answer for Void {
    type Output = ();

    fn decode(body: &[u8], _key: Option<&'static str>) -> Result<(), DecodeError> {
        crate::decode::decode_void(body).map_err(DecodeError)
    }
}

impl<T: DeserializeOwned + Send> Answer for Keyed<T> {
    type Output = T;

    fn decode(body: &[u8], key: Option<&'static str>) -> Result<T, DecodeError> {
        crate::decode::decode_keyed(body, key.ok_or_else(missing_key)?).map_err(DecodeError)
    }
}

impl<T: DeserializeOwned + Send> Answer for Paged<T> {
    type Output = Page<T>;

    fn decode(body: &[u8], key: Option<&'static str>) -> Result<Page<T>, DecodeError> {
        crate::decode::decode_page(body, key.ok_or_else(missing_key)?).map_err(DecodeError)
    }
}

/// A keyed answer of an endpoint that declares no key: a mistake in the
/// endpoint's definition, reported as the answer not being understood.
pub(crate) fn missing_key() -> DecodeError {
    DecodeError(serde::de::Error::custom(
        "the endpoint declares no `RESPONSE_KEY` to read its answer under",
    ))
}

/// A route that answers a page of results and takes a cursor to the next one.
/// Its answer is [`Paged`], so its response is already a [`Page`].
pub trait Paginated: Endpoint<Response = Page<<Self as Paginated>::Item>> {
    /// The items of a page.
    type Item: Send;

    /// Splits a response into its items and its pagination: the response is the
    /// page.
    fn into_page(response: Self::Response) -> Page<Self::Item> {
        response
    }

    /// Asks for the page at `cursor`, keeping every other parameter.
    fn set_page_cursor(&mut self, cursor: String);
}

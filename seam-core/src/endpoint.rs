//! The `Endpoint` trait: what one API route is, without any I/O.

use serde::Serialize;

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
pub trait Endpoint: Serialize + Send + Sync {
    /// What a successful call returns: `()` for a route that answers nothing a
    /// caller needs.
    type Response: Send;

    /// The route, such as `/connected_accounts/update`.
    const PATH: &'static str;

    /// The HTTP method.
    const METHOD: Method = Method::Post;

    /// Whether sending the request twice has the effect of sending it once, so that
    /// it may be retried after the server may have seen it (reads, updates, deletes).
    const IDEMPOTENT: bool;

    /// The key the response sits under in Seam's answer
    /// (`{"connected_account": ..., "ok": true}`), or `None` for a void route.
    const RESPONSE_KEY: Option<&'static str>;

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

    /// Decodes a successful answer's body.
    fn decode(body: &[u8]) -> Result<Self::Response, serde_json::Error>;
}

/// A route that answers a page of results and takes a cursor to the next one.
pub trait Paginated: Endpoint {
    /// The items of a page.
    type Item: Send;

    /// Splits a response into its items and its pagination.
    fn into_page(response: Self::Response) -> crate::Page<Self::Item>;

    /// Asks for the page at `cursor`, keeping every other parameter.
    fn set_page_cursor(&mut self, cursor: String);
}

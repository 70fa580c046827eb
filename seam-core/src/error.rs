//! The errors a caller can match on.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Duration;

use crate::quote::{MESSAGE_CHARS, NAME_CHARS, quoted};
use crate::redact::redact_credentials;
use crate::validation::ValidationErrors;

/// Everything that can go wrong with a request.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The request broke a rule the API states; it was not sent.
    #[error(transparent)]
    Validation(#[from] ValidationErrors),
    /// Seam answered with its error envelope.
    #[error(transparent)]
    Api(#[from] Box<ApiError>),
    /// The server answered with something that is not a Seam response.
    #[error(transparent)]
    UnexpectedResponse(#[from] Box<UnexpectedResponse>),
    /// No answer came within the request's timeout.
    #[error(
        "{path}: no answer within the timeout of {timeout:?} ({attempts} attempt(s)); \
         raise it with `.timeout(...)` on the client builder or the request, or try again later"
    )]
    Timeout {
        /// The endpoint's path.
        path: &'static str,
        /// The timeout that ran out.
        timeout: Duration,
        /// How many attempts were made.
        attempts: u32,
    },
    /// The request could not be carried to the server, or its answer back.
    #[error(transparent)]
    Transport(#[from] Box<TransportError>),
    /// A configuration error, for callers who build the client and call it in one
    /// function returning this type (`Client::from_env()?`).
    #[error(transparent)]
    Config(#[from] ConfigError),
    /// The publishable key exchange answered, but gave no client session token
    /// this client can use; nothing else was sent.
    #[error(
        "{}: exchanging the publishable key gave no usable client session token ({reason}); \
         check the publishable key and the user identifier key",
        crate::transport::GET_OR_CREATE_CLIENT_SESSION
    )]
    PublishableKeyExchange {
        /// What was wrong with the answer.
        reason: &'static str,
    },
    /// An endpoint's `PATH` is not a route on the endpoint (a hand-written
    /// [`Endpoint`](crate::Endpoint) whose path holds `@`, `..`, a scheme…); nothing
    /// was sent.
    #[error(
        "{path:?} is not a route on the endpoint: {reason}; an endpoint's PATH is \
         `/namespace/action`, and nothing was sent"
    )]
    InvalidPath {
        /// The endpoint's `PATH`.
        path: &'static str,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// The action attempt the call started failed: the device did not carry out
    /// the action.
    #[error(transparent)]
    ActionAttemptFailed(Box<ActionAttemptFailed>),
    /// The action attempt the call started was still pending when the wait ran
    /// out: the action may yet succeed.
    #[error(transparent)]
    ActionAttemptTimedOut(Box<ActionAttemptTimedOut>),
    /// Asking how the action attempt the call started went failed: the action
    /// may have succeeded or not.
    #[error(transparent)]
    ActionAttemptPollFailed(Box<ActionAttemptPollFailed>),
    /// The request body could not be serialised (a `Serialize` impl that failed).
    #[error("{path}: the request could not be serialised to JSON")]
    Serialize {
        /// The endpoint's path.
        path: &'static str,
        /// What the serialiser said.
        source: SerializeError,
    },
}

/// An action attempt that failed: Seam's `action_attempt` with `status: "error"`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActionAttemptFailed {
    /// The attempt's ID.
    pub action_attempt_id: String,
    /// Its action type, such as `UNLOCK_DOOR`.
    pub action_type: String,
    /// Seam's error type, such as `uncategorized_error`.
    pub error_type: String,
    /// Seam's message.
    pub message: String,
}

impl fmt::Display for ActionAttemptFailed {
    /// Quotes the server's text escaped and cut; the fields keep it as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "action attempt {} ({}) failed with `{}`: {}; the device did not carry out the \
             action: deal with what the error says (the device offline, say), then start it again",
            quoted(&self.action_attempt_id, NAME_CHARS),
            quoted(&self.action_type, NAME_CHARS),
            quoted(&self.error_type, NAME_CHARS),
            quoted(&self.message, MESSAGE_CHARS)
        )
    }
}

impl std::error::Error for ActionAttemptFailed {}

/// An action attempt still pending when the call's wait for it ran out.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ActionAttemptTimedOut {
    /// The attempt's ID, to check later with `/action_attempts/get`.
    pub action_attempt_id: String,
    /// Its action type, such as `UNLOCK_DOOR`.
    pub action_type: String,
    /// How long the call waited.
    pub waited: Duration,
}

impl fmt::Display for ActionAttemptTimedOut {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "action attempt {} ({}) was still pending after {:?}; the action may yet \
             succeed: check it later with /action_attempts/get and this ID, or wait longer \
             with `.action_attempt_timeout(...)` on the call or the client builder",
            quoted(&self.action_attempt_id, NAME_CHARS),
            quoted(&self.action_type, NAME_CHARS),
            self.waited
        )
    }
}

impl std::error::Error for ActionAttemptTimedOut {}

/// Polling `/action_attempts/get` for an action attempt failed (after the retries
/// the client's policy allows): how the action went is not known.
#[derive(Debug, thiserror::Error)]
#[error(
    "waiting for action attempt {} ({}): asking how it went failed; the action may have \
     succeeded or not: check it later with /action_attempts/get and this ID",
    quoted(.action_attempt_id, NAME_CHARS),
    quoted(.action_type, NAME_CHARS)
)]
#[non_exhaustive]
pub struct ActionAttemptPollFailed {
    /// The attempt's ID, to check later with `/action_attempts/get`.
    pub action_attempt_id: String,
    /// Its action type, such as `UNLOCK_DOOR`.
    pub action_type: String,
    /// Why the poll failed: returned by `source()` too.
    #[source]
    pub source: Error,
}

/// Why a request body could not be serialised: what the serialiser said, in its
/// `Display`. Opaque, so that the serialiser stays an implementation detail.
#[derive(Debug)]
pub struct SerializeError(pub(crate) serde_json::Error);

impl fmt::Display for SerializeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

impl std::error::Error for SerializeError {}

/// Why an answer could not be read as the endpoint's response: where decoding
/// failed and what was expected. Opaque, so that the decoder stays an
/// implementation detail; neither its `Display` nor its `Debug` quotes a value of
/// the answer, which may hold a credential.
pub struct DecodeError(pub(crate) serde_json::Error);

impl DecodeError {
    /// The line of the answer where decoding failed (1-based).
    pub fn line(&self) -> usize {
        self.0.line()
    }

    /// The column of that line (1-based).
    pub fn column(&self) -> usize {
        self.0.column()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::redact::decode_failure_reason(&self.0))
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DecodeError")
            .field(&self.to_string())
            .finish()
    }
}

impl std::error::Error for DecodeError {}

impl Error {
    /// A copy for callers who waited on the same work (a publishable key exchange),
    /// when the error says something about that work rather than about one call:
    /// Seam's answer, an answer that was not Seam's, a configuration error.
    pub(crate) fn shareable_copy(&self) -> Option<Self> {
        match self {
            Self::Api(error) => Some(Self::Api(error.clone())),
            Self::UnexpectedResponse(error) => Some(Self::UnexpectedResponse(error.clone())),
            Self::Config(error) => Some(Self::Config(error.clone())),
            Self::PublishableKeyExchange { reason } => {
                Some(Self::PublishableKeyExchange { reason })
            }
            _ => None,
        }
    }

    /// The Seam error, when the API answered with one.
    pub fn as_api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(error) => Some(error),
            _ => None,
        }
    }

    /// The HTTP status of the answer, when there was one.
    pub fn status(&self) -> Option<u16> {
        match self {
            Self::Api(error) => Some(error.status),
            Self::UnexpectedResponse(error) => Some(error.status),
            _ => None,
        }
    }

    /// The `seam-request-id` of the answer, when there was one: quote it to Seam's support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            Self::Api(error) => error.request_id.as_deref(),
            Self::UnexpectedResponse(error) => error.request_id.as_deref(),
            _ => None,
        }
    }

    /// Whether the server refused the credentials (HTTP 401).
    pub fn is_unauthorized(&self) -> bool {
        self.as_api().is_some_and(ApiError::is_unauthorized)
    }

    /// Whether the request was refused for its parameters, by this client or by Seam.
    pub fn is_invalid_input(&self) -> bool {
        matches!(self, Self::Validation(_)) || self.as_api().is_some_and(ApiError::is_invalid_input)
    }

    /// Whether Seam said the resource does not exist.
    pub fn is_not_found(&self) -> bool {
        self.as_api().is_some_and(ApiError::is_not_found)
    }

    /// Whether the service was unavailable (HTTP 503), after the retries the policy allows.
    pub fn is_unavailable(&self) -> bool {
        self.status() == Some(503)
    }

    /// The ID of the action attempt the call started, when it failed, timed out
    /// or could not be polled: to check it later with `/action_attempts/get`.
    pub fn action_attempt_id(&self) -> Option<&str> {
        match self {
            Self::ActionAttemptFailed(error) => Some(&error.action_attempt_id),
            Self::ActionAttemptTimedOut(error) => Some(&error.action_attempt_id),
            Self::ActionAttemptPollFailed(error) => Some(&error.action_attempt_id),
            _ => None,
        }
    }

    /// Whether Seam's error type is `error_type` (such as `connected_account_not_found`).
    pub fn is_api_error(&self, error_type: &str) -> bool {
        self.as_api()
            .is_some_and(|error| error.error_type == error_type)
    }
}

/// Seam's error envelope: `{"error": {"type", "message", ...}, "ok": false}`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The endpoint's path.
    pub path: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// Seam's error type, such as `invalid_input` or `connected_account_not_found`.
    pub error_type: String,
    /// Seam's message.
    pub message: String,
    /// The `seam-request-id` header: quote it to Seam's support.
    pub request_id: Option<String>,
    /// For `invalid_input`: the messages for each parameter, by its path
    /// (`custom_metadata.id`); the request as a whole is under `""`.
    pub validation_errors: BTreeMap<String, Vec<String>>,
    /// Whatever else Seam said about the error.
    pub data: Option<serde_json::Value>,
}

impl ApiError {
    /// HTTP 401: the credentials were refused.
    pub fn is_unauthorized(&self) -> bool {
        self.status == 401
    }

    /// Seam refused the parameters.
    pub fn is_invalid_input(&self) -> bool {
        self.error_type == "invalid_input"
    }

    /// HTTP 404, or a Seam error type ending in `_not_found`.
    pub fn is_not_found(&self) -> bool {
        self.status == 404 || self.error_type.ends_with("_not_found")
    }

    fn hint(&self) -> &'static str {
        if self.is_unauthorized() {
            "check the credential, and for a personal access token its workspace id"
        } else if self.is_invalid_input() {
            "fix the parameters named above"
        } else if self.status == 429 {
            "slow down and try again later"
        } else if self.status >= 500 && self.request_id.is_none() {
            "without a seam-request-id it may come from a proxy or load balancer in between; \
             try again later"
        } else if self.status >= 500 {
            "Seam had a problem; try again later, quoting the request id if it persists"
        } else {
            ""
        }
    }
}

/// How many parameters, and messages for each, an error's `Display` lists.
const LISTED: usize = 20;

impl fmt::Display for ApiError {
    /// Quotes the server's text escaped and cut; the fields keep it as sent.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Seam sends a request id with every answer; without one, this came from
        // something else in Seam's format.
        let who = if self.request_id.is_some() {
            "Seam"
        } else {
            "the server"
        };
        write!(
            f,
            "{}: {who} answered HTTP {} `{}`: {}",
            self.path,
            self.status,
            quoted(&self.error_type, NAME_CHARS),
            quoted(&self.message, MESSAGE_CHARS)
        )?;
        for (param, messages) in self.validation_errors.iter().take(LISTED) {
            if param.is_empty() {
                f.write_str("; (request): ")?;
            } else {
                write!(f, "; {}: ", quoted(param, NAME_CHARS))?;
            }
            for (index, message) in messages.iter().take(LISTED).enumerate() {
                let separator = if index == 0 { "" } else { ", " };
                write!(f, "{separator}{}", quoted(message, MESSAGE_CHARS))?;
            }
            if messages.len() > LISTED {
                write!(f, " and {} more", messages.len() - LISTED)?;
            }
        }
        if self.validation_errors.len() > LISTED {
            write!(
                f,
                "; and {} more parameters",
                self.validation_errors.len() - LISTED
            )?;
        }
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {})", quoted(request_id, NAME_CHARS))?;
        }
        match self.hint() {
            "" => Ok(()),
            hint => write!(f, "; {hint}"),
        }
    }
}

impl std::error::Error for ApiError {}

/// An answer that is not a Seam response: HTML from a proxy, truncated JSON, JSON
/// of another shape, a body over the size limit.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct UnexpectedResponse {
    /// The endpoint's path.
    pub path: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The `seam-request-id` header, if any.
    pub request_id: Option<String>,
    /// The first bytes of the body, as text, with the values of credential-like
    /// keys and anything that looks like a Seam credential or a JWT replaced by
    /// `[redacted]`.
    pub excerpt: String,
    /// What was wrong with it, with the place where decoding failed (without the
    /// values serde would quote).
    pub reason: String,
}

/// How many bytes of an unexpected body an error keeps.
pub(crate) const EXCERPT_BYTES: usize = 200;

/// How many bytes of an unexpected body are searched for credentials: more than
/// the excerpt, so that a value the excerpt cuts is hidden whole.
const SEARCHED_BYTES: usize = 4096;

impl UnexpectedResponse {
    /// The one way these errors are made: the excerpt and the reason keep no
    /// credential the body held (see [`redact_credentials`]).
    pub(crate) fn new(
        path: &'static str,
        status: u16,
        request_id: Option<String>,
        body: &[u8],
        reason: String,
    ) -> Self {
        let searched = &body[..body.len().min(SEARCHED_BYTES)];
        let text = String::from_utf8_lossy(searched);
        let redacted = redact_credentials(&text);
        let mut cut = redacted.len().min(EXCERPT_BYTES);
        while !redacted.is_char_boundary(cut) {
            cut -= 1;
        }
        let mut excerpt = redacted[..cut].to_owned();
        if cut < redacted.len() || body.len() > searched.len() {
            excerpt.push('…');
        }
        let reason = redact_credentials(&reason).into_owned();
        Self {
            path,
            status,
            request_id,
            excerpt,
            reason,
        }
    }
}

impl fmt::Display for UnexpectedResponse {
    /// Quotes the server's text escaped and cut; the fields keep it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: the server answered HTTP {} without a Seam response ({})",
            self.path,
            self.status,
            quoted(&self.reason, MESSAGE_CHARS)
        )?;
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {})", quoted(request_id, NAME_CHARS))?;
        }
        write!(
            f,
            "; body begins \"{}\"; ",
            quoted(&self.excerpt, EXCERPT_BYTES)
        )?;
        // Seam sends a request id with every answer: without one, the answer is
        // likely from a proxy or load balancer on the way.
        f.write_str(match (&self.request_id, self.status) {
            (None, 502..=504) => {
                "without a seam-request-id it likely comes from a proxy or load balancer \
                 between this client and Seam; try again later"
            }
            (None, _) => {
                "without a seam-request-id it may come from a proxy or load balancer in \
                 between; check that the endpoint URL points at Seam"
            }
            (Some(_), 500..) => {
                "Seam had a problem; try again later, quoting the request id if it persists"
            }
            (Some(_), _) => "check that the endpoint URL points at Seam",
        })
    }
}

impl std::error::Error for UnexpectedResponse {}

/// The request could not be carried to the server, or its answer back.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {stage} ({attempts} attempt(s)); check the network and the endpoint URL")]
#[non_exhaustive]
pub struct TransportError {
    /// The endpoint's path.
    pub path: &'static str,
    /// How far the request got.
    pub stage: TransportStage,
    /// How many attempts were made.
    pub attempts: u32,
    /// What the HTTP stack said: returned by `source()`, and private so that the
    /// HTTP stack stays an implementation detail.
    #[source]
    pub(crate) source: reqwest::Error,
}

/// How far a request got before the transport failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum TransportStage {
    /// No connection: nothing reached the server.
    Connect,
    /// The connection failed while the request was under way: the server may have
    /// acted on it.
    Request,
    /// The answer broke off while its body was read.
    ResponseBody,
    /// The server answered with something that is not HTTP (another protocol on
    /// that port, a broken proxy): the request went out, and may have been acted on.
    UnreadableAnswer,
}

impl fmt::Display for TransportStage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Connect => "could not connect to Seam",
            Self::Request => "the connection failed before Seam answered",
            Self::ResponseBody => "the answer broke off",
            Self::UnreadableAnswer => "the server answered with something that is not HTTP",
        })
    }
}

/// A client that cannot be built as configured. Returned by
/// [`ClientBuilder::build`](crate::ClientBuilder::build) and
/// [`Client::from_env`](crate::Client::from_env).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// No credential was given.
    #[error(
        "no Seam credential: call `.api_key(...)` on the client builder (or another \
         credential method, such as `.personal_access_token(...)`), or set SEAM_API_KEY \
         (or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID) and call `.env()`"
    )]
    NoCredentials,
    /// Two credentials were given where one is allowed.
    #[error("both {first} and {second} were given: give exactly one credential")]
    MultipleCredentials {
        /// Where the first came from.
        first: &'static str,
        /// Where the second came from.
        second: &'static str,
    },
    /// A credential of the wrong kind for its slot.
    #[error("{slot} expects {expected}, but was given {found}")]
    WrongTokenKind {
        /// The slot (builder method or variable).
        slot: &'static str,
        /// The kind it expects.
        expected: &'static str,
        /// The kind it was given.
        found: &'static str,
    },
    /// A personal access token or console session token without a workspace.
    #[error(
        "{token} needs a workspace: call `.workspace_id(...)` (or set SEAM_WORKSPACE_ID), \
         or `.without_workspace()` for the routes that take none"
    )]
    MissingWorkspace {
        /// Which kind of token.
        token: &'static str,
    },
    /// A workspace id, a user identifier key or `without_workspace` that no credential uses.
    #[error("{what} was given, but {needs}")]
    Unused {
        /// What was given.
        what: &'static str,
        /// What it needs.
        needs: &'static str,
    },
    /// The endpoint is not a usable URL.
    #[error("the endpoint {url:?} is not a usable URL: {reason}")]
    InvalidEndpoint {
        /// The URL as given, any credentials, query and fragment left out.
        url: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// Plain HTTP to a host other than loopback.
    #[error(
        "the endpoint {url:?} uses plain http:// to a host that is not loopback, which would send \
         the credential in clear; use https://, or call `.allow_insecure_http()` to opt in"
    )]
    InsecureEndpoint {
        /// The URL as given, any credentials, query and fragment left out.
        url: String,
    },
    /// The proxy is not a usable URL.
    #[error("the proxy {url:?} is not a usable URL: {reason}")]
    InvalidProxy {
        /// The URL, its credentials and query left out.
        url: String,
        /// Why it cannot be used.
        reason: String,
    },
    /// A proxy off loopback for a plain `http://` endpoint: it would read every
    /// request, credential included.
    #[error(
        "the proxy {url:?} is not on loopback and the endpoint is plain http://, so the proxy \
         would read the credential; use an https:// endpoint, a loopback proxy, or call \
         `.allow_insecure_http()` to opt in"
    )]
    InsecureProxy {
        /// The URL, its credentials and query left out.
        url: String,
    },
    /// A credential or workspace id that cannot be sent as a header (a newline, say).
    #[error("the {what} holds characters that cannot be sent in an HTTP header")]
    InvalidHeaderValue {
        /// What held them.
        what: &'static str,
    },
    /// A header given to [`ClientBuilder::header`](crate::ClientBuilder::header) that
    /// the SDK sets itself (a credential, the SDK's identity, the body's type) or
    /// that frames or routes the HTTP message: letting a caller's value replace it
    /// could send a request that authenticates or travels other than configured.
    #[error(
        "the header `{name}` is set by the SDK itself (credentials, SDK identity or HTTP \
         framing) and cannot be given with `.header(...)`: give credentials with their own \
         builder method (such as `.api_key(...)`), and leave the others out"
    )]
    ReservedHeader {
        /// The header's name, in lower case.
        name: &'static str,
    },
    /// A header given to [`ClientBuilder::header`](crate::ClientBuilder::header) that
    /// cannot be sent. Its value is never quoted: it may be a secret.
    #[error("the header {} given to `.header(...)` cannot be sent: {reason}", quoted_name(.name))]
    InvalidHeader {
        /// The header's name; for a name that is not valid, only its part before
        /// the first character not allowed (what follows may be a value pasted in).
        name: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A PEM given to
    /// [`ClientBuilder::add_root_certificate_pem`](crate::ClientBuilder::add_root_certificate_pem)
    /// that holds no usable certificate.
    #[error(
        "the PEM of call {call} to `.add_root_certificate_pem(...)` is not usable: {reason}; \
         give the PEM text of one or more certificates (`-----BEGIN CERTIFICATE-----` blocks)"
    )]
    InvalidCertificate {
        /// Which call gave it, counting from 1 in the order of the calls.
        call: usize,
        /// What is wrong with it (never its content).
        reason: String,
    },
    /// The HTTP stack could not be set up.
    #[error("the HTTP client could not be set up: {0}")]
    Http(String),
}

/// A header name for a message: backquoted, control characters escaped, cut.
fn quoted_name(name: &str) -> String {
    format!("`{}`", quoted(name, NAME_CHARS))
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn a_decode_error_quotes_no_value_of_the_answer() {
        use crate::endpoint::{Answer, Keyed};
        #[derive(Debug, serde::Deserialize)]
        struct Session {
            #[allow(dead_code)]
            token: u32,
        }
        let body = br#"{"session": {"token": "seam_cst1_S3CRET"}, "ok": true}"#;
        let error = Keyed::<Session>::decode(body, Some("session")).unwrap_err();
        let shown = format!("{error} {error:?}");
        assert!(!shown.contains("S3CRET"), "{shown}");
        assert!(shown.contains("expected u32"), "{shown}");
        assert_eq!((error.line(), error.column()), (1, 40));
    }

    proptest! {
        /// Wherever a credential sits, whether the excerpt or the body cuts it,
        /// none of it shows: the body is lower case but for the credential.
        #[test]
        fn no_part_of_a_credential_shows_in_an_excerpt(
            pad in 0usize..400,
            secret in "[A-Z0-9]{1,80}",
            form in 0usize..3,
            // Where the body ends, counted from the start of the credential's field.
            cut_body in proptest::option::of(0usize..140),
        ) {
            let value = match form {
                0 => format!(r#""client_session_token": "{secret}""#),
                1 => format!(r#""note":"seam_cst1_{secret}""#),
                _ => format!(r#""note":"ey{secret}.ey{secret}.{secret}""#),
            };
            let body = format!(r#"{{"pad":"{}",{value},"ok":true}}"#, "x".repeat(pad));
            let end = cut_body.map_or(body.len(), |cut| (pad + 10 + cut).min(body.len()));
            let body = &body.as_bytes()[..end];
            let error = UnexpectedResponse::new("/x", 500, None, body, String::new());
            prop_assert!(
                !error.excerpt.contains(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()),
                "{:?}",
                error.excerpt
            );
        }
    }
}

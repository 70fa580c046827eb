//! Sending a request: validation, serialisation, attempts within the deadline,
//! reading the answer within its size limit, and turning it into a result.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap, RETRY_AFTER};
use serde::{Deserialize, Serialize};
use tokio::time::Instant;

use crate::auth::Auth;
use crate::client::Client;
use crate::decode::{decode_error, decode_keyed};
use crate::endpoint::{Endpoint, Method};
use crate::error::{Error, SerializeError, TransportError, TransportStage, UnexpectedResponse};
use crate::redact::decode_failure_reason;
use crate::retry::{Failure, parse_retry_after};

/// What the generic part of a call needs to know of its endpoint.
struct RawRequest {
    path: &'static str,
    method: Method,
    idempotent: bool,
    body: Bytes,
    timeout: Option<Duration>,
}

/// A complete answer, read within the size limit.
struct Answer {
    status: u16,
    /// The media type the answer gives its body (`application/json` for Seam's).
    media_type: Option<String>,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    body: Bytes,
}

/// Why one attempt failed.
enum AttemptError {
    Transport(TransportStage, reqwest::Error),
    TooLarge {
        status: u16,
        request_id: Option<String>,
        read: Vec<u8>,
        limit: usize,
    },
}

impl Client {
    /// Validates, sends and decodes one request. Generic only in what must be: the
    /// rest is in `send_raw`, compiled once for every endpoint.
    pub(crate) async fn execute<E: Endpoint>(
        &self,
        params: &E,
        timeout: Option<Duration>,
    ) -> Result<E::Response, Error> {
        params.check()?;
        // Most request bodies fit: spare the reallocations of growing from empty.
        let mut body = Vec::with_capacity(256);
        serde_json::to_writer(&mut body, params).map_err(|source| Error::Serialize {
            path: E::PATH,
            source: SerializeError(source),
        })?;
        let request = RawRequest {
            path: E::PATH,
            method: E::METHOD,
            idempotent: E::IDEMPOTENT,
            body: Bytes::from(body),
            timeout,
        };
        let answer = self.send_raw(request).await?;
        E::decode(&answer.body).map_err(|error| unexpected(E::PATH, &answer, &error.0))
    }

    /// Sends `body` to a route named at run time and returns Seam's whole answer
    /// (`{"<key>": ..., "ok": true}`) as JSON, with this client's auth, retries
    /// (only when `idempotent`), timeout and typed errors. For tools that take
    /// routes from a table rather than from [`Endpoint`] types, such as the `seam`
    /// command-line tool; such a caller checks its own parameters first.
    ///
    /// ```no_run
    /// # async fn run(seam: seamapi_core::Client) -> Result<(), seamapi_core::Error> {
    /// let body = serde_json::json!({ "connected_account_id": "a289aa54" });
    /// let answer = seam.send_json("/connected_accounts/get", true, &body).await?;
    /// println!("{}", answer["connected_account"]);
    /// # Ok(()) }
    /// ```
    pub async fn send_json(
        &self,
        path: &'static str,
        idempotent: bool,
        body: &serde_json::Value,
    ) -> Result<serde_json::Value, Error> {
        let body = serde_json::to_vec(body).map_err(|source| Error::Serialize {
            path,
            source: SerializeError(source),
        })?;
        let request = RawRequest {
            path,
            method: Method::Post,
            idempotent,
            body: Bytes::from(body),
            timeout: None,
        };
        let answer = self.send_raw(request).await?;
        match serde_json::from_slice::<serde_json::Value>(&answer.body) {
            Ok(value @ serde_json::Value::Object(_)) => Ok(value),
            Ok(_) => Err(unexpected_because(
                path,
                &answer,
                "a JSON value that is not an object".to_owned(),
            )),
            Err(error) => Err(unexpected(path, &answer, &error)),
        }
    }

    async fn send_raw(&self, request: RawRequest) -> Result<Answer, Error> {
        let timeout = request.timeout.unwrap_or(self.inner.timeout);
        let deadline = deadline_after(timeout);
        let auth =
            match tokio::time::timeout_at(deadline, self.auth_headers(timeout, deadline)).await {
                Ok(headers) => headers?,
                Err(_) => {
                    let path = request.path;
                    return Err(Error::Timeout {
                        path,
                        timeout,
                        attempts: 0,
                    });
                }
            };
        self.send_with_retries(&request, &auth, timeout, deadline)
            .await
    }

    /// Sends `request` with `auth`, retrying as the policy says until `deadline`.
    async fn send_with_retries(
        &self,
        request: &RawRequest,
        auth: &HeaderMap,
        timeout: Duration,
        deadline: Instant,
    ) -> Result<Answer, Error> {
        let timed_out = |attempts| Error::Timeout {
            path: request.path,
            timeout,
            attempts,
        };
        let url = self.route_url(request.path)?;
        let policy = self.inner.retry;
        let mut attempt = 0;
        loop {
            attempt += 1;
            let outcome =
                tokio::time::timeout_at(deadline, self.attempt(&url, request, auth)).await;
            let (failure, error, retry_after) = match outcome {
                Err(_) => return Err(timed_out(attempt)),
                Ok(Ok(answer)) if (200..300).contains(&answer.status) => return Ok(answer),
                Ok(Ok(answer)) => {
                    let failure = Failure::of_status(answer.status);
                    let retry_after = answer.retry_after;
                    (
                        failure,
                        error_from_answer(request.path, answer),
                        retry_after,
                    )
                }
                Ok(Err(AttemptError::Transport(stage, source))) => {
                    let failure = match stage {
                        TransportStage::Connect => Failure::NotSent,
                        // The request went out: the server may have acted on it.
                        TransportStage::Request
                        | TransportStage::ResponseBody
                        | TransportStage::UnreadableAnswer => Failure::MaybeDone,
                    };
                    let error = TransportError {
                        path: request.path,
                        stage,
                        attempts: attempt,
                        source,
                    };
                    (failure, Error::Transport(Box::new(error)), None)
                }
                Ok(Err(AttemptError::TooLarge {
                    status,
                    request_id,
                    read,
                    limit,
                })) => {
                    let reason = format!("the body is larger than the limit of {limit} bytes");
                    let error =
                        UnexpectedResponse::new(request.path, status, request_id, &read, reason);
                    (
                        Failure::Final,
                        Error::UnexpectedResponse(Box::new(error)),
                        None,
                    )
                }
            };
            if attempt >= policy.attempts() || !failure.is_retryable(request.idempotent) {
                return Err(error);
            }
            let delay = policy.delay(attempt, retry_after);
            let retry_at = Instant::now().checked_add(delay);
            if retry_at.is_none_or(|retry_at| retry_at >= deadline) {
                return Err(error);
            }
            tokio::time::sleep(delay).await;
        }
    }

    /// The URL of `path` on this client's endpoint, parsed on first use. Whatever
    /// `path` holds, the URL stays on the endpoint's origin and under its path.
    fn route_url(&self, path: &'static str) -> Result<reqwest::Url, Error> {
        let cached = self
            .inner
            .route_urls
            .read()
            .ok()
            .and_then(|urls| urls.get(path).cloned());
        if let Some(url) = cached {
            return Ok(url);
        }
        let invalid = |reason| Error::InvalidPath { path, reason };
        check_route(path).map_err(invalid)?;
        let expected = format!("{}{path}", self.inner.base_url);
        let url = reqwest::Url::parse(&expected)
            .map_err(|_| invalid("it does not make a URL on the endpoint"))?;
        // The check above leaves nothing for URL parsing to resolve; this one holds
        // whatever it misses.
        if url.as_str() != expected {
            return Err(invalid("it would leave the endpoint's origin or path"));
        }
        if let Ok(mut urls) = self.inner.route_urls.write() {
            urls.insert(path, url.clone());
        }
        Ok(url)
    }

    async fn attempt(
        &self,
        url: &reqwest::Url,
        request: &RawRequest,
        auth: &HeaderMap,
    ) -> Result<Answer, AttemptError> {
        let limit = self.inner.max_response_bytes;
        let mut builder = self
            .inner
            .http
            .request(request.method.as_reqwest(), url.clone());
        // Header by header: cheaper than cloning the map and merging it.
        for (name, value) in auth {
            builder = builder.header(name.clone(), value.clone());
        }
        let mut response = builder
            .body(request.body.clone())
            .send()
            .await
            .map_err(|error| {
                let stage = if error.is_connect() {
                    TransportStage::Connect
                } else if is_unreadable_answer(&error) {
                    TransportStage::UnreadableAnswer
                } else {
                    TransportStage::Request
                };
                AttemptError::Transport(stage, error)
            })?;
        let status = response.status().as_u16();
        let headers = response.headers();
        let request_id = headers
            .get("seam-request-id")
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let media_type = headers
            .get(CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(|media_type| media_type.trim().chars().take(100).collect());
        let retry_after = headers
            .get(RETRY_AFTER)
            .and_then(|value| value.to_str().ok())
            .and_then(parse_retry_after);
        let declared = response.content_length().unwrap_or(0);
        if declared > limit as u64 {
            return Err(AttemptError::TooLarge {
                status,
                request_id,
                read: Vec::new(),
                limit,
            });
        }
        // One chunk is the whole body for most answers: keep it without copying.
        let mut first: Option<Bytes> = None;
        let mut rest: Vec<u8> = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|error| AttemptError::Transport(TransportStage::ResponseBody, error))?
        {
            // Once `rest` is in use it holds the first chunk too: count it once.
            let held = if rest.is_empty() {
                first.as_ref().map_or(0, Bytes::len)
            } else {
                rest.len()
            };
            if held + chunk.len() > limit {
                let read = if rest.is_empty() {
                    first.map(|first| first.to_vec()).unwrap_or_default()
                } else {
                    rest
                };
                return Err(AttemptError::TooLarge {
                    status,
                    request_id,
                    read,
                    limit,
                });
            }
            match &first {
                None => first = Some(chunk),
                Some(head) => {
                    if rest.is_empty() {
                        // The declared length (checked against the limit above), so
                        // that a large answer is not copied again at every doubling.
                        let declared = usize::try_from(declared).unwrap_or(0);
                        rest.reserve(declared.max(head.len() + chunk.len()));
                        rest.extend_from_slice(head);
                    }
                    rest.extend_from_slice(&chunk);
                }
            }
        }
        let body = if rest.is_empty() {
            first.unwrap_or_default()
        } else {
            Bytes::from(rest)
        };
        Ok(Answer {
            status,
            media_type,
            request_id,
            retry_after,
            body,
        })
    }

    /// The headers that authenticate a request; for a publishable key, trades it for
    /// a client session token first, once for the client and its clones.
    async fn auth_headers(
        &self,
        timeout: Duration,
        deadline: Instant,
    ) -> Result<Arc<HeaderMap>, Error> {
        if let Some(headers) = &self.inner.auth_headers {
            // A poisoned lock still holds whole headers: they are replaced in one step.
            let headers = headers
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            return Ok(headers.clone());
        }
        let session = &self.inner.session;
        if let Some(headers) = session.headers.get() {
            return Ok(headers.clone());
        }
        let failures_seen = session.failures.load(Ordering::Acquire);
        let mut last_failure = session.exchange.lock().await;
        if let Some(headers) = session.headers.get() {
            return Ok(headers.clone());
        }
        // The exchange this call waited on failed: that is this call's answer too,
        // rather than an exchange of its own after the others (each waiting its turn
        // until the timeout ran out). A call that starts later tries again.
        if session.failures.load(Ordering::Acquire) != failures_seen
            && let Some(error) = last_failure.as_ref().and_then(Error::shareable_copy)
        {
            return Err(error);
        }
        match self.exchange_publishable_key(timeout, deadline).await {
            Ok(headers) => Ok(session.headers.get_or_init(|| Arc::new(headers)).clone()),
            Err(error) => {
                *last_failure = error.shareable_copy();
                session.failures.fetch_add(1, Ordering::Release);
                Err(error)
            }
        }
    }

    async fn exchange_publishable_key(
        &self,
        timeout: Duration,
        deadline: Instant,
    ) -> Result<HeaderMap, Error> {
        let Auth::PublishableKey {
            user_identifier_key,
            ..
        } = &self.inner.auth
        else {
            unreachable!("only a publishable key is exchanged")
        };
        let params = GetOrCreateClientSession {
            user_identifier_key,
        };
        let request = RawRequest {
            path: GET_OR_CREATE_CLIENT_SESSION,
            method: Method::Post,
            idempotent: true,
            body: Bytes::from(
                serde_json::to_vec(&params).map_err(|source| Error::Serialize {
                    path: GET_OR_CREATE_CLIENT_SESSION,
                    source: SerializeError(source),
                })?,
            ),
            timeout: None,
        };
        // Retried like any idempotent request, within the deadline of the call
        // that needs it.
        let publishable_key_headers = self.inner.auth.headers()?;
        let answer = self
            .send_with_retries(&request, &publishable_key_headers, timeout, deadline)
            .await?;
        let session: ClientSession =
            decode_keyed(&answer.body, "client_session").map_err(|error| {
                // This answer may hold the client session token: keep none of the body.
                let error = UnexpectedResponse::new(
                    GET_OR_CREATE_CLIENT_SESSION,
                    answer.status,
                    answer.request_id.clone(),
                    b"",
                    decode_failure_reason(&error),
                );
                Error::UnexpectedResponse(Box::new(error))
            })?;
        if !session.token.starts_with("seam_cst") {
            return Err(Error::PublishableKeyExchange {
                reason: "the answer held no seam_cst… token",
            });
        }
        Auth::ClientSessionToken(crate::auth::Secret::new(session.token))
            .headers()
            .map_err(|_| Error::PublishableKeyExchange {
                reason: "the token holds characters that cannot be sent in a header",
            })
    }
}

/// A route is `/namespace/action`: segments of letters, digits, `_`, `-` and `.`,
/// none empty, none `.` or `..`. Anything else (`@`, `?`, `#`, `%`, `\\`, a scheme)
/// could take the request elsewhere.
fn check_route(path: &str) -> Result<(), &'static str> {
    let Some(segments) = path.strip_prefix('/') else {
        return Err("it does not start with `/`");
    };
    for segment in segments.split('/') {
        if segment.is_empty() || segment == "." || segment == ".." {
            return Err("it has an empty, `.` or `..` segment");
        }
        if !segment
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-' | b'.'))
        {
            return Err("it holds a character other than letters, digits, `_`, `-`, `.` and `/`");
        }
    }
    Ok(())
}

/// Whether the answer could not be read as HTTP: hyper's parse error, somewhere
/// among the causes reqwest gives.
fn is_unreadable_answer(error: &reqwest::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(error) = cause {
        if error
            .downcast_ref::<hyper::Error>()
            .is_some_and(hyper::Error::is_parse)
        {
            return true;
        }
        cause = error.source();
    }
    false
}

/// `Instant + Duration` panics on overflow: a timeout too long to add (such as
/// `Duration::MAX`, meaning "none") is a deadline decades away.
fn deadline_after(timeout: Duration) -> Instant {
    let now = Instant::now();
    now.checked_add(timeout)
        .unwrap_or_else(|| now + Duration::from_secs(86_400 * 365 * 30))
}

/// The client session a publishable key is traded for, shared by a client and its
/// clones.
#[derive(Default)]
pub(crate) struct Session {
    /// The session's headers, once an exchange succeeded.
    headers: std::sync::OnceLock<Arc<HeaderMap>>,
    /// Held while an exchange is under way; the last failure, when it can be shared.
    exchange: tokio::sync::Mutex<Option<Error>>,
    /// How many exchanges have failed.
    failures: AtomicU64,
}

pub(crate) const GET_OR_CREATE_CLIENT_SESSION: &str = "/client_sessions/get_or_create";

#[derive(Serialize)]
struct GetOrCreateClientSession<'a> {
    user_identifier_key: &'a str,
}

#[derive(Deserialize)]
struct ClientSession {
    token: String,
}

/// The error for a non-success answer: Seam's envelope, or what was wrong with it.
/// The envelope is read only from a JSON answer: a proxy's or load balancer's page
/// must not pass for Seam's error, whatever its body looks like.
fn error_from_answer(path: &'static str, answer: Answer) -> Error {
    let is_json = answer.media_type.as_deref().is_some_and(is_json_media_type);
    if !is_json && !answer.body.is_empty() {
        let reason = match &answer.media_type {
            Some(media_type) => format!("a body of type {media_type}, not JSON"),
            None => "a body without a content type, not JSON".to_owned(),
        };
        return unexpected_because(path, &answer, reason);
    }
    match decode_error(path, answer.status, answer.request_id.clone(), &answer.body) {
        Ok(error) => Error::Api(Box::new(error)),
        Err(error) => unexpected(path, &answer, &error),
    }
}

/// `application/json` or a `+json` type.
fn is_json_media_type(media_type: &str) -> bool {
    let media_type = media_type.to_ascii_lowercase();
    media_type == "application/json" || media_type.ends_with("+json")
}

fn unexpected(path: &'static str, answer: &Answer, error: &serde_json::Error) -> Error {
    let reason = if answer.body.is_empty() {
        "an empty body".to_owned()
    } else {
        decode_failure_reason(error)
    };
    unexpected_because(path, answer, reason)
}

fn unexpected_because(path: &'static str, answer: &Answer, reason: String) -> Error {
    let response = UnexpectedResponse::new(
        path,
        answer.status,
        answer.request_id.clone(),
        &answer.body,
        reason,
    );
    Error::UnexpectedResponse(Box::new(response))
}

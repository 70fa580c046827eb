//! A fault-injecting HTTP/1.1 server on loopback, written on raw bytes over a
//! tokio `TcpListener`, and the hand-written endpoints the integration tests call.
//!
//! The server is scripted per request: a closure (or a queue of behaviours) says
//! what to do with each request it has read. It keeps every request it received
//! (method, path, headers, body) for assertions, and counts what it wrote.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinSet;

use seamapi_core::validation::{FieldPath, ValidationErrors};
use seamapi_core::{Endpoint, Method};

/// One request as the server read it.
#[derive(Debug, Clone)]
pub struct Received {
    pub method: String,
    pub path: String,
    /// Header names in lower case, in the order they came.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Received {
    /// The value of the only header called `name`; panics when it came twice.
    pub fn header(&self, name: &str) -> Option<&str> {
        let all = self.headers_named(name);
        assert!(all.len() <= 1, "{name} came {} times: {all:?}", all.len());
        all.first().copied()
    }

    pub fn headers_named(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
            .collect()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the request body is JSON")
    }
}

/// What the server does with one request.
#[derive(Debug, Clone)]
pub enum Behaviour {
    /// A complete answer with a `Content-Length`; the connection stays open.
    Reply(Reply),
    /// These bytes verbatim (a captured answer); the connection stays open.
    Raw(Vec<u8>),
    /// Reads the request, then closes the connection without a byte of answer.
    CloseWithoutAnswer,
    /// Sends the status line and headers declaring `declared` bytes of body, then
    /// only `sent`, then closes.
    ResetMidBody {
        status: u16,
        declared: usize,
        sent: Vec<u8>,
    },
    /// Sends the status line and headers (declaring `content_length` bytes), then
    /// nothing more until the client goes away.
    StallAfterHeaders { status: u16, content_length: usize },
    /// Sends nothing at all until the client goes away.
    StallBeforeHeaders,
    /// A chunked body made of `chunk` repeated `chunks` times (without end when
    /// `None`), waiting `every` between chunks.
    Chunked {
        status: u16,
        chunk: Vec<u8>,
        chunks: Option<usize>,
        every: Duration,
    },
    /// Declares the whole body with `Content-Length`, then sends it `piece` bytes
    /// at a time, waiting `every` before each piece.
    Trickle {
        status: u16,
        body: Vec<u8>,
        piece: usize,
        every: Duration,
    },
}

/// A complete answer.
#[derive(Debug, Clone)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// The `Content-Length` to declare, when not the body's length.
    pub content_length: Option<usize>,
}

impl Reply {
    pub fn empty(status: u16) -> Self {
        Self {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            content_length: None,
        }
    }

    pub fn json(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::empty(status)
            .header("content-type", "application/json; charset=utf-8")
            .body(body)
    }

    pub fn html(status: u16, body: impl Into<Vec<u8>>) -> Self {
        Self::empty(status)
            .header("content-type", "text/html")
            .body(body)
    }

    #[must_use]
    pub fn header(mut self, name: &str, value: &str) -> Self {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    #[must_use]
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        self.body = body.into();
        self
    }

    #[must_use]
    pub fn request_id(self, id: &str) -> Self {
        self.header("seam-request-id", id)
    }
}

impl From<Reply> for Behaviour {
    fn from(reply: Reply) -> Self {
        Self::Reply(reply)
    }
}

type Script = Box<dyn Fn(&Received, usize) -> Behaviour + Send + Sync>;

struct State {
    script: Script,
    received: Mutex<Vec<Received>>,
    /// Bytes of answers written, headers included.
    bytes_sent: AtomicUsize,
    connections: AtomicUsize,
}

/// The server; stops (with every connection) when dropped.
pub struct Server {
    addr: std::net::SocketAddr,
    state: Arc<State>,
    accept: tokio::task::JoinHandle<()>,
}

impl Server {
    /// A server that asks `script` what to do with each request; it is given the
    /// request and its 0-based number among all requests received.
    pub async fn start(
        script: impl Fn(&Received, usize) -> Behaviour + Send + Sync + 'static,
    ) -> Self {
        Self::listen(script, false).await
    }

    /// A server that accepts each connection and closes it at once, reading nothing.
    pub async fn hanging_up() -> Self {
        Self::listen(|_, _| Behaviour::CloseWithoutAnswer, true).await
    }

    async fn listen(
        script: impl Fn(&Received, usize) -> Behaviour + Send + Sync + 'static,
        hang_up: bool,
    ) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("local addr");
        let state = Arc::new(State {
            script: Box::new(script),
            received: Mutex::new(Vec::new()),
            bytes_sent: AtomicUsize::new(0),
            connections: AtomicUsize::new(0),
        });
        let accept_state = state.clone();
        let accept = tokio::spawn(async move {
            // Dropping this set (when the accept task is aborted) aborts every
            // connection task.
            let mut connections = JoinSet::new();
            loop {
                tokio::select! {
                    accepted = listener.accept() => {
                        let Ok((stream, _)) = accepted else { continue };
                        accept_state.connections.fetch_add(1, Ordering::SeqCst);
                        if !hang_up {
                            connections.spawn(serve(stream, accept_state.clone()));
                        }
                    }
                    Some(_) = connections.join_next(), if !connections.is_empty() => {}
                }
            }
        });
        Self {
            addr,
            state,
            accept,
        }
    }

    /// A server that plays `behaviours` in order, then `then` for every further request.
    pub async fn scripted(
        behaviours: impl IntoIterator<Item = Behaviour>,
        then: Behaviour,
    ) -> Self {
        let queue = Mutex::new(behaviours.into_iter().collect::<VecDeque<_>>());
        Self::start(move |_, _| queue.lock().unwrap().pop_front().unwrap_or(then.clone())).await
    }

    /// A server that answers every request the same way.
    pub async fn always(behaviour: impl Into<Behaviour>) -> Self {
        let behaviour = behaviour.into();
        Self::start(move |_, _| behaviour.clone()).await
    }

    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// How many requests arrived (read completely).
    pub fn count(&self) -> usize {
        self.state.received.lock().unwrap().len()
    }

    /// How many requests arrived at `path`.
    pub fn count_path(&self, path: &str) -> usize {
        self.state
            .received
            .lock()
            .unwrap()
            .iter()
            .filter(|request| request.path == path)
            .count()
    }

    pub fn received(&self) -> Vec<Received> {
        self.state.received.lock().unwrap().clone()
    }

    pub fn bytes_sent(&self) -> usize {
        self.state.bytes_sent.load(Ordering::SeqCst)
    }

    pub fn connections(&self) -> usize {
        self.state.connections.load(Ordering::SeqCst)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// The URL of a loopback port that nothing listens on, so connecting is refused,
/// for as long as it lives: the port is held bound without listening (and without
/// `SO_REUSEADDR`), so that no server of a test running alongside is given it.
pub struct RefusedUrl {
    url: String,
    _held: tokio::net::TcpSocket,
}

impl std::ops::Deref for RefusedUrl {
    type Target = str;

    fn deref(&self) -> &str {
        &self.url
    }
}

/// A [`RefusedUrl`]; keep it alive while the client uses it.
pub fn refused_url() -> RefusedUrl {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind((std::net::Ipv4Addr::LOCALHOST, 0).into())
        .expect("bind");
    let port = socket.local_addr().expect("local addr").port();
    RefusedUrl {
        url: format!("http://127.0.0.1:{port}"),
        _held: socket,
    }
}

/// Serves one connection: requests one after another (keep-alive) until the client
/// closes or a behaviour ends the connection.
async fn serve(mut stream: TcpStream, state: Arc<State>) {
    let mut buffer = Vec::new();
    loop {
        let Some(request) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        let number = {
            let mut received = state.received.lock().unwrap();
            received.push(request.clone());
            received.len() - 1
        };
        let behaviour = (state.script)(&request, number);
        let keep_going = play(&mut stream, &state, behaviour).await;
        if !keep_going {
            return;
        }
    }
}

/// Does what `behaviour` says; whether the connection can serve another request.
async fn play(stream: &mut TcpStream, state: &State, behaviour: Behaviour) -> bool {
    let sent = &state.bytes_sent;
    match behaviour {
        Behaviour::Reply(reply) => {
            let length = reply.content_length.unwrap_or(reply.body.len());
            let mut bytes = head(reply.status, &reply.headers, Some(length));
            bytes.extend_from_slice(&reply.body);
            write(stream, sent, &bytes).await
        }
        Behaviour::Raw(bytes) => write(stream, sent, &bytes).await,
        Behaviour::CloseWithoutAnswer => false,
        Behaviour::ResetMidBody {
            status,
            declared,
            sent: body,
        } => {
            let mut bytes = head(status, &json_type(), Some(declared));
            bytes.extend_from_slice(&body);
            let _ = write(stream, sent, &bytes).await;
            false
        }
        Behaviour::StallAfterHeaders {
            status,
            content_length,
        } => {
            let bytes = head(status, &json_type(), Some(content_length));
            if write(stream, sent, &bytes).await {
                wait_for_close(stream).await;
            }
            false
        }
        Behaviour::StallBeforeHeaders => {
            wait_for_close(stream).await;
            false
        }
        Behaviour::Chunked {
            status,
            chunk,
            chunks,
            every,
        } => {
            let mut headers = json_type();
            headers.push(("transfer-encoding".into(), "chunked".into()));
            if !write(stream, sent, &head(status, &headers, None)).await {
                return false;
            }
            let mut framed = format!("{:x}\r\n", chunk.len()).into_bytes();
            framed.extend_from_slice(&chunk);
            framed.extend_from_slice(b"\r\n");
            let mut written = 0;
            while chunks.is_none_or(|chunks| written < chunks) {
                if !every.is_zero() {
                    tokio::time::sleep(every).await;
                }
                if !write(stream, sent, &framed).await {
                    return false;
                }
                written += 1;
            }
            write(stream, sent, b"0\r\n\r\n").await
        }
        Behaviour::Trickle {
            status,
            body,
            piece,
            every,
        } => {
            if !write(stream, sent, &head(status, &json_type(), Some(body.len()))).await {
                return false;
            }
            for piece in body.chunks(piece.max(1)) {
                tokio::time::sleep(every).await;
                if !write(stream, sent, piece).await {
                    return false;
                }
            }
            true
        }
    }
}

fn json_type() -> Vec<(String, String)> {
    vec![("content-type".into(), "application/json".into())]
}

fn head(status: u16, headers: &[(String, String)], content_length: Option<usize>) -> Vec<u8> {
    let mut text = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    if let Some(length) = content_length {
        text.push_str(&format!("content-length: {length}\r\n"));
    }
    text.push_str("\r\n");
    text.into_bytes()
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        307 => "Temporary Redirect",
        400 => "Bad Request",
        401 => "Unauthorized",
        404 => "Not Found",
        409 => "Conflict",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "Whatever",
    }
}

/// Writes all of `bytes`, counting what went out; false when the client has gone.
async fn write(stream: &mut TcpStream, sent: &AtomicUsize, bytes: &[u8]) -> bool {
    match stream.write_all(bytes).await {
        Ok(()) => {
            sent.fetch_add(bytes.len(), Ordering::SeqCst);
            true
        }
        Err(_) => false,
    }
}

/// Waits until the client closes the connection (or 60 s, so that nothing here
/// outlives a test by much).
async fn wait_for_close(stream: &mut TcpStream) {
    let mut sink = [0u8; 1024];
    let _ = tokio::time::timeout(Duration::from_secs(60), async {
        while let Ok(read) = stream.read(&mut sink).await {
            if read == 0 {
                break;
            }
        }
    })
    .await;
}

/// Reads one request (head and `Content-Length` body); `None` when the client
/// closed the connection (or sent something that is not HTTP/1.1).
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Received> {
    let head_end = loop {
        if let Some(at) = find(buffer, b"\r\n\r\n") {
            break at;
        }
        read_more(stream, buffer).await?;
    };
    let head = std::str::from_utf8(&buffer[..head_end]).ok()?.to_owned();
    let mut lines = head.split("\r\n");
    let mut request_line = lines.next()?.split(' ');
    let method = request_line.next()?.to_owned();
    let path = request_line.next()?.to_owned();
    let headers: Vec<(String, String)> = lines
        .map(|line| {
            let (name, value) = line.split_once(':').expect("a header line");
            (name.trim().to_ascii_lowercase(), value.trim().to_owned())
        })
        .collect();
    assert!(
        !headers
            .iter()
            .any(|(name, value)| name == "transfer-encoding" && value.contains("chunked")),
        "the client sent a chunked request body"
    );
    let length: usize = headers
        .iter()
        .find(|(name, _)| name == "content-length")
        .map_or(0, |(_, value)| value.parse().expect("a content length"));
    let body_start = head_end + 4;
    while buffer.len() < body_start + length {
        read_more(stream, buffer).await?;
    }
    let body = buffer[body_start..body_start + length].to_vec();
    buffer.drain(..body_start + length);
    Some(Received {
        method,
        path,
        headers,
        body,
    })
}

async fn read_more(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<()> {
    let mut chunk = [0u8; 8192];
    match stream.read(&mut chunk).await {
        Ok(0) | Err(_) => None,
        Ok(read) => {
            buffer.extend_from_slice(&chunk[..read]);
            Some(())
        }
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

// ---------------------------------------------------------------------------
// Endpoints, implemented by hand (not with the macro).

/// What `/things/get` and `/things/create` answer under `thing`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Thing {
    pub thing_id: String,
    pub name: String,
}

pub const THING: &str = r#"{"thing":{"thing_id":"t_1","name":"Front door"},"ok":true}"#;

pub fn thing() -> Thing {
    Thing {
        thing_id: "t_1".into(),
        name: "Front door".into(),
    }
}

/// Idempotent, with a response key.
#[derive(Debug, Clone, Serialize)]
pub struct GetThing {
    pub thing_id: String,
}

impl GetThing {
    pub fn new(thing_id: &str) -> Self {
        Self {
            thing_id: thing_id.into(),
        }
    }
}

impl Endpoint for GetThing {
    type Response = Thing;
    type Answer = seamapi_core::Keyed<Thing>;
    const PATH: &'static str = "/things/get";
    const IDEMPOTENT: bool = true;
    const RESPONSE_KEY: Option<&'static str> = Some("thing");

    fn validate(&self, errors: &mut ValidationErrors) {
        if self.thing_id.is_empty() {
            errors.push(&FieldPath::Field("thing_id"), "must not be empty");
        }
    }
}

/// Not idempotent, with a response key.
#[derive(Debug, Clone, Serialize)]
pub struct CreateThing {
    pub name: String,
}

impl CreateThing {
    pub fn new(name: &str) -> Self {
        Self { name: name.into() }
    }
}

impl Endpoint for CreateThing {
    type Response = Thing;
    type Answer = seamapi_core::Keyed<Thing>;
    const PATH: &'static str = "/things/create";
    const IDEMPOTENT: bool = false;
    const RESPONSE_KEY: Option<&'static str> = Some("thing");

    fn validate(&self, _errors: &mut ValidationErrors) {}
}

/// Void, idempotent, sent with `DELETE`.
#[derive(Debug, Clone, Serialize)]
pub struct DeleteThing {
    pub thing_id: String,
}

impl Endpoint for DeleteThing {
    type Response = ();
    type Answer = seamapi_core::Void;
    const PATH: &'static str = "/things/delete";
    const METHOD: Method = Method::Delete;
    const IDEMPOTENT: bool = true;
    const RESPONSE_KEY: Option<&'static str> = None;

    fn validate(&self, _errors: &mut ValidationErrors) {}
}

/// Void and not idempotent.
#[derive(Debug, Clone, Serialize)]
pub struct PokeThing {
    pub thing_id: String,
}

impl Endpoint for PokeThing {
    type Response = ();
    type Answer = seamapi_core::Void;
    const PATH: &'static str = "/things/poke";
    const IDEMPOTENT: bool = false;
    const RESPONSE_KEY: Option<&'static str> = None;

    fn validate(&self, _errors: &mut ValidationErrors) {}
}

/// A client of `server_url` with an API key, fast retries, and `timeout`.
pub fn client(url: &str, timeout: Duration) -> seamapi_core::Client {
    seamapi_core::Client::builder()
        .api_key("seam_apikey1_token")
        .endpoint(url)
        .timeout(timeout)
        .retry(fast_retries())
        .build()
        .expect("a client")
}

pub fn fast_retries() -> seamapi_core::RetryPolicy {
    seamapi_core::RetryPolicy::default().initial_backoff(Duration::from_millis(10))
}

/// A connected account as the fixtures captured from Seam's fake server hold it.
#[derive(Debug, Clone, Deserialize)]
pub struct ConnectedAccount {
    pub connected_account_id: String,
    pub provider: Option<String>,
    pub custom_metadata: seamapi_core::CustomMetadata,
}

#[derive(Debug, Clone, Serialize)]
pub struct GetConnectedAccount {
    pub connected_account_id: String,
}

impl Endpoint for GetConnectedAccount {
    type Response = ConnectedAccount;
    type Answer = seamapi_core::Keyed<ConnectedAccount>;
    const PATH: &'static str = "/connected_accounts/get";
    const IDEMPOTENT: bool = true;
    const RESPONSE_KEY: Option<&'static str> = Some("connected_account");

    fn validate(&self, _errors: &mut ValidationErrors) {}
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct ListConnectedAccounts {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page_cursor: Option<String>,
}

impl Endpoint for ListConnectedAccounts {
    type Response = seamapi_core::Page<ConnectedAccount>;
    type Answer = seamapi_core::Paged<ConnectedAccount>;
    const PATH: &'static str = "/connected_accounts/list";
    const IDEMPOTENT: bool = true;
    const RESPONSE_KEY: Option<&'static str> = Some("connected_accounts");

    fn validate(&self, _errors: &mut ValidationErrors) {}
}

impl seamapi_core::Paginated for ListConnectedAccounts {
    type Item = ConnectedAccount;

    fn set_page_cursor(&mut self, cursor: String) {
        self.page_cursor = Some(cursor);
    }
}

//! What seam-rs costs on top of the HTTP stack.
//!
//! Shared by the benchmarks in `benches/` and the helper binaries in `src/bin/`:
//! the seed request, sent once through the SDK and once through a bare `reqwest`
//! client posting the same bytes; a stub Seam server for loopback; and the
//! process's CPU time and peak memory. See `README.md` for the figures.

pub mod devices;

use std::future::Future;
use std::io;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use seamapi::prelude::*;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The connected account of the example on docs.seam.co.
pub const SEED_ID: &str = "a289aa54-5488-4707-9a4b-eeea4edf311d";
/// The API key both clients send.
pub const API_KEY: &str = "seam_apikey1_token";
/// The route of the seed request.
pub const SEED_PATH: &str = "/connected_accounts/update";
/// The seed request's body, byte for byte as the SDK serialises it; the bare
/// client posts these bytes and the stub server refuses any other body.
pub const SEED_JSON: &[u8] = br#"{"connected_account_id":"a289aa54-5488-4707-9a4b-eeea4edf311d","automatically_manage_new_devices":true,"custom_metadata":{"id":"internalId1"}}"#;
/// What the stub server answers: the account as Seam describes it.
pub const ANSWER_JSON: &[u8] = br#"{"connected_account":{"connected_account_id":"a289aa54-5488-4707-9a4b-eeea4edf311d","account_type":"august","account_type_display_name":"August","display_name":"john@example.com","created_at":"2024-01-01T00:00:00.000Z","user_identifier":{"email":"john@example.com","exclusive":true},"custom_metadata":{"id":"internalId1"},"automatically_manage_new_devices":true,"accepted_capabilities":["lock","thermostat"],"errors":[],"warnings":[]},"ok":true}"#;

/// The SDK client for a stub server at `endpoint`.
pub fn sdk_client(endpoint: &str) -> Client {
    Client::builder()
        .api_key(API_KEY)
        .endpoint(endpoint)
        .build()
        .expect("the SDK client builds")
}

/// Sends the seed request through the SDK: build, validate, serialise, send,
/// read and check the answer.
pub async fn sdk_once(seam: &Client) {
    seam.connected_accounts()
        .update(SEED_ID)
        .automatically_manage_new_devices(true)
        .custom_metadata([("id", "internalId1")])
        .send()
        .await
        .expect("the SDK's request succeeds");
}

/// A bare `reqwest` client posting the seed request's bytes, as a hand-written
/// client would: the same URL, body, `Authorization` and `Content-Type`, with the
/// header values and the body built once.
#[derive(Debug, Clone)]
pub struct Bare {
    http: reqwest::Client,
    url: String,
    authorization: HeaderValue,
    content_type: HeaderValue,
    body: Bytes,
}

impl Bare {
    /// A bare client for a stub server at `endpoint`.
    pub fn new(endpoint: &str) -> Self {
        let mut authorization =
            HeaderValue::from_str(&format!("Bearer {API_KEY}")).expect("a valid header");
        authorization.set_sensitive(true);
        Self {
            http: reqwest::Client::new(),
            url: format!("{endpoint}{SEED_PATH}"),
            authorization,
            content_type: HeaderValue::from_static("application/json"),
            body: Bytes::from_static(SEED_JSON),
        }
    }

    /// Posts the seed bytes and reads the whole answer.
    pub async fn once(&self) {
        let response = self
            .http
            .post(&self.url)
            .header(AUTHORIZATION, self.authorization.clone())
            .header(CONTENT_TYPE, self.content_type.clone())
            .body(self.body.clone())
            .send()
            .await
            .expect("the bare request is answered");
        assert!(response.status().is_success(), "{}", response.status());
        let body = response.bytes().await.expect("the bare body is read");
        std::hint::black_box(body);
    }
}

/// Which client a run goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// seam-rs.
    Sdk,
    /// Bare reqwest.
    Bare,
}

impl Via {
    /// Its name in reports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sdk => "seam-rs",
            Self::Bare => "bare reqwest",
        }
    }
}

/// Both clients, for one stub server.
#[derive(Debug, Clone)]
pub struct Clients {
    /// seam-rs.
    pub sdk: Client,
    /// Bare reqwest.
    pub bare: Bare,
}

impl Clients {
    /// Both clients for a stub server at `endpoint`.
    pub fn new(endpoint: &str) -> Self {
        Self {
            sdk: sdk_client(endpoint),
            bare: Bare::new(endpoint),
        }
    }

    /// Sends `requests` seed requests through `via`, `in_flight` at a time. Call
    /// within a runtime.
    pub async fn run(&self, via: Via, requests: usize, in_flight: usize) {
        match via {
            Via::Sdk => run_sdk(&self.sdk, requests, in_flight).await,
            Via::Bare => run_bare(&self.bare, requests, in_flight).await,
        }
    }
}

/// Sends `requests` seed requests through the SDK, `in_flight` at a time.
pub async fn run_sdk(seam: &Client, requests: usize, in_flight: usize) {
    let seam = seam.clone();
    spawn_requests(requests, in_flight, move || {
        let seam = seam.clone();
        async move { sdk_once(&seam).await }
    })
    .await;
}

/// Sends `requests` seed requests through the bare client, `in_flight` at a time.
pub async fn run_bare(bare: &Bare, requests: usize, in_flight: usize) {
    let bare = bare.clone();
    spawn_requests(requests, in_flight, move || {
        let bare = bare.clone();
        async move { bare.once().await }
    })
    .await;
}

/// `in_flight` tasks, each sending its share of `requests` one after another.
async fn spawn_requests<F, Fut>(requests: usize, in_flight: usize, once: F)
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let in_flight = in_flight.max(1);
    let mut tasks = Vec::with_capacity(in_flight);
    for task in 0..in_flight {
        let share = requests / in_flight + usize::from(task < requests % in_flight);
        let once = once.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..share {
                once().await;
            }
        }));
    }
    for task in tasks {
        task.await.expect("a request task completes");
    }
}

/// The wall time and the process's CPU time of one measured run.
#[derive(Debug, Clone, Copy)]
pub struct Sample {
    /// Requests sent.
    pub requests: usize,
    /// Wall-clock time.
    pub wall: Duration,
    /// CPU time of the whole process (every thread, user and system).
    pub cpu: Duration,
}

impl Sample {
    /// Requests per second of wall time.
    pub fn per_second(&self) -> f64 {
        self.requests as f64 / self.wall.as_secs_f64()
    }

    /// CPU time per request, in microseconds.
    pub fn cpu_micros(&self) -> f64 {
        self.cpu.as_secs_f64() * 1e6 / self.requests as f64
    }
}

/// Runs `future` to completion on `runtime`, measuring wall and CPU time.
pub fn measure<F: Future<Output = ()>>(
    runtime: &tokio::runtime::Runtime,
    requests: usize,
    future: F,
) -> Sample {
    let cpu = cpu_time();
    let wall = Instant::now();
    runtime.block_on(future);
    Sample {
        requests,
        wall: wall.elapsed(),
        cpu: cpu_time() - cpu,
    }
}

/// CPU time used by this process so far, every thread counted, exited ones too.
#[allow(unsafe_code)]
pub fn cpu_time() -> Duration {
    let mut spec = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `spec` is a valid, writable timespec for the duration of the call,
    // and CLOCK_PROCESS_CPUTIME_ID is a clock every Linux kernel provides.
    let result = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut spec) };
    assert_eq!(result, 0, "clock_gettime(CLOCK_PROCESS_CPUTIME_ID) failed");
    Duration::new(spec.tv_sec as u64, spec.tv_nsec as u32)
}

/// A field of `/proc/self/status` in KiB, such as `VmHWM` (peak resident memory)
/// or `VmRSS` (resident memory now).
pub fn proc_status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|line| {
            let value = line.strip_prefix(field)?.strip_prefix(':')?;
            value.trim().trim_end_matches("kB").trim().parse().ok()
        })
        .unwrap_or_else(|| panic!("no {field} in /proc/self/status"))
}

/// What one run of the memory binary (`seam-bench-memory`) printed: its
/// `name=value` pairs, memory in KiB and CPU time in µs.
#[derive(Debug)]
pub struct MemoryProbe {
    text: String,
}

impl MemoryProbe {
    /// Runs the binary at `program` (the path Cargo gives a bench) with `args`.
    pub fn run<S: AsRef<std::ffi::OsStr>>(program: &str, args: &[S]) -> Self {
        let output = Command::new(program)
            .args(args)
            .output()
            .expect("the memory binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        Self {
            text: String::from_utf8(output.stdout).expect("UTF-8"),
        }
    }

    /// The value it printed for `name`, such as `after_hwm`.
    pub fn field(&self, name: &str) -> u64 {
        self.text
            .split_whitespace()
            .find_map(|pair| pair.strip_prefix(name)?.strip_prefix('=')?.parse().ok())
            .unwrap_or_else(|| panic!("no {name} in {:?}", self.text))
    }
}

/// A single-threaded runtime, as both clients are measured on: all of a client's
/// work lands on one thread, and the stub server has the other core.
pub fn client_runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}

/// The stub server, running as a child process so that its CPU time is not the
/// client's. It stops when dropped (or when this process ends: it exits when its
/// standard input closes).
#[derive(Debug)]
pub struct StubServer {
    child: Child,
    stdin: Option<ChildStdin>,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
}

impl StubServer {
    /// Starts the stub-server binary at `program` and waits for its address.
    pub fn start(program: &str) -> io::Result<Self> {
        Self::start_with(program, &[])
    }

    /// Starts the stub-server binary at `program` with `args` (such as the file of
    /// the `devices/list` answer) and waits for its address.
    pub fn start_with(program: &str, args: &[&std::ffi::OsStr]) -> io::Result<Self> {
        let mut child = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()?;
        let stdin = child.stdin.take();
        let mut stdout = child.stdout.take().expect("piped stdout");
        let mut line = Vec::new();
        let mut byte = [0u8; 1];
        while io::Read::read(&mut stdout, &mut byte)? == 1 && byte[0] != b'\n' {
            line.push(byte[0]);
        }
        let endpoint = String::from_utf8(line).map_err(io::Error::other)?;
        if !endpoint.starts_with("http://127.0.0.1:") {
            let _ = child.kill();
            return Err(io::Error::other(format!(
                "the stub server said {endpoint:?}"
            )));
        }
        Ok(Self {
            child,
            stdin,
            endpoint,
        })
    }

    /// The stub server's CPU time so far, from `/proc/PID/stat` (in clock ticks,
    /// 10 ms): to check that it had a core to itself.
    pub fn cpu_ticks(&self) -> Option<u64> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
        Some(fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?)
    }
}

impl Drop for StubServer {
    fn drop(&mut self) {
        drop(self.stdin.take());
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Serves the stub Seam server on `listener` until standard input closes: HTTP/1.1
/// with keep-alive, one task per connection, answering the seed request with
/// [`ANSWER_JSON`], an authorized `POST` or `GET /devices/list` with `devices` when given
/// (the decoding benchmark's page), and anything else (another route, credential
/// or body) with Seam's error envelope and status 400, so that a client sending
/// something else than the seed request fails the benchmark.
pub async fn serve(listener: TcpListener, devices: Option<Arc<[u8]>>) -> io::Result<()> {
    let accept = async {
        loop {
            let (stream, _) = listener.accept().await?;
            let devices = devices.clone();
            tokio::spawn(async move {
                let _ = serve_connection(stream, devices.as_deref()).await;
            });
        }
    };
    let stdin_closed = async {
        let mut stdin = tokio::io::stdin();
        let mut sink = [0u8; 64];
        while stdin.read(&mut sink).await.map_or(0, |read| read) > 0 {}
    };
    tokio::select! {
        result = accept => result,
        () = stdin_closed => Ok(()),
    }
}

const REFUSAL_JSON: &[u8] = br#"{"error":{"type":"invalid_input","message":"the stub server answers only the seed request"},"ok":false}"#;

async fn serve_connection(mut stream: TcpStream, devices: Option<&[u8]>) -> io::Result<()> {
    stream.set_nodelay(true)?;
    let expected_authorization = format!("Bearer {API_KEY}");
    let mut input: Vec<u8> = Vec::with_capacity(16 * 1024);
    let mut output: Vec<u8> = Vec::with_capacity(4 * 1024);
    loop {
        // Answer every complete request buffered, then write the answers at once.
        let mut consumed = 0;
        loop {
            let mut headers = [httparse::EMPTY_HEADER; 32];
            let mut request = httparse::Request::new(&mut headers);
            let head = match request.parse(&input[consumed..]) {
                Ok(httparse::Status::Complete(head)) => head,
                Ok(httparse::Status::Partial) => break,
                Err(_) => return Ok(()),
            };
            let mut length = 0usize;
            let mut authorized = false;
            for header in request.headers.iter() {
                if header.name.eq_ignore_ascii_case("content-length") {
                    length = std::str::from_utf8(header.value)
                        .ok()
                        .and_then(|value| value.trim().parse().ok())
                        .unwrap_or(0);
                } else if header.name.eq_ignore_ascii_case("authorization") {
                    authorized = header.value == expected_authorization.as_bytes();
                }
            }
            let start = consumed + head;
            if input.len() < start + length {
                break;
            }
            let body = &input[start..start + length];
            let seed = request.method == Some("POST")
                && request.path == Some(SEED_PATH)
                && authorized
                && body == SEED_JSON;
            // Seam's JavaScript SDK lists with GET (and a query), this SDK with POST.
            let devices = devices.filter(|_| {
                matches!(request.method, Some("POST" | "GET"))
                    && request.path == Some(devices::DEVICES_PATH)
                    && authorized
            });
            let (status, answer) = if seed {
                ("200 OK", ANSWER_JSON)
            } else if let Some(devices) = devices {
                ("200 OK", devices)
            } else {
                ("400 Bad Request", REFUSAL_JSON)
            };
            output.extend_from_slice(b"HTTP/1.1 ");
            output.extend_from_slice(status.as_bytes());
            output.extend_from_slice(
                b"\r\ncontent-type: application/json; charset=utf-8\r\nseam-request-id: req_0123456789abcdef\r\ncontent-length: ",
            );
            output.extend_from_slice(answer.len().to_string().as_bytes());
            output.extend_from_slice(b"\r\n\r\n");
            output.extend_from_slice(answer);
            consumed = start + length;
        }
        input.drain(..consumed);
        if !output.is_empty() {
            stream.write_all(&output).await?;
            output.clear();
        }
        if stream.read_buf(&mut input).await? == 0 {
            return Ok(());
        }
    }
}

/// Median of `values` (which it sorts).
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 1 {
        values[middle]
    } else {
        (values[middle - 1] + values[middle]) / 2.0
    }
}

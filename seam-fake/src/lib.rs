//! A test harness that runs Seam's own fake Seam Connect server,
//! [`@seamapi/fake-seam-connect`](https://www.npmjs.com/package/@seamapi/fake-seam-connect),
//! for tests and examples that must not talk to the real Seam API.
//!
//! [`FakeSeam::start`] starts a fresh, seeded server on a free loopback port, waits
//! until it answers `GET /health`, and reads the seeded credentials and ids from
//! `GET /_fake/default_seed`. Dropping the [`FakeSeam`] stops the server. Every
//! server is independent, so tests that change state can each start their own and
//! run in parallel.
//!
//! ```no_run
//! use seamapi_fake::FakeSeam;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let fake = FakeSeam::start()?;
//! // Point your client at `fake.url()` with the seeded API key.
//! let response = fake.post_json(
//!     "/connected_accounts/get",
//!     &[("Authorization", &format!("Bearer {}", fake.api_key()))],
//!     &serde_json::json!({ "connected_account_id": fake.john_connected_account_id() }),
//! )?;
//! assert_eq!(response.status, 200);
//! # Ok(())
//! # }
//! ```
//!
//! # Requirements
//!
//! Node.js (18 or newer) with `node` on `PATH`, and an npm project that pins the
//! fake server, found as [`find_package_dir`] describes. When the server is not
//! installed there yet, the harness runs `npm ci` once per process (this needs `npm`
//! and network access; the lock file decides the version). To use the harness
//! outside the seam-rs repository:
//!
//! ```sh
//! npm install --save-dev --save-exact @seamapi/fake-seam-connect@1.86.0
//! ```
//!
//! A missing `node`, `npm` or package is an error that says what to install:
//! tests never skip silently.
//!
//! # Async tests
//!
//! The API is synchronous: [`FakeSeam::start`] blocks for about a second and
//! dropping the server blocks until the process is gone. That is harmless in
//! `#[tokio::test]`; in long-running async code call it through
//! `tokio::task::spawn_blocking`.
//!
//! # Limits
//!
//! The server is stopped when the [`FakeSeam`] is dropped, including while a test
//! panics; it outlives a test process that is killed outright (`SIGKILL`) or that
//! calls `std::process::exit`. Two *processes* that both find the server missing
//! would both run `npm ci` in the same directory: with a parallel test runner such
//! as cargo-nextest, run `npm ci` before the tests.

mod error;
mod http;
mod install;
mod output;

use std::ffi::OsString;
use std::io;
use std::net::{Ipv4Addr, SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

pub use error::FakeSeamError;
pub use http::FakeResponse;
pub use install::{SEAM_FAKE_DIR, find_package_dir, installed_package_dir};

use output::Output;

/// The npm package of Seam's fake server.
pub const FAKE_PACKAGE: &str = "@seamapi/fake-seam-connect";

/// The version of the fake server seam-rs pins and is tested with.
pub const FAKE_VERSION: &str = "1.86.0";

/// How long [`FakeSeamBuilder::start`] waits for the server to become healthy by default.
pub const DEFAULT_STARTUP_TIMEOUT: Duration = Duration::from_secs(20);

/// How long one request of [`FakeSeam::get`] or [`FakeSeam::post_json`] may take.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// How many times a start is tried when another process takes the chosen port.
const PORT_ATTEMPTS: usize = 3;

/// The seeded values, with the fake's own constants as fallbacks.
const SEED_KEYS: [(&str, &str); 7] = [
    ("seam_apikey1_token", "seam_apikey1_token"),
    ("seam_at1_token", "seam_at1_longtoken"),
    ("seed_workspace_1", "seed_workspace_1"),
    ("seam_cst1_token", "seam_cst1_token"),
    ("seam_pk1_token", "seam_pk1_token"),
    ("john_connected_account_id", "john_connected_account_id"),
    ("jane_connected_account_id", "jane_connected_account_id"),
];

/// A running, seeded instance of Seam's fake server on `127.0.0.1`.
///
/// Start one with [`FakeSeam::start`] or [`FakeSeam::builder`]; drop it to stop the
/// server (the process is killed and reaped).
///
/// The seeded data, as of `@seamapi/fake-seam-connect` 1.86.0: the API key
/// ([`api_key`](Self::api_key)) and the personal access token
/// ([`personal_access_token`](Self::personal_access_token), sent with a
/// `seam-workspace` header) act in workspace [`workspace_id`](Self::workspace_id),
/// which holds the connected accounts
/// [`john_connected_account_id`](Self::john_connected_account_id) (August) and
/// [`jane_connected_account_id`](Self::jane_connected_account_id) (Schlage), plus
/// `john_assa_cs_connected_account_id`. [`seed`](Self::seed) has everything else.
pub struct FakeSeam {
    child: Child,
    output: Output,
    readers: Vec<JoinHandle<()>>,
    addr: SocketAddr,
    url: String,
    package_dir: PathBuf,
    seed: serde_json::Value,
    seeded: [String; SEED_KEYS.len()],
}

/// Options for starting a [`FakeSeam`]; made by [`FakeSeam::builder`].
#[derive(Debug, Clone)]
pub struct FakeSeamBuilder {
    package_dir: Option<PathBuf>,
    node: OsString,
    npm: OsString,
    startup_timeout: Duration,
}

impl Default for FakeSeamBuilder {
    fn default() -> Self {
        Self {
            package_dir: None,
            node: "node".into(),
            npm: install::default_npm().into(),
            startup_timeout: DEFAULT_STARTUP_TIMEOUT,
        }
    }
}

impl FakeSeamBuilder {
    /// Uses `dir` as the npm project that pins the fake server, instead of
    /// looking for one with [`find_package_dir`] (and `SEAM_FAKE_DIR`).
    #[must_use]
    pub fn package_dir(mut self, dir: impl Into<PathBuf>) -> Self {
        self.package_dir = Some(dir.into());
        self
    }

    /// Runs the server with this Node.js program (default: `node` from `PATH`).
    #[must_use]
    pub fn node(mut self, program: impl Into<OsString>) -> Self {
        self.node = program.into();
        self
    }

    /// Installs the server with this npm program (default: `npm` from `PATH`).
    #[must_use]
    pub fn npm(mut self, program: impl Into<OsString>) -> Self {
        self.npm = program.into();
        self
    }

    /// How long to wait for the server to answer `GET /health`
    /// (default: [`DEFAULT_STARTUP_TIMEOUT`]). An install by `npm ci` does not count.
    #[must_use]
    pub fn startup_timeout(mut self, timeout: Duration) -> Self {
        self.startup_timeout = timeout;
        self
    }

    /// Starts a fresh, seeded server.
    ///
    /// # Errors
    ///
    /// See [`FakeSeam::start`].
    pub fn start(self) -> Result<FakeSeam, FakeSeamError> {
        let dir = match &self.package_dir {
            Some(dir) => dir.clone(),
            None => find_package_dir()?,
        };
        let script = install::ensure_installed(&dir, &self.npm)?;
        let deadline = Instant::now() + self.startup_timeout;
        let mut attempt = 1;
        loop {
            match self.start_once(&dir, &script, deadline) {
                Err(FakeSeamError::ExitedEarly { output, .. })
                    if output.contains("EADDRINUSE") && attempt < PORT_ATTEMPTS =>
                {
                    attempt += 1;
                }
                result => return result,
            }
        }
    }

    fn start_once(
        &self,
        dir: &Path,
        script: &Path,
        deadline: Instant,
    ) -> Result<FakeSeam, FakeSeamError> {
        let port = free_port()?;
        let mut child = Command::new(&self.node)
            .arg(script)
            .arg("--seed")
            // Never 0: the fake would then print port 0 instead of the real one.
            .env("PORT", port.to_string())
            .current_dir(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|source| match source.kind() {
                io::ErrorKind::NotFound => FakeSeamError::NodeNotFound {
                    program: self.node.clone(),
                    source,
                },
                _ => FakeSeamError::Io {
                    action: format!("start {:?} {}", self.node, script.display()),
                    source,
                },
            })?;
        let output = Output::default();
        let mut readers = Vec::new();
        if let Some(stdout) = child.stdout.take() {
            readers.extend(output.drain(stdout, "stdout", Some(format!(":{port}"))));
        }
        if let Some(stderr) = child.stderr.take() {
            readers.extend(output.drain(stderr, "stderr", None));
        }
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        // From here on, an early return drops `fake`, which kills the process.
        let mut fake = FakeSeam {
            child,
            output,
            readers,
            addr,
            url: format!("http://{addr}"),
            package_dir: dir.to_path_buf(),
            seed: serde_json::Value::Null,
            seeded: Default::default(),
        };
        fake.wait_until_healthy(deadline, self.startup_timeout)?;
        fake.read_seed()?;
        Ok(fake)
    }
}

/// A port that was free on loopback a moment ago.
fn free_port() -> Result<u16, FakeSeamError> {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .map_err(|source| FakeSeamError::Io {
            action: "find a free port on 127.0.0.1".to_owned(),
            source,
        })
}

impl FakeSeam {
    /// Starts a fresh, seeded server with the default options.
    ///
    /// Finds the npm project with [`find_package_dir`], runs `npm ci` there when the
    /// server is not installed yet (once per process), starts
    /// `node node_modules/@seamapi/fake-seam-connect/dist/server.js --seed` with
    /// `PORT` set to a free loopback port, waits up to
    /// [`DEFAULT_STARTUP_TIMEOUT`] for `GET /health`, then reads
    /// `GET /_fake/default_seed`.
    ///
    /// ```no_run
    /// let fake = seamapi_fake::FakeSeam::start()?;
    /// println!("Seam's fake server listens at {}", fake.url());
    /// # Ok::<(), seamapi_fake::FakeSeamError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`FakeSeamError::PackageDirNotFound`], [`NotInstalled`](FakeSeamError::NotInstalled),
    /// [`NpmNotFound`](FakeSeamError::NpmNotFound) or
    /// [`InstallFailed`](FakeSeamError::InstallFailed) when the server is not available;
    /// [`NodeNotFound`](FakeSeamError::NodeNotFound) without Node.js;
    /// [`ExitedEarly`](FakeSeamError::ExitedEarly) or
    /// [`StartTimeout`](FakeSeamError::StartTimeout) (with the server's output) when it
    /// does not come up.
    pub fn start() -> Result<Self, FakeSeamError> {
        Self::builder().start()
    }

    /// Options for starting a server: package directory, `node` and `npm`
    /// programs, start-up timeout.
    ///
    /// ```no_run
    /// use std::time::Duration;
    ///
    /// let fake = seamapi_fake::FakeSeam::builder()
    ///     .package_dir("/path/to/npm/project")
    ///     .startup_timeout(Duration::from_secs(60))
    ///     .start()?;
    /// # Ok::<(), seamapi_fake::FakeSeamError>(())
    /// ```
    pub fn builder() -> FakeSeamBuilder {
        FakeSeamBuilder::default()
    }

    /// The base URL of the server, `http://127.0.0.1:<port>`, without a trailing slash.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// The loopback port the server listens on.
    pub fn port(&self) -> u16 {
        self.addr.port()
    }

    /// The process id of the server.
    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// The npm project directory the server was started from.
    pub fn package_dir(&self) -> &Path {
        &self.package_dir
    }

    /// The seeded API key (`seam_apikey1_token`), acting in [`workspace_id`](Self::workspace_id).
    pub fn api_key(&self) -> &str {
        &self.seeded[0]
    }

    /// The seeded personal access token (`seam_at1_longtoken`); send it with the
    /// header `seam-workspace: <workspace_id>`.
    pub fn personal_access_token(&self) -> &str {
        &self.seeded[1]
    }

    /// The seeded workspace that holds the seeded connected accounts (`seed_workspace_1`).
    pub fn workspace_id(&self) -> &str {
        &self.seeded[2]
    }

    /// The seeded client session token (`seam_cst1_token`).
    pub fn client_session_token(&self) -> &str {
        &self.seeded[3]
    }

    /// The seeded publishable key (`seam_pk1_token`).
    pub fn publishable_key(&self) -> &str {
        &self.seeded[4]
    }

    /// John's seeded connected account (August, `john@example.com`).
    pub fn john_connected_account_id(&self) -> &str {
        &self.seeded[5]
    }

    /// Jane's seeded connected account (Schlage, `jane@example.com`).
    pub fn jane_connected_account_id(&self) -> &str {
        &self.seeded[6]
    }

    /// Everything `GET /_fake/default_seed` answered, e.g. `seed()["seam_apikey2_token"]`
    /// (an API key of the second, empty workspace `seed_workspace_2`).
    pub fn seed(&self) -> &serde_json::Value {
        &self.seed
    }

    /// Makes `routes` (paths such as `/connected_accounts/update`) answer
    /// `503 Service Unavailable` with an empty body for requests authenticated in
    /// `workspace_id`, until called again; an empty `routes` ends the outage.
    ///
    /// ```no_run
    /// let fake = seamapi_fake::FakeSeam::start()?;
    /// fake.simulate_workspace_outage(fake.workspace_id(), &["/connected_accounts/update"])?;
    /// // ... POST /connected_accounts/update now answers 503 ...
    /// fake.simulate_workspace_outage(fake.workspace_id(), &[])?;
    /// # Ok::<(), seamapi_fake::FakeSeamError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`FakeSeamError::UnexpectedResponse`] when the server refuses (404 for an
    /// unknown workspace), [`FakeSeamError::Http`] when it cannot be reached.
    pub fn simulate_workspace_outage(
        &self,
        workspace_id: &str,
        routes: &[&str],
    ) -> Result<(), FakeSeamError> {
        let path = "/_fake/simulate_workspace_outage";
        let body = serde_json::json!({ "workspace_id": workspace_id, "routes": routes });
        let response = self.post_json(path, &[], &body)?;
        self.expect_ok("POST", path, &response)
    }

    /// Sends `GET <path>` (path and query, e.g. `/health`) with extra `headers`.
    ///
    /// A small helper for tests that need a raw exchange; the response is returned
    /// whatever its status.
    ///
    /// # Errors
    ///
    /// [`FakeSeamError::Http`] when no HTTP response could be read.
    pub fn get(&self, path: &str, headers: &[(&str, &str)]) -> Result<FakeResponse, FakeSeamError> {
        self.request("GET", path, headers, None)
    }

    /// Sends `POST <path>` with `body` as JSON and extra `headers` (for instance
    /// `("Authorization", "Bearer seam_apikey1_token")`). `Content-Type:
    /// application/json` is added unless `headers` has a `Content-Type`.
    ///
    /// A small helper for tests that need a raw exchange; the response is returned
    /// whatever its status.
    ///
    /// ```no_run
    /// let fake = seamapi_fake::FakeSeam::start()?;
    /// let auth = format!("Bearer {}", fake.api_key());
    /// let response = fake.post_json(
    ///     "/connected_accounts/list",
    ///     &[("Authorization", &auth)],
    ///     &serde_json::json!({}),
    /// )?;
    /// assert_eq!(response.status, 200);
    /// let accounts = &response.json().unwrap()["connected_accounts"];
    /// # Ok::<(), seamapi_fake::FakeSeamError>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`FakeSeamError::Http`] when no HTTP response could be read.
    pub fn post_json(
        &self,
        path: &str,
        headers: &[(&str, &str)],
        body: &serde_json::Value,
    ) -> Result<FakeResponse, FakeSeamError> {
        let body = serde_json::to_vec(body).map_err(|error| FakeSeamError::Io {
            action: "serialize a JSON body".to_owned(),
            source: error.into(),
        })?;
        self.request("POST", path, headers, Some(&body))
    }

    /// The last lines the server printed on stdout and stderr (colours removed),
    /// for diagnosing a failing test.
    pub fn recent_output(&self) -> String {
        self.output.tail()
    }

    fn request(
        &self,
        method: &'static str,
        path: &str,
        headers: &[(&str, &str)],
        body: Option<&[u8]>,
    ) -> Result<FakeResponse, FakeSeamError> {
        let path = if path.starts_with('/') {
            path.to_owned()
        } else {
            format!("/{path}")
        };
        http::request(self.addr, method, &path, headers, body, REQUEST_TIMEOUT).map_err(|source| {
            FakeSeamError::Http {
                method,
                url: format!("{}{path}", self.url),
                source,
                output: self.output.tail(),
            }
        })
    }

    fn expect_ok(
        &self,
        method: &'static str,
        path: &str,
        response: &FakeResponse,
    ) -> Result<(), FakeSeamError> {
        if (200..300).contains(&response.status) {
            return Ok(());
        }
        Err(FakeSeamError::UnexpectedResponse {
            method,
            url: format!("{}{path}", self.url),
            status: response.status,
            body: excerpt(response),
        })
    }

    /// Polls `GET /health` until it answers 200 from this very process.
    fn wait_until_healthy(
        &mut self,
        deadline: Instant,
        timeout: Duration,
    ) -> Result<(), FakeSeamError> {
        loop {
            if let Some(status) = self.child.try_wait().map_err(|source| FakeSeamError::Io {
                action: "check on the fake server process".to_owned(),
                source,
            })? {
                self.finish_reading(Duration::from_secs(1));
                return Err(FakeSeamError::ExitedEarly {
                    status: status.to_string(),
                    output: self.output.tail(),
                });
            }
            // Only once the process announced its URL: before that, something else
            // that took the port in the meantime could be answering.
            let now = Instant::now();
            if self.output.listening() && now < deadline {
                let timeout = (deadline - now).min(Duration::from_secs(1));
                let healthy = http::request(self.addr, "GET", "/health", &[], None, timeout)
                    .is_ok_and(|response| response.status == 200);
                if healthy {
                    return Ok(());
                }
            }
            if Instant::now() >= deadline {
                return Err(FakeSeamError::StartTimeout {
                    url: format!("{}/health", self.url),
                    timeout,
                    output: self.output.tail(),
                });
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    fn read_seed(&mut self) -> Result<(), FakeSeamError> {
        let path = "/_fake/default_seed";
        let response = self.get(path, &[])?;
        self.expect_ok("GET", path, &response)?;
        let seed = response
            .json()
            .map_err(|_| FakeSeamError::UnexpectedResponse {
                method: "GET",
                url: format!("{}{path}", self.url),
                status: response.status,
                body: excerpt(&response),
            })?;
        for (slot, (key, fallback)) in self.seeded.iter_mut().zip(SEED_KEYS) {
            *slot = seed[key].as_str().unwrap_or(fallback).to_owned();
        }
        self.seed = seed;
        Ok(())
    }

    /// Gives the output readers up to `limit` to reach the end of the pipes.
    fn finish_reading(&mut self, limit: Duration) {
        let deadline = Instant::now() + limit;
        while self.readers.iter().any(|r| !r.is_finished()) && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
    }
}

impl std::fmt::Debug for FakeSeam {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeSeam")
            .field("url", &self.url)
            .field("pid", &self.child.id())
            .field("package_dir", &self.package_dir)
            .finish_non_exhaustive()
    }
}

impl Drop for FakeSeam {
    fn drop(&mut self) {
        // SIGKILL on Unix, TerminateProcess on Windows; then reap it.
        let _ = self.child.kill();
        let _ = self.child.wait();
        // The readers end at end of file; wait briefly so their threads are gone too.
        self.finish_reading(Duration::from_millis(200));
    }
}

/// A short description of a response body for error messages.
fn excerpt(response: &FakeResponse) -> String {
    if let Ok(json) = response.json() {
        let error = &json["error"];
        if let (Some(kind), Some(message)) = (error["type"].as_str(), error["message"].as_str()) {
            return format!("{kind}: {message}");
        }
    }
    if response.body.is_empty() {
        return "(empty body)".to_owned();
    }
    let mut text: String = response.body.chars().take(300).collect();
    if text.len() < response.body.len() {
        text.push('…');
    }
    text
}

//! The client, its builder, and how it reads its configuration from the environment.

use std::fmt;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::Duration;

use reqwest::Url;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};

use crate::action_attempt::WaitDefaults;
use crate::auth::{Auth, Secret, TokenKind};
use crate::call::Bound;
use crate::endpoint::Endpoint;
use crate::error::{ConfigError, Error};
use crate::redact::redact_url;
use crate::request::Request;
use crate::retry::RetryPolicy;

/// Seam Connect's production endpoint.
pub const DEFAULT_ENDPOINT: &str = "https://connect.getseam.com";
/// How long a call may take, retries included, unless the builder or the request
/// says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest response body read before the answer is refused.
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 16 * 1024 * 1024;

const SDK_NAME: &str = "seam-rs";
const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A client of the Seam API. Cheap to clone (clones share one connection pool) and
/// safe to share between tasks.
///
/// ```no_run
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// use seamapi_core::Client;
///
/// // SEAM_API_KEY (or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID), and
/// // SEAM_ENDPOINT when set.
/// let seam = Client::from_env()?;
/// // Or explicitly:
/// let seam = Client::builder().api_key("seam_...").build()?;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    /// Each route's URL, parsed once: parsing it per request is a measurable cost.
    pub(crate) route_urls: std::sync::RwLock<std::collections::HashMap<&'static str, Url>>,
    pub(crate) auth: Auth,
    /// The headers of `auth`, built once; for a publishable key, those of the
    /// client session it is traded for, built at the first request.
    /// Replaced as a whole by `update_client_session_token`; requests under way
    /// keep the headers they started with.
    pub(crate) auth_headers: Option<std::sync::RwLock<Arc<HeaderMap>>>,
    pub(crate) session: crate::transport::Session,
    pub(crate) timeout: Duration,
    pub(crate) retry: RetryPolicy,
    pub(crate) max_response_bytes: usize,
    pub(crate) action_attempts: WaitDefaults,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let auth = match &self.inner.auth {
            Auth::ApiKey(_) => "api key",
            Auth::WorkspaceToken {
                workspace_id: Some(_),
                ..
            } => "token with workspace",
            Auth::WorkspaceToken {
                workspace_id: None, ..
            } => "token without workspace",
            Auth::ClientSessionToken(_) => "client session token",
            Auth::PublishableKey { .. } => "publishable key",
        };
        f.debug_struct("Client")
            .field("endpoint", &self.inner.base_url)
            .field("auth", &auth)
            .field("timeout", &self.inner.timeout)
            .field("retry", &self.inner.retry)
            .field("action_attempts", &self.inner.action_attempts)
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client with an API key, in one call, as `new Seam(apiKey)` is in Seam's
    /// JavaScript SDK: Seam's production endpoint unless `SEAM_ENDPOINT` says
    /// otherwise. [`builder`](Self::builder) sets anything else.
    ///
    /// ```no_run
    /// let seam = seamapi_core::Client::new("seam_...")?;
    /// # Ok::<(), seamapi_core::ConfigError>(())
    /// ```
    pub fn new(api_key: impl Into<String>) -> Result<Self, ConfigError> {
        Self::builder().api_key(api_key).env().build()
    }

    /// A builder with nothing set.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `SEAM_API_KEY`, or
    /// `SEAM_PERSONAL_ACCESS_TOKEN` with `SEAM_WORKSPACE_ID`; `SEAM_ENDPOINT` (or
    /// the older `SEAM_API_URL`) for the endpoint.
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::builder().env().build()
    }

    /// The base URL requests go to.
    pub fn endpoint(&self) -> &str {
        &self.inner.base_url
    }

    /// Replaces the client session token this client authenticates with, for it and
    /// its clones, keeping their connections; requests under way finish with the old
    /// one. As `updateClientSessionToken` does in Seam's JavaScript SDK.
    ///
    /// Refused, changing nothing, when the client was not built with
    /// [`ClientBuilder::client_session_token`] or `token` is not one.
    pub fn update_client_session_token(&self, token: impl Into<String>) -> Result<(), ConfigError> {
        let token = Secret::new(token);
        let (Auth::ClientSessionToken(_), Some(current)) =
            (&self.inner.auth, &self.inner.auth_headers)
        else {
            return Err(ConfigError::Unused {
                what: "a new client session token",
                needs: "this client does not authenticate with a client session token",
            });
        };
        Auth::expect_kind(
            "update_client_session_token",
            token.expose(),
            &[TokenKind::ClientSessionToken],
        )?;
        let headers = Arc::new(Auth::ClientSessionToken(token).headers()?);
        *current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = headers;
        Ok(())
    }

    /// A request for `params`, bound to this client, to adjust and send.
    pub fn request<E: Endpoint>(&self, params: E) -> Request<E> {
        Request::new(self, params)
    }

    /// Validates, sends and decodes one request; for an endpoint answering an
    /// action attempt, waits for it as the client's builder said.
    pub async fn send<E: Endpoint>(&self, params: E) -> Result<E::Response, Error> {
        Bound::new(self).call(&params).await
    }
}

/// A credential and where it came from, for error messages.
#[derive(Debug, Clone)]
struct GivenCredential {
    source: &'static str,
    credential: Credential,
}

#[derive(Debug, Clone)]
enum Credential {
    ApiKey(Secret),
    PersonalAccessToken(Secret),
    ConsoleSessionToken(Secret),
    ClientSessionToken(Secret),
    PublishableKey(Secret, String),
}

/// Whether requests go through a proxy.
#[derive(Clone, Default)]
enum ProxyChoice {
    /// The environment's (`HTTPS_PROXY`, `ALL_PROXY`, `NO_PROXY`), for `https://`
    /// endpoints off loopback only.
    #[default]
    FromEnvironment,
    /// Never a proxy.
    Never,
    /// Always this one; its URL may hold the proxy's own credentials.
    Url(Secret),
}

/// Builds a [`Client`]. Every misconfiguration is refused by [`build`](Self::build),
/// never at the first request.
#[must_use = "a builder does nothing until `.build()`"]
#[derive(Clone, Default)]
pub struct ClientBuilder {
    endpoint: Option<(String, &'static str)>,
    credentials: Vec<GivenCredential>,
    workspace_id: Option<String>,
    without_workspace: bool,
    allow_insecure_http: bool,
    use_env: bool,
    proxy: ProxyChoice,
    timeout: Option<Duration>,
    retry: Option<RetryPolicy>,
    max_response_bytes: Option<usize>,
    /// Names and values as given, checked by `build`; values may be secrets.
    headers: Vec<(String, Secret)>,
    /// Each PEM as given, one per call, parsed by `build`.
    root_certificates: Vec<Vec<u8>>,
    connect_timeout: Option<Duration>,
    pool_max_idle_per_host: Option<usize>,
    pool_idle_timeout: Option<Option<Duration>>,
    action_attempts: WaitDefaults,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sources: Vec<_> = self.credentials.iter().map(|given| given.source).collect();
        f.debug_struct("ClientBuilder")
            .field(
                "endpoint",
                &self.endpoint.as_ref().map(|(url, _)| redact_url(url)),
            )
            .field("credentials", &sources)
            .field("workspace_id", &self.workspace_id)
            .field("without_workspace", &self.without_workspace)
            .field("env", &self.use_env)
            .field(
                "proxy",
                &match &self.proxy {
                    ProxyChoice::FromEnvironment => "from the environment".to_owned(),
                    ProxyChoice::Never => "never".to_owned(),
                    ProxyChoice::Url(url) => redact_url(url.expose()),
                },
            )
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field(
                "headers",
                &self
                    .headers
                    .iter()
                    .map(|(name, _)| shown_header_name(name))
                    .collect::<Vec<_>>(),
            )
            .field("root_certificates", &self.root_certificates.len())
            .field("connect_timeout", &self.connect_timeout)
            .field("pool_max_idle_per_host", &self.pool_max_idle_per_host)
            .field("pool_idle_timeout", &self.pool_idle_timeout)
            .field("action_attempts", &self.action_attempts)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    fn credential(mut self, source: &'static str, credential: Credential) -> Self {
        self.add_credential(source, credential);
        self
    }

    fn add_credential(&mut self, source: &'static str, credential: Credential) {
        self.credentials
            .push(GivenCredential { source, credential });
    }

    /// Authenticates with an API key (`seam_…`).
    pub fn api_key(self, key: impl Into<String>) -> Self {
        self.credential("api_key", Credential::ApiKey(Secret::new(key)))
    }

    /// Authenticates with a personal access token (`seam_at…`); give the workspace
    /// with [`workspace_id`](Self::workspace_id).
    pub fn personal_access_token(self, token: impl Into<String>) -> Self {
        let token = Secret::new(token);
        self.credential(
            "personal_access_token",
            Credential::PersonalAccessToken(token),
        )
    }

    /// Authenticates with a console session token (a JWT); give the workspace with
    /// [`workspace_id`](Self::workspace_id).
    pub fn console_session_token(self, token: impl Into<String>) -> Self {
        let token = Secret::new(token);
        self.credential(
            "console_session_token",
            Credential::ConsoleSessionToken(token),
        )
    }

    /// Authenticates as a client session (`seam_cst…`), as a user's device does.
    pub fn client_session_token(self, token: impl Into<String>) -> Self {
        let token = Secret::new(token);
        self.credential(
            "client_session_token",
            Credential::ClientSessionToken(token),
        )
    }

    /// Authenticates with a publishable key (`seam_pk…`) for the user named by
    /// `user_identifier_key`: before its first request the client trades them for a
    /// client session token through `/client_sessions/get_or_create`.
    pub fn publishable_key(
        self,
        key: impl Into<String>,
        user_identifier_key: impl Into<String>,
    ) -> Self {
        let credential = Credential::PublishableKey(Secret::new(key), user_identifier_key.into());
        self.credential("publishable_key", credential)
    }

    /// The workspace a personal access token or console session token acts in,
    /// sent as `seam-workspace`; `SEAM_WORKSPACE_ID` from the environment unless
    /// given here (or [`without_workspace`](Self::without_workspace) is asked for).
    pub fn workspace_id(mut self, workspace_id: impl Into<String>) -> Self {
        self.workspace_id = Some(workspace_id.into());
        self
    }

    /// A personal access token or console session token used without a workspace,
    /// for the few routes that take none (creating and listing workspaces).
    pub fn without_workspace(mut self) -> Self {
        self.without_workspace = true;
        self
    }

    /// The base URL, [`DEFAULT_ENDPOINT`] unless set.
    pub fn endpoint(mut self, url: impl Into<String>) -> Self {
        self.endpoint = Some((url.into(), "endpoint"));
        self
    }

    /// Allows plain `http://` to hosts other than loopback, which sends the
    /// credential in clear. Loopback is always allowed.
    pub fn allow_insecure_http(mut self) -> Self {
        self.allow_insecure_http = true;
        self
    }

    /// Sends every request through the HTTP(S) proxy at `url` (which may hold the
    /// proxy's own `user:password@`), instead of any the environment names. With a
    /// plain `http://` endpoint the proxy reads the credential, so a proxy off
    /// loopback then needs [`allow_insecure_http`](Self::allow_insecure_http).
    pub fn proxy(mut self, url: impl Into<String>) -> Self {
        self.proxy = ProxyChoice::Url(Secret::new(url));
        self
    }

    /// Never uses a proxy, whatever the environment says.
    ///
    /// Without [`proxy`](Self::proxy) or this, a proxy from the environment
    /// (`HTTPS_PROXY`, `ALL_PROXY`, with `NO_PROXY`) is used for `https://` endpoints
    /// off loopback, where it sees only a tunnel to the host. It is never used for a
    /// loopback endpoint, whose traffic must not leave the machine, nor for a plain
    /// `http://` endpoint, where it would read the credential.
    pub fn no_proxy(mut self) -> Self {
        self.proxy = ProxyChoice::Never;
        self
    }

    /// How long a call may take, retries included ([`DEFAULT_TIMEOUT`] unless set).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// How failed requests are retried ([`RetryPolicy::default`] unless set).
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = Some(policy);
        self
    }

    /// The largest response body read before an answer is refused
    /// ([`DEFAULT_MAX_RESPONSE_BYTES`] unless set).
    pub fn max_response_bytes(mut self, limit: usize) -> Self {
        self.max_response_bytes = Some(limit);
        self
    }

    /// Adds a header to every request, the publishable key exchange included: for
    /// tracing (`traceparent`) or a gateway in front of Seam, say. Call it once per
    /// header; a later call with the same name (in any case) replaces the value.
    ///
    /// [`build`](Self::build) refuses, with [`ConfigError::ReservedHeader`], the
    /// headers the SDK sets itself or that frame and route the request
    /// (`authorization`, `client-session-token`, `seam-workspace`,
    /// `seam-publishable-key`, `seam-sdk-name`, `seam-sdk-version`, `content-type`,
    /// `user-agent`, `host`, `content-length`, `transfer-encoding`, `connection`,
    /// `keep-alive`, `proxy-authorization`, `te`, `trailer`, `upgrade`, `expect`),
    /// and with [`ConfigError::InvalidHeader`] a name that is not a valid header name
    /// or a value outside printable ASCII (a newline, say).
    ///
    /// Values are treated as secrets: marked sensitive, never shown in any `Debug`
    /// or error of this crate (the builder's `Debug` lists header names only). They
    /// go to the endpoint and, for a plain `http://` endpoint, to any proxy set with
    /// [`proxy`](Self::proxy): what the receiving side does with them, and whether a
    /// value belongs in every request, is the caller's concern.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), Secret::new(value)));
        self
    }

    /// Trusts the certificate authorities in `pem` (one `-----BEGIN CERTIFICATE-----`
    /// block or a bundle of them), in addition to the system's, when verifying the
    /// certificates of the servers the client reaches over TLS: for an endpoint
    /// behind a gateway, or a test server, with a private CA. Callable several times.
    ///
    /// [`build`](Self::build) refuses, with [`ConfigError::InvalidCertificate`], a PEM
    /// that holds no certificate or one that cannot be read. Only certificates are
    /// read: any private key in the text is skipped, and never quoted.
    ///
    /// A certificate added here is trusted for every host the client reaches, not
    /// only the endpoint: whoever holds its private key can stand in for Seam. Keep
    /// that key as safe as the credential, and add only authorities you control.
    pub fn add_root_certificate_pem(mut self, pem: impl AsRef<[u8]>) -> Self {
        self.root_certificates.push(pem.as_ref().to_vec());
        self
    }

    /// How long opening a connection may take, TLS handshake included; unbounded
    /// but for the call's [`timeout`](Self::timeout) unless set. A connection that
    /// takes longer fails as a [`TransportStage::Connect`](crate::TransportStage)
    /// error, which is retried as the [`retry`](Self::retry) policy allows, all
    /// within the call's timeout. `Duration::ZERO` fails every connection.
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// The most idle connections kept open to the endpoint for later requests
    /// (unbounded unless set). `0` opens a new connection, with its TCP and TLS
    /// handshakes, for every request.
    pub fn pool_max_idle_per_host(mut self, max: usize) -> Self {
        self.pool_max_idle_per_host = Some(max);
        self
    }

    /// How long an idle connection is kept open for later requests: 90 s unless
    /// set; `None` keeps it until the server or the network closes it. Set it below
    /// the idle timeout of a load balancer or NAT in between, which may otherwise
    /// drop a connection the client still counts on.
    pub fn pool_idle_timeout(mut self, timeout: impl Into<Option<Duration>>) -> Self {
        self.pool_idle_timeout = Some(timeout.into());
        self
    }

    /// Whether a call whose endpoint answers an action attempt (unlocking a door,
    /// setting a thermostat) waits for the attempt to succeed or fail, polling
    /// `/action_attempts/get`: `true` unless set, as in Seam's JavaScript and
    /// Python SDKs. A call can say otherwise with
    /// [`ActionCall::wait_for_action_attempt`](crate::ActionCall::wait_for_action_attempt).
    pub fn wait_for_action_attempts(mut self, wait: bool) -> Self {
        self.action_attempts.wait = wait;
        self
    }

    /// How long a call waits for its action attempt, counted from Seam's first
    /// answer ([`DEFAULT_ACTION_ATTEMPT_TIMEOUT`](crate::DEFAULT_ACTION_ATTEMPT_TIMEOUT) unless set); then it fails with
    /// [`Error::ActionAttemptTimedOut`], which keeps the attempt's ID to check
    /// later. A call can say otherwise with
    /// [`ActionCall::action_attempt_timeout`](crate::ActionCall::action_attempt_timeout).
    pub fn action_attempt_timeout(mut self, timeout: Duration) -> Self {
        self.action_attempts.timeout = timeout;
        self
    }

    /// The longest pause between two polls of an action attempt
    /// ([`DEFAULT_ACTION_ATTEMPT_POLL_INTERVAL`](crate::DEFAULT_ACTION_ATTEMPT_POLL_INTERVAL)
    /// unless set). The first poll goes
    /// out at once, the second 250 ms later (or after this interval, if shorter),
    /// and each pause doubles up to this interval.
    pub fn action_attempt_poll_interval(mut self, interval: Duration) -> Self {
        self.action_attempts.poll_interval = interval;
        self
    }

    /// Fills, when the client is built, what the builder was not given from the
    /// environment: `SEAM_ENDPOINT` (or the older `SEAM_API_URL`), and when no
    /// credential was given, `SEAM_API_KEY` or `SEAM_PERSONAL_ACCESS_TOKEN`. What
    /// was given in code wins, whatever the order of the calls.
    pub fn env(mut self) -> Self {
        self.use_env = true;
        self
    }

    /// Takes what the builder lacks from `var`, as [`env`](Self::env) and
    /// [`workspace_id`](Self::workspace_id) document.
    fn fill_from_env(&mut self, var: impl Fn(&str) -> Option<String>) {
        if self.use_env {
            if self.endpoint.is_none() {
                self.endpoint = var("SEAM_ENDPOINT")
                    .map(|url| (url, "SEAM_ENDPOINT"))
                    .or_else(|| var("SEAM_API_URL").map(|url| (url, "SEAM_API_URL")));
            }
            if self.credentials.is_empty() {
                if let Some(key) = var("SEAM_API_KEY") {
                    self.add_credential("SEAM_API_KEY", Credential::ApiKey(Secret::new(key)));
                }
                if let Some(token) = var("SEAM_PERSONAL_ACCESS_TOKEN") {
                    let credential = Credential::PersonalAccessToken(Secret::new(token));
                    self.add_credential("SEAM_PERSONAL_ACCESS_TOKEN", credential);
                }
            }
        }
        let takes_workspace = matches!(
            self.credentials.as_slice(),
            [GivenCredential {
                credential: Credential::PersonalAccessToken(_) | Credential::ConsoleSessionToken(_),
                ..
            }]
        );
        if takes_workspace && self.workspace_id.is_none() && !self.without_workspace {
            self.workspace_id = var("SEAM_WORKSPACE_ID");
        }
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, ConfigError> {
        self.build_with_env(|name| std::env::var(name).ok().filter(|value| !value.is_empty()))
    }

    fn build_with_env(
        mut self,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Client, ConfigError> {
        self.fill_from_env(var);
        let endpoint = check_endpoint(
            self.endpoint
                .as_ref()
                .map_or(DEFAULT_ENDPOINT, |(url, _)| url),
            self.allow_insecure_http,
        )?;
        let base_url = endpoint.as_str().trim_end_matches('/').to_owned();
        let auth = self.auth()?;
        let auth_headers = match auth {
            // Its headers are built at each exchange: checked here, so that only
            // what the server answers can fail then.
            Auth::PublishableKey { .. } => {
                auth.headers()?;
                None
            }
            _ => Some(std::sync::RwLock::new(Arc::new(auth.headers()?))),
        };
        let mut default_headers = self.extra_headers()?;
        default_headers.extend(sdk_headers());
        let root_certificates = self.root_certificates()?;
        // The caller's options first: the rules after them hold whatever was set.
        let mut http = reqwest::Client::builder()
            .tls_certs_merge(root_certificates.iter().flatten().cloned())
            .pool_idle_timeout(self.pool_idle_timeout.unwrap_or(Some(DEFAULT_POOL_IDLE)));
        if let Some(timeout) = self.connect_timeout {
            http = http.connect_timeout(timeout);
        }
        if let Some(max) = self.pool_max_idle_per_host {
            http = http.pool_max_idle_per_host(max);
        }
        let http = self.configure_proxy(http, &endpoint)?;
        let http = http
            .default_headers(default_headers)
            .user_agent(concat!("seam-rs/", env!("CARGO_PKG_VERSION")))
            // Seam does not redirect. Following one would carry `client-session-token`,
            // `seam-publishable-key` and `seam-workspace` to wherever it points (reqwest
            // strips only `Authorization` across hosts), and replay the body.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| {
                unusable_certificate(&root_certificates)
                    .unwrap_or_else(|| ConfigError::Http(error.to_string()))
            })?;
        Ok(Client {
            inner: Arc::new(Inner {
                http,
                base_url,
                route_urls: Default::default(),
                auth,
                auth_headers,
                session: Default::default(),
                timeout: self.timeout.unwrap_or(DEFAULT_TIMEOUT),
                retry: self.retry.unwrap_or_default(),
                max_response_bytes: self
                    .max_response_bytes
                    .unwrap_or(DEFAULT_MAX_RESPONSE_BYTES),
                action_attempts: self.action_attempts,
            }),
        })
    }

    /// The headers given to [`header`](Self::header), checked as it documents.
    fn extra_headers(&self) -> Result<HeaderMap, ConfigError> {
        let mut headers = HeaderMap::new();
        for (name, value) in &self.headers {
            let name = HeaderName::from_bytes(name.as_bytes()).map_err(|_| {
                ConfigError::InvalidHeader {
                    name: shown_header_name(name).to_owned(),
                    reason: if name.is_empty() {
                        "its name is empty"
                    } else {
                        "its name holds a character not allowed in a header name after the \
                         part shown (only letters, digits and !#$%&'*+-.^_`|~ are)"
                    },
                }
            })?;
            if let Some(reserved) = RESERVED_HEADERS
                .iter()
                .find(|reserved| **reserved == name.as_str())
            {
                return Err(ConfigError::ReservedHeader { name: reserved });
            }
            // Printable ASCII only: hyper would send bytes above it as they are,
            // which servers read in different ways.
            let printable = value
                .expose()
                .bytes()
                .all(|byte| byte == b'\t' || (b' '..=b'~').contains(&byte));
            let mut value = HeaderValue::from_str(value.expose())
                .ok()
                .filter(|_| printable)
                .ok_or_else(|| ConfigError::InvalidHeader {
                    name: name.as_str().to_owned(),
                    reason: "its value holds a character other than printable ASCII, space \
                             and tab (a newline, say)",
                })?;
            value.set_sensitive(true);
            headers.insert(name, value);
        }
        Ok(headers)
    }

    /// The certificates of each PEM given to
    /// [`add_root_certificate_pem`](Self::add_root_certificate_pem), one list per call.
    fn root_certificates(&self) -> Result<Vec<Vec<reqwest::Certificate>>, ConfigError> {
        self.root_certificates
            .iter()
            .enumerate()
            .map(|(index, pem)| {
                let invalid = |reason: String| ConfigError::InvalidCertificate {
                    call: index + 1,
                    reason,
                };
                let certificates = reqwest::Certificate::from_pem_bundle(pem)
                    .map_err(|error| invalid(certificate_problem(&error)))?;
                if certificates.is_empty() {
                    return Err(invalid(
                        "it holds no `-----BEGIN CERTIFICATE-----` block".to_owned(),
                    ));
                }
                Ok(certificates)
            })
            .collect()
    }

    /// Applies the proxy rules documented at [`no_proxy`](Self::no_proxy).
    fn configure_proxy(
        &self,
        http: reqwest::ClientBuilder,
        endpoint: &Url,
    ) -> Result<reqwest::ClientBuilder, ConfigError> {
        match &self.proxy {
            ProxyChoice::Never => Ok(http.no_proxy()),
            ProxyChoice::FromEnvironment if environment_proxy_allowed(endpoint) => Ok(http),
            ProxyChoice::FromEnvironment => Ok(http.no_proxy()),
            ProxyChoice::Url(url) => {
                let invalid = |reason: &str| ConfigError::InvalidProxy {
                    url: redact_url(url.expose()),
                    reason: reason.to_owned(),
                };
                let parsed =
                    Url::parse(url.expose()).map_err(|error| invalid(&error.to_string()))?;
                if !matches!(parsed.scheme(), "http" | "https") {
                    return Err(invalid("the scheme must be http or https"));
                }
                // To an `https://` endpoint the proxy only tunnels; to an `http://` one
                // it reads every request, credential included.
                if endpoint.scheme() == "http" && !is_loopback(&parsed) && !self.allow_insecure_http
                {
                    return Err(ConfigError::InsecureProxy {
                        url: redact_url(url.expose()),
                    });
                }
                let proxy =
                    reqwest::Proxy::all(parsed).map_err(|error| invalid(&error.to_string()))?;
                Ok(http.proxy(proxy))
            }
        }
    }

    fn auth(&self) -> Result<Auth, ConfigError> {
        let given = match self.credentials.as_slice() {
            [] => return Err(ConfigError::NoCredentials),
            [given] => given,
            [first, second, ..] => {
                return Err(ConfigError::MultipleCredentials {
                    first: first.source,
                    second: second.source,
                });
            }
        };
        let slot = given.source;
        let workspace_token = |token: &Secret, kind: TokenKind, name: &'static str| {
            Auth::expect_kind(slot, token.expose(), &[kind])?;
            if self.without_workspace {
                if self.workspace_id.is_some() {
                    return Err(ConfigError::Unused {
                        what: "a workspace id",
                        needs: "`without_workspace()` was asked for too",
                    });
                }
            } else if self.workspace_id.is_none() {
                return Err(ConfigError::MissingWorkspace { token: name });
            }
            Ok(Auth::WorkspaceToken {
                token: token.clone(),
                workspace_id: self.workspace_id.clone(),
            })
        };
        let auth = match &given.credential {
            Credential::PersonalAccessToken(token) => {
                return workspace_token(
                    token,
                    TokenKind::PersonalAccessToken,
                    "a personal access token",
                );
            }
            Credential::ConsoleSessionToken(token) => {
                return workspace_token(
                    token,
                    TokenKind::ConsoleSessionToken,
                    "a console session token",
                );
            }
            Credential::ApiKey(key) => {
                Auth::expect_kind(slot, key.expose(), &[TokenKind::ApiKey])?;
                Auth::ApiKey(key.clone())
            }
            Credential::ClientSessionToken(token) => {
                Auth::expect_kind(slot, token.expose(), &[TokenKind::ClientSessionToken])?;
                Auth::ClientSessionToken(token.clone())
            }
            Credential::PublishableKey(key, user_identifier_key) => {
                Auth::expect_kind(slot, key.expose(), &[TokenKind::PublishableKey])?;
                if user_identifier_key.is_empty() {
                    return Err(ConfigError::Unused {
                        what: "a publishable key",
                        needs: "its user identifier key is empty",
                    });
                }
                Auth::PublishableKey {
                    key: key.clone(),
                    user_identifier_key: user_identifier_key.clone(),
                }
            }
        };
        if self.workspace_id.is_some() || self.without_workspace {
            return Err(ConfigError::Unused {
                what: if self.without_workspace {
                    "`without_workspace()`"
                } else {
                    "a workspace id"
                },
                needs: "only personal access tokens and console session tokens take a workspace",
            });
        }
        Ok(auth)
    }
}

/// How long an idle connection is kept unless the builder says otherwise: reqwest's
/// default, named here so that `pool_idle_timeout` can document it.
const DEFAULT_POOL_IDLE: Duration = Duration::from_secs(90);

/// Headers [`ClientBuilder::header`] may not set: those the SDK sets (credentials,
/// its identity, the body's type) and those that frame or route the message.
const RESERVED_HEADERS: &[&str] = &[
    "authorization",
    "client-session-token",
    "seam-workspace",
    "seam-publishable-key",
    "seam-sdk-name",
    "seam-sdk-version",
    "content-type",
    "user-agent",
    "host",
    "content-length",
    "transfer-encoding",
    "connection",
    "keep-alive",
    "proxy-authorization",
    "te",
    "trailer",
    "upgrade",
    "expect",
];

/// What may be shown of a header name as given: up to its first character not
/// allowed in a name (a `tchar` of RFC 9110), as what follows may be a value
/// pasted in with it (`"x-key: secret"`).
fn shown_header_name(name: &str) -> &str {
    let end = name
        .find(|c: char| !c.is_ascii_alphanumeric() && !"!#$%&'*+-.^_`|~".contains(c))
        .unwrap_or(name.len());
    &name[..end]
}

/// When the HTTP client could not be built: the first PEM holding a certificate
/// that cannot be trusted (found by trusting each PEM on its own), if any.
fn unusable_certificate(root_certificates: &[Vec<reqwest::Certificate>]) -> Option<ConfigError> {
    root_certificates
        .iter()
        .enumerate()
        .find_map(|(index, certificates)| {
            // Without the environment's proxies, whose errors could quote their URLs.
            let error = reqwest::Client::builder()
                .no_proxy()
                .tls_certs_only(certificates.iter().cloned())
                .build()
                .err()?;
            Some(ConfigError::InvalidCertificate {
                call: index + 1,
                reason: certificate_problem(&error),
            })
        })
}

/// What reqwest's error says of a certificate: its causes' messages, as its own
/// says only "builder error". Only for errors about certificates, which quote none
/// of the PEM.
fn certificate_problem(error: &reqwest::Error) -> String {
    let mut causes = Vec::new();
    let mut cause = std::error::Error::source(error);
    while let Some(error) = cause {
        causes.push(error.to_string());
        cause = error.source();
    }
    if causes.is_empty() {
        error.to_string()
    } else {
        causes.join(": ")
    }
}

/// The headers every request carries, whoever sends it.
fn sdk_headers() -> HeaderMap {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(
        HeaderName::from_static("seam-sdk-name"),
        HeaderValue::from_static(SDK_NAME),
    );
    headers.insert(
        HeaderName::from_static("seam-sdk-version"),
        HeaderValue::from_static(SDK_VERSION),
    );
    headers
}

/// Checks the endpoint.
fn check_endpoint(url: &str, allow_insecure_http: bool) -> Result<Url, ConfigError> {
    // Every message quotes the URL as `redact_url` shows it: a URL that may carry a
    // credential is never quoted as given, whichever check refuses it.
    let invalid = |reason: &str| ConfigError::InvalidEndpoint {
        url: redact_url(url),
        reason: reason.to_owned(),
    };
    let parsed = Url::parse(url).map_err(|error| invalid(&error.to_string()))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(invalid(
            "credentials go to the client builder, not into the URL",
        ));
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(invalid("it must not have a query or a fragment"));
    }
    match parsed.scheme() {
        "https" => {}
        "http" if allow_insecure_http || is_loopback(&parsed) => {}
        "http" => {
            return Err(ConfigError::InsecureEndpoint {
                url: redact_url(url),
            });
        }
        _ => return Err(invalid("the scheme must be https (or http to loopback)")),
    }
    Ok(parsed)
}

/// Whether a proxy named by the environment may carry requests to `endpoint`: only
/// to `https://` off loopback, where it sees a tunnel and no credential.
fn environment_proxy_allowed(endpoint: &Url) -> bool {
    endpoint.scheme() == "https" && !is_loopback(endpoint)
}

fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip
            .to_ipv4_mapped()
            .map_or(IpAddr::V6(ip), IpAddr::V4)
            .is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn auth_headers(client: &Client) -> Arc<HeaderMap> {
        client
            .inner
            .auth_headers
            .as_ref()
            .unwrap()
            .read()
            .unwrap()
            .clone()
    }

    fn from_env(vars: &[(&str, &str)]) -> Result<Client, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(name, value)| (name.to_string(), value.to_string()))
            .collect();
        Client::builder()
            .env()
            .build_with_env(|name| vars.get(name).cloned())
    }

    #[test]
    fn api_key_from_env_with_default_endpoint() {
        let client = from_env(&[("SEAM_API_KEY", "seam_key")]).unwrap();
        assert_eq!(client.endpoint(), DEFAULT_ENDPOINT);
        assert!(matches!(client.inner.auth, Auth::ApiKey(_)));
    }

    #[test]
    fn endpoint_from_env_and_its_older_name() {
        let client = from_env(&[
            ("SEAM_API_KEY", "seam_key"),
            ("SEAM_ENDPOINT", "https://a.example/"),
        ])
        .unwrap();
        assert_eq!(client.endpoint(), "https://a.example");
        let client = from_env(&[
            ("SEAM_API_KEY", "seam_key"),
            ("SEAM_API_URL", "https://b.example"),
        ])
        .unwrap();
        assert_eq!(client.endpoint(), "https://b.example");
        let client = from_env(&[
            ("SEAM_API_KEY", "seam_key"),
            ("SEAM_ENDPOINT", "https://a.example"),
            ("SEAM_API_URL", "https://b.example"),
        ])
        .unwrap();
        assert_eq!(client.endpoint(), "https://a.example");
    }

    #[test]
    fn personal_access_token_from_env_with_workspace() {
        let client = from_env(&[
            ("SEAM_PERSONAL_ACCESS_TOKEN", "seam_at1"),
            ("SEAM_WORKSPACE_ID", "ws"),
        ])
        .unwrap();
        let headers = auth_headers(&client);
        assert_eq!(headers["seam-workspace"], "ws");
    }

    #[test]
    fn new_takes_an_api_key_and_only_the_endpoint_from_env() {
        let env = |name: &str| match name {
            "SEAM_ENDPOINT" => Some("https://env.example".to_owned()),
            "SEAM_PERSONAL_ACCESS_TOKEN" => Some("seam_at1".to_owned()),
            _ => None,
        };
        let client = Client::builder()
            .api_key("seam_key")
            .env()
            .build_with_env(env)
            .unwrap();
        assert_eq!(client.endpoint(), "https://env.example");
        assert!(matches!(client.inner.auth, Auth::ApiKey(_)));
        let error = Client::new("seam_at1_token").unwrap_err();
        assert!(
            matches!(error, ConfigError::WrongTokenKind { .. }),
            "{error:?}"
        );
    }

    #[test]
    fn no_credentials_names_the_variable() {
        let error = from_env(&[]).unwrap_err();
        assert_eq!(error, ConfigError::NoCredentials);
        assert!(error.to_string().contains("SEAM_API_KEY"));
        assert!(error.to_string().contains("`.api_key(...)`"), "{error}");
    }

    #[test]
    fn key_and_token_in_env_is_refused() {
        let error = from_env(&[
            ("SEAM_API_KEY", "seam_key"),
            ("SEAM_PERSONAL_ACCESS_TOKEN", "seam_at1"),
            ("SEAM_WORKSPACE_ID", "ws"),
        ])
        .unwrap_err();
        assert_eq!(
            error,
            ConfigError::MultipleCredentials {
                first: "SEAM_API_KEY",
                second: "SEAM_PERSONAL_ACCESS_TOKEN"
            }
        );
    }

    #[test]
    fn an_explicit_credential_wins_over_env() {
        let env = |name: &str| (name == "SEAM_API_KEY").then(|| "seam_key".to_owned());
        let client = Client::builder()
            .client_session_token("seam_cst1")
            .env()
            .build_with_env(env)
            .unwrap();
        assert!(matches!(client.inner.auth, Auth::ClientSessionToken(_)));
        // Whatever the order of the calls.
        let client = Client::builder()
            .env()
            .client_session_token("seam_cst1")
            .build_with_env(env)
            .unwrap();
        assert!(matches!(client.inner.auth, Auth::ClientSessionToken(_)));
        let client = Client::builder()
            .env()
            .endpoint("https://given.example")
            .api_key("seam_key2")
            .build_with_env(|name| match name {
                "SEAM_ENDPOINT" => Some("https://env.example".to_owned()),
                _ => env(name),
            })
            .unwrap();
        assert_eq!(client.endpoint(), "https://given.example");
    }

    #[test]
    fn the_workspace_comes_from_env_for_a_token_given_in_code() {
        let env = |name: &str| (name == "SEAM_WORKSPACE_ID").then(|| "ws_env".to_owned());
        for builder in [
            Client::builder().personal_access_token("seam_at1"),
            Client::builder().personal_access_token("seam_at1").env(),
            Client::builder().env().console_session_token("eyJ"),
        ] {
            let client = builder.build_with_env(env).unwrap();
            let headers = auth_headers(&client);
            assert_eq!(headers["seam-workspace"], "ws_env");
        }
        // Given in code, it wins; without a workspace, none is sent; for an API key
        // it is not taken.
        let client = Client::builder()
            .personal_access_token("seam_at1")
            .workspace_id("ws_code")
            .build_with_env(env)
            .unwrap();
        assert_eq!(auth_headers(&client)["seam-workspace"], "ws_code");
        let client = Client::builder()
            .personal_access_token("seam_at1")
            .without_workspace()
            .build_with_env(env)
            .unwrap();
        assert!(auth_headers(&client).get("seam-workspace").is_none());
        Client::builder()
            .api_key("seam_key")
            .build_with_env(env)
            .unwrap();
    }

    #[test]
    fn two_explicit_credentials_are_refused() {
        let error = Client::builder()
            .api_key("seam_key")
            .client_session_token("seam_cst1")
            .build()
            .unwrap_err();
        assert!(matches!(
            error,
            ConfigError::MultipleCredentials {
                first: "api_key",
                ..
            }
        ));
    }

    #[test]
    fn tokens_in_the_wrong_slot_are_refused() {
        for builder in [
            Client::builder().api_key("seam_at1_token"),
            Client::builder().api_key("seam_cst1"),
            Client::builder().api_key("not_a_seam_key"),
            Client::builder()
                .personal_access_token("seam_key")
                .workspace_id("ws"),
            Client::builder().client_session_token("seam_pk1"),
            Client::builder().publishable_key("seam_key", "user"),
            Client::builder()
                .console_session_token("seam_at1")
                .workspace_id("ws"),
        ] {
            let error = builder.build().unwrap_err();
            assert!(
                matches!(error, ConfigError::WrongTokenKind { .. }),
                "{error:?}"
            );
        }
        let error = Client::builder()
            .api_key("seam_at1_token")
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "api_key expects an API key (seam_…), but was given a personal access token (seam_at…)"
        );
    }

    #[test]
    fn workspace_rules() {
        let error = Client::builder()
            .personal_access_token("seam_at1")
            .build_with_env(|_| None)
            .unwrap_err();
        assert!(matches!(error, ConfigError::MissingWorkspace { .. }));
        let error = Client::builder()
            .console_session_token("eyJ")
            .build_with_env(|_| None)
            .unwrap_err();
        assert!(matches!(error, ConfigError::MissingWorkspace { .. }));
        let client = Client::builder()
            .personal_access_token("seam_at1")
            .without_workspace()
            .build()
            .unwrap();
        assert!(auth_headers(&client).get("seam-workspace").is_none());
        let error = Client::builder()
            .api_key("seam_key")
            .workspace_id("ws")
            .build()
            .unwrap_err();
        assert!(matches!(error, ConfigError::Unused { .. }));
        let error = Client::builder()
            .personal_access_token("seam_at1")
            .workspace_id("ws")
            .without_workspace()
            .build()
            .unwrap_err();
        assert!(matches!(error, ConfigError::Unused { .. }));
    }

    #[test]
    fn plain_http_only_to_loopback_unless_allowed() {
        for url in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:3000/",
            "http://127.9.9.9",
        ] {
            Client::builder()
                .api_key("seam_key")
                .endpoint(url)
                .build()
                .unwrap();
        }
        for url in [
            "http://connect.getseam.com",
            "http://10.0.0.1",
            "http://localhost.evil.example",
        ] {
            let error = Client::builder()
                .api_key("seam_key")
                .endpoint(url)
                .build()
                .unwrap_err();
            assert!(
                matches!(error, ConfigError::InsecureEndpoint { .. }),
                "{url}: {error:?}"
            );
        }
        Client::builder()
            .api_key("seam_key")
            .endpoint("http://seam.internal")
            .allow_insecure_http()
            .build()
            .unwrap();
    }

    #[test]
    fn unusable_endpoints_are_refused() {
        for url in [
            "connect.getseam.com",
            "ftp://x.example",
            "https://x.example/?a=1",
            "https://u:p@x.example",
        ] {
            let error = Client::builder()
                .api_key("seam_key")
                .endpoint(url)
                .build()
                .unwrap_err();
            assert!(
                matches!(error, ConfigError::InvalidEndpoint { .. }),
                "{url}: {error:?}"
            );
        }
    }

    #[test]
    fn environment_proxies_only_for_https_off_loopback() {
        for (url, allowed) in [
            ("https://connect.getseam.com", true),
            ("http://connect.getseam.com", false),
            ("http://127.0.0.1:1", false),
            ("https://127.0.0.1:1", false),
            ("https://localhost", false),
            ("http://[::1]:1", false),
            ("https://[::ffff:127.0.0.1]", false),
        ] {
            let url = Url::parse(url).unwrap();
            assert_eq!(environment_proxy_allowed(&url), allowed, "{url}");
        }
    }

    #[test]
    fn an_explicit_proxy_that_would_read_the_credential_is_refused() {
        let build = |endpoint: &str, proxy: &str| {
            Client::builder()
                .api_key("seam_key")
                .endpoint(endpoint)
                .proxy(proxy)
                .build()
        };
        build("https://connect.getseam.com", "http://proxy.example:3128").unwrap();
        build("http://127.0.0.1:1", "http://127.0.0.1:3128").unwrap();
        let error = build("http://127.0.0.1:1", "http://u:pw@proxy.example:3128").unwrap_err();
        assert!(
            matches!(error, ConfigError::InsecureProxy { .. }),
            "{error:?}"
        );
        assert!(!format!("{error} {error:?}").contains("pw"), "{error}");
        let error = build("https://connect.getseam.com", "socks5://proxy.example").unwrap_err();
        assert!(
            matches!(error, ConfigError::InvalidProxy { .. }),
            "{error:?}"
        );
        Client::builder()
            .api_key("seam_key")
            .endpoint("http://seam.internal")
            .allow_insecure_http()
            .proxy("http://proxy.example:3128")
            .build()
            .unwrap();
        let builder = Client::builder().proxy("http://u:pw@proxy.example:3128");
        assert!(!format!("{builder:?}").contains("pw"));
    }

    #[test]
    fn extra_header_values_are_marked_sensitive() {
        let builder = Client::builder().header("X-Gateway-Key", "gw_key");
        let headers = builder.extra_headers().unwrap();
        assert!(headers["x-gateway-key"].is_sensitive());
        assert!(!format!("{headers:?}").contains("gw_key"));
    }

    #[test]
    fn debug_shows_no_secret() {
        let builder = Client::builder().api_key("seam_supersecret_1");
        assert!(!format!("{builder:?}").contains("supersecret"));
        let client = builder.build().unwrap();
        assert!(!format!("{client:?}").contains("supersecret"));
    }
}

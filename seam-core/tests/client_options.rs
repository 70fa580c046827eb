//! The builder's options for the HTTP layer: extra headers on every request, root
//! certificates (a real TLS handshake with a loopback server whose certificate a
//! test CA signed), the connect timeout and the connection pool.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use seamapi_core::{Client, ClientBuilder, ConfigError, Error, RetryPolicy, TransportStage};
use support::{Behaviour, GetThing, Reply, Server, THING, fast_retries, thing};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::ServerConfig;
use tokio_rustls::rustls::pki_types::pem::PemObject;
use tokio_rustls::rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// The test CA, which signed `SERVER_CERTIFICATE` (see `fixtures/tls/generate.sh`).
const CA: &str = include_str!("fixtures/tls/ca.pem");
/// For `localhost` and `127.0.0.1`.
const SERVER_CERTIFICATE: &str = include_str!("fixtures/tls/server.pem");
const SERVER_KEY: &str = include_str!("fixtures/tls/server.key");

const SESSION: &str = r#"{"client_session":{"token":"seam_cst1_xyz"},"ok":true}"#;
const EXCHANGE: &str = "/client_sessions/get_or_create";

fn builder(url: &str) -> ClientBuilder {
    Client::builder()
        .endpoint(url)
        .retry(fast_retries())
        .timeout(Duration::from_secs(5))
}

// ---------------------------------------------------------------------------
// Extra headers.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn extra_headers_go_with_every_request_the_exchange_included() {
    let server = Server::start(|request, _| {
        if request.path == EXCHANGE {
            Reply::json(200, SESSION).into()
        } else {
            Reply::json(200, THING).into()
        }
    })
    .await;
    let with_headers = |builder: ClientBuilder| {
        builder
            .header("X-Trace-Id", "trace-1")
            .header(
                "traceparent",
                "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01",
            )
            // The same name again, in another case, replaces the value.
            .header("x-gateway", "first")
            .header("X-Gateway", "second")
            .build()
            .unwrap()
    };
    let api_key = with_headers(builder(&server.url()).api_key("seam_apikey1_token"));
    let publishable = with_headers(builder(&server.url()).publishable_key("seam_pk1_x", "user"));
    for client in [&api_key, &publishable] {
        for _ in 0..2 {
            assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
        }
    }
    let received = server.received();
    let paths: Vec<&str> = received.iter().map(|r| r.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "/things/get",
            "/things/get",
            EXCHANGE,
            "/things/get",
            "/things/get"
        ]
    );
    for request in &received {
        assert_eq!(request.header("x-trace-id"), Some("trace-1"), "{request:?}");
        assert_eq!(
            request.header("traceparent"),
            Some("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
        );
        assert_eq!(request.headers_named("x-gateway"), ["second"]);
        // The SDK's own headers are all still there, once.
        assert_eq!(request.header("seam-sdk-name"), Some("seam-rs"));
        assert_eq!(request.header("content-type"), Some("application/json"));
    }
    assert_eq!(
        received[0].header("authorization"),
        Some("Bearer seam_apikey1_token")
    );
    assert_eq!(
        received[2].header("seam-publishable-key"),
        Some("seam_pk1_x")
    );
    assert_eq!(
        received[3].header("client-session-token"),
        Some("seam_cst1_xyz")
    );
}

#[test]
fn reserved_headers_are_refused_in_any_case() {
    let reserved = [
        ("Authorization", "authorization"),
        ("client-session-token", "client-session-token"),
        ("SEAM-WORKSPACE", "seam-workspace"),
        ("Seam-Publishable-Key", "seam-publishable-key"),
        ("seam-sdk-name", "seam-sdk-name"),
        ("Seam-SDK-Version", "seam-sdk-version"),
        ("Content-Type", "content-type"),
        ("User-Agent", "user-agent"),
        ("Host", "host"),
        ("Content-Length", "content-length"),
        ("Transfer-Encoding", "transfer-encoding"),
        ("Connection", "connection"),
        ("Keep-Alive", "keep-alive"),
        ("Proxy-Authorization", "proxy-authorization"),
        ("TE", "te"),
        ("Trailer", "trailer"),
        ("Upgrade", "upgrade"),
        ("Expect", "expect"),
    ];
    for (given, name) in reserved {
        let error = Client::builder()
            .api_key("seam_apikey1_token")
            .header("x-fine", "1")
            .header(given, "Bearer seam_apikey_other")
            .build()
            .unwrap_err();
        assert_eq!(error, ConfigError::ReservedHeader { name }, "{given}");
        let text = error.to_string();
        assert!(text.contains(name) && text.contains(".header("), "{text}");
        assert!(!format!("{text} {error:?}").contains("seam_apikey_other"));
    }
    // Names that only look alike are the caller's.
    for name in ["x-authorization", "seam-workspace-name", "hostname", "tee"] {
        Client::builder()
            .api_key("seam_apikey1_token")
            .header(name, "1")
            .build()
            .unwrap_or_else(|error| panic!("{name}: {error}"));
    }
}

#[test]
fn unsendable_headers_are_refused_naming_the_header_not_the_value() {
    let refused = |name: &str, value: &str| {
        Client::builder()
            .api_key("seam_apikey1_token")
            .header(name, value)
            .build()
            .unwrap_err()
    };
    for value in [
        "v\nx-injected: 1",
        "v\r",
        "v\0",
        "v\u{7f}",
        "v\u{1b}[31m",
        "café",
    ] {
        let error = refused("X-Tenant", value);
        assert!(
            matches!(&error, ConfigError::InvalidHeader { name, .. } if name == "x-tenant"),
            "{value:?}: {error:?}"
        );
        let text = format!("{error} {error:?}");
        assert!(text.contains("value") && !text.contains("v\\n"), "{text}");
        assert!(!text.contains(value), "{text}");
    }
    // A whole line pasted in as the name: only the part before the first
    // character not allowed in a name is shown.
    let error = refused("Authorization: Bearer seam_pasted", "");
    assert!(
        matches!(&error, ConfigError::InvalidHeader { name, .. } if name == "Authorization"),
        "{error:?}"
    );
    assert!(!format!("{error} {error:?}").contains("seam_pasted"));
    for name in ["", "x a", "x-a\n", ":authority", "é"] {
        let error = refused(name, "1");
        assert!(
            matches!(error, ConfigError::InvalidHeader { .. }),
            "{name:?}: {error:?}"
        );
    }
    // Tabs and spaces inside a value are printable.
    Client::builder()
        .api_key("seam_apikey1_token")
        .header("x-list", "a, b\tc")
        .build()
        .unwrap();
}

// ---------------------------------------------------------------------------
// Root certificates, against a TLS server on loopback.

/// A TLS server on 127.0.0.1 with the test CA's certificate, answering every
/// request with `THING` and closing the connection. Stops when dropped.
struct TlsServer {
    port: u16,
    handshakes: Arc<AtomicUsize>,
    requests: Arc<AtomicUsize>,
    accept: tokio::task::JoinHandle<()>,
}

impl TlsServer {
    async fn start() -> Self {
        let certificates = CertificateDer::pem_slice_iter(SERVER_CERTIFICATE.as_bytes())
            .collect::<Result<Vec<_>, _>>()
            .expect("the server's certificate");
        let key = PrivateKeyDer::from_pem_slice(SERVER_KEY.as_bytes()).expect("its key");
        let config = ServerConfig::builder()
            .with_no_client_auth()
            .with_single_cert(certificates, key)
            .expect("a TLS configuration");
        let acceptor = TlsAcceptor::from(Arc::new(config));
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("local addr").port();
        let handshakes = Arc::new(AtomicUsize::new(0));
        let requests = Arc::new(AtomicUsize::new(0));
        let (counted_handshakes, counted_requests) = (handshakes.clone(), requests.clone());
        let accept = tokio::spawn(async move {
            let mut connections = tokio::task::JoinSet::new();
            while let Ok((stream, _)) = listener.accept().await {
                let acceptor = acceptor.clone();
                let handshakes = counted_handshakes.clone();
                let requests = counted_requests.clone();
                connections.spawn(async move {
                    let Ok(mut stream) = acceptor.accept(stream).await else {
                        return;
                    };
                    handshakes.fetch_add(1, Ordering::SeqCst);
                    if read_request(&mut stream).await {
                        requests.fetch_add(1, Ordering::SeqCst);
                        let answer = format!(
                            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n\
                             content-length: {}\r\nconnection: close\r\n\r\n{THING}",
                            THING.len()
                        );
                        let _ = stream.write_all(answer.as_bytes()).await;
                        let _ = stream.shutdown().await;
                    }
                });
            }
        });
        Self {
            port,
            handshakes,
            requests,
            accept,
        }
    }

    fn url(&self) -> String {
        format!("https://127.0.0.1:{}", self.port)
    }
}

impl Drop for TlsServer {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Reads a request's head and its `content-length` body; whether one came whole.
async fn read_request(stream: &mut (impl AsyncReadExt + Unpin)) -> bool {
    let mut read = Vec::new();
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = read.windows(4).position(|window| window == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&read[..end]).to_ascii_lowercase();
            let length: usize = head
                .lines()
                .find_map(|line| line.strip_prefix("content-length:"))
                .map_or(0, |length| length.trim().parse().unwrap_or(0));
            if read.len() >= end + 4 + length {
                return true;
            }
        }
        match stream.read(&mut chunk).await {
            Ok(0) | Err(_) => return false,
            Ok(count) => read.extend_from_slice(&chunk[..count]),
        }
    }
}

/// The text of an error and of its causes.
fn chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(error) = cause {
        text.push_str(" / ");
        text.push_str(&error.to_string());
        cause = error.source();
    }
    text
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_root_certificate_given_is_trusted_for_the_handshake() {
    let server = TlsServer::start().await;
    // One certificate, or a bundle holding it.
    let bundle = format!("{SERVER_CERTIFICATE}\n{CA}");
    for pem in [CA.to_owned(), bundle] {
        let client = builder(&server.url())
            .api_key("seam_apikey1_token")
            .add_root_certificate_pem(pem)
            .build()
            .unwrap();
        assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
    }
    assert_eq!(server.requests.load(Ordering::SeqCst), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_root_certificate_the_handshake_fails() {
    let server = TlsServer::start().await;
    let client = builder(&server.url())
        .api_key("seam_apikey1_token")
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    let Error::Transport(transport) = &error else {
        panic!("{error:?}")
    };
    assert_eq!(transport.stage, TransportStage::Connect, "{error:?}");
    let text = chain(&error);
    assert!(text.contains("UnknownIssuer"), "{text}");
    // The client stopped at the handshake: nothing was sent.
    assert_eq!(server.handshakes.load(Ordering::SeqCst), 0);
    assert_eq!(server.requests.load(Ordering::SeqCst), 0);
}

#[test]
fn unusable_root_certificates_are_refused() {
    let corrupt = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    let bad_base64 = "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n";
    for (pems, call) in [
        (vec![""], 1),
        (vec!["not a certificate"], 1),
        // A private key holds no certificate, and is never quoted.
        (vec![SERVER_KEY], 1),
        (vec![CA, bad_base64], 2),
        (vec![CA, corrupt], 2),
    ] {
        let mut builder = Client::builder().api_key("seam_apikey1_token");
        for pem in &pems {
            builder = builder.add_root_certificate_pem(pem);
        }
        let error = builder.build().unwrap_err();
        assert!(
            matches!(&error, ConfigError::InvalidCertificate { call: c, .. } if *c == call),
            "{pems:?}: {error:?}"
        );
        let text = format!("{error} {error:?}");
        assert!(text.contains("add_root_certificate_pem"), "{text}");
        let key_line = SERVER_KEY.lines().nth(1).unwrap();
        assert!(!text.contains(key_line), "{text}");
    }
    let builder = Client::builder()
        .api_key("seam_apikey1_token")
        .add_root_certificate_pem(CA);
    assert!(format!("{builder:?}").contains("root_certificates: 1"));
}

// ---------------------------------------------------------------------------
// Connect timeout and pool.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_connect_timeout_bounds_a_handshake_that_never_ends() {
    // A plain TCP server that never answers the TLS client hello.
    let server = Server::always(Behaviour::StallBeforeHeaders).await;
    let endpoint = format!("https://127.0.0.1:{}", server.port());
    let client = builder(&endpoint)
        .api_key("seam_apikey1_token")
        .retry(RetryPolicy::none())
        .timeout(Duration::from_secs(10))
        .connect_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    let took = started.elapsed();
    assert!(
        matches!(&error, Error::Transport(t) if t.stage == TransportStage::Connect),
        "{error:?}"
    );
    assert!(
        took >= Duration::from_millis(200) && took < Duration::from_secs(3),
        "{took:?}"
    );
    // Without it, only the call's timeout ends the wait.
    let client = builder(&endpoint)
        .api_key("seam_apikey1_token")
        .retry(RetryPolicy::none())
        .timeout(Duration::from_millis(600))
        .build()
        .unwrap();
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
}

/// How many connections `builder` opens for three requests, `pause` apart.
async fn connections_for_three_requests(builder: ClientBuilder, pause: Duration) -> usize {
    let server = Server::always(Reply::json(200, THING)).await;
    let client = builder
        .endpoint(server.url())
        .api_key("seam_apikey1_token")
        .build()
        .unwrap();
    for _ in 0..3 {
        client.send(GetThing::new("t_1")).await.unwrap();
        tokio::time::sleep(pause).await;
    }
    assert_eq!(server.count(), 3);
    server.connections()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pool_options_decide_when_a_connection_is_reused() {
    let pause = Duration::from_millis(250);
    let default = connections_for_three_requests(Client::builder(), pause).await;
    assert_eq!(default, 1, "idle connections are reused by default");
    let none_idle =
        connections_for_three_requests(Client::builder().pool_max_idle_per_host(0), pause).await;
    assert_eq!(none_idle, 3);
    let short_idle = Client::builder().pool_idle_timeout(Duration::from_millis(50));
    assert_eq!(connections_for_three_requests(short_idle, pause).await, 3);
    let kept = Client::builder()
        .pool_idle_timeout(None)
        .connect_timeout(Duration::from_secs(1));
    assert_eq!(connections_for_three_requests(kept, pause).await, 1);
}

//! What reaches the server for each kind of credential, the publishable key
//! exchange, and that no credential shows in any `Debug` or `Display` of the
//! public types, nor follows a redirect.

mod support;

use std::fmt::Debug;
use std::time::{Duration, Instant};

use seam_core::serde::ser::Error as _;
use seam_core::serde::{Serialize, Serializer};
use seam_core::validation::ValidationErrors;
use seam_core::{Client, ClientBuilder, ConfigError, Endpoint, Error};
use support::{
    Behaviour, DeleteThing, GetThing, Received, Reply, Server, THING, fast_retries, refused_url,
    thing,
};

const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");
const SESSION: &str = r#"{"client_session":{"client_session_id":"cs_1","token":"seam_cst1_xyz","user_identifier_key":"user_1"},"ok":true}"#;
const EXCHANGE: &str = "/client_sessions/get_or_create";

fn builder(url: &str) -> ClientBuilder {
    Client::builder()
        .endpoint(url)
        .retry(fast_retries())
        .timeout(Duration::from_secs(5))
}

/// The headers every request carries, whatever its credential.
fn assert_sdk_headers(request: &Received) {
    assert_eq!(request.header("seam-sdk-name"), Some("seam-rs"));
    assert_eq!(request.header("seam-sdk-version"), Some(SDK_VERSION));
    let agent = format!("seam-rs/{SDK_VERSION}");
    assert_eq!(request.header("user-agent"), Some(agent.as_str()));
    assert_eq!(request.header("content-type"), Some("application/json"));
    assert!(request.header("host").is_some());
}

/// What, its builder, and the `authorization`, `seam-workspace` and
/// `client-session-token` it sends.
type HeaderCase = (
    &'static str,
    ClientBuilder,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn each_credential_sends_its_documented_headers() {
    let server = Server::always(Reply::json(200, THING)).await;
    let url = server.url();
    let cases: Vec<HeaderCase> = vec![
        (
            "api key",
            builder(&url).api_key("seam_apikey1_token"),
            "Bearer seam_apikey1_token",
            None,
            None,
        ),
        (
            "personal access token",
            builder(&url)
                .personal_access_token("seam_at1_longtoken")
                .workspace_id("seed_workspace_1"),
            "Bearer seam_at1_longtoken",
            Some("seed_workspace_1"),
            None,
        ),
        (
            "personal access token without workspace",
            builder(&url)
                .personal_access_token("seam_at1_longtoken")
                .without_workspace(),
            "Bearer seam_at1_longtoken",
            None,
            None,
        ),
        (
            "console session token",
            builder(&url)
                .console_session_token("eyJhbGciOiJIUzI1NiJ9.e30.sig")
                .workspace_id("ws_2"),
            "Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig",
            Some("ws_2"),
            None,
        ),
        (
            "client session token",
            builder(&url).client_session_token("seam_cst1_token"),
            "Bearer seam_cst1_token",
            None,
            Some("seam_cst1_token"),
        ),
    ];
    let count = cases.len();
    for (index, (what, builder, authorization, workspace, session)) in cases.into_iter().enumerate()
    {
        let client = builder.build().unwrap();
        assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
        client
            .send(DeleteThing {
                thing_id: "t_2".into(),
            })
            .await
            .unwrap();
        let received = server.received();
        assert_eq!(received.len(), 2 * (index + 1), "{what}");
        for request in &received[2 * index..] {
            assert_sdk_headers(request);
            assert_eq!(
                request.header("authorization"),
                Some(authorization),
                "{what}"
            );
            assert_eq!(request.header("seam-workspace"), workspace, "{what}");
            assert_eq!(request.header("client-session-token"), session, "{what}");
            assert_eq!(request.header("seam-publishable-key"), None, "{what}");
        }
        let (get, delete) = (&received[2 * index], &received[2 * index + 1]);
        assert_eq!(
            (get.method.as_str(), get.path.as_str()),
            ("POST", "/things/get")
        );
        assert_eq!(get.json(), serde_json::json!({"thing_id": "t_1"}));
        assert_eq!(delete.method, "DELETE");
        assert_eq!(delete.json(), serde_json::json!({"thing_id": "t_2"}));
    }
    eprintln!("[count] credential kinds checked at the server: {count} + publishable key");
}

fn exchanging_server_script(request: &Received, _: usize) -> Behaviour {
    if request.path == EXCHANGE {
        Reply::json(200, SESSION).into()
    } else {
        Reply::json(200, THING).into()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_publishable_key_is_traded_once_for_a_client_session() {
    let server = Server::start(exchanging_server_script).await;
    let client = builder(&server.url())
        .publishable_key("seam_pk1_token", "user_1")
        .build()
        .unwrap();
    for _ in 0..3 {
        assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
    }
    // A clone shares the session.
    let clone = client.clone();
    assert_eq!(clone.send(GetThing::new("t_1")).await.unwrap(), thing());

    let received = server.received();
    assert_eq!(server.count_path(EXCHANGE), 1);
    assert_eq!(received.len(), 5);
    let exchange = &received[0];
    assert_eq!(
        (exchange.method.as_str(), exchange.path.as_str()),
        ("POST", EXCHANGE)
    );
    assert_sdk_headers(exchange);
    assert_eq!(
        exchange.header("seam-publishable-key"),
        Some("seam_pk1_token")
    );
    assert_eq!(exchange.header("authorization"), None);
    assert_eq!(exchange.header("client-session-token"), None);
    assert_eq!(
        exchange.json(),
        serde_json::json!({"user_identifier_key": "user_1"})
    );
    for request in &received[1..] {
        assert_eq!(request.path, "/things/get");
        assert_sdk_headers(request);
        assert_eq!(
            request.header("authorization"),
            Some("Bearer seam_cst1_xyz")
        );
        assert_eq!(
            request.header("client-session-token"),
            Some("seam_cst1_xyz")
        );
        assert_eq!(request.header("seam-publishable-key"), None);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_first_calls_trade_the_key_once() {
    let server = Server::start(|request, number| {
        if request.path == EXCHANGE {
            // Slow enough that every first call is waiting on it.
            Behaviour::Trickle {
                status: 200,
                body: SESSION.as_bytes().to_vec(),
                piece: 32,
                every: Duration::from_millis(10),
            }
        } else {
            exchanging_server_script(request, number)
        }
    })
    .await;
    let client = builder(&server.url())
        .publishable_key("seam_pk1_token", "user_1")
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let client = client.clone();
        calls.spawn(async move { client.send(GetThing::new("t_1")).await });
    }
    while let Some(result) = calls.join_next().await {
        assert_eq!(result.unwrap().unwrap(), thing());
    }
    assert_eq!(server.count_path(EXCHANGE), 1);
    assert_eq!(server.count_path("/things/get"), 8);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_exchange_is_retried_then_an_error_and_tried_again_next_time() {
    let server = Server::scripted(
        [
            Reply::json(401, include_str!("fixtures/prod_401_unauthorized.json"))
                .request_id("request7")
                .into(),
            Reply::json(200, r#"{"client_session":{"token":"not_a_cst"},"ok":true}"#).into(),
            Reply::json(200, r#"{"ok":true}"#).into(),
            Reply::html(502, "<html>bad gateway</html>").into(),
            Behaviour::CloseWithoutAnswer,
            Reply::json(200, SESSION).into(),
        ],
        Reply::json(200, THING).into(),
    )
    .await;
    let client = builder(&server.url())
        .publishable_key("seam_pk1_token", "user_1")
        .build()
        .unwrap();
    let get = || client.send(GetThing::new("t_1"));

    let error = get().await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert_eq!(error.request_id(), Some("request7"));
    let error = get().await.unwrap_err();
    assert!(
        matches!(error, Error::Config(ConfigError::PublishableKeyExchange(_))),
        "{error:?}"
    );
    let error = get().await.unwrap_err();
    let Error::UnexpectedResponse(unexpected) = &error else {
        panic!("{error:?}")
    };
    assert!(unexpected.reason.contains("line 1"), "{unexpected:?}");
    // Nothing was sent with a credential it does not have yet.
    assert_eq!(server.count_path("/things/get"), 0);
    // A 502 and a lost answer are retried like any idempotent request: the fourth
    // call's exchange succeeds at its third attempt, the sixth exchange in all;
    // from then on, no more.
    assert_eq!(get().await.unwrap(), thing());
    assert_eq!(get().await.unwrap(), thing());
    assert_eq!(server.count_path(EXCHANGE), 6);
    assert_eq!(server.count_path("/things/get"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_exchange_ends_at_the_first_calls_timeout() {
    let server = Server::always(Behaviour::StallBeforeHeaders).await;
    let timeout = Duration::from_millis(300);
    let client = builder(&server.url())
        .publishable_key("seam_pk1_token", "user_1")
        .timeout(timeout)
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    let elapsed = started.elapsed();
    eprintln!("[timing] stalled exchange: {elapsed:?} for a timeout of {timeout:?}");
    assert!(
        elapsed < timeout + Duration::from_millis(500),
        "{elapsed:?}"
    );
    assert!(
        matches!(error, Error::Timeout { timeout: t, .. } if t == timeout),
        "{error:?}"
    );
}

// ---------------------------------------------------------------------------
// Secrets.

const SECRET: &str = "S3CRET";
const API_KEY: &str = "seam_apikey_S3CRET_api";
const PAT: &str = "seam_at1_S3CRET_pat";
const CONSOLE: &str = "eyS3CRET_console";
const CST: &str = "seam_cst1_S3CRET_cst";
const PK: &str = "seam_pk1_S3CRET_pk";
const EXCHANGED: &str = "seam_cst1_S3CRET_exchanged";

/// Collects what a value shows of itself.
#[derive(Default)]
struct Shown {
    texts: Vec<(String, String)>,
}

impl Shown {
    fn debug(&mut self, what: &str, value: &impl Debug) {
        self.texts.push((what.to_owned(), format!("{value:?}")));
        self.texts.push((what.to_owned(), format!("{value:#?}")));
    }

    fn error(&mut self, what: &str, error: &(dyn std::error::Error + 'static)) {
        self.debug(what, &error);
        self.texts.push((what.to_owned(), error.to_string()));
        let mut source = error.source();
        while let Some(cause) = source {
            self.texts
                .push((format!("{what} (source)"), format!("{cause} / {cause:?}")));
            source = cause.source();
        }
    }

    fn assert_clean(&self) {
        for (what, text) in &self.texts {
            assert!(!text.contains(SECRET), "{what} shows a secret: {text}");
        }
        eprintln!("[count] texts checked for secrets: {}", self.texts.len());
    }
}

/// Fails to serialise, to produce `Error::Serialize`.
#[derive(Debug)]
struct Unserialisable;

impl Serialize for Unserialisable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("this value cannot be serialised"))
    }
}

#[derive(Debug, Serialize)]
#[serde(crate = "seam_core::serde")]
struct Broken {
    value: Unserialisable,
}

impl Endpoint for Broken {
    type Response = ();
    type Answer = seam_core::Void;
    const PATH: &'static str = "/things/broken";
    const IDEMPOTENT: bool = true;
    const RESPONSE_KEY: Option<&'static str> = None;

    fn validate(&self, _: &mut ValidationErrors) {}
}

/// Every request gets the fault its thing id names; the exchange gets what the
/// user identifier key names.
fn faulty_script(request: &Received, _: usize) -> Behaviour {
    let body = request.json();
    if request.path == EXCHANGE {
        let key = body["user_identifier_key"].as_str().unwrap_or_default();
        let session = format!(
            r#"{{"client_session":{{"token":"{EXCHANGED}","user_identifier_key":"u"}},"ok":true}}"#
        );
        return match key {
            // Truncated: the token is in the part that came.
            "truncated" => Reply::json(200, &session.as_bytes()[..session.len() - 10]).into(),
            // Of the wrong shape, so that serde's message would quote the token.
            "shape" => Reply::json(200, format!(r#"{{"client_session":"{EXCHANGED}"}}"#)).into(),
            "wrong_kind" => {
                Reply::json(200, r#"{"client_session":{"token":"seam_S3CRET_x"}}"#).into()
            }
            _ => Reply::json(200, session).into(),
        };
    }
    match body["thing_id"].as_str().unwrap_or_default() {
        "api" => Reply::json(400, include_str!("fixtures/prod_400_invalid_input.json"))
            .request_id("request1")
            .into(),
        "html" => Reply::html(502, "<html>proxy</html>").into(),
        "stall" => Behaviour::StallBeforeHeaders,
        "lost" => Behaviour::CloseWithoutAnswer,
        "reset" => Behaviour::ResetMidBody {
            status: 200,
            declared: 100,
            sent: b"{".to_vec(),
        },
        "huge" => Behaviour::StallAfterHeaders {
            status: 200,
            content_length: 1 << 30,
        },
        _ => Reply::json(200, THING).into(),
    }
}

fn credential_builders(url: &str) -> Vec<(&'static str, ClientBuilder)> {
    let builder = |url: &str| builder(url).timeout(Duration::from_millis(300));
    vec![
        ("api key", builder(url).api_key(API_KEY)),
        (
            "personal access token",
            builder(url).personal_access_token(PAT).workspace_id("ws"),
        ),
        (
            "personal access token without workspace",
            builder(url).personal_access_token(PAT).without_workspace(),
        ),
        (
            "console session token",
            builder(url)
                .console_session_token(CONSOLE)
                .workspace_id("ws"),
        ),
        (
            "client session token",
            builder(url).client_session_token(CST),
        ),
        ("publishable key", builder(url).publishable_key(PK, "user")),
    ]
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_public_type_shows_a_credential() {
    let server = Server::start(faulty_script).await;
    let mut shown = Shown::default();
    let mut errors = 0;
    for (what, builder) in credential_builders(&server.url()) {
        shown.debug(&format!("{what}: builder"), &builder);
        let client = builder.build().unwrap();
        shown.debug(&format!("{what}: client"), &client);
        let request = client
            .request(GetThing::new("api"))
            .timeout(Duration::from_secs(1));
        shown.debug(&format!("{what}: request"), &request);
        for id in ["api", "html", "stall", "lost", "reset", "huge", ""] {
            let result = client.send(GetThing::new(id)).await;
            let error = result.expect_err(id);
            shown.error(&format!("{what}: error for {id:?}"), &error);
            errors += 1;
        }
        let error = client
            .send(Broken {
                value: Unserialisable,
            })
            .await
            .unwrap_err();
        assert!(matches!(error, Error::Serialize { .. }), "{error:?}");
        shown.error(&format!("{what}: serialise"), &error);
        // After a call the client holds its session (for a publishable key).
        shown.debug(&format!("{what}: client after calls"), &client);
        shown.debug(
            &format!("{what}: request after calls"),
            &client.request(GetThing::new("x")),
        );
        errors += 1;
    }

    // The publishable key exchange going wrong while its answer holds a token.
    for key in ["truncated", "shape", "wrong_kind"] {
        let client = builder(&server.url())
            .publishable_key(PK, key)
            .build()
            .unwrap();
        let error = client.send(GetThing::new("t_1")).await.unwrap_err();
        shown.error(&format!("exchange {key}"), &error);
        errors += 1;
    }

    // Refused connections.
    let client = builder(&refused_url()).api_key(API_KEY).build().unwrap();
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    assert!(matches!(error, Error::Transport(_)));
    shown.error("refused", &error);
    errors += 1;

    // Every configuration error, given secrets.
    let newline = format!("{API_KEY}\nx");
    let configs: Vec<(&str, ClientBuilder)> = vec![
        ("no credentials", Client::builder()),
        (
            "two credentials",
            Client::builder().api_key(API_KEY).client_session_token(CST),
        ),
        ("token in the api key slot", Client::builder().api_key(PAT)),
        (
            "key in the token slot",
            Client::builder().client_session_token(API_KEY),
        ),
        (
            "api key as publishable key",
            Client::builder().publishable_key(API_KEY, "u"),
        ),
        ("unknown kind", Client::builder().api_key("sk_S3CRET")),
        ("no workspace", Client::builder().personal_access_token(PAT)),
        (
            "unused workspace",
            Client::builder().api_key(API_KEY).workspace_id("ws"),
        ),
        ("empty user key", Client::builder().publishable_key(PK, "")),
        (
            "newline in a key",
            Client::builder().api_key(newline.as_str()),
        ),
        (
            "newline in a workspace id",
            Client::builder()
                .personal_access_token(PAT)
                .workspace_id("w\ns"),
        ),
        (
            "credentials in the endpoint",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://user:{API_KEY}@connect.example")),
        ),
        (
            "plain http",
            Client::builder()
                .api_key(API_KEY)
                .endpoint("http://seam.example"),
        ),
        (
            "no scheme",
            Client::builder()
                .api_key(API_KEY)
                .endpoint("connect.example"),
        ),
    ];
    for (what, builder) in configs {
        shown.debug(&format!("{what}: builder"), &builder);
        let error = builder.build().unwrap_err();
        shown.error(what, &error);
        shown.error(&format!("{what} as Error"), &Error::from(error));
        errors += 1;
    }
    eprintln!("[count] errors produced for the secrets check: {errors}");
    shown.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_exchange_error_keeps_no_token() {
    let server = Server::start(faulty_script).await;
    for key in ["truncated", "shape"] {
        let client = builder(&server.url())
            .publishable_key(PK, key)
            .build()
            .unwrap();
        let error = client.send(GetThing::new("t_1")).await.unwrap_err();
        let Error::UnexpectedResponse(unexpected) = &error else {
            panic!("{error:?}")
        };
        assert_eq!(unexpected.path, EXCHANGE);
        assert_eq!(unexpected.excerpt, "");
        assert!(!format!("{error} {error:?}").contains("S3CRET"), "{error}");
    }
}

// ---------------------------------------------------------------------------
// Where credentials may go.

#[test]
fn plain_http_is_refused_off_loopback_unless_allowed() {
    for url in [
        "http://connect.getseam.com",
        "http://10.0.0.1:8080",
        "http://[2001:db8::1]",
        "http://localhost.example.com",
    ] {
        let error = Client::builder()
            .api_key(API_KEY)
            .endpoint(url)
            .build()
            .unwrap_err();
        assert!(
            matches!(error, ConfigError::InsecureEndpoint { .. }),
            "{url}: {error:?}"
        );
        assert!(error.to_string().contains("allow_insecure_http"), "{error}");
        let client = Client::builder()
            .api_key(API_KEY)
            .endpoint(url)
            .allow_insecure_http()
            .build()
            .unwrap();
        assert!(client.endpoint().starts_with("http://"));
    }
    for url in ["http://127.0.0.1:1", "http://localhost:1", "http://[::1]:1"] {
        Client::builder()
            .api_key(API_KEY)
            .endpoint(url)
            .build()
            .unwrap();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn redirects_are_not_followed() {
    let elsewhere = Server::always(Reply::json(200, THING)).await;
    let location = format!("{}/things/get", elsewhere.url());
    for status in [301, 302, 307, 308] {
        let location = location.clone();
        let server = Server::always(Reply::empty(status).header("location", &location)).await;
        for builder in [
            builder(&server.url()).client_session_token(CST),
            builder(&server.url()).publishable_key(PK, "user"),
            builder(&server.url())
                .personal_access_token(PAT)
                .workspace_id("ws"),
        ] {
            let client = builder.build().unwrap();
            let error = client.send(GetThing::new("t_1")).await.unwrap_err();
            assert_eq!(error.status(), Some(status), "{error:?}");
        }
    }
    assert_eq!(elsewhere.count(), 0, "a credential followed a redirect");
}

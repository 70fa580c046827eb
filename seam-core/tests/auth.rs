//! What reaches the server for each kind of credential, the publishable key
//! exchange, and that no credential shows in any `Debug` or `Display` of the
//! public types, nor follows a redirect.

mod support;

use std::fmt::Debug;
use std::time::{Duration, Instant};

use seamapi_core::serde::ser::Error as _;
use seamapi_core::serde::{Serialize, Serializer};
use seamapi_core::validation::ValidationErrors;
use seamapi_core::{Client, ClientBuilder, ConfigError, Endpoint, Error};
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

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_call_waiting_on_a_refused_exchange_gets_the_refusal() {
    let refusal = include_str!("fixtures/prod_401_unauthorized.json");
    let server = Server::start(move |request, _| {
        if request.path == EXCHANGE {
            // Answered whole after 200 ms, while every call waits on it.
            Behaviour::Trickle {
                status: 401,
                body: refusal.as_bytes().to_vec(),
                piece: refusal.len(),
                every: Duration::from_millis(200),
            }
        } else {
            Reply::json(200, THING).into()
        }
    })
    .await;
    let client = builder(&server.url())
        .publishable_key("seam_pk1_token", "user_1")
        .timeout(Duration::from_secs(1))
        .build()
        .unwrap();
    let mut calls = tokio::task::JoinSet::new();
    for _ in 0..30 {
        let client = client.clone();
        calls.spawn(async move { client.send(GetThing::new("t_1")).await });
    }
    let mut refused = 0;
    while let Some(result) = calls.join_next().await {
        let error = result.unwrap().unwrap_err();
        assert!(error.is_unauthorized(), "{error:?}");
        refused += 1;
    }
    assert_eq!(refused, 30);
    assert_eq!(
        server.count_path(EXCHANGE),
        1,
        "one exchange for all of them"
    );
    assert_eq!(server.count_path("/things/get"), 0);
    // A call made after the failure tries again.
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    assert!(error.is_unauthorized(), "{error:?}");
    assert_eq!(server.count_path(EXCHANGE), 2);
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
        matches!(error, Error::PublishableKeyExchange { .. }),
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
/// A header given to the builder, such as a gateway's key.
const HEADER_VALUE: &str = "gw_S3CRET_header";

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
        // Rust's convention: a cause is returned by `source()` or printed, not both,
        // or a report of the chain shows it twice.
        if let Some(cause) = error.source() {
            let cause = cause.to_string();
            assert!(
                !error.to_string().contains(&cause),
                "{what}: Display repeats its source {cause:?}: {error}"
            );
        }
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
#[serde(crate = "seamapi_core::serde")]
struct Broken {
    value: Unserialisable,
}

impl Endpoint for Broken {
    type Response = ();
    type Answer = seamapi_core::Void;
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
            // Answers that are not Seam's, holding the token: kept as an excerpt.
            "status_401" => Reply::json(401, session).into(),
            "status_500" => Reply::html(500, format!("<pre>{session}</pre>")).into(),
            "chunked" => Behaviour::Chunked {
                status: 200,
                chunk: session.into_bytes(),
                chunks: Some(100),
                every: Duration::ZERO,
            },
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
    let builder = |url: &str| {
        builder(url)
            .timeout(Duration::from_millis(300))
            .header("x-gateway-key", HEADER_VALUE)
    };
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
    let refused = refused_url();
    let client = builder(&refused).api_key(API_KEY).build().unwrap();
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
            "plain http with credentials",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("http://u:{API_KEY}@seam.example")),
        ),
        (
            "credentials in the endpoint, and a query",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://user:{API_KEY}@connect.example/?a=1")),
        ),
        (
            "credentials in the endpoint, and a fragment",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://user:{API_KEY}@connect.example/#top")),
        ),
        (
            "credentials in an endpoint with a port out of range",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://user:{API_KEY}@connect.example:99999")),
        ),
        (
            "credentials in an endpoint with a space in its host",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://user:{API_KEY}@connect example")),
        ),
        (
            "credentials holding @ and / in the endpoint",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://u:{API_KEY}/@x@connect.example")),
        ),
        (
            "a credential in the query",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("https://connect.example/?key={API_KEY}")),
        ),
        (
            "no scheme, credentials",
            Client::builder()
                .api_key(API_KEY)
                .endpoint(format!("u:{API_KEY}@connect.example")),
        ),
        (
            "no scheme",
            Client::builder()
                .api_key(API_KEY)
                .endpoint("connect.example"),
        ),
        (
            "newline in a header's value",
            Client::builder()
                .api_key(API_KEY)
                .header("x-gateway-key", format!("{HEADER_VALUE}\nx")),
        ),
        (
            "a header line pasted in as a name",
            Client::builder()
                .api_key(API_KEY)
                .header(format!("x-gateway-key: {HEADER_VALUE}"), ""),
        ),
        (
            "a credential given as a reserved header",
            Client::builder()
                .api_key(API_KEY)
                .header("x-gateway-key", HEADER_VALUE)
                .header("Authorization", format!("Bearer {API_KEY}")),
        ),
        (
            "a root certificate that is not one",
            Client::builder()
                .api_key(API_KEY)
                .header("x-gateway-key", HEADER_VALUE)
                .add_root_certificate_pem(format!(
                    "-----BEGIN CERTIFICATE-----\n{API_KEY}\n-----END CERTIFICATE-----\n"
                )),
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
    for key in ["truncated", "shape", "status_401", "status_500", "chunked"] {
        let client = builder(&server.url())
            .publishable_key(PK, key)
            // Two chunks of the chunked answer: more than the limit.
            .max_response_bytes(150)
            .build()
            .unwrap();
        let error = client.send(GetThing::new("t_1")).await.unwrap_err();
        let Error::UnexpectedResponse(unexpected) = &error else {
            panic!("{key}: {error:?}")
        };
        assert_eq!(unexpected.path, EXCHANGE, "{key}");
        match key {
            // A body that decoded as JSON of the wrong shape is not kept at all.
            "truncated" | "shape" => assert_eq!(unexpected.excerpt, "", "{key}"),
            // Others are, with the token hidden.
            _ => assert!(
                unexpected.excerpt.contains(r#""token":"[redacted]""#),
                "{key}: {:?}",
                unexpected.excerpt
            ),
        }
        assert!(
            !format!("{error} {error:?}").contains("S3CRET"),
            "{key}: {error:?}"
        );
    }
}

/// Answers of the wrong shape to an endpoint of the user's, holding credentials:
/// by the thing id asked for.
fn credential_answer(request: &Received, _: usize) -> Behaviour {
    // A value that begins `at` bytes into the body, under `key`.
    let at = |at: usize, key: &str, value: &str| {
        let pad = "x".repeat(at - r#"{"pad":"","":""#.len() - key.len());
        format!(r#"{{"pad":"{pad}","{key}":"{value}"}}"#)
    };
    let body = match request.json()["thing_id"].as_str().unwrap_or_default() {
        // serde's message would quote the value: `invalid type: string "seam_cst1…"`.
        "quoted" => format!(r#"{{"thing":"{EXCHANGED}","ok":true}}"#),
        "token_field" => r#"{"thing":{"thing_id":7,"token":"plainS3CRET","ok":true}}"#.to_owned(),
        "secret_field" => r#"{"webhook":{"webhookSecret":"whsec_S3CRET"},"ok":true}"#.to_owned(),
        "jwt" => r#"{"thing":{"note":"eyJhbGciOi.eyS3CRET.S3CRETsig"}}"#.to_owned(),
        "html" => format!("<html><p>token: {EXCHANGED}</p></html>"),
        // Values cut by the excerpt's 200 bytes, their start inside it.
        "cut_token" => at(189, "token", "S3CRETS3CRETS3CRETS3CRET"),
        "cut_seam" => at(180, "note", "seam_cst1_S3CRET_S3CRET_S3CRET"),
        "cut_jwt" => at(180, "note", "eyS3CRETS3CRETS3CRETS3CRET.eyS3CRET.S3CRET"),
        other => panic!("no answer for {other}"),
    };
    Reply::json(200, body).into()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn excerpts_and_reasons_show_no_credential() {
    let server = Server::start(credential_answer).await;
    let client = builder(&server.url()).api_key(API_KEY).build().unwrap();
    let mut shown = Shown::default();
    for id in [
        "quoted",
        "token_field",
        "secret_field",
        "jwt",
        "html",
        "cut_token",
        "cut_seam",
        "cut_jwt",
    ] {
        let error = client.send(GetThing::new(id)).await.unwrap_err();
        let Error::UnexpectedResponse(unexpected) = &error else {
            panic!("{id}: {error:?}")
        };
        assert!(
            format!("{} {}", unexpected.excerpt, unexpected.reason).contains("[redacted]"),
            "{id}: {unexpected:?}"
        );
        shown.error(id, &error);
    }
    shown.assert_clean();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reason_quotes_no_value_of_the_body() {
    let server = Server::always(Reply::json(200, r#"{"thing":"plainS3CRET","ok":true}"#)).await;
    let client = builder(&server.url()).api_key(API_KEY).build().unwrap();
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    let Error::UnexpectedResponse(unexpected) = &error else {
        panic!("{error:?}")
    };
    // What was expected and where stays; the value does not.
    assert!(
        unexpected
            .reason
            .starts_with(r#"invalid type: string "[redacted]", expected struct Thing"#),
        "{}",
        unexpected.reason
    );
    assert!(
        unexpected.reason.contains("line 1 column"),
        "{}",
        unexpected.reason
    );
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
            // Whatever the HTTP layer's options, redirects stay refused.
            builder(&server.url())
                .api_key(API_KEY)
                .header("x-gateway-key", HEADER_VALUE)
                .connect_timeout(Duration::from_secs(1))
                .pool_max_idle_per_host(0)
                .pool_idle_timeout(None)
                .add_root_certificate_pem(include_str!("fixtures/tls/ca.pem")),
        ] {
            let client = builder.build().unwrap();
            let error = client.send(GetThing::new("t_1")).await.unwrap_err();
            assert_eq!(error.status(), Some(status), "{error:?}");
        }
    }
    assert_eq!(elsewhere.count(), 0, "a credential followed a redirect");
}

/// Routes that try to leave the endpoint, each in a hand-written `Endpoint`.
const ESCAPING_PATHS: [&str; 12] = [
    "@127.0.0.2:47113/things/get",
    "/@127.0.0.2:47113/things/get",
    "//127.0.0.2:47113/things/get",
    "/../../things/get",
    "/things/./get",
    "/things/get?as=other",
    "/things/get#x",
    "/things/%2e%2e/get",
    "/things\\get",
    "http://127.0.0.2:47113/things/get",
    "/things/get\n",
    "",
];

#[derive(Debug, Serialize)]
#[serde(crate = "seamapi_core::serde")]
struct Escaping<const N: usize> {}

impl<const N: usize> Endpoint for Escaping<N> {
    type Response = ();
    type Answer = seamapi_core::Void;
    const PATH: &'static str = ESCAPING_PATHS[N];
    const IDEMPOTENT: bool = true;
}

async fn send_escaping<const N: usize>(client: &Client) -> Error {
    let error = client.send(Escaping::<N> {}).await.unwrap_err();
    assert!(
        matches!(error, Error::InvalidPath { path, .. } if path == ESCAPING_PATHS[N]),
        "{:?}: {error:?}",
        ESCAPING_PATHS[N]
    );
    error
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_route_never_leaves_the_endpoints_origin_or_prefix() {
    // Where the first paths would lead; the port may be taken, in which case
    // nothing is listened for there, and the main server's count still tells.
    let elsewhere = tokio::net::TcpListener::bind("127.0.0.2:47113").await.ok();
    let server = Server::always(Reply::json(200, THING)).await;
    let mut errors = Vec::new();
    for endpoint in [server.url(), format!("{}/prefix", server.url())] {
        let client = builder(&endpoint).api_key(API_KEY).build().unwrap();
        errors.push(send_escaping::<0>(&client).await);
        errors.push(send_escaping::<1>(&client).await);
        errors.push(send_escaping::<2>(&client).await);
        errors.push(send_escaping::<3>(&client).await);
        errors.push(send_escaping::<4>(&client).await);
        errors.push(send_escaping::<5>(&client).await);
        errors.push(send_escaping::<6>(&client).await);
        errors.push(send_escaping::<7>(&client).await);
        errors.push(send_escaping::<8>(&client).await);
        errors.push(send_escaping::<9>(&client).await);
        errors.push(send_escaping::<10>(&client).await);
        errors.push(send_escaping::<11>(&client).await);
        // An ordinary route still goes where it should, prefix kept.
        client.send(GetThing::new("t_1")).await.unwrap();
    }
    assert_eq!(server.count(), 2, "only the two ordinary requests arrive");
    let paths: Vec<String> = server.received().iter().map(|r| r.path.clone()).collect();
    assert_eq!(paths, ["/things/get", "/prefix/things/get"]);
    if let Some(elsewhere) = elsewhere {
        let accepted = tokio::time::timeout(Duration::from_millis(50), elsewhere.accept()).await;
        assert!(accepted.is_err(), "a request left the endpoint's origin");
    }
    let text = errors[1].to_string();
    assert!(text.contains("nothing was sent"), "{text}");
    eprintln!(
        "[count] escaping routes refused: {}, requests that left the origin: 0",
        errors.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_explicit_proxy_carries_every_request() {
    let proxy = Server::always(Reply::json(200, THING)).await;
    let server = Server::always(Reply::json(200, THING)).await;
    let client = builder(&server.url())
        .api_key(API_KEY)
        .proxy(proxy.url())
        .build()
        .unwrap();
    client.send(GetThing::new("t_1")).await.unwrap();
    assert_eq!((proxy.count(), server.count()), (1, 0));
    // The proxy is asked for the endpoint's URL, in absolute form.
    let expected = format!("{}/things/get", server.url());
    assert_eq!(proxy.received()[0].path, expected);
    let client = builder(&server.url())
        .api_key(API_KEY)
        .proxy(proxy.url())
        .no_proxy()
        .build()
        .unwrap();
    client.send(GetThing::new("t_1")).await.unwrap();
    assert_eq!((proxy.count(), server.count()), (1, 1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_client_session_token_is_replaced_keeping_the_connection() {
    let server = Server::always(Reply::json(200, THING)).await;
    let client = builder(&server.url())
        .client_session_token("seam_cst1_old")
        .build()
        .unwrap();
    let clone = client.clone();
    client.send(GetThing::new("t_1")).await.unwrap();
    client.update_client_session_token("seam_cst1_new").unwrap();
    // hyper hands the connection back to the pool just after the answer; on a
    // loaded machine a call made at once may find it not yet back and open another.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    clone.send(GetThing::new("t_1")).await.unwrap();
    let tokens: Vec<_> = server
        .received()
        .iter()
        .map(|request| {
            (
                request.header("authorization").unwrap().to_owned(),
                request.header("client-session-token").unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        tokens,
        [
            (
                "Bearer seam_cst1_old".to_owned(),
                "seam_cst1_old".to_owned()
            ),
            (
                "Bearer seam_cst1_new".to_owned(),
                "seam_cst1_new".to_owned()
            ),
        ]
    );
    assert_eq!(server.connections(), 1, "the connection pool was kept");

    // Not a client session token, or not a client that uses one: nothing changes.
    let error = client.update_client_session_token(API_KEY).unwrap_err();
    assert!(
        matches!(error, ConfigError::WrongTokenKind { .. }),
        "{error:?}"
    );
    assert!(!error.to_string().contains(SECRET));
    let keyed = builder(&server.url()).api_key(API_KEY).build().unwrap();
    let error = keyed
        .update_client_session_token("seam_cst1_new")
        .unwrap_err();
    assert!(matches!(error, ConfigError::Unused { .. }), "{error:?}");
    client.send(GetThing::new("t_1")).await.unwrap();
    assert_eq!(
        server.received()[2].header("client-session-token"),
        Some("seam_cst1_new")
    );
}

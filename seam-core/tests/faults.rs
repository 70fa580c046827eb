//! The client against a fault-injecting server on loopback: every failure is a
//! typed error, retries are exactly what the policy says (counted at the server),
//! no call outlives its timeout by much, and no answer is read without bound.

mod support;

use std::sync::Arc;
use std::time::{Duration, Instant};

use seamapi_core::{
    ApiError, Client, Error, RetryPolicy, TransportError, TransportStage, UnexpectedResponse,
};
use support::{
    Behaviour, CreateThing, DeleteThing, GetConnectedAccount, GetThing, ListConnectedAccounts,
    PokeThing, Reply, Server, THING, client, fast_retries, refused_url, thing,
};

const FIXTURE_GET: &str = include_str!("fixtures/200_connected_accounts_get.json");
const FIXTURE_LIST: &str = include_str!("fixtures/200_connected_accounts_list_limit1.json");
const FIXTURE_INVALID: &str = include_str!("fixtures/prod_400_invalid_input.json");
const FIXTURE_INVALID_MULTI: &str = include_str!("fixtures/prod_400_invalid_input_multi.json");
const FIXTURE_TOO_MANY_KEYS: &str = include_str!("fixtures/400_invalid_input_too_many_keys.json");
const FIXTURE_UNAUTHORIZED: &str = include_str!("fixtures/prod_401_unauthorized.json");
const FIXTURE_ACCESS_TOKEN: &str = include_str!("fixtures/401_access_token_used_for_api_key.json");
const FIXTURE_NOT_FOUND: &str = include_str!("fixtures/prod_404_connected_account_not_found.json");
const FIXTURE_OUTAGE_HEAD: &str = include_str!("fixtures/503_workspace_outage.headers.txt");

const ENVELOPE_503: &str =
    r#"{"error":{"type":"service_unavailable","message":"Try again"},"ok":false}"#;
const HTML: &str = "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>\
    <body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";

/// The answer Seam's fake server gives during a simulated outage, byte for byte
/// (the capture has bare line feeds; HTTP wants CR LF).
fn outage() -> Behaviour {
    let head = FIXTURE_OUTAGE_HEAD.trim_end().replace('\n', "\r\n") + "\r\n\r\n";
    Behaviour::Raw(head.into_bytes())
}

fn envelope(status: u16, error_type: &str) -> Behaviour {
    let body = format!(r#"{{"error":{{"type":"{error_type}","message":"m"}},"ok":false}}"#);
    Reply::json(status, body).request_id("req_env").into()
}

fn api(error: &Error) -> &ApiError {
    match error {
        Error::Api(api) => api,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

fn unexpected(error: &Error) -> &UnexpectedResponse {
    match error {
        Error::UnexpectedResponse(unexpected) => unexpected,
        other => panic!("expected Error::UnexpectedResponse, got {other:?}"),
    }
}

fn transport(error: &Error) -> &TransportError {
    match error {
        Error::Transport(transport) => transport,
        other => panic!("expected Error::Transport, got {other:?}"),
    }
}

/// Asserts that a call took at most its timeout plus 500 ms, and reports the figure.
fn within(label: &str, timeout: Duration, elapsed: Duration) {
    let overshoot = elapsed.saturating_sub(timeout);
    eprintln!("[timing] {label}: {elapsed:?} for a timeout of {timeout:?} (over by {overshoot:?})");
    assert!(
        elapsed < timeout + Duration::from_millis(500),
        "{label}: took {elapsed:?}, timeout {timeout:?}"
    );
}

async fn send<E: seamapi_core::Endpoint>(client: &Client, params: E) -> Result<(), Error> {
    client.send(params).await.map(|_| ())
}

// ---------------------------------------------------------------------------
// The retry policy, counted at the server.

#[derive(Debug, Clone, Copy)]
enum Kind {
    Api(u16),
    Unexpected(u16),
    Transport(TransportStage),
}

struct Row {
    name: &'static str,
    behaviour: Behaviour,
    /// Requests the server receives for an idempotent endpoint, and for one that is not.
    idempotent: usize,
    not_idempotent: usize,
    kind: Kind,
    /// Whether a void endpoint takes this answer as a success.
    void_ok: bool,
}

fn rows() -> Vec<Row> {
    let row = |name, behaviour: Behaviour, idempotent, not_idempotent, kind, void_ok| Row {
        name,
        behaviour,
        idempotent,
        not_idempotent,
        kind,
        void_ok,
    };
    vec![
        row(
            "429 without Retry-After",
            envelope(429, "rate_limited"),
            3,
            3,
            Kind::Api(429),
            false,
        ),
        row(
            "503 envelope",
            Reply::json(503, ENVELOPE_503).into(),
            3,
            3,
            Kind::Api(503),
            false,
        ),
        row(
            "503 empty (fake outage)",
            outage(),
            3,
            3,
            Kind::Unexpected(503),
            false,
        ),
        row(
            "502 envelope",
            envelope(502, "bad_gateway"),
            3,
            1,
            Kind::Api(502),
            false,
        ),
        row(
            "504 envelope",
            envelope(504, "gateway_timeout"),
            3,
            1,
            Kind::Api(504),
            false,
        ),
        row(
            "502 HTML page",
            Reply::html(502, HTML).into(),
            3,
            1,
            Kind::Unexpected(502),
            false,
        ),
        row(
            "504 empty",
            Reply::empty(504).into(),
            3,
            1,
            Kind::Unexpected(504),
            false,
        ),
        row(
            "500 envelope",
            envelope(500, "internal_server_error"),
            1,
            1,
            Kind::Api(500),
            false,
        ),
        row(
            "500 HTML",
            Reply::html(500, HTML).into(),
            1,
            1,
            Kind::Unexpected(500),
            false,
        ),
        row(
            "400 invalid input",
            Reply::json(400, FIXTURE_INVALID).into(),
            1,
            1,
            Kind::Api(400),
            false,
        ),
        row(
            "401 unauthorized",
            Reply::json(401, FIXTURE_UNAUTHORIZED).into(),
            1,
            1,
            Kind::Api(401),
            false,
        ),
        row(
            "404 not found",
            Reply::json(404, FIXTURE_NOT_FOUND).into(),
            1,
            1,
            Kind::Api(404),
            false,
        ),
        row(
            "409 unknown error type",
            envelope(409, "brand_new_error_type"),
            1,
            1,
            Kind::Api(409),
            false,
        ),
        row(
            "close without answer",
            Behaviour::CloseWithoutAnswer,
            3,
            1,
            Kind::Transport(TransportStage::Request),
            false,
        ),
        row(
            "another protocol",
            Behaviour::Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec()),
            3,
            1,
            Kind::Transport(TransportStage::UnreadableAnswer),
            false,
        ),
        row(
            "a header that is not one",
            Behaviour::Raw(b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n".to_vec()),
            3,
            1,
            Kind::Transport(TransportStage::UnreadableAnswer),
            false,
        ),
        row(
            "reset mid-body",
            Behaviour::ResetMidBody {
                status: 200,
                declared: THING.len(),
                sent: THING.as_bytes()[..20].to_vec(),
            },
            3,
            1,
            Kind::Transport(TransportStage::ResponseBody),
            false,
        ),
        row(
            "200 truncated JSON",
            Reply::json(200, &THING.as_bytes()[..30]).into(),
            1,
            1,
            Kind::Unexpected(200),
            false,
        ),
        row(
            "200 HTML",
            Reply::html(200, HTML).into(),
            1,
            1,
            Kind::Unexpected(200),
            false,
        ),
        row(
            "200 wrong shape",
            Reply::json(200, r#"{"thing":[1,2,3],"ok":true}"#).into(),
            1,
            1,
            Kind::Unexpected(200),
            true,
        ),
        row(
            "200 without the response key",
            Reply::json(200, r#"{"ok":true}"#).into(),
            1,
            1,
            Kind::Unexpected(200),
            true,
        ),
        row(
            "200 empty",
            Reply::empty(200).into(),
            1,
            1,
            Kind::Unexpected(200),
            false,
        ),
        row(
            "200 JSON then garbage",
            Reply::json(200, format!("{THING}<html>")).into(),
            1,
            1,
            Kind::Unexpected(200),
            false,
        ),
    ]
}

fn check_kind(label: &str, error: &Error, kind: Kind, count: usize) {
    match kind {
        Kind::Api(status) => {
            let api = api(error);
            assert_eq!(api.status, status, "{label}");
            assert_eq!(error.status(), Some(status), "{label}");
        }
        Kind::Unexpected(status) => {
            let unexpected = unexpected(error);
            assert_eq!(unexpected.status, status, "{label}");
            assert!(!unexpected.reason.is_empty(), "{label}");
        }
        Kind::Transport(stage) => {
            let transport = transport(error);
            assert_eq!(transport.stage, stage, "{label}: {transport}");
            assert_eq!(transport.attempts as usize, count, "{label}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_is_a_typed_error_retried_as_the_policy_says() {
    // One server and one client for all pairs, which run side by side: the request
    // names its row (as the thing id, or the name for `create`).
    let rows = Arc::new(rows());
    let script_rows = rows.clone();
    let server = Arc::new(
        Server::start(move |request, _| {
            let row: usize = marker(request).parse().unwrap();
            script_rows[row].behaviour.clone()
        })
        .await,
    );
    let client = client(&server.url(), Duration::from_secs(5));
    let mut running = tokio::task::JoinSet::new();
    for row in 0..rows.len() {
        for endpoint in ["get", "create", "delete (void)", "poke (void)"] {
            let (rows, server, client) = (rows.clone(), server.clone(), client.clone());
            running.spawn(
                async move { matrix_pair(&rows[row], row, endpoint, &server, &client).await },
            );
        }
    }
    let mut checked = 0;
    while let Some(done) = running.join_next().await {
        done.unwrap();
        checked += 1;
    }
    eprintln!("[count] retry matrix: {checked} scenario/endpoint pairs");
}

/// What a test request names itself by: its `thing_id`, or its `name`.
fn marker(request: &support::Received) -> String {
    let body = request.json();
    let value = body.get("thing_id").or_else(|| body.get("name"));
    value
        .and_then(|value| value.as_str())
        .unwrap_or_default()
        .to_owned()
}

async fn matrix_pair(
    row: &Row,
    index: usize,
    endpoint: &'static str,
    server: &Server,
    client: &Client,
) {
    let timeout = Duration::from_secs(5);
    let (idempotent, void) = match endpoint {
        "get" => (true, false),
        "create" => (false, false),
        "delete (void)" => (true, true),
        _ => (false, true),
    };
    let label = format!("{} / {endpoint}", row.name);
    let id = index.to_string();
    let started = Instant::now();
    let (result, path) = match endpoint {
        "get" => (send(client, GetThing::new(&id)).await, "/things/get"),
        "create" => (send(client, CreateThing::new(&id)).await, "/things/create"),
        "delete (void)" => {
            let params = DeleteThing {
                thing_id: id.clone(),
            };
            (send(client, params).await, "/things/delete")
        }
        _ => {
            let params = PokeThing {
                thing_id: id.clone(),
            };
            (send(client, params).await, "/things/poke")
        }
    };
    within(&label, timeout, started.elapsed());
    let expected = if idempotent {
        row.idempotent
    } else {
        row.not_idempotent
    };
    let received: Vec<_> = server
        .received()
        .into_iter()
        .filter(|request| request.path == path && marker(request) == id)
        .collect();
    assert_eq!(received.len(), expected, "{label}: requests received");
    // Every attempt carried the same body.
    assert!(
        received.windows(2).all(|pair| pair[0].body == pair[1].body),
        "{label}"
    );
    if void && row.void_ok {
        assert!(result.is_ok(), "{label}: {result:?}");
    } else {
        let error = result.expect_err(&label);
        check_kind(&label, &error, row.kind, expected);
        // Display never panics, and says something.
        assert!(!error.to_string().is_empty());
    }
}

/// A name, what the server does before it answers well, whether the endpoint is
/// idempotent, the outcome (`None`: success), and the requests the server receives.
type TransientCase = (&'static str, Vec<Behaviour>, bool, Option<Kind>, usize);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn transient_failures_then_success() {
    let stall = Behaviour::StallAfterHeaders {
        status: 200,
        content_length: THING.len(),
    };
    let reset = Behaviour::ResetMidBody {
        status: 200,
        declared: 100,
        sent: b"{\"thing\"".to_vec(),
    };
    let cases: Vec<TransientCase> = vec![
        (
            "503, 503, ok",
            vec![envelope(503, "x"), outage()],
            true,
            None,
            3,
        ),
        (
            "503, 503, ok (create)",
            vec![outage(), outage()],
            false,
            None,
            3,
        ),
        ("429, ok (create)", vec![envelope(429, "x")], false, None, 2),
        (
            "429, 503, ok",
            vec![envelope(429, "x"), envelope(503, "x")],
            true,
            None,
            3,
        ),
        ("502, ok", vec![envelope(502, "x")], true, None, 2),
        (
            "504, ok",
            vec![Reply::html(504, HTML).into()],
            true,
            None,
            2,
        ),
        (
            "502, 504, ok",
            vec![envelope(502, "x"), envelope(504, "x")],
            true,
            None,
            3,
        ),
        (
            "502 then nothing (create)",
            vec![envelope(502, "x")],
            false,
            Some(Kind::Api(502)),
            1,
        ),
        (
            "504 then nothing (create)",
            vec![envelope(504, "x")],
            false,
            Some(Kind::Api(504)),
            1,
        ),
        (
            "500, no retry",
            vec![envelope(500, "x")],
            true,
            Some(Kind::Api(500)),
            1,
        ),
        (
            "lost answer, ok",
            vec![Behaviour::CloseWithoutAnswer],
            true,
            None,
            2,
        ),
        (
            "lost answer (create): never sent twice",
            vec![Behaviour::CloseWithoutAnswer],
            false,
            Some(Kind::Transport(TransportStage::Request)),
            1,
        ),
        ("reset mid-body, ok", vec![reset.clone()], true, None, 2),
        (
            "reset mid-body (create): never sent twice",
            vec![reset],
            false,
            Some(Kind::Transport(TransportStage::ResponseBody)),
            1,
        ),
        (
            "three 503s: out of attempts",
            vec![outage(), outage(), outage()],
            true,
            Some(Kind::Unexpected(503)),
            3,
        ),
        (
            "lost, lost, lost: out of attempts",
            vec![
                Behaviour::CloseWithoutAnswer,
                Behaviour::CloseWithoutAnswer,
                Behaviour::CloseWithoutAnswer,
            ],
            true,
            Some(Kind::Transport(TransportStage::Request)),
            3,
        ),
        // The stall is never reached: the first answer is final.
        (
            "400 then stall",
            vec![Reply::json(400, FIXTURE_INVALID).into(), stall],
            true,
            Some(Kind::Api(400)),
            1,
        ),
    ];
    let timeout = Duration::from_secs(5);
    let count = cases.len();
    let mut running = tokio::task::JoinSet::new();
    for (name, script, idempotent, expected, requests) in cases {
        running.spawn(async move {
            let server = Server::scripted(script, Reply::json(200, THING).into()).await;
            let client = client(&server.url(), timeout);
            let started = Instant::now();
            let result = if idempotent {
                client.send(GetThing::new("t_1")).await
            } else {
                client.send(CreateThing::new("door")).await
            };
            within(name, timeout, started.elapsed());
            assert_eq!(server.count(), requests, "{name}: requests received");
            match expected {
                None => assert_eq!(result.expect(name), thing(), "{name}"),
                Some(kind) => check_kind(name, &result.expect_err(name), kind, requests),
            }
        });
    }
    while let Some(done) = running.join_next().await {
        done.unwrap();
    }
    eprintln!("[count] transient-then-success: {count} scenarios");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_connection_is_retried_even_when_not_idempotent() {
    let url = refused_url();
    let timeout = Duration::from_secs(5);
    let client = client(&url, timeout);
    for create in [false, true] {
        let started = Instant::now();
        let error = if create {
            send(&client, CreateThing::new("door")).await
        } else {
            send(&client, GetThing::new("t_1")).await
        }
        .unwrap_err();
        within("refused", timeout, started.elapsed());
        let transport = transport(&error);
        assert_eq!(transport.stage, TransportStage::Connect, "{transport}");
        assert_eq!(transport.attempts, 3);
        assert!(error.to_string().contains("could not connect"), "{error}");
    }
    let once = Client::builder()
        .api_key("seam_apikey1_token")
        .endpoint(&*url)
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let error = send(&once, GetThing::new("t_1")).await.unwrap_err();
    assert_eq!(transport(&error).attempts, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_closed_at_once_is_retried_only_when_idempotent() {
    let timeout = Duration::from_secs(5);
    for (create, connections) in [(false, 3), (true, 1)] {
        let server = Server::hanging_up().await;
        let client = client(&server.url(), timeout);
        let started = Instant::now();
        let error = if create {
            send(&client, CreateThing::new("door")).await
        } else {
            send(&client, GetThing::new("t_1")).await
        }
        .unwrap_err();
        within("closed on accept", timeout, started.elapsed());
        let transport = transport(&error);
        // The connection was made: the request may have gone out.
        assert_eq!(transport.stage, TransportStage::Request, "{transport}");
        assert_eq!(transport.attempts as usize, connections);
        assert_eq!(server.connections(), connections, "create: {create}");
        assert_eq!(server.count(), 0);
    }
}

// ---------------------------------------------------------------------------
// Retry-After.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_is_honoured() {
    let timeout = Duration::from_secs(5);
    let mut running = tokio::task::JoinSet::new();
    for (status, create) in [(429, false), (503, true)] {
        running.spawn(retry_after_once(status, create, timeout));
    }
    while let Some(done) = running.join_next().await {
        done.unwrap();
    }
}

async fn retry_after_once(status: u16, create: bool, timeout: Duration) {
    {
        let first = Reply::json(status, ENVELOPE_503).header("retry-after", "1");
        let server = Server::scripted([first.into()], Reply::json(200, THING).into()).await;
        let client = client(&server.url(), timeout);
        let started = Instant::now();
        let result = if create {
            client.send(CreateThing::new("door")).await
        } else {
            client.send(GetThing::new("t_1")).await
        };
        let elapsed = started.elapsed();
        eprintln!("[timing] {status} with Retry-After: 1, then 200: {elapsed:?}");
        assert_eq!(result.unwrap(), thing());
        assert_eq!(server.count(), 2);
        assert!(elapsed >= Duration::from_millis(950), "{elapsed:?}");
        assert!(elapsed < Duration::from_millis(2000), "{elapsed:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_retry_after_the_backoff_is_short() {
    let timeout = Duration::from_secs(5);
    let server = Server::scripted(
        [envelope(429, "rate_limited"), envelope(429, "rate_limited")],
        Reply::json(200, THING).into(),
    )
    .await;
    let client = client(&server.url(), timeout);
    let started = Instant::now();
    assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
    let elapsed = started.elapsed();
    eprintln!("[timing] 429, 429, 200 with a 10 ms initial backoff: {elapsed:?}");
    assert_eq!(server.count(), 3);
    assert!(elapsed < Duration::from_millis(500), "{elapsed:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_after_past_the_deadline_gives_up_at_once() {
    let timeout = Duration::from_millis(300);
    let server = Server::always(
        Reply::json(
            429,
            r#"{"error":{"type":"rate_limited","message":"slow down"},"ok":false}"#,
        )
        .header("retry-after", "5")
        .request_id("req_429"),
    )
    .await;
    let client = client(&server.url(), timeout);
    let started = Instant::now();
    let error = send(&client, GetThing::new("t_1")).await.unwrap_err();
    let elapsed = started.elapsed();
    eprintln!("[timing] 429 Retry-After: 5 under a 300 ms timeout: {elapsed:?}");
    // An API error, not a timeout: the client did not sleep into its deadline.
    within("429 Retry-After: 5", timeout, elapsed);
    assert_eq!(server.count(), 1);
    let api = api(&error);
    assert_eq!((api.status, api.error_type.as_str()), (429, "rate_limited"));
    assert_eq!(error.request_id(), Some("req_429"));
    assert!(
        error.to_string().contains("slow down and try again later"),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retry_after_as_a_date_or_garbage() {
    let timeout = Duration::from_secs(5);
    for value in [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "soon",
        "-1",
        "99999999999999999999999",
    ] {
        let first = Reply::json(503, ENVELOPE_503).header("retry-after", value);
        let server = Server::scripted([first.into()], Reply::json(200, THING).into()).await;
        let client = client(&server.url(), timeout);
        let started = Instant::now();
        assert_eq!(
            client.send(GetThing::new("t_1")).await.unwrap(),
            thing(),
            "{value}"
        );
        assert_eq!(server.count(), 2, "{value}");
        assert!(
            started.elapsed() < Duration::from_millis(500),
            "{value}: {:?}",
            started.elapsed()
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_huge_retry_after_with_an_unbounded_backoff_does_not_panic() {
    let timeout = Duration::from_millis(300);
    let server =
        Server::always(Reply::json(503, ENVELOPE_503).header("retry-after", &u64::MAX.to_string()))
            .await;
    let client = Client::builder()
        .api_key("seam_apikey1_token")
        .endpoint(server.url())
        .timeout(timeout)
        .retry(fast_retries().max_backoff(Duration::MAX))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = send(&client, GetThing::new("t_1")).await.unwrap_err();
    within("Retry-After: u64::MAX", timeout, started.elapsed());
    assert_eq!(api(&error).status, 503);
    assert_eq!(server.count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_retry_after_date_out_of_range_does_not_panic() {
    let timeout = Duration::from_secs(5);
    for value in [
        "Sun, 06 Nov 99999999999999 08:49:37 GMT",
        "Sun, 06 Nov 1994 99999999999999:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:99999999999999 GMT",
    ] {
        let server =
            Server::always(Reply::json(503, ENVELOPE_503).header("retry-after", value)).await;
        let client = client(&server.url(), timeout);
        let started = Instant::now();
        let error = send(&client, CreateThing::new("door")).await.unwrap_err();
        within(value, timeout, started.elapsed());
        // Not a wait of centuries: the date is ignored and the backoff retries at once.
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "{value}: {:?}",
            started.elapsed()
        );
        assert!(error.is_unavailable(), "{value}: {error:?}");
        assert_eq!(server.count(), 3, "{value}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unbounded_timeout_does_not_panic() {
    let server = Server::always(Reply::json(200, THING)).await;
    let client = Client::builder()
        .api_key("seam_apikey1_token")
        .endpoint(server.url())
        .timeout(Duration::MAX)
        .build()
        .unwrap();
    assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
    let request = client.request(GetThing::new("t_1")).timeout(Duration::MAX);
    assert_eq!(request.send().await.unwrap(), thing());
}

// ---------------------------------------------------------------------------
// What the errors keep.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seam_error_envelopes_become_api_errors() {
    let server = Server::start(|request, _| {
        let body = match request.json()["thing_id"].as_str().unwrap() {
            "invalid" => FIXTURE_INVALID_MULTI,
            "with_stack" => FIXTURE_TOO_MANY_KEYS,
            "unauthorized" => FIXTURE_UNAUTHORIZED,
            "access_token" => FIXTURE_ACCESS_TOKEN,
            "missing" => FIXTURE_NOT_FOUND,
            _ => r#"{"error":{"type":"brand_new_error_type","message":"Something new","data":{"n":1}},"ok":false}"#,
        };
        let status = match request.json()["thing_id"].as_str().unwrap() {
            "invalid" | "with_stack" => 400,
            "unauthorized" | "access_token" => 401,
            "missing" => 404,
            _ => 409,
        };
        Reply::json(status, body).request_id("request42").into()
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    let get = |id: &str| client.send(GetThing::new(id));

    let error = get("invalid").await.unwrap_err();
    assert!(error.is_invalid_input());
    assert_eq!(error.status(), Some(400));
    assert_eq!(error.request_id(), Some("request42"));
    let invalid = api(&error);
    assert_eq!(
        invalid.validation_errors["connected_account_id"],
        ["Expected string, received number"]
    );
    assert_eq!(
        invalid.validation_errors["automatically_manage_new_devices"],
        ["Expected boolean, received string"]
    );
    assert_eq!(invalid.validation_errors["custom_metadata.o"].len(), 4);
    assert!(!invalid.validation_errors.contains_key(""));
    let text = error.to_string();
    assert!(text.contains("HTTP 400 `invalid_input`"), "{text}");
    assert!(text.contains("(request id request42)"), "{text}");

    // The fake's development bodies carry a `stack`: ignored.
    let error = get("with_stack").await.unwrap_err();
    assert_eq!(
        api(&error).validation_errors["custom_metadata"],
        ["Custom metadata is limited to a maximum of 50 keys"]
    );

    for id in ["unauthorized", "access_token"] {
        let error = get(id).await.unwrap_err();
        assert!(error.is_unauthorized(), "{id}");
        assert!(
            error.to_string().contains("check the credential"),
            "{error}"
        );
    }
    assert!(
        get("access_token")
            .await
            .unwrap_err()
            .is_api_error("access_token_used_for_api_key")
    );

    let error = get("missing").await.unwrap_err();
    assert!(error.is_not_found());
    assert_eq!(
        api(&error).data,
        Some(serde_json::json!({"connected_account_id": "does_not_exist"}))
    );

    let error = get("new").await.unwrap_err();
    assert!(error.is_api_error("brand_new_error_type"));
    assert!(!error.is_invalid_input() && !error.is_not_found() && !error.is_unauthorized());
    assert_eq!(api(&error).message, "Something new");
    assert_eq!(api(&error).data, Some(serde_json::json!({"n": 1})));
    assert_eq!(server.count(), 7, "no error here is retried");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unexpected_answers_keep_status_request_id_and_an_excerpt() {
    let long_html = format!("<!DOCTYPE html>{}", "<p>é</p>".repeat(200));
    let server =
        Server::start(
            move |request, _| match request.json()["thing_id"].as_str().unwrap() {
                "html" => Reply::html(200, HTML).request_id("req_html").into(),
                "long" => Reply::html(500, long_html.clone()).into(),
                "truncated" => Reply::json(200, &THING.as_bytes()[..25])
                    .request_id("req_t")
                    .into(),
                "shape" => Reply::json(200, r#"{"thing":{"thing_id":7},"ok":true}"#).into(),
                "nokey" => Reply::json(200, r#"{"ok":true,"other":{}}"#).into(),
                "binary" => Reply::json(200, vec![0xff, 0xfe, 0x00, 0x80, b'{']).into(),
                _ => Reply::empty(503).request_id("request113").into(),
            },
        )
        .await;
    let client = client(&server.url(), Duration::from_secs(5));
    let get = |id: &str| client.send(GetThing::new(id));

    let error = get("html").await.unwrap_err();
    let html = unexpected(&error);
    assert_eq!(
        (html.status, html.request_id.as_deref()),
        (200, Some("req_html"))
    );
    assert_eq!(html.path, "/things/get");
    assert!(html.excerpt.starts_with("<!DOCTYPE html>"), "{html:?}");
    assert!(
        error
            .to_string()
            .contains("the server answered HTTP 200 without a Seam response"),
        "{error}"
    );

    let error = get("long").await.unwrap_err();
    let long = unexpected(&error);
    assert_eq!(long.status, 500);
    assert!(long.excerpt.ends_with('…'), "{:?}", long.excerpt);
    assert!(
        long.excerpt.len() <= 200 + '…'.len_utf8(),
        "{}",
        long.excerpt.len()
    );

    let error = get("truncated").await.unwrap_err();
    let truncated = unexpected(&error);
    assert_eq!(truncated.excerpt, &THING[..25]);
    assert!(truncated.reason.contains("EOF"), "{}", truncated.reason);
    assert_eq!(error.request_id(), Some("req_t"));

    let error = get("shape").await.unwrap_err();
    assert!(
        unexpected(&error).reason.contains("invalid type"),
        "{error}"
    );

    let error = get("nokey").await.unwrap_err();
    assert!(
        unexpected(&error).reason.contains("missing field `thing`"),
        "{error}"
    );

    let error = get("binary").await.unwrap_err();
    assert!(unexpected(&error).excerpt.contains('\u{fffd}'), "{error:?}");

    let error = get("outage").await.unwrap_err();
    assert!(error.is_unavailable());
    let outage = unexpected(&error);
    assert_eq!(outage.reason, "an empty body");
    assert_eq!(outage.request_id.as_deref(), Some("request113"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_answer_that_is_not_http_says_so() {
    let server = Server::always(Behaviour::Raw(b"SSH-2.0-OpenSSH_9.6\r\n\r\n".to_vec())).await;
    let client = client(&server.url(), Duration::from_secs(5));
    let error = send(&client, CreateThing::new("door")).await.unwrap_err();
    let transport = transport(&error);
    assert_eq!(transport.stage, TransportStage::UnreadableAnswer);
    let text = error.to_string();
    assert!(
        text.contains("the server answered with something that is not HTTP"),
        "{text}"
    );
    assert!(!text.contains("before Seam answered"), "{text}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_proxys_own_answer_does_not_read_as_seams() {
    let server = Server::start(|request, _| {
        match marker(request).as_str() {
            "proxy_html" => Reply::html(502, HTML),
            "proxy_empty" => Reply::empty(504),
            "proxy_envelope" => Reply::json(503, ENVELOPE_503),
            "seam_envelope" => Reply::json(503, ENVELOPE_503).request_id("req_1"),
            "seam_empty" => Reply::empty(503).request_id("req_2"),
            other => panic!("{other}"),
        }
        .into()
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    let text = |id: &str| {
        let request = client.send(CreateThing::new(id));
        async move { request.await.unwrap_err().to_string() }
    };
    for (id, status) in [("proxy_html", 502), ("proxy_empty", 504)] {
        let text = text(id).await;
        let says = format!("the server answered HTTP {status} without a Seam response");
        assert!(text.contains(&says), "{text}");
        assert!(text.contains("proxy or load balancer"), "{text}");
        assert!(!text.contains("Seam answered"), "{text}");
    }
    let proxy_envelope = text("proxy_envelope").await;
    assert!(
        proxy_envelope.contains("the server answered HTTP 503 `service_unavailable`"),
        "{proxy_envelope}"
    );
    assert!(
        proxy_envelope.contains("proxy or load balancer"),
        "{proxy_envelope}"
    );
    let seam_envelope = text("seam_envelope").await;
    assert!(
        seam_envelope.contains("Seam answered HTTP 503 `service_unavailable`"),
        "{seam_envelope}"
    );
    let seam_empty = text("seam_empty").await;
    assert!(
        seam_empty.contains("the server answered HTTP 503 without a Seam response"),
        "{seam_empty}"
    );
    assert!(!seam_empty.contains("proxy"), "{seam_empty}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_validation_error_sends_nothing() {
    let server = Server::always(Reply::json(200, THING)).await;
    let client = client(&server.url(), Duration::from_secs(5));
    let error = client.send(GetThing::new("")).await.unwrap_err();
    assert!(matches!(error, Error::Validation(_)), "{error:?}");
    assert!(error.is_invalid_input());
    assert_eq!(server.count(), 0);
}

// ---------------------------------------------------------------------------
// Timeouts.

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn no_call_outlives_its_timeout_and_others_go_on() {
    let timeout = Duration::from_millis(300);
    let slow_json = THING.as_bytes().to_vec();
    let scenarios: Vec<(&str, Vec<Behaviour>)> = vec![
        (
            "headers then stall",
            vec![Behaviour::StallAfterHeaders {
                status: 200,
                content_length: 100,
            }],
        ),
        ("stall before headers", vec![Behaviour::StallBeforeHeaders]),
        (
            "trickle",
            vec![Behaviour::Trickle {
                status: 200,
                body: slow_json,
                piece: 1,
                every: Duration::from_millis(40),
            }],
        ),
        (
            "slow endless chunks",
            vec![Behaviour::Chunked {
                status: 200,
                chunk: b" ".to_vec(),
                chunks: None,
                every: Duration::from_millis(20),
            }],
        ),
        (
            "503 then stall",
            vec![outage(), Behaviour::StallBeforeHeaders],
        ),
        (
            "lost answer then stall",
            vec![Behaviour::CloseWithoutAnswer, Behaviour::StallBeforeHeaders],
        ),
        (
            "error status then stalled body",
            vec![Behaviour::StallAfterHeaders {
                status: 502,
                content_length: 10,
            }],
        ),
    ];
    let count = scenarios.len();
    // The scenarios run side by side, each with its own server and client.
    let mut running = tokio::task::JoinSet::new();
    for (name, faults) in scenarios {
        running.spawn(timeout_scenario(name, faults, timeout));
    }
    while let Some(done) = running.join_next().await {
        done.unwrap();
    }
    eprintln!("[count] timeout scenarios: {count}");
}

/// One call to "slow" meets `faults` in turn (then a stall), while ten quick calls
/// on the same client go through.
async fn timeout_scenario(name: &'static str, faults: Vec<Behaviour>, timeout: Duration) {
    let faults = std::sync::Mutex::new(std::collections::VecDeque::from(faults));
    let server = Server::start(move |request, _| {
        if request.json()["thing_id"] == "slow" {
            faults
                .lock()
                .unwrap()
                .pop_front()
                .unwrap_or(Behaviour::StallBeforeHeaders)
        } else {
            Reply::json(200, THING).into()
        }
    })
    .await;
    let client = client(&server.url(), timeout);
    let scenario_started = Instant::now();
    let slow = {
        let client = client.clone();
        tokio::spawn(async move {
            let started = Instant::now();
            let result = client.send(GetThing::new("slow")).await;
            (result, started.elapsed())
        })
    };
    // Meanwhile, the same client keeps working: the first quick call is done while
    // the slow one is still waiting. (The quick calls get a timeout of their own, long
    // enough for a loaded machine.)
    tokio::time::sleep(Duration::from_millis(20)).await;
    let mut first_done = None;
    for _ in 0..10 {
        let quick = client
            .request(GetThing::new("t_1"))
            .timeout(Duration::from_secs(5));
        assert_eq!(quick.send().await.unwrap(), thing(), "{name}");
        first_done.get_or_insert_with(|| (Instant::now(), slow.is_finished()));
    }
    let (first_done, slow_was_finished) = first_done.unwrap();
    assert!(
        !slow_was_finished,
        "{name}: the first quick call waited for the slow one"
    );
    let (result, elapsed) = slow.await.unwrap();
    eprintln!(
        "[timing] {name}: the first quick call was done {:?} after the slow one began",
        first_done - scenario_started
    );
    within(name, timeout, elapsed);
    match result.unwrap_err() {
        Error::Timeout {
            path,
            timeout: reported,
            attempts,
        } => {
            assert_eq!(path, "/things/get");
            assert_eq!(reported, timeout);
            // Each attempt reached the server, and the last one is the one that hung.
            let slow_requests = server
                .received()
                .iter()
                .filter(|request| request.json()["thing_id"] == "slow")
                .count();
            assert_eq!(attempts as usize, slow_requests, "{name}");
            assert!((1..=3).contains(&attempts), "{name}: {attempts}");
        }
        other => panic!("{name}: expected a timeout, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_request_timeout_overrides_the_clients() {
    let server = Server::always(Behaviour::StallBeforeHeaders).await;
    let client = client(&server.url(), Duration::from_secs(30));
    let timeout = Duration::from_millis(200);
    let started = Instant::now();
    let error = client
        .request(GetThing::new("t_1"))
        .timeout(timeout)
        .send()
        .await
        .unwrap_err();
    within("per-request timeout", timeout, started.elapsed());
    assert!(matches!(error, Error::Timeout { timeout: t, attempts: 1, .. } if t == timeout));
    assert!(
        error.to_string().contains("no answer within the timeout"),
        "{error}"
    );
    // `.await` directly goes the same way.
    let started = Instant::now();
    let error = client
        .request(GetThing::new("t_1"))
        .timeout(timeout)
        .await
        .unwrap_err();
    within("per-request timeout, awaited", timeout, started.elapsed());
    assert!(matches!(error, Error::Timeout { .. }));
}

// ---------------------------------------------------------------------------
// Bodies over the limit.

fn padded_thing(total: usize) -> String {
    let head = r#"{"thing":{"thing_id":"t_1","name":"Front door"},"ok":true,"pad":""#;
    let tail = "\"}";
    format!(
        "{head}{}{tail}",
        "x".repeat(total - head.len() - tail.len())
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn enormous_bodies_are_refused_without_reading_them() {
    const LIMIT: usize = 64 * 1024;
    let timeout = Duration::from_secs(10);
    let with_limit = |url: &str| {
        Client::builder()
            .api_key("seam_apikey1_token")
            .endpoint(url)
            .timeout(timeout)
            .retry(fast_retries())
            .max_response_bytes(LIMIT)
            .build()
            .unwrap()
    };

    // A declared length over the limit: refused from the headers alone, though the
    // body never comes.
    for status in [200, 503] {
        let server = Server::always(Behaviour::StallAfterHeaders {
            status,
            content_length: 10 * 1024 * 1024,
        })
        .await;
        let started = Instant::now();
        let error = send(&with_limit(&server.url()), GetThing::new("t_1"))
            .await
            .unwrap_err();
        let elapsed = started.elapsed();
        eprintln!("[timing] {status} declaring 10 MiB refused in {elapsed:?}");
        assert!(elapsed < Duration::from_millis(500), "{elapsed:?}");
        let refused = unexpected(&error);
        assert_eq!(refused.status, status);
        assert!(
            refused
                .reason
                .contains("larger than the limit of 65536 bytes"),
            "{error}"
        );
        assert_eq!(refused.excerpt, "");
        assert_eq!(server.count(), 1, "not retried");
    }

    // An endless chunked body: refused once past the limit, not read on.
    let server = Server::always(Behaviour::Chunked {
        status: 200,
        chunk: vec![b'x'; 16 * 1024],
        chunks: None,
        every: Duration::ZERO,
    })
    .await;
    let started = Instant::now();
    let error = send(&with_limit(&server.url()), GetThing::new("t_1"))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    let refused = unexpected(&error);
    assert!(refused.reason.contains("larger than the limit"), "{error}");
    assert!(refused.excerpt.starts_with("xxxx") && refused.excerpt.ends_with('…'));
    assert!(refused.excerpt.len() <= 200 + '…'.len_utf8());
    assert_eq!(server.count(), 1, "not retried");
    tokio::time::sleep(Duration::from_millis(50)).await;
    let sent = server.bytes_sent();
    eprintln!(
        "[size] endless chunked body refused in {elapsed:?}; the server got {sent} bytes out \
         (limit {LIMIT}) before the client closed"
    );
    assert!(elapsed < Duration::from_secs(2), "{elapsed:?}");
    assert!(sent < 32 * 1024 * 1024, "{sent}");

    // At the limit exactly: read; one byte over: refused. Sent in four pieces, so
    // that the client reads it in several chunks (once, chunks past the second
    // counted the first one twice, and refused bodies under the limit).
    let server = Server::start(|request, _| {
        let size = if request.json()["thing_id"] == "at" {
            LIMIT
        } else {
            LIMIT + 1
        };
        Behaviour::Trickle {
            status: 200,
            body: padded_thing(size).into_bytes(),
            piece: LIMIT / 4,
            every: Duration::from_millis(5),
        }
    })
    .await;
    let limited = with_limit(&server.url());
    assert_eq!(limited.send(GetThing::new("at")).await.unwrap(), thing());
    let error = limited.send(GetThing::new("over")).await.unwrap_err();
    assert!(
        unexpected(&error).reason.contains("larger than the limit"),
        "{error}"
    );
    // Content-Length one over: refused from the headers.
    let server = Server::always(Reply::json(200, padded_thing(LIMIT + 1))).await;
    let error = send(&with_limit(&server.url()), GetThing::new("t_1"))
        .await
        .unwrap_err();
    assert_eq!(unexpected(&error).excerpt, "", "{error}");
    // The same in chunks: four of a quarter of the limit are read (and are not JSON);
    // four of one byte more are refused.
    for (size, refused) in [(LIMIT / 4, false), (LIMIT / 4 + 1, true)] {
        let server = Server::always(Behaviour::Chunked {
            status: 200,
            chunk: vec![b'x'; size],
            chunks: Some(4),
            every: Duration::ZERO,
        })
        .await;
        let error = send(&with_limit(&server.url()), GetThing::new("t_1"))
            .await
            .unwrap_err();
        let reason = &unexpected(&error).reason;
        assert_eq!(
            reason.contains("larger than the limit"),
            refused,
            "{size}: {reason}"
        );
    }

    // The default limit (16 MiB) applies too.
    let server = Server::always(Behaviour::StallAfterHeaders {
        status: 200,
        content_length: seamapi_core::DEFAULT_MAX_RESPONSE_BYTES + 1,
    })
    .await;
    let default_limit = client(&server.url(), timeout);
    let started = Instant::now();
    let error = send(&default_limit, GetThing::new("t_1"))
        .await
        .unwrap_err();
    assert!(started.elapsed() < Duration::from_millis(500));
    assert!(unexpected(&error).reason.contains("16777216"), "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chunked_bodies_over_many_chunks_within_the_limit_are_read() {
    let body = padded_thing(50_000).into_bytes();
    let server = Server::always(Behaviour::Chunked {
        status: 200,
        chunk: body,
        chunks: Some(1),
        every: Duration::ZERO,
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    assert_eq!(client.send(GetThing::new("t_1")).await.unwrap(), thing());
}

// ---------------------------------------------------------------------------
// Real bodies from Seam's fake server, through hand-written endpoints.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fixtures_from_the_fake_server_decode() {
    let second_page = r#"{"connected_accounts":[],"pagination":{"has_next_page":false,"next_page_cursor":null,"next_page_url":null},"ok":true}"#;
    let server = Server::start(move |request, _| match request.path.as_str() {
        "/connected_accounts/get" => Reply::json(200, FIXTURE_GET).into(),
        _ if request.json().get("page_cursor").is_some() => Reply::json(200, second_page).into(),
        _ => Reply::json(200, FIXTURE_LIST).into(),
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    let account = client
        .send(GetConnectedAccount {
            connected_account_id: "john_connected_account_id".into(),
        })
        .await
        .unwrap();
    assert_eq!(account.connected_account_id, "john_connected_account_id");
    assert_eq!(account.provider.as_deref(), Some("august"));
    assert_eq!(account.custom_metadata.len(), 1);

    use futures_util::TryStreamExt;
    let params = ListConnectedAccounts {
        limit: Some(1),
        page_cursor: None,
    };
    let pages: Vec<_> = client.request(params).pages().try_collect().await.unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].items.len(), 1);
    let requests = server.received();
    let cursor = requests[2].json()["page_cursor"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(cursor.starts_with("WyIxZTE2"), "{cursor}");
    assert_eq!(requests[2].json()["limit"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_repeats_its_cursor_does_not_loop_forever() {
    let server = Server::always(Reply::json(200, FIXTURE_LIST)).await;
    let client = client(&server.url(), Duration::from_secs(5));
    use futures_util::StreamExt;
    let results: Vec<_> = client
        .request(ListConnectedAccounts::default())
        .pages()
        .take(10)
        .collect()
        .await;
    assert_eq!(results.len(), 3, "{results:?}");
    assert!(results[0].is_ok() && results[1].is_ok());
    assert!(
        unexpected(results[2].as_ref().unwrap_err())
            .reason
            .contains("again")
    );
    assert_eq!(server.count(), 2);
}

/// A page of no accounts whose next cursor is `next`.
fn page_pointing_to(next: &str) -> String {
    format!(
        r#"{{"connected_accounts":[],"pagination":{{"has_next_page":true,"next_page_cursor":"{next}","next_page_url":null}},"ok":true}}"#
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_whose_cursors_cycle_does_not_loop_forever() {
    // First page → A → B → C → A → …: no cursor repeats on the very next page.
    let server = Server::start(|request, _| {
        let next = match request.json()["page_cursor"].as_str() {
            None => "A",
            Some("A") => "B",
            Some("B") => "C",
            Some(_) => "A",
        };
        Reply::json(200, page_pointing_to(next)).into()
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));
    use futures_util::StreamExt;
    let results: Vec<_> = client
        .request(ListConnectedAccounts::default())
        .pages()
        .take(100)
        .collect()
        .await;
    assert_eq!(results.len(), 5, "{results:?}");
    assert!(results[..4].iter().all(Result::is_ok));
    let error = unexpected(results[4].as_ref().unwrap_err());
    assert!(error.reason.contains("\"A\" again"), "{error:?}");
    assert_eq!(server.count(), 4);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_a_json_answer_is_read_as_seams_error() {
    let envelope = r#"{"error":{"type":"bad_gateway","message":"upstream down"},"ok":false}"#;
    for (content_type, is_seams) in [
        ("application/json; charset=utf-8", true),
        ("Application/JSON", true),
        ("application/problem+json", true),
        ("text/html", false),
        ("text/plain; charset=utf-8", false),
        ("", false),
    ] {
        let mut reply = Reply::empty(502).body(envelope);
        if !content_type.is_empty() {
            reply = reply.header("content-type", content_type);
        }
        let server = Server::always(reply).await;
        let client = client(&server.url(), Duration::from_secs(5));
        let error = client
            .request(CreateThing::new("x"))
            .send()
            .await
            .unwrap_err();
        assert_eq!(error.status(), Some(502));
        assert_eq!(
            error.as_api().is_some(),
            is_seams,
            "{content_type}: {error:?}"
        );
        if !is_seams {
            assert!(!error.is_api_error("bad_gateway"), "{error:?}");
            assert!(matches!(error, Error::UnexpectedResponse(_)), "{error:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_cursor_is_never_sent() {
    let server = Server::always(Reply::json(200, page_pointing_to(""))).await;
    let client = client(&server.url(), Duration::from_secs(5));
    use futures_util::StreamExt;
    let results: Vec<_> = client
        .request(ListConnectedAccounts::default())
        .pages()
        .take(10)
        .collect()
        .await;
    assert_eq!(results.len(), 2, "{results:?}");
    let error = unexpected(results[1].as_ref().unwrap_err());
    assert!(error.reason.contains("empty cursor"), "{error:?}");
    assert_eq!(server.count(), 1);
}

//! What the client takes from the process environment: proxies and `SEAM_*`
//! variables. Each case runs in a child process of this test binary with an
//! environment of its own, since changing the environment of a running,
//! multi-threaded test process is unsound.

mod support;

use std::process::Command;
use std::time::Duration;

use seamapi_core::{Client, ConfigError};
use support::{GetThing, Reply, Server, THING};

const SECRET: &str = "S3CRET";
const API_KEY: &str = "seam_apikey_S3CRET_env";
const PROXY_VARIABLES: [&str; 6] = [
    "HTTP_PROXY",
    "http_proxy",
    "ALL_PROXY",
    "all_proxy",
    "HTTPS_PROXY",
    "https_proxy",
];

/// Runs the ignored test `name` of this binary alone, in a child process with
/// `vars` set (and no proxy variable but those given), and checks that it passed.
fn run_child(name: &str, vars: &[(&str, String)]) {
    let mut command = Command::new(std::env::current_exe().expect("the test binary"));
    command.args([
        name,
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ]);
    for variable in PROXY_VARIABLES.iter().chain(&["NO_PROXY", "no_proxy"]) {
        command.env_remove(variable);
    }
    for name in [
        "SEAM_API_KEY",
        "SEAM_PERSONAL_ACCESS_TOKEN",
        "SEAM_ENDPOINT",
        "SEAM_API_URL",
    ] {
        command.env_remove(name);
    }
    command.envs(vars.iter().map(|(name, value)| (name, value)));
    let output = command.output().expect("the child test runs");
    let shown = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{name} failed:\n{shown}");
    assert!(shown.contains("1 passed"), "{name} did not run:\n{shown}");
    assert!(!shown.contains(SECRET), "{name} showed a secret:\n{shown}");
}

/// Every proxy variable pointing at `proxy`.
fn proxy_env(proxy: &Server) -> Vec<(&'static str, String)> {
    PROXY_VARIABLES
        .iter()
        .map(|name| (*name, proxy.url()))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn environment_proxies_never_see_a_loopback_endpoint() {
    let proxy = Server::always(Reply::json(200, THING)).await;
    let server = Server::always(Reply::json(200, THING)).await;
    let mut vars = proxy_env(&proxy);
    vars.push(("SEAM_API_KEY", API_KEY.to_owned()));
    vars.push(("SEAM_ENDPOINT", server.url()));
    tokio::task::spawn_blocking(move || run_child("child_sends_one_request", &vars))
        .await
        .unwrap();
    assert_eq!(proxy.count(), 0, "the proxy saw a loopback request");
    assert_eq!(server.count(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_is_given_in_code_wins_and_the_workspace_comes_from_env() {
    let server = Server::always(Reply::json(200, THING)).await;
    let vars = vec![
        ("SEAM_API_KEY", API_KEY.to_owned()),
        ("SEAM_WORKSPACE_ID", "ws_from_env".to_owned()),
        ("SEAM_ENDPOINT", server.url()),
    ];
    tokio::task::spawn_blocking(move || run_child("child_mixes_code_and_env", &vars))
        .await
        .unwrap();
    let received = server.received();
    let seen: Vec<_> = received
        .iter()
        .map(|request| {
            (
                request.header("authorization").unwrap_or_default(),
                request.header("seam-workspace").unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("Bearer seam_at1_code", "ws_from_env"),
            ("Bearer seam_code_key", ""),
            ("Bearer seam_code_key", ""),
        ]
    );
}

#[test]
fn a_credential_in_seam_endpoint_is_never_shown() {
    for endpoint in [
        format!("https://user:{API_KEY}@connect.example/?a=1"),
        format!("https://user:{API_KEY}@connect.example:99999"),
        format!("https://user:{API_KEY}@connect example"),
        format!("https://user:{API_KEY}@connect.example"),
        format!("https://connect.example/#{API_KEY}"),
    ] {
        run_child(
            "child_refuses_its_endpoint",
            &[
                ("SEAM_API_KEY", API_KEY.to_owned()),
                ("SEAM_ENDPOINT", endpoint),
            ],
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by environment_proxies_never_see_a_loopback_endpoint in a child process"]
async fn child_sends_one_request() {
    let client = Client::builder()
        .env()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    client.send(GetThing::new("t_1")).await.unwrap();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
#[ignore = "run by what_is_given_in_code_wins_and_the_workspace_comes_from_env in a child process"]
async fn child_mixes_code_and_env() {
    let endpoint = std::env::var("SEAM_ENDPOINT").unwrap();
    // A token given in code takes SEAM_WORKSPACE_ID from the environment.
    let client = Client::builder()
        .personal_access_token("seam_at1_code")
        .endpoint(&endpoint)
        .build()
        .unwrap();
    client.send(GetThing::new("t_1")).await.unwrap();
    // A key given in code beats SEAM_API_KEY, before or after `.env()`.
    for builder in [
        Client::builder().env().api_key("seam_code_key"),
        Client::builder().api_key("seam_code_key").env(),
    ] {
        builder
            .build()
            .unwrap()
            .send(GetThing::new("t_1"))
            .await
            .unwrap();
    }
}

#[test]
#[ignore = "run by a_credential_in_seam_endpoint_is_never_shown in a child process"]
fn child_refuses_its_endpoint() {
    let builder = Client::builder().env();
    println!("{builder:?} {builder:#?}");
    let error = builder.build().unwrap_err();
    assert!(
        matches!(error, ConfigError::InvalidEndpoint { .. }),
        "{error:?}"
    );
    println!("{error} {error:?} {error:#?}");
    println!("{}", seamapi_core::Error::from(error));
}

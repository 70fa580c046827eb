//! Tests of the harness against the pinned `@seamapi/fake-seam-connect`.
//! They need Node.js; all traffic stays on 127.0.0.1.

use std::net::{Ipv4Addr, TcpStream};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use seamapi_fake::{FakeSeam, FakeSeamError};
use serde_json::json;

fn start() -> FakeSeam {
    FakeSeam::start().unwrap_or_else(|error| panic!("Seam's fake server starts: {error}"))
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// A scratch directory removed at the end of the test.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("seam-fake-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir)
    }

    fn path(&self) -> &Path {
        &self.0
    }

    /// Makes the directory look like an npm project that pins the fake but has
    /// not installed it.
    fn with_lock_file(self) -> Self {
        std::fs::write(
            self.0.join("package.json"),
            r#"{"devDependencies":{"@seamapi/fake-seam-connect":"1.86.0"}}"#,
        )
        .unwrap();
        std::fs::write(self.0.join("package-lock.json"), "{}").unwrap();
        self
    }

    /// Makes the directory an npm project whose "fake server" is `script`
    /// (CommonJS, run by the real `node`).
    fn with_server(self, script: &str) -> Self {
        let server_js = server_js(&self.0);
        std::fs::create_dir_all(server_js.parent().unwrap()).unwrap();
        std::fs::write(&server_js, script).unwrap();
        self
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn server_js(dir: &Path) -> PathBuf {
    dir.join("node_modules/@seamapi/fake-seam-connect/dist/server.js")
}

fn answers(port: u16) -> bool {
    TcpStream::connect_timeout(
        &(Ipv4Addr::LOCALHOST, port).into(),
        Duration::from_millis(500),
    )
    .is_ok()
}

fn custom_metadata(fake: &FakeSeam, account: &str) -> serde_json::Value {
    let response = fake
        .post_json(
            "/connected_accounts/get",
            &[("Authorization", &bearer(fake.api_key()))],
            &json!({ "connected_account_id": account }),
        )
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);
    response.json().unwrap()["connected_account"]["custom_metadata"].clone()
}

#[test]
fn two_servers_run_at_once_each_with_its_own_state() {
    let (a, b) = std::thread::scope(|scope| {
        let a = scope.spawn(start);
        let b = scope.spawn(start);
        (a.join().unwrap(), b.join().unwrap())
    });
    assert_ne!(a.port(), b.port());
    assert_ne!(a.pid(), b.pid());
    for fake in [&a, &b] {
        assert_eq!(fake.url(), format!("http://127.0.0.1:{}", fake.port()));
        let health = fake.get("/health", &[]).unwrap();
        assert_eq!(health.status, 200, "{}", health.body);
        assert_eq!(health.json().unwrap()["ok"], true);
    }

    // Each start is a fresh server: changing one leaves the other as seeded.
    let john = a.john_connected_account_id();
    let seeded = custom_metadata(&b, john);
    let response = a
        .post_json(
            "/connected_accounts/update",
            &[("Authorization", &bearer(a.api_key()))],
            &json!({ "connected_account_id": john, "custom_metadata": { "changed": "on a" } }),
        )
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);
    assert_eq!(custom_metadata(&a, john)["changed"], "on a");
    assert_eq!(custom_metadata(&b, john), seeded);
}

#[test]
fn seeded_values_are_read_and_work() {
    let fake = start();
    assert_eq!(fake.api_key(), "seam_apikey1_token");
    assert_eq!(fake.personal_access_token(), "seam_at1_longtoken");
    assert_eq!(fake.workspace_id(), "seed_workspace_1");
    assert_eq!(fake.client_session_token(), "seam_cst1_token");
    assert_eq!(fake.publishable_key(), "seam_pk1_token");
    assert_eq!(
        fake.john_connected_account_id(),
        "john_connected_account_id"
    );
    assert_eq!(
        fake.jane_connected_account_id(),
        "jane_connected_account_id"
    );
    assert_eq!(fake.seed()["seam_apikey2_token"], "seam_apikey2_token");
    assert_eq!(fake.seed()["ok"], true);
    assert!(fake.package_dir().join("package.json").is_file());

    // The personal access token, with the workspace, lists both seeded accounts.
    let response = fake
        .post_json(
            "/connected_accounts/list",
            &[
                ("Authorization", &bearer(fake.personal_access_token())),
                ("seam-workspace", fake.workspace_id()),
            ],
            &json!({}),
        )
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);
    assert!(response.header("seam-request-id").is_some());
    let list = response.json().unwrap();
    let ids: Vec<&str> = list["connected_accounts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|account| account["connected_account_id"].as_str().unwrap())
        .collect();
    assert!(ids.contains(&fake.john_connected_account_id()), "{ids:?}");
    assert!(ids.contains(&fake.jane_connected_account_id()), "{ids:?}");
    for account in list["connected_accounts"].as_array().unwrap() {
        assert_eq!(account["workspace_id"], fake.workspace_id());
    }

    // The client session token authenticates too.
    let response = fake
        .get(
            "/connected_accounts/list",
            &[("Authorization", &bearer(fake.client_session_token()))],
        )
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);
}

#[test]
fn dropping_the_server_stops_it() {
    let fake = start();
    let port = fake.port();
    let pid = fake.pid();
    assert!(answers(port));
    drop(fake);
    // The process was killed and reaped before drop returned.
    assert!(!answers(port), "port {port} still answers after drop");
    if cfg!(target_os = "linux") {
        assert!(
            !Path::new(&format!("/proc/{pid}")).exists(),
            "process {pid} is still there"
        );
    }
}

#[test]
fn a_simulated_outage_answers_503_on_its_routes_only() {
    let fake = start();
    let auth = bearer(fake.api_key());
    let headers = [("Authorization", auth.as_str())];
    let update = json!({
        "connected_account_id": fake.john_connected_account_id(),
        "automatically_manage_new_devices": true,
    });
    let get = json!({ "connected_account_id": fake.john_connected_account_id() });

    fake.simulate_workspace_outage(fake.workspace_id(), &["/connected_accounts/update"])
        .unwrap();
    let response = fake
        .post_json("/connected_accounts/update", &headers, &update)
        .unwrap();
    assert_eq!(response.status, 503, "{}", response.body);
    assert_eq!(response.body, "");
    assert!(response.header("seam-request-id").is_some());
    let response = fake
        .post_json("/connected_accounts/get", &headers, &get)
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);

    // No routes: the outage is over.
    fake.simulate_workspace_outage(fake.workspace_id(), &[])
        .unwrap();
    let response = fake
        .post_json("/connected_accounts/update", &headers, &update)
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);

    let error = fake
        .simulate_workspace_outage("no_such_workspace", &["/connected_accounts/update"])
        .unwrap_err();
    assert!(
        matches!(error, FakeSeamError::UnexpectedResponse { status: 404, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("workspace_not_found"), "{error}");
}

#[test]
fn the_package_dir_is_found_from_the_current_directory() {
    let dir = seamapi_fake::find_package_dir().unwrap();
    let manifest = std::fs::read_to_string(dir.join("package.json")).unwrap();
    assert!(
        manifest.contains(seamapi_fake::FAKE_PACKAGE),
        "{}",
        dir.display()
    );
}

#[test]
fn a_dir_without_the_package_says_how_to_install_it() {
    let dir = TempDir::new("empty");
    let error = FakeSeam::builder()
        .package_dir(dir.path())
        .start()
        .unwrap_err();
    let FakeSeamError::NotInstalled { dir: reported, .. } = &error else {
        panic!("expected NotInstalled, got {error:?}")
    };
    assert_eq!(reported, dir.path());
    let message = error.to_string();
    assert!(message.contains("npm install --save-dev"), "{message}");
    assert!(message.contains("SEAM_FAKE_DIR"), "{message}");
}

#[test]
fn a_missing_node_says_to_install_node() {
    let error = FakeSeam::builder()
        .node("seam-fake-test-no-such-node")
        .start()
        .unwrap_err();
    assert!(
        matches!(error, FakeSeamError::NodeNotFound { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("install Node.js"), "{error}");
    assert_source_not_repeated(&error);
}

/// A cause is returned by `source()` or printed, not both (Rust's convention), or a
/// report of the chain shows it twice.
fn assert_source_not_repeated(error: &FakeSeamError) {
    let cause = std::error::Error::source(error)
        .expect("a cause")
        .to_string();
    assert!(!error.to_string().contains(&cause), "{error}");
}

#[test]
fn a_missing_npm_says_to_install_npm() {
    let dir = TempDir::new("no-npm").with_lock_file();
    let error = FakeSeam::builder()
        .package_dir(dir.path())
        .npm("seam-fake-test-no-such-npm")
        .start()
        .unwrap_err();
    assert!(
        matches!(error, FakeSeamError::NpmNotFound { .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("install npm"), "{error}");
    assert_source_not_repeated(&error);
}

#[cfg(unix)]
#[test]
fn a_failed_install_is_reported_with_its_output_and_not_rerun() {
    let dir = TempDir::new("failing-npm").with_lock_file();
    // `sh ci --no-audit --no-fund` runs the file `ci` of the directory as a
    // script: an `npm` that fails, and counts its runs.
    std::fs::write(
        dir.path().join("ci"),
        "echo run >> runs\necho 'npm error something went wrong' >&2\nexit 3\n",
    )
    .unwrap();
    for _ in 0..2 {
        let error = FakeSeam::builder()
            .package_dir(dir.path())
            .npm("sh")
            .start()
            .unwrap_err();
        let FakeSeamError::InstallFailed { status, output, .. } = &error else {
            panic!("expected InstallFailed, got {error:?}")
        };
        assert!(status.contains('3'), "{status}");
        assert_eq!(output, "npm error something went wrong");
        assert!(error.to_string().contains("npm ci"), "{error}");
    }
    let runs = std::fs::read_to_string(dir.path().join("runs")).unwrap();
    assert_eq!(runs.lines().count(), 1, "npm ci ran {runs:?}");
}

#[test]
fn a_server_that_exits_at_once_is_reported_with_its_output() {
    let dir = TempDir::new("exits")
        .with_server("console.log('starting'); console.error('something broke'); process.exit(2);");
    let error = FakeSeam::builder()
        .package_dir(dir.path())
        .start()
        .unwrap_err();
    let FakeSeamError::ExitedEarly { status, output } = &error else {
        panic!("expected ExitedEarly, got {error:?}")
    };
    assert!(status.contains('2'), "{status}");
    assert!(output.contains("[stdout] starting"), "{output}");
    assert!(output.contains("[stderr] something broke"), "{output}");
    assert!(error.to_string().contains("something broke"), "{error}");
}

#[test]
fn a_taken_port_is_retried_on_another_port() {
    let dir = TempDir::new("port-taken").with_server(
        "require('fs').appendFileSync(__dirname + '/ports', process.env.PORT + '\\n');
         console.log('listen EADDRINUSE: address already in use :::' + process.env.PORT);
         process.exit(1);",
    );
    let error = FakeSeam::builder()
        .package_dir(dir.path())
        .start()
        .unwrap_err();
    assert!(
        matches!(error, FakeSeamError::ExitedEarly { .. }),
        "{error:?}"
    );
    let ports = std::fs::read_to_string(server_js(dir.path()).with_file_name("ports")).unwrap();
    let ports: Vec<u16> = ports.lines().map(|p| p.parse().unwrap()).collect();
    assert_eq!(ports.len(), 3, "{ports:?}");
    assert!(ports.iter().all(|&port| port != 0), "{ports:?}");
}

#[test]
fn a_server_that_never_gets_ready_times_out_with_its_output() {
    // Floods stdout and never listens: the pipe must be drained, the deadline
    // must hold, and the process must go.
    let dir = TempDir::new("never-ready").with_server(
        "setInterval(() => { for (let i = 0; i < 1000; i++) console.log('waiting ' + i); }, 1);",
    );
    let started = Instant::now();
    let error = FakeSeam::builder()
        .package_dir(dir.path())
        .startup_timeout(Duration::from_millis(1500))
        .start()
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    let FakeSeamError::StartTimeout { output, url, .. } = &error else {
        panic!("expected StartTimeout, got {error:?}")
    };
    assert!(url.ends_with("/health"), "{url}");
    assert!(output.lines().count() > 1, "{output}");
    assert!(output.contains("[stdout] waiting"), "{output}");
}

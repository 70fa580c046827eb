//! The `seam` binary run as a user runs it, against Seam's fake server: each test
//! starts its own seeded server, and checks stdout, stderr and the exit code.

use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use seamapi_fake::FakeSeam;
use serde_json::{Value, json};

const SEAM: &str = env!("CARGO_BIN_EXE_seam");
const SEED_ID: &str = "a289aa54-5488-4707-9a4b-eeea4edf311d";

struct Run {
    stdout: String,
    stderr: String,
    code: i32,
}

impl Run {
    fn json(&self) -> Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|_| {
            panic!(
                "stdout is JSON: {:?} (stderr {:?})",
                self.stdout, self.stderr
            )
        })
    }
}

/// An empty config directory of the test's own, removed when dropped.
struct ConfigHome(PathBuf);

impl std::ops::Deref for ConfigHome {
    type Target = PathBuf;

    fn deref(&self) -> &PathBuf {
        &self.0
    }
}

impl Drop for ConfigHome {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn config_home(name: &str) -> ConfigHome {
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "seam-cli-test-{}-{name}-{}",
        std::process::id(),
        CALLS.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    ConfigHome(dir)
}

/// A command with nothing of the caller's Seam environment, and an empty config.
fn bare(program: &str, config: &std::path::Path) -> Command {
    let mut command = Command::new(program);
    for name in [
        "SEAM_API_KEY",
        "SEAM_PERSONAL_ACCESS_TOKEN",
        "SEAM_WORKSPACE_ID",
        "SEAM_ENDPOINT",
        "SEAM_API_URL",
    ] {
        command.env_remove(name);
    }
    command.env("XDG_CONFIG_HOME", config).env("HOME", config);
    command
}

fn output(command: &mut Command) -> Run {
    let output = command.output().expect("the command runs");
    Run {
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
        code: output.status.code().expect("an exit code"),
    }
}

/// `seam args...` with the fake's API key and URL in the environment.
fn seam(fake: &FakeSeam, args: &[&str]) -> Run {
    let config = config_home("env");
    output(
        bare(SEAM, &config)
            .env("SEAM_API_KEY", fake.api_key())
            .env("SEAM_ENDPOINT", fake.url())
            .args(args),
    )
}

fn fake() -> FakeSeam {
    FakeSeam::start().expect("Seam's fake server starts")
}

/// `bash -c line` with `seam` on the PATH and the fake's key and URL in the
/// environment.
fn bash(fake: &FakeSeam, line: &str) -> Run {
    let bin = PathBuf::from(SEAM).parent().unwrap().to_owned();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let config = config_home("bash");
    output(
        bare("bash", &config)
            .env("PATH", path)
            .env("SEAM_API_KEY", fake.api_key())
            .env("SEAM_ENDPOINT", fake.url())
            .args(["-c", line]),
    )
}

/// The line of Seam's docs, as printed: bash strips the double quotes of the
/// JSON, and the tool reads what is left. The fake has no account of the docs'
/// id (its state cannot be added to from outside), so the line as printed is
/// answered "not found" by Seam, having been read and sent; with a seeded id in
/// its place, it updates the account.
#[test]
fn the_seed_line_pasted_into_bash() {
    let fake = fake();
    let line = r#"seam connected-accounts update --connected_account_id "a289aa54-5488-4707-9a4b-eeea4edf311d" --automatically_manage_new_devices true --custom_metadata {"id":"internalId1"}"#;
    let run = bash(&fake, line);
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("HTTP 404 `connected_account_not_found`"),
        "{}",
        run.stderr
    );

    let john = fake.john_connected_account_id().to_owned();
    let run = seam(
        &fake,
        &[
            "connected-accounts",
            "update",
            "--connected-account-id",
            &john,
            "--custom-metadata",
            "id=other",
            "--automatically-manage-new-devices",
            "false",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let run = bash(&fake, &line.replace(SEED_ID, &john));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.stdout, "{}\n");
    let run = seam(
        &fake,
        &["connected-accounts", "get", "--connected-account-id", &john],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let account = run.json();
    assert_eq!(account["custom_metadata"], json!({"id": "internalId1"}));
    assert_eq!(account["automatically_manage_new_devices"], json!(true));
}

#[test]
fn a_read_prints_the_resource() {
    let fake = fake();
    let john = fake.john_connected_account_id().to_owned();
    let run = seam(
        &fake,
        &["connected-accounts", "get", "--connected_account_id", &john],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.json()["connected_account_id"], json!(john));
    assert!(run.stdout.ends_with("}\n"));
}

#[test]
fn a_list_prints_the_items() {
    let fake = fake();
    let run = seam(&fake, &["connected_accounts", "list"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let ids: Vec<String> = run
        .json()
        .as_array()
        .expect("a list")
        .iter()
        .map(|account| account["connected_account_id"].as_str().unwrap().to_owned())
        .collect();
    assert!(ids.contains(&fake.john_connected_account_id().to_owned()));
    assert!(ids.contains(&fake.jane_connected_account_id().to_owned()));
}

#[test]
fn all_follows_the_pages() {
    let fake = fake();
    let every = seam(&fake, &["devices", "list"]).json();
    assert!(every.as_array().unwrap().len() > 1);
    let run = seam(&fake, &["devices", "list", "--limit", "1"]);
    assert_eq!(run.json().as_array().unwrap().len(), 1);
    let run = seam(&fake, &["devices", "list", "--limit", "1", "--all"]);
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert_eq!(run.json(), every);
}

#[test]
fn a_validation_error_sends_nothing() {
    let fake = fake();
    let john = fake.john_connected_account_id().to_owned();
    let run = seam(
        &fake,
        &[
            "connected-accounts",
            "update",
            "--connected-account-id",
            &john,
            "--display-name",
            "",
            "--custom_metadata",
            &format!("note={}", "x".repeat(501)),
        ],
    );
    assert_eq!(run.code, 3, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "seam: /connected_accounts/update: request not sent, 2 invalid parameter value(s): \
         custom_metadata.note has 501 characters, at most 500 allowed; \
         display_name is empty, at least 1 required\n"
    );
    // An enum names what it allows.
    let run = seam(&fake, &["devices", "list", "--device_type", "toaster"]);
    assert_eq!(run.code, 3);
    assert!(
        run.stderr
            .contains(r#"device_type is "toaster", expected one of ["akuvox_lock", "#),
        "{}",
        run.stderr
    );
}

#[test]
fn an_api_error_names_its_type_message_and_request_id() {
    let fake = fake();
    let run = seam(
        &fake,
        &[
            "connected-accounts",
            "get",
            "--connected_account_id",
            "no_such_account",
        ],
    );
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.starts_with(
            "seam: /connected_accounts/get: Seam answered HTTP 404 `connected_account_not_found`: "
        ),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("(request id request"), "{}", run.stderr);
}

#[test]
fn missing_credentials_say_where_to_put_them() {
    let config = config_home("none");
    let run = output(bare(SEAM, &config).args(["connected-accounts", "list"]));
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    assert_eq!(
        run.stderr,
        "seam: no Seam credential: pass --api-key, set SEAM_API_KEY (or \
         SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID), or run `seam login`\n"
    );
}

#[test]
fn usage_errors_exit_2() {
    let fake = fake();
    let run = seam(&fake, &["connected-accounts", "update"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("--connected_account_id"),
        "{}",
        run.stderr
    );
    let run = seam(
        &fake,
        &[
            "connected-accounts",
            "update",
            "--connected-account-id",
            "x",
            "--automatically-manage-new-devices",
            "maybe",
        ],
    );
    assert_eq!(run.code, 2);
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr
            .contains("--automatically_manage_new_devices is \"maybe\", expected true or false"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_transport_failure_exits_5() {
    let config = config_home("transport");
    // A port nothing listens on: refused at once. It is held bound, without
    // listening, so that no server of a test running alongside is given it.
    let held = tokio::net::TcpSocket::new_v4().unwrap();
    held.bind((std::net::Ipv4Addr::LOCALHOST, 0).into())
        .unwrap();
    let url = format!("http://{}", held.local_addr().unwrap());
    let run = output(bare(SEAM, &config).args([
        "connected-accounts",
        "list",
        "--api-key",
        "seam_apikey1_token",
        "--endpoint",
        &url,
    ]));
    assert_eq!(run.code, 5, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(!run.stderr.contains("seam_apikey1_token"));
}

#[test]
fn the_key_never_shows() {
    let fake = fake();
    let config = config_home("secret");
    let key = "seam_apikey_not_a_real_key_123";
    let run = output(bare(SEAM, &config).args([
        "connected-accounts",
        "list",
        "--api-key",
        key,
        "--endpoint",
        fake.url(),
    ]));
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(!run.stderr.contains(key) && !run.stdout.contains(key));
    let run = output(bare(SEAM, &config).env("SEAM_API_KEY", key).args([
        "connected-accounts",
        "list",
        "--help",
    ]));
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("--api-key"));
    assert!(!run.stdout.contains(key));
}

#[test]
fn login_stores_the_key_for_the_owner_and_logout_removes_it() {
    let fake = fake();
    let config = config_home("login");
    let run = output(bare(SEAM, &config).args([
        "login",
        "--api-key",
        fake.api_key(),
        "--endpoint",
        fake.url(),
    ]));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!run.stderr.contains(fake.api_key()));
    let file = config.join("seam").join("credentials.json");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |path: &PathBuf| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&file), 0o600);
        assert_eq!(mode(&config.join("seam")), 0o700);
    }
    let run = output(bare(SEAM, &config).args(["connected-accounts", "list"]));
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    assert!(run.json().as_array().is_some());

    let run = output(bare(SEAM, &config).arg("logout"));
    assert_eq!(run.code, 0);
    assert!(!file.exists());
    let run = output(bare(SEAM, &config).args(["connected-accounts", "list"]));
    assert_eq!(run.code, 1);

    // A key Seam refuses is not stored.
    let run = output(bare(SEAM, &config).args([
        "login",
        "--api-key",
        "seam_apikey_refused_0000",
        "--endpoint",
        fake.url(),
    ]));
    assert_eq!(run.code, 4, "{}", run.stderr);
    assert!(!file.exists());
}

#[test]
fn wait_follows_an_action_attempt() {
    let fake = fake();
    let locks = seam(&fake, &["locks", "list"]).json();
    let device = locks[0]["device_id"].as_str().unwrap().to_owned();
    let run = seam(
        &fake,
        &["locks", "unlock-door", "--device-id", &device, "--wait"],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let attempt = run.json();
    assert_eq!(attempt["status"], json!("success"));
    assert_eq!(attempt["action_type"], json!("UNLOCK_DOOR"));
}

#[test]
fn a_wait_that_runs_out_or_fails_exits_6_naming_the_attempt() {
    let fake = fake();
    let device = seam(&fake, &["locks", "list"]).json()[0]["device_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let attempt = seam(&fake, &["locks", "lock-door", "--device-id", &device]).json();
    let id = attempt["action_attempt_id"].as_str().unwrap().to_owned();
    let set = |status: &str, error: Option<Value>| {
        let mut body = json!({ "action_attempt_id": id, "status": status });
        if let Some(error) = error {
            body["error"] = error;
        }
        let response = fake
            .post_json("/_fake/update_action_attempt", &[], &body)
            .unwrap();
        assert_eq!(response.status, 200, "{}", response.body);
    };
    let get = [
        "action-attempts",
        "get",
        "--action-attempt-id",
        &id,
        "--wait",
        "--wait-timeout",
        "1",
    ];

    set("pending", None);
    let run = seam(&fake, &get);
    assert_eq!(run.code, 6, "{}", run.stderr);
    assert!(run.stderr.contains(&id), "{}", run.stderr);
    assert!(run.stderr.contains("check later"), "{}", run.stderr);

    set(
        "error",
        Some(json!({ "type": "device_offline", "message": "The lock is offline" })),
    );
    let run = seam(&fake, &get);
    assert_eq!(run.code, 6, "{}", run.stderr);
    for part in [
        id.as_str(),
        "LOCK_DOOR",
        "device_offline",
        "The lock is offline",
    ] {
        assert!(run.stderr.contains(part), "{}", run.stderr);
    }
}

#[test]
fn wait_on_a_create_prints_the_resource_then_follows_the_attempt_beside_it() {
    let fake = fake();
    let run = seam(
        &fake,
        &[
            "noise-sensors",
            "noise-thresholds",
            "create",
            "--device-id",
            "minut_device_1",
            "--starts-daily-at",
            "22:00:00",
            "--ends-daily-at",
            "07:00:00",
            "--noise-threshold-decibels",
            "70",
            "--wait",
        ],
    );
    assert_eq!((run.code, run.stderr.as_str()), (0, ""));
    let threshold = run.json();
    assert_eq!(threshold["device_id"], json!("minut_device_1"));
    assert!(threshold["noise_threshold_id"].is_string(), "{threshold}");

    // The fake's access_codes/create answers no attempt: the code, and a note.
    let run = seam(
        &fake,
        &[
            "access-codes",
            "create",
            "--device-id",
            "august_device_1",
            "--wait",
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.json()["access_code_id"].is_string());
    assert!(run.stderr.contains("no action attempt"), "{}", run.stderr);
}

#[test]
fn completions_for_bash_zsh_and_fish() {
    let config = config_home("completions");
    for shell in ["bash", "zsh", "fish"] {
        let run = output(bare(SEAM, &config).args(["completions", shell]));
        assert_eq!((run.code, run.stderr.as_str()), (0, ""), "{shell}");
        assert!(run.stdout.contains("connected-accounts"), "{shell}");
    }
}

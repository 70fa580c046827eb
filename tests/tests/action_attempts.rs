//! Action attempts against Seam's own fake server: calls that start an action wait
//! for its attempt by default, or not, as the client and the call say; a failed
//! attempt, one still pending when the wait runs out and one that cannot be polled
//! are typed errors. The fake answers `/locks/unlock_door` and `/locks/lock_door`
//! with a pending attempt that it has already marked successful, and
//! `/_fake/update_action_attempt` sets an attempt's status.

use std::time::{Duration, Instant};

use seamapi::models::ActionAttempt;
use seamapi::prelude::*;
use seamapi::{ActionAttemptStatus, RetryPolicy};
use seamapi_fake::FakeSeam;
use serde_json::json;

/// A lock of the fake's seed.
const LOCK: &str = "august_device_1";
/// A noise sensor of the fake's seed.
const NOISE_SENSOR: &str = "minut_device_1";

// The three routes, declared here as a downstream crate would; the SDK's generated
// ones carry the same `action_attempt` argument.

#[seamapi::seam_endpoint(
    path = "/locks/unlock_door",
    response = ActionAttempt,
    response_key = "action_attempt",
    action_attempt,
    idempotent = false
)]
#[derive(Debug, Clone)]
pub struct UnlockDoor {
    pub device_id: String,
}

#[seamapi::seam_endpoint(
    path = "/locks/lock_door",
    response = ActionAttempt,
    response_key = "action_attempt",
    action_attempt,
    idempotent = false
)]
#[derive(Debug, Clone)]
pub struct LockDoor {
    pub device_id: String,
}

/// As in Seam's JavaScript SDK, getting an attempt waits for it too: the way to
/// check later on one whose wait ran out.
#[seamapi::seam_endpoint(
    path = "/action_attempts/get",
    response = ActionAttempt,
    response_key = "action_attempt",
    action_attempt,
    idempotent = true
)]
#[derive(Debug, Clone)]
pub struct GetActionAttempt {
    pub action_attempt_id: String,
}

fn fake() -> FakeSeam {
    FakeSeam::start().expect("Seam's fake server starts")
}

fn builder(fake: &FakeSeam) -> seamapi::ClientBuilder {
    Client::builder()
        .api_key(fake.api_key())
        .endpoint(fake.url())
}

fn client(fake: &FakeSeam) -> Client {
    builder(fake).build().unwrap()
}

/// Sets the attempt's status on the fake: `pending`, or `error` with this error.
fn set_attempt(fake: &FakeSeam, id: &str, status: &str, error: Option<(&str, &str)>) {
    let mut body = json!({ "action_attempt_id": id, "status": status });
    if let Some((error_type, message)) = error {
        body["error"] = json!({ "type": error_type, "message": message });
    }
    let response = fake
        .post_json("/_fake/update_action_attempt", &[], &body)
        .unwrap();
    assert_eq!(response.status, 200, "{}", response.body);
}

/// An attempt of the fake's, left as Seam first answered it: pending.
async fn started_attempt(seam: &Client) -> ActionAttempt {
    let attempt = UnlockDoor::new(LOCK)
        .bind(seam)
        .wait_for_action_attempt(false)
        .await
        .unwrap();
    assert!(attempt.is_pending(), "{attempt:?}");
    attempt
}

/// The fake numbers its requests (`seam-request-id: request<N>`): the number the
/// next request gets, to count what a wait sent.
async fn next_request_number(seam: &Client) -> u64 {
    let error = seam
        .send(GetActionAttempt::new("no_such_attempt"))
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
    let id = error.request_id().expect("the fake sends a request id");
    id.trim_start_matches("request").parse::<u64>().unwrap() + 1
}

#[tokio::test]
async fn a_call_waits_by_default_and_answers_the_typed_success() {
    let fake = fake();
    let seam = client(&fake);
    let started = Instant::now();
    let attempt = UnlockDoor::new(LOCK).bind(&seam).await.unwrap();
    let ActionAttempt::UnlockDoorSuccess(success) = &attempt else {
        panic!("not a successful unlock: {attempt:?}");
    };
    assert!(!success.action_attempt_id.is_empty());
    assert_eq!(attempt.action_type(), "UNLOCK_DOOR");
    assert_eq!(attempt.status(), ActionAttemptStatus::Success);
    // The fake's attempt is done at the first poll, which goes out at once: no
    // pause of a poll interval first (with room for a loaded machine).
    assert!(started.elapsed() < Duration::from_secs(3));

    // Every way of sending waits alike: `.send()`, `Client::send`, a `Request`.
    let locked = LockDoor::new(LOCK).bind(&seam).send().await.unwrap();
    assert!(
        matches!(locked, ActionAttempt::LockDoorSuccess(_)),
        "{locked:?}"
    );
    let locked = seam.send(LockDoor::new(LOCK)).await.unwrap();
    assert!(locked.is_success(), "{locked:?}");
    let unlocked = seam.request(UnlockDoor::new(LOCK)).send().await.unwrap();
    assert!(unlocked.is_success(), "{unlocked:?}");
}

#[tokio::test]
async fn the_sdks_generated_routes_wait_alike() {
    let fake = fake();
    let seam = client(&fake);
    let attempt = seam.locks().unlock_door(LOCK).await.unwrap();
    assert!(
        matches!(attempt, ActionAttempt::UnlockDoorSuccess(_)),
        "{attempt:?}"
    );
    let pending = seam
        .locks()
        .lock_door(LOCK)
        .wait_for_action_attempt(false)
        .await
        .unwrap();
    assert!(pending.is_pending(), "{pending:?}");
    // Getting it waits too, and finds it done.
    let done = seam
        .action_attempts()
        .get(pending.action_attempt_id())
        .await
        .unwrap();
    assert!(
        matches!(done, ActionAttempt::LockDoorSuccess(_)),
        "{done:?}"
    );
}

#[tokio::test]
async fn the_call_chooses_over_the_clients_default() {
    let fake = fake();
    // The client waits; this call does not.
    let seam = client(&fake);
    let attempt = UnlockDoor::new(LOCK)
        .bind(&seam)
        .wait_for_action_attempt(false)
        .await
        .unwrap();
    assert!(
        matches!(attempt, ActionAttempt::UnlockDoorPending(_)),
        "{attempt:?}"
    );

    // The client does not wait; these calls do.
    let seam = builder(&fake)
        .wait_for_action_attempts(false)
        .build()
        .unwrap();
    let attempt = LockDoor::new(LOCK).bind(&seam).await.unwrap();
    assert!(attempt.is_pending(), "{attempt:?}");
    let attempt = LockDoor::new(LOCK)
        .bind(&seam)
        .wait_for_action_attempt(true)
        .await
        .unwrap();
    assert!(attempt.is_success(), "{attempt:?}");
    let attempt = LockDoor::new(LOCK)
        .bind(&seam)
        .action_attempt_timeout(Duration::from_secs(5))
        .await
        .unwrap();
    assert!(attempt.is_success(), "{attempt:?}");
}

#[tokio::test]
async fn a_failed_attempt_is_a_typed_error_with_its_action_and_error() {
    let fake = fake();
    let seam = client(&fake);
    let attempt = started_attempt(&seam).await;
    let id = attempt.action_attempt_id();
    set_attempt(
        &fake,
        id,
        "error",
        Some(("device_offline", "The lock is offline")),
    );

    let error = GetActionAttempt::new(id).bind(&seam).await.unwrap_err();
    let Error::ActionAttemptFailed(failed) = &error else {
        panic!("not a failed attempt: {error:?}");
    };
    assert_eq!(failed.action_attempt_id, id);
    assert_eq!(failed.action_type, "UNLOCK_DOOR");
    assert_eq!(failed.error_type, "device_offline");
    assert_eq!(failed.message, "The lock is offline");
    assert_eq!(error.action_attempt_id(), Some(id));
    let shown = error.to_string();
    for part in [id, "UNLOCK_DOOR", "device_offline", "The lock is offline"] {
        assert!(shown.contains(part), "{shown}");
    }
    assert!(!format!("{error} {error:?}").contains(fake.api_key()));

    // Not waiting, the failed attempt is an answer like any other.
    let attempt = GetActionAttempt::new(id)
        .bind(&seam)
        .wait_for_action_attempt(false)
        .await
        .unwrap();
    assert!(
        matches!(attempt, ActionAttempt::UnlockDoorError(_)),
        "{attempt:?}"
    );
    assert!(attempt.is_error());
}

#[tokio::test]
async fn a_pending_attempt_times_out_keeping_its_id_without_busy_polling() {
    let fake = fake();
    let seam = client(&fake);
    let attempt = started_attempt(&seam).await;
    let id = attempt.action_attempt_id();
    set_attempt(&fake, id, "pending", None);

    let first = next_request_number(&seam).await;
    let started = Instant::now();
    let error = GetActionAttempt::new(id)
        .bind(&seam)
        .action_attempt_timeout(Duration::from_millis(1200))
        .await
        .unwrap_err();
    let elapsed = started.elapsed();
    let Error::ActionAttemptTimedOut(timed_out) = &error else {
        panic!("not a timeout: {error:?}");
    };
    assert_eq!(timed_out.action_attempt_id, id);
    assert_eq!(timed_out.action_type, "UNLOCK_DOOR");
    assert_eq!(timed_out.waited, Duration::from_millis(1200));
    assert_eq!(error.action_attempt_id(), Some(id));
    assert!(error.to_string().contains(id), "{error}");
    assert!(
        (Duration::from_millis(1200)..Duration::from_millis(2500)).contains(&elapsed),
        "{elapsed:?}"
    );
    // The get itself, then polls after 0.25 s and 0.75 s (later on a loaded
    // machine, as each pause starts when the previous poll is answered); the next
    // would be at 1.75 s, past the deadline.
    let sent = next_request_number(&seam).await - 1 - first;
    assert!((2..=4).contains(&sent), "{sent} requests");

    // The client's own timeout and interval, and the attempt checked later.
    let seam = builder(&fake)
        .action_attempt_timeout(Duration::from_millis(500))
        .action_attempt_poll_interval(Duration::from_millis(100))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = GetActionAttempt::new(id).bind(&seam).await.unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptTimedOut(late) if late.waited == Duration::from_millis(500)),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(2500));
    set_attempt(&fake, id, "success", None);
    let attempt = GetActionAttempt::new(error.action_attempt_id().unwrap())
        .bind(&seam)
        .await
        .unwrap();
    assert!(attempt.is_success(), "{attempt:?}");
}

#[tokio::test]
async fn a_poll_that_fails_is_a_typed_error_keeping_the_id() {
    let fake = fake();
    let seam = builder(&fake).retry(RetryPolicy::none()).build().unwrap();
    let attempt = started_attempt(&seam).await;
    let id = attempt.action_attempt_id().to_owned();
    fake.simulate_workspace_outage(fake.workspace_id(), &["/action_attempts/get"])
        .unwrap();
    let error = UnlockDoor::new(LOCK).bind(&seam).await.unwrap_err();
    let Error::ActionAttemptPollFailed(failed) = &error else {
        panic!("not a failed poll: {error:?}");
    };
    assert_eq!(failed.action_type, "UNLOCK_DOOR");
    assert_ne!(failed.action_attempt_id, id, "a new attempt");
    assert!(failed.source.is_unavailable(), "{:?}", failed.source);
    assert!(std::error::Error::source(&error).is_some());
}

#[tokio::test]
async fn a_resource_created_with_an_attempt_comes_back_at_once_beside_it() {
    let fake = fake();
    // The client waits by default; a call that creates something does not, so
    // that the caller keeps what it made whatever becomes of the action.
    let seam = client(&fake);
    let thresholds = seam.noise_sensors().noise_thresholds();
    let created = thresholds
        .create(NOISE_SENSOR, "22:00:00", "07:00:00")
        .noise_threshold_decibels(70.0)
        .await
        .unwrap();
    assert!(!created.resource.noise_threshold_id.is_empty());
    let attempt = created
        .action_attempt
        .expect("the fake answers the attempt beside the threshold");
    assert!(attempt.is_pending(), "not waited for: {attempt:?}");
    assert_eq!(attempt.action_type(), "CREATE_NOISE_THRESHOLD");
    let done = seam.wait_for_action_attempt(attempt).await.unwrap();
    assert!(
        matches!(done, ActionAttempt::CreateNoiseThresholdSuccess(_)),
        "{done:?}"
    );

    // The action fails: the failure is typed, and the threshold is still in hand.
    let created = thresholds
        .create(NOISE_SENSOR, "23:00:00", "06:00:00")
        .noise_threshold_decibels(60.0)
        .await
        .unwrap();
    let attempt = created.action_attempt.unwrap();
    let id = attempt.action_attempt_id().to_owned();
    set_attempt(&fake, &id, "error", Some(("device_offline", "Offline")));
    let error = seam.wait_for_action_attempt(attempt).await.unwrap_err();
    let Error::ActionAttemptFailed(failed) = &error else {
        panic!("not a failed attempt: {error:?}");
    };
    assert_eq!(
        (
            failed.action_attempt_id.as_str(),
            failed.action_type.as_str()
        ),
        (id.as_str(), "CREATE_NOISE_THRESHOLD")
    );
    let threshold = thresholds
        .get(&created.resource.noise_threshold_id)
        .await
        .unwrap();
    assert_eq!(threshold, created.resource);

    // The fake's `access_codes/create` answers no attempt beside the code.
    let created = seam.access_codes().create(LOCK).code("4821").await.unwrap();
    assert_eq!(created.resource.code.as_deref(), Some("4821"));
    assert!(created.action_attempt.is_none());
}

#[tokio::test]
async fn routes_that_answer_only_an_attempt_wait_for_it() {
    let fake = fake();
    let seam = client(&fake);
    let code = seam
        .access_codes()
        .create(LOCK)
        .code("1357")
        .await
        .unwrap()
        .resource;
    let updated = seam
        .access_codes()
        .update(&code.access_code_id)
        .name("Back door")
        .await
        .unwrap();
    assert!(
        matches!(updated, ActionAttempt::UpdateAccessCodeSuccess(_)),
        "{updated:?}"
    );
    let pending = seam
        .access_codes()
        .update(&code.access_code_id)
        .name("Side door")
        .wait_for_action_attempt(false)
        .await
        .unwrap();
    assert!(pending.is_pending(), "{pending:?}");
    let deleted = seam
        .access_codes()
        .delete(&code.access_code_id)
        .await
        .unwrap();
    assert!(
        matches!(deleted, ActionAttempt::DeleteAccessCodeSuccess(_)),
        "{deleted:?}"
    );
    let error = seam
        .access_codes()
        .get()
        .access_code_id(&code.access_code_id)
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
}

#[tokio::test]
async fn waiting_later_and_the_calls_poll_interval() {
    let fake = fake();
    let seam = builder(&fake)
        .action_attempt_timeout(Duration::from_millis(600))
        .build()
        .unwrap();
    let attempt = started_attempt(&seam).await;
    let id = attempt.action_attempt_id().to_owned();
    set_attempt(&fake, &id, "pending", None);
    let started = Instant::now();
    let error = seam
        .wait_for_action_attempt(attempt.clone())
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptTimedOut(late) if late.action_attempt_id == id && late.waited == Duration::from_millis(600)),
        "{error:?}"
    );
    assert!(started.elapsed() < Duration::from_millis(2500));

    // A call's own poll interval: polls every 0.1 s within 2 s (20 polls on a
    // quiet machine; at least 5 while each poll takes under 0.3 s), where the
    // default (0.25 s doubling to 1 s) sends at most 4 requests.
    let first = next_request_number(&seam).await;
    let error = GetActionAttempt::new(&id)
        .bind(&seam)
        .action_attempt_timeout(Duration::from_secs(2))
        .action_attempt_poll_interval(Duration::from_millis(100))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptTimedOut(_)),
        "{error:?}"
    );
    let sent = next_request_number(&seam).await - 1 - first;
    assert!(sent >= 5, "{sent} requests");

    // The wait's own timeout and interval, over the client's 0.6 s.
    let first = next_request_number(&seam).await;
    let started = Instant::now();
    let error = seam
        .wait_for_action_attempt(attempt.clone())
        .timeout(Duration::from_secs(2))
        .poll_interval(Duration::from_millis(100))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptTimedOut(late) if late.waited == Duration::from_secs(2)),
        "{error:?}"
    );
    assert!(started.elapsed() >= Duration::from_secs(2));
    let sent = next_request_number(&seam).await - 1 - first;
    assert!(sent >= 5, "{sent} requests");

    set_attempt(&fake, &id, "success", None);
    let done = seam.wait_for_action_attempt(attempt).await.unwrap();
    assert!(done.is_success(), "{done:?}");
}

#[test]
fn the_blocking_client_waits_alike() {
    use seamapi::blocking::prelude::*;

    let fake = fake();
    let seam = builder(&fake).build_blocking().unwrap();
    let attempt = UnlockDoor::new(LOCK).bind_blocking(&seam).send().unwrap();
    assert!(
        matches!(attempt, ActionAttempt::UnlockDoorSuccess(_)),
        "{attempt:?}"
    );
    let attempt = LockDoor::new(LOCK)
        .bind_blocking(&seam)
        .wait_for_action_attempt(false)
        .send()
        .unwrap();
    assert!(attempt.is_pending(), "{attempt:?}");
    let id = attempt.action_attempt_id();

    set_attempt(&fake, id, "pending", None);
    let error = GetActionAttempt::new(id)
        .bind_blocking(&seam)
        .action_attempt_timeout(Duration::from_millis(300))
        .send()
        .unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptTimedOut(late) if late.action_attempt_id == id),
        "{error:?}"
    );

    set_attempt(&fake, id, "error", Some(("uncategorized_error", "Jammed")));
    let error = seam
        .wait_for_action_attempt(attempt.clone())
        .timeout(Duration::from_secs(5))
        .send()
        .unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptFailed(failed) if failed.action_attempt_id == id),
        "{error:?}"
    );
    let error = seam.send(GetActionAttempt::new(id)).unwrap_err();
    assert!(
        matches!(&error, Error::ActionAttemptFailed(failed) if failed.action_type == "LOCK_DOOR" && failed.message == "Jammed"),
        "{error:?}"
    );
}

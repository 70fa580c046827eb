//! What Seam's own fake server answers decodes into the generated models: its
//! seeded resources, and the access code, action attempt and events that a few
//! calls make. Prints a table of route and outcome; any failure fails the test.

use seamapi::models;
use seamapi_fake::FakeSeam;
use serde_json::{Value, json};

type Decode = fn(Value) -> Result<usize, String>;

/// Decodes into `T`, answering how many values fell back to `Unknown` (the fake
/// may send what the spec does not list).
fn decode<T: serde::de::DeserializeOwned + std::fmt::Debug>(value: Value) -> Result<usize, String> {
    let debug = format!(
        "{:?}",
        serde_json::from_value::<T>(value).map_err(|failure| failure.to_string())?
    );
    Ok(debug
        .match_indices("Unknown(")
        .filter(|(at, _)| !debug[..*at].ends_with(|c: char| c.is_ascii_alphanumeric()))
        .count())
}

struct Call {
    route: &'static str,
    body: Value,
    /// The property holding the resource or the list.
    key: &'static str,
    decode: Decode,
}

fn call<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    route: &'static str,
    body: Value,
    key: &'static str,
) -> Call {
    Call {
        route,
        body,
        key,
        decode: decode::<T>,
    }
}

/// Posts `body` to `route`, answering the JSON of a 200 answer.
fn post(fake: &FakeSeam, route: &str, body: &Value) -> Result<Value, String> {
    let auth = format!("Bearer {}", fake.api_key());
    let response = fake
        .post_json(route, &[("Authorization", &auth)], body)
        .map_err(|failure| failure.to_string())?;
    if response.status != 200 {
        return Err(format!("HTTP {}: {:.200}", response.status, response.body));
    }
    response.json().map_err(|failure| failure.to_string())
}

/// `answer[key]`, each item of a list or the one resource, decoded; how many, and
/// how many values in them fell back to `Unknown`.
fn decode_answer(answer: &Value, call: &Call) -> Result<(usize, usize), String> {
    let payload = answer
        .get(call.key)
        .ok_or_else(|| format!("no `{}` in the answer", call.key))?;
    let items = match payload {
        Value::Array(items) => items.clone(),
        resource => vec![resource.clone()],
    };
    let mut unknown = 0;
    for (index, item) in items.iter().enumerate() {
        unknown +=
            (call.decode)(item.clone()).map_err(|failure| format!("item {index}: {failure}"))?;
    }
    Ok((items.len(), unknown))
}

#[test]
fn the_fakes_answers_decode_into_the_generated_models() {
    let fake = FakeSeam::start().expect("Seam's fake server starts");
    let lock = "august_device_1";

    // State the seed lacks: an access code, an action attempt, and the events they make.
    let created = post(
        &fake,
        "/access_codes/create",
        &json!({ "device_id": lock, "code": "4821", "name": "Front door" }),
    )
    .expect("the fake creates an access code");
    let access_code_id = created["access_code"]["access_code_id"]
        .as_str()
        .unwrap()
        .to_owned();
    let locked = post(&fake, "/locks/lock_door", &json!({ "device_id": lock }))
        .expect("the fake locks a door");
    let action_attempt_id = locked["action_attempt"]["action_attempt_id"]
        .as_str()
        .unwrap()
        .to_owned();

    let calls = [
        call::<models::Device>("/devices/list", json!({}), "devices"),
        call::<models::Device>("/devices/get", json!({ "device_id": lock }), "device"),
        call::<models::Device>("/locks/list", json!({}), "locks"),
        call::<models::Device>("/thermostats/list", json!({}), "thermostats"),
        call::<models::UnmanagedDevice>("/devices/unmanaged/list", json!({}), "devices"),
        call::<models::ConnectedAccount>(
            "/connected_accounts/list",
            json!({}),
            "connected_accounts",
        ),
        call::<models::ConnectedAccount>(
            "/connected_accounts/get",
            json!({ "connected_account_id": fake.john_connected_account_id() }),
            "connected_account",
        ),
        call::<models::AccessCode>(
            "/access_codes/create",
            json!({ "device_id": lock, "code": "7305" }),
            "access_code",
        ),
        call::<models::AccessCode>(
            "/access_codes/list",
            json!({ "device_id": lock }),
            "access_codes",
        ),
        call::<models::AccessCode>(
            "/access_codes/get",
            json!({ "access_code_id": access_code_id }),
            "access_code",
        ),
        call::<models::ActionAttempt>(
            "/locks/unlock_door",
            json!({ "device_id": lock }),
            "action_attempt",
        ),
        call::<models::ActionAttempt>(
            "/action_attempts/get",
            json!({ "action_attempt_id": action_attempt_id }),
            "action_attempt",
        ),
        call::<models::Event>(
            "/events/list",
            json!({ "since": "2000-01-01T00:00:00.000Z" }),
            "events",
        ),
        call::<models::AcsSystem>("/acs/systems/list", json!({}), "acs_systems"),
        call::<models::AcsEntrance>("/acs/entrances/list", json!({}), "acs_entrances"),
        call::<models::AcsUser>("/acs/users/list", json!({}), "acs_users"),
        call::<models::ConnectWebview>("/connect_webviews/list", json!({}), "connect_webviews"),
        call::<models::ConnectWebview>("/connect_webviews/create", json!({}), "connect_webview"),
        call::<models::Workspace>("/workspaces/list", json!({}), "workspaces"),
        call::<models::Workspace>("/workspaces/get", json!({}), "workspace"),
        call::<models::Webhook>("/webhooks/list", json!({}), "webhooks"),
        call::<models::NoiseThreshold>(
            "/noise_sensors/noise_thresholds/list",
            json!({ "device_id": "minut_device_1" }),
            "noise_thresholds",
        ),
        call::<models::Pagination>(
            "/connected_accounts/list",
            json!({ "limit": 1 }),
            "pagination",
        ),
    ];

    let mut table = vec![format!("{:<40} {:<18} outcome", "route", "key")];
    let mut failures = Vec::new();
    let mut decoded = 0;
    for call in &calls {
        let outcome =
            post(&fake, call.route, &call.body).and_then(|answer| decode_answer(&answer, call));
        let shown = match &outcome {
            Ok((count, unknown)) => {
                decoded += count;
                format!("ok, {count} decoded, {unknown} unknown values kept")
            }
            Err(failure) => {
                failures.push(format!("{} `{}`: {failure}", call.route, call.key));
                format!("FAILED: {failure:.120}")
            }
        };
        table.push(format!("{:<40} {:<18} {shown}", call.route, call.key));
    }
    println!("{}", table.join("\n"));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Every route above answered something: the seeded devices alone are five.
    assert!(decoded >= calls.len(), "only {decoded} resources decoded");
}

/// seam-codegen's `FAKE_OMITS` makes these required fields `Option`s because the
/// fake leaves them out; once it sends them, this fails and the list can shrink.
#[test]
fn the_fake_still_leaves_out_what_the_models_make_optional() {
    let fake = FakeSeam::start().expect("Seam's fake server starts");
    let systems = post(&fake, "/acs/systems/list", &json!({})).unwrap();
    let system = &systems["acs_systems"][0];
    for field in [
        "image_alt_text",
        "image_url",
        "is_credential_manager",
        "location",
    ] {
        assert!(
            system.get(field).is_none(),
            "the fake now sends acs_system.{field}"
        );
    }
    let locked = post(
        &fake,
        "/locks/lock_door",
        &json!({ "device_id": "august_device_1" }),
    )
    .unwrap();
    let id = &locked["action_attempt"]["action_attempt_id"];
    let attempt = post(
        &fake,
        "/action_attempts/get",
        &json!({ "action_attempt_id": id }),
    )
    .unwrap();
    assert_eq!(attempt["action_attempt"]["status"], "success");
    assert_eq!(attempt["action_attempt"]["result"], Value::Null);
    let decoded: models::ActionAttempt =
        serde_json::from_value(attempt["action_attempt"].clone()).unwrap();
    let models::ActionAttempt::LockDoorSuccess(success) = decoded else {
        panic!("expected a LOCK_DOOR success, got {decoded:?}")
    };
    assert_eq!(success.result, None);
    let events = post(
        &fake,
        "/events/list",
        &json!({ "since": "2000-01-01T00:00:00.000Z" }),
    )
    .unwrap();
    let lock_event = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|event| event["event_type"] == "lock.locked")
        .expect("locking made a lock.locked event");
    assert!(
        lock_event.get("method").is_none(),
        "the fake now says how a lock was locked"
    );
    let user = post(
        &fake,
        "/acs/users/create",
        &json!({ "acs_system_id": "visionline_acs_system_1", "full_name": "Jane Doe" }),
    )
    .unwrap();
    for field in ["connected_account_id", "is_managed"] {
        assert!(
            user["acs_user"].get(field).is_none(),
            "the fake now sends acs_user.{field}"
        );
    }
    let code = post(
        &fake,
        "/access_codes/create",
        &json!({ "device_id": "august_device_1", "code": "4821" }),
    )
    .unwrap();
    let id = &code["access_code"]["access_code_id"];
    post(
        &fake,
        "/access_codes/delete",
        &json!({ "access_code_id": id }),
    )
    .unwrap();
    let events = post(
        &fake,
        "/events/list",
        &json!({ "since": "2000-01-01T00:00:00.000Z" }),
    )
    .unwrap();
    let deleted = events["events"]
        .as_array()
        .unwrap()
        .iter()
        .find(|event| event["event_type"] == "access_code.deleted")
        .expect("deleting made an access_code.deleted event");
    assert!(
        deleted.get("device_id").is_none(),
        "the fake now names the device of a deleted access code"
    );
}

/// seam-codegen's `FAKE_RESPONSE_KEYS` reads these answers under another property
/// the spec requires, because the fake leaves out the spec's `x-response-key`.
#[test]
fn the_fake_still_answers_under_the_other_key() {
    let fake = FakeSeam::start().expect("Seam's fake server starts");
    let thermostats = post(&fake, "/thermostats/list", &json!({})).unwrap();
    assert!(thermostats.get("devices").is_none());
    assert!(thermostats["thermostats"].is_array());
    let code = post(
        &fake,
        "/access_codes/create",
        &json!({
            "device_id": "august_device_1",
            "code": "7305",
            "starts_at": "2030-01-01T00:00:00.000Z",
            "ends_at": "2030-01-02T00:00:00.000Z",
            "use_backup_access_code_pool": true,
        }),
    )
    .unwrap();
    let id = &code["access_code"]["access_code_id"];
    let backup = post(
        &fake,
        "/access_codes/pull_backup_access_code",
        &json!({ "access_code_id": id }),
    )
    .unwrap();
    assert!(backup.get("access_code").is_none());
    assert!(backup["backup_access_code"].is_object());
}

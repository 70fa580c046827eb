//! Every documented route that Seam's fake server serves, called through the
//! generated SDK (namespace accessors) with ids from the fake's seed and from
//! what earlier calls made, its answer decoded into the generated type.
//!
//! Each call ends in one of three outcomes: decoded, an API error (allowed only
//! when [`EXPECTED_API_ERRORS`] lists the route with its reason), or a decode
//! failure, of which there must be none. The table is printed (`--nocapture`)
//! and summed up in the README.

use std::collections::BTreeSet;
use std::fmt::Debug;

use seamapi::models;
use seamapi::prelude::*;
use seamapi::{Page, models::action_attempt::ActionAttempt, models::event::Event};
use seamapi_fake::FakeSeam;

/// Routes that answer an error for the seed, with the error type and why.
const EXPECTED_API_ERRORS: &[(&str, &str, &str)] = &[
    (
        "/acs/entrances/get",
        "acs_entrance_not_found",
        "the seed has no ACS entrance, and the fake serves no route that makes one",
    ),
    (
        "/acs/entrances/grant_access",
        "acs_entrance_not_found",
        "the seed has no ACS entrance",
    ),
    (
        "/acs/users/add_to_access_group",
        "acs_access_group_not_found",
        "the seed has no access group, and the fake serves no route that makes one",
    ),
    (
        "/acs/users/remove_from_access_group",
        "acs_access_group_not_found",
        "the seed has no access group",
    ),
    (
        "/user_identities/create",
        "HTTP 500 without JSON",
        "the fake's handler answers `Not implemented!`",
    ),
    (
        "/user_identities/add_acs_user",
        "invalid_input",
        "the fake requires UUIDs, and its own ids (`acs_user1`) are not",
    ),
    (
        "/client_sessions/get_or_create",
        "publishable_key_header_required",
        "the fake takes only a publishable key here, which the SDK sends only in its own exchange",
    ),
];

/// What a decoded answer held.
trait Answer {
    fn summary(&self) -> String;
}

impl Answer for () {
    fn summary(&self) -> String {
        "no content".to_owned()
    }
}

impl<T> Answer for Vec<T> {
    fn summary(&self) -> String {
        format!("{} decoded", self.len())
    }
}

impl<T> Answer for Page<T> {
    fn summary(&self) -> String {
        format!("{} decoded (a page)", self.items.len())
    }
}

impl Answer for ActionAttempt {
    fn summary(&self) -> String {
        format!("1 decoded: {} {:?}", self.action_type(), self.status())
    }
}

impl<T> Answer for seamapi::WithActionAttempt<T, ActionAttempt> {
    fn summary(&self) -> String {
        match &self.action_attempt {
            Some(attempt) => format!("1 decoded, with its {} attempt", attempt.action_type()),
            None => "1 decoded, no attempt beside it".to_owned(),
        }
    }
}

macro_rules! one_resource {
    ($($ty:ty),* $(,)?) => {
        $(impl Answer for $ty {
            fn summary(&self) -> String {
                "1 decoded".to_owned()
            }
        })*
    };
}

one_resource!(
    models::AccessCode,
    models::UnmanagedAccessCode,
    models::AcsEntrance,
    models::AcsSystem,
    models::AcsUser,
    models::ClientSession,
    models::ConnectWebview,
    models::ConnectedAccount,
    models::Device,
    models::DeviceProvider,
    models::UnmanagedDevice,
    models::Event,
    models::GeneratedCode,
    models::NoiseThreshold,
    models::UserIdentity,
    models::Webhook,
    models::Workspace,
);

#[derive(Debug, PartialEq)]
enum Outcome {
    Decoded(String),
    Api {
        error_type: String,
        message: String,
    },
    DecodeFailure(String),
    /// Anything else (transport, the SDK's own checks): never expected.
    Other(String),
}

#[derive(Default)]
struct Table {
    rows: Vec<(&'static str, Outcome)>,
}

impl Table {
    /// Records the outcome of a call to `route`, answering its value if decoded.
    fn record<T: Answer + Debug>(
        &mut self,
        route: &'static str,
        result: Result<T, Error>,
    ) -> Option<T> {
        let (outcome, value) = match result {
            Ok(value) => (Outcome::Decoded(value.summary()), Some(value)),
            Err(Error::Api(error)) => (
                Outcome::Api {
                    error_type: error.error_type.clone(),
                    message: error.message.clone(),
                },
                None,
            ),
            // Not a Seam answer at all: a route the fake does not implement.
            Err(Error::UnexpectedResponse(unexpected)) if unexpected.status != 200 => (
                Outcome::Api {
                    error_type: format!("HTTP {} without JSON", unexpected.status),
                    message: unexpected.excerpt.clone(),
                },
                None,
            ),
            Err(Error::UnexpectedResponse(unexpected)) => (
                Outcome::DecodeFailure(format!("{} ({})", unexpected.reason, unexpected.excerpt)),
                None,
            ),
            Err(other) => (Outcome::Other(other.to_string()), None),
        };
        self.rows.push((route, outcome));
        value
    }
}

/// The documented routes (spec/seam-connect.json without `x-undocumented`) that
/// the pinned fake registers (`"/api/<route>"` keys in its bundle).
fn documented_routes_the_fake_serves(fake: &FakeSeam) -> BTreeSet<String> {
    let spec: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/seam-connect.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let dist = fake
        .package_dir()
        .join("node_modules/@seamapi/fake-seam-connect/dist");
    let mut bundle = String::new();
    for entry in std::fs::read_dir(&dist).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|ext| ext == "js") {
            bundle.push_str(&std::fs::read_to_string(path).unwrap());
        }
    }
    spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, item)| item["post"]["x-undocumented"] != serde_json::json!(true))
        .map(|(path, _)| path.clone())
        .filter(|path| bundle.contains(&format!("\"/api{path}\":")))
        .collect()
}

// `/locks/get` and `connect_partner_name` are deprecated by Seam; the fake serves
// the one and requires the other.
#[allow(deprecated)]
#[tokio::test]
async fn every_route_the_fake_serves_decodes_through_the_sdk() {
    let fake = FakeSeam::start().expect("Seam's fake server starts");
    let seam = Client::builder()
        .api_key(fake.api_key())
        .endpoint(fake.url())
        .build()
        .unwrap();
    let without_workspace = Client::builder()
        .personal_access_token(fake.personal_access_token())
        .without_workspace()
        .endpoint(fake.url())
        .build()
        .unwrap();
    let mut table = Table::default();
    let lock = "august_device_1";
    let second_lock = "august_device_2";
    let thermostat = "ecobee_device_1";
    let noise_sensor = "minut_device_1";
    let acs_system = "visionline_acs_system_1";
    let john = fake.john_connected_account_id().to_owned();
    let jane = fake.jane_connected_account_id().to_owned();

    // Workspaces.
    table.record("/workspaces/get", seam.workspaces().get().await);
    table.record("/workspaces/list", seam.workspaces().list().await);
    table.record(
        "/workspaces/create",
        without_workspace
            .workspaces()
            .create("Second workspace")
            .connect_partner_name("Acme")
            .is_sandbox(true)
            .await,
    );

    // Devices, locks, thermostats.
    table.record("/devices/list", seam.devices().list().await);
    table.record("/devices/get", seam.devices().get().device_id(lock).await);
    table.record(
        "/devices/list_device_providers",
        seam.devices().list_device_providers().await,
    );
    table.record(
        "/devices/update",
        seam.devices().update(lock).name("Front door").await,
    );
    // Unmanaging the second lock gives the unmanaged routes a device.
    table.record(
        "/devices/update",
        seam.devices().update(second_lock).is_managed(false).await,
    );
    table.record(
        "/devices/unmanaged/list",
        seam.devices().unmanaged().list().await,
    );
    table.record(
        "/devices/unmanaged/get",
        seam.devices()
            .unmanaged()
            .get()
            .device_id(second_lock)
            .await,
    );
    table.record(
        "/devices/unmanaged/update",
        seam.devices()
            .unmanaged()
            .update(second_lock)
            .is_managed(true)
            .await,
    );
    table.record("/locks/list", seam.locks().list().await);
    table.record("/locks/get", seam.locks().get().device_id(lock).await);
    let attempt = table.record("/locks/lock_door", seam.locks().lock_door(lock).await);
    table.record("/locks/unlock_door", seam.locks().unlock_door(lock).await);
    table.record("/thermostats/list", seam.thermostats().list().await);
    table.record(
        "/thermostats/cool",
        seam.thermostats()
            .cool(thermostat)
            .cooling_set_point_celsius(24.0)
            .await,
    );
    table.record(
        "/thermostats/heat",
        seam.thermostats()
            .heat(thermostat)
            .heating_set_point_celsius(20.0)
            .await,
    );
    table.record(
        "/thermostats/heat_cool",
        seam.thermostats()
            .heat_cool(thermostat)
            .heating_set_point_celsius(20.0)
            .cooling_set_point_celsius(24.0)
            .await,
    );
    table.record("/thermostats/off", seam.thermostats().off(thermostat).await);
    table.record(
        "/thermostats/set_fan_mode",
        seam.thermostats()
            .set_fan_mode(thermostat)
            .fan_mode_setting(
                models::device::DevicePropertiesAvailableClimatePresetFanModeSetting::Auto,
            )
            .await,
    );

    // Action attempts.
    let attempt_id = match attempt.expect("locking answered an action attempt") {
        ActionAttempt::LockDoorPending(attempt) => attempt.action_attempt_id,
        ActionAttempt::LockDoorSuccess(attempt) => attempt.action_attempt_id,
        other => panic!("locking answered {other:?}"),
    };
    table.record(
        "/action_attempts/get",
        seam.action_attempts().get(&attempt_id).await,
    );
    table.record(
        "/action_attempts/list",
        seam.action_attempts()
            .list()
            .action_attempt_ids(vec![attempt_id.clone()])
            .await,
    );

    // Access codes.
    let code = table.record(
        "/access_codes/create",
        seam.access_codes()
            .create(lock)
            .code("4821")
            .name("Front door")
            .await,
    );
    let code_id = code
        .map(|code| code.resource.access_code_id)
        .unwrap_or_default();
    table.record(
        "/access_codes/create_multiple",
        seam.access_codes()
            .create_multiple(vec![lock.to_owned(), second_lock.to_owned()])
            .name("Cleaners")
            .await,
    );
    let generated = table.record(
        "/access_codes/generate_code",
        seam.access_codes().generate_code(lock).await,
    );
    if let Some(generated) = generated {
        assert_eq!(generated.device_id, lock);
        assert!(
            !generated.code.is_empty() && generated.code.bytes().all(|b| b.is_ascii_digit()),
            "a keypad code: {:?}",
            generated.code
        );
    }
    table.record(
        "/access_codes/get",
        seam.access_codes().get().access_code_id(&code_id).await,
    );
    table.record(
        "/access_codes/list",
        seam.access_codes().list().device_id(lock).await,
    );
    table.record(
        "/access_codes/update",
        seam.access_codes().update(&code_id).name("Back door").await,
    );
    // Only a time-bound code drawn from the backup pool has a backup.
    let timed = table.record(
        "/access_codes/create",
        seam.access_codes()
            .create(lock)
            .code("7305")
            .starts_at("2030-01-01T00:00:00.000Z")
            .ends_at("2030-01-02T00:00:00.000Z")
            .use_backup_access_code_pool(true)
            .await,
    );
    let timed_id = timed
        .map(|code| code.resource.access_code_id)
        .unwrap_or_default();
    table.record(
        "/access_codes/pull_backup_access_code",
        seam.access_codes().pull_backup_access_code(&timed_id).await,
    );
    let unmanaged = table.record(
        "/access_codes/simulate/create_unmanaged_access_code",
        seam.access_codes()
            .simulate()
            .create_unmanaged_access_code(lock, "Old code", "5930")
            .await,
    );
    table.record(
        "/access_codes/unmanaged/list",
        seam.access_codes().unmanaged().list(lock).await,
    );
    let unmanaged_id = unmanaged
        .map(|code| code.access_code_id)
        .unwrap_or_default();
    table.record(
        "/access_codes/unmanaged/update",
        seam.access_codes()
            .unmanaged()
            .update(&unmanaged_id, true)
            .await,
    );
    table.record(
        "/access_codes/delete",
        seam.access_codes().delete(&code_id).await,
    );

    // Access control: the seed's Visionline system, a user made here.
    table.record("/acs/systems/list", seam.acs().systems().list().await);
    table.record(
        "/acs/systems/get",
        seam.acs().systems().get(acs_system).await,
    );
    let acs_user = table.record(
        "/acs/users/create",
        seam.acs()
            .users()
            .create("Jane Doe", acs_system)
            .email_address("jane@example.com")
            .await,
    );
    let acs_user_id = acs_user.map(|user| user.acs_user_id).unwrap_or_default();
    table.record("/acs/users/list", seam.acs().users().list().await);
    table.record(
        "/acs/users/get",
        seam.acs().users().get().acs_user_id(&acs_user_id).await,
    );
    table.record(
        "/acs/users/update",
        seam.acs()
            .users()
            .update()
            .acs_user_id(&acs_user_id)
            .full_name("Jane Q. Doe")
            .await,
    );
    table.record(
        "/acs/users/suspend",
        seam.acs().users().suspend().acs_user_id(&acs_user_id).await,
    );
    table.record(
        "/acs/users/unsuspend",
        seam.acs()
            .users()
            .unsuspend()
            .acs_user_id(&acs_user_id)
            .await,
    );
    table.record("/acs/entrances/list", seam.acs().entrances().list().await);
    table.record(
        "/acs/entrances/get",
        seam.acs().entrances().get("visionline_entrance_1").await,
    );
    table.record(
        "/acs/entrances/grant_access",
        seam.acs()
            .entrances()
            .grant_access("visionline_entrance_1")
            .acs_user_id(&acs_user_id)
            .await,
    );
    table.record(
        "/acs/users/add_to_access_group",
        seam.acs()
            .users()
            .add_to_access_group(&acs_user_id, "visionline_access_group_1")
            .await,
    );
    table.record(
        "/acs/users/remove_from_access_group",
        seam.acs()
            .users()
            .remove_from_access_group("visionline_access_group_1")
            .acs_user_id(&acs_user_id)
            .await,
    );

    // User identities and client sessions.
    let identity = table.record(
        "/user_identities/create",
        seam.user_identities()
            .create()
            .user_identity_key("jane_key")
            .email_address("jane@example.com")
            .full_name("Jane Doe")
            .await,
    );
    let identity_id = identity
        .map(|identity| identity.user_identity_id)
        .unwrap_or_default();
    table.record(
        "/user_identities/add_acs_user",
        seam.user_identities()
            .add_acs_user(&acs_user_id)
            .user_identity_id(&identity_id)
            .await,
    );
    table.record(
        "/acs/users/delete",
        seam.acs().users().delete().acs_user_id(&acs_user_id).await,
    );
    let session = table.record(
        "/client_sessions/create",
        seam.client_sessions()
            .create()
            .user_identifier_key("jane_key")
            .connected_account_ids(vec![john.clone()])
            .await,
    );
    let session_id = session
        .map(|session| session.client_session_id)
        .unwrap_or_default();
    table.record(
        "/client_sessions/get",
        seam.client_sessions()
            .get()
            .client_session_id(&session_id)
            .await,
    );
    table.record(
        "/client_sessions/get_or_create",
        seam.client_sessions()
            .get_or_create()
            .user_identifier_key("jane_key")
            .await,
    );

    // Connect webviews and connected accounts.
    table.record(
        "/connect_webviews/create",
        seam.connect_webviews().create().await,
    );
    table.record(
        "/connect_webviews/get",
        seam.connect_webviews().get("connect_webview1").await,
    );
    table.record(
        "/connect_webviews/list",
        seam.connect_webviews().list().await,
    );
    table.record(
        "/connected_accounts/list",
        seam.connected_accounts().list().await,
    );
    table.record(
        "/connected_accounts/get",
        seam.connected_accounts().get(&john).await,
    );
    table.record(
        "/connected_accounts/get",
        seam.connected_accounts()
            .get_by_email("jane@example.com")
            .await,
    );
    table.record(
        "/connected_accounts/update",
        seam.connected_accounts()
            .update(&jane)
            .automatically_manage_new_devices(true)
            .await,
    );

    // Events, made by the calls above.
    let events = table.record(
        "/events/list",
        seam.events().list().since("2000-01-01T00:00:00.000Z").await,
    );
    let event_id = events
        .into_iter()
        .flatten()
        .find_map(|event| match event {
            Event::LockLocked(event) => Some(event.event_id),
            _ => None,
        })
        .unwrap_or_default();
    table.record("/events/get", seam.events().get().event_id(&event_id).await);

    // Noise thresholds of the seeded Minut sensor.
    table.record(
        "/noise_sensors/noise_thresholds/list",
        seam.noise_sensors()
            .noise_thresholds()
            .list(noise_sensor)
            .await,
    );
    let threshold = table.record(
        "/noise_sensors/noise_thresholds/create",
        seam.noise_sensors()
            .noise_thresholds()
            .create(noise_sensor, "22:00:00", "07:00:00")
            .noise_threshold_decibels(70.0)
            .name("Quiet hours")
            .await,
    );
    let threshold_id = threshold
        .map(|threshold| threshold.resource.noise_threshold_id)
        .unwrap_or_default();
    table.record(
        "/noise_sensors/noise_thresholds/get",
        seam.noise_sensors()
            .noise_thresholds()
            .get(&threshold_id)
            .await,
    );
    table.record(
        "/noise_sensors/noise_thresholds/update",
        seam.noise_sensors()
            .noise_thresholds()
            .update(&threshold_id, noise_sensor)
            .name("Night")
            .await,
    );
    table.record(
        "/noise_sensors/noise_thresholds/delete",
        seam.noise_sensors()
            .noise_thresholds()
            .delete(&threshold_id, noise_sensor)
            .await,
    );

    // Webhooks, pointed at loopback (the fake delivers nothing).
    let webhook = table.record(
        "/webhooks/create",
        seam.webhooks()
            .create("http://127.0.0.1:9/seam-events")
            .await,
    );
    let webhook_id = webhook
        .map(|webhook| webhook.webhook_id)
        .unwrap_or_default();
    table.record("/webhooks/get", seam.webhooks().get(&webhook_id).await);
    table.record("/webhooks/list", seam.webhooks().list().await);
    table.record(
        "/webhooks/delete",
        seam.webhooks().delete(&webhook_id).await,
    );

    // Last: these remove what the calls above use.
    table.record(
        "/connected_accounts/delete",
        seam.connected_accounts().delete(&jane).await,
    );
    // The fake's reset wipes its attempts too, so this one is taken as answered:
    // polling it would find nothing.
    table.record(
        "/workspaces/reset_sandbox",
        seam.workspaces()
            .reset_sandbox()
            .wait_for_action_attempt(false)
            .await,
    );

    let mut lines = vec![format!("{:<52} outcome", "route")];
    for (route, outcome) in &table.rows {
        let shown = match outcome {
            Outcome::Decoded(summary) => format!("ok: {summary}"),
            Outcome::Api {
                error_type,
                message,
            } => {
                let reason = EXPECTED_API_ERRORS
                    .iter()
                    .find(|(expected, _, _)| expected == route)
                    .map_or("NOT EXPECTED", |(_, _, reason)| reason);
                format!("API error {error_type} ({message:.60}): {reason}")
            }
            Outcome::DecodeFailure(failure) => format!("DECODE FAILURE: {failure}"),
            Outcome::Other(failure) => format!("FAILED: {failure}"),
        };
        lines.push(format!("{route:<52} {shown}"));
    }
    let count = |wanted: fn(&Outcome) -> bool| {
        table
            .rows
            .iter()
            .filter(|(_, outcome)| wanted(outcome))
            .count()
    };
    lines.push(format!(
        "{} calls: {} decoded, {} API errors, {} decode failures",
        table.rows.len(),
        count(|outcome| matches!(outcome, Outcome::Decoded(_))),
        count(|outcome| matches!(outcome, Outcome::Api { .. })),
        count(|outcome| matches!(outcome, Outcome::DecodeFailure(_))),
    ));
    println!("{}", lines.join("\n"));

    let called: BTreeSet<String> = table
        .rows
        .iter()
        .map(|(route, _)| (*route).to_owned())
        .collect();
    let served = documented_routes_the_fake_serves(&fake);
    assert_eq!(
        served.len(),
        71,
        "the pinned fake serves 71 documented routes"
    );
    assert_eq!(
        called, served,
        "every documented route the fake serves is called"
    );
    let unexpected: Vec<String> = table
        .rows
        .iter()
        .filter(|(_, outcome)| match outcome {
            Outcome::Decoded(_) | Outcome::Api { .. } => false,
            Outcome::DecodeFailure(_) | Outcome::Other(_) => true,
        })
        .map(|(route, outcome)| format!("{route}: {outcome:?}"))
        .collect();
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
    let api_errors: Vec<(&str, &str)> = table
        .rows
        .iter()
        .filter_map(|(route, outcome)| match outcome {
            Outcome::Api { error_type, .. } => Some((*route, error_type.as_str())),
            _ => None,
        })
        .collect();
    let expected: Vec<(&str, &str)> = EXPECTED_API_ERRORS
        .iter()
        .map(|(route, error_type, _)| (*route, *error_type))
        .collect();
    assert_eq!(api_errors, expected, "API errors other than those expected");
}

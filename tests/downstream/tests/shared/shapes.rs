// The endpoints of `shapes.rs`, exercised: what they send, what they refuse, and
// with which path. Included by the tests of both downstream crates, with `sdk`
// the runtime crate and `shapes` the crate under test.

use std::collections::BTreeMap;

use sdk::{Bind, Call, CustomMetadata, Endpoint, Nullable};
use serde_json::json;
use shapes::*;

fn violations(params: &impl Endpoint) -> Vec<String> {
    params.check().err().map_or_else(Vec::new, |errors| {
        errors
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect()
    })
}

fn body(params: &impl Endpoint) -> serde_json::Value {
    serde_json::to_value(params).unwrap()
}

fn client() -> sdk::Client {
    sdk::Client::builder()
        .api_key("seam_apikey1_token")
        .endpoint("http://127.0.0.1:9")
        .build()
        .unwrap()
}

#[test]
fn serialises_only_what_is_set() {
    let params = ListDevices::new()
        .limit(2)
        .device_type(DeviceType::SchlageLock)
        .device_types(vec!["august_lock".to_owned()]);
    assert_eq!(
        body(&params),
        json!({"device_types": ["august_lock"], "device_type": "schlage_lock", "limit": 2})
    );
    assert!(violations(&params).is_empty());
    assert_eq!(body(&ResetSandbox::new()), json!({}));
}

#[test]
fn validates_every_rule() {
    let params = ListDevices::new()
        .connected_account_id("")
        .device_ids(Vec::<String>::new())
        .device_types(vec!["august_lock".to_owned(), "toaster".to_owned()])
        .limit(0);
    assert_eq!(
        violations(&params),
        [
            "connected_account_id is empty, at least 1 required",
            "device_ids is empty, at least 1 required",
            "device_types[1] is \"toaster\", expected one of [\"august_lock\", \"schlage_lock\", \"ecobee_thermostat\"]",
            "limit is 0, at least 1 required",
        ]
    );
}

#[test]
fn declares_the_route() {
    assert_eq!(ListDevices::PATH, "/devices/list");
    const { assert!(ListDevices::IDEMPOTENT) };
    const { assert!(!UnlockDoor::IDEMPOTENT) };
    assert_eq!(GetDevice::RESPONSE_KEY, Some("device"));
}

#[test]
fn decodes_a_page() {
    let body = br#"{"devices": [{"device_id": "d1", "device_type": "august_lock", "extra": 1}],
        "pagination": {"has_next_page": false, "next_page_cursor": null, "next_page_url": null}, "ok": true}"#;
    let page = ListDevices::decode(body).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].device_id, "d1");
    assert_eq!(page.next_cursor(), None);
}

#[test]
fn exactly_one_of_selects_by_id_or_by_name() {
    let by_id = GetDevice::new(DeviceSelector::Id {
        device_id: "d1".into(),
    });
    assert_eq!(body(&by_id), json!({"device_id": "d1"}));
    let by_name = GetDevice::new(DeviceSelector::Name { name: "".into() });
    assert_eq!(body(&by_name), json!({"name": ""}));
    // A flattened selector's fields sit at the top level, and so do their paths.
    assert_eq!(violations(&by_name), ["name is empty, at least 1 required"]);
}

#[test]
fn a_selector_goes_with_common_fields() {
    let params = UnlockDoor::new(DeviceSelector::Id {
        device_id: "d1".into(),
    })
    .sync(true);
    assert_eq!(body(&params), json!({"device_id": "d1", "sync": true}));
}

#[test]
fn discriminated_variants_send_what_each_takes() {
    assert_eq!(
        body(&SetHvacMode::new("t1", HvacMode::Off)),
        json!({"device_id": "t1", "hvac_mode_setting": "off"})
    );
    let heat = SetHvacMode::new(
        "t1",
        HvacMode::Heat {
            heating_set_point_fahrenheit: 68.0,
        },
    );
    assert_eq!(
        body(&heat),
        json!({"device_id": "t1", "hvac_mode_setting": "heat", "heating_set_point_fahrenheit": 68.0})
    );
    assert!(violations(&heat).is_empty());
    let too_cold = SetHvacMode::new(
        "t1",
        HvacMode::Heat {
            heating_set_point_fahrenheit: 20.0,
        },
    );
    assert_eq!(
        violations(&too_cold),
        ["heating_set_point_fahrenheit is 20, at least 40 required"]
    );
    let not_a_number = SetHvacMode::new(
        "t1",
        HvacMode::Cool {
            cooling_set_point_fahrenheit: f64::NAN,
        },
    );
    assert_eq!(
        violations(&not_a_number),
        ["cooling_set_point_fahrenheit is NaN, not a finite number"]
    );
}

fn method(code: Option<&str>) -> AccessMethod {
    AccessMethod {
        mode: "code".into(),
        code: code.map(Into::into),
        schedule: None,
    }
}

#[test]
fn nested_objects_are_validated_with_their_paths() {
    let mut deep = method(Some("1234"));
    deep.mode = "pigeon".into();
    deep.schedule = Some(Schedule {
        starts_at: String::new(),
        weekdays: vec![0; 8],
    });
    let long_key = "k".repeat(41);
    let params = CreateAccessGrant::new("u1", vec![method(Some("1234")), method(Some("12")), deep])
        .space_metadata(BTreeMap::from([(
            "lobby".to_owned(),
            CustomMetadata::from([(long_key.as_str(), "v")]),
        )]))
        .weight(0.0);
    assert_eq!(
        violations(&params),
        [
            "requested_access_methods[1].code has 2 characters, at least 4 required".to_owned(),
            "requested_access_methods[2].mode is \"pigeon\", expected one of [\"code\", \"card\", \"mobile_key\"]".to_owned(),
            "requested_access_methods[2].schedule.starts_at is empty, at least 1 required".to_owned(),
            "requested_access_methods[2].schedule.weekdays has 8 entries, at most 7 allowed".to_owned(),
            format!("space_metadata.lobby.{long_key} has 41 characters in its key, at most 40 allowed"),
            "weight is 0, more than 0 required".to_owned(),
        ]
    );
    assert_eq!(
        violations(&CreateAccessGrant::new("u1", Vec::new()).weight(f64::INFINITY)),
        [
            "requested_access_methods is empty, at least 1 required",
            "weight is inf, not a finite number",
        ]
    );
}

#[test]
fn nullable_parameters_have_three_states() {
    let base = || CreateAccessGrant::new("u1", vec![method(None)]);
    assert_eq!(body(&base()).get("name"), None);
    assert_eq!(body(&base().name(Nullable::Null))["name"], json!(null));
    assert_eq!(
        body(&base().name("Front door"))["name"],
        json!("Front door")
    );
    // The rules apply to a value, never to `null`.
    assert!(violations(&base().name(Nullable::Null)).is_empty());
    assert_eq!(
        violations(&base().name("")),
        ["name is empty, at least 1 required"]
    );
}

#[test]
fn paths_name_parameters_as_they_go_on_the_wire() {
    let params = UpdateThing::new("t1")
        .r#match("fuzzy")
        .display_name("")
        .thing_kind("long");
    assert_eq!(
        body(&params),
        json!({"thingId": "t1", "match": "fuzzy", "displayName": "", "kind": "long"})
    );
    assert_eq!(
        violations(&params),
        [
            "match is \"fuzzy\", expected one of [\"exact\", \"prefix\"]",
            "displayName is empty, at least 1 required",
            "kind has 4 characters, at most 3 allowed",
        ]
    );
}

#[test]
fn patterns_are_checked() {
    let params = UpdateThing::new("t1")
        .starts_at("20240101T1200")
        .event_types(vec!["device.connected".to_owned(), "Device.".to_owned()]);
    assert_eq!(
        violations(&params),
        [r#"eventTypes[1] is "Device.", which does not match ^([a-z])[a-z_.]*[a-z]+$"#]
    );
    assert_eq!(
        violations(&UpdateThing::new("t1").starts_at("2024-01-01")),
        [r#"startsAt is "2024-01-01", which does not match ^\d{8}T\d{4}$"#]
    );
}

#[test]
#[allow(deprecated)]
fn deprecated_and_cfg_fields_work() {
    let params = LegacyUpdateThing::new("t1").label("old").name("new");
    assert_eq!(
        body(&params),
        json!({"thing_id": "t1", "label": "old", "name": "new"})
    );
    #[cfg(unix)]
    assert_eq!(
        violations(&LegacyUpdateThing::new("t1").unix_only("x".repeat(11))),
        ["unix_only has 11 characters, at most 10 allowed"]
    );
}

#[test]
fn bound_calls_keep_their_parameters() {
    let client = client();
    let bound = CreateAccessGrant::new("u1", vec![method(None)])
        .bind(&client)
        .name("n")
        .timeout(std::time::Duration::from_secs(1));
    let (params, _binding) = bound.clone().unbind();
    assert_eq!(body(&params)["name"], json!("n"));
    let _future = bound.send();
    let _pages = ListDevices::new().bind(&client).limit(1).pages();
}

#[tokio::test]
async fn nothing_is_sent_when_a_rule_is_broken() {
    // Port 9 has no server: a request that got out would fail in transport.
    let error = ListDevices::new()
        .bind(&client())
        .limit(0)
        .await
        .unwrap_err();
    assert!(
        error
            .to_string()
            .contains("limit is 0, at least 1 required"),
        "{error}"
    );
}

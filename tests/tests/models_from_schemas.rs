//! Every generated model decodes the instances its own schema describes: minimal
//! (required properties only), maximal (every property; each nullable once null and
//! once a value; every enum value and union variant in turn), and from the future
//! (an unknown value in every enum, an unknown property in every object).
//!
//! Instances are built here from `spec/seam-connect.json`, independently of the
//! generator, so a generator mistake shows up as a decode failure.

use std::collections::BTreeSet;

use seamapi::models;
use serde_json::{Map, Value, json};

type Decode = fn(Value) -> Result<String, String>;

/// Decodes into `T`, answering its `Debug` text.
fn decode<T: serde::de::DeserializeOwned + std::fmt::Debug>(
    value: Value,
) -> Result<String, String> {
    serde_json::from_value::<T>(value)
        .map(|decoded| format!("{decoded:?}"))
        .map_err(|failure| failure.to_string())
}

macro_rules! decoders {
    ($($name:literal => $type:ty,)*) => {
        &[$(($name, decode::<$type> as Decode),)*]
    };
}

/// Component schema to its generated type.
const COMPONENTS: &[(&str, Decode)] = decoders! {
    "access_code" => models::AccessCode,
    "access_grant" => models::AccessGrant,
    "access_method" => models::AccessMethod,
    "acs_access_group" => models::AcsAccessGroup,
    "acs_credential" => models::AcsCredential,
    "acs_credential_pool" => models::AcsCredentialPool,
    "acs_credential_provisioning_automation" => models::AcsCredentialProvisioningAutomation,
    "acs_encoder" => models::AcsEncoder,
    "acs_entrance" => models::AcsEntrance,
    "acs_system" => models::AcsSystem,
    "acs_user" => models::AcsUser,
    "action_attempt" => models::ActionAttempt,
    "batch" => models::Batch,
    "bridge_client_session" => models::BridgeClientSession,
    "bridge_connected_systems" => models::BridgeConnectedSystems,
    "client_session" => models::ClientSession,
    "connect_webview" => models::ConnectWebview,
    "connected_account" => models::ConnectedAccount,
    "customer" => models::Customer,
    "customer_portal" => models::CustomerPortal,
    "customization_profile" => models::CustomizationProfile,
    "device" => models::Device,
    "device_provider" => models::DeviceProvider,
    "enrollment_automation" => models::EnrollmentAutomation,
    "event" => models::Event,
    "instant_key" => models::InstantKey,
    "magic_link" => models::MagicLink,
    "noise_threshold" => models::NoiseThreshold,
    "pagination" => models::Pagination,
    "phone" => models::Phone,
    "phone_registration" => models::PhoneRegistration,
    "phone_session" => models::PhoneSession,
    "space" => models::Space,
    "staff_member" => models::StaffMember,
    "thermostat_daily_program" => models::ThermostatDailyProgram,
    "thermostat_schedule" => models::ThermostatSchedule,
    "unmanaged_access_code" => models::UnmanagedAccessCode,
    "unmanaged_acs_access_group" => models::UnmanagedAcsAccessGroup,
    "unmanaged_acs_credential" => models::UnmanagedAcsCredential,
    "unmanaged_acs_user" => models::UnmanagedAcsUser,
    "unmanaged_device" => models::UnmanagedDevice,
    "user_identity" => models::UserIdentity,
    "webhook" => models::Webhook,
    "workspace" => models::Workspace,
};

/// Documented route answering an object written in place, to its generated type.
const ROUTE_ANSWERS: &[(&str, Decode)] = decoders! {
    "/access_grants/get_related" => models::AccessGrantsBatch,
    "/access_grants/unmanaged/get" => models::UnmanagedAccessGrant,
    "/access_grants/unmanaged/list" => models::UnmanagedAccessGrant,
    "/access_methods/get_related" => models::AccessMethodsBatch,
    "/access_methods/unmanaged/get" => models::UnmanagedAccessMethod,
    "/access_methods/unmanaged/list" => models::UnmanagedAccessMethod,
    "/spaces/get_related" => models::SpacesBatch,
    "/user_identities/unmanaged/get" => models::UnmanagedUserIdentity,
    "/user_identities/unmanaged/list" => models::UnmanagedUserIdentity,
};

const FUTURE_VALUE: &str = "value_from_the_future";
const FUTURE_PROPERTY: &str = "property_from_the_future";

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/seam-connect.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    Minimal,
    Maximal,
    Future,
}

struct Builder<'a> {
    schemas: &'a Map<String, Value>,
    mode: Mode,
    /// Which enum value, union variant, boolean and null-or-value each choice point
    /// takes: `choice % options`.
    choice: usize,
}

impl Builder<'_> {
    fn build(&self, schema: &Value) -> Value {
        if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
            let name = reference.rsplit('/').next().unwrap();
            return self.build(&self.schemas[name]);
        }
        if let Some(parts) = schema.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            for part in parts {
                if let Value::Object(object) = self.build(part) {
                    merged.extend(object);
                }
            }
            return Value::Object(merged);
        }
        let nullable = schema.get("nullable").and_then(Value::as_bool) == Some(true);
        if nullable && self.mode == Mode::Maximal && self.choice % 2 == 1 {
            return Value::Null;
        }
        if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
            return self.build(&variants[self.choice % variants.len()]);
        }
        if let Some(values) = schema.get("enum").and_then(Value::as_array) {
            // A one-value enum is a union's tag: changing it picks another variant.
            if self.mode == Mode::Future && values.len() > 1 && values[0].is_string() {
                return json!(FUTURE_VALUE);
            }
            return values[self.choice % values.len()].clone();
        }
        match schema.get("type").and_then(Value::as_str) {
            Some("string") => match schema.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2025-01-02T03:04:05.000Z"),
                Some("uuid") => json!("6f1e3c8a-2b4d-4e5f-8a9b-0c1d2e3f4a5b"),
                Some("uri") => json!("https://example.com/a"),
                Some("email") => json!("jane@example.com"),
                _ => json!("text"),
            },
            Some("boolean") => json!(self.choice.is_multiple_of(2)),
            Some("integer") => {
                let minimum = schema.get("minimum").and_then(Value::as_i64).unwrap_or(0);
                json!(minimum + 1)
            }
            Some("number") => json!(0.5),
            Some("array") => match self.mode {
                Mode::Minimal => json!([]),
                // Two items, so consecutive variants of an item union both appear.
                _ => json!([
                    self.build(&schema["items"]),
                    self.with_choice(self.choice + 1).build(&schema["items"])
                ]),
            },
            Some("object") => self.object(schema),
            _ => match self.mode {
                Mode::Minimal => json!({}),
                _ => json!({ "any": [1, "two", null] }),
            },
        }
    }

    fn with_choice(&self, choice: usize) -> Self {
        Self {
            schemas: self.schemas,
            mode: self.mode,
            choice,
        }
    }

    fn object(&self, schema: &Value) -> Value {
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let mut object = Map::new();
        for (name, property) in schema
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if self.mode != Mode::Minimal || required.contains(name.as_str()) {
                object.insert(name.clone(), self.build(property));
            }
        }
        if let Some(values) = schema.get("additionalProperties")
            && self.mode != Mode::Minimal
        {
            object.insert("some_key".to_owned(), self.build(values));
        }
        // A map's keys are data, not fields: only an object of named properties gets one.
        if self.mode == Mode::Future && schema.get("additionalProperties").is_none() {
            object.insert(FUTURE_PROPERTY.to_owned(), json!({ "nested": [1, 2] }));
        }
        Value::Object(object)
    }
}

/// The most options any choice point of `schema` has (enum values, union
/// variants; two for booleans and nullables), following references.
fn most_options(
    schemas: &Map<String, Value>,
    schema: &Value,
    seen: &mut BTreeSet<String>,
) -> usize {
    let mut most = 2;
    match schema {
        Value::Object(object) => {
            if let Some(name) = object
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|r| r.rsplit('/').next())
                && seen.insert(name.to_owned())
            {
                most = most.max(most_options(schemas, &schemas[name], seen));
            }
            for key in ["enum", "oneOf"] {
                if let Some(options) = object.get(key).and_then(Value::as_array) {
                    most = most.max(options.len());
                }
            }
            for value in object.values() {
                most = most.max(most_options(schemas, value, seen));
            }
        }
        Value::Array(items) => {
            for item in items {
                most = most.max(most_options(schemas, item, seen));
            }
        }
        _ => {}
    }
    most
}

/// Decodes every instance of `schema` into the type `decode` names; returns the
/// failures and the number of instances.
fn check(
    schemas: &Map<String, Value>,
    name: &str,
    schema: &Value,
    decode: Decode,
) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut instances = 0;
    let choices = most_options(schemas, schema, &mut BTreeSet::new());
    for mode in [Mode::Minimal, Mode::Maximal, Mode::Future] {
        for choice in 0..choices {
            let instance = Builder {
                schemas,
                mode,
                choice,
            }
            .build(schema);
            instances += 1;
            match decode(instance.clone()) {
                Err(failure) => failures.push(format!(
                    "{name} {mode:?} #{choice}: {failure}\n  {instance}"
                )),
                // Built from known values only: nothing may land in a fallback.
                Ok(debug) if mode != Mode::Future && has_fallback(&debug) => {
                    failures.push(format!(
                        "{name} {mode:?} #{choice}: a known value decoded as Unknown\n  {debug}"
                    ))
                }
                Ok(_) => {}
            }
        }
    }
    (failures, instances)
}

/// Whether a `Debug` text shows an `Unknown(..)` fallback (not a variant whose
/// name ends in `Unknown`, such as `TimeZoneUnknown`).
fn has_fallback(debug: &str) -> bool {
    debug
        .match_indices("Unknown(")
        .any(|(at, _)| !debug[..at].ends_with(|c: char| c.is_ascii_alphanumeric()))
}

#[test]
fn fallbacks_are_told_from_variants_named_unknown() {
    assert!(has_fallback("Device { kind: Unknown(\"x\") }"));
    assert!(has_fallback("Unknown(Object {})"));
    assert!(!has_fallback(
        "[TimeZoneUnknown(TimeZoneUnknownDeviceWarning { })]"
    ));
}

#[test]
fn every_component_schema_has_a_generated_type() {
    let spec = spec();
    let in_spec: BTreeSet<&str> = spec["components"]["schemas"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let tested: BTreeSet<&str> = COMPONENTS.iter().map(|(name, _)| *name).collect();
    assert_eq!(in_spec, tested);
}

#[test]
fn every_component_decodes_its_minimal_maximal_and_future_instances() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut failures = Vec::new();
    let mut instances = 0;
    for (name, decode) in COMPONENTS {
        let (failed, count) = check(schemas, name, &schemas[*name], *decode);
        failures.extend(failed);
        instances += count;
    }
    assert!(instances > 44 * 3 * 2, "{instances} instances");
    assert!(
        failures.is_empty(),
        "{} of {instances} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_inline_route_answer_decodes_its_instances() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut failures = Vec::new();
    let mut inline_routes = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        let operation = &item["post"];
        let Some(key) = operation["x-response-key"].as_str() else {
            continue;
        };
        if operation.get("x-undocumented").is_some() {
            continue;
        }
        let answer = &operation["responses"]["200"]["content"]["application/json"]["schema"]["properties"]
            [key];
        let answer = answer.get("items").unwrap_or(answer);
        if answer.get("$ref").is_some() {
            continue;
        }
        inline_routes.insert(path.as_str());
        let decode = ROUTE_ANSWERS
            .iter()
            .find(|(route, _)| route == path)
            .map(|(_, decode)| *decode);
        let decode =
            decode.unwrap_or_else(|| panic!("{path} answers an inline object without a type here"));
        failures.extend(check(schemas, path, answer, decode).0);
    }
    assert_eq!(inline_routes.len(), ROUTE_ANSWERS.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// `/access_codes/generate_code`, where seam-codegen reads Seam's route types over
/// its OpenAPI document (seam-codegen/src/corrections.rs): the answer decodes the
/// instances of the fake server's own schema for it, a second source.
#[test]
fn corrected_answer_decodes_the_fake_servers_schema() {
    let path = seamapi_fake::installed_package_dir()
        .expect("the pinned npm packages")
        .join("node_modules/@seamapi/fake-seam-connect/public/openapi.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|error| panic!("{}: {error}", path.display()));
    let fake_spec: Value = serde_json::from_str(&text).unwrap();
    let answer = &fake_spec["paths"]["/access_codes/generate_code"]["post"]["responses"]["200"]["content"]
        ["application/json"]["schema"]["properties"]["generated_code"];
    assert_eq!(answer["type"], "object", "{answer}");
    let (failures, instances) = check(
        &Map::new(),
        "/access_codes/generate_code",
        answer,
        decode::<models::GeneratedCode>,
    );
    assert!(instances >= 3, "{instances} instances");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn unknown_enum_values_and_union_variants_are_kept() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let device = Builder {
        schemas,
        mode: Mode::Future,
        choice: 0,
    }
    .build(&schemas["device"]);
    let debug = decode::<models::Device>(device).unwrap();
    assert!(
        debug.contains(&format!("Unknown(\"{FUTURE_VALUE}\")")),
        "{debug}"
    );

    let event =
        json!({ "event_type": "thing.happened_in_the_future", "event_id": "e1", "extra": [1] });
    let decoded: models::Event = serde_json::from_value(event.clone()).unwrap();
    assert_eq!(decoded, models::Event::Unknown(event));

    let attempt =
        json!({ "action_type": "LOCK_DOOR", "status": "paused", "action_attempt_id": "a1" });
    let decoded: models::ActionAttempt = serde_json::from_value(attempt.clone()).unwrap();
    assert_eq!(decoded, models::ActionAttempt::Unknown(attempt));

    let value: models::device::DeviceType = serde_json::from_value(json!("teleporter")).unwrap();
    assert_eq!(
        value,
        models::device::DeviceType::Unknown("teleporter".to_owned())
    );
    assert_eq!(value.to_string(), "teleporter");
    let known: models::device::DeviceType = serde_json::from_value(json!("august_lock")).unwrap();
    assert_eq!(known, models::device::DeviceType::AugustLock);
    assert_eq!(known.as_str(), "august_lock");
}

#[test]
fn a_missing_required_field_or_a_known_variant_of_the_wrong_shape_is_an_error() {
    let spec = spec();
    let schemas = spec["components"]["schemas"].as_object().unwrap();
    let mut device = Builder {
        schemas,
        mode: Mode::Minimal,
        choice: 0,
    }
    .build(&schemas["device"]);
    device.as_object_mut().unwrap().remove("device_id");
    let failure = decode::<models::Device>(device).unwrap_err();
    assert!(failure.contains("device_id"), "{failure}");

    // A known tag promises its shape: a success without its action attempt id fails,
    // naming the variant.
    let attempt =
        json!({ "action_type": "LOCK_DOOR", "status": "success", "result": {}, "error": null });
    let failure = decode::<models::ActionAttempt>(attempt).unwrap_err();
    assert!(
        failure.contains("LockDoorSuccess") && failure.contains("action_attempt_id"),
        "{failure}"
    );
}

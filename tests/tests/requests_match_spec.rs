//! Every documented route's request, built through the generated SDK with every
//! parameter set (`generated/request_cases.rs`, written by seam-codegen), passes
//! the SDK's own checks and validates against that route's request schema in
//! `spec/seam-connect.json`.
//!
//! The spec is OpenAPI 3.0, whose schemas are not quite JSON Schema:
//! [`json_schema`] translates `nullable` and the boolean `exclusiveMinimum` /
//! `exclusiveMaximum` into JSON Schema 2020-12, resolves `$ref`s to the spec's
//! components, and forbids properties the schema does not name, so that a field
//! the SDK sends under a wrong name is caught too.

use std::collections::BTreeSet;

use seamapi::Endpoint;
use serde_json::{Map, Value, json};

#[path = "generated/request_cases.rs"]
mod request_cases;

/// One request: its route, which variant of it, and what building it gave.
#[derive(Debug)]
pub struct Case {
    path: &'static str,
    label: &'static str,
    body: Result<Value, String>,
    check: Result<(), String>,
}

/// Serialises and checks `endpoint`, as sending it would.
pub fn case<E: Endpoint>(label: &'static str, endpoint: E) -> Case {
    Case {
        path: E::PATH,
        label,
        body: serde_json::to_value(&endpoint).map_err(|failure| failure.to_string()),
        check: endpoint.check().map_err(|failure| failure.to_string()),
    }
}

fn spec() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/seam-connect.json");
    serde_json::from_str(&std::fs::read_to_string(path).expect("the spec is checked in"))
        .expect("the spec is JSON")
}

/// The documented routes: those without `x-undocumented`.
fn documented_routes(spec: &Value) -> BTreeSet<String> {
    spec["paths"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(_, item)| item["post"]["x-undocumented"] != json!(true))
        .map(|(path, _)| path.clone())
        .collect()
}

/// The route's request body schema as JSON Schema 2020-12; a route that
/// describes no body takes an empty object.
fn request_schema(spec: &Value, path: &str) -> Value {
    let body = &spec["paths"][path]["post"]["requestBody"];
    if body.is_null() {
        return json!({ "type": "object", "maxProperties": 0 });
    }
    json_schema(
        &body["content"]["application/json"]["schema"],
        &spec["components"]["schemas"],
    )
}

/// Translates an OpenAPI 3.0 schema into JSON Schema 2020-12, as the root of a
/// request body: see [`translate`]; the root, whatever it is composed of, also
/// takes no property that none of its parts names.
fn json_schema(schema: &Value, components: &Value) -> Value {
    let mut root = translate(schema, components, Place::Property, 0);
    if let Some(object) = root.as_object_mut()
        && !object.contains_key("additionalProperties")
    {
        object.insert("unevaluatedProperties".to_owned(), json!(false));
    }
    root
}

/// Where a schema sits: a branch of `allOf` / `oneOf` / `anyOf` may not close its
/// object, because its siblings add properties.
#[derive(Clone, Copy, PartialEq)]
enum Place {
    Property,
    Branch,
}

/// - `oneOf` without a `discriminator` becomes `anyOf`: Seam's spec is exported
///   from zod, whose unions accept a value that any variant accepts, and some are
///   ambiguous read as "exactly one" (`/acs/credentials/list` has an empty variant
///   beside `{acs_user_id}`, so no body with `acs_user_id` would pass); variants
///   that must exclude each other say so with `additionalProperties: false`;
/// - `$ref: #/components/schemas/N` is replaced by the component, translated;
/// - `nullable: true` adds `"null"` to `type` (and `null` to `enum`), or, on a
///   schema without `type`, becomes `anyOf: [schema, {type: null}]`;
/// - `exclusiveMinimum: true` beside `minimum: m` becomes `exclusiveMinimum: m`
///   (draft 6 on), `false` is dropped; the same for the maximum;
/// - an object with `properties` and no `additionalProperties` is closed
///   (`unevaluatedProperties: false`), but not a branch of a composition;
/// - OpenAPI-only keywords (`discriminator`, `x-…`) are dropped.
fn translate(schema: &Value, components: &Value, place: Place, depth: usize) -> Value {
    assert!(depth < 64, "a $ref cycle in the spec's request schemas");
    let Some(object) = schema.as_object() else {
        return schema.clone();
    };
    if let Some(reference) = object.get("$ref").and_then(Value::as_str) {
        let name = reference
            .strip_prefix("#/components/schemas/")
            .unwrap_or_else(|| panic!("a $ref outside the components: {reference}"));
        let target = components
            .get(name)
            .unwrap_or_else(|| panic!("no component {name}"));
        // OpenAPI 3.0 ignores a $ref's siblings, but for `nullable`, kept here.
        let mut resolved = target.clone();
        if object.get("nullable") == Some(&json!(true)) {
            resolved["nullable"] = json!(true);
        }
        return translate(&resolved, components, place, depth + 1);
    }
    let mut out = Map::new();
    for (key, value) in object {
        let value = match key.as_str() {
            "discriminator" | "nullable" | "exclusiveMinimum" | "exclusiveMaximum" => continue,
            key if key.starts_with("x-") => continue,
            "properties" => Value::Object(
                value
                    .as_object()
                    .unwrap()
                    .iter()
                    .map(|(name, property)| {
                        let property = translate(property, components, Place::Property, depth);
                        (name.clone(), property)
                    })
                    .collect(),
            ),
            "items" | "additionalProperties" if value.is_object() => {
                translate(value, components, Place::Property, depth)
            }
            "oneOf" if !object.contains_key("discriminator") => {
                let branches = translate(&json!({ "anyOf": value }), components, place, depth);
                out.insert("anyOf".to_owned(), branches["anyOf"].clone());
                continue;
            }
            "allOf" | "oneOf" | "anyOf" => Value::Array(
                value
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|branch| translate(branch, components, Place::Branch, depth))
                    .collect(),
            ),
            _ => value.clone(),
        };
        out.insert(key.clone(), value);
    }
    for (exclusive, bound) in [
        ("exclusiveMinimum", "minimum"),
        ("exclusiveMaximum", "maximum"),
    ] {
        match object.get(exclusive) {
            Some(Value::Bool(true)) => {
                let value = out
                    .remove(bound)
                    .unwrap_or_else(|| panic!("{exclusive}: true without {bound}"));
                out.insert(exclusive.to_owned(), value);
            }
            Some(Value::Bool(false)) | None => {}
            // Already JSON Schema's form: a number.
            Some(number) => {
                out.insert(exclusive.to_owned(), number.clone());
            }
        }
    }
    if place == Place::Property
        && out.get("type") == Some(&json!("object"))
        && out.contains_key("properties")
        && !out.contains_key("additionalProperties")
    {
        out.insert("unevaluatedProperties".to_owned(), json!(false));
    }
    if object.get("nullable") == Some(&json!(true)) {
        match out.get("type").cloned() {
            Some(Value::String(ty)) => {
                out.insert("type".to_owned(), json!([ty, "null"]));
                if let Some(Value::Array(values)) = out.get_mut("enum") {
                    values.push(Value::Null);
                }
            }
            _ => {
                return json!({ "anyOf": [Value::Object(out), { "type": "null" }] });
            }
        }
    }
    Value::Object(out)
}

/// The schema's verdict on `instance`: every error, with where it is.
fn validate(schema: &Value, instance: &Value) -> Result<(), Vec<String>> {
    let validator = jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|failure| panic!("not a valid JSON Schema ({failure}): {schema}"));
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|error| format!("at `{}`: {error}", error.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

#[test]
fn every_routes_request_with_every_parameter_validates_against_the_spec() {
    let spec = spec();
    let mut cases = Vec::new();
    request_cases::push_cases(&mut cases);
    let mut failures = Vec::new();
    let mut routes = BTreeSet::new();
    let mut failed_routes = BTreeSet::new();
    for case in &cases {
        routes.insert(case.path.to_owned());
        let outcome = match (&case.body, &case.check) {
            (Err(failure), _) => Err(format!("not serialised: {failure}")),
            (_, Err(failure)) => Err(format!("refused by the SDK's own checks: {failure}")),
            (Ok(body), Ok(())) => validate(&request_schema(&spec, case.path), body)
                .map_err(|errors| format!("{}\n    body: {body}", errors.join("\n    "))),
        };
        if let Err(failure) = outcome {
            failed_routes.insert(case.path);
            failures.push(format!("{} ({}): {failure}", case.path, case.label));
        }
    }
    println!(
        "{} cases, {} routes; {} routes' bodies validate",
        cases.len(),
        routes.len(),
        routes.len() - failed_routes.len()
    );
    assert_eq!(routes, documented_routes(&spec), "a case for every route");
    assert_eq!(routes.len(), 201);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Sets of parameters really reach the JSON: a body without its required
/// parameter, with a misnamed one, or with a value of the wrong format fails.
#[test]
fn the_validation_can_fail() {
    let spec = spec();
    let schema = request_schema(&spec, "/locks/unlock_door");
    let id = "6f1c2a4e-8b3d-4c5f-9a7e-000000000001";
    assert_eq!(validate(&schema, &json!({ "device_id": id })), Ok(()));
    assert!(validate(&schema, &json!({})).is_err());
    assert!(validate(&schema, &json!({ "device_id": id, "devise_id": id })).is_err());
    assert!(validate(&schema, &json!({ "device_id": "august_device_1" })).is_err());
    // A union body: one variant's parameters pass, a property of none fails.
    let schema = request_schema(&spec, "/connected_accounts/get");
    assert_eq!(
        validate(&schema, &json!({ "email": "jane@example.com" })),
        Ok(())
    );
    assert!(validate(&schema, &json!({ "email": "jane@example.com", "other": 1 })).is_err());
}

#[test]
fn nullable_becomes_a_type_array_or_an_any_of() {
    let components =
        json!({ "thing": { "type": "object", "properties": { "a": { "type": "string" } } } });
    let translated = |schema: Value| translate(&schema, &components, Place::Property, 0);
    assert_eq!(
        translated(json!({ "type": "string", "nullable": true, "format": "uuid" })),
        json!({ "type": ["string", "null"], "format": "uuid" })
    );
    assert_eq!(
        translated(json!({ "type": "string", "nullable": true, "enum": ["a", "b"] })),
        json!({ "type": ["string", "null"], "enum": ["a", "b", null] })
    );
    let union = translated(json!({
        "nullable": true,
        "oneOf": [{ "type": "string" }, { "type": "boolean" }]
    }));
    assert_eq!(
        union,
        json!({ "anyOf": [{ "anyOf": [{ "type": "string" }, { "type": "boolean" }] }, { "type": "null" }] })
    );
    for (instance, valid) in [
        (json!(null), true),
        (json!("x"), true),
        (json!(true), true),
        (json!(1), false),
    ] {
        assert_eq!(validate(&union, &instance).is_ok(), valid, "{instance}");
    }
    // A nullable $ref: the component, translated and closed, or null.
    let reference = translated(json!({ "$ref": "#/components/schemas/thing", "nullable": true }));
    assert_eq!(
        reference,
        json!({ "type": ["object", "null"], "properties": { "a": { "type": "string" } }, "unevaluatedProperties": false })
    );
    assert!(validate(&reference, &json!(null)).is_ok());
    assert!(validate(&reference, &json!({ "b": 1 })).is_err());
    // Not nullable: null fails.
    assert!(validate(&translated(json!({ "type": "string" })), &json!(null)).is_err());
}

/// Read as "exactly one", `/acs/credentials/list` refuses every body naming
/// `acs_user_id` (it matches its variant and the empty one); as zod reads it, it
/// takes it, and still refuses a property no variant names.
#[test]
fn unions_without_a_discriminator_take_any_variant() {
    let spec = spec();
    let body = json!({ "acs_user_id": "6f1c2a4e-8b3d-4c5f-9a7e-000000000001" });
    let raw = &spec["paths"]["/acs/credentials/list"]["post"]["requestBody"]["content"]["application/json"]
        ["schema"];
    let strict = jsonschema::draft202012::options()
        .build(&json!({ "oneOf": raw["allOf"][0]["oneOf"] }))
        .unwrap();
    assert!(!strict.is_valid(&body));
    let schema = request_schema(&spec, "/acs/credentials/list");
    assert_eq!(validate(&schema, &body), Ok(()));
    assert!(validate(&schema, &json!({ "acs_user": "x" })).is_err());
    // A discriminated union stays "exactly one".
    let translated = translate(
        &json!({ "oneOf": [{ "type": "string" }], "discriminator": { "propertyName": "kind" } }),
        &json!({}),
        Place::Property,
        0,
    );
    assert_eq!(translated, json!({ "oneOf": [{ "type": "string" }] }));
}

#[test]
fn boolean_exclusive_bounds_become_numbers() {
    let translated = |schema: Value| translate(&schema, &json!({}), Place::Property, 0);
    let positive = translated(json!({ "type": "integer", "minimum": 0, "exclusiveMinimum": true }));
    assert_eq!(
        positive,
        json!({ "type": "integer", "exclusiveMinimum": 0 })
    );
    assert!(validate(&positive, &json!(0)).is_err());
    assert!(validate(&positive, &json!(1)).is_ok());
    assert_eq!(
        translated(json!({ "type": "number", "maximum": 5, "exclusiveMaximum": false })),
        json!({ "type": "number", "maximum": 5 })
    );
    let below = translated(json!({ "type": "number", "maximum": 5, "exclusiveMaximum": true }));
    assert!(validate(&below, &json!(5)).is_err());
    assert!(validate(&below, &json!(4.5)).is_ok());
}

/// Only objects reached as a property or an item are closed: a branch of a
/// composition is not, or `allOf` could never pass.
#[test]
fn branches_of_compositions_stay_open() {
    let schema = json_schema(
        &json!({ "allOf": [
            { "oneOf": [
                { "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"] },
                { "type": "object", "properties": { "b": { "type": "string" } }, "required": ["b"] }
            ] },
            { "type": "object", "properties": { "common": { "type": "boolean" } } }
        ] }),
        &json!({}),
    );
    assert!(validate(&schema, &json!({ "a": "x", "common": true })).is_ok());
    assert!(validate(&schema, &json!({ "b": "x" })).is_ok());
    assert!(validate(&schema, &json!({ "a": "x", "c": 1 })).is_err());
    assert!(validate(&schema, &json!({ "common": true })).is_err());
}

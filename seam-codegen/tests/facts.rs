//! Facts of the pinned spec (@seamapi/types 1.977.0), measured once by hand against
//! Seam's full OpenAPI document: when the pin moves, these say what changed.

use std::sync::OnceLock;

use seam_codegen::spec::{HttpMethod, RequestBody, ResponseShape, SchemaRef, default_spec_path};
use seam_codegen::summary::{ActionAttemptVariants, Answers, Nullable, Unions};
use seam_codegen::{Spec, Summary};
use serde_json::Value;

fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        Spec::load_as_exported(&default_spec_path()).expect("spec/seam-connect.json loads")
    })
}

fn route(path: &str) -> &'static seam_codegen::spec::Route {
    spec()
        .route(path)
        .unwrap_or_else(|| panic!("{path} is in the spec"))
}

#[test]
fn the_spec_comes_from_the_version_package_json_pins() {
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../package.json"))
        .expect("package.json is readable");
    let manifest: Value = serde_json::from_str(&manifest).expect("package.json is JSON");
    let pinned = &manifest["devDependencies"]["@seamapi/types"];
    assert_eq!(spec().source.package, "@seamapi/types");
    assert_eq!(
        pinned.as_str(),
        Some(spec().source.version.as_str()),
        "regenerate with `npm ci && node scripts/export-spec.mjs`"
    );
}

#[test]
fn counts_of_routes_answers_unions_and_schemas() {
    use HttpMethod::*;
    let summary = Summary::of(spec());
    assert_eq!(
        summary,
        Summary {
            spec_version: "1.977.0".into(),
            paths: 316,
            documented: 201,
            internal_paths: 86,
            internal_documented: 0,
            served_on_post: 316,
            documented_by_semantic_method: [
                (Get, 75),
                (Post, 66),
                (Put, 12),
                (Patch, 21),
                (Delete, 27)
            ]
            .into_iter()
            .collect(),
            answers: Answers {
                void: 82,
                one_component: 70,
                list_of_component: 40,
                one_inline: 6,
                list_of_inline: 3,
                paginated: 16,
                action_attempt_in_answer: 30,
                action_attempt_typed: 30,
                action_attempt_any: 31,
                action_attempt_beside_key: 7,
            },
            nullable: Nullable {
                parameters: 56,
                routes: 32,
                parameters_without_page_cursor: 37,
                routes_without_page_cursor: 20,
            },
            unions: Unions {
                one_of: 8,
                one_of_with_common: 3,
                discriminated: 2,
            },
            schemas: 44,
            event_types: 109,
            action_attempt: ActionAttemptVariants {
                variants: 63,
                action_types: 21,
                statuses: vec!["pending".into(), "success".into(), "error".into()],
            },
            device_properties: 37,
        }
    );
    assert_eq!(summary.unions.total(), 13);
}

#[test]
fn every_internal_route_is_undocumented() {
    let documented_internal: Vec<_> = spec()
        .routes
        .iter()
        .filter(|route| {
            route
                .path
                .starts_with(seam_codegen::summary::INTERNAL_PREFIX)
                && route.documented
        })
        .map(|route| &route.path)
        .collect();
    assert_eq!(documented_internal, Vec::<&String>::new());
}

#[test]
fn an_action_attempt_beside_a_resource_and_without_a_response_key() {
    let create = route("/access_codes/create");
    assert_eq!(create.response.key.as_deref(), Some("access_code"));
    assert_eq!(
        create.response.shape,
        ResponseShape::Resource(SchemaRef::Component("access_code".into()))
    );
    assert_eq!(
        create.response.properties,
        ["access_code", "action_attempt"]
    );
    assert_eq!(
        create.action_attempt_type.as_deref(),
        Some("CREATE_ACCESS_CODE")
    );

    let delete = route("/access_codes/delete");
    assert_eq!(delete.response.key, None);
    assert!(delete.response.has_action_attempt());
    assert_eq!(delete.semantic_method, HttpMethod::Delete);

    // Typed as an action, yet its answer holds no attempt.
    let convert = route("/access_codes/unmanaged/convert_to_managed");
    assert_eq!(
        convert.action_attempt_type.as_deref(),
        Some("CONVERT_ACCESS_CODE_TO_MANAGED")
    );
    assert!(!convert.response.has_action_attempt());

    let lock = route("/locks/lock_door");
    assert_eq!(lock.response.key.as_deref(), Some("action_attempt"));
    assert_eq!(lock.semantic_method, HttpMethod::Post);
}

#[test]
fn methods_and_semantic_methods() {
    let update = route("/access_codes/update");
    assert_eq!(
        update.methods,
        [HttpMethod::Post, HttpMethod::Put, HttpMethod::Patch]
    );
    assert_eq!(update.semantic_method, HttpMethod::Put);
    let list = route("/access_codes/list");
    assert_eq!(list.methods, [HttpMethod::Get, HttpMethod::Post]);
    assert_eq!(list.semantic_method, HttpMethod::Get);
    assert_eq!(list.namespace, ["access_codes"]);
    assert_eq!(list.method_name, "list");
    assert_eq!(
        list.response.shape,
        ResponseShape::List(SchemaRef::Component("access_code".into()))
    );
    assert!(list.response.has_pagination());
}

#[test]
fn union_bodies_of_each_kind() {
    let RequestBody::Discriminated { property, variants } =
        &route("/thermostats/set_hvac_mode").request_body
    else {
        panic!("set_hvac_mode has a discriminated body")
    };
    assert_eq!(property, "hvac_mode_setting");
    assert_eq!(variants.len(), 5);

    let RequestBody::OneOfWithCommon { variants, common } =
        &route("/acs/encoders/list").request_body
    else {
        panic!("acs/encoders/list selects one id list beside common fields")
    };
    let selectors: Vec<Vec<_>> = variants
        .iter()
        .map(|variant| {
            variant
                .parameters
                .iter()
                .map(|parameter| parameter.name.as_str())
                .collect()
        })
        .collect();
    assert_eq!(
        selectors,
        [["acs_system_id"], ["acs_system_ids"], ["acs_encoder_ids"]]
    );
    let common: Vec<_> = common
        .parameters
        .iter()
        .map(|parameter| parameter.name.as_str())
        .collect();
    assert_eq!(common, ["limit", "page_cursor"]);

    let RequestBody::OneOf(variants) = &route("/access_methods/delete").request_body else {
        panic!("access_methods/delete takes exactly one of three ids")
    };
    assert!(
        variants
            .iter()
            .all(|variant| variant.parameters.len() == 1 && variant.parameters[0].required)
    );

    // allOf of two plain objects is one object, not a union.
    assert!(matches!(
        route("/customers/create_portal").request_body,
        RequestBody::Object(_)
    ));
}

#[test]
fn nullable_and_constrained_parameters() {
    let create = route("/access_codes/create");
    let parameters = create.request_body.parameters();
    let code = parameters
        .iter()
        .find(|parameter| parameter.name == "code")
        .expect("code");
    assert_eq!(code.schema["minLength"], 4);
    assert_eq!(code.schema["maxLength"], 12);
    assert_eq!(code.schema["pattern"], "^\\d+$");
    let device_id = parameters
        .iter()
        .find(|parameter| parameter.name == "device_id")
        .expect("device_id");
    assert!(device_id.required && !device_id.nullable);
    let sync = parameters
        .iter()
        .find(|parameter| parameter.name == "sync")
        .expect("sync");
    assert!(!sync.documented);
    let use_offline = parameters
        .iter()
        .find(|parameter| parameter.name == "use_offline_access_code")
        .expect("use_offline_access_code");
    assert!(use_offline.deprecated);

    let update = route("/user_identities/update");
    let nullable: Vec<_> = update
        .request_body
        .parameters()
        .into_iter()
        .filter(|parameter| parameter.nullable)
        .map(|parameter| parameter.name.as_str())
        .collect();
    assert_eq!(
        nullable,
        [
            "email_address",
            "full_name",
            "phone_number",
            "user_identity_key"
        ]
    );
}

#[test]
fn the_event_schema_is_a_union_on_event_type() {
    let event = &spec().schemas["event"];
    assert_eq!(event["discriminator"]["propertyName"], "event_type");
}

#[test]
fn a_void_route_may_describe_no_answer_at_all() {
    let update = route("/workspaces/update");
    assert!(update.documented);
    assert_eq!(update.response.shape, ResponseShape::Void);
    assert!(update.response.properties.is_empty());
}

/// Keys whose values are Seam's prose, or a sentence standing for a flag.
const PROSE_KEYS: &[&str] = &[
    "description",
    "summary",
    "title",
    "example",
    "examples",
    "x-title",
    "x-deprecated",
    "x-property-groups",
    "x-variant-groups",
];

/// Where keys are names chosen by Seam (a property called `description`), not
/// keywords.
const NAME_MAPS: &[&str] = &[
    "properties",
    "paths",
    "schemas",
    "securitySchemes",
    "content",
    "responses",
];

/// Every prose key's location, and every flag that carries a sentence instead of `true`.
fn prose_in(value: &Value, at: &str, found: &mut Vec<String>) {
    match value {
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                prose_in(item, &format!("{at}[{index}]"), found);
            }
        }
        Value::Object(object) => {
            for (key, child) in object {
                let child_at = format!("{at}.{key}");
                if PROSE_KEYS.contains(&key.as_str()) {
                    found.push(child_at.clone());
                }
                if (key == "x-undocumented" || key == "x-draft") && child != &Value::Bool(true) {
                    found.push(child_at.clone());
                }
                if NAME_MAPS.contains(&key.as_str())
                    && let Value::Object(names) = child
                {
                    for (name, named) in names {
                        prose_in(named, &format!("{child_at}.{name}"), found);
                    }
                    continue;
                }
                prose_in(child, &child_at, found);
            }
        }
        _ => {}
    }
}

#[test]
fn the_checked_in_spec_holds_no_prose() {
    let text = std::fs::read_to_string(default_spec_path()).expect("spec is readable");
    let document: Value = serde_json::from_str(&text).expect("spec is JSON");
    let mut found = Vec::new();
    prose_in(&document, "", &mut found);
    assert_eq!(found, Vec::<String>::new());
    // Names are not prose: a property called `description` stays.
    let kisi = &document["components"]["schemas"]["device"]["properties"]["properties"]["allOf"][0]
        ["allOf"][1]["properties"]["kisi_metadata"];
    assert_eq!(kisi["properties"]["description"]["type"], "string");
}

#[test]
fn the_prose_check_finds_prose_and_spares_names() {
    let document = serde_json::json!({
        "paths": { "/a": { "post": { "summary": "/a", "x-undocumented": "Internal." } } },
        "components": { "schemas": { "thing": {
            "description": "A thing.",
            "properties": { "title": { "type": "string", "title": "Title" } },
        } } },
    });
    let mut found = Vec::new();
    prose_in(&document, "", &mut found);
    found.sort();
    assert_eq!(
        found,
        [
            ".components.schemas.thing.description",
            ".components.schemas.thing.properties.title.title",
            ".paths./a.post.summary",
            ".paths./a.post.x-undocumented",
        ]
    );
}

#[test]
fn the_checked_in_spec_is_in_the_exports_canonical_form() {
    // Sorted keys, two-space indent, a final newline: what the export writes, so a
    // hand edit or a different writer shows up here rather than as a noisy diff later.
    let text = std::fs::read_to_string(default_spec_path()).expect("spec is readable");
    let document: Value = serde_json::from_str(&text).expect("spec is JSON");
    fn assert_sorted(value: &Value, at: &str) {
        match value {
            Value::Object(object) => {
                let keys: Vec<_> = object.keys().collect();
                let mut sorted = keys.clone();
                sorted.sort();
                assert_eq!(keys, sorted, "keys at {at}");
                for (key, child) in object {
                    assert_sorted(child, &format!("{at}.{key}"));
                }
            }
            Value::Array(items) => items.iter().for_each(|item| assert_sorted(item, at)),
            _ => {}
        }
    }
    assert_sorted(&document, "");
    let rewritten = serde_json::to_string_pretty(&document).expect("serialises") + "\n";
    assert!(
        rewritten == text,
        "spec/seam-connect.json is not in canonical form"
    );
}

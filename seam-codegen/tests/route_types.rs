//! Seam's OpenAPI document, as the generator reads it (with
//! `seam-codegen/src/corrections.rs` applied), against the route types of the same
//! pinned `@seamapi/types` package (`dist/connect.d.cts`), which Seam's server and
//! its fake are typed against: for every documented route, the parameters (of
//! every variant of a union body), the properties of the answer, and the property
//! names of each one's object, agree.
//!
//! The fake serves 71 documented routes; this covers the answers of all 201. It is
//! how `/access_codes/generate_code` was found to differ, and it finds the next such
//! route when the pin moves. The route types are read as text: `tsup` writes them
//! with a fixed indentation, which the reader relies on and checks.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

/// Answer property to the property names of its object (empty when it is not an
/// object, or its type is written on one line).
type Answer = BTreeMap<String, BTreeSet<String>>;

/// What the route types declare of one route.
#[derive(Debug, Default)]
struct RouteType {
    /// Every parameter of `commonParams`, `jsonBody` and `queryParams`, of every
    /// variant of a union.
    parameters: BTreeSet<String>,
    answer: Answer,
}

/// Route path to its route type, from the declaration file's text.
fn route_types(text: &str) -> BTreeMap<String, RouteType> {
    let lines: Vec<&str> = text.lines().collect();
    let mut routes = BTreeMap::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        let route = lines[i]
            .strip_prefix("    '")
            .and_then(|rest| rest.strip_suffix("': {"))
            .filter(|path| lines[i + 1].trim() == format!("route: '{path}';"));
        let Some(path) = route else {
            i += 1;
            continue;
        };
        let start = (i + 1..lines.len())
            .find(|&j| lines[j].starts_with("        jsonResponse: {"))
            .expect("every route declares its jsonResponse");
        let mut parameters = BTreeSet::new();
        let mut section = "";
        for line in &lines[i + 2..start] {
            if let Some(name) = property_at(line, 8) {
                section = if ["commonParams", "jsonBody", "queryParams"].contains(&name.as_str()) {
                    "parameters"
                } else {
                    ""
                };
            } else if let (Some(name), "parameters") = (property_at(line, 12), section) {
                parameters.insert(name);
            }
        }
        let mut answer = Answer::new();
        let mut current: Option<String> = None;
        let mut j = start + 1;
        // `jsonResponse: {};` declares an empty answer on its own line.
        let open = lines[start].trim_end().ends_with('{');
        while open && !lines[j].starts_with("        }") {
            if let Some(name) = property_at(lines[j], 12) {
                answer.insert(name.clone(), BTreeSet::new());
                current = Some(name);
            } else if let (Some(name), Some(key)) = (property_at(lines[j], 16), &current) {
                answer.get_mut(key).unwrap().insert(name);
            }
            j += 1;
        }
        routes.insert(path.to_owned(), RouteType { parameters, answer });
        i = j;
    }
    routes
}

/// `name` of a line `{indent spaces}name: ...` or `name?: ...`.
fn property_at(line: &str, indent: usize) -> Option<String> {
    let rest = line.strip_prefix(&" ".repeat(indent))?;
    let (name, _) = rest.split_once(": ")?;
    let name = name.strip_suffix('?').unwrap_or(name);
    (!name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .then(|| name.to_owned())
}

/// The property names of the object `schema` describes (its items', for an array;
/// every variant's, for a union).
fn property_names(schema: &Value, components: &Map<String, Value>) -> BTreeSet<String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.rsplit('/').next().unwrap();
        return property_names(&components[name], components);
    }
    if schema.get("type").and_then(Value::as_str) == Some("array") {
        return property_names(&schema["items"], components);
    }
    let mut names: BTreeSet<String> = schema
        .get("properties")
        .and_then(Value::as_object)
        .map(|properties| properties.keys().cloned().collect())
        .unwrap_or_default();
    for union in ["oneOf", "anyOf", "allOf"] {
        for variant in schema
            .get(union)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            names.extend(property_names(variant, components));
        }
    }
    names
}

/// The route types of the pinned package, every path's.
fn pinned_route_types() -> BTreeMap<String, RouteType> {
    let package_dir = seamapi_fake::installed_package_dir().expect("the pinned npm packages");
    let declarations = package_dir.join("node_modules/@seamapi/types/dist/connect.d.cts");
    let text = std::fs::read_to_string(&declarations)
        .unwrap_or_else(|error| panic!("{}: {error}", declarations.display()));
    let types = route_types(&text);
    assert_eq!(types.len(), 316, "every path's route type is read");
    types
}

/// The document's paths as the generator reads them (corrected), and its
/// component schemas.
fn corrected_document() -> (BTreeMap<String, Map<String, Value>>, Map<String, Value>) {
    let document: Value = serde_json::from_str(
        &std::fs::read_to_string(seam_codegen::spec::default_spec_path()).unwrap(),
    )
    .unwrap();
    let mut paths: BTreeMap<String, Map<String, Value>> =
        serde_json::from_value(document["paths"].clone()).unwrap();
    seam_codegen::corrections::apply(&mut paths).unwrap();
    let components = document["components"]["schemas"]
        .as_object()
        .unwrap()
        .clone();
    (paths, components)
}

#[test]
fn every_documented_request_takes_the_route_types_parameters() {
    let types = pinned_route_types();
    let (paths, components) = corrected_document();
    let mut differences = Vec::new();
    let mut documented = 0;
    for (path, item) in &paths {
        let operation = &item["post"];
        if operation.get("x-undocumented").is_some() {
            continue;
        }
        documented += 1;
        let body = operation
            .pointer("/requestBody/content/application~1json/schema")
            .cloned()
            .unwrap_or(Value::Null);
        let in_document = property_names(&body, &components);
        let in_types = &types[path].parameters;
        if &in_document != in_types {
            let only_document: Vec<_> = in_document.difference(in_types).collect();
            let only_types: Vec<_> = in_types.difference(&in_document).collect();
            differences.push(format!(
                "{path}: only in the document {only_document:?}, only in the route types {only_types:?}"
            ));
        }
    }
    assert_eq!(documented, 201);
    assert!(
        differences.is_empty(),
        "the document and the route types disagree on parameters\n{}",
        differences.join("\n")
    );
}

#[test]
fn every_documented_answer_agrees_with_seams_route_types() {
    let types = pinned_route_types();
    let (paths, components) = corrected_document();
    let components = &components;

    let mut compared = 0;
    let mut differences = Vec::new();
    for (path, item) in &paths {
        let operation = &item["post"];
        if operation.get("x-undocumented").is_some() {
            continue;
        }
        let answer = operation
            .pointer("/responses/200/content/application~1json/schema/properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        let declared = &types[path].answer;
        let in_document: BTreeSet<&String> = answer.keys().filter(|key| *key != "ok").collect();
        let in_types: BTreeSet<&String> = declared.keys().collect();
        if in_document != in_types {
            differences.push(format!("{path}: {in_document:?} against {in_types:?}"));
            continue;
        }
        for (key, schema) in &answer {
            let Some(names) = declared.get(key).filter(|names| !names.is_empty()) else {
                continue;
            };
            compared += 1;
            let documented = property_names(schema, components);
            if &documented != names {
                let only_document: Vec<_> = documented.difference(names).collect();
                let only_types: Vec<_> = names.difference(&documented).collect();
                differences.push(format!(
                    "{path} `{key}`: only in the document {only_document:?}, only in the route types {only_types:?}"
                ));
            }
        }
    }
    println!("{compared} answer objects compared");
    assert!(compared > 100, "{compared} answer objects compared");
    assert!(
        differences.is_empty(),
        "the document and the route types disagree: add a correction to \
         seam-codegen/src/corrections.rs, or check the fake\n{}",
        differences.join("\n")
    );
}

#[test]
fn the_reader_finds_parameters_answer_properties_and_their_fields() {
    let text = "\
export type Routes = {
    '/things/get': {
        route: '/things/get';
        method: 'POST';
        queryParams: {};
        jsonBody: {};
        commonParams: ({
            /** By ID. */
            thing_id: string;
        } | {
            thing_key: string;
            nested?: {
                deeper: string;
            } | undefined;
        });
        formData: {};
        jsonResponse: {
            /** A thing. */
            thing: {
                thing_id: string;
                name?: string | undefined;
                nested: {
                    deeper: string;
                };
            };
            count: number;
        };
        maxDuration: undefined;
    };
};
";
    let routes = route_types(text);
    assert_eq!(
        routes["/things/get"].parameters,
        BTreeSet::from([
            "thing_id".to_owned(),
            "thing_key".to_owned(),
            "nested".to_owned()
        ])
    );
    let answer = &routes["/things/get"].answer;
    assert_eq!(
        answer["thing"],
        BTreeSet::from([
            "thing_id".to_owned(),
            "name".to_owned(),
            "nested".to_owned()
        ])
    );
    assert!(answer["count"].is_empty());
    assert_eq!(answer.len(), 2);
}

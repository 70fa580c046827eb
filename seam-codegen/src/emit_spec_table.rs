//! Writes the facts of every route (documented or not) that `#[seam_endpoint]`
//! checks a definition against: `seam-macros/src/spec_table.rs`, a static table
//! compiled into the macro, so that no expansion parses JSON.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::emit::{GeneratedFile, header};
use crate::models::{flag, merge_all_of, str_of};
use crate::spec::{ObjectBody, Parameter, RequestBody, Route, Spec, SpecError};

/// `seam-macros/src/` in this workspace: the table is its `spec_table.rs`.
pub fn default_table_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("seam-macros")
        .join("src")
}

pub const TABLE_FILE: &str = "spec_table.rs";

/// One parameter as the checks see it: every variant of a union body merged,
/// required where every variant requires it.
#[derive(Debug, Clone, PartialEq)]
struct Param {
    name: String,
    kind: &'static str,
    required: bool,
    nullable: bool,
    deprecated: bool,
    values: Vec<String>,
    min_length: Option<u64>,
    max_length: Option<u64>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    exclusive_minimum: bool,
    min_items: Option<u64>,
    max_items: Option<u64>,
}

fn kind(schema: &Value) -> &'static str {
    if schema.get("oneOf").is_some() {
        let variants = schema["oneOf"].as_array().cloned().unwrap_or_default();
        let kinds: BTreeSet<&str> = variants.iter().map(kind).collect();
        return match kinds.len() {
            1 => kinds.into_iter().next().unwrap_or("Any"),
            _ => "Any",
        };
    }
    match str_of(schema, "type") {
        Some("string") => "String",
        Some("boolean") => "Boolean",
        Some("integer") => "Integer",
        Some("number") => "Number",
        Some("array") => "Array",
        Some("object") => "Object",
        _ => "Any",
    }
}

fn string_values(schema: &Value) -> Vec<String> {
    let mut values = Vec::new();
    let mut push = |schema: &Value| {
        for value in schema
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
        {
            if !values.iter().any(|seen| seen == value) {
                values.push(value.to_owned());
            }
        }
    };
    match schema.get("oneOf").and_then(Value::as_array) {
        Some(variants) => variants.iter().for_each(&mut push),
        None => push(schema),
    }
    values
}

fn lower_param(parameter: &Parameter, required: bool, at: &str) -> Result<Param, SpecError> {
    let schema = merge_all_of(&parameter.schema, at)?;
    let count = |key: &str| schema.get(key).and_then(Value::as_u64);
    let number = |key: &str| schema.get(key).and_then(Value::as_f64);
    Ok(Param {
        name: parameter.name.clone(),
        kind: kind(&schema),
        required,
        nullable: parameter.nullable,
        deprecated: parameter.deprecated,
        values: string_values(&schema),
        min_length: count("minLength"),
        max_length: count("maxLength"),
        minimum: number("minimum"),
        maximum: number("maximum"),
        exclusive_minimum: flag(&schema, "exclusiveMinimum"),
        min_items: count("minItems"),
        max_items: count("maxItems"),
    })
}

/// Every parameter of the body (and query), once by name.
fn params(route: &Route) -> Result<(Vec<Param>, bool), SpecError> {
    let bodies = route.request_body.bodies();
    let union = route.request_body.is_union();
    let variants: Vec<&ObjectBody> = match &route.request_body {
        RequestBody::OneOf(variants)
        | RequestBody::Discriminated { variants, .. }
        | RequestBody::OneOfWithCommon { variants, .. } => variants.iter().collect(),
        _ => Vec::new(),
    };
    let common: Option<&ObjectBody> = match &route.request_body {
        RequestBody::Object(body) => Some(body),
        RequestBody::OneOfWithCommon { common, .. } => Some(common),
        _ => None,
    };
    let mut out: Vec<Param> = Vec::new();
    for parameter in bodies
        .iter()
        .flat_map(|body| &body.parameters)
        .chain(&route.query_parameters)
    {
        if let Some(seen) = out.iter_mut().find(|seen| seen.name == parameter.name) {
            // Variants may each allow some values of an enum: any of them is fine.
            let schema = merge_all_of(&parameter.schema, &route.path)?;
            for value in string_values(&schema) {
                if !seen.values.contains(&value) {
                    seen.values.push(value);
                }
            }
            continue;
        }
        let in_common = common.is_some_and(|common| {
            common
                .parameters
                .iter()
                .any(|p| p.name == parameter.name && p.required)
        });
        let in_every_variant = !variants.is_empty()
            && variants.iter().all(|variant| {
                variant
                    .parameters
                    .iter()
                    .any(|p| p.name == parameter.name && p.required)
            });
        let in_query = route
            .query_parameters
            .iter()
            .any(|p| p.name == parameter.name && p.required);
        let required = in_common || in_every_variant || in_query;
        out.push(lower_param(parameter, required, &route.path)?);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok((out, union))
}

fn option<T: std::fmt::Display>(value: Option<T>) -> String {
    match value {
        Some(value) => format!("Some({value})"),
        None => "None".to_owned(),
    }
}

fn float(value: Option<f64>) -> String {
    match value {
        Some(value) => format!("Some({value:?})"),
        None => "None".to_owned(),
    }
}

/// The table file, not yet formatted.
pub fn render(spec: &Spec) -> Result<GeneratedFile, SpecError> {
    let mut text = format!(
        "{}\n\n\
         //! Seam's API as `#[seam_endpoint]` checks definitions against it: every route\n\
         //! of `spec/seam-connect.json`, documented or not, with its methods, answer and\n\
         //! parameters (union bodies merged: required where every variant requires it).\n\n\
         use crate::spec_check::Kind::*;\n\
         use crate::spec_check::{{DEPRECATED, EXCLUSIVE_MINIMUM, NULLABLE, REQUIRED, Route, p}};\n\n\
         /// The npm package and version the table comes from.\n\
         pub(crate) const SPEC_VERSION: &str = \"{}@{}\";\n\n\
         /// Every route, sorted by path: a line per parameter.\n\
         #[rustfmt::skip]\n\
         pub(crate) static ROUTES: &[Route] = &[\n",
        header(spec),
        spec.source.package,
        spec.source.version
    );
    for route in &spec.routes {
        let (params, union) = params(route)?;
        let methods: Vec<String> = route
            .methods
            .iter()
            .map(|method| format!("{:?}", method.as_str()))
            .collect();
        let keys: Vec<String> = route
            .response
            .key
            .iter()
            .chain(
                route
                    .response
                    .properties
                    .iter()
                    .filter(|property| Some(*property) != route.response.key.as_ref()),
            )
            .filter(|property| *property != "pagination")
            .map(|key| format!("{key:?}"))
            .collect();
        writeln!(
            text,
            "Route {{ path: {:?}, methods: &[{}], deprecated: {}, keys: &[{}], paginated: {}, union: {union}, params: &[",
            route.path,
            methods.join(", "),
            route.deprecated,
            keys.join(", "),
            route.response.has_pagination(),
        )
        .unwrap();
        for param in params {
            let values: Vec<String> = param.values.iter().map(|v| format!("{v:?}")).collect();
            let mut flags = Vec::new();
            for (on, flag) in [
                (param.required, "REQUIRED"),
                (param.nullable, "NULLABLE"),
                (param.deprecated, "DEPRECATED"),
                (param.exclusive_minimum, "EXCLUSIVE_MINIMUM"),
            ] {
                if on {
                    flags.push(flag);
                }
            }
            let flags = if flags.is_empty() {
                "0".to_owned()
            } else {
                flags.join(" | ")
            };
            let head = format!(
                "{:?}, {}, {flags}, &[{}]",
                param.name,
                param.kind,
                values.join(", ")
            );
            let limits = [
                option(param.min_length),
                option(param.max_length),
                float(param.minimum),
                float(param.maximum),
                option(param.min_items),
                option(param.max_items),
            ];
            if limits.iter().all(|limit| limit == "None") {
                writeln!(text, "    p({head}),").unwrap();
            } else {
                writeln!(
                    text,
                    "    p({head}).limits(({}, {}), ({}, {}), ({}, {})),",
                    limits[0], limits[1], limits[2], limits[3], limits[4], limits[5]
                )
                .unwrap();
            }
        }
        text.push_str("] },\n");
    }
    text.push_str("];\n");
    Ok(GeneratedFile {
        name: TABLE_FILE.to_owned(),
        text,
    })
}

/// The generated, formatted table.
pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>, String> {
    let file = render(spec).map_err(|failure| failure.to_string())?;
    crate::emit::format(&[file])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_route() {
        let spec = Spec::load_default().unwrap();
        let files = generate(&spec).unwrap();
        // Every route, documented or not.
        assert_eq!(files[0].text.matches("Route { path: ").count(), 316);
    }

    #[test]
    fn union_variants_merge_their_values_and_require_what_all_require() {
        let spec = Spec::load_default().unwrap();
        let route = spec
            .routes
            .iter()
            .find(|route| route.path == "/thermostats/set_hvac_mode")
            .unwrap();
        let (params, union) = params(route).unwrap();
        assert!(union);
        let mode = params
            .iter()
            .find(|param| param.name == "hvac_mode_setting")
            .unwrap();
        assert!(mode.required);
        assert_eq!(mode.values, ["off", "cool", "heat", "heat_cool", "eco"]);
        let heating = params
            .iter()
            .find(|param| param.name == "heating_set_point_celsius")
            .unwrap();
        assert!(!heating.required);
    }
}

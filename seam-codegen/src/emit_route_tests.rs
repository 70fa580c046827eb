//! Writes `tests/tests/generated/request_cases.rs`: every documented route's
//! endpoint struct built with every parameter set, from sample values that meet
//! the spec's constraints, for the tests crate's `requests_match_spec` to
//! serialise, check and validate against the route's request schema.
//!
//! The endpoint structs serialise but do not deserialise, so the only way to test
//! what they send is to build them in Rust: hence generated test code. A route
//! with a union of bodies gets one case per variant; a route with a nullable
//! parameter gets a second case where every nullable parameter is `null`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::emit::{GeneratedFile, header};
use crate::models::{Def, Models, flag, merge_all_of, str_of};
use crate::routes::{Api, EndpointDef, NamespaceDef, ReqDef, ReqField, ReqTy, ReqVariant};
use crate::spec::{ObjectBody, Parameter, RequestBody, Route, Spec};

/// `tests/tests/generated` in this workspace (a directory of its own: `--write`
/// removes the `.rs` files it no longer generates there).
pub fn default_route_tests_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("tests")
        .join("generated")
}

/// Strings that match each pattern the spec's request parameters use; a new
/// pattern stops the generator until a sample is written for it here.
const PATTERN_SAMPLES: &[(&str, &str)] = &[
    (r"^[a-zA-Z_]\w*$", "sample_name"),
    (r"^([01]\d|2[0-3]):([0-5]\d):([0-5]\d)$", "14:30:00"),
    (r"^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$", "14:30:00"),
    (r"^\d+$", "1234"),
];

/// The generated, formatted test file.
pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>, String> {
    let models = Models::lower(spec).map_err(|failure| failure.to_string())?;
    let api = Api::lower(spec, &models).map_err(|failure| failure.to_string())?;
    crate::emit::format(&[render(spec, &models, &api)?])
}

pub fn render(spec: &Spec, models: &Models, api: &Api) -> Result<GeneratedFile, String> {
    let mut text = format!(
        "{}\n\n\
         //! Every documented route's endpoint built with every parameter set (one case\n\
         //! per variant of a union body, and one with every nullable parameter `null`),\n\
         //! for `requests_match_spec.rs`. Written by `seam-codegen` (emit_route_tests.rs).\n\n\
         use super::{{Case, case}};\n\n\
         /// Adds the cases, route by route in the order of the namespaces.\n\
         #[allow(deprecated)]\n\
         pub fn push_cases(cases: &mut Vec<Case>) {{\n",
        header(spec)
    );
    for namespace in api.namespaces.values() {
        for &index in &namespace.endpoints {
            let endpoint = &api.endpoints[index];
            let route = spec
                .route(&endpoint.path)
                .ok_or_else(|| format!("{}: not in the spec", endpoint.path))?;
            let sampler = Sampler {
                models,
                namespace,
                module: format!("::seamapi::{}", namespace.segments.join("::")),
                route,
            };
            for (label, expression) in sampler.cases(endpoint)? {
                writeln!(text, "    cases.push(case({label:?}, {expression}));").unwrap();
            }
        }
    }
    text.push_str("}\n");
    Ok(GeneratedFile {
        name: "request_cases.rs".to_owned(),
        text,
    })
}

struct Sampler<'a> {
    models: &'a Models,
    namespace: &'a NamespaceDef,
    /// `::seamapi::access_codes::unmanaged`.
    module: String,
    route: &'a Route,
}

/// Whether nullable parameters get `null` rather than a value.
#[derive(Clone, Copy, PartialEq)]
enum Nulls {
    Values,
    Null,
}

impl Sampler<'_> {
    /// `(label, expression)` of each case of the endpoint.
    fn cases(&self, endpoint: &EndpointDef) -> Result<Vec<(String, String)>, String> {
        let union = endpoint.fields.iter().find(|field| field.flatten);
        let variants: Vec<Option<&ReqVariant>> = match union.map(|field| self.local(&field.ty)) {
            Some(Some(ReqDef::Untagged(variants) | ReqDef::Tagged { variants, .. })) => {
                variants.iter().map(Some).collect()
            }
            Some(_) => return Err(format!("{}: a union field of no union", endpoint.path)),
            None => vec![None],
        };
        let mut cases = Vec::new();
        if endpoint.merged_union {
            // The union's variants merged into one struct: each variant's own
            // parameters, as all of them together match none.
            let RequestBody::OneOf(bodies) = &self.route.request_body else {
                return Err(format!("{}: a merged union of no union", endpoint.path));
            };
            for (index, body) in bodies.iter().enumerate() {
                cases.push((
                    format!("variant {}", index + 1),
                    self.endpoint(endpoint, None, Some(body), Nulls::Values)?,
                ));
            }
            return Ok(cases);
        }
        for variant in &variants {
            let label = variant.map_or_else(|| "all".to_owned(), |v| v.name.clone());
            cases.push((
                label,
                self.endpoint(endpoint, *variant, None, Nulls::Values)?,
            ));
        }
        let nulls = self.endpoint(endpoint, variants[0], None, Nulls::Null)?;
        if nulls != cases[0].1 {
            cases.push(("nulls".to_owned(), nulls));
        }
        Ok(cases)
    }

    fn endpoint(
        &self,
        endpoint: &EndpointDef,
        variant: Option<&ReqVariant>,
        only: Option<&ObjectBody>,
        nulls: Nulls,
    ) -> Result<String, String> {
        let at = endpoint.path.as_str();
        let mut args = Vec::new();
        let mut setters = String::new();
        for field in &endpoint.fields {
            let named =
                |body: &ObjectBody| body.parameters.iter().any(|p| p.name == field.json_name);
            if !field.required && only.is_some_and(|body| !named(body)) {
                continue;
            }
            let value = if field.flatten {
                let variant = variant.ok_or_else(|| format!("{at}: a union without variants"))?;
                self.variant(&field.ty, variant, nulls, at)?
            } else {
                let schema = self.schema_of(&field.json_name, only, at)?;
                self.field_value(field, &schema, nulls, at)?
            };
            if field.required && !field.nullable {
                args.push(value);
            } else {
                let setter = match field.rust_name.as_str() {
                    "new" => "set_new",
                    name => name,
                };
                write!(setters, ".{setter}({value})").unwrap();
            }
        }
        Ok(format!(
            "{}::{}::new({}){setters}",
            self.module,
            endpoint.name,
            args.join(", ")
        ))
    }

    /// A field's value as its setter or constructor takes it: without the `Option`
    /// of an optional field, with the `Nullable` of a nullable one.
    fn field_value(
        &self,
        field: &ReqField,
        schema: &Value,
        nulls: Nulls,
        at: &str,
    ) -> Result<String, String> {
        let at = format!("{at}.{}", field.json_name);
        if field.nullable {
            return Ok(match nulls {
                Nulls::Null => "::seamapi::Nullable::Null".to_owned(),
                Nulls::Values => format!(
                    "::seamapi::Nullable::Value({})",
                    self.value(&field.ty, schema, 0, nulls, &at)?
                ),
            });
        }
        self.value(&field.ty, schema, 0, nulls, &at)
    }

    /// The schema of a body parameter: from `within` (a variant's object) when
    /// it names it, else the first the body names.
    fn schema_of(
        &self,
        name: &str,
        within: Option<&ObjectBody>,
        at: &str,
    ) -> Result<Value, String> {
        let parameter: Option<&Parameter> = within
            .and_then(|body| body.parameters.iter().find(|p| p.name == name))
            .or_else(|| {
                self.route
                    .request_body
                    .parameters()
                    .into_iter()
                    .find(|p| p.name == name)
            });
        let parameter = parameter.ok_or_else(|| format!("{at}: no parameter {name}"))?;
        merge_all_of(&parameter.schema, at).map_err(|failure| failure.to_string())
    }

    /// The object of the body's union that a variant stands for.
    fn variant_body(&self, variant: &ReqVariant) -> Option<&ObjectBody> {
        let bodies: &[ObjectBody] = match &self.route.request_body {
            RequestBody::OneOf(variants)
            | RequestBody::Discriminated { variants, .. }
            | RequestBody::OneOfWithCommon { variants, .. } => variants,
            _ => return None,
        };
        bodies.iter().find(|body| match &variant.tag_value {
            Some(tag) => body.parameters.iter().any(|parameter| {
                parameter.schema.get("enum") == Some(&Value::Array(vec![tag.clone().into()]))
            }),
            None => variant.fields.iter().all(|field| {
                body.parameters
                    .iter()
                    .any(|parameter| parameter.name == field.json_name)
            }),
        })
    }

    fn variant(
        &self,
        ty: &ReqTy,
        variant: &ReqVariant,
        nulls: Nulls,
        at: &str,
    ) -> Result<String, String> {
        let ReqTy::Local(name) = ty else {
            return Err(format!("{at}: a union field of type {ty:?}"));
        };
        let body = self.variant_body(variant);
        let path = format!("{}::{name}::{}", self.module, variant.name);
        if variant.fields.is_empty() {
            return Ok(path);
        }
        let mut fields = Vec::new();
        for field in &variant.fields {
            let schema = self.schema_of(&field.json_name, body, at)?;
            fields.push(format!(
                "{}: {}",
                field.rust_name,
                self.literal_field(field, &schema, nulls, at)?
            ));
        }
        Ok(format!("{path} {{ {} }}", fields.join(", ")))
    }

    /// A field's value in a struct literal: an optional one in its `Some`.
    fn literal_field(
        &self,
        field: &ReqField,
        schema: &Value,
        nulls: Nulls,
        at: &str,
    ) -> Result<String, String> {
        let value = self.field_value(field, schema, nulls, at)?;
        Ok(if field.required && !field.nullable {
            value
        } else {
            format!("Some({value})")
        })
    }

    fn local(&self, ty: &ReqTy) -> Option<&ReqDef> {
        let ReqTy::Local(name) = ty else {
            return None;
        };
        self.namespace
            .types
            .iter()
            .find(|ty| &ty.name == name)
            .map(|ty| &ty.def)
    }

    /// A value of `ty` meeting `schema`; `index` tells items of one array apart.
    fn value(
        &self,
        ty: &ReqTy,
        schema: &Value,
        index: usize,
        nulls: Nulls,
        at: &str,
    ) -> Result<String, String> {
        Ok(match ty {
            ReqTy::String => format!("String::from({:?})", string_sample(schema, index, at)?),
            ReqTy::Bool => "true".to_owned(),
            ReqTy::I64 | ReqTy::U64 => format!("{}", number_sample(schema) as i64),
            ReqTy::F64 => format!("{:?}", number_sample(schema)),
            ReqTy::Json => format!("::serde_json::json!({})", json_sample(schema, index, at)?),
            ReqTy::Metadata => {
                "::seamapi::CustomMetadata::new().with(\"sample_key\", \"sample value\")".to_owned()
            }
            ReqTy::Vec(item) => {
                let items = merge_all_of(schema.get("items").unwrap_or(&Value::Null), at)
                    .map_err(|failure| failure.to_string())?;
                let count = schema
                    .get("minItems")
                    .and_then(Value::as_u64)
                    .unwrap_or(1)
                    .max(1) as usize;
                let values = (0..count)
                    .map(|index| self.value(item, &items, index, nulls, &format!("{at}[]")))
                    .collect::<Result<Vec<_>, _>>()?;
                format!("vec![{}]", values.join(", "))
            }
            ReqTy::Map(value) => {
                let values = schema
                    .get("additionalProperties")
                    .cloned()
                    .unwrap_or(Value::Null);
                format!(
                    "::std::collections::BTreeMap::from([(String::from(\"sample_key\"), {})])",
                    self.value(value, &values, 0, nulls, at)?
                )
            }
            ReqTy::Model(path) => {
                let ty = self
                    .models
                    .types
                    .iter()
                    .find(|ty| &format!("crate::models::{}::{}", ty.module, ty.name) == path)
                    .ok_or_else(|| format!("{at}: no model {path}"))?;
                let Def::OpenEnum { values } = &ty.def else {
                    return Err(format!("{at}: {path} is not an enum"));
                };
                let path = path.replacen("crate::", "::seamapi::", 1);
                format!("{path}::{}", enum_variant(values, schema, index, at)?)
            }
            ReqTy::Local(name) => match self.local(ty) {
                Some(ReqDef::Enum(values)) => format!(
                    "{}::{name}::{}",
                    self.module,
                    enum_variant(values, schema, index, at)?
                ),
                Some(ReqDef::Struct(fields)) => {
                    let properties = schema.get("properties");
                    let mut literal = Vec::new();
                    for field in fields {
                        let property = properties
                            .and_then(|properties| properties.get(&field.json_name))
                            .ok_or_else(|| format!("{at}: no property {}", field.json_name))?;
                        let property =
                            merge_all_of(property, at).map_err(|failure| failure.to_string())?;
                        let at = format!("{at}.{}", field.json_name);
                        literal.push(format!(
                            "{}: {}",
                            field.rust_name,
                            self.literal_field(field, &property, nulls, &at)?
                        ));
                    }
                    format!("{}::{name} {{ {} }}", self.module, literal.join(", "))
                }
                _ => return Err(format!("{at}: no request type {name} to sample")),
            },
        })
    }
}

/// The variant of an enum's `(variant, value)`s for a value the schema allows:
/// an enum may have more values than one schema's (a merged union's).
fn enum_variant<'v>(
    values: &'v [(String, String)],
    schema: &Value,
    index: usize,
    at: &str,
) -> Result<&'v str, String> {
    let value = string_sample(schema, index, at)?;
    values
        .iter()
        .find(|(_, known)| *known == value)
        .or_else(|| values.get(index % values.len()))
        .map(|(variant, _)| variant.as_str())
        .ok_or_else(|| format!("{at}: an enum without values"))
}

/// A string meeting the schema's enum, format, pattern and length.
fn string_sample(schema: &Value, index: usize, at: &str) -> Result<String, String> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values[index % values.len()]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| format!("{at}: an enum of other than strings"));
    }
    let (mut text, pad) = match (str_of(schema, "format"), str_of(schema, "pattern")) {
        (Some("uuid"), _) => (format!("6f1c2a4e-8b3d-4c5f-9a7e-{:012x}", index + 1), '0'),
        (Some("date-time"), _) => (format!("2025-06-0{}T12:00:00.000Z", index % 9 + 1), '0'),
        (Some("date"), _) => (format!("2025-06-0{}", index % 9 + 1), '0'),
        (Some("email"), _) => (format!("jane{index}@example.com"), 'e'),
        (Some("uri"), _) => (format!("https://example.com/seam/{index}"), 'x'),
        (_, Some(pattern)) => {
            let (_, sample) = PATTERN_SAMPLES
                .iter()
                .find(|(known, _)| *known == pattern)
                .ok_or_else(|| {
                    format!(
                        "{at}: no sample for the pattern {pattern:?}: add one to PATTERN_SAMPLES"
                    )
                })?;
            let pad = if pattern == r"^\d+$" { '1' } else { 'x' };
            ((*sample).to_owned(), pad)
        }
        _ if index > 0 => (format!("sample {index}"), 'x'),
        _ => ("sample".to_owned(), 'x'),
    };
    let min = schema.get("minLength").and_then(Value::as_u64).unwrap_or(0) as usize;
    while text.chars().count() < min {
        text.push(pad);
    }
    if let Some(max) = schema.get("maxLength").and_then(Value::as_u64) {
        text = text.chars().take(max as usize).collect();
    }
    Ok(text)
}

/// A number within the schema's minimum and maximum (OpenAPI 3.0's boolean
/// `exclusiveMinimum` and `exclusiveMaximum`).
fn number_sample(schema: &Value) -> f64 {
    let integer = str_of(schema, "type") == Some("integer");
    let step = if integer { 1.0 } else { 0.5 };
    let bound = |key: &str, exclusive: &str, sign: f64| {
        schema.get(key).and_then(Value::as_f64).map(|value| {
            value
                + if flag(schema, exclusive) {
                    sign * step
                } else {
                    0.0
                }
        })
    };
    let low = bound("minimum", "exclusiveMinimum", 1.0);
    let high = bound("maximum", "exclusiveMaximum", -1.0);
    match (low, high) {
        (Some(low), _) => low,
        (None, Some(high)) => high.min(1.0),
        (None, None) => 1.0,
    }
}

/// JSON meeting `schema`, for a parameter the SDK sends as JSON.
fn json_sample(schema: &Value, index: usize, at: &str) -> Result<Value, String> {
    let schema = merge_all_of(schema, at).map_err(|failure| failure.to_string())?;
    if let Some(first) = schema
        .get("oneOf")
        .or_else(|| schema.get("anyOf"))
        .and_then(Value::as_array)
        .and_then(|variants| variants.first())
    {
        return json_sample(first, index, at);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return Ok(values[index % values.len()].clone());
    }
    Ok(match str_of(&schema, "type") {
        Some("string") => Value::String(string_sample(&schema, index, at)?),
        Some("boolean") => Value::Bool(true),
        Some("integer") => Value::from(number_sample(&schema) as i64),
        Some("number") => Value::from(number_sample(&schema)),
        Some("array") => {
            let items = schema.get("items").cloned().unwrap_or(Value::Null);
            let count = schema
                .get("minItems")
                .and_then(Value::as_u64)
                .unwrap_or(1)
                .max(1) as usize;
            Value::Array(
                (0..count)
                    .map(|index| json_sample(&items, index, &format!("{at}[]")))
                    .collect::<Result<_, _>>()?,
            )
        }
        Some("object") => {
            let mut object = Map::new();
            for (name, property) in schema
                .get("properties")
                .and_then(Value::as_object)
                .into_iter()
                .flatten()
            {
                if !flag(property, "x-undocumented") {
                    let at = format!("{at}.{name}");
                    object.insert(name.clone(), json_sample(property, 0, &at)?);
                }
            }
            if object.is_empty()
                && let Some(values) = schema.get("additionalProperties").filter(|v| v.is_object())
            {
                object.insert("sample_key".to_owned(), json_sample(values, 0, at)?);
            }
            Value::Object(object)
        }
        _ => Value::String("sample".to_owned()),
    })
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_route_tests_are_marked_generated() {
        let spec = Spec::load_default().unwrap();
        let files = generate(&spec).unwrap();
        assert!(files[0].text.starts_with(&header(&spec)));
    }

    #[test]
    fn strings_meet_format_pattern_and_length() {
        let sample = |schema: Value| string_sample(&schema, 0, "here").unwrap();
        assert_eq!(
            sample(json!({"type": "string", "format": "uuid"})),
            "6f1c2a4e-8b3d-4c5f-9a7e-000000000001"
        );
        assert_eq!(
            sample(json!({"type": "string", "pattern": r"^\d+$", "minLength": 6})),
            "123411"
        );
        assert_eq!(
            sample(json!({"type": "string", "minLength": 8, "maxLength": 9})),
            "samplexx"
        );
        assert_eq!(sample(json!({"type": "string", "maxLength": 3})), "sam");
        assert_eq!(sample(json!({"enum": ["a", "b"]})), "a");
        assert!(string_sample(&json!({"pattern": "^a|b$"}), 0, "here").is_err());
    }

    #[test]
    fn numbers_meet_their_bounds() {
        let sample = |schema: Value| number_sample(&schema);
        assert_eq!(
            sample(json!({"type": "integer", "minimum": 0, "exclusiveMinimum": true})),
            1.0
        );
        assert_eq!(
            sample(json!({"type": "number", "minimum": 0, "exclusiveMinimum": true})),
            0.5
        );
        assert_eq!(
            sample(json!({"type": "integer", "minimum": 4, "maximum": 20})),
            4.0
        );
        assert_eq!(sample(json!({"type": "integer", "maximum": -3})), -3.0);
        assert_eq!(sample(json!({"type": "number"})), 1.0);
    }
}

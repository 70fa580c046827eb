//! A typed model of `spec/seam-connect.json`, the trimmed OpenAPI document that
//! `scripts/export-spec.mjs` writes from `@seamapi/types`.
//!
//! Routes are typed as far as the generator needs to decide things (documented or
//! not, response shape, unions, nullability); schemas stay [`serde_json::Value`].
//! Any shape the model does not know is a load error naming where it sits, so a new
//! spec version cannot be half understood in silence.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_json::{Map, Value};

/// `spec/seam-connect.json` in this workspace.
pub fn default_spec_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("spec")
        .join("seam-connect.json")
}

/// The property every answer carries beside its payload.
const OK_PROPERTY: &str = "ok";
/// The property of a page's cursor state in list answers.
pub const PAGINATION_PROPERTY: &str = "pagination";
/// The property that carries an action attempt in an answer.
pub const ACTION_ATTEMPT_PROPERTY: &str = "action_attempt";

#[derive(Debug, Clone, PartialEq)]
pub struct Spec {
    /// The npm package and exact version the file was exported from.
    pub source: Source,
    /// Every path, sorted by path.
    pub routes: Vec<Route>,
    /// Component schemas by name, as trimmed by the export.
    pub schemas: BTreeMap<String, Value>,
    /// Authentication schemes by name, as the routes' `security` refers to them.
    pub security_schemes: BTreeMap<String, Value>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    pub package: String,
    pub version: String,
}

/// The HTTP methods Seam serves a route on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HttpMethod {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl HttpMethod {
    fn from_openapi_key(key: &str) -> Option<Self> {
        Some(match key {
            "get" => Self::Get,
            "post" => Self::Post,
            "put" => Self::Put,
            "patch" => Self::Patch,
            "delete" => Self::Delete,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Get => "GET",
            Self::Post => "POST",
            Self::Put => "PUT",
            Self::Patch => "PATCH",
            Self::Delete => "DELETE",
        }
    }
}

impl fmt::Display for HttpMethod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Route {
    /// `/access_codes/create`.
    pub path: String,
    /// Every method Seam serves the route on, sorted; POST always among them.
    pub methods: Vec<HttpMethod>,
    /// What the route does, told by the method Seam serves beside POST.
    pub semantic_method: HttpMethod,
    /// Without `x-undocumented`: shown on docs.seam.co and in Seam's SDKs.
    pub documented: bool,
    pub deprecated: bool,
    /// `x-draft`: documented, but Seam marks it early access.
    pub draft: bool,
    /// `x-fern-sdk-group-name`: `["access_codes", "unmanaged"]`.
    pub namespace: Vec<String>,
    /// `x-fern-sdk-method-name`: `list`.
    pub method_name: String,
    pub request_body: RequestBody,
    /// Parameters in the query string; only a few undocumented routes have any.
    pub query_parameters: Vec<Parameter>,
    pub response: Response,
    /// `x-action-attempt-type`: the `action_type` of the attempt the route starts.
    pub action_attempt_type: Option<String>,
    /// The authentication schemes the route accepts (any one of them).
    pub security: Vec<String>,
    /// `x-batch-keys`: the resource lists a `batch` answer may carry.
    pub batch_keys: Option<Vec<String>>,
}

/// One request parameter: a property of the JSON body (or of the query string).
#[derive(Debug, Clone, PartialEq)]
pub struct Parameter {
    pub name: String,
    pub required: bool,
    /// `null` is a value of its own (three states: left out, null, a value).
    pub nullable: bool,
    pub deprecated: bool,
    pub documented: bool,
    /// The parameter's schema as trimmed by the export (type, format, limits, enum...).
    pub schema: Value,
}

/// The properties of one object schema, in the spec's (sorted) order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ObjectBody {
    pub parameters: Vec<Parameter>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RequestBody {
    /// No body is described.
    None,
    /// `{}`: any JSON (only an undocumented webhook receiver).
    AnyJson,
    /// One object; also an `allOf` of plain objects, merged.
    Object(ObjectBody),
    /// `oneOf` without a discriminator: the body matches exactly one variant, most
    /// often "give exactly one of these ids".
    OneOf(Vec<ObjectBody>),
    /// `allOf: [oneOf: [...], {...}]`: one of the variants plus fields every variant
    /// accepts.
    OneOfWithCommon {
        variants: Vec<ObjectBody>,
        common: ObjectBody,
    },
    /// `oneOf` with `discriminator.propertyName`: the property's value picks the variant.
    Discriminated {
        property: String,
        variants: Vec<ObjectBody>,
    },
}

impl RequestBody {
    pub fn is_union(&self) -> bool {
        matches!(
            self,
            Self::OneOf(_) | Self::OneOfWithCommon { .. } | Self::Discriminated { .. }
        )
    }

    /// Every object the body may be or hold: the variants, then the common fields.
    pub fn bodies(&self) -> Vec<&ObjectBody> {
        match self {
            Self::None | Self::AnyJson => Vec::new(),
            Self::Object(body) => vec![body],
            Self::OneOf(variants) | Self::Discriminated { variants, .. } => {
                variants.iter().collect()
            }
            Self::OneOfWithCommon { variants, common } => {
                variants.iter().chain(std::iter::once(common)).collect()
            }
        }
    }

    /// Every parameter once by name (the first variant that names it wins), in the
    /// order variants and common fields are listed.
    pub fn parameters(&self) -> Vec<&Parameter> {
        let mut seen = std::collections::BTreeSet::new();
        self.bodies()
            .into_iter()
            .flat_map(|body| &body.parameters)
            .filter(|parameter| seen.insert(parameter.name.as_str()))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// `x-response-key`: the property that holds what the route returns; `None`
    /// for a route that returns nothing of its own.
    pub key: Option<String>,
    pub shape: ResponseShape,
    /// Every property of the `200` answer but `ok`, sorted. May name properties
    /// beside the key (`pagination`, `action_attempt`, deprecated aliases), even
    /// when the key is `None`.
    pub properties: Vec<String>,
}

impl Response {
    pub fn has_pagination(&self) -> bool {
        self.has_property(PAGINATION_PROPERTY)
    }

    pub fn has_action_attempt(&self) -> bool {
        self.has_property(ACTION_ATTEMPT_PROPERTY)
    }

    fn has_property(&self, name: &str) -> bool {
        self.properties.iter().any(|property| property == name)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResponseShape {
    /// No response key.
    Void,
    /// The key holds one object.
    Resource(SchemaRef),
    /// The key holds an array of objects.
    List(SchemaRef),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SchemaRef {
    /// `#/components/schemas/<name>`.
    Component(String),
    /// A schema written in place (a few `unmanaged` and `batch` answers).
    Inline(Value),
}

/// Where in the document a problem sits, and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub at: String,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.at, self.message)
    }
}

impl std::error::Error for SpecError {}

fn error(at: impl Into<String>, message: impl Into<String>) -> SpecError {
    SpecError {
        at: at.into(),
        message: message.into(),
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDocument {
    components: RawComponents,
    openapi: String,
    paths: BTreeMap<String, Map<String, Value>>,
    #[serde(rename = "x-exported-from")]
    exported_from: Source,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawComponents {
    schemas: BTreeMap<String, Value>,
    #[serde(rename = "securitySchemes")]
    security_schemes: BTreeMap<String, Value>,
}

/// The keys the export keeps on an operation; an unknown one is a load error.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOperation {
    #[serde(default)]
    deprecated: bool,
    #[serde(default)]
    parameters: Vec<RawQueryParameter>,
    #[serde(rename = "requestBody")]
    request_body: Option<RawContent>,
    responses: BTreeMap<String, RawResponse>,
    #[serde(default)]
    security: Vec<BTreeMap<String, Vec<String>>>,
    #[serde(rename = "x-action-attempt-type")]
    action_attempt_type: Option<String>,
    #[serde(rename = "x-batch-keys")]
    batch_keys: Option<Vec<String>>,
    #[serde(default, rename = "x-draft")]
    draft: bool,
    #[serde(rename = "x-fern-sdk-group-name")]
    namespace: Vec<String>,
    #[serde(rename = "x-fern-sdk-method-name")]
    method_name: String,
    #[serde(rename = "x-fern-sdk-return-value")]
    return_value: Option<String>,
    #[serde(rename = "x-response-key")]
    response_key: Option<String>,
    #[serde(default, rename = "x-undocumented")]
    undocumented: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQueryParameter {
    #[serde(rename = "in")]
    location: String,
    name: String,
    #[serde(default)]
    required: bool,
    schema: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContent {
    content: BTreeMap<String, RawMediaType>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMediaType {
    schema: Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResponse {
    content: Option<BTreeMap<String, RawMediaType>>,
}

const JSON: &str = "application/json";

impl Spec {
    /// Loads [`default_spec_path`].
    pub fn load_default() -> Result<Self, SpecError> {
        Self::load(&default_spec_path())
    }

    /// The document with [`crate::corrections`] applied: what the generator reads.
    pub fn load(path: &Path) -> Result<Self, SpecError> {
        Self::parse(&read(path)?, true)
    }

    /// The document as exported, without corrections: what its facts are about.
    pub fn load_as_exported(path: &Path) -> Result<Self, SpecError> {
        Self::parse(&read(path)?, false)
    }

    /// A document as it is, without [`crate::corrections`] (which are about the
    /// pinned document): for tests of the model.
    pub fn from_json(text: &str) -> Result<Self, SpecError> {
        Self::parse(text, false)
    }

    fn parse(text: &str, corrected: bool) -> Result<Self, SpecError> {
        let mut raw: RawDocument =
            serde_json::from_str(text).map_err(|cause| error("document", cause.to_string()))?;
        if corrected {
            crate::corrections::apply(&mut raw.paths)?;
        }
        // `nullable` and `exclusiveMinimum: true` mean what they say in OpenAPI 3.0;
        // 3.1 spells both differently.
        if !raw.openapi.starts_with("3.0.") {
            return Err(error(
                "openapi",
                format!("version {:?}, the model reads 3.0", raw.openapi),
            ));
        }
        let routes = raw
            .paths
            .iter()
            .map(|(path, item)| parse_route(path, item))
            .collect::<Result<_, _>>()?;
        Ok(Self {
            source: raw.exported_from,
            routes,
            schemas: raw.components.schemas,
            security_schemes: raw.components.security_schemes,
        })
    }

    pub fn route(&self, path: &str) -> Option<&Route> {
        self.routes.iter().find(|route| route.path == path)
    }

    pub fn documented_routes(&self) -> impl Iterator<Item = &Route> {
        self.routes.iter().filter(|route| route.documented)
    }
}

fn read(path: &Path) -> Result<String, SpecError> {
    std::fs::read_to_string(path)
        .map_err(|cause| error(path.display().to_string(), cause.to_string()))
}

fn parse_route(path: &str, item: &Map<String, Value>) -> Result<Route, SpecError> {
    let at = format!("paths.{path}");
    let mut methods = Vec::new();
    for (key, operation) in item {
        let method = HttpMethod::from_openapi_key(key)
            .ok_or_else(|| error(format!("{at}.{key}"), "not an HTTP method"))?;
        // The export writes the POST operation once and marks the others.
        if method != HttpMethod::Post && operation != &serde_json::json!({ "x-same-as": "post" }) {
            return Err(error(
                format!("{at}.{key}"),
                "expected {\"x-same-as\": \"post\"}",
            ));
        }
        methods.push(method);
    }
    methods.sort();
    let post = item
        .get("post")
        .ok_or_else(|| error(&at, "no POST operation: every Seam route is served on POST"))?;
    let at = format!("{at}.post");
    let operation =
        RawOperation::deserialize(post).map_err(|cause| error(&at, cause.to_string()))?;

    let request_body = match &operation.request_body {
        None => RequestBody::None,
        Some(body) => parse_request_body(
            json_schema(&body.content, &format!("{at}.requestBody"))?,
            &format!("{at}.requestBody.content.{JSON}.schema"),
        )?,
    };
    let query_parameters = operation
        .parameters
        .iter()
        .map(|parameter| {
            if parameter.location != "query" {
                return Err(error(
                    format!("{at}.parameters.{}", parameter.name),
                    format!(
                        "parameter in {:?}, only the query is known",
                        parameter.location
                    ),
                ));
            }
            Ok(parameter_from_schema(
                &parameter.name,
                parameter.required,
                &parameter.schema,
            ))
        })
        .collect::<Result<_, _>>()?;
    let response = parse_response(&operation, &format!("{at}.responses"))?;
    // Seam's SDK generator reads the return value; the answer holds the response
    // key. Both name the same property, or the model would have to choose.
    if let Some(return_value) = &operation.return_value
        && Some(return_value) != operation.response_key.as_ref()
    {
        return Err(error(
            format!("{at}.x-fern-sdk-return-value"),
            format!("{return_value:?} differs from x-response-key"),
        ));
    }
    let security = operation
        .security
        .iter()
        .map(
            |requirement| match requirement.keys().collect::<Vec<_>>()[..] {
                [scheme] => Ok(scheme.clone()),
                _ => Err(error(
                    format!("{at}.security"),
                    "a requirement of several schemes at once",
                )),
            },
        )
        .collect::<Result<_, _>>()?;

    Ok(Route {
        path: path.to_owned(),
        semantic_method: semantic_method(&methods),
        methods,
        documented: !operation.undocumented,
        deprecated: operation.deprecated,
        draft: operation.draft,
        namespace: operation.namespace,
        method_name: operation.method_name,
        request_body,
        query_parameters,
        response,
        action_attempt_type: operation.action_attempt_type,
        security,
        batch_keys: operation.batch_keys,
    })
}

/// Seam's own blueprint (the source of its docs and SDKs) reads the method a route
/// is served on beside POST as what it does, PUT before PATCH before GET before DELETE.
fn semantic_method(methods: &[HttpMethod]) -> HttpMethod {
    use HttpMethod::*;
    [Put, Patch, Get, Delete]
        .into_iter()
        .find(|method| methods.contains(method))
        .unwrap_or(Post)
}

fn json_schema<'a>(
    content: &'a BTreeMap<String, RawMediaType>,
    at: &str,
) -> Result<&'a Value, SpecError> {
    match content.keys().collect::<Vec<_>>()[..] {
        [media_type] if media_type == JSON => Ok(&content[JSON].schema),
        _ => Err(error(at, format!("expected only {JSON} content"))),
    }
}

fn as_object<'a>(schema: &'a Value, at: &str) -> Result<&'a Map<String, Value>, SpecError> {
    schema
        .as_object()
        .ok_or_else(|| error(at, "expected a schema object"))
}

fn parse_request_body(schema: &Value, at: &str) -> Result<RequestBody, SpecError> {
    let object = as_object(schema, at)?;
    if object.is_empty() {
        return Ok(RequestBody::AnyJson);
    }
    if let Some(variants) = object.get("oneOf") {
        let variants = parse_variants(variants, &format!("{at}.oneOf"))?;
        return match object.get("discriminator") {
            None => Ok(RequestBody::OneOf(variants)),
            Some(discriminator) => {
                let property = discriminator
                    .get("propertyName")
                    .and_then(Value::as_str)
                    .ok_or_else(|| error(format!("{at}.discriminator"), "no propertyName"))?;
                Ok(RequestBody::Discriminated {
                    property: property.to_owned(),
                    variants,
                })
            }
        };
    }
    if let Some(parts) = object.get("allOf") {
        let at = format!("{at}.allOf");
        let parts = parts
            .as_array()
            .ok_or_else(|| error(&at, "expected an array"))?;
        let mut selector = None;
        let mut common = ObjectBody::default();
        for (index, part) in parts.iter().enumerate() {
            let at = format!("{at}[{index}]");
            match part.get("oneOf") {
                Some(variants) if selector.is_none() => {
                    selector = Some(parse_variants(variants, &format!("{at}.oneOf"))?);
                }
                Some(_) => return Err(error(at, "a second oneOf in one allOf")),
                None => common
                    .parameters
                    .extend(parse_object(part, &at)?.parameters),
            }
        }
        return Ok(match selector {
            Some(variants) => RequestBody::OneOfWithCommon { variants, common },
            None => RequestBody::Object(common),
        });
    }
    Ok(RequestBody::Object(parse_object(schema, at)?))
}

fn parse_variants(variants: &Value, at: &str) -> Result<Vec<ObjectBody>, SpecError> {
    variants
        .as_array()
        .ok_or_else(|| error(at, "expected an array"))?
        .iter()
        .enumerate()
        .map(|(index, variant)| parse_object(variant, &format!("{at}[{index}]")))
        .collect()
}

pub(crate) fn parse_object(schema: &Value, at: &str) -> Result<ObjectBody, SpecError> {
    let object = as_object(schema, at)?;
    if object.get("type").and_then(Value::as_str) != Some("object") {
        return Err(error(at, "expected an object schema"));
    }
    let required = required_names(object);
    let mut parameters: Vec<Parameter> = match object.get("properties") {
        None => Vec::new(),
        Some(properties) => as_object(properties, &format!("{at}.properties"))?
            .iter()
            .map(|(name, property)| {
                parameter_from_schema(name, required.contains(&name.as_str()), property)
            })
            .collect(),
    };
    // The required ones first, in the order of `required`: the export sorts
    // properties by name, but Seam lists what a route needs in a meaningful order
    // (`device_id, starts_at, ends_at`), which becomes the constructor's.
    parameters.sort_by_key(|parameter| {
        required
            .iter()
            .position(|name| *name == parameter.name)
            .unwrap_or(usize::MAX)
    });
    Ok(ObjectBody { parameters })
}

fn required_names(object: &Map<String, Value>) -> Vec<&str> {
    object
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn flag(schema: &Value, key: &str) -> bool {
    schema.get(key).and_then(Value::as_bool).unwrap_or(false)
}

fn parameter_from_schema(name: &str, required: bool, schema: &Value) -> Parameter {
    Parameter {
        name: name.to_owned(),
        required,
        nullable: flag(schema, "nullable"),
        deprecated: flag(schema, "deprecated"),
        documented: !flag(schema, "x-undocumented"),
        schema: schema.clone(),
    }
}

fn parse_response(operation: &RawOperation, at: &str) -> Result<Response, SpecError> {
    let ok = operation
        .responses
        .get("200")
        .ok_or_else(|| error(at, "no 200 answer"))?;
    let at = format!("{at}.200");
    let properties = match &ok.content {
        None => Map::new(),
        Some(content) => {
            let schema = json_schema(content, &format!("{at}.content"))?;
            let at = format!("{at}.content.{JSON}.schema");
            as_object(schema, &at)?
                .get("properties")
                .map(|properties| as_object(properties, &format!("{at}.properties")).cloned())
                .transpose()?
                .unwrap_or_default()
        }
    };
    let shape = match &operation.response_key {
        None => ResponseShape::Void,
        Some(key) => {
            let at = format!("{at} (x-response-key {key:?})");
            let value = properties
                .get(key)
                .ok_or_else(|| error(&at, "the answer has no such property"))?;
            if value.get("type").and_then(Value::as_str) == Some("array") {
                let items = value
                    .get("items")
                    .ok_or_else(|| error(&at, "an array without items"))?;
                ResponseShape::List(schema_ref(items, &at)?)
            } else {
                ResponseShape::Resource(schema_ref(value, &at)?)
            }
        }
    };
    Ok(Response {
        key: operation.response_key.clone(),
        shape,
        properties: properties
            .keys()
            .filter(|name| *name != OK_PROPERTY)
            .cloned()
            .collect(),
    })
}

const COMPONENT_PREFIX: &str = "#/components/schemas/";

fn schema_ref(schema: &Value, at: &str) -> Result<SchemaRef, SpecError> {
    match schema.get("$ref") {
        None => Ok(SchemaRef::Inline(schema.clone())),
        Some(reference) => reference
            .as_str()
            .and_then(|reference| reference.strip_prefix(COMPONENT_PREFIX))
            .map(|name| SchemaRef::Component(name.to_owned()))
            .ok_or_else(|| error(at, format!("a $ref outside {COMPONENT_PREFIX}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(paths: Value) -> String {
        serde_json::json!({
            "components": { "schemas": {}, "securitySchemes": {} },
            "openapi": "3.0.0",
            "paths": paths,
            "x-exported-from": { "package": "@seamapi/types", "version": "0.0.0" },
        })
        .to_string()
    }

    fn operation(extra: Value) -> Value {
        let mut operation = serde_json::json!({
            "responses": { "200": {} },
            "x-fern-sdk-group-name": ["things"],
            "x-fern-sdk-method-name": "get",
            "x-response-key": null,
        });
        operation
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        operation
    }

    #[test]
    fn a_path_without_post_is_refused() {
        let text =
            document(serde_json::json!({ "/things/get": { "get": { "x-same-as": "post" } } }));
        let failure = Spec::from_json(&text).unwrap_err();
        assert_eq!(failure.at, "paths./things/get");
        assert!(failure.message.contains("no POST"), "{failure}");
    }

    #[test]
    fn another_method_must_repeat_post() {
        let text = document(serde_json::json!({ "/things/get": {
            "post": operation(serde_json::json!({})),
            "get": operation(serde_json::json!({})),
        } }));
        let failure = Spec::from_json(&text).unwrap_err();
        assert_eq!(failure.at, "paths./things/get.get");
    }

    #[test]
    fn a_minimal_route_loads() {
        let text = document(serde_json::json!({ "/things/get": {
            "post": operation(serde_json::json!({})),
            "get": { "x-same-as": "post" },
        } }));
        let spec = Spec::from_json(&text).unwrap();
        let route = &spec.routes[0];
        assert_eq!(route.methods, [HttpMethod::Get, HttpMethod::Post]);
        assert_eq!(route.semantic_method, HttpMethod::Get);
        assert!(route.documented);
        assert_eq!(route.request_body, RequestBody::None);
        assert_eq!(route.response.shape, ResponseShape::Void);
    }

    #[test]
    fn an_unknown_operation_key_is_refused() {
        let text = document(serde_json::json!({
            "/things/get": { "post": operation(serde_json::json!({ "x-new-meaning": 1 })) }
        }));
        let failure = Spec::from_json(&text).unwrap_err();
        assert_eq!(failure.at, "paths./things/get.post");
        assert!(failure.message.contains("x-new-meaning"), "{failure}");
    }

    #[test]
    fn a_response_key_the_answer_lacks_is_refused() {
        let text = document(serde_json::json!({
            "/things/get": { "post": operation(serde_json::json!({ "x-response-key": "thing" })) }
        }));
        let failure = Spec::from_json(&text).unwrap_err();
        assert!(failure.message.contains("no such property"), "{failure}");
    }

    #[test]
    fn the_semantic_method_follows_seams_priority() {
        use HttpMethod::*;
        assert_eq!(semantic_method(&[Post]), Post);
        assert_eq!(semantic_method(&[Get, Post]), Get);
        assert_eq!(semantic_method(&[Post, Delete]), Delete);
        assert_eq!(semantic_method(&[Post, Put, Patch]), Put);
    }

    #[test]
    fn all_of_plain_objects_merge_into_one_object() {
        let body = parse_request_body(
            &serde_json::json!({ "allOf": [
                { "type": "object", "properties": { "a": { "type": "string" } }, "required": ["a"] },
                { "type": "object", "properties": { "b": { "type": "string", "nullable": true } } },
            ] }),
            "body",
        )
        .unwrap();
        let RequestBody::Object(object) = body else {
            panic!("expected one object, got {body:?}")
        };
        let summary: Vec<_> = object
            .parameters
            .iter()
            .map(|parameter| {
                (
                    parameter.name.as_str(),
                    parameter.required,
                    parameter.nullable,
                )
            })
            .collect();
        assert_eq!(summary, [("a", true, false), ("b", false, true)]);
    }
}

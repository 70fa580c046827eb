//! Lowers the spec's documented routes into endpoint definitions ([`Api`]): one
//! `#[seam_endpoint]` struct per route, the request types its parameters need, and
//! the namespaces that reach it (`seam.access_codes().unmanaged().list()`), which
//! [`crate::emit_routes`] writes.
//!
//! # Naming rules
//!
//! - A namespace `access_codes/unmanaged` is the module `access_codes::unmanaged`,
//!   its accessor `.unmanaged()` on `.access_codes()`, and its type
//!   `AccessCodesUnmanaged` (the segments in PascalCase).
//! - A route's struct is its method, then the resource its namespace names:
//!   `connected_accounts/update` is `UpdateConnectedAccount`, with the resource in
//!   the plural for `list` (`ListConnectedAccounts`). The resource is the first
//!   segment in the singular (`user_identities`: `UserIdentity`), after `Acs` for
//!   `acs/...`, `Unmanaged` before it for `.../unmanaged`, a further noun segment
//!   after it (`thermostats/schedules`: `ThermostatSchedule`), and `simulate`
//!   puts `Simulate` first (`devices/simulate/connect`: `SimulateConnectDevice`).
//!   The resource is left out when the method already names it
//!   (`locks/lock_door`: `LockDoor`; `devices/list_device_providers`:
//!   `ListDeviceProviders`). Two routes may not get one name: the generator stops.
//! - The accessor is the route's method name (`.unlock_door(device_id)`), taking
//!   the required parameters in the order of the spec's `required` list
//!   (`.create(device_id, starts_at, ends_at)`). A body that is "one of" several
//!   single-parameter objects (get by ID or by key) is the enum
//!   `{Resource}Selector`, its variants named by the parameter without the
//!   resource's own prefix (`connected_account_id`: `Id`, `email`: `Email`); the
//!   accessor takes the first variant's parameter, and `{method}_by_{variant}`
//!   the others (`get_by_email`).
//! - A body told apart by a discriminator (`/thermostats/set_hvac_mode` by
//!   `hvac_mode_setting`) keeps the fields every variant shares on the struct, and
//!   the rest in an enum named by the discriminator (`HvacModeSetting`), its
//!   variants by the discriminator's value (`HeatCool`).
//! - Any other "one of" is an enum `{Struct}Selector` whose variants are named by
//!   their required parameters (`AcsSystemIdAndAcsUserId`); an empty variant makes
//!   the enum optional. When that cannot name every variant apart, the variants are
//!   merged into one object whose required parameters are those all of them
//!   require (three sandbox-only simulation routes), and Seam checks the rest.
//! - Nested objects and enums are named by the struct, then the property
//!   (`CreateAccessGrant` + `requested_access_methods` =
//!   `CreateAccessGrantRequestedAccessMethod`, items in the singular); an enum whose
//!   values are those of a model's enum is that enum (open: its `Unknown` variant
//!   sends a value newer than this SDK).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use crate::models::{
    DOCS_BASE, Def, Models, field_name, flag, is_metadata_value, merge_all_of, pascal, singular,
    str_of, summary, unique,
};
use crate::spec::{
    ACTION_ATTEMPT_PROPERTY, HttpMethod, ObjectBody, Parameter, RequestBody, ResponseShape, Route,
    SchemaRef, Spec, SpecError, parse_object,
};

/// The one-of bodies the generator merges, because their variants cannot be
/// named apart; a new one in the spec stops the generator until it is looked at.
pub const MERGED_UNIONS: &[&str] = &[
    "/acs/encoders/simulate/next_credential_encode_will_fail",
    "/acs/encoders/simulate/next_credential_scan_will_fail",
    "/acs/encoders/simulate/next_credential_scan_will_succeed",
];

/// Answers read under another property than the spec's `x-response-key`: the
/// spec requires both properties, of one schema, and Seam's fake server sends
/// only this one (DESIGN.md makes the server the referee). The tests crate's
/// `routes_against_fake` calls each route.
pub const FAKE_RESPONSE_KEYS: &[(&str, &str)] = &[
    ("/thermostats/list", "thermostats"),
    (
        "/access_codes/pull_backup_access_code",
        "backup_access_code",
    ),
];

/// Server-side limits the spec does not state: custom metadata holds at most 50
/// pairs (its keys and values are checked by `CustomMetadata` itself), and a page
/// cursor is never empty.
const CUSTOM_METADATA_MAX_ENTRIES: u64 = 50;

#[derive(Debug, Clone, PartialEq)]
pub enum ReqTy {
    String,
    Bool,
    I64,
    U64,
    F64,
    Json,
    Metadata,
    Vec(Box<ReqTy>),
    Map(Box<ReqTy>),
    /// A type of the models: `crate::models::...`.
    Model(String),
    /// A request type of the same module, by name.
    Local(String),
}

impl ReqTy {
    /// Passed by value, not as `impl Into<_>`, by the macro's constructor.
    pub fn is_scalar(&self) -> bool {
        matches!(self, ReqTy::Bool | ReqTy::I64 | ReqTy::U64 | ReqTy::F64)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReqField {
    pub json_name: String,
    pub rust_name: String,
    pub ty: ReqTy,
    /// A constructor argument (not an `Option`).
    pub required: bool,
    /// `Option<Nullable<T>>`: left out, `null` or a value.
    pub nullable: bool,
    pub deprecated: bool,
    /// Serialised in place (a union of the body).
    pub flatten: bool,
    /// `#[seam(...)]` rules, in the order they are written.
    pub rules: Vec<Rule>,
    /// The doc line: what the spec says of it, in a few words.
    pub doc: String,
}

/// A `#[seam(...)]` rule of a parameter; `Display` writes it as the attribute
/// takes it (`min_length = 1`), and the CLI's table reads its value.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    MinLength(u64),
    MaxLength(u64),
    MinEntries(u64),
    MaxEntries(u64),
    Minimum(f64),
    Maximum(f64),
    ExclusiveMinimum(f64),
    ExclusiveMaximum(f64),
    /// The pattern's source, which the macro compiles.
    Pattern(String),
}

impl Rule {
    /// Its name in `#[seam(...)]`, which is also the CLI table's field.
    pub fn name(&self) -> &'static str {
        match self {
            Rule::MinLength(_) => "min_length",
            Rule::MaxLength(_) => "max_length",
            Rule::MinEntries(_) => "min_entries",
            Rule::MaxEntries(_) => "max_entries",
            Rule::Minimum(_) => "minimum",
            Rule::Maximum(_) => "maximum",
            Rule::ExclusiveMinimum(_) => "exclusive_minimum",
            Rule::ExclusiveMaximum(_) => "exclusive_maximum",
            Rule::Pattern(_) => "pattern",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} = ", self.name())?;
        match self {
            Rule::MinLength(count)
            | Rule::MaxLength(count)
            | Rule::MinEntries(count)
            | Rule::MaxEntries(count) => write!(f, "{count}"),
            Rule::Minimum(bound)
            | Rule::Maximum(bound)
            | Rule::ExclusiveMinimum(bound)
            | Rule::ExclusiveMaximum(bound) => f.write_str(&number_literal(*bound)),
            Rule::Pattern(source) => write!(f, "{source:?}"),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReqVariant {
    pub name: String,
    /// The discriminator's value that picks it, in a tagged union.
    pub tag_value: Option<String>,
    pub fields: Vec<ReqField>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ReqDef {
    Struct(Vec<ReqField>),
    /// Values and their variants, written with `open_enum!`.
    Enum(Vec<(String, String)>),
    /// Exactly one of the variants' objects, told apart by their fields.
    Untagged(Vec<ReqVariant>),
    /// Told apart by the value of `tag`.
    Tagged {
        tag: String,
        variants: Vec<ReqVariant>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct RequestType {
    pub name: String,
    /// Where the schema sits: `/access_grants/create.requested_access_methods[]`.
    pub origin: String,
    pub def: ReqDef,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ResponseDecl {
    Void,
    /// `send` returns the `ty` under `key`.
    One {
        ty: String,
        key: String,
    },
    /// `send` returns the `ty` under `key` and the action attempt Seam started
    /// for it, of the model `attempt`, without waiting for it.
    OneWithAttempt {
        ty: String,
        key: String,
        attempt: String,
    },
    /// A list under `key`; `paginated` when the answer has `pagination`.
    List {
        ty: String,
        key: String,
        paginated: bool,
    },
}

/// A namespace method: its name, arguments and how it builds the struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Accessor {
    pub name: String,
    /// `(name, type)`, the type as written in the signature.
    pub args: Vec<(String, String)>,
    /// The constructor's arguments, in order.
    pub build: Vec<String>,
    pub doc: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct EndpointDef {
    pub path: String,
    pub namespace: Vec<String>,
    pub method_name: String,
    pub name: String,
    pub fields: Vec<ReqField>,
    pub response: ResponseDecl,
    pub idempotent: bool,
    pub deprecated: bool,
    pub draft: bool,
    pub semantic_method: HttpMethod,
    pub merged_union: bool,
    pub accessors: Vec<Accessor>,
}

impl EndpointDef {
    pub fn docs_url(&self) -> String {
        format!("{DOCS_BASE}{}", self.path)
    }

    /// The answer holds an action attempt: as the answer itself, or beside the
    /// resource a create made.
    pub fn answers_action_attempt(&self) -> bool {
        match &self.response {
            ResponseDecl::One { key, .. } => key == ACTION_ATTEMPT_PROPERTY,
            ResponseDecl::OneWithAttempt { .. } => true,
            ResponseDecl::Void | ResponseDecl::List { .. } => false,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct NamespaceDef {
    pub segments: Vec<String>,
    /// Indexes into [`Api::endpoints`].
    pub endpoints: Vec<usize>,
    /// The last segment of each child namespace.
    pub children: BTreeSet<String>,
    /// Request types of this module.
    pub types: Vec<RequestType>,
}

impl NamespaceDef {
    pub fn type_name(&self) -> String {
        self.segments
            .iter()
            .map(|segment| pascal(segment))
            .collect()
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Api {
    pub endpoints: Vec<EndpointDef>,
    /// Every namespace, by its segments (`["access_codes", "unmanaged"]`).
    pub namespaces: BTreeMap<Vec<String>, NamespaceDef>,
}

impl Api {
    pub fn top_level(&self) -> impl Iterator<Item = &NamespaceDef> {
        self.namespaces
            .values()
            .filter(|namespace| namespace.segments.len() == 1)
    }
}

fn error(at: &str, message: impl Into<String>) -> SpecError {
    SpecError {
        at: at.to_owned(),
        message: message.into(),
    }
}

impl Api {
    pub fn lower(spec: &Spec, models: &Models) -> Result<Self, SpecError> {
        let mut api = Api::default();
        let mut enums = BTreeMap::new();
        for ty in &models.types {
            if let Def::OpenEnum { values } = &ty.def {
                let mut key: Vec<&str> = values.iter().map(|(_, value)| value.as_str()).collect();
                key.sort_unstable();
                let key = key.join("\u{0}");
                enums
                    .entry(key)
                    .or_insert_with(|| format!("crate::models::{}::{}", ty.module, ty.name));
            }
        }
        let mut names: BTreeMap<String, String> = BTreeMap::new();
        for route in spec.documented_routes() {
            for depth in 1..=route.namespace.len() {
                let segments = route.namespace[..depth].to_vec();
                let namespace = api.namespaces.entry(segments.clone()).or_default();
                namespace.segments = segments;
                if depth < route.namespace.len() {
                    namespace.children.insert(route.namespace[depth].clone());
                }
            }
            let name = struct_name(&route.namespace, &route.method_name);
            if let Some(other) = names.insert(name.clone(), route.path.clone()) {
                return Err(error(
                    &route.path,
                    format!("its struct would be {name}, as {other}'s: add a naming rule"),
                ));
            }
            let namespace = api
                .namespaces
                .get_mut(&route.namespace)
                .expect("made above");
            let mut lowering = RouteLowering {
                route,
                models,
                enums: &enums,
                types: &mut namespace.types,
                taken: BTreeSet::new(),
            };
            let endpoint = lowering.endpoint(name)?;
            namespace.endpoints.push(api.endpoints.len());
            api.endpoints.push(endpoint);
        }
        for namespace in api.namespaces.values() {
            let mut methods = BTreeSet::new();
            for child in &namespace.children {
                methods.insert(child.clone());
            }
            for &index in &namespace.endpoints {
                for accessor in &api.endpoints[index].accessors {
                    if !methods.insert(accessor.name.clone()) {
                        return Err(error(
                            &api.endpoints[index].path,
                            format!("two methods named {} on one namespace", accessor.name),
                        ));
                    }
                }
            }
        }
        Ok(api)
    }
}

fn singular_word(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ies") {
        format!("{stem}y")
    } else if let Some(stem) = word.strip_suffix('s')
        && !word.ends_with("ss")
    {
        stem.to_owned()
    } else {
        word.to_owned()
    }
}

/// The words of the resource a namespace names, singular, and whether a
/// `simulate` segment puts `Simulate` first.
fn resource_words(namespace: &[String]) -> (Vec<String>, bool) {
    let mut words = Vec::new();
    let mut adjectives = Vec::new();
    let mut simulate = false;
    let mut rest = namespace;
    if rest.first().map(String::as_str) == Some("acs") {
        words.push("acs".to_owned());
        rest = &rest[1..];
    }
    for segment in rest {
        match segment.as_str() {
            "unmanaged" => adjectives.push("unmanaged".to_owned()),
            "simulate" => simulate = true,
            noun => words.extend(singular_word(noun).split('_').map(str::to_owned)),
        }
    }
    adjectives.extend(words);
    (adjectives, simulate)
}

/// The resource's singular in PascalCase: `ConnectedAccount`, `UnmanagedAccessCode`.
fn resource_name(namespace: &[String]) -> String {
    resource_words(namespace)
        .0
        .iter()
        .map(|word| pascal(word))
        .collect()
}

/// The struct's name by the rules in the module docs.
pub fn struct_name(namespace: &[String], method: &str) -> String {
    let (words, simulate) = resource_words(namespace);
    let method_words: Vec<String> = method.split('_').map(singular_word).collect();
    let named = words.is_empty()
        || method_words
            .windows(words.len())
            .any(|window| window == words.as_slice());
    let mut name = String::new();
    if simulate {
        name.push_str("Simulate");
    }
    name.push_str(&pascal(method));
    if !named {
        let resource: String = words.iter().map(|word| pascal(word)).collect();
        name.push_str(&resource);
        if method == "list" {
            name.push('s');
            if let Some(stem) = name.strip_suffix("ys") {
                name = format!("{stem}ies");
            }
        }
    }
    name
}

struct RouteLowering<'a> {
    route: &'a Route,
    models: &'a Models,
    /// Sorted values of a model enum to its path.
    enums: &'a BTreeMap<String, String>,
    types: &'a mut Vec<RequestType>,
    /// Field names of the struct being made.
    taken: BTreeSet<String>,
}

impl RouteLowering<'_> {
    fn endpoint(&mut self, name: String) -> Result<EndpointDef, SpecError> {
        let route = self.route;
        let at = route.path.as_str();
        let merged_union = MERGED_UNIONS.contains(&at);
        let mut fields = Vec::new();
        let mut selector_variants: Option<Vec<ReqVariant>> = None;
        match &route.request_body {
            RequestBody::None | RequestBody::AnyJson => {}
            RequestBody::Object(body) => {
                fields = self.fields(body, &name, at)?;
            }
            RequestBody::OneOf(variants) if merged_union => {
                fields = self.fields(&merge(variants), &name, at)?;
            }
            RequestBody::OneOf(variants) => {
                if let Some(selector) = self.selector(variants, &name)? {
                    selector_variants = Some(selector.1.clone());
                    fields.push(selector.0);
                } else {
                    let (field, _) = self.union_field(variants, &name, None)?;
                    fields.push(field);
                }
            }
            RequestBody::OneOfWithCommon { variants, common } => {
                fields = self.fields(common, &name, at)?;
                let (field, _) = self.union_field(variants, &name, None)?;
                fields.push(field);
            }
            RequestBody::Discriminated { property, variants } => {
                let shared = shared_parameters(variants, property);
                fields = self.fields(
                    &ObjectBody {
                        parameters: shared.clone(),
                    },
                    &name,
                    at,
                )?;
                let rest: Vec<ObjectBody> = variants
                    .iter()
                    .map(|variant| ObjectBody {
                        parameters: variant
                            .parameters
                            .iter()
                            .filter(|parameter| !shared.iter().any(|s| s.name == parameter.name))
                            .cloned()
                            .collect(),
                    })
                    .collect();
                let (field, _) = self.union_field(&rest, &name, Some(property))?;
                fields.push(field);
            }
        }
        if fields.iter().any(|field| field.json_name == "page_cursor") {
            for field in &mut fields {
                // A null cursor asks for the first page, as leaving it out does.
                if field.json_name == "page_cursor" {
                    field.nullable = false;
                }
            }
        }
        let response = self.response()?;
        if let ResponseDecl::List {
            paginated: true, ..
        } = &response
            && !fields.iter().any(|field| field.json_name == "page_cursor")
        {
            return Err(error(at, "answers a page but takes no page_cursor"));
        }
        let accessors = accessors(route, &name, &fields, selector_variants.as_deref());
        Ok(EndpointDef {
            path: route.path.clone(),
            namespace: route.namespace.clone(),
            method_name: route.method_name.clone(),
            name,
            fields,
            response,
            idempotent: is_idempotent(route.semantic_method),
            deprecated: route.deprecated,
            draft: route.draft,
            semantic_method: route.semantic_method,
            merged_union,
            accessors,
        })
    }

    fn response(&self) -> Result<ResponseDecl, SpecError> {
        let route = self.route;
        let ty = |schema: &SchemaRef| -> Result<String, SpecError> {
            match schema {
                SchemaRef::Component(name) => {
                    let id = self
                        .models
                        .components
                        .get(name)
                        .ok_or_else(|| error(&route.path, format!("unknown schema {name}")))?;
                    Ok(format!("crate::models::{}", self.models.types[*id].name))
                }
                SchemaRef::Inline(_) => {
                    let id = self.models.route_answers.get(&route.path).ok_or_else(|| {
                        error(&route.path, "an inline answer the models do not have")
                    })?;
                    Ok(format!(
                        "crate::models::{}::{}",
                        self.models.types[*id].module, self.models.types[*id].name
                    ))
                }
            }
        };
        let mut key = route.response.key.clone().unwrap_or_default();
        if let Some((_, other)) = FAKE_RESPONSE_KEYS
            .iter()
            .find(|(path, _)| *path == route.path)
        {
            if !route.response.properties.iter().any(|name| name == other) {
                return Err(error(
                    &route.path,
                    format!("FAKE_RESPONSE_KEYS: the answer has no property {other}"),
                ));
            }
            key = (*other).to_owned();
        }
        let attempt = || ty(&SchemaRef::Component(ACTION_ATTEMPT_PROPERTY.to_owned()));
        Ok(match &route.response.shape {
            // A route without a response key that starts an action attempt answers
            // the attempt (`access_codes/delete`), waited for as any attempt.
            _ if route.response.key.is_none() && route.response.has_action_attempt() => {
                ResponseDecl::One {
                    ty: attempt()?,
                    key: ACTION_ATTEMPT_PROPERTY.to_owned(),
                }
            }
            // A route without a response key may still answer something; what it
            // returns of its own is nothing (`connected_accounts/update`).
            ResponseShape::Void => ResponseDecl::Void,
            _ if route.response.key.is_none() => ResponseDecl::Void,
            ResponseShape::Resource(schema)
                if key != ACTION_ATTEMPT_PROPERTY && route.response.has_action_attempt() =>
            {
                ResponseDecl::OneWithAttempt {
                    ty: ty(schema)?,
                    key,
                    attempt: attempt()?,
                }
            }
            ResponseShape::Resource(schema) => ResponseDecl::One {
                ty: ty(schema)?,
                key,
            },
            ResponseShape::List(schema) => ResponseDecl::List {
                ty: ty(schema)?,
                key,
                paginated: route.response.has_pagination(),
            },
        })
    }

    /// The fields of a type other than the struct being made (a nested object, a
    /// union variant): their names are unique among themselves, not the struct's.
    fn fields_apart(
        &mut self,
        body: &ObjectBody,
        parent: &str,
        origin: &str,
    ) -> Result<Vec<ReqField>, SpecError> {
        let saved = std::mem::take(&mut self.taken);
        let fields = self.fields(body, parent, origin);
        self.taken = saved;
        fields
    }

    /// The fields of an object body, documented parameters only.
    fn fields(
        &mut self,
        body: &ObjectBody,
        parent: &str,
        origin: &str,
    ) -> Result<Vec<ReqField>, SpecError> {
        body.parameters
            .iter()
            .filter(|parameter| parameter.documented)
            .map(|parameter| self.field(parameter, parent, origin))
            .collect()
    }

    fn field(
        &mut self,
        parameter: &Parameter,
        parent: &str,
        origin: &str,
    ) -> Result<ReqField, SpecError> {
        let schema = merge_all_of(&parameter.schema, origin)?;
        let at = format!("{origin}.{}", parameter.name);
        let ty = self.ty(
            &schema,
            &format!("{parent}{}", pascal(&parameter.name)),
            &at,
        )?;
        let mut rules = rules(&schema);
        if ty == ReqTy::Metadata && parameter.name == "custom_metadata" {
            rules.push(Rule::MaxEntries(CUSTOM_METADATA_MAX_ENTRIES));
        }
        if parameter.name == "page_cursor" && ty == ReqTy::String && rules.is_empty() {
            // Seam refuses an empty cursor, though the spec does not say so.
            rules.push(Rule::MinLength(1));
        }
        let rust_name = unique(&mut self.taken, field_name(&parameter.name));
        Ok(ReqField {
            json_name: parameter.name.clone(),
            rust_name,
            doc: field_doc(parameter, &schema, &ty),
            ty,
            required: parameter.required,
            nullable: parameter.nullable,
            deprecated: parameter.deprecated,
            flatten: false,
            rules,
        })
    }

    fn ty(&mut self, schema: &Value, name: &str, at: &str) -> Result<ReqTy, SpecError> {
        if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
            let enums: Option<Vec<&Value>> = variants
                .iter()
                .map(|variant| variant.get("enum"))
                .collect::<Option<Vec<_>>>()
                .map(|lists| {
                    lists
                        .into_iter()
                        .filter_map(Value::as_array)
                        .flatten()
                        .collect()
                });
            if let Some(values) = enums {
                return Ok(self.string_enum(&values, name, at));
            }
            if variants
                .iter()
                .all(|variant| str_of(variant, "type") == Some("string"))
            {
                return Ok(ReqTy::String);
            }
            // A string or a boolean (a metadata value), or nested unions of objects
            // (only in the customer portal's options): sent as JSON, checked by Seam.
            return Ok(ReqTy::Json);
        }
        Ok(match str_of(schema, "type") {
            Some("boolean") => ReqTy::Bool,
            Some("number") => ReqTy::F64,
            Some("integer") => {
                let unsigned = schema
                    .get("minimum")
                    .and_then(Value::as_f64)
                    .is_some_and(|minimum| minimum >= 0.0);
                if unsigned { ReqTy::U64 } else { ReqTy::I64 }
            }
            Some("string") => match schema.get("enum").and_then(Value::as_array) {
                Some(values) => {
                    let values: Vec<&Value> = values.iter().collect();
                    self.string_enum(&values, name, at)
                }
                None => ReqTy::String,
            },
            Some("array") => {
                let items = merge_all_of(schema.get("items").unwrap_or(&Value::Null), at)?;
                ReqTy::Vec(Box::new(self.ty(
                    &items,
                    &singular(name),
                    &format!("{at}[]"),
                )?))
            }
            Some("object") if schema.get("properties").is_some() => {
                let body = parse_object(schema, at)?;
                let local = unique_type_name(self.types, name);
                let fields = self.fields_apart(&body, &local, at)?;
                self.push_type(local, at, ReqDef::Struct(fields))
            }
            Some("object") => match schema.get("additionalProperties") {
                Some(values) if is_metadata_value(values) => ReqTy::Metadata,
                Some(values) if str_of(values, "type") == Some("string") => {
                    ReqTy::Map(Box::new(ReqTy::String))
                }
                _ => ReqTy::Json,
            },
            _ => ReqTy::Json,
        })
    }

    fn string_enum(&mut self, values: &[&Value], name: &str, at: &str) -> ReqTy {
        let mut seen = BTreeSet::new();
        let values: Vec<&str> = values
            .iter()
            .filter_map(|value| value.as_str())
            .filter(|value| seen.insert(*value))
            .collect();
        let mut key = values.clone();
        key.sort_unstable();
        if let Some(path) = self.enums.get(&key.join("\u{0}")) {
            return ReqTy::Model(path.clone());
        }
        let mut names = BTreeSet::new();
        let def = ReqDef::Enum(
            values
                .iter()
                .map(|value| {
                    let variant = match pascal(value) {
                        name if name == "Unknown" => "ReportedUnknown".to_owned(),
                        name => name,
                    };
                    (unique(&mut names, variant), (*value).to_owned())
                })
                .collect(),
        );
        let local = unique_type_name(self.types, name);
        self.push_type(local, at, def)
    }

    /// A type of this module: an equal one already made is reused.
    fn push_type(&mut self, name: String, origin: &str, def: ReqDef) -> ReqTy {
        if let Some(existing) = self.types.iter().find(|ty| ty.def == def) {
            return ReqTy::Local(existing.name.clone());
        }
        self.types.push(RequestType {
            name: name.clone(),
            origin: origin.to_owned(),
            def,
        });
        ReqTy::Local(name)
    }

    /// A "one of" whose every variant is one required parameter: a selector.
    fn selector(
        &mut self,
        variants: &[ObjectBody],
        struct_name: &str,
    ) -> Result<Option<(ReqField, Vec<ReqVariant>)>, SpecError> {
        let single = variants
            .iter()
            .all(|variant| variant.parameters.len() == 1 && variant.parameters[0].required);
        if !single {
            return Ok(None);
        }
        let resource = resource_words(&self.route.namespace).0.join("_");
        let name = unique_type_name(
            self.types,
            &format!("{}Selector", resource_name(&self.route.namespace)),
        );
        let mut lowered = Vec::new();
        let mut names = BTreeSet::new();
        for variant in variants {
            let parameter = &variant.parameters[0];
            let short = parameter
                .name
                .strip_prefix(&format!("{resource}_"))
                .unwrap_or(&parameter.name);
            let fields = self.fields_apart(variant, struct_name, &self.route.path.clone())?;
            lowered.push(ReqVariant {
                name: unique(&mut names, pascal(short)),
                tag_value: None,
                fields,
            });
        }
        let ty = self.push_type(
            name,
            &self.route.path.clone(),
            ReqDef::Untagged(lowered.clone()),
        );
        Ok(Some((
            union_req_field("selector", ty, true, "the parameter that finds it."),
            lowered,
        )))
    }

    /// A union of the body as an enum field: tagged by `tag`, or told apart by
    /// the variants' required parameters.
    fn union_field(
        &mut self,
        variants: &[ObjectBody],
        struct_name: &str,
        tag: Option<&String>,
    ) -> Result<(ReqField, Vec<ReqVariant>), SpecError> {
        let at = self.route.path.clone();
        let mut lowered = Vec::new();
        let mut names = BTreeSet::new();
        let mut optional = false;
        for variant in variants {
            let (tag_value, rest): (Option<String>, Vec<Parameter>) = match tag {
                Some(tag) => {
                    let value = variant
                        .parameters
                        .iter()
                        .find(|parameter| &parameter.name == tag)
                        .and_then(|parameter| parameter.schema.get("enum"))
                        .and_then(Value::as_array)
                        .filter(|values| values.len() == 1)
                        .and_then(|values| values[0].as_str())
                        .ok_or_else(|| error(&at, "a variant without one value of its tag"))?;
                    (
                        Some(value.to_owned()),
                        variant
                            .parameters
                            .iter()
                            .filter(|parameter| &parameter.name != tag)
                            .cloned()
                            .collect(),
                    )
                }
                None => (None, variant.parameters.clone()),
            };
            let name = match &tag_value {
                Some(value) => pascal(value),
                None => {
                    let required: Vec<String> = rest
                        .iter()
                        .filter(|parameter| parameter.required)
                        .map(|parameter| pascal(&parameter.name))
                        .collect();
                    if rest.is_empty() {
                        optional = true;
                        continue;
                    }
                    if required.is_empty() {
                        return Err(error(
                            &at,
                            "a variant without required parameters to name it: add the route to MERGED_UNIONS",
                        ));
                    }
                    required.join("And")
                }
            };
            if !names.insert(name.clone()) {
                return Err(error(
                    &at,
                    format!("two variants named {name}: add the route to MERGED_UNIONS"),
                ));
            }
            let fields = self.fields_apart(&ObjectBody { parameters: rest }, struct_name, &at)?;
            lowered.push(ReqVariant {
                name,
                tag_value,
                fields,
            });
        }
        let (field_name, type_name, def) = match tag {
            Some(tag) => {
                let type_name = if self.types.iter().any(|ty| ty.name == pascal(tag)) {
                    format!("{struct_name}{}", pascal(tag))
                } else {
                    pascal(tag)
                };
                (
                    tag.clone(),
                    type_name,
                    ReqDef::Tagged {
                        tag: tag.clone(),
                        variants: lowered.clone(),
                    },
                )
            }
            None => (
                "selector".to_owned(),
                format!("{struct_name}Selector"),
                ReqDef::Untagged(lowered.clone()),
            ),
        };
        let type_name = unique_type_name(self.types, &type_name);
        let ty = self.push_type(type_name, &at, def);
        let doc = match tag {
            Some(tag) => format!("`{tag}`, with the parameters its value takes."),
            None => "one of the sets of parameters the route takes.".to_owned(),
        };
        let mut field = union_req_field(&field_name, ty, !optional, &doc);
        field.rust_name = unique(&mut self.taken, field.rust_name);
        Ok((field, lowered))
    }
}

fn union_req_field(name: &str, ty: ReqTy, required: bool, doc: &str) -> ReqField {
    ReqField {
        json_name: name.to_owned(),
        rust_name: name.to_owned(),
        doc: format!("{}: {doc}", if required { "Required" } else { "Optional" }),
        ty,
        required,
        nullable: false,
        deprecated: false,
        flatten: true,
        rules: Vec::new(),
    }
}

/// A type name not yet used in the module's request types.
fn unique_type_name(types: &[RequestType], name: &str) -> String {
    let mut taken: BTreeSet<String> = types.iter().map(|ty| ty.name.clone()).collect();
    unique(&mut taken, name.to_owned())
}

/// The parameters every variant has, the same in each (but the tag).
fn shared_parameters(variants: &[ObjectBody], tag: &str) -> Vec<Parameter> {
    let Some(first) = variants.first() else {
        return Vec::new();
    };
    first
        .parameters
        .iter()
        .filter(|parameter| parameter.name != tag)
        .filter(|parameter| {
            variants
                .iter()
                .all(|variant| variant.parameters.iter().any(|other| other == *parameter))
        })
        .cloned()
        .collect()
}

/// Every variant's parameters in one object, required where all require it.
fn merge(variants: &[ObjectBody]) -> ObjectBody {
    let mut merged: Vec<Parameter> = Vec::new();
    for variant in variants {
        for parameter in &variant.parameters {
            let required = variants.iter().all(|variant| {
                variant
                    .parameters
                    .iter()
                    .any(|other| other.name == parameter.name && other.required)
            });
            match merged.iter_mut().find(|seen| seen.name == parameter.name) {
                Some(seen) => {
                    // Variants may narrow a parameter (an enum of fewer values):
                    // the union of what they allow is sent unchecked, as JSON
                    // text the server checks.
                    if seen.schema != parameter.schema {
                        let mut values: Vec<Value> = seen
                            .schema
                            .get("enum")
                            .and_then(Value::as_array)
                            .cloned()
                            .unwrap_or_default();
                        for value in parameter
                            .schema
                            .get("enum")
                            .and_then(Value::as_array)
                            .into_iter()
                            .flatten()
                        {
                            if !values.contains(value) {
                                values.push(value.clone());
                            }
                        }
                        if !values.is_empty()
                            && let Some(object) = seen.schema.as_object_mut()
                        {
                            object.insert("enum".to_owned(), Value::Array(values));
                        }
                    }
                }
                None => merged.push(Parameter {
                    required,
                    ..parameter.clone()
                }),
            }
        }
    }
    merged.sort_by(|a, b| a.name.cmp(&b.name));
    ObjectBody { parameters: merged }
}

/// Patterns the macro's matcher compiles (`seamapi-macros/src/pattern.rs`, the
/// subset of JavaScript's syntax Seam's spec uses); others are left to the server.
pub fn pattern_supported(pattern: &str) -> bool {
    crate::macro_pattern::compile(pattern).is_ok()
}

/// The `#[seam(...)]` rules of a schema's constraints.
fn rules(schema: &Value) -> Vec<Rule> {
    let mut rules = Vec::new();
    let number = |key: &str| schema.get(key).and_then(Value::as_f64);
    let count = |key: &str| schema.get(key).and_then(Value::as_u64);
    match str_of(schema, "type") {
        Some("string") => {
            rules.extend(count("minLength").map(Rule::MinLength));
            rules.extend(count("maxLength").map(Rule::MaxLength));
            if let Some(pattern) = str_of(schema, "pattern").filter(|p| pattern_supported(p)) {
                rules.push(Rule::Pattern(pattern.to_owned()));
            }
        }
        Some("integer" | "number") => {
            if let Some(min) = number("minimum") {
                rules.push(if flag(schema, "exclusiveMinimum") {
                    Rule::ExclusiveMinimum(min)
                } else {
                    Rule::Minimum(min)
                });
            }
            if let Some(max) = number("maximum") {
                rules.push(if flag(schema, "exclusiveMaximum") {
                    Rule::ExclusiveMaximum(max)
                } else {
                    Rule::Maximum(max)
                });
            }
        }
        Some("array") => {
            rules.extend(count("minItems").map(Rule::MinEntries));
            rules.extend(count("maxItems").map(Rule::MaxEntries));
        }
        _ => {}
    }
    rules
}

fn number_literal(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

fn field_doc(parameter: &Parameter, schema: &Value, ty: &ReqTy) -> String {
    let presence = match (parameter.required, parameter.nullable) {
        (true, false) => "Required",
        (true, true) => "Required, nullable",
        (false, false) => "Optional",
        (false, true) => "Optional, nullable (`Nullable::Null` sends `null`)",
    };
    if parameter.name == "page_cursor" {
        return "Optional: the page to get, from the previous page's `next_page_cursor`; \
                `.pages()` and `.items()` set it."
            .to_owned();
    }
    // `summary` has the type, its limits and its default.
    let mut text = format!("{presence}: {}", summary(schema));
    if *ty == ReqTy::Metadata && parameter.name == "custom_metadata" {
        text.push_str(&format!(
            "; at most {CUSTOM_METADATA_MAX_ENTRIES} pairs, keys of at most 40 characters, text values of at most 500"
        ));
    }
    text.push('.');
    if parameter.deprecated {
        text.push_str(" Deprecated.");
    }
    text
}

/// Reads change nothing, and so do replacements and removals: Seam serves them on
/// GET, PUT, PATCH (its updates set values) and DELETE beside POST. A route served
/// on POST alone creates or acts, and is not retried once the server may have
/// seen it.
pub fn is_idempotent(method: HttpMethod) -> bool {
    method != HttpMethod::Post
}

/// The namespace methods of a route.
fn accessors(
    route: &Route,
    name: &str,
    fields: &[ReqField],
    selector: Option<&[ReqVariant]>,
) -> Vec<Accessor> {
    let required: Vec<&ReqField> = fields.iter().filter(|field| field.required).collect();
    let arg_type = |field: &ReqField| {
        let ty = rust_type(&field.ty);
        if field.ty.is_scalar() {
            ty
        } else {
            format!("impl Into<{ty}>")
        }
    };
    let doc = format!(
        "`{}`: [`{name}`], bound to this client ([Seam's reference]({DOCS_BASE}{})).",
        route.path, route.path
    );
    match selector {
        Some(variants) => {
            let ReqTy::Local(selector_type) = &required[0].ty else {
                unreachable!("a selector is a local enum")
            };
            variants
                .iter()
                .enumerate()
                .map(|(index, variant)| {
                    let field = &variant.fields[0];
                    let method = if index == 0 {
                        route.method_name.clone()
                    } else {
                        format!(
                            "{}_by_{}",
                            route.method_name,
                            field_name_of_variant(&variant.name)
                        )
                    };
                    let value = if field.ty.is_scalar() {
                        field.rust_name.clone()
                    } else {
                        format!("{}.into()", field.rust_name)
                    };
                    Accessor {
                        name: method,
                        args: vec![(field.rust_name.clone(), arg_type(field))],
                        build: vec![format!(
                            "{selector_type}::{} {{ {}: {value} }}",
                            variant.name, field.rust_name
                        )],
                        doc: format!("{doc} By `{}`.", field.json_name),
                    }
                })
                .collect()
        }
        None => vec![Accessor {
            name: route.method_name.clone(),
            args: required
                .iter()
                .map(|field| (field.rust_name.clone(), arg_type(field)))
                .collect(),
            build: required
                .iter()
                .map(|field| field.rust_name.clone())
                .collect(),
            doc,
        }],
    }
}

fn field_name_of_variant(variant: &str) -> String {
    let mut out = String::new();
    for (index, c) in variant.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if index > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The Rust type of a request type, as written inside its module.
pub fn rust_type(ty: &ReqTy) -> String {
    match ty {
        ReqTy::String => "String".to_owned(),
        ReqTy::Bool => "bool".to_owned(),
        ReqTy::I64 => "i64".to_owned(),
        ReqTy::U64 => "u64".to_owned(),
        ReqTy::F64 => "f64".to_owned(),
        ReqTy::Json => "::serde_json::Value".to_owned(),
        ReqTy::Metadata => "::seamapi_core::CustomMetadata".to_owned(),
        ReqTy::Vec(item) => format!("Vec<{}>", rust_type(item)),
        ReqTy::Map(value) => format!("::std::collections::BTreeMap<String, {}>", rust_type(value)),
        ReqTy::Model(path) => path.clone(),
        ReqTy::Local(name) => name.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(path: &str) -> Vec<String> {
        path.split('/').map(str::to_owned).collect()
    }

    #[test]
    fn struct_names_follow_the_rules() {
        for (namespace, method, expected) in [
            ("connected_accounts", "update", "UpdateConnectedAccount"),
            ("connected_accounts", "list", "ListConnectedAccounts"),
            ("access_codes/unmanaged", "list", "ListUnmanagedAccessCodes"),
            ("acs/users", "list", "ListAcsUsers"),
            ("user_identities", "list", "ListUserIdentities"),
            ("user_identities", "get", "GetUserIdentity"),
            (
                "thermostats/schedules",
                "create",
                "CreateThermostatSchedule",
            ),
            ("devices/simulate", "connect", "SimulateConnectDevice"),
            ("locks", "lock_door", "LockDoor"),
            ("locks", "unlock_door", "UnlockDoorLock"),
            ("devices", "list_device_providers", "ListDeviceProviders"),
            (
                "access_codes/simulate",
                "create_unmanaged_access_code",
                "SimulateCreateUnmanagedAccessCode",
            ),
        ] {
            assert_eq!(
                struct_name(&ns(namespace), method),
                expected,
                "{namespace}/{method}"
            );
        }
    }

    #[test]
    fn every_documented_route_lowers() {
        let spec = Spec::load_default().unwrap();
        let models = Models::lower(&spec).unwrap();
        let api = Api::lower(&spec, &models).unwrap();
        assert_eq!(api.endpoints.len(), 201);
        let paginated = api
            .endpoints
            .iter()
            .filter(|endpoint| {
                matches!(
                    endpoint.response,
                    ResponseDecl::List {
                        paginated: true,
                        ..
                    }
                )
            })
            .count();
        assert_eq!(paginated, 16);
    }

    #[test]
    fn constructors_take_what_a_route_requires_in_the_specs_order() {
        let spec = Spec::load_default().unwrap();
        let models = Models::lower(&spec).unwrap();
        let api = Api::lower(&spec, &models).unwrap();
        for (path, expected) in [
            (
                "/thermostats/schedules/create",
                &["device_id", "climate_preset_key", "starts_at", "ends_at"][..],
            ),
            (
                "/noise_sensors/noise_thresholds/create",
                &["device_id", "starts_daily_at", "ends_daily_at"],
            ),
            ("/locks/simulate/keypad_code_entry", &["device_id", "code"]),
            ("/spaces/add_devices", &["space_id", "device_ids"]),
            ("/webhooks/update", &["webhook_id", "event_types"]),
            (
                "/thermostats/set_hvac_mode",
                &["device_id", "hvac_mode_setting"],
            ),
        ] {
            let endpoint = api
                .endpoints
                .iter()
                .find(|endpoint| endpoint.path == path)
                .unwrap();
            let arguments: Vec<&str> = endpoint.accessors[0]
                .args
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            assert_eq!(arguments, expected, "{path}");
            // The struct lists them first, in that order, as `new` takes them.
            let fields: Vec<&str> = endpoint
                .fields
                .iter()
                .filter(|field| field.required)
                .map(|field| field.rust_name.as_str())
                .collect();
            assert_eq!(fields, expected, "{path}");
        }
    }
}

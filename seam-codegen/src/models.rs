//! Lowers the spec's component schemas, and the objects routes answer in place,
//! into a list of Rust type definitions ([`Models`]) that [`crate::emit`] writes.
//!
//! # Naming rules
//!
//! - A component schema `acs_credential` is the type `AcsCredential` in the module
//!   `models::acs_credential`; an object a route answers in place is named from the
//!   route's namespace and response key (`/access_grants/unmanaged/get` answering
//!   `access_grant`: `UnmanagedAccessGrant`) and lives in `models::route_answers`.
//! - A nested object, enum or union is named by its parent's name followed by the
//!   property in PascalCase (`Device` + `properties` = `DeviceProperties`), the
//!   parent not repeated when the property starts with it (`Device` + `device_type`
//!   = `DeviceType`) unless that name is taken (`device_provider` is a component, so
//!   `DeviceDeviceProvider`); the items
//!   of an array property take the property's singular (`errors` = `Error`, `sites` =
//!   `Site`, `properties` = `Property`).
//! - A union variant is named by its tag values in PascalCase (`event_type`
//!   `device.connected` = `DeviceConnected`; `action_type` `LOCK_DOOR` and `status`
//!   `pending` = `LockDoorPending`), and its payload by the variant followed by the
//!   union (`DeviceConnectedEvent`, `LockDoorPendingActionAttempt`).
//! - An enum value is its PascalCase (`LOCK_DOOR` = `LockDoor`, `commonDoor` =
//!   `CommonDoor`, `elevator reader` = `ElevatorReader`); a value starting with a
//!   digit is prefixed with `V`; the spec's own value `unknown` is `ReportedUnknown`,
//!   since `Unknown(String)` is the fallback every enum has.
//! - A schema met a second time (byte for byte, after dropping what belongs to the
//!   field rather than the type: `nullable`, `deprecated`, `x-undocumented`, `x-draft`,
//!   `x-route-path` and the property-group keys) reuses the type made the first
//!   time; an inline copy of a component schema is the component's type.
//! - Clashes are resolved in the order types are made (components in alphabetical
//!   order, then route answers by path; properties in the spec's sorted order; depth
//!   first): the first keeps the name, the next ones get `2`, `3`... The same holds
//!   for field names and enum variants within one type.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use crate::spec::{ResponseShape, SchemaRef, Spec, SpecError};

/// The module that holds the objects routes answer in place.
pub const ROUTE_ANSWERS_MODULE: &str = "route_answers";
/// Where docs.seam.co's API reference starts; a schema's `x-route-path` follows.
pub const DOCS_BASE: &str = "https://docs.seam.co/latest/api";

/// Index of a [`TypeDef`] in [`Models::types`].
pub type TypeId = usize;

#[derive(Debug, Clone, PartialEq)]
pub enum Ty {
    String,
    Bool,
    I64,
    U64,
    F64,
    /// Any JSON: `{}` in the spec, or a union of scalars.
    Json,
    /// `seamapi_core::CustomMetadata`: a map of strings and booleans.
    Metadata,
    Vec(Box<Ty>),
    Map(Box<Ty>),
    /// A nullable array item or map value (a field's nullability is its own).
    Nullable(Box<Ty>),
    Named(TypeId),
}

impl Ty {
    /// Absent means empty for these, so a required one need not be an `Option`.
    pub fn is_collection(&self) -> bool {
        matches!(self, Ty::Vec(_) | Ty::Map(_) | Ty::Metadata)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The JSON property.
    pub json_name: String,
    pub rust_name: String,
    pub ty: Ty,
    pub required: bool,
    pub nullable: bool,
    /// Decoded as `Option<ty>`: optional or nullable.
    pub optional: bool,
    pub deprecated: bool,
    pub undocumented: bool,
    /// What the schema says, in a few words: `string (uuid)`, `array of objects`.
    pub summary: String,
    /// Required in the spec, but Seam's fake server leaves it out or sends null
    /// ([`FAKE_OMITS`]): decoded as an `Option` all the same.
    pub fake_omits: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Variant {
    pub name: String,
    /// The tag values that pick this variant: one value per tag property, in the
    /// union's tag order; several when a tag's schema allows several values.
    pub tag_values: Vec<Vec<String>>,
    pub payload: TypeId,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Def {
    Struct {
        fields: Vec<Field>,
        /// `additionalProperties` beside `properties`: the other pairs, kept.
        additional: Option<Ty>,
    },
    /// A string enum: `(variant, value)`; any other value decodes as `Unknown`.
    OpenEnum { values: Vec<(String, String)> },
    /// Objects told apart by the values of their `tags`; others decode as `Unknown`.
    Union {
        tags: Vec<String>,
        variants: Vec<Variant>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    pub name: String,
    pub module: String,
    /// Where the schema sits: `device.properties.accessory_keypad`,
    /// `event[device.connected]`, `device.errors[]`.
    pub origin: String,
    /// The component schema it is, if any.
    pub component: Option<String>,
    pub docs_url: Option<String>,
    pub deprecated: bool,
    pub undocumented: bool,
    pub draft: bool,
    pub def: Def,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Models {
    pub types: Vec<TypeDef>,
    /// Modules in the order they are declared (sorted), each with its types in the
    /// order they were made.
    pub modules: BTreeMap<String, Vec<TypeId>>,
    /// Component schema name to its type.
    pub components: BTreeMap<String, TypeId>,
    /// Documented route path to the type of its inline answer.
    pub route_answers: BTreeMap<String, TypeId>,
}

impl Models {
    pub fn lower(spec: &Spec) -> Result<Self, SpecError> {
        let mut lowering = Lowering {
            spec,
            models: Models::default(),
            by_shape: BTreeMap::new(),
            names: BTreeSet::new(),
        };
        // Every component gets its name first, so a nested copy of one anywhere
        // resolves to it, and its name is never taken by a nested type.
        for name in spec.schemas.keys() {
            lowering.reserve_component(name);
        }
        for name in spec.schemas.keys() {
            lowering.lower_component(name)?;
        }
        for route in spec.documented_routes() {
            let (ResponseShape::Resource(SchemaRef::Inline(schema))
            | ResponseShape::List(SchemaRef::Inline(schema))) = &route.response.shape
            else {
                continue;
            };
            let key = route.response.key.as_deref().unwrap_or_default();
            let prefix: String = route.namespace.iter().skip(1).map(|s| pascal(s)).collect();
            let name = format!("{prefix}{}", pascal(key));
            let name = if lowering.names.contains(&name)
                && !lowering.by_shape.contains_key(&shape_key(schema))
            {
                format!("{}{name}", pascal(&route.namespace[0]))
            } else {
                name
            };
            let ty = lowering.lower(
                schema,
                &name,
                ROUTE_ANSWERS_MODULE,
                &format!("{}: {key}", route.path),
            )?;
            let Ty::Named(id) = ty else {
                return Err(error(&route.path, "an inline answer that is not an object"));
            };
            lowering.models.route_answers.insert(route.path.clone(), id);
        }
        Ok(lowering.models)
    }
}

struct Lowering<'a> {
    spec: &'a Spec,
    models: Models,
    /// Canonical schema text to the type made from it.
    by_shape: BTreeMap<String, TypeId>,
    names: BTreeSet<String>,
}

fn error(at: &str, message: &str) -> SpecError {
    SpecError {
        at: at.to_owned(),
        message: message.to_owned(),
    }
}

/// Required, non-null fields that Seam's fake server (`@seamapi/fake-seam-connect`,
/// the server users and this SDK test against) leaves out or sends as null, by the
/// field's place (`*` stands for any text). They decode as `Option`s, so that what
/// the fake answers decodes: DESIGN.md makes the server the referee. The tests
/// crate's `models_decode_fake` shows the fake still answers so.
pub const FAKE_OMITS: &[&str] = &[
    "acs_system.image_alt_text",
    "acs_system.image_url",
    "acs_system.is_credential_manager",
    "acs_system.location",
    // The fake's access control users belong to no connected account and say
    // nothing of being managed.
    "acs_user.connected_account_id",
    "acs_user.is_managed",
    // The fake's deleted access code event does not name the device.
    "event[access_code.deleted].device_id",
    // The fake's lock and unlock events do not say how.
    "event[lock.locked].method",
    "event[lock.unlocked].method",
    // The fake completes an attempt by its status alone: `result` stays null.
    "action_attempt[*, success].result",
];

/// Whether `text` matches `pattern`, where `*` stands for any text.
fn glob_match(pattern: &str, text: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == text,
        Some((head, tail)) => {
            let Some(rest) = text.strip_prefix(head) else {
                return false;
            };
            (0..=rest.len())
                .filter(|&at| rest.is_char_boundary(at))
                .any(|at| glob_match(tail, &rest[at..]))
        }
    }
}

/// Keys that describe the field or the resource's place, not the shape of its type.
const FIELD_KEYS: &[&str] = &[
    "nullable",
    "deprecated",
    "x-undocumented",
    "x-draft",
    "x-route-path",
    "x-property-group-key",
    "x-variant-group-key",
    "x-resource-type",
];

pub(crate) fn shape_key(schema: &Value) -> String {
    match schema.as_object() {
        Some(object) => {
            let mut object = object.clone();
            for key in FIELD_KEYS {
                object.remove(*key);
            }
            Value::Object(object).to_string()
        }
        None => schema.to_string(),
    }
}

pub(crate) fn flag(schema: &Value, key: &str) -> bool {
    schema.get(key).and_then(Value::as_bool).unwrap_or(false)
}

pub(crate) fn str_of<'v>(schema: &'v Value, key: &str) -> Option<&'v str> {
    schema.get(key).and_then(Value::as_str)
}

impl Lowering<'_> {
    fn reserve_component(&mut self, name: &str) {
        let id = self.models.types.len();
        let schema = &self.spec.schemas[name];
        let documented = !flag(schema, "x-undocumented");
        self.models.types.push(TypeDef {
            name: pascal(name),
            module: name.to_owned(),
            origin: name.to_owned(),
            component: Some(name.to_owned()),
            docs_url: str_of(schema, "x-route-path")
                .filter(|_| documented)
                .map(|path| format!("{DOCS_BASE}{path}")),
            deprecated: flag(schema, "deprecated"),
            undocumented: !documented,
            draft: flag(schema, "x-draft"),
            // Replaced when the component is lowered.
            def: Def::Struct {
                fields: Vec::new(),
                additional: None,
            },
        });
        self.names.insert(pascal(name));
        self.by_shape.insert(shape_key(schema), id);
        self.models.components.insert(name.to_owned(), id);
    }

    fn lower_component(&mut self, name: &str) -> Result<(), SpecError> {
        let id = self.models.components[name];
        let schema = merge_all_of(&self.spec.schemas[name], name)?;
        let type_name = self.models.types[id].name.clone();
        let def = self.lower_def(&schema, &type_name, name, name)?;
        let Some(def) = def else {
            return Err(error(
                name,
                "a component schema that is neither an object, an enum nor a union",
            ));
        };
        self.models.types[id].def = def;
        self.models
            .modules
            .entry(name.to_owned())
            .or_default()
            .insert(0, id);
        Ok(())
    }

    /// The definition a named type needs for `schema`, or `None` when the schema is
    /// a plain value (string, number, map...).
    fn lower_def(
        &mut self,
        schema: &Value,
        name: &str,
        module: &str,
        origin: &str,
    ) -> Result<Option<Def>, SpecError> {
        if let Some(variants) = schema.get("oneOf").and_then(Value::as_array) {
            if variants
                .iter()
                .all(|variant| str_of(variant, "type") == Some("object"))
            {
                return self
                    .lower_union(schema, variants, name, module, origin)
                    .map(Some);
            }
            let all_enums = variants.iter().all(|variant| {
                str_of(variant, "type") == Some("string") && variant.get("enum").is_some()
            });
            if all_enums {
                let values: Vec<&Value> = variants
                    .iter()
                    .flat_map(|variant| variant["enum"].as_array().into_iter().flatten())
                    .collect();
                return Ok(Some(open_enum(&values)));
            }
            return Ok(None);
        }
        match str_of(schema, "type") {
            Some("string") => Ok(schema
                .get("enum")
                .and_then(Value::as_array)
                .map(|values| open_enum(&values.iter().collect::<Vec<_>>()))),
            Some("object") if schema.get("properties").is_some() => {
                self.lower_struct(schema, name, module, origin).map(Some)
            }
            _ => Ok(None),
        }
    }

    fn lower_struct(
        &mut self,
        schema: &Value,
        name: &str,
        module: &str,
        origin: &str,
    ) -> Result<Def, SpecError> {
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .map(|names| names.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default();
        let empty = Map::new();
        let properties = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        let mut fields = Vec::new();
        let mut rust_names = BTreeSet::new();
        for (property, property_schema) in properties {
            let property_schema = merge_all_of(property_schema, origin)?;
            let ty = self.lower(
                &property_schema,
                &child_name(name, property, &self.names),
                module,
                &format!("{origin}.{property}"),
            )?;
            let is_required = required.contains(property.as_str());
            let nullable = flag(&property_schema, "nullable");
            let fake_omits = FAKE_OMITS
                .iter()
                .any(|pattern| glob_match(pattern, &format!("{origin}.{property}")));
            let optional = nullable || fake_omits || !is_required;
            fields.push(Field {
                json_name: property.clone(),
                rust_name: unique(&mut rust_names, field_name(property)),
                summary: summary(&property_schema),
                ty,
                required: is_required,
                nullable,
                optional,
                deprecated: flag(&property_schema, "deprecated"),
                undocumented: flag(&property_schema, "x-undocumented"),
                fake_omits,
            });
        }
        let additional = match schema.get("additionalProperties") {
            None => None,
            Some(values) => {
                let value = self.lower(
                    values,
                    &format!("{name}Value"),
                    module,
                    &format!("{origin}{{*}}"),
                )?;
                Some(nullable_element(values, value))
            }
        };
        Ok(Def::Struct { fields, additional })
    }

    fn lower_union(
        &mut self,
        schema: &Value,
        variants: &[Value],
        name: &str,
        module: &str,
        origin: &str,
    ) -> Result<Def, SpecError> {
        let tags = match schema
            .pointer("/discriminator/propertyName")
            .and_then(Value::as_str)
        {
            Some(property) => vec![property.to_owned()],
            None => find_tags(variants).ok_or_else(|| {
                error(
                    origin,
                    "a union of objects without properties that tell them apart",
                )
            })?,
        };
        let mut lowered = Vec::new();
        let mut variant_names = BTreeSet::new();
        for variant in variants {
            let variant = merge_all_of(variant, origin)?;
            let tag_values = tag_values(&variant, &tags)
                .ok_or_else(|| error(origin, "a variant without an enum for each tag"))?;
            let first = &tag_values[0];
            let several = tag_values.len() > 1;
            let variant_name = unique(
                &mut variant_names,
                first.iter().map(|value| pascal(value)).collect::<String>()
                    + if several { "Etc" } else { "" },
            );
            let payload_name = format!("{variant_name}{name}");
            let payload_origin = format!(
                "{origin}[{}{}]",
                first.join(", "),
                if several { ", ..." } else { "" }
            );
            // The payload keeps its tags in the spec's schema (so a component copy is
            // still recognised) but not as fields: the enum variant carries them.
            let ty = match self.by_shape.get(&shape_key(&variant)) {
                Some(&id) => Ty::Named(id),
                None => {
                    let mut untagged = variant.clone();
                    // A variant picked by several values keeps the tag: which one it was.
                    if let Some(properties) = untagged
                        .get_mut("properties")
                        .and_then(Value::as_object_mut)
                        .filter(|_| !several)
                    {
                        for tag in &tags {
                            properties.remove(tag);
                        }
                    }
                    let id = self.new_type(&payload_name, module, &payload_origin, &variant)?;
                    self.by_shape.insert(shape_key(&variant), id);
                    let def = self.lower_struct(
                        &untagged,
                        &self.models.types[id].name.clone(),
                        module,
                        &payload_origin,
                    )?;
                    self.models.types[id].def = def;
                    Ty::Named(id)
                }
            };
            let Ty::Named(payload) = ty else {
                unreachable!()
            };
            lowered.push(Variant {
                name: variant_name,
                tag_values,
                payload,
            });
        }
        Ok(Def::Union {
            tags,
            variants: lowered,
        })
    }

    /// A type slot: registered under a unique name in `module`, defined by the caller.
    fn new_type(
        &mut self,
        name: &str,
        module: &str,
        origin: &str,
        schema: &Value,
    ) -> Result<TypeId, SpecError> {
        let id = self.models.types.len();
        let name = unique(&mut self.names, name.to_owned());
        self.models.types.push(TypeDef {
            name,
            module: module.to_owned(),
            origin: origin.to_owned(),
            component: None,
            docs_url: None,
            deprecated: flag(schema, "deprecated"),
            undocumented: flag(schema, "x-undocumented"),
            draft: flag(schema, "x-draft"),
            def: Def::Struct {
                fields: Vec::new(),
                additional: None,
            },
        });
        self.models
            .modules
            .entry(module.to_owned())
            .or_default()
            .push(id);
        Ok(id)
    }

    fn lower(
        &mut self,
        schema: &Value,
        name: &str,
        module: &str,
        origin: &str,
    ) -> Result<Ty, SpecError> {
        if let Some(reference) = str_of(schema, "$ref") {
            let component = reference
                .strip_prefix("#/components/schemas/")
                .unwrap_or(reference);
            return self
                .models
                .components
                .get(component)
                .map(|&id| Ty::Named(id))
                .ok_or_else(|| error(origin, &format!("$ref to an unknown schema {reference}")));
        }
        let schema = merge_all_of(schema, origin)?;
        if let Some(&id) = self.by_shape.get(&shape_key(&schema)) {
            return Ok(Ty::Named(id));
        }
        match str_of(&schema, "type") {
            Some("boolean") => return Ok(Ty::Bool),
            Some("number") => return Ok(Ty::F64),
            Some("integer") => {
                let unsigned = schema
                    .get("minimum")
                    .and_then(Value::as_f64)
                    .is_some_and(|minimum| minimum >= 0.0);
                return Ok(if unsigned { Ty::U64 } else { Ty::I64 });
            }
            Some("array") => {
                let items = schema.get("items").unwrap_or(&Value::Null);
                let item_name = singular(name);
                let item = self.lower(items, &item_name, module, &format!("{origin}[]"))?;
                return Ok(Ty::Vec(Box::new(nullable_element(items, item))));
            }
            Some("object") if schema.get("properties").is_none() => {
                return Ok(match schema.get("additionalProperties") {
                    None => Ty::Json,
                    Some(values) if is_metadata_value(values) => Ty::Metadata,
                    Some(values) => {
                        let value = self.lower(
                            values,
                            &format!("{name}Value"),
                            module,
                            &format!("{origin}{{*}}"),
                        )?;
                        Ty::Map(Box::new(nullable_element(values, value)))
                    }
                });
            }
            _ => {}
        }
        // Enums, objects and unions become named types; reserve the slot first so
        // nested types are made (and named) after their parent.
        let is_named = schema.get("oneOf").is_some()
            || schema.get("enum").is_some()
            || schema.get("properties").is_some();
        if !is_named {
            return Ok(match str_of(&schema, "type") {
                Some("string") => Ty::String,
                _ => Ty::Json,
            });
        }
        let id = self.new_type(name, module, origin, &schema)?;
        self.by_shape.insert(shape_key(&schema), id);
        let type_name = self.models.types[id].name.clone();
        match self.lower_def(&schema, &type_name, module, origin)? {
            Some(def) => {
                self.models.types[id].def = def;
                Ok(Ty::Named(id))
            }
            None => {
                // A union of scalars: nothing to name after all.
                self.by_shape.remove(&shape_key(&schema));
                self.models.types.pop();
                self.names.remove(&type_name);
                if let Some(ids) = self.models.modules.get_mut(module) {
                    ids.pop();
                }
                Ok(Ty::Json)
            }
        }
    }
}

/// `ty`, as an `Option` when `schema` is nullable: for array items and map values.
fn nullable_element(schema: &Value, ty: Ty) -> Ty {
    if flag(schema, "nullable") {
        Ty::Nullable(Box::new(ty))
    } else {
        ty
    }
}

/// `custom_metadata`'s values: a string or a boolean.
pub(crate) fn is_metadata_value(schema: &Value) -> bool {
    let Some(variants) = schema.get("oneOf").and_then(Value::as_array) else {
        return false;
    };
    let types: BTreeSet<&str> = variants
        .iter()
        .filter_map(|variant| str_of(variant, "type"))
        .collect();
    variants.len() == 2 && types == BTreeSet::from(["string", "boolean"])
}

/// Flattens `allOf` of objects into one object: properties and `required` merged.
pub(crate) fn merge_all_of(schema: &Value, origin: &str) -> Result<Value, SpecError> {
    let Some(parts) = schema.get("allOf").and_then(Value::as_array) else {
        return Ok(schema.clone());
    };
    let mut properties = Map::new();
    let mut required: Vec<Value> = Vec::new();
    for part in parts {
        let part = merge_all_of(part, origin)?;
        if str_of(&part, "type") != Some("object") {
            return Err(error(origin, "an allOf of something other than objects"));
        }
        for (name, property) in part
            .get("properties")
            .and_then(Value::as_object)
            .into_iter()
            .flatten()
        {
            if properties
                .insert(name.clone(), property.clone())
                .is_some_and(|old| &old != property)
            {
                return Err(error(origin, &format!("allOf parts disagree on {name}")));
            }
        }
        for name in part
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            if !required.contains(name) {
                required.push(name.clone());
            }
        }
    }
    let mut merged = schema.as_object().cloned().unwrap_or_default();
    merged.remove("allOf");
    merged.insert("type".to_owned(), "object".into());
    merged.insert("properties".to_owned(), Value::Object(properties));
    merged.insert("required".to_owned(), Value::Array(required));
    Ok(Value::Object(merged))
}

/// The values a property schema allows: its string or boolean enum.
fn enum_values(schema: &Value) -> Option<Vec<String>> {
    schema
        .get("enum")?
        .as_array()?
        .iter()
        .map(|value| match value {
            Value::String(value) => Some(value.clone()),
            Value::Bool(value) => Some(value.to_string()),
            _ => None,
        })
        .collect()
}

/// Every tuple of tag values that picks `variant` (the product of each tag's enum),
/// or `None` when a tag is not a required enum in it.
fn tag_values(variant: &Value, tags: &[String]) -> Option<Vec<Vec<String>>> {
    let mut tuples = vec![Vec::new()];
    for tag in tags {
        let required = variant
            .get("required")
            .and_then(Value::as_array)
            .is_some_and(|names| names.iter().any(|name| name == tag.as_str()));
        let values = enum_values(variant.pointer(&format!("/properties/{tag}"))?)?;
        if !required {
            return None;
        }
        tuples = tuples
            .iter()
            .flat_map(|tuple| {
                values.iter().map(move |value| {
                    let mut tuple = tuple.clone();
                    tuple.push(value.clone());
                    tuple
                })
            })
            .collect();
    }
    Some(tuples)
}

/// For a union without a declared discriminator: the fewest properties (one, else
/// two) that are a required enum in every variant and whose values tell every
/// variant apart.
fn find_tags(variants: &[Value]) -> Option<Vec<String>> {
    let candidates: Vec<String> = variants
        .first()?
        .get("properties")?
        .as_object()?
        .keys()
        .filter(|property| {
            let tags = [(*property).clone()];
            variants
                .iter()
                .all(|variant| tag_values(variant, &tags).is_some())
        })
        .cloned()
        .collect();
    let tells_apart = |tags: &[String]| {
        let mut seen = BTreeSet::new();
        variants.iter().all(|variant| {
            tag_values(variant, tags)
                .unwrap_or_default()
                .into_iter()
                .all(|tuple| seen.insert(tuple))
        })
    };
    for tag in &candidates {
        let tags = [tag.clone()];
        if tells_apart(&tags) {
            return Some(tags.to_vec());
        }
    }
    for (index, first) in candidates.iter().enumerate() {
        for second in &candidates[index + 1..] {
            let tags = [first.clone(), second.clone()];
            if tells_apart(&tags) {
                return Some(tags.to_vec());
            }
        }
    }
    None
}

fn open_enum(values: &[&Value]) -> Def {
    let mut names = BTreeSet::new();
    let mut seen = BTreeSet::new();
    let values = values
        .iter()
        .filter_map(|value| value.as_str())
        .filter(|value| seen.insert(*value))
        .map(|value| {
            let name = match pascal(value) {
                name if name == "Unknown" => "ReportedUnknown".to_owned(),
                name => name,
            };
            (unique(&mut names, name), value.to_owned())
        })
        .collect();
    Def::OpenEnum { values }
}

/// `name`, or `name2`, `name3`... whichever is free first.
pub(crate) fn unique(taken: &mut BTreeSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    let mut counter = 2;
    while !taken.insert(candidate.clone()) {
        candidate = format!("{name}{counter}");
        counter += 1;
    }
    candidate
}

/// PascalCase of a property, enum value or tag: words split at anything not a
/// letter or digit; an all-caps word is lowered after its first letter.
pub fn pascal(text: &str) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
    {
        let all_caps = word.chars().all(|c| !c.is_ascii_lowercase());
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            let rest: String = chars.collect();
            out.push_str(&if all_caps {
                rest.to_ascii_lowercase()
            } else {
                rest
            });
        }
    }
    if out.starts_with(|c: char| c.is_ascii_digit()) || out.is_empty() {
        out.insert(0, 'V');
    }
    out
}

/// A nested type's name: the parent's, then the property's, unless the property
/// already starts with the parent (`Device` + `device_type` = `DeviceType`).
fn child_name(parent: &str, property: &str, taken: &BTreeSet<String>) -> String {
    let property = pascal(property);
    if property.starts_with(parent) && property != parent && !taken.contains(&property) {
        property
    } else {
        format!("{parent}{property}")
    }
}

/// The singular of a PascalCase name for an array's items.
pub(crate) fn singular(name: &str) -> String {
    if let Some(stem) = name.strip_suffix("ies") {
        format!("{stem}y")
    } else if name.ends_with("ss") || name.ends_with("us") || !name.ends_with('s') {
        format!("{name}Item")
    } else {
        name[..name.len() - 1].to_owned()
    }
}

/// Rust's keywords, strict and reserved, that a raw identifier can spell (`self`,
/// `super`, `crate` and `Self` cannot be raw: no spec property is named so).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
    "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return",
    "static", "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use",
    "virtual", "where", "while", "yield",
];

/// The Rust field for a JSON property: a leading `_` dropped, a keyword raw.
pub(crate) fn field_name(property: &str) -> String {
    let name = property.trim_start_matches('_');
    if KEYWORDS.contains(&name) {
        format!("r#{name}")
    } else {
        name.to_owned()
    }
}

/// What a property's schema says, in a few words, for its doc line.
pub fn summary(schema: &Value) -> String {
    let mut text = match (str_of(schema, "type"), schema.get("enum")) {
        (Some("string"), Some(values)) => {
            let count = values.as_array().map_or(0, Vec::len);
            format!(
                "string, one of {count} value{}",
                if count == 1 { "" } else { "s" }
            )
        }
        (Some("array"), _) => format!(
            "array of {}",
            summary(schema.get("items").unwrap_or(&Value::Null))
        ),
        (Some("object"), _) if schema.get("properties").is_some() => "object".to_owned(),
        (Some("object"), _) if schema.get("additionalProperties").is_some() => "map".to_owned(),
        (Some(kind), _) => kind.to_owned(),
        (None, _) if schema.get("oneOf").is_some() => "one of several shapes".to_owned(),
        (None, _) if schema.get("$ref").is_some() => {
            let reference = str_of(schema, "$ref").unwrap_or_default();
            format!("`{}`", reference.rsplit('/').next().unwrap_or(reference))
        }
        (None, _) => "any JSON".to_owned(),
    };
    if let Some(format) = str_of(schema, "format").filter(|format| *format != "float") {
        text.push_str(&format!(" ({format})"));
    }
    let limits: Vec<String> = [
        ("minLength", "at least", " characters"),
        ("maxLength", "at most", " characters"),
        ("minimum", "≥", ""),
        ("maximum", "≤", ""),
        ("minItems", "at least", " items"),
        ("maxItems", "at most", " items"),
    ]
    .iter()
    .filter_map(|(key, words, unit)| {
        let bound = schema.get(*key)?;
        let words = match (*key, flag(schema, "exclusiveMinimum")) {
            ("minimum", true) => ">",
            _ => words,
        };
        Some(format!("{words} {bound}{unit}"))
    })
    .collect();
    if !limits.is_empty() {
        text.push_str(&format!(", {}", limits.join(", ")));
    }
    if let Some(pattern) = str_of(schema, "pattern") {
        text.push_str(&format!(", matching `{pattern}`"));
    }
    if let Some(default) = schema.get("default") {
        text.push_str(&format!(", default `{default}`"));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glob_patterns_match_any_text_at_a_star() {
        assert!(glob_match(
            "action_attempt[*, success].result",
            "action_attempt[LOCK_DOOR, success].result"
        ));
        assert!(!glob_match(
            "action_attempt[*, success].result",
            "action_attempt[LOCK_DOOR, error].result"
        ));
        assert!(glob_match("acs_system.location", "acs_system.location"));
        assert!(!glob_match("acs_system.location", "acs_system.location.x"));
    }

    #[test]
    fn every_fake_omission_names_a_required_field() {
        let spec = Spec::load_default().unwrap();
        let models = Models::lower(&spec).unwrap();
        for pattern in FAKE_OMITS {
            let fields: Vec<&Field> = models
                .types
                .iter()
                .flat_map(|ty| match &ty.def {
                    Def::Struct { fields, .. } => fields
                        .iter()
                        .filter(|field| {
                            glob_match(pattern, &format!("{}.{}", ty.origin, field.json_name))
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .collect();
            assert!(!fields.is_empty(), "{pattern} matches no field");
            for field in fields {
                assert!(
                    field.required && !field.nullable && field.optional && field.fake_omits,
                    "{pattern}"
                );
            }
        }
    }

    #[test]
    fn pascal_case_of_values() {
        assert_eq!(pascal("LOCK_DOOR"), "LockDoor");
        assert_eq!(pascal("device.connected"), "DeviceConnected");
        assert_eq!(pascal("commonDoor"), "CommonDoor");
        assert_eq!(pascal("elevator reader"), "ElevatorReader");
        assert_eq!(pascal("1password"), "V1password");
        assert_eq!(pascal("BLE"), "Ble");
    }

    #[test]
    fn nested_names_do_not_repeat_the_parent() {
        let taken = BTreeSet::from(["DeviceProvider".to_owned()]);
        assert_eq!(child_name("Device", "device_type", &taken), "DeviceType");
        assert_eq!(
            child_name("Device", "properties", &taken),
            "DeviceProperties"
        );
        assert_eq!(child_name("AcsUser", "acs_user", &taken), "AcsUserAcsUser");
        // Taken by the component `device_provider`: the parent stays.
        assert_eq!(
            child_name("Device", "device_provider", &taken),
            "DeviceDeviceProvider"
        );
    }

    #[test]
    fn singular_of_array_items() {
        assert_eq!(singular("AccessCodeErrors"), "AccessCodeError");
        assert_eq!(singular("DeviceProperties"), "DeviceProperty");
        assert_eq!(singular("SpaceAddress"), "SpaceAddressItem");
        assert_eq!(singular("Status"), "StatusItem");
        assert_eq!(singular("CodeConstraintList"), "CodeConstraintListItem");
    }

    #[test]
    fn tags_are_found_without_a_discriminator() {
        let variant = |action: &str, status: &str| {
            serde_json::json!({
                "type": "object",
                "required": ["action_type", "status", "id"],
                "properties": {
                    "action_type": { "type": "string", "enum": [action] },
                    "status": { "type": "string", "enum": [status] },
                    "id": { "type": "string" },
                },
            })
        };
        let variants = [
            variant("LOCK", "pending"),
            variant("LOCK", "success"),
            variant("UNLOCK", "pending"),
        ];
        assert_eq!(find_tags(&variants).unwrap(), ["action_type", "status"]);
        assert_eq!(find_tags(&variants[..2]).unwrap(), ["status"]);
        assert_eq!(find_tags(&[variant("A", "x"), variant("A", "x")]), None);
    }

    #[test]
    fn clashing_enum_values_get_numbers_and_unknown_is_renamed() {
        let values = [
            Value::from("commonDoor"),
            Value::from("CommonDoor"),
            Value::from("unknown"),
        ];
        let Def::OpenEnum { values } = open_enum(&values.iter().collect::<Vec<_>>()) else {
            unreachable!()
        };
        let names: Vec<&str> = values.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(names, ["CommonDoor", "CommonDoor2", "ReportedUnknown"]);
    }

    #[test]
    fn every_component_is_a_type_in_its_own_module() {
        let spec = Spec::load_default().unwrap();
        let models = Models::lower(&spec).unwrap();
        assert_eq!(models.components.len(), 44);
        for (name, &id) in &models.components {
            assert_eq!(models.types[id].module, *name);
            assert_eq!(models.modules[name][0], id, "{name} first in its module");
        }
        let names: BTreeSet<&str> = models.types.iter().map(|ty| ty.name.as_str()).collect();
        assert_eq!(names.len(), models.types.len(), "type names are unique");
        let Def::Union { tags, variants } = &models.types[models.components["event"]].def else {
            panic!("event is a union")
        };
        assert_eq!(
            (tags.as_slice(), variants.len()),
            (&["event_type".to_owned()][..], 109)
        );
        let Def::Union { tags, variants } = &models.types[models.components["action_attempt"]].def
        else {
            panic!("action_attempt is a union")
        };
        assert_eq!(tags, &["action_type", "status"]);
        assert_eq!(variants.len(), 63);
        assert_eq!(models.route_answers.len(), 10);
    }
}

//! The counts a generator author checks the spec against: how many routes, what
//! they answer, how many unions and three-state parameters there are.
//! `cargo run -p seam-codegen -- --summary` prints them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde_json::Value;

use crate::spec::{HttpMethod, RequestBody, ResponseShape, SchemaRef, Spec};

/// Seam's internal routes (console, customer portal, webhooks receivers): none is documented.
pub const INTERNAL_PREFIX: &str = "/seam/";
/// The list cursor: nullable, but a page walk's state rather than a three-state
/// parameter a user sets, so it is counted apart.
pub const PAGE_CURSOR_PARAMETER: &str = "page_cursor";

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Summary {
    pub spec_version: String,
    pub paths: usize,
    pub documented: usize,
    pub internal_paths: usize,
    pub internal_documented: usize,
    pub served_on_post: usize,
    /// Documented routes by semantic method.
    pub documented_by_semantic_method: BTreeMap<HttpMethod, usize>,
    /// Documented routes by what they answer.
    pub answers: Answers,
    pub nullable: Nullable,
    pub unions: Unions,
    pub schemas: usize,
    pub event_types: usize,
    pub action_attempt: ActionAttemptVariants,
    pub device_properties: usize,
}

/// What documented routes answer.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Answers {
    pub void: usize,
    pub one_component: usize,
    pub list_of_component: usize,
    /// One object whose schema is written in place, not a component.
    pub one_inline: usize,
    pub list_of_inline: usize,
    pub paginated: usize,
    /// Routes whose answer has an `action_attempt` property.
    pub action_attempt_in_answer: usize,
    /// Routes with `x-action-attempt-type`.
    pub action_attempt_typed: usize,
    /// Either of the two above.
    pub action_attempt_any: usize,
    /// An `action_attempt` in the answer that is not under the response key: beside
    /// another resource, or with no response key at all.
    pub action_attempt_beside_key: usize,
}

/// Nullable (three-state) body parameters of documented routes.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Nullable {
    pub parameters: usize,
    pub routes: usize,
    pub parameters_without_page_cursor: usize,
    pub routes_without_page_cursor: usize,
}

/// Documented routes whose request body is a union.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unions {
    pub one_of: usize,
    pub one_of_with_common: usize,
    pub discriminated: usize,
}

impl Unions {
    pub fn total(&self) -> usize {
        self.one_of + self.one_of_with_common + self.discriminated
    }
}

/// The variants of the `action_attempt` schema, one per action type and status.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionAttemptVariants {
    pub variants: usize,
    pub action_types: usize,
    pub statuses: Vec<String>,
}

impl Summary {
    pub fn of(spec: &Spec) -> Self {
        let documented: Vec<_> = spec.documented_routes().collect();
        let internal = || {
            spec.routes
                .iter()
                .filter(|route| route.path.starts_with(INTERNAL_PREFIX))
        };

        let mut documented_by_semantic_method = BTreeMap::new();
        let mut answers = Answers::default();
        let mut nullable = Nullable::default();
        let mut unions = Unions::default();
        for route in &documented {
            *documented_by_semantic_method
                .entry(route.semantic_method)
                .or_default() += 1;

            let response = &route.response;
            match &response.shape {
                ResponseShape::Void => answers.void += 1,
                ResponseShape::Resource(SchemaRef::Component(_)) => answers.one_component += 1,
                ResponseShape::Resource(SchemaRef::Inline(_)) => answers.one_inline += 1,
                ResponseShape::List(SchemaRef::Component(_)) => answers.list_of_component += 1,
                ResponseShape::List(SchemaRef::Inline(_)) => answers.list_of_inline += 1,
            }
            answers.paginated += usize::from(response.has_pagination());
            let in_answer = response.has_action_attempt();
            let typed = route.action_attempt_type.is_some();
            answers.action_attempt_in_answer += usize::from(in_answer);
            answers.action_attempt_typed += usize::from(typed);
            answers.action_attempt_any += usize::from(in_answer || typed);
            answers.action_attempt_beside_key += usize::from(
                in_answer && response.key.as_deref() != Some(crate::spec::ACTION_ATTEMPT_PROPERTY),
            );

            let nullable_names: Vec<_> = route
                .request_body
                .parameters()
                .into_iter()
                .filter(|parameter| parameter.nullable)
                .map(|parameter| parameter.name.as_str())
                .collect();
            let without_cursor = nullable_names
                .iter()
                .filter(|name| **name != PAGE_CURSOR_PARAMETER)
                .count();
            nullable.parameters += nullable_names.len();
            nullable.routes += usize::from(!nullable_names.is_empty());
            nullable.parameters_without_page_cursor += without_cursor;
            nullable.routes_without_page_cursor += usize::from(without_cursor > 0);

            match route.request_body {
                RequestBody::OneOf(_) => unions.one_of += 1,
                RequestBody::OneOfWithCommon { .. } => unions.one_of_with_common += 1,
                RequestBody::Discriminated { .. } => unions.discriminated += 1,
                RequestBody::None | RequestBody::AnyJson | RequestBody::Object(_) => {}
            }
        }

        Self {
            spec_version: spec.source.version.clone(),
            paths: spec.routes.len(),
            documented: documented.len(),
            internal_paths: internal().count(),
            internal_documented: internal().filter(|route| route.documented).count(),
            served_on_post: spec
                .routes
                .iter()
                .filter(|route| route.methods.contains(&HttpMethod::Post))
                .count(),
            documented_by_semantic_method,
            answers,
            nullable,
            unions,
            schemas: spec.schemas.len(),
            event_types: union_tags(spec.schemas.get("event"), "event_type")
                .into_iter()
                .collect::<BTreeSet<_>>()
                .len(),
            action_attempt: action_attempt_variants(spec.schemas.get("action_attempt")),
            device_properties: spec
                .schemas
                .get("device")
                .and_then(|device| device.get("properties"))
                .and_then(Value::as_object)
                .map_or(0, |properties| properties.len()),
        }
    }
}

/// The single enum value of `property` in each `oneOf` variant of a union schema.
fn union_tags<'a>(schema: Option<&'a Value>, property: &str) -> Vec<&'a str> {
    schema
        .and_then(|schema| schema.get("oneOf"))
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|variant| {
            match variant
                .get("properties")?
                .get(property)?
                .get("enum")?
                .as_array()?
                .as_slice()
            {
                [tag] => tag.as_str(),
                _ => None,
            }
        })
        .collect()
}

fn action_attempt_variants(schema: Option<&Value>) -> ActionAttemptVariants {
    let action_types: BTreeSet<_> = union_tags(schema, "action_type").into_iter().collect();
    // In the order the spec first lists them: pending, success, error.
    let mut statuses: Vec<&str> = Vec::new();
    for status in union_tags(schema, "status") {
        if !statuses.contains(&status) {
            statuses.push(status);
        }
    }
    ActionAttemptVariants {
        variants: schema
            .and_then(|schema| schema.get("oneOf"))
            .and_then(Value::as_array)
            .map_or(0, Vec::len),
        action_types: action_types.len(),
        statuses: statuses.into_iter().map(str::to_owned).collect(),
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let rows: Vec<(String, String)> = vec![
            ("spec (@seamapi/types)".into(), self.spec_version.clone()),
            ("paths".into(), self.paths.to_string()),
            ("  served on POST".into(), self.served_on_post.to_string()),
            ("  documented".into(), self.documented.to_string()),
            (
                format!("  {INTERNAL_PREFIX}* (documented)"),
                format!("{} ({})", self.internal_paths, self.internal_documented),
            ),
        ]
        .into_iter()
        .chain(
            self.documented_by_semantic_method
                .iter()
                .map(|(method, count)| {
                    (format!("documented, semantic {method}"), count.to_string())
                }),
        )
        .chain([
            (
                "documented answers: void".into(),
                self.answers.void.to_string(),
            ),
            (
                "  one component".into(),
                self.answers.one_component.to_string(),
            ),
            (
                "  list of a component".into(),
                self.answers.list_of_component.to_string(),
            ),
            (
                "  one inline object".into(),
                self.answers.one_inline.to_string(),
            ),
            (
                "  list of inline objects".into(),
                self.answers.list_of_inline.to_string(),
            ),
            (
                "  with pagination".into(),
                self.answers.paginated.to_string(),
            ),
            (
                "  action attempt in answer".into(),
                self.answers.action_attempt_in_answer.to_string(),
            ),
            (
                "    not under the response key".into(),
                self.answers.action_attempt_beside_key.to_string(),
            ),
            (
                "  x-action-attempt-type".into(),
                self.answers.action_attempt_typed.to_string(),
            ),
            (
                "  action attempt in answer or typed".into(),
                self.answers.action_attempt_any.to_string(),
            ),
            (
                "nullable parameters (routes)".into(),
                format!("{} ({})", self.nullable.parameters, self.nullable.routes),
            ),
            (
                format!("  without {PAGE_CURSOR_PARAMETER} (routes)"),
                format!(
                    "{} ({})",
                    self.nullable.parameters_without_page_cursor,
                    self.nullable.routes_without_page_cursor
                ),
            ),
            (
                "union request bodies".into(),
                self.unions.total().to_string(),
            ),
            ("  oneOf".into(), self.unions.one_of.to_string()),
            (
                "  oneOf with common fields".into(),
                self.unions.one_of_with_common.to_string(),
            ),
            (
                "  discriminated".into(),
                self.unions.discriminated.to_string(),
            ),
            ("component schemas".into(), self.schemas.to_string()),
            ("  event types".into(), self.event_types.to_string()),
            (
                "  action attempt variants".into(),
                format!(
                    "{} = {} action types x {}",
                    self.action_attempt.variants,
                    self.action_attempt.action_types,
                    self.action_attempt.statuses.join("/")
                ),
            ),
            (
                "  device properties".into(),
                self.device_properties.to_string(),
            ),
        ])
        .collect();
        let width = rows.iter().map(|(label, _)| label.len()).max().unwrap_or(0);
        for (label, value) in rows {
            writeln!(f, "{label:<width$}  {value}")?;
        }
        Ok(())
    }
}

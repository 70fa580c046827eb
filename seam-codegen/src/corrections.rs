//! Where Seam's OpenAPI document disagrees with Seam's own route types, and the
//! route types win.
//!
//! `@seamapi/types` ships two descriptions of each route: the OpenAPI document the
//! generator reads, and the TypeScript route types (`dist/connect.d.cts`,
//! `jsonResponse`) that Seam's server and its fake are typed against. Where they
//! differ, the fake server (DESIGN.md's referee) sends what the route types say, so
//! the generator reads the answer's property as the route types give it.
//!
//! Each correction names what the document says today: when a new spec version
//! says something else there, the generator stops, so a correction Seam has since
//! fixed (or changed) is looked at again rather than kept blindly.

use serde_json::{Map, Value, json};

use crate::spec::SpecError;

/// One property of a route's 200 answer, read otherwise than the document says.
#[derive(Debug)]
pub struct AnswerCorrection {
    pub path: &'static str,
    pub property: &'static str,
    /// The property's schema in the document, exactly.
    pub documented: fn() -> Value,
    /// The schema the route types (and the fake) give it.
    pub corrected: fn() -> Value,
    /// Why, in a few words: where the route types say so.
    pub reason: &'static str,
}

pub const ANSWER_CORRECTIONS: &[AnswerCorrection] = &[AnswerCorrection {
    path: "/access_codes/generate_code",
    property: "generated_code",
    documented: || json!({ "$ref": "#/components/schemas/access_code" }),
    corrected: || {
        json!({
            "type": "object",
            "properties": {
                "code": { "type": "string" },
                "device_id": { "type": "string" },
            },
            "required": ["code", "device_id"],
        })
    },
    reason: "the route types' jsonResponse is `generated_code: { device_id: string; code: string }`: \
             a code suggested for the device, not an access code on it; the fake sends that",
}];

/// Applies [`ANSWER_CORRECTIONS`] to the document's `paths`.
pub fn apply(
    paths: &mut std::collections::BTreeMap<String, Map<String, Value>>,
) -> Result<(), SpecError> {
    for correction in ANSWER_CORRECTIONS {
        let at = format!(
            "paths.{}: answer property {} (seam-codegen/src/corrections.rs)",
            correction.path, correction.property
        );
        let property = paths
            .get_mut(correction.path)
            .and_then(|item| item.get_mut("post"))
            .and_then(|operation| {
                operation.pointer_mut("/responses/200/content/application~1json/schema/properties")
            })
            .and_then(|properties| properties.get_mut(correction.property))
            .ok_or_else(|| SpecError {
                at: at.clone(),
                message: "the spec no longer has it: drop the correction".to_owned(),
            })?;
        if *property != (correction.documented)() {
            return Err(SpecError {
                at,
                message: format!(
                    "the spec now says {property}: compare it with the route types \
                     (`jsonResponse` in @seamapi/types' dist/connect.d.cts) and update or drop the correction, \
                     made because {}",
                    correction.reason
                ),
            });
        }
        *property = (correction.corrected)();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{ResponseShape, SchemaRef, Spec};

    #[test]
    fn generated_code_is_read_as_the_route_types_give_it() {
        let spec = Spec::load_default().unwrap();
        let route = spec.route("/access_codes/generate_code").unwrap();
        let ResponseShape::Resource(SchemaRef::Inline(schema)) = &route.response.shape else {
            panic!(
                "expected an inline answer, found {:?}",
                route.response.shape
            );
        };
        assert_eq!(*schema, (ANSWER_CORRECTIONS[0].corrected)());
    }

    #[test]
    fn a_spec_that_changed_where_a_correction_applies_stops_the_generator() {
        let mut paths = std::collections::BTreeMap::new();
        let operation = json!({
            "post": { "responses": { "200": { "content": { "application/json": { "schema": {
                "properties": { "generated_code": { "$ref": "#/components/schemas/other" } }
            } } } } } }
        });
        paths.insert(
            "/access_codes/generate_code".to_owned(),
            operation.as_object().unwrap().clone(),
        );
        let error = apply(&mut paths).unwrap_err();
        assert!(
            error.message.contains("update or drop the correction"),
            "{error}"
        );
        paths.clear();
        let error = apply(&mut paths).unwrap_err();
        assert!(error.message.contains("no longer has it"), "{error}");
    }
}

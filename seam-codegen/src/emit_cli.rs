//! Writes the `seam` command-line tool's route table, `seam-cli/src/routes.rs`,
//! from the same [`Api`] lowering the SDK's routes come from: per documented route
//! its namespace, action, path, docs link, answer and parameters, per parameter
//! its kind and the limits the SDK's `#[seam(...)]` rules hold. The tool builds its
//! command tree from this table at run time, so it covers what the SDK covers.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::emit::{GeneratedFile, header};
use crate::models::{Def, Models};
use crate::routes::{Api, EndpointDef, NamespaceDef, ReqDef, ReqField, ReqTy, ResponseDecl, Rule};
use crate::spec::Spec;

use crate::macro_pattern;

/// `seam-cli/src/` in this workspace: the table is its `routes.rs`.
pub fn default_cli_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("seam-cli")
        .join("src")
}

pub const TABLE_FILE: &str = "routes.rs";

/// A parameter as the tool takes it: a flag.
struct Flag {
    field: ReqField,
    required: bool,
    /// `Kind::...` as Rust.
    kind: String,
}

fn kind(ty: &ReqTy, namespace: &NamespaceDef, models: &Models) -> String {
    match ty {
        ReqTy::String => "Kind::String".to_owned(),
        ReqTy::Bool => "Kind::Boolean".to_owned(),
        ReqTy::I64 | ReqTy::U64 => "Kind::Integer".to_owned(),
        ReqTy::F64 => "Kind::Number".to_owned(),
        ReqTy::Json => "Kind::Json".to_owned(),
        ReqTy::Metadata => "Kind::Metadata".to_owned(),
        ReqTy::Map(_) => "Kind::Object".to_owned(),
        ReqTy::Vec(item) => format!("Kind::List(&{})", kind(item, namespace, models)),
        ReqTy::Local(name) => match namespace.types.iter().find(|ty| &ty.name == name) {
            Some(local) => match &local.def {
                ReqDef::Enum(values) => enum_kind(values.iter().map(|(_, value)| value.as_str())),
                _ => "Kind::Object".to_owned(),
            },
            None => "Kind::Json".to_owned(),
        },
        ReqTy::Model(path) => {
            let model = models.types.iter().find(|ty| {
                path == &format!("crate::models::{}::{}", ty.module, ty.name)
                    || path == &format!("crate::models::{}", ty.name)
            });
            match model.map(|model| &model.def) {
                Some(Def::OpenEnum { values }) => {
                    enum_kind(values.iter().map(|(_, value)| value.as_str()))
                }
                _ => "Kind::Object".to_owned(),
            }
        }
    }
}

fn enum_kind<'a>(values: impl Iterator<Item = &'a str>) -> String {
    let values: Vec<String> = values.map(|value| format!("{value:?}")).collect();
    format!("Kind::Enum(&[{}])", values.join(", "))
}

/// The flags of a route: its fields, with a flattened union's parameters in its
/// place, required where every variant requires them.
fn flags(endpoint: &EndpointDef, namespace: &NamespaceDef, models: &Models) -> Vec<Flag> {
    let mut flags: Vec<Flag> = Vec::new();
    let push = |flags: &mut Vec<Flag>, field: &ReqField, required: bool| {
        if let Some(seen) = flags
            .iter_mut()
            .find(|flag| flag.field.json_name == field.json_name)
        {
            seen.required &= required;
            return;
        }
        flags.push(Flag {
            kind: kind(&field.ty, namespace, models),
            field: field.clone(),
            required,
        });
    };
    for field in &endpoint.fields {
        if !field.flatten {
            push(&mut flags, field, field.required);
            continue;
        }
        let local = match &field.ty {
            ReqTy::Local(name) => namespace.types.iter().find(|ty| &ty.name == name),
            _ => None,
        };
        let Some(local) = local else {
            push(&mut flags, field, field.required);
            continue;
        };
        match &local.def {
            ReqDef::Tagged { tag, variants } => {
                let values: Vec<String> = variants
                    .iter()
                    .filter_map(|variant| variant.tag_value.clone())
                    .collect();
                flags.push(Flag {
                    kind: enum_kind(values.iter().map(String::as_str)),
                    required: field.required,
                    field: ReqField {
                        json_name: tag.clone(),
                        flatten: false,
                        doc: format!(
                            "{}: which of the route's sets of parameters.",
                            if field.required {
                                "Required"
                            } else {
                                "Optional"
                            }
                        ),
                        ..field.clone()
                    },
                });
                // A variant's own parameters are required for that variant only.
                for variant in variants {
                    for inner in &variant.fields {
                        push(&mut flags, inner, false);
                    }
                }
            }
            ReqDef::Untagged(variants) => {
                for variant in variants {
                    for inner in &variant.fields {
                        let everywhere = field.required
                            && variants.iter().all(|other| {
                                other
                                    .fields
                                    .iter()
                                    .any(|f| f.json_name == inner.json_name && f.required)
                            });
                        push(&mut flags, inner, everywhere);
                    }
                }
            }
            _ => push(&mut flags, field, field.required),
        }
    }
    flags
}

/// A bound as the table's `f64`: `1` → `1.0`.
fn float(bound: f64) -> String {
    let text = bound.to_string();
    if text.contains(['.', 'e', 'E']) || !bound.is_finite() {
        text
    } else {
        format!("{text}.0")
    }
}

fn render_flag(text: &mut String, flag: &Flag) {
    let field = &flag.field;
    let mut parts = vec![
        format!("name: {:?}", field.json_name),
        format!("kind: {}", flag.kind),
    ];
    if flag.required {
        parts.push("required: true".to_owned());
    }
    if field.nullable {
        parts.push("nullable: true".to_owned());
    }
    if field.deprecated {
        parts.push("deprecated: true".to_owned());
    }
    for rule in &field.rules {
        let value = match rule {
            Rule::MinLength(count)
            | Rule::MaxLength(count)
            | Rule::MinEntries(count)
            | Rule::MaxEntries(count) => count.to_string(),
            Rule::Minimum(bound)
            | Rule::Maximum(bound)
            | Rule::ExclusiveMinimum(bound)
            | Rule::ExclusiveMaximum(bound) => float(*bound),
            Rule::Pattern(source) => match macro_pattern::compile(source) {
                Ok(compiled) => {
                    let private = quote::quote!(::seamapi_core::__private);
                    compiled.tokens(&private, source).to_string()
                }
                Err(_) => continue,
            },
        };
        parts.push(format!("{}: Some({value})", rule.name()));
    }
    parts.push(format!("doc: {:?}", field.doc));
    write!(text, "Param {{ {}, ..Param::NONE }},", parts.join(", ")).unwrap();
}

/// The table's text, not yet formatted.
pub fn render(spec: &Spec, api: &Api, models: &Models) -> String {
    let mut text = format!(
        "{}\n\n\
         //! Every documented route of Seam Connect as the `seam` tool takes it, generated\n\
         //! from `spec/seam-connect.json` ({}@{}) through the lowering the SDK's routes\n\
         //! come from.\n\n\
         use crate::table::{{Kind, Param, Route, Shape}};\n\n\
         /// Every documented route, in the spec's order.\n\
         pub static ROUTES: &[Route] = &[\n",
        header(spec),
        spec.source.package,
        spec.source.version
    );
    for endpoint in &api.endpoints {
        let namespace = &api.namespaces[&endpoint.namespace];
        let (shape, key) = match &endpoint.response {
            ResponseDecl::Void => ("Shape::Void", None),
            ResponseDecl::One { key, .. } | ResponseDecl::OneWithAttempt { key, .. } => {
                ("Shape::One", Some(key))
            }
            ResponseDecl::List {
                key,
                paginated: true,
                ..
            } => ("Shape::Page", Some(key)),
            ResponseDecl::List { key, .. } => ("Shape::List", Some(key)),
        };
        let segments: Vec<String> = endpoint
            .namespace
            .iter()
            .map(|segment| format!("{segment:?}"))
            .collect();
        write!(
            text,
            "Route {{ path: {:?}, namespace: &[{}], action: {:?}, docs: {:?}, idempotent: {}, \
             shape: {shape}, key: {:?}, action_attempt: {}, deprecated: {}, params: &[",
            endpoint.path,
            segments.join(", "),
            endpoint.method_name,
            endpoint.docs_url(),
            endpoint.idempotent,
            key,
            endpoint.answers_action_attempt(),
            endpoint.deprecated,
        )
        .unwrap();
        for flag in flags(endpoint, namespace, models) {
            render_flag(&mut text, &flag);
        }
        text.push_str("] },\n");
    }
    text.push_str("];\n");
    text
}

/// The generated, formatted table.
pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>, String> {
    let models = Models::lower(spec).map_err(|failure| failure.to_string())?;
    let api = Api::lower(spec, &models).map_err(|failure| failure.to_string())?;
    let file = GeneratedFile {
        name: TABLE_FILE.to_owned(),
        text: render(spec, &api, &models),
    };
    crate::emit::format(&[file])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_has_every_documented_route() {
        let spec = Spec::load_default().unwrap();
        let files = generate(&spec).unwrap();
        assert_eq!(files[0].text.matches("Route {").count(), 201);
    }
}

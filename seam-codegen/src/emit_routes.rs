//! Writes [`Api`] as Rust: `seam/src/routes/mod.rs` (the `Namespaces` trait that
//! puts `.access_codes()` on every client) and one file per top-level namespace,
//! its sub-namespaces as nested modules. Each route is an `#[seam_endpoint]`
//! struct; the macro generates the rest.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::emit::{GeneratedFile, header};
use crate::routes::{
    Api, EndpointDef, NamespaceDef, ReqDef, ReqField, ReqVariant, ResponseDecl, Rule, rust_type,
};
use crate::spec::Spec;

/// `seam/src/routes` in this workspace.
pub fn default_routes_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("seam")
        .join("src")
        .join("routes")
}

/// Every file of the routes directory, not yet formatted.
pub fn render(spec: &Spec, api: &Api) -> Vec<GeneratedFile> {
    let header = header(spec);
    let mut files = vec![GeneratedFile {
        name: "mod.rs".to_owned(),
        text: render_mod(spec, api, &header),
    }];
    for namespace in api.top_level() {
        let name = &namespace.segments[0];
        let mut text = format!("{header}\n\n");
        render_namespace(&mut text, api, namespace);
        files.push(GeneratedFile {
            name: format!("{name}.rs"),
            text,
        });
    }
    files
}

fn render_mod(spec: &Spec, api: &Api, header: &str) -> String {
    let mut text = format!(
        "{header}\n\n\
         //! Every documented route of Seam's API ({}@{}), one `#[seam_endpoint]` struct\n\
         //! each, in a module per namespace; each top-level namespace is a cargo feature\n\
         //! of the same name, all on by default.\n\n",
        spec.source.package, spec.source.version
    );
    let top: Vec<&NamespaceDef> = api.top_level().collect();
    for namespace in &top {
        let name = &namespace.segments[0];
        writeln!(text, "#[cfg(feature = {name:?})]\npub mod {name};").unwrap();
    }
    text.push_str(
        "\n/// The API's namespaces, as methods on a client: `seam.access_codes()`.\n\
         ///\n\
         /// Implemented for every kind of client: the async [`Client`](crate::Client), and\n\
         /// with the `blocking` feature, `blocking::Client`.\n\
         pub trait Namespaces: ::seamapi_core::Binder + Sized {\n",
    );
    for namespace in &top {
        let name = &namespace.segments[0];
        let ty = namespace.type_name();
        writeln!(
            text,
            "    /// The `/{name}` routes ([Seam's reference]({}/{name})).\n    \
             #[cfg(feature = {name:?})]\n    \
             fn {name}(&self) -> {name}::{ty}<'_, Self> {{\n        {name}::{ty}::new(self)\n    }}",
            crate::models::DOCS_BASE
        )
        .unwrap();
    }
    text.push_str("}\n\nimpl<C: ::seamapi_core::Binder> Namespaces for C {}\n");
    text
}

fn render_namespace(text: &mut String, api: &Api, namespace: &NamespaceDef) {
    let path = namespace.segments.join("/");
    writeln!(
        text,
        "//! The `/{path}` routes ([Seam's reference]({}/{path})), reached with `{}`.",
        crate::models::DOCS_BASE,
        reach(&namespace.segments)
    )
    .unwrap();
    text.push('\n');
    let ty = namespace.type_name();
    writeln!(
        text,
        "/// The `/{path}` routes on a client: `{}`.\n\
         #[derive(Debug)]\n\
         pub struct {ty}<'a, C = ::seamapi_core::Client> {{\n    client: &'a C,\n}}\n\n\
         impl<C> Clone for {ty}<'_, C> {{\n    fn clone(&self) -> Self {{\n        *self\n    }}\n}}\n\n\
         impl<C> Copy for {ty}<'_, C> {{}}\n",
        reach(&namespace.segments)
    )
    .unwrap();
    writeln!(
        text,
        "impl<'a, C: ::seamapi_core::Binder> {ty}<'a, C> {{\n    \
         /// The namespace on `client`.\n    \
         pub fn new(client: &'a C) -> Self {{\n        Self {{ client }}\n    }}"
    )
    .unwrap();
    for child in &namespace.children {
        let mut segments = namespace.segments.clone();
        segments.push(child.clone());
        let child_ty: String = api.namespaces[&segments].type_name();
        writeln!(
            text,
            "\n    /// The `/{}` routes.\n    \
             pub fn {child}(&self) -> {child}::{child_ty}<'a, C> {{\n        {child}::{child_ty}::new(self.client)\n    }}",
            segments.join("/")
        )
        .unwrap();
    }
    for &index in &namespace.endpoints {
        let endpoint = &api.endpoints[index];
        for accessor in &endpoint.accessors {
            writeln!(text, "\n    /// {}", accessor.doc).unwrap();
            if endpoint.deprecated {
                text.push_str(
                    "    #[deprecated = \"deprecated by Seam\"]\n    #[allow(deprecated)]\n",
                );
            }
            let args: Vec<String> = accessor
                .args
                .iter()
                .map(|(name, ty)| format!("{name}: {ty}"))
                .collect();
            writeln!(
                text,
                "    pub fn {}(&self, {}) -> {}<C::Binding> {{\n        \
                 ::seamapi_core::__private::bind_to({}::new({}), self.client)\n    }}",
                accessor.name,
                args.join(", "),
                endpoint.name,
                endpoint.name,
                accessor.build.join(", ")
            )
            .unwrap();
        }
    }
    text.push_str("}\n");
    for &index in &namespace.endpoints {
        text.push('\n');
        render_endpoint(text, &api.endpoints[index]);
    }
    for ty in &namespace.types {
        text.push('\n');
        render_request_type(text, ty);
    }
    for child in &namespace.children {
        let mut segments = namespace.segments.clone();
        segments.push(child.clone());
        let mut inner = String::new();
        render_namespace(&mut inner, api, &api.namespaces[&segments]);
        writeln!(text, "\npub mod {child} {{").unwrap();
        for line in inner.lines() {
            if line.is_empty() {
                text.push('\n');
            } else {
                writeln!(text, "{line}").unwrap();
            }
        }
        text.push_str("}\n");
    }
}

/// `seam.access_codes().unmanaged()`.
fn reach(segments: &[String]) -> String {
    let calls: Vec<String> = segments
        .iter()
        .map(|segment| format!("{segment}()"))
        .collect();
    format!("seam.{}", calls.join("."))
}

fn render_endpoint(text: &mut String, endpoint: &EndpointDef) {
    writeln!(
        text,
        "/// `{}` ([Seam's reference]({})).\n///",
        endpoint.path,
        endpoint.docs_url()
    )
    .unwrap();
    let answer = match &endpoint.response {
        ResponseDecl::Void => "Answers nothing of its own: `send` returns `()`.".to_owned(),
        ResponseDecl::One { ty, key } if key == "action_attempt" => format!(
            "Answers an [`{}`]({ty}), from `{key}`, waited for until it succeeds or fails \
             unless the client or the call says not to (`wait_for_action_attempt(false)`).",
            last(ty)
        ),
        ResponseDecl::One { ty, key } => {
            format!("Answers one [`{}`]({ty}), from `{key}`.", last(ty))
        }
        ResponseDecl::OneWithAttempt { ty, key, attempt } => format!(
            "Answers one [`{}`]({ty}), from `{key}`, with the [`{}`]({attempt}) Seam started \
             for it: a [`WithActionAttempt`](crate::WithActionAttempt), not waited for, so \
             the {key} is never lost to a failed or slow action; wait with \
             [`Client::wait_for_action_attempt`](crate::Client::wait_for_action_attempt).",
            last(ty),
            last(attempt)
        ),
        ResponseDecl::List {
            ty,
            key,
            paginated: true,
        } => format!(
            "Answers a page of [`{}`]({ty})s, from `{key}`; `.pages()` and `.items()` walk every page.",
            last(ty)
        ),
        ResponseDecl::List { ty, key, .. } => {
            format!("Answers a list of [`{}`]({ty})s, from `{key}`.", last(ty))
        }
    };
    writeln!(text, "/// {answer}").unwrap();
    let required: Vec<String> = endpoint
        .fields
        .iter()
        .filter(|field| field.required)
        .map(|field| format!("`{}`", field.rust_name))
        .collect();
    if required.is_empty() {
        text.push_str("/// No parameter is required: `new()` takes none.\n");
    } else {
        writeln!(
            text,
            "/// Required, so the arguments of `new`: {}; the others are setters.",
            required.join(", ")
        )
        .unwrap();
    }
    if endpoint.merged_union {
        text.push_str(
            "///\n/// Seam accepts one of several combinations of these parameters; they are\n\
             /// merged here, and Seam says which combination it misses.\n",
        );
    }
    if endpoint.draft {
        text.push_str("///\n/// Early access (a draft) at Seam: it may change.\n");
    }
    if endpoint.deprecated {
        text.push_str("///\n/// Deprecated by Seam.\n");
    }
    let mut args = vec![format!("path = {:?}", endpoint.path)];
    match &endpoint.response {
        ResponseDecl::Void => {}
        ResponseDecl::One { ty, key } => {
            args.push(format!("response = {ty}"));
            args.push(format!("response_key = {key:?}"));
            if key == "action_attempt" {
                // `.await` waits for the attempt, as the client and the call choose.
                args.push("action_attempt".to_owned());
            }
        }
        ResponseDecl::OneWithAttempt { ty, key, attempt } => {
            args.push(format!("response = {ty}"));
            args.push(format!("response_key = {key:?}"));
            args.push(format!("action_attempt = {attempt}"));
        }
        ResponseDecl::List {
            ty,
            key,
            paginated: true,
        } => {
            // A paginated endpoint names its items' type; the macro makes the page.
            args.push(format!("response = {ty}"));
            args.push(format!("response_key = {key:?}"));
            args.push("paginated".to_owned());
        }
        ResponseDecl::List {
            ty,
            key,
            paginated: false,
        } => {
            args.push(format!("response = Vec<{ty}>"));
            args.push(format!("response_key = {key:?}"));
        }
    }
    args.push(format!("idempotent = {}", endpoint.idempotent));
    writeln!(
        text,
        "#[::seamapi_core::seam_endpoint({})]",
        args.join(", ")
    )
    .unwrap();
    text.push_str("#[derive(Debug, Clone)]\n");
    if endpoint.deprecated {
        text.push_str("#[deprecated = \"deprecated by Seam\"]\n");
    }
    writeln!(text, "pub struct {} {{", endpoint.name).unwrap();
    for field in &endpoint.fields {
        render_field(text, field, false);
    }
    text.push_str("}\n");
}

fn last(path: &str) -> &str {
    path.rsplit("::").next().unwrap_or(path)
}

/// `nested`: a field of a request type (serde's attributes written out), not of
/// an endpoint struct (the macro leaves unset `Option`s out itself).
fn render_field(text: &mut String, field: &ReqField, nested: bool) {
    writeln!(text, "    /// {}", field.doc).unwrap();
    if field.deprecated {
        text.push_str("    #[deprecated = \"deprecated by Seam\"]\n");
    }
    let mut serde = Vec::new();
    if field.flatten {
        serde.push("flatten".to_owned());
    }
    if field.rust_name.trim_start_matches("r#") != field.json_name && !field.flatten {
        serde.push(format!("rename = {:?}", field.json_name));
    }
    if nested && !field.required {
        serde.push("skip_serializing_if = \"Option::is_none\"".to_owned());
    }
    if !serde.is_empty() {
        writeln!(text, "    #[serde({})]", serde.join(", ")).unwrap();
    }
    if !field.rules.is_empty() {
        let rules: Vec<String> = field.rules.iter().map(Rule::to_string).collect();
        writeln!(text, "    #[seam({})]", rules.join(", ")).unwrap();
    }
    let ty = rust_type(&field.ty);
    let ty = match (field.required, field.nullable) {
        (true, false) => ty,
        (true, true) => format!("Option<{ty}>"),
        (false, false) => format!("Option<{ty}>"),
        (false, true) => format!("Option<::seamapi_core::Nullable<{ty}>>"),
    };
    writeln!(text, "    pub {}: {ty},", field.rust_name).unwrap();
}

fn render_variant_fields(text: &mut String, variant: &ReqVariant) {
    for field in &variant.fields {
        let mut inner = String::new();
        render_field(&mut inner, field, true);
        // Variant fields take no visibility.
        text.push_str(&inner.replace("    pub ", "    "));
    }
}

fn render_request_type(text: &mut String, ty: &crate::routes::RequestType) {
    match &ty.def {
        ReqDef::Enum(values) => {
            writeln!(
                text,
                "crate::model_support::open_enum! {{\n    /// `{}` in Seam's API spec; `Unknown` sends a value newer than this SDK.\n    pub enum {} {{",
                ty.origin, ty.name
            )
            .unwrap();
            for (variant, value) in values {
                writeln!(text, "        {variant} = {value:?},").unwrap();
            }
            text.push_str("    }\n}\n");
        }
        ReqDef::Struct(fields) => {
            writeln!(text, "/// `{}` in Seam's API spec.", ty.origin).unwrap();
            let all_optional = fields.iter().all(|field| !field.required);
            writeln!(
                text,
                "#[derive(Debug, Clone, PartialEq{}, ::serde::Serialize, ::seamapi_core::Validate)]",
                if all_optional { ", Default" } else { "" }
            )
            .unwrap();
            if fields.iter().any(|field| field.deprecated) {
                text.push_str("#[allow(deprecated)]\n");
            }
            writeln!(text, "pub struct {} {{", ty.name).unwrap();
            for field in fields {
                render_field(text, field, true);
            }
            text.push_str("}\n");
        }
        ReqDef::Untagged(variants) | ReqDef::Tagged { variants, .. } => {
            let tag = match &ty.def {
                ReqDef::Tagged { tag, .. } => Some(tag),
                _ => None,
            };
            match tag {
                Some(tag) => writeln!(
                    text,
                    "/// `{}` in Seam's API spec: the variant is told by `{tag}`.",
                    ty.origin
                ),
                None => writeln!(
                    text,
                    "/// `{}` in Seam's API spec: exactly one of these.",
                    ty.origin
                ),
            }
            .unwrap();
            text.push_str(
                "#[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::seamapi_core::Validate)]\n",
            );
            match tag {
                Some(tag) => writeln!(text, "#[serde(tag = {tag:?})]").unwrap(),
                None => text.push_str("#[serde(untagged)]\n"),
            }
            writeln!(text, "pub enum {} {{", ty.name).unwrap();
            for variant in variants {
                let names: Vec<String> = variant
                    .fields
                    .iter()
                    .map(|field| format!("`{}`", field.json_name))
                    .collect();
                match &variant.tag_value {
                    Some(value) => {
                        writeln!(text, "    /// `{value}`.").unwrap();
                        writeln!(text, "    #[serde(rename = {value:?})]").unwrap();
                    }
                    None => writeln!(text, "    /// By {}.", names.join(" and ")).unwrap(),
                }
                if variant.fields.is_empty() {
                    writeln!(text, "    {},", variant.name).unwrap();
                } else {
                    writeln!(text, "    {} {{", variant.name).unwrap();
                    render_variant_fields(text, variant);
                    text.push_str("    },\n");
                }
            }
            text.push_str("}\n");
        }
    }
}

/// The generated, formatted files of the routes directory.
pub fn generate(spec: &Spec) -> Result<Vec<GeneratedFile>, String> {
    let models = crate::Models::lower(spec).map_err(|failure| failure.to_string())?;
    let api = Api::lower(spec, &models).map_err(|failure| failure.to_string())?;
    crate::emit::format(&render(spec, &api))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_file_per_top_level_namespace() {
        let spec = Spec::load_default().unwrap();
        let files = generate(&spec).unwrap();
        // mod.rs and one file per top-level namespace.
        assert_eq!(files.len(), 21);
        for file in &files {
            assert!(file.text.starts_with(&header(&spec)), "{}", file.name);
        }
    }

    /// A list without pages answers a `Vec` of its items, not one item.
    #[test]
    fn lists_without_pages_answer_a_vec() {
        let spec = Spec::load_default().unwrap();
        let files = generate(&spec).unwrap();
        let events = files.iter().find(|file| file.name == "events.rs").unwrap();
        assert!(events.text.contains(
            "path = \"/events/list\", response = Vec<crate::models::Event>, response_key = \"events\""
        ));
        let devices = files.iter().find(|file| file.name == "devices.rs").unwrap();
        assert!(devices.text.contains(
            "path = \"/devices/list\", response = crate::models::Device, response_key = \"devices\", paginated"
        ));
    }

    /// Each top-level namespace is a cargo feature of the SDK, on by default.
    #[test]
    fn every_namespace_is_a_default_feature() {
        let spec = Spec::load_default().unwrap();
        let models = crate::Models::lower(&spec).unwrap();
        let api = Api::lower(&spec, &models).unwrap();
        let manifest = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../seam/Cargo.toml"),
        )
        .unwrap();
        let features = &manifest[manifest.find("[features]").unwrap()..];
        let default = &features[features.find("default = [").unwrap()..];
        let default = &default[..default.find(']').unwrap()];
        for namespace in api.top_level() {
            let name = &namespace.segments[0];
            assert!(
                features.contains(&format!("\n{name} = []")),
                "seam/Cargo.toml has no feature {name}"
            );
            assert!(
                default.contains(&format!("\"{name}\"")),
                "{name} is not a default feature"
            );
        }
    }
}

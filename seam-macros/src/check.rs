//! Phase 3, checks: what the model must satisfy before it is expanded. Each
//! mistake is reported once, at its token; what the compiler can check through
//! traits (a rule on a type it does not fit, a cursor of the wrong type) is left
//! to it, at the field's type.

use proc_macro2::Span;

use crate::ast::{self, Endpoint, Field};
use crate::ctxt::Ctxt;

/// The name of the field that holds the binding to a client.
pub(crate) const BINDING_FIELD: &str = "__seam_binding";

pub(crate) fn check(endpoint: &Endpoint, cx: &mut Ctxt) {
    let args = &endpoint.args;
    if !args.gave("path") {
        cx.at(
            Span::call_site(),
            "missing `path`: write #[seam_endpoint(path = \"/namespace/action\")]",
        );
    }
    if let (Some(key), false) = (&args.response_key, args.gave("response")) {
        cx.spanned(
            key,
            "`response_key` needs `response = Type`, the type found under that key",
        );
    }
    if let (Some(response), false) = (&args.response, args.gave("response_key")) {
        cx.spanned(
            response,
            "`response` needs `response_key = \"...\"`: the key Seam's answer holds it under",
        );
    }
    for field in &endpoint.fields {
        check_field(field, cx);
    }
    check_setters(&endpoint.fields, cx);
    check_paginated(endpoint, cx);
    check_action_attempt(endpoint, cx);
}

pub(crate) fn check_field(field: &Field, cx: &mut Ctxt) {
    let ident = &field.ident;
    if ident.to_string().starts_with("__seam") || field.setter.to_string().starts_with("__seam") {
        cx.spanned(
            ident,
            "names starting with `__seam` are the expansion's own: rename this field",
        );
    }
    let rules = &field.rules;
    for (name, min, max) in [
        ("length", rules.min_length, rules.max_length),
        ("entries", rules.min_entries, rules.max_entries),
    ] {
        if let (Some((min, _)), Some((max, max_span))) = (min, max)
            && min > max
        {
            cx.at(
                max_span,
                format!("`max_{name} = {max}` is below `min_{name} = {min}`: no value could pass"),
            );
        }
    }
    if field.optional.is_none() && rules.setter.is_some() {
        let span = rules.span_of(&["setter"]).unwrap_or(ident.span());
        cx.at(
            span,
            format!("`{ident}` is required, a constructor argument: it has no setter to name"),
        );
    }
    if field.optional.is_some() && rules.setter.as_ref().is_some_and(|setter| setter == "new") {
        let span = rules.span_of(&["setter"]).unwrap_or(ident.span());
        cx.at(span, "`new` is the constructor: choose another setter name");
    }
    check_fit(field, cx);
}

/// Refuses rules on primitive types they plainly cannot apply to, at the rule.
/// Other types are checked by the compiler, through the traits the generated
/// checks call.
fn check_fit(field: &Field, cx: &mut Ctxt) {
    let ty = field.optional.as_ref().unwrap_or(&field.ty);
    let Some(name) = ast::scalar_name(ty) else {
        return;
    };
    let ident = &field.ident;
    let rules = &field.rules;
    let mut refuse = |span: Option<Span>, rule: &str, applies_to: &str| {
        if let Some(span) = span {
            cx.at(
                span,
                format!("`{rule}` applies to {applies_to}, but `{ident}` is a `{name}`"),
            );
        }
    };
    refuse(
        rules.span_of(&["min_length", "max_length"]),
        "min_length`/`max_length",
        "strings",
    );
    refuse(
        rules.span_of(&["min_entries", "max_entries"]),
        "min_entries`/`max_entries",
        "lists and maps",
    );
    refuse(
        rules.span_of(&["one_of"]),
        "one_of",
        "strings and lists of strings",
    );
    refuse(
        rules.span_of(&["pattern"]),
        "pattern",
        "strings and lists of strings",
    );
}

/// Two setters of one name would be two methods of one name.
fn check_setters(fields: &[Field], cx: &mut Ctxt) {
    let optional: Vec<&Field> = fields.iter().filter(|f| f.optional.is_some()).collect();
    for (index, field) in optional.iter().enumerate() {
        if let Some(earlier) = optional[..index].iter().find(|earlier| {
            earlier.setter == field.setter && earlier.cfgs.is_empty() && field.cfgs.is_empty()
        }) {
            cx.spanned(
                &field.ident,
                format!(
                    "the setter of `{}` would be `{}`, as `{}`'s is: name one with `#[seam(setter = \"...\")]`",
                    field.ident, field.setter, earlier.ident
                ),
            );
        }
    }
}

fn check_paginated(endpoint: &Endpoint, cx: &mut Ctxt) {
    let Some(span) = endpoint.args.paginated else {
        return;
    };
    let args = &endpoint.args;
    if !args.gave("response") && !args.gave("response_key") {
        cx.at(span, "a paginated endpoint needs `response = Item` and `response_key = \"...\"`, its items' type and key");
    }
    if !endpoint.usable {
        return;
    }
    match endpoint
        .fields
        .iter()
        .find(|field| field.ident == "page_cursor")
    {
        None => cx.at(
            span,
            "a paginated endpoint needs a field `page_cursor: Option<String>`, where the next page's cursor goes",
        ),
        Some(field) if field.optional.is_none() => cx.spanned(
            &field.ty,
            "`page_cursor` is set by `.pages()` and `.items()`, not by the caller: make it an `Option`",
        ),
        Some(_) => {}
    }
}

fn check_action_attempt(endpoint: &Endpoint, cx: &mut Ctxt) {
    let args = &endpoint.args;
    if let Some(model) = &args.action_attempt_beside {
        if !args.gave("response") || !args.gave("response_key") {
            cx.spanned(model, "an action attempt beside the answer needs the answer itself: `response = Type` and `response_key = \"...\"`");
        }
        if args
            .response_key
            .as_ref()
            .is_some_and(|key| key.value() == "action_attempt")
        {
            cx.spanned(model, "the action attempt is the answer here, not beside it: write `response = ActionAttempt, response_key = \"action_attempt\", action_attempt`");
        }
        if args.paginated.is_some() {
            cx.spanned(model, "an endpoint answers a page or an action attempt, not both: remove `paginated` or `action_attempt`");
        }
        return;
    }
    let Some(span) = args.action_attempt else {
        return;
    };
    if !args.gave("response") && !args.gave("response_key") {
        cx.at(span, "an action attempt endpoint needs `response = ActionAttempt` and `response_key = \"action_attempt\"`, the attempt's model and key");
    }
    if args.paginated.is_some() {
        cx.at(span, "an endpoint answers a page or an action attempt, not both: remove `paginated` or `action_attempt`");
    }
}

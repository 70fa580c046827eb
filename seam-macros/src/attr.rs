//! Phase 1, attributes: the attribute's arguments (`#[seam_endpoint(path = "...")]`),
//! each field's `#[seam(...)]` rules, and what of serde's own attributes decides
//! a parameter's name on the wire. One parser, syn's `parse_nested_meta`, for all
//! of them. Malformed values are reported to the context and left unset, so that
//! later phases still run and one mistake gives one error.

use proc_macro2::{Span, TokenStream};
use syn::meta::ParseNestedMeta;
use syn::parse::{Parse, ParseStream, Parser};
use syn::spanned::Spanned;
use syn::{Attribute, Ident, LitBool, LitInt, LitStr, Path, Token, Type};

use crate::ctxt::Ctxt;
use crate::suggest;

const ARGUMENTS: &[&str] = &[
    "path",
    "method",
    "response",
    "response_key",
    "idempotent",
    "paginated",
    "action_attempt",
    "crate",
    "unchecked",
];
const RULES: &[&str] = &[
    "min_length",
    "max_length",
    "min_entries",
    "max_entries",
    "one_of",
    "pattern",
    "minimum",
    "maximum",
    "exclusive_minimum",
    "exclusive_maximum",
    "setter",
    "unchecked",
];
const METHODS: &[&str] = &["POST", "GET", "PUT", "PATCH", "DELETE"];

/// The attribute's arguments. What was malformed is unset; `given` still names it,
/// so that no second error says it is missing.
pub(crate) struct Args {
    pub(crate) path: Option<LitStr>,
    pub(crate) method: Option<Ident>,
    pub(crate) response: Option<Type>,
    pub(crate) response_key: Option<LitStr>,
    pub(crate) idempotent: Option<bool>,
    pub(crate) paginated: Option<Span>,
    /// The answer is an action attempt, which calls wait for.
    pub(crate) action_attempt: Option<Span>,
    /// `action_attempt = Model`: the answer holds an action attempt of this model
    /// beside the response.
    pub(crate) action_attempt_beside: Option<Type>,
    pub(crate) krate: Option<Path>,
    /// `unchecked`: a route the pinned spec does not know, not checked against it.
    pub(crate) unchecked: Option<Span>,
    /// Arguments written, or misspelt so closely that the writer meant them.
    pub(crate) given: Vec<&'static str>,
}

impl Args {
    pub(crate) fn gave(&self, name: &str) -> bool {
        self.given.contains(&name)
    }
}

pub(crate) fn parse_args(tokens: TokenStream, cx: &mut Ctxt) -> Args {
    let mut args = Args {
        path: None,
        method: None,
        response: None,
        response_key: None,
        idempotent: None,
        paginated: None,
        action_attempt: None,
        action_attempt_beside: None,
        krate: None,
        unchecked: None,
        given: Vec::new(),
    };
    let mut seen: Vec<String> = Vec::new();
    let parser = syn::meta::parser(|meta| {
        let name = path_name(&meta.path);
        if seen.contains(&name) {
            cx.spanned(&meta.path, format!("`{name}` is given twice: keep one"));
            return skip_value(&meta);
        }
        seen.push(name.clone());
        let Some(known) = ARGUMENTS.iter().find(|known| **known == name) else {
            let message = suggest::unknown("argument", &name, ARGUMENTS);
            cx.spanned(&meta.path, message);
            if let Some(meant) = suggest::closest(&name, ARGUMENTS) {
                args.given.push(meant);
            }
            return skip_value(&meta);
        };
        args.given.push(known);
        match *known {
            "path" => {
                if let Some(value) = value::<LitStr>(&meta, cx, "\"/namespace/action\"")? {
                    match check_path(&value.value()) {
                        Ok(()) => args.path = Some(value),
                        Err(message) => cx.spanned(&value, message),
                    }
                }
            }
            "method" => {
                if let Some(value) = value::<LitStr>(&meta, cx, "\"POST\"")? {
                    let upper = value.value().to_ascii_uppercase();
                    if METHODS.contains(&upper.as_str()) {
                        let variant = format!("{}{}", &upper[..1], upper[1..].to_ascii_lowercase());
                        args.method = Some(Ident::new(&variant, value.span()));
                    } else {
                        cx.spanned(&value, suggest::unknown("method", &value.value(), METHODS));
                    }
                }
            }
            "response" => args.response = value::<Type>(&meta, cx, "Type")?,
            "response_key" => {
                if let Some(value) = value::<LitStr>(&meta, cx, "\"connected_account\"")? {
                    let text = value.value();
                    if text.is_empty()
                        || !text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        cx.spanned(&value, "`response_key` is the key of Seam's answer, such as \"connected_account\"");
                    }
                    args.response_key = Some(value);
                }
            }
            "idempotent" => {
                args.idempotent = value::<LitBool>(&meta, cx, "true")?.map(|value| value.value);
            }
            "action_attempt" if meta.input.peek(Token![=]) && !meta.input.peek2(LitBool) => {
                args.action_attempt_beside =
                    value::<Type>(&meta, cx, "true, or the attempt's model")?;
            }
            "paginated" | "action_attempt" => {
                let on = if meta.input.peek(Token![=]) {
                    value::<LitBool>(&meta, cx, "true")?.is_some_and(|value| value.value)
                } else {
                    true
                };
                let flag = on.then(|| meta.path.span());
                if *known == "paginated" {
                    args.paginated = flag;
                } else {
                    args.action_attempt = flag;
                }
            }
            "crate" => {
                args.krate = value::<CratePath>(&meta, cx, "seamapi_core")?.map(|path| path.0)
            }
            "unchecked" => args.unchecked = Some(meta.path.span()),
            _ => unreachable!("every known argument is handled"),
        }
        Ok(())
    });
    if let Err(error) = parser.parse2(tokens) {
        cx.push(error);
        // A malformed list: report only that, not also what seems missing.
        args.given.extend(ARGUMENTS);
    }
    args
}

/// `crate = path` or `crate = "path"`, as serde's `#[serde(crate = "...")]`.
struct CratePath(Path);

impl Parse for CratePath {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            let text: LitStr = input.parse()?;
            let mut path: Path = text.parse()?;
            // Spans of the string, so that errors in the path point at it.
            for segment in &mut path.segments {
                segment.ident.set_span(text.span());
            }
            Ok(Self(path))
        } else {
            Ok(Self(Path::parse_mod_style(input)?))
        }
    }
}

/// The value after `=`. A value that does not parse is reported, with what to
/// write, and skipped: `Ok(None)`.
fn value<T: Parse>(
    meta: &ParseNestedMeta<'_>,
    cx: &mut Ctxt,
    example: &str,
) -> syn::Result<Option<T>> {
    let name = path_name(&meta.path);
    if !meta.input.peek(Token![=]) {
        cx.spanned(
            &meta.path,
            format!("`{name}` needs a value: `{name} = {example}`"),
        );
        skip_value(meta)?;
        return Ok(None);
    }
    let input = meta.value()?;
    let start = input.span();
    match input.parse::<T>() {
        Ok(value) if input.is_empty() || input.peek(Token![,]) => Ok(Some(value)),
        outcome => {
            let span = outcome.err().map_or(start, |error| error.span());
            cx.at(
                span,
                format!("`{name}` takes a value such as `{name} = {example}`"),
            );
            skip_tokens(input)?;
            Ok(None)
        }
    }
}

/// Skips `= value` or `(...)` after a name, up to the next comma.
fn skip_value(meta: &ParseNestedMeta<'_>) -> syn::Result<()> {
    skip_tokens(meta.input)
}

fn skip_tokens(input: ParseStream<'_>) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

fn path_name(path: &Path) -> String {
    path.segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect::<Vec<_>>()
        .join("::")
}

/// A route is `/namespace/action`: a leading slash, no white space, no empty segment.
pub(crate) fn check_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err(
            "`path` is empty: write the route, such as \"/connected_accounts/update\"".into(),
        );
    }
    if let Some((_, rest)) = path.split_once("://") {
        let route = rest.find('/').map_or("/namespace/action", |at| &rest[at..]);
        return Err(format!(
            "`path` is the route, not a URL: write \"{route}\" and set the endpoint on the client"
        ));
    }
    if !path.starts_with('/') {
        return Err(format!("`path` must start with `/`: write \"/{path}\""));
    }
    if path.chars().any(char::is_whitespace) {
        return Err("`path` must not contain white space".into());
    }
    if path == "/" || path.split('/').skip(1).any(str::is_empty) {
        return Err("`path` has an empty segment: check for `//` or a trailing `/`".into());
    }
    // `.` and `..` would be resolved away by URL parsing: the request would go to
    // another route than the one written.
    if path
        .split('/')
        .any(|segment| segment == "." || segment == "..")
    {
        return Err(
            "`path` must not have a `.` or `..` segment: write the route itself, such as \"/connected_accounts/update\"".into(),
        );
    }
    if let Some(bad) = path
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || matches!(c, '/' | '_' | '-' | '.')))
    {
        return Err(format!(
            "`path` must not contain `{bad}`: Seam routes are made of letters, digits and `_`"
        ));
    }
    Ok(())
}

/// A bound of a rule, with the span of its value.
pub(crate) type Bound = Option<(usize, Span)>;

/// A field's `#[seam(...)]` rules.
#[derive(Default)]
pub(crate) struct Rules {
    pub(crate) min_length: Bound,
    pub(crate) max_length: Bound,
    pub(crate) min_entries: Bound,
    pub(crate) max_entries: Bound,
    /// The values, and the span of the list.
    pub(crate) one_of: Option<(Vec<LitStr>, Span)>,
    /// The pattern as written, compiled.
    pub(crate) pattern: Option<(LitStr, crate::pattern::Compiled)>,
    /// `minimum`, `maximum`, `exclusive_minimum`, `exclusive_maximum`.
    pub(crate) numbers: [Option<(f64, Span)>; 4],
    /// The setter's name instead of the field's.
    pub(crate) setter: Option<Ident>,
    /// `unchecked`: a parameter the pinned spec does not know.
    pub(crate) unchecked: Option<Span>,
    /// Where each rule was written, for errors about the field's type.
    pub(crate) spans: Vec<(&'static str, Span)>,
}

impl Rules {
    pub(crate) fn span_of(&self, rules: &[&str]) -> Option<Span> {
        self.spans
            .iter()
            .find(|(name, _)| rules.contains(name))
            .map(|(_, span)| *span)
    }
}

/// Reads the `#[seam(...)]` attributes of a field.
pub(crate) fn parse_rules(attrs: &[Attribute], cx: &mut Ctxt) -> Rules {
    let mut rules = Rules::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("seam")) {
        if let syn::Meta::List(list) = &attr.meta
            && list.tokens.is_empty()
        {
            cx.spanned(
                attr,
                "empty `#[seam()]`: write a rule, such as `#[seam(max_length = 255)]`, or remove it",
            );
            continue;
        }
        let outcome = attr.parse_nested_meta(|meta| {
            let name = path_name(&meta.path);
            let Some(known) = RULES.iter().find(|known| **known == name) else {
                cx.spanned(&meta.path, suggest::unknown("rule", &name, RULES));
                return skip_value(&meta);
            };
            if rules.spans.iter().any(|(seen, _)| seen == known) {
                cx.spanned(&meta.path, format!("`{name}` is given twice: keep one"));
                return skip_value(&meta);
            }
            rules.spans.push((known, meta.path.span()));
            match *known {
                "one_of" => rules.one_of = one_of(&meta, cx)?,
                "pattern" => {
                    if let Some(source) = value::<LitStr>(&meta, cx, r#""^\d+$""#)? {
                        match crate::pattern::compile(&source.value()) {
                            Ok(compiled) => rules.pattern = Some((source, compiled)),
                            Err(message) => cx.spanned(&source, message),
                        }
                    }
                }
                "minimum" | "maximum" | "exclusive_minimum" | "exclusive_maximum" => {
                    let index = NUMBER_RULES
                        .iter()
                        .position(|rule| rule == known)
                        .unwrap_or(0);
                    rules.numbers[index] = value::<syn::Lit>(&meta, cx, "0")?
                        .and_then(|literal| number(&literal, &name, cx));
                }
                "setter" => {
                    rules.setter =
                        value::<SetterName>(&meta, cx, "\"set_name\"")?.map(|name| name.0);
                }
                "unchecked" => rules.unchecked = Some(meta.path.span()),
                _ => {
                    let count = value::<LitInt>(&meta, cx, "10")?.and_then(|literal| {
                        count(&literal, &name, cx).map(|count| (count, literal.span()))
                    });
                    let slot = match *known {
                        "min_length" => &mut rules.min_length,
                        "max_length" => &mut rules.max_length,
                        "min_entries" => &mut rules.min_entries,
                        _ => &mut rules.max_entries,
                    };
                    *slot = count;
                }
            }
            Ok(())
        });
        if let Err(error) = outcome {
            cx.push(error);
        }
    }
    rules
}

/// The numeric rules, in the order of [`Rules::numbers`].
pub(crate) const NUMBER_RULES: [&str; 4] = [
    "minimum",
    "maximum",
    "exclusive_minimum",
    "exclusive_maximum",
];

/// A bound of a number: an integer or a float literal, maybe negative.
fn number(literal: &syn::Lit, name: &str, cx: &mut Ctxt) -> Option<(f64, Span)> {
    let parsed = match literal {
        syn::Lit::Int(int) => int.base10_parse::<f64>().ok(),
        syn::Lit::Float(float) => float.base10_parse::<f64>().ok(),
        _ => None,
    };
    match parsed {
        Some(value) if value.is_finite() => Some((value, literal.span())),
        _ => {
            cx.spanned(
                literal,
                format!("`{name}` takes a number, such as `{name} = 0`"),
            );
            None
        }
    }
}

/// A count: a whole number, 0 or more.
fn count(literal: &LitInt, name: &str, cx: &mut Ctxt) -> Option<usize> {
    if literal.base10_digits().starts_with('-') {
        cx.spanned(
            literal,
            format!("`{name}` is a count: write a whole number, 0 or more"),
        );
        return None;
    }
    if !literal.suffix().is_empty() {
        cx.spanned(
            literal,
            format!("`{name}` takes a plain number, without a type suffix"),
        );
        return None;
    }
    match literal.base10_parse::<usize>() {
        Ok(count) => Some(count),
        Err(_) => {
            cx.spanned(literal, format!("`{name}` is too large"));
            None
        }
    }
}

/// `one_of = ["a", "b"]`: checked for an empty list and repeated values.
fn one_of(meta: &ParseNestedMeta<'_>, cx: &mut Ctxt) -> syn::Result<Option<(Vec<LitStr>, Span)>> {
    let Some(list) = value::<ValueList>(meta, cx, "[\"a\", \"b\"]")? else {
        return Ok(None);
    };
    if list.values.is_empty() {
        cx.at(list.span, "`one_of` needs at least one value");
        return Ok(None);
    }
    for (index, value) in list.values.iter().enumerate() {
        if list.values[..index]
            .iter()
            .any(|earlier| earlier.value() == value.value())
        {
            cx.spanned(
                value,
                format!("{:?} is listed twice in `one_of`: keep one", value.value()),
            );
        }
    }
    Ok(Some((list.values, list.span)))
}

struct ValueList {
    values: Vec<LitStr>,
    span: Span,
}

impl Parse for ValueList {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        let content;
        let bracket = syn::bracketed!(content in input);
        let values = content
            .parse_terminated(|input: ParseStream<'_>| input.parse::<LitStr>(), Token![,])?;
        Ok(Self {
            values: values.into_iter().collect(),
            span: bracket.span.join(),
        })
    }
}

/// `setter = name` or `setter = "name"`.
struct SetterName(Ident);

impl Parse for SetterName {
    fn parse(input: ParseStream<'_>) -> syn::Result<Self> {
        if input.peek(LitStr) {
            let text: LitStr = input.parse()?;
            Ok(Self(text.parse()?))
        } else {
            Ok(Self(input.parse()?))
        }
    }
}

/// What serde's attributes say of a struct or a field, as far as the endpoint
/// cares. Anything else in them is serde's to check.
#[derive(Default)]
pub(crate) struct Serde {
    /// `rename = "..."` (or its `serialize` half).
    pub(crate) rename: Option<String>,
    /// `rename_all = "..."` (or its `serialize` half).
    pub(crate) rename_all: Option<(String, Span)>,
    pub(crate) has_crate: bool,
    pub(crate) has_skip_serializing_if: bool,
    pub(crate) flatten: bool,
    pub(crate) skipped: bool,
}

pub(crate) fn parse_serde(attrs: &[Attribute]) -> Serde {
    let mut serde = Serde::default();
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("serde")) {
        // Malformed serde attributes are serde's to report.
        let _ = attr.parse_nested_meta(|meta| {
            let name = path_name(&meta.path);
            match name.as_str() {
                "rename" | "rename_all" => {
                    let value = if meta.input.peek(Token![=]) {
                        Some(meta.value()?.parse::<LitStr>()?)
                    } else {
                        let mut serialize = None;
                        meta.parse_nested_meta(|inner| {
                            if inner.path.is_ident("serialize") {
                                serialize = Some(inner.value()?.parse::<LitStr>()?);
                            } else {
                                skip_value(&inner)?;
                            }
                            Ok(())
                        })?;
                        serialize
                    };
                    if let Some(value) = value {
                        if name == "rename" {
                            serde.rename = Some(value.value());
                        } else {
                            serde.rename_all = Some((value.value(), value.span()));
                        }
                    }
                    Ok(())
                }
                "crate" => {
                    serde.has_crate = true;
                    skip_value(&meta)
                }
                "skip_serializing_if" => {
                    serde.has_skip_serializing_if = true;
                    skip_value(&meta)
                }
                "flatten" => {
                    serde.flatten = true;
                    skip_value(&meta)
                }
                "skip" | "skip_serializing" => {
                    serde.skipped = true;
                    skip_value(&meta)
                }
                _ => skip_value(&meta),
            }
        });
    }
    serde
}

/// A field's name under serde's `rename_all` rule, or `None` for a rule serde
/// does not know (serde reports it).
pub(crate) fn apply_rename_all(rule: &str, name: &str) -> Option<String> {
    let words: Vec<&str> = name.split('_').filter(|word| !word.is_empty()).collect();
    let capitalised = |word: &str| {
        let mut chars = word.chars();
        chars.next().map_or_else(String::new, |first| {
            first.to_uppercase().collect::<String>() + chars.as_str()
        })
    };
    Some(match rule {
        "lowercase" => name.to_lowercase(),
        "UPPERCASE" => name.to_uppercase(),
        "PascalCase" => words.iter().map(|word| capitalised(word)).collect(),
        "camelCase" => {
            let pascal: String = words.iter().map(|word| capitalised(word)).collect();
            let mut chars = pascal.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_lowercase().collect::<String>() + chars.as_str()
            })
        }
        "snake_case" => name.to_owned(),
        "SCREAMING_SNAKE_CASE" => name.to_uppercase(),
        "kebab-case" => name.replace('_', "-"),
        "SCREAMING-KEBAB-CASE" => name.to_uppercase().replace('_', "-"),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_checked() {
        assert!(check_path("/connected_accounts/update").is_ok());
        assert!(
            check_path("connected_accounts/update")
                .unwrap_err()
                .contains("start with")
        );
        assert!(
            check_path("/connected accounts")
                .unwrap_err()
                .contains("white space")
        );
        assert!(check_path("/a//b").unwrap_err().contains("empty segment"));
        assert!(check_path("/a/").unwrap_err().contains("empty segment"));
        assert!(check_path("/").unwrap_err().contains("empty segment"));
        assert!(check_path("").unwrap_err().contains("empty"));
        assert!(check_path("/a?b=1").unwrap_err().contains("`?`"));
        for dotted in ["/a/../b", "/./a", "/a/..", "/a/."] {
            assert!(check_path(dotted).unwrap_err().contains("`..`"), "{dotted}");
        }
        assert!(check_path("/a.b/c..d").is_ok());
        let url = check_path("https://connect.getseam.com/devices/list").unwrap_err();
        assert!(url.contains("not a URL: write \"/devices/list\""), "{url}");
    }

    #[test]
    fn rename_all_follows_serde() {
        let rename = |rule| apply_rename_all(rule, "display_name").unwrap();
        assert_eq!(rename("camelCase"), "displayName");
        assert_eq!(rename("PascalCase"), "DisplayName");
        assert_eq!(rename("SCREAMING_SNAKE_CASE"), "DISPLAY_NAME");
        assert_eq!(rename("kebab-case"), "display-name");
        assert_eq!(rename("SCREAMING-KEBAB-CASE"), "DISPLAY-NAME");
        assert_eq!(rename("lowercase"), "display_name");
        assert_eq!(apply_rename_all("nonsense", "a"), None);
    }

    fn args(tokens: TokenStream) -> (Args, Vec<String>) {
        let mut cx = Ctxt::default();
        let args = parse_args(tokens, &mut cx);
        let messages = cx
            .take()
            .map(|errors| errors.into_iter().map(|error| error.to_string()).collect())
            .unwrap_or_default();
        (args, messages)
    }

    #[test]
    fn arguments_are_read() {
        let (args, messages) = args(quote::quote!(
            path = "/a/b",
            method = "get",
            response = Thing,
            response_key = "thing",
            idempotent = false,
            paginated,
            crate = ::my::seamapi_core
        ));
        assert!(messages.is_empty(), "{messages:?}");
        assert_eq!(args.path.unwrap().value(), "/a/b");
        assert_eq!(args.method.unwrap().to_string(), "Get");
        assert_eq!(args.idempotent, Some(false));
        assert!(args.paginated.is_some());
        assert!(args.action_attempt.is_none());
        assert_eq!(path_name(&args.krate.unwrap()), "my::seamapi_core");
        let (args, _) = args_crate_string();
        assert_eq!(
            path_name(&args.krate.unwrap()),
            "seamapi::__private::seamapi_core"
        );
    }

    #[test]
    fn action_attempt_is_a_flag() {
        let (flagged, messages) = args(quote::quote!(path = "/a/b", action_attempt));
        assert!(messages.is_empty(), "{messages:?}");
        assert!(flagged.action_attempt.is_some());
        assert!(flagged.paginated.is_none());
        let (off, messages) = args(quote::quote!(path = "/a/b", action_attempt = false));
        assert!(messages.is_empty(), "{messages:?}");
        assert!(off.action_attempt.is_none());
        assert!(off.action_attempt_beside.is_none());
    }

    #[test]
    fn action_attempt_beside_the_answer_names_its_model() {
        let (beside, messages) = args(quote::quote!(
            path = "/a/b",
            action_attempt = crate::models::ActionAttempt,
            response_key = "thing"
        ));
        assert!(messages.is_empty(), "{messages:?}");
        assert!(beside.action_attempt.is_none());
        let model = beside.action_attempt_beside.unwrap();
        assert_eq!(
            quote::quote!(#model).to_string(),
            "crate :: models :: ActionAttempt"
        );
        let (_, messages) = args(quote::quote!(path = "/a/b", action_attempt = "x"));
        assert_eq!(messages.len(), 1, "{messages:?}");
    }

    fn args_crate_string() -> (Args, Vec<String>) {
        args(quote::quote!(
            path = "/a/b",
            crate = "seamapi::__private::seamapi_core"
        ))
    }

    #[test]
    fn a_misspelt_argument_counts_as_given() {
        let (args, messages) = args(quote::quote!(pth = "/a/b", idempotent = 3));
        assert!(args.gave("path"));
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("did you mean `path`"));
        assert!(messages[1].contains("`idempotent = true`"));
    }

    #[test]
    fn rules_are_read_and_checked() {
        let field: syn::Field = syn::parse::Parser::parse2(
            syn::Field::parse_named,
            quote::quote!(
                #[seam(min_length = 1, max_length = 255)]
                #[seam(one_of = ["a", "b", "a"], min_entries = -1, setter = set_a)]
                #[seam()]
                a: Option<String>
            ),
        )
        .unwrap();
        let mut cx = Ctxt::default();
        let rules = parse_rules(&field.attrs, &mut cx);
        let messages: Vec<String> = cx
            .take()
            .unwrap()
            .into_iter()
            .map(|e| e.to_string())
            .collect();
        assert_eq!(rules.min_length.map(|(value, _)| value), Some(1));
        assert_eq!(rules.max_length.map(|(value, _)| value), Some(255));
        assert_eq!(rules.one_of.unwrap().0.len(), 3);
        assert_eq!(rules.setter.unwrap().to_string(), "set_a");
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("\"a\" is listed twice"));
        assert!(messages[1].contains("a whole number, 0 or more"));
        assert!(messages[2].contains("empty `#[seam()]`"));
    }

    #[test]
    fn serde_names_are_read() {
        let item: syn::DeriveInput = syn::parse2(quote::quote!(
            #[serde(rename_all(serialize = "camelCase"), deny_unknown_fields)]
            struct A {
                #[serde(rename = "b", skip_serializing_if = "x", default)]
                a: u8,
            }
        ))
        .unwrap();
        assert_eq!(parse_serde(&item.attrs).rename_all.unwrap().0, "camelCase");
        let syn::Data::Struct(data) = &item.data else {
            unreachable!()
        };
        let field = parse_serde(&data.fields.iter().next().unwrap().attrs);
        assert_eq!(field.rename.as_deref(), Some("b"));
        assert!(field.has_skip_serializing_if);
    }
}

//! The attribute's arguments: `#[seam_endpoint(path = "...", ...)]`.

use proc_macro2::{Span, TokenStream};
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser};
use syn::{Ident, LitBool, LitStr, Token, Type};

use crate::errors::Errors;
use crate::suggest;

const KNOWN: &[&str] = &[
    "path",
    "method",
    "response",
    "response_key",
    "idempotent",
    "paginated",
];
const METHODS: &[&str] = &["POST", "GET", "PUT", "PATCH", "DELETE"];

/// The arguments, each already checked; what was malformed is in the errors and
/// left at its default, so that the rest of the expansion still works.
pub(crate) struct Args {
    pub(crate) path: String,
    pub(crate) method: Ident,
    pub(crate) response: Option<Type>,
    pub(crate) response_key: Option<LitStr>,
    pub(crate) idempotent: Option<bool>,
    pub(crate) paginated: Option<Span>,
}

impl Args {
    /// Actions that read, replace or remove: sending them twice does what sending
    /// them once does.
    pub(crate) fn is_idempotent(&self) -> bool {
        self.idempotent.unwrap_or_else(|| {
            let action = self.path.rsplit('/').next().unwrap_or_default();
            matches!(action, "get" | "list" | "update" | "delete")
                || action.starts_with("get_")
                || action.starts_with("list_")
        })
    }
}

pub(crate) fn parse(tokens: TokenStream, errors: &mut Errors) -> Args {
    let mut args = Args {
        path: "/".to_owned(),
        method: Ident::new("Post", Span::call_site()),
        response: None,
        response_key: None,
        idempotent: None,
        paginated: None,
    };
    let mut seen: Vec<String> = Vec::new();
    let mut has_path = false;
    let parser = |input: ParseStream<'_>| {
        while !input.is_empty() {
            let key = input.call(Ident::parse_any)?;
            let name = key.to_string();
            if seen.contains(&name) {
                errors.spanned(&key, format!("`{name}` is given twice: keep one"));
            }
            seen.push(name.clone());
            match name.as_str() {
                "path" => {
                    let value = value::<LitStr>(input, &key)?;
                    has_path = true;
                    match check_path(&value.value()) {
                        Ok(()) => args.path = value.value(),
                        Err(message) => errors.spanned(&value, message),
                    }
                }
                "method" => {
                    let value = value::<LitStr>(input, &key)?;
                    let upper = value.value().to_ascii_uppercase();
                    if METHODS.contains(&upper.as_str()) {
                        let variant = format!("{}{}", &upper[..1], upper[1..].to_ascii_lowercase());
                        args.method = Ident::new(&variant, value.span());
                    } else {
                        errors.spanned(&value, suggest::unknown("method", &value.value(), METHODS));
                    }
                }
                "response" => args.response = Some(value::<Type>(input, &key)?),
                "response_key" => {
                    let value = value::<LitStr>(input, &key)?;
                    let text = value.value();
                    if text.is_empty()
                        || !text.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                    {
                        errors.spanned(&value, "`response_key` is the key of Seam's answer, such as \"connected_account\"");
                    }
                    args.response_key = Some(value);
                }
                "idempotent" => args.idempotent = Some(value::<LitBool>(input, &key)?.value),
                "paginated" => {
                    let on = if input.peek(Token![=]) {
                        value::<LitBool>(input, &key)?.value
                    } else {
                        true
                    };
                    args.paginated = on.then(|| key.span());
                }
                _ => {
                    errors.spanned(&key, suggest::unknown("argument", &name, KNOWN));
                    skip_value(input)?;
                }
            }
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(())
    };
    if let Err(error) = parser.parse2(tokens) {
        errors.push(error);
        // A malformed list: report only that, not also a missing path.
        has_path = true;
    }
    if !has_path {
        errors.at(
            Span::call_site(),
            "missing `path`: write #[seam_endpoint(path = \"/namespace/action\")]",
        );
    }
    if let (Some(key), None) = (&args.response_key, &args.response) {
        errors.spanned(
            key,
            "`response_key` needs `response = Type`, the type found under that key",
        );
    }
    if let (Some(response), None) = (&args.response, &args.response_key) {
        errors.spanned(
            response,
            "`response` needs `response_key = \"...\"`: the key Seam's answer holds it under",
        );
    }
    args
}

/// Parses `= value` after `key`.
fn value<T: syn::parse::Parse>(input: ParseStream<'_>, key: &Ident) -> syn::Result<T> {
    if !input.peek(Token![=]) {
        return Err(syn::Error::new(
            key.span(),
            format!("`{key}` needs a value: `{key} = ...`"),
        ));
    }
    input.parse::<Token![=]>()?;
    input.parse()
}

/// Skips the value of an unknown argument, up to the next comma outside brackets.
fn skip_value(input: ParseStream<'_>) -> syn::Result<()> {
    let mut depth = 0usize;
    while !input.is_empty() {
        if depth == 0 && input.peek(Token![,]) {
            break;
        }
        if input.peek(Token![<]) {
            depth += 1;
        } else if input.peek(Token![>]) {
            depth = depth.saturating_sub(1);
        }
        input.parse::<proc_macro2::TokenTree>()?;
    }
    Ok(())
}

/// A route is `/namespace/action`: a leading slash, no white space, no empty segment.
fn check_path(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err(
            "`path` is empty: write the route, such as \"/connected_accounts/update\"".into(),
        );
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
    }

    #[test]
    fn idempotence_follows_the_action() {
        let args = |path: &str, idempotent| {
            let mut errors = Errors::default();
            let mut args = parse(quote::quote!(path = #path), &mut errors);
            args.idempotent = idempotent;
            args.is_idempotent()
        };
        assert!(args("/connected_accounts/update", None));
        assert!(args("/connected_accounts/get", None));
        assert!(args("/client_sessions/get_or_create", None));
        assert!(!args("/access_codes/create", None));
        assert!(args("/access_codes/create", Some(true)));
        assert!(!args("/locks/get", Some(false)));
    }
}

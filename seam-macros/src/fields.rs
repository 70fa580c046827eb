//! The struct's fields and their validation attributes: `#[seam(max_length = 255)]`.

use proc_macro2::Span;
use syn::parse::ParseStream;
use syn::{Attribute, Ident, LitInt, LitStr, Token, Type};

use crate::errors::Errors;
use crate::suggest;

const KNOWN: &[&str] = &[
    "min_length",
    "max_length",
    "min_entries",
    "max_entries",
    "one_of",
];

/// One field, as the expansion needs it.
pub(crate) struct Field {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// `T` of a field of type `Option<T>`; `None` for a required field.
    pub(crate) optional: Option<Type>,
    pub(crate) docs: Vec<Attribute>,
    pub(crate) rules: Rules,
}

/// A lower and an upper bound, each with the span of its value.
#[derive(Default)]
pub(crate) struct Bounds {
    pub(crate) min: Option<(usize, Span)>,
    pub(crate) max: Option<(usize, Span)>,
    /// Where the first bound was written, for errors about the field's type.
    pub(crate) span: Option<Span>,
}

impl Bounds {
    pub(crate) fn is_set(&self) -> bool {
        self.min.is_some() || self.max.is_some()
    }
}

#[derive(Default)]
pub(crate) struct Rules {
    pub(crate) length: Bounds,
    pub(crate) entries: Bounds,
    pub(crate) one_of: Option<Vec<LitStr>>,
}

/// Reads a field, taking its `#[seam(...)]` attributes off it.
pub(crate) fn analyse(field: &mut syn::Field, errors: &mut Errors) -> Field {
    let ident = field.ident.clone().expect("named fields have names");
    let mut rules = Rules::default();
    let mut seen: Vec<String> = Vec::new();
    field.attrs.retain(|attr| {
        if !attr.path().is_ident("seam") {
            return true;
        }
        if let Err(error) = attr.parse_args_with(|input: ParseStream<'_>| {
            parse_rules(input, &mut rules, &mut seen, errors)
        }) {
            errors.push(error);
        }
        false
    });
    for (name, bounds) in [("length", &rules.length), ("entries", &rules.entries)] {
        if let (Some((min, _)), Some((max, max_span))) = (bounds.min, bounds.max)
            && min > max
        {
            errors.at(
                max_span,
                format!("`max_{name} = {max}` is below `min_{name} = {min}`: no value could pass"),
            );
        }
    }
    if let Some(values) = &rules.one_of
        && values.is_empty()
    {
        errors.spanned(&ident, "`one_of` needs at least one value");
    }
    let optional = option_inner(&field.ty).cloned();
    check_fit(
        &ident,
        optional.as_ref().unwrap_or(&field.ty),
        &rules,
        errors,
    );
    Field {
        ident,
        ty: field.ty.clone(),
        optional,
        docs: field
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident("doc"))
            .cloned()
            .collect(),
        rules,
    }
}

fn parse_rules(
    input: ParseStream<'_>,
    rules: &mut Rules,
    seen: &mut Vec<String>,
    errors: &mut Errors,
) -> syn::Result<()> {
    while !input.is_empty() {
        let key: Ident = input.parse()?;
        let name = key.to_string();
        if seen.contains(&name) {
            errors.spanned(&key, format!("`{name}` is given twice: keep one"));
        }
        seen.push(name.clone());
        if !KNOWN.contains(&name.as_str()) {
            errors.spanned(&key, suggest::unknown("validation", &name, KNOWN));
            input.parse::<Token![=]>()?;
            while !input.is_empty() && !input.peek(Token![,]) {
                input.parse::<proc_macro2::TokenTree>()?;
            }
        } else {
            input.parse::<Token![=]>()?;
            if name == "one_of" {
                let content;
                syn::bracketed!(content in input);
                let values = content.parse_terminated(
                    |input: ParseStream<'_>| input.parse::<LitStr>(),
                    Token![,],
                )?;
                rules.one_of = Some(values.into_iter().collect());
            } else {
                let literal: LitInt = input.parse()?;
                let value = literal.base10_parse::<usize>()?;
                let bounds = if name.ends_with("_length") {
                    &mut rules.length
                } else {
                    &mut rules.entries
                };
                bounds.span.get_or_insert(key.span());
                let slot = if name.starts_with("min_") {
                    &mut bounds.min
                } else {
                    &mut bounds.max
                };
                *slot = Some((value, literal.span()));
            }
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(())
}

/// Refuses rules on types they plainly cannot apply to. Other types are checked by
/// the compiler, through the traits the generated checks call.
fn check_fit(ident: &Ident, ty: &Type, rules: &Rules, errors: &mut Errors) {
    let Some(name) = scalar_name(ty) else { return };
    let mut refuse = |span: Option<Span>, rule: &str, applies_to: &str| {
        if let Some(span) = span {
            errors.at(
                span,
                format!("`{rule}` applies to {applies_to}, but `{ident}` is a `{name}`"),
            );
        }
    };
    refuse(rules.length.span, "min_length`/`max_length", "strings");
    refuse(
        rules.entries.span,
        "min_entries`/`max_entries",
        "lists and maps",
    );
    if name != "String" {
        let span = rules.one_of.as_ref().map(|_| ident.span());
        refuse(span, "one_of", "strings and lists of strings");
    }
}

/// The name of a scalar type that no length rule fits, or `None`.
pub(crate) fn scalar_name(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else { return None };
    let ident = path.path.get_ident()?.to_string();
    const SCALARS: &[&str] = &[
        "bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
        "u32", "u64", "u128", "usize",
    ];
    SCALARS.contains(&ident.as_str()).then_some(ident)
}

/// Whether `ty` is plainly a type that cannot implement `Validate`: a string, a
/// number, a `bool`, or an `Option` or `Vec` of one. Such fields need no nested
/// validation probe, which saves the compiler a method resolution per field.
pub(crate) fn is_plain(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let name = last.ident.to_string();
    if name == "String" || scalar_name(ty).is_some() {
        return path.path.segments.len() == 1 || name == "String";
    }
    if name != "Option" && name != "Vec" {
        return false;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return false;
    };
    match arguments.args.first() {
        Some(syn::GenericArgument::Type(inner)) if arguments.args.len() == 1 => is_plain(inner),
        _ => false,
    }
}

/// `T` when `ty` is `Option<T>` (written `Option`, `std::option::Option` or
/// `core::option::Option`).
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<_> = path
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let is_option = matches!(
        segments
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        ["Option"] | ["std" | "core", "option", "Option"]
    );
    if !is_option {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &path.path.segments.last()?.arguments
    else {
        return None;
    };
    match arguments.args.first()? {
        syn::GenericArgument::Type(inner) if arguments.args.len() == 1 => Some(inner),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(tokens: proc_macro2::TokenStream) -> (Field, Option<syn::Error>) {
        let mut field: syn::Field =
            syn::parse::Parser::parse2(syn::Field::parse_named, tokens).unwrap();
        let mut errors = Errors::default();
        let analysed = analyse(&mut field, &mut errors);
        assert!(field.attrs.iter().all(|attr| !attr.path().is_ident("seam")));
        (analysed, errors.take())
    }

    #[test]
    fn plain_types_are_recognised() {
        for plain in [
            quote::quote!(String),
            quote::quote!(Option<u32>),
            quote::quote!(Vec<Option<std::string::String>>),
        ] {
            assert!(is_plain(&syn::parse2(plain.clone()).unwrap()), "{plain}");
        }
        for other in [
            quote::quote!(CustomMetadata),
            quote::quote!(Option<CustomMetadata>),
            quote::quote!(Vec<Address>),
        ] {
            assert!(!is_plain(&syn::parse2(other.clone()).unwrap()), "{other}");
        }
    }

    #[test]
    fn options_are_recognised() {
        let (analysed, _) = field(quote::quote!(a: Option<String>));
        assert!(analysed.optional.is_some());
        let (analysed, _) = field(quote::quote!(a: std::option::Option<bool>));
        assert!(analysed.optional.is_some());
        let (analysed, _) = field(quote::quote!(a: Vec<Option<u8>>));
        assert!(analysed.optional.is_none());
    }

    #[test]
    fn rules_are_read() {
        let (analysed, errors) = field(
            quote::quote!(#[seam(min_length = 1, max_length = 255)] #[seam(one_of = ["a", "b"])] a: Option<String>),
        );
        assert!(errors.is_none());
        assert_eq!(analysed.rules.length.min.map(|(value, _)| value), Some(1));
        assert_eq!(analysed.rules.length.max.map(|(value, _)| value), Some(255));
        assert_eq!(analysed.rules.one_of.unwrap().len(), 2);
    }

    #[test]
    fn every_mistake_is_reported() {
        let (_, errors) =
            field(quote::quote!(#[seam(max_lenght = 3, min_entries = 5, max_entries = 2)] a: bool));
        let messages: Vec<String> = errors
            .unwrap()
            .into_iter()
            .map(|error| error.to_string())
            .collect();
        assert_eq!(messages.len(), 3, "{messages:?}");
        assert!(messages[0].contains("did you mean `max_length`"));
        assert!(messages[1].contains("below"));
        assert!(messages[2].contains("applies to lists and maps"));
    }
}

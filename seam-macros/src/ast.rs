//! Phase 2, the model: the endpoint as the expansion needs it, read from the
//! struct and its attributes.

use syn::spanned::Spanned;
use syn::{Attribute, Data, DeriveInput, Fields, Ident, Path, Type};

use crate::attr::{self, Args, Rules};
use crate::ctxt::Ctxt;

/// The endpoint.
pub(crate) struct Endpoint {
    /// The struct as written, without its `#[seam]` attributes.
    pub(crate) item: DeriveInput,
    pub(crate) args: Args,
    /// The runtime crate's path: `crate = ...`, or the entry point's default.
    pub(crate) krate: Path,
    pub(crate) fields: Vec<Field>,
    /// Whether the struct carries `#[serde(crate = ...)]` already.
    pub(crate) has_serde_crate: bool,
    /// Whether the expansion can build on the struct: named fields, no generics.
    pub(crate) usable: bool,
}

/// One parameter.
pub(crate) struct Field {
    pub(crate) ident: Ident,
    pub(crate) ty: Type,
    /// `T` of a field of type `Option<T>`; `None` for a required field.
    pub(crate) optional: Option<Type>,
    /// The name on the wire, which violation paths use.
    pub(crate) wire_name: String,
    /// The setter's name.
    pub(crate) setter: Ident,
    pub(crate) docs: Vec<Attribute>,
    /// `#[cfg(...)]`: every generated piece that names the field carries them.
    pub(crate) cfgs: Vec<Attribute>,
    /// `#[deprecated]`: carried over to the setter, so that callers are warned.
    pub(crate) deprecated: Vec<Attribute>,
    pub(crate) rules: Rules,
    pub(crate) serde: attr::Serde,
}

/// Reads the endpoint; what is wrong goes to `cx`.
pub(crate) fn read(
    args: Args,
    mut item: DeriveInput,
    default_crate: Path,
    cx: &mut Ctxt,
) -> Endpoint {
    let krate = args.krate.clone().unwrap_or(default_crate);
    let container_serde = attr::parse_serde(&item.attrs);
    let not_a_struct = |what: &str| {
        format!(
            "#[seam_endpoint] goes on a struct with named fields, not on {what}: its fields are the parameters"
        )
    };
    let mut usable = item.generics.params.is_empty();
    if !usable {
        cx.spanned(
            &item.generics,
            "an endpoint struct cannot be generic: its parameters are concrete types, like Seam's",
        );
    }
    let mut fields = Vec::new();
    match &mut item.data {
        Data::Enum(data) => {
            cx.at(data.enum_token.span(), not_a_struct("an enum"));
            usable = false;
        }
        Data::Union(data) => {
            cx.at(data.union_token.span(), not_a_struct("a union"));
            usable = false;
        }
        Data::Struct(data) => match &mut data.fields {
            Fields::Named(named) => {
                for field in named.named.iter_mut() {
                    fields.push(read_field(field, &container_serde, cx));
                    field.attrs.retain(|attr| !attr.path().is_ident("seam"));
                }
            }
            Fields::Unnamed(unnamed) => {
                cx.spanned(
                    &*unnamed,
                    "an endpoint's parameters need names: write `struct Name { field: Type }`",
                );
                usable = false;
            }
            Fields::Unit => {
                cx.spanned(
                    &item.ident,
                    "an endpoint needs named fields, its parameters: write `struct Name {}` for a route without any",
                );
                usable = false;
            }
        },
    }
    if !usable {
        strip_seam_attributes(&mut item);
    }
    Endpoint {
        item,
        args,
        krate,
        fields,
        has_serde_crate: container_serde.has_crate,
        usable,
    }
}

pub(crate) fn read_field(field: &syn::Field, container: &attr::Serde, cx: &mut Ctxt) -> Field {
    let ident = field.ident.clone().expect("named fields have names");
    let rules = attr::parse_rules(&field.attrs, cx);
    let serde = attr::parse_serde(&field.attrs);
    let bare = ident.to_string().trim_start_matches("r#").to_owned();
    let wire_name = match (&serde.rename, &container.rename_all) {
        (Some(rename), _) => rename.clone(),
        (None, Some((rule, _))) => attr::apply_rename_all(rule, &bare).unwrap_or(bare.clone()),
        (None, None) => bare.clone(),
    };
    let setter = rules.setter.clone().unwrap_or_else(|| {
        // `new` is the constructor: an optional field of that name gets `set_new`.
        if bare == "new" {
            Ident::new("set_new", ident.span())
        } else {
            ident.clone()
        }
    });
    let of_kind = |name: &str| -> Vec<Attribute> {
        field
            .attrs
            .iter()
            .filter(|attr| attr.path().is_ident(name))
            .cloned()
            .collect()
    };
    Field {
        optional: option_inner(&field.ty).cloned(),
        ty: field.ty.clone(),
        wire_name,
        setter,
        docs: of_kind("doc"),
        cfgs: of_kind("cfg"),
        deprecated: of_kind("deprecated"),
        rules,
        serde,
        ident,
    }
}

fn strip_seam_attributes(item: &mut DeriveInput) {
    if let Data::Struct(data) = &mut item.data {
        for field in data.fields.iter_mut() {
            field.attrs.retain(|attr| !attr.path().is_ident("seam"));
        }
    }
}

/// `T` when `ty` is `Option<T>`, however the path to `Option` is written
/// (`Option`, `std::option::Option`, `::core::option::Option`). Whether a
/// parameter is required is decided here, by the type's name, because the
/// constructor's signature depends on it; everything else is decided by traits.
pub(crate) fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    if path.qself.is_some() {
        return None;
    }
    let segments: Vec<String> = path
        .path
        .segments
        .iter()
        .map(|segment| segment.ident.to_string())
        .collect();
    let names: Vec<&str> = segments.iter().map(String::as_str).collect();
    let is_option = match names.as_slice() {
        ["Option"] => path.path.leading_colon.is_none(),
        ["std" | "core", "option", "Option"] => true,
        _ => false,
    };
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

/// `T` when `ty` is `Nullable<T>` (by its last segment: seam-core's, however
/// reached).
pub(crate) fn nullable_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(path) = ty else { return None };
    let last = path.path.segments.last()?;
    if path.qself.is_some() || last.ident != "Nullable" {
        return None;
    }
    let syn::PathArguments::AngleBracketed(arguments) = &last.arguments else {
        return None;
    };
    match arguments.args.first()? {
        syn::GenericArgument::Type(inner) if arguments.args.len() == 1 => Some(inner),
        _ => None,
    }
}

/// The name of a primitive type that no length or entries rule fits, or `None`.
pub(crate) fn scalar_name(ty: &Type) -> Option<String> {
    let Type::Path(path) = ty else { return None };
    let ident = path.path.get_ident()?.to_string();
    const SCALARS: &[&str] = &[
        "bool", "char", "f32", "f64", "i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16",
        "u32", "u64", "u128", "usize",
    ];
    SCALARS.contains(&ident.as_str()).then_some(ident)
}

/// Whether `ty` is plainly a type without rules of its own: a `String`, an
/// integer, a `bool`, or an `Option` or `Vec` of one. Such fields get no nested
/// validation probe, which saves the compiler a method resolution per field.
/// Floats are not plain: a NaN or an infinity is refused before sending.
pub(crate) fn is_plain(ty: &Type) -> bool {
    let Type::Path(path) = ty else { return false };
    let Some(last) = path.path.segments.last() else {
        return false;
    };
    let name = last.ident.to_string();
    if name == "String" {
        return true;
    }
    if let Some(scalar) = scalar_name(ty) {
        return scalar != "f32" && scalar != "f64";
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ty(tokens: proc_macro2::TokenStream) -> Type {
        syn::parse2(tokens).unwrap()
    }

    #[test]
    fn options_are_recognised_however_written() {
        for written in [
            quote::quote!(Option<String>),
            quote::quote!(std::option::Option<std::string::String>),
            quote::quote!(::core::option::Option<u8>),
        ] {
            assert!(option_inner(&ty(written.clone())).is_some(), "{written}");
        }
        for other in [
            quote::quote!(Vec<Option<u8>>),
            quote::quote!(my::Option<u8>),
        ] {
            assert!(option_inner(&ty(other.clone())).is_none(), "{other}");
        }
    }

    #[test]
    fn plain_types_are_recognised() {
        for plain in [
            quote::quote!(String),
            quote::quote!(Option<u32>),
            quote::quote!(Vec<Option<std::string::String>>),
        ] {
            assert!(is_plain(&ty(plain.clone())), "{plain}");
        }
        for other in [
            quote::quote!(CustomMetadata),
            quote::quote!(Option<CustomMetadata>),
            quote::quote!(Vec<Address>),
            quote::quote!(Option<f64>),
            quote::quote!(Box<CustomMetadata>),
        ] {
            assert!(!is_plain(&ty(other.clone())), "{other}");
        }
    }

    #[test]
    fn wire_names_follow_serde() {
        let item: DeriveInput = syn::parse2(quote::quote!(
            #[serde(rename_all = "camelCase")]
            struct A {
                r#match: String,
                display_name: String,
                #[serde(rename = "kind")]
                r#type: String,
                #[cfg(any())]
                new: Option<u8>,
            }
        ))
        .unwrap();
        let mut cx = Ctxt::default();
        let args = attr::parse_args(quote::quote!(path = "/a/b"), &mut cx);
        let endpoint = read(args, item, syn::parse_quote!(::seamapi_core), &mut cx);
        let names: Vec<&str> = endpoint
            .fields
            .iter()
            .map(|f| f.wire_name.as_str())
            .collect();
        assert_eq!(names, ["match", "displayName", "kind", "new"]);
        assert_eq!(endpoint.fields[3].setter.to_string(), "set_new");
        assert_eq!(endpoint.fields[3].cfgs.len(), 1);
    }
}

//! Phase 4, the expansion: the struct (with a binding to a client as a defaulted
//! type parameter), its constructor and setters, once, and the small trait impls
//! through which seam-core's generic code validates, sends and decodes it.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Ident, LitStr, Path};

use crate::ast::{self, Endpoint, Field};
use crate::check::{self, BINDING_FIELD};
use crate::ctxt::Ctxt;
use crate::{ast::scalar_name, attr};

/// The entry points' shared body: parse, read the model, check it, expand it.
/// `default_crate` is where the runtime is when no `crate = ...` says otherwise.
pub(crate) fn expand(
    args: TokenStream,
    input: TokenStream,
    default_crate: Path,
) -> syn::Result<TokenStream> {
    let mut cx = Ctxt::default();
    let args = attr::parse_args(args, &mut cx);
    let item = match syn::parse2::<DeriveInput>(input.clone()) {
        Ok(item) => item,
        Err(error) => {
            cx.at(
                error.span(),
                "#[seam_endpoint] goes on a struct with named fields, not on this item: its fields are the parameters",
            );
            let errors = cx.take().map(syn::Error::into_compile_error);
            return Ok(quote!(#input #errors));
        }
    };
    let endpoint = ast::read(args, item, default_crate, &mut cx);
    check::check(&endpoint, &mut cx);
    let warnings = crate::spec_check::check(&endpoint, &mut cx);
    let errors = cx.take();
    // On a mistake, the struct and its methods are still emitted, without the
    // checks a broken definition would trip: one mistake, one error, and the
    // user's other code still compiles (thiserror's fallback).
    let expansion = if endpoint.usable {
        generate(&endpoint, errors.is_none())
    } else {
        let item = &endpoint.item;
        quote!(#item)
    };
    let errors = errors.map(syn::Error::into_compile_error);
    Ok(quote!(#expansion #warnings #errors))
}

fn generate(endpoint: &Endpoint, complete: bool) -> TokenStream {
    let krate = &endpoint.krate;
    let private = quote!(#krate::__private);
    let ident = &endpoint.item.ident;
    let binding = Ident::new("__SeamBinding", Span::call_site());
    let binding_field = Ident::new(BINDING_FIELD, Span::call_site());
    let fields = &endpoint.fields;
    let args = &endpoint.args;

    let serde_derive = needs_serde_derive(&endpoint.item);
    let item = struct_item(endpoint, &binding, &binding_field, serde_derive);
    let (derive, serialize) = if serde_derive {
        let serde_crate = (!endpoint.has_serde_crate).then(|| {
            let path = LitStr::new(
                &format!("{}::__private::serde", path_text(krate)),
                Span::call_site(),
            );
            quote!(#[serde(crate = #path)])
        });
        (
            quote!(#[derive(#private::serde::Serialize)] #serde_crate),
            TokenStream::new(),
        )
    } else {
        (TokenStream::new(), serialize_impl(endpoint, &binding))
    };

    let required: Vec<&Field> = fields.iter().filter(|f| f.optional.is_none()).collect();
    let params = required.iter().map(|field| {
        let (cfgs, ident) = (&field.cfgs, &field.ident);
        let ty = param_type(&field.ty);
        quote!(#(#cfgs)* #ident: #ty)
    });
    let initialisers = fields.iter().map(|field| {
        let (cfgs, ident) = (&field.cfgs, &field.ident);
        match field.optional {
            None => quote!(#(#cfgs)* #ident: ::core::convert::Into::into(#ident)),
            Some(_) => quote!(#(#cfgs)* #ident: ::core::option::Option::None),
        }
    });
    let new_doc = "With the required parameters; the optional ones unset.";

    // A setter named as the constructor or as another setter has been reported;
    // the fallback leaves it out rather than report it again as a duplicate.
    let mut names: Vec<String> = vec!["new".to_owned()];
    let setters: Vec<TokenStream> = fields
        .iter()
        .filter_map(|field| {
            let inner = field.optional.as_ref()?;
            let name = field.setter.to_string();
            if field.cfgs.is_empty() && names.contains(&name) {
                return None;
            }
            names.push(name);
            Some(setter(field, inner, krate))
        })
        .collect();
    let setters = (!setters.is_empty()).then(|| {
        quote! {
            #[automatically_derived]
            #[allow(deprecated)]
            impl<#binding> #ident<#binding> {
                #(#setters)*
            }
        }
    });

    let path = args
        .path
        .clone()
        .unwrap_or_else(|| LitStr::new("/", Span::call_site()));
    let method = args
        .method
        .as_ref()
        .map(|method| quote!(const METHOD: #krate::Method = #krate::Method::#method;));
    let idempotent = is_idempotent(args.idempotent, &path.value());
    let checks: Vec<TokenStream> = if complete {
        fields
            .iter()
            .filter_map(|field| {
                let ident = &field.ident;
                field_checks(field, krate, &quote!(&self.#ident), None)
            })
            .collect()
    } else {
        Vec::new()
    };
    let probe_import = fields
        .iter()
        .any(|field| !ast::is_plain(&field.ty))
        .then(|| quote!(use #private::{SkipNested as _, ValidateNested as _};));
    let validate = (!checks.is_empty()).then(|| {
        quote! {
            #[inline]
            fn validate(&self, errors: &mut #krate::ValidationErrors) {
                #probe_import
                #(#checks)*
            }
        }
    });
    let (response, answer, response_key) = match (&args.response, &args.response_key) {
        (Some(response), Some(key)) => {
            let span = response.span();
            let key = quote!(const RESPONSE_KEY: ::core::option::Option<&'static str> = ::core::option::Option::Some(#key););
            // Spanned at the response type: one that cannot be deserialised is
            // reported there.
            if args.paginated.is_some() {
                (
                    quote!(#krate::Page<#response>),
                    respan(quote!(type Answer = #krate::Paged<#response>;), span),
                    key,
                )
            } else if let Some(model) = &args.action_attempt_beside {
                (
                    quote!(#krate::WithActionAttempt<#response, #model>),
                    respan(
                        quote!(type Answer = #krate::Beside<#response, #model>;),
                        span,
                    ),
                    key,
                )
            } else if args.action_attempt.is_some() {
                (
                    quote!(#response),
                    respan(quote!(type Answer = #krate::Attempt<#response>;), span),
                    key,
                )
            } else {
                (
                    quote!(#response),
                    respan(quote!(type Answer = #krate::Keyed<#response>;), span),
                    key,
                )
            }
        }
        _ => (
            quote!(()),
            quote!(type Answer = #krate::Void;),
            TokenStream::new(),
        ),
    };
    // Spanned at the model: one that is no action attempt model is reported there.
    let model_check = args.action_attempt_beside.as_ref().map(|model| {
        quote_spanned!(model.span()=> const _: fn() = #private::action_attempt_model::<#model>;)
    });
    // The impl's header at the response type, where a bound of its answer that
    // the type does not meet (`Deserialize`) is reported.
    let header_span = args
        .response
        .as_ref()
        .map_or(Span::call_site(), Spanned::span);
    let impl_token = quote_spanned!(header_span=> impl);
    let endpoint_impl = quote!(#impl_token #krate::Endpoint for #ident);
    let paginated = match (&args.paginated, &args.response) {
        (Some(_), Some(item_type)) if complete => {
            let cursor = fields.iter().find(|field| field.ident == "page_cursor");
            let span = cursor.map_or(Span::call_site(), |field| field.ty.span());
            // Spanned at the field's type: a cursor that cannot hold a `String`
            // is reported there.
            let set = quote_spanned!(span=> self.page_cursor = ::core::option::Option::Some(::core::convert::From::from(cursor)););
            quote! {
                #[automatically_derived]
                impl #krate::Paginated for #ident {
                    type Item = #item_type;
                    #[inline]
                    #[allow(clippy::useless_conversion)]
                    fn set_page_cursor(&mut self, cursor: ::std::string::String) {
                        #set
                    }
                }
            }
        }
        _ => TokenStream::new(),
    };
    let moved = fields.iter().map(|field| {
        let (cfgs, ident) = (&field.cfgs, &field.ident);
        quote!(#(#cfgs)* #ident: self.#ident)
    });

    // The impls in one block, with one `allow(deprecated)` for a deprecated
    // struct or field: the expansion must not warn, its callers are warned.
    quote! {
        #derive
        #item

        #[automatically_derived]
        #[allow(deprecated)]
        impl #ident<#krate::Unbound> {
            #[doc = #new_doc]
            #[inline]
            pub fn new(#(#params),*) -> Self {
                Self { #(#initialisers,)* #binding_field: #krate::Unbound }
            }
        }

        #setters

        // Inherent methods stay outside, so that messages name them plainly.
        #[allow(deprecated)]
        const _: () = {
            #[automatically_derived]
            #endpoint_impl {
                type Response = #response;
                #answer
                const PATH: &'static str = #path;
                #method
                const IDEMPOTENT: bool = #idempotent;
                #response_key
                #validate
            }

            #[automatically_derived]
            impl<#binding> #private::Parameters for #ident<#binding> {
                type Binding = #binding;
                type With<B> = #ident<B>;
                fn rebind<B>(self, binding: B) -> (#ident<B>, #binding) {
                    (#ident { #(#moved,)* #binding_field: binding }, self.#binding_field)
                }
                fn binding_mut(&mut self) -> &mut #binding {
                    &mut self.#binding_field
                }
            }

            // Inline, so that the send future is compiled only where it is
            // awaited; one call into seam-core, so that each endpoint adds little
            // to type-check.
            #[automatically_derived]
            impl ::core::future::IntoFuture for #ident<#krate::Bound> {
                type Output = ::core::result::Result<#response, #krate::Error>;
                type IntoFuture = #krate::CallFuture<#response>;
                #[inline]
                fn into_future(self) -> Self::IntoFuture {
                    #private::into_future::<#ident, Self>(self)
                }
            }

            #paginated
            #serialize
            #model_check
        };
    }
}

/// Whether the struct needs serde's derive: it carries serde attributes, which
/// only that derive reads, or derives a serde trait of its own below the
/// attribute, which reads `#[serde(skip)]` on the binding. Otherwise the
/// expansion writes a shorter `Serialize` impl of its own.
fn needs_serde_derive(item: &DeriveInput) -> bool {
    fn mentions_serde(tokens: TokenStream) -> bool {
        tokens.into_iter().any(|tree| match tree {
            proc_macro2::TokenTree::Ident(ident) => {
                ident == "serde" || ident == "Serialize" || ident == "Deserialize"
            }
            proc_macro2::TokenTree::Group(group) => mentions_serde(group.stream()),
            _ => false,
        })
    }
    let field_attrs = match &item.data {
        Data::Struct(data) => data.fields.iter().flat_map(|f| &f.attrs).collect(),
        _ => Vec::new(),
    };
    item.attrs.iter().chain(field_attrs).any(|attr| {
        let path = attr.path();
        path.is_ident("serde")
            || ((path.is_ident("derive") || path.is_ident("cfg_attr"))
                && mentions_serde(attr.meta.to_token_stream()))
    })
}

/// `Serialize` as serde's derive would write it for this struct (unset
/// `Option`s left out), one call into seam-core per field. Each field's value
/// is spanned at its type, so that a type that cannot be serialised is
/// reported there.
fn serialize_impl(endpoint: &Endpoint, binding: &Ident) -> TokenStream {
    let private = {
        let krate = &endpoint.krate;
        quote!(#krate::__private)
    };
    let ident = &endpoint.item.ident;
    let name = LitStr::new(
        ident.to_string().trim_start_matches("r#"),
        Span::call_site(),
    );
    let present = endpoint.fields.iter().map(|field| {
        let (cfgs, ident) = (&field.cfgs, &field.ident);
        match field.optional {
            None => quote!(#(#cfgs)* true),
            Some(_) => quote!(#(#cfgs)* self.#ident.is_some()),
        }
    });
    let fields = endpoint.fields.iter().map(|field| {
        let (cfgs, ident) = (&field.cfgs, &field.ident);
        // The value's first token at the type's first, its last at the type's
        // last: the compiler reports the expression over the whole type.
        let mut tokens = field.ty.to_token_stream().into_iter();
        let first = tokens
            .next()
            .map_or(Span::call_site(), |token| token.span());
        let last = tokens.last().map_or(first, |token| token.span());
        let mut member = ident.clone();
        member.set_span(last);
        let key = LitStr::new(&field.wire_name, first);
        let method = match field.optional {
            None => Ident::new("field", first),
            Some(_) => Ident::new("optional", first),
        };
        quote_spanned!(first=> #(#cfgs)* state.#method(#key, &self.#member)?;)
    });
    quote! {
        #[automatically_derived]
        impl<#binding> #private::serde::Serialize for #ident<#binding> {
            fn serialize<__S: #private::serde::Serializer>(&self, serializer: __S) -> ::core::result::Result<__S::Ok, __S::Error> {
                let mut state = #private::Fields::begin(serializer, #name, &[#(#present),*])?;
                #(#fields)*
                state.end()
            }
        }
    }
}

/// The struct as written, plus the binding type parameter and field, and unset
/// `Option`s left out of the JSON.
fn struct_item(
    endpoint: &Endpoint,
    binding: &Ident,
    binding_field: &Ident,
    serde_derive: bool,
) -> DeriveInput {
    let krate = &endpoint.krate;
    let mut item = endpoint.item.clone();
    item.generics
        .params
        .push(syn::parse_quote!(#binding = #krate::Unbound));
    if !item
        .attrs
        .iter()
        .any(|attr| attr.path().is_ident("must_use"))
    {
        item.attrs.push(syn::parse_quote!(
            #[must_use = "parameters do nothing until sent"]
        ));
    }
    if let Data::Struct(data) = &mut item.data
        && let syn::Fields::Named(named) = &mut data.fields
    {
        if !serde_derive {
            named.named.push(syn::parse_quote!(
                #[doc(hidden)]
                #binding_field: #binding
            ));
            return item;
        }
        for (field, model) in named.named.iter_mut().zip(&endpoint.fields) {
            let skips =
                model.serde.has_skip_serializing_if || model.serde.flatten || model.serde.skipped;
            if model.optional.is_some() && !skips {
                // Spanned at the type: serde reports a field at its first token,
                // which this attribute may be, and a type that cannot be
                // serialised belongs at the type.
                let span = model.ty.span();
                field.attrs.push(syn::parse_quote_spanned!(span=>
                    #[serde(skip_serializing_if = "::core::option::Option::is_none")]
                ));
            }
        }
        named.named.push(syn::parse_quote!(
            #[serde(skip)]
            #[doc(hidden)]
            #binding_field: #binding
        ));
    }
    item
}

fn setter(field: &Field, inner: &syn::Type, krate: &Path) -> TokenStream {
    let Field {
        ident,
        setter,
        docs,
        cfgs,
        deprecated,
        ..
    } = field;
    let mut generics = TokenStream::new();
    let mut param = param_type(inner);
    // A number or a `bool` is taken as it is, with nothing to convert.
    let mut value = if scalar_name(inner).is_some() {
        quote!(value)
    } else {
        quote!(::core::convert::Into::into(value))
    };
    // A nullable one takes what converts into its value too, which
    // `Into<Nullable<T>>` cannot say (serde's `T` would overlap `Nullable<T>`);
    // a scalar keeps `Into<Nullable<T>>`, where a literal finds its type.
    if let Some(nullable) = ast::nullable_inner(inner)
        && scalar_name(nullable).is_none()
    {
        generics = quote!(<__M>);
        param = quote!(impl #krate::IntoNullable<#nullable, __M>);
        value = quote!(#krate::IntoNullable::into_nullable(value));
    }
    let doc = format!(
        "Sets `{}`; left out of the request unless set.",
        field.wire_name
    );
    quote! {
        #(#cfgs)*
        #(#deprecated)*
        #[doc = #doc]
        #(#docs)*
        #[must_use]
        pub fn #setter #generics (mut self, value: #param) -> Self {
            self.#ident = ::core::option::Option::Some(#value);
            self
        }
    }
}

/// A parameter of type `ty`: `impl Into<ty>`, but a number or a `bool` as it is,
/// so that a literal such as `1` needs no suffix.
fn param_type(ty: &syn::Type) -> TokenStream {
    if scalar_name(ty).is_some() {
        quote!(#ty)
    } else {
        quote!(impl ::core::convert::Into<#ty>)
    }
}

/// Sending twice does what sending once does: reads, replacements, removals. The
/// guess from the action's name is only the default of hand-written endpoints;
/// generated ones say `idempotent = ...` from the API's description.
fn is_idempotent(given: Option<bool>, path: &str) -> bool {
    given.unwrap_or_else(|| {
        let action = path.rsplit('/').next().unwrap_or_default();
        matches!(action, "get" | "list" | "update" | "delete")
            || action.starts_with("get_")
            || action.starts_with("list_")
    })
}

/// The checks of one field, each spanned at the field's type so that a rule on a
/// type it cannot apply to is reported there; `None` when it has none. `value`
/// is an expression of type `&T`; `parent` one of type `&FieldPath`, the path
/// the field's own is a child of (`None`: a top-level field).
pub(crate) fn field_checks(
    field: &Field,
    krate: &Path,
    value: &TokenStream,
    parent: Option<&TokenStream>,
) -> Option<TokenStream> {
    let Field { ty, rules, .. } = field;
    let span = ty.span();
    // The runtime's path spanned at the type too, so that an unmet bound of a
    // check points at the field alone.
    let private = respan(quote!(#krate::__private), span);
    let value = &respan(value.clone(), span);
    let name = LitStr::new(&field.wire_name, span);
    let bound = |value: attr::Bound| match value {
        Some((value, _)) => quote_spanned!(span=> ::core::option::Option::Some(#value)),
        None => quote_spanned!(span=> ::core::option::Option::None),
    };
    let count = [
        rules.min_length.is_some() || rules.max_length.is_some(),
        rules.min_entries.is_some() || rules.max_entries.is_some(),
        rules.one_of.is_some(),
        rules.pattern.is_some(),
        rules.numbers.iter().any(Option::is_some),
        !ast::is_plain(ty),
    ]
    .into_iter()
    .filter(|check| *check)
    .count();
    // A field of one check, most of them, names its path in the call rather
    // than in a `let` of its own.
    let inline = count == 1 && parent.is_none() && !field.serde.flatten;
    let field_path = match parent {
        Some(_) => quote!(#private::FieldPath::Child(parent, #name)),
        None => quote!(#private::FieldPath::Field(#name)),
    };
    let field_ref = if inline {
        quote_spanned!(span=> &#field_path)
    } else {
        quote_spanned!(span=> field)
    };
    let flatten = field.serde.flatten;
    let cfgs = &field.cfgs;
    let field = &field_ref;
    let mut checks = TokenStream::new();
    if rules.min_length.is_some() || rules.max_length.is_some() {
        let (min, max) = (bound(rules.min_length), bound(rules.max_length));
        checks.extend(
            quote_spanned!(span=> #private::check_length(#value, #min, #max, #field, errors);),
        );
    }
    if rules.min_entries.is_some() || rules.max_entries.is_some() {
        let (min, max) = (bound(rules.min_entries), bound(rules.max_entries));
        checks.extend(
            quote_spanned!(span=> #private::check_entries(#value, #min, #max, #field, errors);),
        );
    }
    if let Some((values, _)) = &rules.one_of {
        checks.extend(
            quote_spanned!(span=> #private::check_one_of(#value, &[#(#values),*], #field, errors);),
        );
    }
    if let Some((source, compiled)) = &rules.pattern {
        let pattern = compiled.tokens(&private, &source.value());
        checks.extend(
            quote_spanned!(span=> #private::check_pattern(#value, #pattern, #field, errors);),
        );
    }
    if rules.numbers.iter().any(Option::is_some) {
        let [minimum, maximum, exclusive_minimum, exclusive_maximum] =
            rules.numbers.map(|number| match number {
                Some((number, _)) => quote_spanned!(span=> ::core::option::Option::Some(#number)),
                None => quote_spanned!(span=> ::core::option::Option::None),
            });
        checks.extend(quote_spanned! {span=>
            #private::check_number(#value, &#private::NumberBounds {
                minimum: #minimum,
                maximum: #maximum,
                exclusive_minimum: #exclusive_minimum,
                exclusive_maximum: #exclusive_maximum,
            }, #field, errors);
        });
    }
    if !ast::is_plain(ty) {
        // A flattened field's own fields sit beside its siblings.
        let path = if flatten {
            quote!(parent)
        } else {
            field.clone()
        };
        checks.extend(quote! {
            (&#private::NestedProbe(#value)).seam_validate_nested(#path, errors);
        });
    }
    if checks.is_empty() {
        return None;
    }
    // `parent` only where a flattened field needs it.
    let parent_binding = match parent {
        Some(parent) => quote!(let parent: &#private::FieldPath<'_> = #parent;),
        None if flatten => quote!(let parent = &#private::FieldPath::Root;),
        None => TokenStream::new(),
    };
    let field_binding = if inline {
        TokenStream::new()
    } else if flatten {
        quote!(#[allow(unused_variables)] let field = &#field_path;)
    } else {
        quote!(let field = &#field_path;)
    };
    // Statements in sequence (each `field` shadows the last), in a block only
    // where `#[cfg]` must remove them together.
    if cfgs.is_empty() {
        return Some(quote!(#parent_binding #field_binding #checks));
    }
    Some(quote! {
        #(#cfgs)*
        {
            #parent_binding
            #field_binding
            #checks
        }
    })
}

/// `tokens` with every span set to `span`.
pub(crate) fn respan(tokens: TokenStream, span: Span) -> TokenStream {
    tokens
        .into_iter()
        .map(|mut tree| {
            if let proc_macro2::TokenTree::Group(group) = &tree {
                let mut inner =
                    proc_macro2::Group::new(group.delimiter(), respan(group.stream(), span));
                inner.set_span(span);
                tree = inner.into();
            }
            tree.set_span(span);
            tree
        })
        .collect()
}

/// A path as text, for serde's `crate = "..."`.
fn path_text(path: &Path) -> String {
    let mut text = String::new();
    if path.leading_colon.is_some() {
        text.push_str("::");
    }
    let segments: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    text.push_str(&segments.join("::"));
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idempotence_follows_the_action_unless_given() {
        assert!(is_idempotent(None, "/connected_accounts/update"));
        assert!(is_idempotent(None, "/connected_accounts/get"));
        assert!(is_idempotent(None, "/client_sessions/get_or_create"));
        assert!(!is_idempotent(None, "/access_codes/create"));
        assert!(is_idempotent(Some(true), "/access_codes/create"));
        assert!(!is_idempotent(Some(false), "/locks/get"));
    }

    fn expanded(args: TokenStream, input: TokenStream) -> String {
        expand(args, input, syn::parse_quote!(::seamapi_core))
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_mistake_is_one_error_beside_a_usable_struct() {
        let out = expanded(
            quote!(pth = "/things/update"),
            quote!(
                pub struct UpdateThing {
                    pub id: String,
                }
            ),
        );
        assert_eq!(out.matches("compile_error").count(), 1, "{out}");
        assert!(out.contains("pub fn new"), "{out}");
    }

    #[test]
    fn serde_derives_only_where_serde_attributes_or_derives_need_it() {
        let own = expanded(
            quote!(path = "/things/update"),
            quote!(
                #[derive(Debug, Clone)]
                pub struct UpdateThing {
                    pub id: String,
                }
            ),
        );
        assert!(own.contains("Fields :: begin"), "{own}");
        assert!(!own.contains("serde :: Serialize)"), "{own}");
        for input in [
            quote!(
                pub struct UpdateThing {
                    #[serde(rename = "ID")]
                    pub id: String,
                }
            ),
            quote!(
                #[serde(rename_all = "camelCase")]
                pub struct UpdateThing {
                    pub id: String,
                }
            ),
            quote!(
                #[derive(serde::Deserialize)]
                pub struct UpdateThing {
                    pub id: String,
                }
            ),
            quote!(
                #[cfg_attr(test, derive(Deserialize))]
                pub struct UpdateThing {
                    pub id: String,
                }
            ),
        ] {
            let derived = expanded(quote!(path = "/things/update"), input);
            assert!(derived.contains("serde :: Serialize)"), "{derived}");
            assert!(!derived.contains("Fields :: begin"), "{derived}");
        }
    }

    #[test]
    fn nullable_setters_take_what_converts_into_the_value() {
        let out = expanded(
            quote!(path = "/things/update"),
            quote!(
                pub struct UpdateThing {
                    pub name: Option<Nullable<String>>,
                    pub limit: Option<seamapi_core::Nullable<u32>>,
                }
            ),
        );
        assert!(
            out.contains("pub fn name < __M > (mut self , value : impl :: seamapi_core :: IntoNullable < String , __M >)"),
            "{out}"
        );
        // A number keeps `Into<Nullable<u32>>`, where a literal finds its type.
        assert!(
            out.contains("pub fn limit (mut self , value : impl :: core :: convert :: Into < seamapi_core :: Nullable < u32 > >)"),
            "{out}"
        );
    }

    #[test]
    fn every_impl_is_marked_automatically_derived() {
        let out = expanded(
            quote!(
                path = "/things/list",
                response = Thing,
                response_key = "things",
                paginated
            ),
            quote!(
                pub struct ListThings {
                    pub limit: Option<u32>,
                    pub page_cursor: Option<String>,
                }
            ),
        );
        // Items follow their attributes; `impl Into<..>` arguments follow a `:`.
        assert_eq!(
            out.matches("] impl").count(),
            out.matches("automatically_derived").count(),
            "{out}"
        );
    }
}

//! The expansion: the struct with its derives, its constructor and setters, the
//! `Endpoint` implementation, and a builder bound to a client. Logic lives in
//! seam-core; what is emitted here calls it.

use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, LitStr};

use crate::args::{self, Args};
use crate::errors::Errors;
use crate::fields::{self, Field};

pub(crate) fn expand(args: TokenStream, input: TokenStream) -> syn::Result<TokenStream> {
    let mut errors = Errors::default();
    let args = args::parse(args, &mut errors);
    let not_a_struct = |what: &str| {
        format!(
            "#[seam_endpoint] goes on a struct with named fields, not on {what}: its fields are the parameters"
        )
    };
    let mut item = match syn::parse2::<DeriveInput>(input.clone()) {
        Ok(item) => item,
        Err(error) => {
            errors.at(error.span(), not_a_struct("this item"));
            let errors = errors.take().map(syn::Error::into_compile_error);
            return Ok(quote!(#input #errors));
        }
    };
    let keyword = match &item.data {
        Data::Struct(_) => None,
        Data::Enum(data) => Some((data.enum_token.span(), "an enum")),
        Data::Union(data) => Some((data.union_token.span(), "a union")),
    };
    if let Some((span, what)) = keyword {
        errors.at(span, not_a_struct(what));
        let errors = errors.take().map(syn::Error::into_compile_error);
        return Ok(quote!(#item #errors));
    }
    if !item.generics.params.is_empty() {
        errors.spanned(
            &item.generics,
            "an endpoint struct cannot be generic: its parameters are concrete types, like Seam's",
        );
    }
    let ident = item.ident.clone();
    let Data::Struct(data) = &mut item.data else {
        unreachable!("refused above")
    };
    let named = match &mut data.fields {
        Fields::Named(named) => Some(named),
        Fields::Unnamed(fields) => {
            errors.spanned(
                &*fields,
                "an endpoint's parameters need names: write `struct Name { field: Type }`",
            );
            None
        }
        Fields::Unit => {
            errors.spanned(
                &ident,
                "an endpoint needs named fields, its parameters: write `struct Name {}` for a route without any",
            );
            None
        }
    };
    let has_named_fields = named.is_some();
    let fields: Vec<Field> = named
        .map(|named| {
            named
                .named
                .iter_mut()
                .map(|field| fields::analyse(field, &mut errors))
                .collect()
        })
        .unwrap_or_default();
    check_paginated(&args, &fields, &mut errors);

    let Some(error) = errors.take() else {
        return Ok(generate(&args, &item, &fields, true));
    };
    // One mistake, one error: emit the struct and impls that keep the rest of the
    // user's code compiling, without the checks a broken definition would trip.
    let error = error.into_compile_error();
    let fallback = if item.generics.params.is_empty() && has_named_fields {
        generate(&args, &item, &fields, false)
    } else {
        strip_field_attributes(&mut item);
        quote!(#item)
    };
    Ok(quote!(#fallback #error))
}

fn check_paginated(args: &Args, fields: &[Field], errors: &mut Errors) {
    let Some(span) = args.paginated else { return };
    if args.response.is_none() {
        errors.at(span, "a paginated endpoint needs `response = Item` and `response_key = \"...\"`, its items' type and key");
    }
    let cursor = fields.iter().find(|field| field.ident == "page_cursor");
    let is_string = |ty: &syn::Type| quote!(#ty).to_string() == "String";
    if !cursor
        .and_then(|field| field.optional.as_ref())
        .is_some_and(is_string)
    {
        errors.at(span, "a paginated endpoint needs a field `page_cursor: Option<String>`, where the next page's cursor goes");
    }
}

fn strip_field_attributes(item: &mut DeriveInput) {
    if let Data::Struct(data) = &mut item.data {
        for field in data.fields.iter_mut() {
            field.attrs.retain(|attr| !attr.path().is_ident("seam"));
        }
    }
}

fn generate(args: &Args, item: &DeriveInput, fields: &[Field], with_checks: bool) -> TokenStream {
    let ident = &item.ident;
    let vis = &item.vis;
    let builder = format_ident!("{}Builder", ident);
    let path = LitStr::new(&args.path, Span::call_site());
    let method = &args.method;
    let idempotent = args.is_idempotent();

    let mut item = item.clone();
    if let Data::Struct(data) = &mut item.data {
        for field in data.fields.iter_mut() {
            if fields::option_inner(&field.ty).is_some() {
                field.attrs.push(syn::parse_quote!(#[serde(skip_serializing_if = "::core::option::Option::is_none")]));
            }
        }
    }
    let derives = missing_derives(&item);

    let required: Vec<&Field> = fields
        .iter()
        .filter(|field| field.optional.is_none())
        .collect();
    let required_params: Vec<TokenStream> = required
        .iter()
        .map(|Field { ident, ty, .. }| {
            let ty = param_type(ty);
            quote!(#ident: #ty)
        })
        .collect();
    let required_idents: Vec<_> = required.iter().map(|field| &field.ident).collect();
    let initialisers = fields.iter().map(
        |Field {
             ident, optional, ..
         }| match optional {
            None => quote!(#ident: ::core::convert::Into::into(#ident)),
            Some(_) => quote!(#ident: ::core::option::Option::None),
        },
    );
    let optional: Vec<(&Field, &syn::Type)> = fields
        .iter()
        .filter_map(|field| field.optional.as_ref().map(|inner| (field, inner)))
        .collect();
    let setters = optional.iter().map(|(Field { ident, docs, .. }, inner)| {
        let param = param_type(inner);
        let doc = format!("Sets `{ident}`; left out of the request unless set.");
        quote! {
            #[doc = #doc]
            #[doc = ""]
            #(#docs)*
            #[must_use]
            #[inline]
            pub fn #ident(mut self, #ident: #param) -> Self {
                self.#ident = ::core::option::Option::Some(::core::convert::Into::into(#ident));
                self
            }
        }
    });
    let builder_setters = optional.iter().map(|(Field { ident, docs, .. }, inner)| {
        let param = param_type(inner);
        quote! {
            #(#docs)*
            #[inline]
            pub fn #ident(mut self, #ident: #param) -> Self {
                self.0.params_mut().#ident = ::core::option::Option::Some(::core::convert::Into::into(#ident));
                self
            }
        }
    });

    let checks = if with_checks {
        fields.iter().map(validation).collect()
    } else {
        Vec::new()
    };
    let (response, response_key, decode) = match (&args.response, &args.response_key) {
        (Some(response), Some(key)) => {
            let span = response.span();
            if args.paginated.is_some() {
                (
                    quote!(::seam_core::Page<#response>),
                    quote!(::core::option::Option::Some(#key)),
                    quote_spanned!(span=> ::seam_core::__private::decode_page::<#response>(body, #key)),
                )
            } else {
                (
                    quote!(#response),
                    quote!(::core::option::Option::Some(#key)),
                    quote_spanned!(span=> ::seam_core::__private::decode_keyed::<#response>(body, #key)),
                )
            }
        }
        _ => (
            quote!(()),
            quote!(::core::option::Option::None),
            quote!(::seam_core::__private::decode_void(body)),
        ),
    };
    let paginated = match (&args.paginated, &args.response) {
        (Some(_), Some(item_type)) if with_checks => quote! {
            impl ::seam_core::Paginated for #ident {
                type Item = #item_type;
                #[inline]
                fn into_page(response: Self::Response) -> ::seam_core::Page<#item_type> {
                    response
                }
                #[inline]
                fn set_page_cursor(&mut self, cursor: ::std::string::String) {
                    self.page_cursor = ::core::option::Option::Some(cursor);
                }
            }
            #[allow(dead_code)]
            impl #builder {
                /// Every page, asked for one after another with the same parameters.
                #[inline]
                pub fn pages(self) -> impl ::seam_core::__private::Stream<Item = ::core::result::Result<::seam_core::Page<#item_type>, ::seam_core::Error>> + ::core::marker::Send + ::core::marker::Unpin {
                    self.0.pages()
                }
                /// Every item of every page, in order.
                #[inline]
                pub fn items(self) -> impl ::seam_core::__private::Stream<Item = ::core::result::Result<#item_type, ::seam_core::Error>> + ::core::marker::Send + ::core::marker::Unpin {
                    self.0.items()
                }
            }
        },
        _ => TokenStream::new(),
    };
    let builder_doc = format!(
        "[`{ident}`] bound to a client: set the optional parameters, then `.send().await` (or `.await`) it."
    );
    let new_doc = format!("`{ident}` with its required parameters; the optional ones start unset.");

    quote! {
        #[derive(::seam_core::__private::serde::Serialize #(, #derives)*)]
        #[serde(crate = "::seam_core::__private::serde")]
        #item

        #[allow(dead_code)]
        impl #ident {
            #[doc = #new_doc]
            #[inline]
            pub fn new(#(#required_params),*) -> Self {
                Self { #(#initialisers),* }
            }
            #(#setters)*
        }

        impl ::seam_core::Endpoint for #ident {
            type Response = #response;
            const PATH: &'static str = #path;
            const METHOD: ::seam_core::Method = ::seam_core::Method::#method;
            const IDEMPOTENT: bool = #idempotent;
            const RESPONSE_KEY: ::core::option::Option<&'static str> = #response_key;

            #[inline]
            fn validate(&self, errors: &mut ::seam_core::ValidationErrors) {
                #[allow(unused_imports)]
                use ::seam_core::__private::{SkipNested as _, ValidateNested as _};
                let _ = &errors;
                #(#checks)*
            }

            #[inline]
            fn decode(body: &[u8]) -> ::core::result::Result<Self::Response, ::seam_core::__private::serde_json::Error> {
                #decode
            }
        }

        #[doc = #builder_doc]
        #[must_use = "a request does nothing until it is sent: call `.send().await`"]
        #[derive(Debug, Clone)]
        #[allow(dead_code)]
        #vis struct #builder(::seam_core::Request<#ident>);

        #[allow(dead_code)]
        impl #builder {
            /// Binds the required parameters to `client`.
            #[inline]
            pub fn new(client: &::seam_core::Client #(, #required_params)*) -> Self {
                Self(::seam_core::Request::new(client, #ident::new(#(#required_idents),*)))
            }
            #(#builder_setters)*
            /// How long this call may take, retries included, instead of the client's timeout.
            #[inline]
            pub fn timeout(self, timeout: ::core::time::Duration) -> Self {
                Self(self.0.timeout(timeout))
            }
            /// The parameters as set so far.
            #[inline]
            pub fn params(&self) -> &#ident {
                self.0.params()
            }
            /// The request, to send or adjust through seam-core's generic API.
            #[inline]
            pub fn into_request(self) -> ::seam_core::Request<#ident> {
                self.0
            }
            /// Validates the parameters (sending nothing when they break a rule),
            /// sends them and decodes the answer.
            #[inline]
            pub async fn send(self) -> ::core::result::Result<#response, ::seam_core::Error> {
                self.0.send().await
            }
        }

        impl ::core::future::IntoFuture for #builder {
            type Output = ::core::result::Result<#response, ::seam_core::Error>;
            type IntoFuture = <::seam_core::Request<#ident> as ::core::future::IntoFuture>::IntoFuture;
            #[inline]
            fn into_future(self) -> Self::IntoFuture {
                ::core::future::IntoFuture::into_future(self.0)
            }
        }

        #paginated
    }
}

/// A parameter of type `ty`: `impl Into<ty>`, but a number or a `bool` as it is,
/// so that a literal such as `1` needs no suffix.
fn param_type(ty: &syn::Type) -> TokenStream {
    if fields::scalar_name(ty).is_some() {
        quote!(#ty)
    } else {
        quote!(impl ::core::convert::Into<#ty>)
    }
}

/// `Debug` and `Clone`, which the builder needs, unless the struct derives them.
fn missing_derives(item: &DeriveInput) -> Vec<TokenStream> {
    let mut derived: Vec<String> = Vec::new();
    for attr in item
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("derive"))
    {
        let _ = attr.parse_nested_meta(|meta| {
            if let Some(last) = meta.path.segments.last() {
                derived.push(last.ident.to_string());
            }
            Ok(())
        });
    }
    ["Debug", "Clone"]
        .into_iter()
        .filter(|name| !derived.iter().any(|derived| derived == name))
        .map(|name| {
            if name == "Debug" {
                quote!(::core::fmt::Debug)
            } else {
                quote!(::core::clone::Clone)
            }
        })
        .collect()
}

/// The checks of one field, each spanned at the field's type so that a rule on a
/// type it cannot apply to is reported there.
fn validation(field: &Field) -> TokenStream {
    let Field {
        ident, ty, rules, ..
    } = field;
    let name = LitStr::new(&ident.to_string(), ident.span());
    let span = ty.span();
    let bound = |value: Option<(usize, Span)>| match value {
        Some((value, _)) => quote!(::core::option::Option::Some(#value)),
        None => quote!(::core::option::Option::None),
    };
    let mut checks = TokenStream::new();
    if rules.length.is_set() {
        let (min, max) = (bound(rules.length.min), bound(rules.length.max));
        checks.extend(quote_spanned!(span=> ::seam_core::__private::check_length(&self.#ident, #min, #max, #name, errors);));
    }
    if rules.entries.is_set() {
        let (min, max) = (bound(rules.entries.min), bound(rules.entries.max));
        checks.extend(quote_spanned!(span=> ::seam_core::__private::check_entries(&self.#ident, #min, #max, #name, errors);));
    }
    if let Some(values) = &rules.one_of {
        checks.extend(quote_spanned!(span=> ::seam_core::__private::check_one_of(&self.#ident, &[#(#values),*], #name, errors);));
    }
    if !fields::is_plain(ty) {
        checks.extend(quote! {
            (&::seam_core::__private::NestedProbe(&self.#ident)).seam_validate_nested(#name, errors);
        });
    }
    checks
}

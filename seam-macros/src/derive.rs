//! `#[derive(Validate)]`: the rules of `#[seam(...)]` on the fields of a nested
//! parameter object, or of each variant of a union, checked wherever the type
//! sits in a request, with paths such as `requested_access_methods[0].code`.
//! The same phases as the attribute: fields read into the model, checked, then
//! expanded with the same checks.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{Data, DeriveInput, Fields, Path};

use crate::ast::{self, Field};
use crate::attr;
use crate::check;
use crate::ctxt::Ctxt;
use crate::expand::field_checks;
use crate::suggest;

pub(crate) fn derive(input: TokenStream, default_crate: Path) -> syn::Result<TokenStream> {
    let item: DeriveInput = syn::parse2(input)?;
    let mut cx = Ctxt::default();
    let krate = container_crate(&item, &mut cx).unwrap_or(default_crate);
    if !item.generics.params.is_empty() {
        cx.spanned(
            &item.generics,
            "`#[derive(Validate)]` goes on a concrete type, like Seam's parameter objects",
        );
    }
    let container_serde = attr::parse_serde(&item.attrs);
    let complete_body = match &item.data {
        Data::Struct(data) => match &data.fields {
            Fields::Named(named) => {
                let fields: Vec<Field> = named
                    .named
                    .iter()
                    .map(|field| ast::read_field(field, &container_serde, &mut cx))
                    .collect();
                for field in &fields {
                    check::check_field(field, &mut cx);
                }
                let checks = fields.iter().filter_map(|field| {
                    let ident = &field.ident;
                    field_checks(field, &krate, &quote!(&self.#ident), Some(&quote!(path)))
                });
                quote!(#(#checks)*)
            }
            Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                newtype(&krate, quote!(&self.0))
            }
            Fields::Unit => TokenStream::new(),
            Fields::Unnamed(unnamed) => {
                cx.spanned(
                    unnamed,
                    "`#[derive(Validate)]` needs named fields, or a single one",
                );
                TokenStream::new()
            }
        },
        Data::Enum(data) => {
            let arms = data.variants.iter().filter_map(|variant| {
                let name = &variant.ident;
                match &variant.fields {
                    Fields::Unit => None,
                    Fields::Unnamed(unnamed) if unnamed.unnamed.len() == 1 => {
                        let check = newtype(&krate, quote!(__seam_0));
                        Some(quote!(Self::#name(__seam_0) => { #check }))
                    }
                    Fields::Unnamed(unnamed) => {
                        cx.spanned(
                            unnamed,
                            "`#[derive(Validate)]` needs named fields, or a single one",
                        );
                        None
                    }
                    Fields::Named(named) => {
                        let variant_serde = attr::parse_serde(&variant.attrs);
                        let fields: Vec<Field> = named
                            .named
                            .iter()
                            .map(|field| ast::read_field(field, &variant_serde, &mut cx))
                            .collect();
                        let mut bindings = Vec::new();
                        let mut checks = Vec::new();
                        for (index, field) in fields.iter().enumerate() {
                            check::check_field(field, &mut cx);
                            let binding = format_ident!("__seam_{}", index);
                            let ident = &field.ident;
                            if let Some(check) =
                                field_checks(field, &krate, &quote!(#binding), Some(&quote!(path)))
                            {
                                let cfgs = &field.cfgs;
                                bindings.push(quote!(#(#cfgs)* #ident: #binding));
                                checks.push(check);
                            }
                        }
                        (!checks.is_empty())
                            .then(|| quote!(Self::#name { #(#bindings,)* .. } => { #(#checks)* }))
                    }
                }
            });
            let arms: Vec<TokenStream> = arms.collect();
            if arms.is_empty() {
                TokenStream::new()
            } else {
                quote! {
                    #[allow(unreachable_patterns)]
                    match self {
                        #(#arms)*
                        _ => {}
                    }
                }
            }
        }
        Data::Union(data) => {
            cx.at(
                data.union_token.span,
                "`#[derive(Validate)]` goes on a struct or an enum",
            );
            TokenStream::new()
        }
    };
    let ident = &item.ident;
    let errors = cx.take();
    // On a mistake, an impl that checks nothing: one error per mistake.
    let body = if errors.is_some() {
        TokenStream::new()
    } else {
        complete_body
    };
    let errors = errors.map(syn::Error::into_compile_error);
    Ok(quote! {
        #[automatically_derived]
        #[allow(deprecated)]
        impl #krate::validation::Validate for #ident {
            fn validate(
                &self,
                path: &#krate::validation::FieldPath<'_>,
                errors: &mut #krate::ValidationErrors,
            ) {
                #[allow(unused_imports)]
                use #krate::__private::{SkipNested as _, ValidateNested as _};
                let _ = (&path, &errors);
                #body
            }
        }
        #errors
    })
}

/// A newtype's value sits where the newtype does.
fn newtype(krate: &Path, value: TokenStream) -> TokenStream {
    quote!((&#krate::__private::NestedProbe(#value)).seam_validate_nested(path, errors);)
}

/// `#[seam(crate = path)]` on the type.
fn container_crate(item: &DeriveInput, cx: &mut Ctxt) -> Option<Path> {
    let mut krate = None;
    for attr in item
        .attrs
        .iter()
        .filter(|attr| attr.path().is_ident("seam"))
    {
        let outcome = attr.parse_nested_meta(|meta| {
            if meta.path.is_ident("crate") {
                let value = meta.value()?;
                krate = Some(if value.peek(syn::LitStr) {
                    value.parse::<syn::LitStr>()?.parse::<Path>()?
                } else {
                    Path::parse_mod_style(value)?
                });
                Ok(())
            } else {
                let path = &meta.path;
                let name = quote!(#path).to_string();
                Err(meta.error(suggest::unknown(
                    "argument of `#[seam]` on a type",
                    &name,
                    &["crate"],
                )))
            }
        });
        if let Err(error) = outcome {
            cx.push(error);
        }
    }
    krate
}

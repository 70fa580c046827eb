//! The `#[seam_endpoint]` attribute of the seam-rs SDK. Use it through
//! `seamapi_core::seam_endpoint` or `seamapi::seam_endpoint`, whose documentation
//! describes every argument; this crate holds only the compile-time part.
//!
//! Built in phases, as serde_derive is: `attr` parses the attribute and the
//! fields' `#[seam(...)]` rules, `ast` reads them into a model, `check` checks
//! the model, `expand` writes the code; every phase reports into one
//! `ctxt::Ctxt`, so that all mistakes are reported together.

mod ast;
mod attr;
mod check;
mod ctxt;
mod derive;
mod expand;
mod pattern;
mod spec_check;
mod spec_table;
mod suggest;

use proc_macro::TokenStream;

/// Turns a parameter struct into a checked, serialisable, callable Seam endpoint,
/// for a crate that depends on `seam-core`. Documented at `seamapi_core::seam_endpoint`.
#[proc_macro_attribute]
pub fn seam_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    let runtime = syn::parse_quote!(::seamapi_core);
    expand::expand(args.into(), input.into(), runtime)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// The same attribute for a crate that depends only on the SDK crate, `seam`,
/// which re-exports it as `seamapi::seam_endpoint`: the runtime is reached through
/// `seam`'s hidden re-export of `seam-core`. No lookup of the caller's
/// `Cargo.toml` (as `proc-macro-crate` does) is needed, which would cost every
/// build a TOML parser.
#[doc(hidden)]
#[proc_macro_attribute]
pub fn seam_endpoint_for_seam(args: TokenStream, input: TokenStream) -> TokenStream {
    let runtime = syn::parse_quote!(::seamapi::__private::seamapi_core);
    expand::expand(args.into(), input.into(), runtime)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Checks the `#[seam(...)]` rules of a nested parameter object's fields (or of
/// each variant of a union) wherever it sits in a request. Documented at
/// `seamapi_core::Validate`.
#[proc_macro_derive(Validate, attributes(seam))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let runtime = syn::parse_quote!(::seamapi_core);
    derive::derive(input.into(), runtime)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// The same derive for a crate that depends only on `seam`.
#[doc(hidden)]
#[proc_macro_derive(ValidateForSeam, attributes(seam))]
pub fn derive_validate_for_seam(input: TokenStream) -> TokenStream {
    let runtime = syn::parse_quote!(::seamapi::__private::seamapi_core);
    derive::derive(input.into(), runtime)
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

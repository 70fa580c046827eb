//! The `#[seam_endpoint]` attribute of the seam-rs SDK. Use it through
//! `seam_core::seam_endpoint`, whose documentation describes every argument; this
//! crate holds only the compile-time part.

mod args;
mod errors;
mod expand;
mod fields;
mod suggest;

use proc_macro::TokenStream;

/// Turns a parameter struct into a checked, serialisable, callable Seam endpoint.
/// Documented at `seam_core::seam_endpoint`.
#[proc_macro_attribute]
pub fn seam_endpoint(args: TokenStream, input: TokenStream) -> TokenStream {
    expand::expand(args.into(), input.into())
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

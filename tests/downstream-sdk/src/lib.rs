//! A crate that depends only on `seam`, the SDK, and declares endpoints of its
//! own with `seamapi::seam_endpoint`, of every parameter shape Seam's API uses. It
//! compiles under `deny(warnings, missing_docs)`: the attribute reaches the
//! runtime through `seam`, without `seam-core` in this crate's `Cargo.toml`.

#![deny(warnings, missing_docs)]

use seamapi as sdk;

include!("../../downstream/src/shapes.rs");

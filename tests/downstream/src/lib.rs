//! A crate that depends only on `seam-core` and declares endpoints of its own with
//! `#[seam_endpoint]`, of every parameter shape Seam's API uses, as a user would
//! for a route the `seam` crate does not cover yet. It compiles under
//! `deny(warnings, missing_docs)`.

#![deny(warnings, missing_docs)]

use seamapi_core as sdk;

include!("shapes.rs");

//! seam-rs's generator input: a typed model of Seam Connect's trimmed OpenAPI
//! document (`spec/seam-connect.json`, exported by `scripts/export-spec.mjs` from the
//! `@seamapi/types` version pinned in `package.json`), and the counts that describe it.
//!
//! The generator that writes the SDK's endpoint modules from this model comes later.

pub mod spec;
pub mod summary;

pub use spec::{Spec, SpecError};
pub use summary::Summary;

//! seam-rs's generator: a typed model of Seam Connect's trimmed OpenAPI document
//! (`spec/seam-connect.json`, exported by `scripts/export-spec.mjs` from the
//! `@seamapi/types` version pinned in `package.json`), the counts that describe it,
//! and the SDK's resource models generated from it (`seam/src/models/`).

pub mod corrections;
pub mod emit;
pub mod emit_cli;
pub mod emit_route_tests;
pub mod emit_routes;
pub mod emit_spec_table;
/// The macro's pattern compiler, so that the generator emits only patterns the
/// macro compiles, and the tool checks a pattern with the SDK's own matcher.
#[path = "../../seam-macros/src/pattern.rs"]
#[allow(dead_code)]
mod macro_pattern;
pub mod models;
pub mod outputs;
pub mod routes;
pub mod spec;
pub mod summary;

pub use models::Models;
pub use spec::{Spec, SpecError};
pub use summary::Summary;

//! The endpoints this crate declares behave as the `seam` crate's do.

use seam_downstream as shapes;
use seamapi_core as sdk;

include!("shared/shapes.rs");

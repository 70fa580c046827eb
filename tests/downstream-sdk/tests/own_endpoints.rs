//! The endpoints this crate declares behave as the `seam` crate's do.

use seam_downstream_sdk as shapes;
use seamapi as sdk;

include!("../../downstream/tests/shared/shapes.rs");

//! The endpoints this crate declares behave as the `seam` crate's do.

use seam as sdk;
use seam_downstream_sdk as shapes;

include!("../../downstream/tests/shared/shapes.rs");

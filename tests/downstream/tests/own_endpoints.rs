//! The endpoints this crate declares behave as the `seam` crate's do.

use seam_core as sdk;
use seam_downstream as shapes;

include!("shared/shapes.rs");

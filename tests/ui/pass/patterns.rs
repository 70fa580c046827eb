//! Patterns with alternatives and repeated groups are checked before sending, as
//! JavaScript's `RegExp.test` would.
#![deny(warnings)]

use seamapi_core::{Endpoint, seam_endpoint};

#[seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(pattern = "^(ab)+|c$")]
    pub either: Option<String>,
    #[seam(pattern = r"^(?:\d{2}:){2}\d{2}$")]
    pub time: Option<String>,
    #[seam(pattern = "^(on|off|auto)$")]
    pub modes: Option<Vec<String>>,
}

fn broken(params: &UpdateThing) -> Vec<String> {
    match params.check() {
        Ok(()) => Vec::new(),
        Err(errors) => errors.violations().iter().map(|v| v.path.clone()).collect(),
    }
}

fn main() {
    let ok = UpdateThing::new()
        .either("abab")
        .time("12:30:00")
        .modes(vec!["on".to_owned(), "auto".to_owned()]);
    assert!(broken(&ok).is_empty());
    assert!(broken(&UpdateThing::new().either("xc")).is_empty());

    assert_eq!(broken(&UpdateThing::new().either("xab")), ["either"]);
    assert_eq!(broken(&UpdateThing::new().time("12:30")), ["time"]);
    assert_eq!(
        broken(&UpdateThing::new().modes(vec!["on".to_owned(), "of".to_owned()])),
        ["modes[1]"]
    );
}

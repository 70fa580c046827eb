//! Derives that build the struct (`Clone`, `Default`, `Deserialize`) work written
//! below the attribute, where they see the binding field: `Unbound` is `Clone`
//! and `Default`, and the field is skipped by serde (and defaulted on reading).
#![deny(warnings)]

use seamapi_core::{Bind, seam_endpoint};

#[seam_endpoint(path = "/things/update", unchecked)]
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize)]
pub struct UpdateThing {
    pub id: String,
    pub name: Option<String>,
    #[serde(default)]
    pub limit: Option<u32>,
}

fn main() {
    let read: UpdateThing = serde_json::from_str(r#"{"id":"a","name":"n"}"#).unwrap();
    assert_eq!(read, UpdateThing::new("a").name("n"));
    assert_eq!(read.clone(), read);
    assert_eq!(UpdateThing::default(), UpdateThing::new(""));
    // What is read is sent as it was written.
    assert_eq!(serde_json::to_string(&read).unwrap(), r#"{"id":"a","name":"n"}"#);

    // Clone covers the bound form too.
    let client = seamapi_core::Client::builder()
        .api_key("seam_key")
        .endpoint("http://127.0.0.1:9")
        .build()
        .unwrap();
    let bound = read.bind(&client);
    let _ = bound.clone().limit(1);
}

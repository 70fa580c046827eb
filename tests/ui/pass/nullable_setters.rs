//! A nullable parameter's setter takes what converts into its value, the
//! `Nullable` itself, or an `Option` (`None` is `null`); a numeric one takes a
//! literal without a suffix.
#![deny(warnings)]

use std::borrow::Cow;

use seamapi_core::{CustomMetadata, Nullable, seam_endpoint};

#[seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    pub name: Option<Nullable<String>>,
    pub metadata: Option<Nullable<CustomMetadata>>,
    pub limit: Option<Nullable<u32>>,
    pub ids: Option<Nullable<Vec<String>>>,
}

fn json(params: &UpdateThing) -> String {
    serde_json::to_string(params).unwrap()
}

fn main() {
    let set = |name: UpdateThing| json(&name);
    assert_eq!(set(UpdateThing::new("a").name("n")), r#"{"id":"a","name":"n"}"#);
    assert_eq!(set(UpdateThing::new("a").name(String::from("n"))), r#"{"id":"a","name":"n"}"#);
    assert_eq!(set(UpdateThing::new("a").name(Cow::Borrowed("n"))), r#"{"id":"a","name":"n"}"#);
    assert_eq!(set(UpdateThing::new("a").name('n')), r#"{"id":"a","name":"n"}"#);
    assert_eq!(set(UpdateThing::new("a").name(Nullable::Null)), r#"{"id":"a","name":null}"#);
    assert_eq!(set(UpdateThing::new("a").name(Nullable::Value("n".to_owned()))), r#"{"id":"a","name":"n"}"#);
    assert_eq!(set(UpdateThing::new("a").name(None::<&str>)), r#"{"id":"a","name":null}"#);
    assert_eq!(set(UpdateThing::new("a").name(Some("n"))), r#"{"id":"a","name":"n"}"#);

    assert_eq!(set(UpdateThing::new("a").metadata([("k", "v")])), r#"{"id":"a","metadata":{"k":"v"}}"#);
    assert_eq!(set(UpdateThing::new("a").metadata(CustomMetadata::new())), r#"{"id":"a","metadata":{}}"#);
    assert_eq!(set(UpdateThing::new("a").ids(vec!["x".to_owned()])), r#"{"id":"a","ids":["x"]}"#);

    assert_eq!(set(UpdateThing::new("a").limit(3)), r#"{"id":"a","limit":3}"#);
    assert_eq!(set(UpdateThing::new("a").limit(Nullable::Null)), r#"{"id":"a","limit":null}"#);
    assert_eq!(set(UpdateThing::new("a").limit(None)), r#"{"id":"a","limit":null}"#);
}

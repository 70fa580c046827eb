//! Without serde attributes the expansion writes `Serialize` itself; with them,
//! serde's derive does. Both write the same JSON: required fields always, unset
//! `Option`s left out, fields under `#[cfg]` only when compiled in, and a length
//! that counts only the fields present.
#![deny(warnings)]

use seamapi_core::{CustomMetadata, Nullable, seam_endpoint};

#[seam_endpoint(path = "/things/update", unchecked)]
pub struct Own {
    pub id: String,
    pub name: Option<String>,
    pub limit: Option<u32>,
    pub metadata: Option<CustomMetadata>,
    pub ends_at: Option<Nullable<String>>,
    #[cfg(any())]
    pub gone: Option<String>,
    pub r#type: Option<String>,
}

// `rename` to nothing new: only there to make serde's derive write the impl.
#[seam_endpoint(path = "/things/update", unchecked)]
pub struct Derived {
    #[serde(rename = "id")]
    pub id: String,
    pub name: Option<String>,
    pub limit: Option<u32>,
    pub metadata: Option<CustomMetadata>,
    pub ends_at: Option<Nullable<String>>,
    #[cfg(any())]
    pub gone: Option<String>,
    pub r#type: Option<String>,
}

// No required field, nothing set: an empty object.
#[seam_endpoint(path = "/things/list", unchecked)]
pub struct Empty {
    pub limit: Option<u32>,
}

fn main() {
    let own = Own::new("a");
    let derived = Derived::new("a");
    assert_eq!(serde_json::to_string(&own).unwrap(), r#"{"id":"a"}"#);
    assert_eq!(serde_json::to_string(&own).unwrap(), serde_json::to_string(&derived).unwrap());

    let own = Own::new("a").name("n").limit(2).metadata([("k", "v")]).ends_at(Nullable::Null).r#type("t");
    let derived = Derived::new("a").name("n").limit(2).metadata([("k", "v")]).ends_at(Nullable::Null).r#type("t");
    let json = r#"{"id":"a","name":"n","limit":2,"metadata":{"k":"v"},"ends_at":null,"type":"t"}"#;
    assert_eq!(serde_json::to_string(&own).unwrap(), json);
    assert_eq!(serde_json::to_string(&derived).unwrap(), json);
    assert_eq!(serde_json::to_value(&own).unwrap(), serde_json::to_value(&derived).unwrap());

    assert_eq!(serde_json::to_string(&Empty::new()).unwrap(), "{}");
    assert_eq!(serde_json::to_string(&Empty::new().limit(1)).unwrap(), r#"{"limit":1}"#);
}

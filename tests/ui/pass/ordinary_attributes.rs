//! Ordinary attributes work beside the macro, under `deny(warnings)`: derives
//! above or below it, `#[cfg]` on fields (with rules), `#[deprecated]` on the
//! struct and on fields, serde's own attributes.
#![deny(warnings)]

use seamapi_core::Bind;

// Above the attribute, derives see the struct as written: those that only read
// it work (and cover the unbound form); those that build it go below.
#[derive(Debug, PartialEq, Eq, Hash)]
#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct DerivesAbove {
    pub id: String,
    pub name: Option<String>,
}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct DerivesBelow {
    pub id: String,
    pub name: Option<String>,
}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct WithCfg {
    pub id: String,
    #[cfg(any())]
    #[seam(max_length = 3)]
    pub gone: Option<String>,
    #[cfg(any())]
    pub gone_too: String,
    #[cfg(all())]
    #[seam(max_length = 3)]
    pub kept: Option<String>,
}

#[deprecated = "Seam deprecated this route"]
#[seamapi_core::seam_endpoint(path = "/things/old", unchecked)]
pub struct OldRoute {
    pub id: String,
    #[deprecated = "Seam deprecated this parameter"]
    pub old: Option<String>,
    #[deprecated]
    pub old_required: String,
}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
#[derive(Debug)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SerdeAttributes {
    pub display_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", rename = "x")]
    pub other: Option<u8>,
}

#[allow(deprecated)]
fn use_deprecated() -> OldRoute {
    OldRoute::new("id", "r").old("o")
}

fn main() {
    use seamapi_core::Endpoint;

    let above = DerivesAbove::new("a").name("n");
    assert_eq!(format!("{above:?}"), r#"DerivesAbove { id: "a", name: Some("n") }"#);
    assert_eq!(above, DerivesAbove::new("a").name("n"));
    let below = DerivesBelow::new("b");
    let default: DerivesBelow = Default::default();
    assert_eq!(below.clone().name("n").id, default.name("m").id.replace("", "b"));
    let client = seamapi_core::Client::builder().api_key("seam_key").endpoint("http://127.0.0.1:9").build().unwrap();
    // Derives written below the attribute cover the bound form too.
    let bound = DerivesBelow::new("b").bind(&client);
    let _ = format!("{:?}", bound.clone());

    let with_cfg = WithCfg::new("i").kept("toolong");
    assert_eq!(serde_json::to_string(&with_cfg).unwrap(), r#"{"id":"i","kept":"toolong"}"#);
    assert_eq!(with_cfg.check().unwrap_err().violations()[0].path, "kept");

    let _ = use_deprecated();
    let serde = SerdeAttributes::new().display_name("d").other(1);
    assert_eq!(serde_json::to_string(&serde).unwrap(), r#"{"displayName":"d","x":1}"#);
}

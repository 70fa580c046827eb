//! Every legal field name works, under `deny(warnings)`: names of the methods a
//! bound call has (`timeout`, `send`, `pages`, ...), of the constructor (`new`),
//! raw identifiers, and a user type named as the builder of earlier versions.
#![deny(warnings)]

use seamapi_core::{Bind, Call};

#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Thing {
    pub id: String,
}

/// Not a generated type: earlier versions generated one of this name.
#[derive(Debug, serde::Serialize)]
pub struct UpdateThingBuilder {
    pub inner: u8,
}

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub client: String,
    pub timeout: Option<u32>,
    pub send: Option<bool>,
    pub params: Option<String>,
    pub into_request: Option<String>,
    pub bind: Option<bool>,
    pub unbind: Option<bool>,
    pub binding_mut: Option<bool>,
    pub new: Option<String>,
    pub r#match: Option<String>,
    pub r#type: Option<String>,
    pub builder: Option<UpdateThingBuilder>,
}

#[seamapi_core::seam_endpoint(path = "/things/create", idempotent = false, unchecked)]
pub struct CreateThing {
    pub new: String,
    #[seam(setter = "with_value")]
    pub value: Option<u32>,
}

#[seamapi_core::seam_endpoint(path = "/things/list", response = Thing, response_key = "things", paginated, unchecked)]
pub struct ListThings {
    pub pages: Option<u32>,
    pub items: Option<Vec<String>>,
    pub page_cursor: Option<String>,
}

fn main() {
    let params = UpdateThing::new("c")
        .timeout(5)
        .send(true)
        .params("p")
        .into_request("r")
        .bind(true)
        .unbind(false)
        .binding_mut(true)
        .set_new("n")
        .r#match("m")
        .r#type("t")
        .builder(UpdateThingBuilder { inner: 1 });
    assert_eq!(
        serde_json::to_value(&params).unwrap(),
        serde_json::json!({
            "client": "c", "timeout": 5, "send": true, "params": "p", "into_request": "r",
            "bind": true, "unbind": false, "binding_mut": true, "new": "n", "match": "m",
            "type": "t", "builder": {"inner": 1}
        })
    );
    let client = seamapi_core::Client::builder().api_key("seam_key").endpoint("http://127.0.0.1:9").build().unwrap();
    // The setters win; the call's own methods stay reachable through the trait.
    let bound = Bind::bind(params, &client).timeout(6);
    let bound = Call::timeout(bound, std::time::Duration::from_secs(1));
    let _future = Call::send(bound);
    let _ = CreateThing::new("n").with_value(1);
    let listing = ListThings::new().pages(2).items(vec!["a".to_owned()]).bind(&client);
    let _pages = Call::pages(listing);
}

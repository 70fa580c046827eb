//! The endpoints this crate declares behave as the `seam` crate's do.

use seam_core::Endpoint;
use seam_downstream::{GetDevice, ListDevices};

fn violations(params: &impl Endpoint) -> Vec<String> {
    params.check().err().map_or_else(Vec::new, |errors| {
        errors
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect()
    })
}

#[test]
fn serialises_only_what_is_set() {
    let params = ListDevices::new()
        .limit(2)
        .device_types(vec!["august_lock".to_owned()]);
    assert_eq!(
        serde_json_string(&params),
        r#"{"device_types":["august_lock"],"limit":2}"#
    );
    assert_eq!(
        serde_json_string(&GetDevice::new("d1")),
        r#"{"device_id":"d1"}"#
    );
}

#[test]
fn validates_every_rule() {
    let params = ListDevices::new()
        .connected_account_id("")
        .device_ids(Vec::<String>::new())
        .device_types(vec!["august_lock".to_owned(), "toaster".to_owned()]);
    assert_eq!(
        violations(&params),
        [
            "connected_account_id is empty, at least 1 required",
            "device_ids is empty, at least 1 required",
            "device_types[1] is \"toaster\", expected one of [\"august_lock\", \"schlage_lock\", \"ecobee_thermostat\"]",
        ]
    );
}

#[test]
fn declares_the_route() {
    assert_eq!(ListDevices::PATH, "/devices/list");
    const { assert!(ListDevices::IDEMPOTENT) };
    assert_eq!(GetDevice::RESPONSE_KEY, Some("device"));
}

#[test]
fn decodes_a_page() {
    let body = br#"{"devices": [{"device_id": "d1", "device_type": "august_lock", "extra": 1}],
        "pagination": {"has_next_page": false, "next_page_cursor": null, "next_page_url": null}, "ok": true}"#;
    let page = ListDevices::decode(body).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].device_id, "d1");
    assert_eq!(page.next_cursor(), None);
}

fn serde_json_string(params: &impl Endpoint) -> String {
    seam_core::__private::serde_json::to_string(params).unwrap()
}

//! Every validation rule of the `connected_accounts` endpoints, just inside and just
//! outside its limit. Where Seam's fake server validates the same parameter, the
//! same body is also sent to it directly (past our checks), and both verdicts must
//! agree: our checks are neither laxer nor stricter than Seam's.

use seamapi::connected_accounts::{ListConnectedAccounts, UpdateConnectedAccount};
use seamapi::{CustomMetadata, Endpoint};
use seamapi_fake::FakeSeam;
use serde_json::{Value, json};

/// Whether our checks accept the parameters.
fn we_accept(params: &impl Endpoint) -> bool {
    params.check().is_ok()
}

/// Whether the fake accepts the same body, sent as it is.
fn seam_accepts(fake: &FakeSeam, path: &str, body: &Value) -> bool {
    let authorization = format!("Bearer {}", fake.api_key());
    let response = fake
        .post_json(path, &[("Authorization", &authorization)], body)
        .unwrap();
    match response.status {
        200 => true,
        400 => {
            assert!(response.body.contains("invalid_input"), "{}", response.body);
            false
        }
        status => panic!("unexpected {status} from the fake: {}", response.body),
    }
}

struct Case {
    name: String,
    metadata: CustomMetadata,
    accepted: bool,
}

fn case(
    name: impl Into<String>,
    pairs: impl IntoIterator<Item = (String, seamapi::MetadataValue)>,
    accepted: bool,
) -> Case {
    Case {
        name: name.into(),
        metadata: pairs.into_iter().collect(),
        accepted,
    }
}

fn metadata_cases() -> Vec<Case> {
    let pairs = |count: usize| {
        (0..count)
            .map(|index| (format!("key{index}"), "value".into()))
            .collect::<Vec<_>>()
    };
    let one = |key: String, value: seamapi::MetadataValue| vec![(key, value)];
    vec![
        case("50 pairs", pairs(50), true),
        case("51 pairs", pairs(51), false),
        case("40-character key", one("k".repeat(40), "v".into()), true),
        case("41-character key", one("k".repeat(41), "v".into()), false),
        case(
            "key of 20 emoji (40 UTF-16 units)",
            one("😀".repeat(20), "v".into()),
            true,
        ),
        case(
            "key of 21 emoji (42 UTF-16 units)",
            one("😀".repeat(21), "v".into()),
            false,
        ),
        case(
            "key of 40 accented letters",
            one("é".repeat(40), "v".into()),
            true,
        ),
        case("empty key", one(String::new(), "v".into()), true),
        case(
            "500-character value",
            one("k".into(), "v".repeat(500).into()),
            true,
        ),
        case(
            "501-character value",
            one("k".into(), "v".repeat(501).into()),
            false,
        ),
        case(
            "value of 250 emoji (500 UTF-16 units)",
            one("k".into(), "😀".repeat(250).into()),
            true,
        ),
        case(
            "value of 251 emoji (502 UTF-16 units)",
            one("k".into(), "😀".repeat(251).into()),
            false,
        ),
        case(
            "value of 500 CJK characters",
            one("k".into(), "漢".repeat(500).into()),
            true,
        ),
        case(
            "value of 501 CJK characters",
            one("k".into(), "漢".repeat(501).into()),
            false,
        ),
        case("empty value", one("k".into(), "".into()), true),
        case(
            "null value",
            one("k".into(), seamapi::MetadataValue::Null),
            true,
        ),
        case("boolean value", one("k".into(), true.into()), true),
        case("number value", one("k".into(), 42.into()), true),
    ]
}

#[test]
fn custom_metadata_limits_agree_with_seams() {
    let fake = FakeSeam::start().unwrap();
    let mut tried = 0;
    for Case {
        name,
        metadata,
        accepted,
    } in metadata_cases()
    {
        let params =
            UpdateConnectedAccount::new(fake.john_connected_account_id()).custom_metadata(metadata);
        let body = serde_json::to_value(&params).unwrap();
        assert_eq!(we_accept(&params), accepted, "ours, {name}");
        assert_eq!(
            seam_accepts(&fake, "/connected_accounts/update", &body),
            accepted,
            "Seam's, {name}"
        );
        tried += 1;
    }
    eprintln!("[limits] {tried} custom metadata edges, both sides agree");
}

#[test]
fn shapes_our_type_cannot_express_are_refused_by_seam_too() {
    let fake = FakeSeam::start().unwrap();
    let id = fake.john_connected_account_id();
    for value in [json!({"nested": true}), json!([1, 2])] {
        let body = json!({"connected_account_id": id, "custom_metadata": {"k": value}});
        assert!(
            !seam_accepts(&fake, "/connected_accounts/update", &body),
            "{body}"
        );
        assert!(serde_json::from_value::<CustomMetadata>(body["custom_metadata"].clone()).is_err());
    }
}

#[test]
fn limits_the_fake_does_not_check_follow_seams_api_reference() {
    // The fake ignores these parameters; Seam's OpenAPI document bounds them.
    let update = || UpdateConnectedAccount::new("id");
    assert!(we_accept(&update().display_name("d")));
    assert!(we_accept(&update().display_name("d".repeat(255))));
    assert!(we_accept(&update().display_name("😀".repeat(127))));
    assert!(!we_accept(&update().display_name("")));
    assert!(!we_accept(&update().display_name("d".repeat(256))));
    assert!(!we_accept(&update().display_name("😀".repeat(128))));
    assert!(we_accept(&update().customer_key("c")));
    assert!(!we_accept(&update().customer_key("")));
    assert!(we_accept(&ListConnectedAccounts::new().search("a")));
    assert!(!we_accept(&ListConnectedAccounts::new().search("")));
}

#[test]
fn connected_account_ids_are_opaque() {
    // Seam's reference says UUID; the fake's seeded ids are not, and both work.
    for id in [
        "a289aa54-5488-4707-9a4b-eeea4edf311d",
        "john_connected_account_id",
        "",
        "x y",
    ] {
        assert!(we_accept(&UpdateConnectedAccount::new(id)), "{id:?}");
    }
}

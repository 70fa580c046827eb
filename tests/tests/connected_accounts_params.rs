//! The generated connected-account routes as the hand-written ones were: what
//! their parameters serialise to and which rules they check, without a server.

use seamapi::connected_accounts::{
    ConnectedAccountSelector, DeleteConnectedAccount, GetConnectedAccount, ListConnectedAccounts,
    UpdateConnectedAccount,
};
use seamapi::models::ConnectedAccount;
use seamapi::models::connect_webview::ConnectWebviewAcceptedCapability as AcceptedCapability;
use seamapi::{CustomMetadata, Endpoint};
use serde_json::{Value, json};

const SEED_ID: &str = "a289aa54-5488-4707-9a4b-eeea4edf311d";

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
fn seed_example_serialises_as_seams_curl_example() {
    let params = UpdateConnectedAccount::new(SEED_ID)
        .automatically_manage_new_devices(true)
        .custom_metadata([("id", "internalId1")]);
    // The body of the cURL example on docs.seam.co, key for key.
    let curl_body = r#"{
        "connected_account_id": "a289aa54-5488-4707-9a4b-eeea4edf311d",
        "automatically_manage_new_devices": true,
        "custom_metadata": {"id": "internalId1"}
    }"#;
    let expected: Value = serde_json::from_str(curl_body).unwrap();
    assert_eq!(serde_json::to_value(&params).unwrap(), expected);
    assert!(violations(&params).is_empty());
}

#[test]
fn unset_options_are_left_out_not_null() {
    let params = UpdateConnectedAccount::new("id");
    assert_eq!(
        serde_json::to_string(&params).unwrap(),
        r#"{"connected_account_id":"id"}"#
    );
}

#[test]
fn every_parameter_serialises() {
    let params = UpdateConnectedAccount::new("id")
        .automatically_manage_new_devices(false)
        .custom_metadata(
            CustomMetadata::new()
                .with("vip", true)
                .with("gone", None::<String>),
        )
        .display_name("House 1")
        .customer_key("customer_1")
        .accepted_capabilities([AcceptedCapability::Lock, AcceptedCapability::NoiseSensor]);
    assert_eq!(
        serde_json::to_value(&params).unwrap(),
        json!({
            "connected_account_id": "id",
            "automatically_manage_new_devices": false,
            "custom_metadata": {"vip": true, "gone": null},
            "display_name": "House 1",
            "customer_key": "customer_1",
            "accepted_capabilities": ["lock", "noise_sensor"],
        })
    );
}

#[test]
fn endpoint_constants() {
    assert_eq!(UpdateConnectedAccount::PATH, "/connected_accounts/update");
    assert_eq!(UpdateConnectedAccount::METHOD, seamapi_core::Method::Post);
    const { assert!(UpdateConnectedAccount::IDEMPOTENT) };
    assert_eq!(UpdateConnectedAccount::RESPONSE_KEY, None);
    assert_eq!(GetConnectedAccount::RESPONSE_KEY, Some("connected_account"));
    assert_eq!(
        ListConnectedAccounts::RESPONSE_KEY,
        Some("connected_accounts")
    );
    const { assert!(DeleteConnectedAccount::IDEMPOTENT) };
}

#[test]
fn every_violation_is_collected_with_its_path() {
    let metadata: CustomMetadata = (0..51).map(|index| (format!("key{index}"), "v")).collect();
    let params = UpdateConnectedAccount::new("id")
        .custom_metadata(metadata.with("k".repeat(41), "v".repeat(501)))
        .display_name("")
        .customer_key("");
    let long_key = "k".repeat(41);
    assert_eq!(
        violations(&params),
        [
            "custom_metadata has 52 entries, at most 50 allowed".to_owned(),
            format!("custom_metadata.{long_key} has 41 characters in its key, at most 40 allowed"),
            format!("custom_metadata.{long_key} has 501 characters, at most 500 allowed"),
            // In the fields' order, which is the spec's.
            "customer_key is empty, at least 1 required".to_owned(),
            "display_name is empty, at least 1 required".to_owned(),
        ]
    );
}

#[test]
fn limits_hold_at_their_edges() {
    let metadata: CustomMetadata = (0..50)
        .map(|index| (format!("{index:0>40}"), "v".repeat(500)))
        .collect();
    let inside = UpdateConnectedAccount::new("id")
        .custom_metadata(metadata)
        .display_name("d".repeat(255));
    assert!(violations(&inside).is_empty());
    let outside = UpdateConnectedAccount::new("id").display_name("d".repeat(256));
    assert_eq!(
        violations(&outside),
        ["display_name has 256 characters, at most 255 allowed"]
    );
}

#[test]
fn get_selects_by_id_or_email() {
    let by_id = GetConnectedAccount::new(ConnectedAccountSelector::Id {
        connected_account_id: "a".into(),
    });
    assert_eq!(
        serde_json::to_value(&by_id).unwrap(),
        json!({"connected_account_id": "a"})
    );
    let by_email = GetConnectedAccount::new(ConnectedAccountSelector::Email {
        email: "j@example.com".into(),
    });
    assert_eq!(
        serde_json::to_value(&by_email).unwrap(),
        json!({"email": "j@example.com"})
    );
}

#[test]
fn list_sends_only_its_filters() {
    let params = ListConnectedAccounts::new()
        .limit(1)
        .custom_metadata_has([("id", "x")]);
    assert_eq!(
        serde_json::to_value(&params).unwrap(),
        json!({"limit": 1, "custom_metadata_has": {"id": "x"}})
    );
    assert_eq!(
        violations(&ListConnectedAccounts::new().search("")),
        ["search is empty, at least 1 required"]
    );
}

#[test]
#[allow(deprecated)] // `user_identifier`, which Seam deprecates, still decodes.
fn connected_account_decodes_what_the_fake_sends_and_ignores_the_rest() {
    // As Seam's fake server answers: no `errors`/`warnings`, extra fields.
    let body = json!({
        "connected_account_id": "john_connected_account_id",
        "created_at": "2024-01-01T00:00:00.000Z",
        "user_identifier": {"email": "john@example.com"},
        "account_type": "august",
        "account_type_display_name": "August",
        "display_name": "John's August",
        "automatically_manage_new_devices": true,
        "custom_metadata": {"id": "internalId1", "n": 5, "gone": null},
        "provider": "august",
        "workspace_id": "seed_workspace_1",
    });
    let account: ConnectedAccount = serde_json::from_value(body).unwrap();
    assert_eq!(account.connected_account_id, "john_connected_account_id");
    assert_eq!(
        account.user_identifier.unwrap().email.as_deref(),
        Some("john@example.com")
    );
    assert!(account.errors.is_empty());
    assert_eq!(account.display_name, "John's August");
    assert_eq!(account.custom_metadata.len(), 3);
}

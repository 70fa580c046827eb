//! [Connected accounts](https://docs.seam.co/latest/api/connected_accounts): the
//! accounts of device providers (August, Schlage, ecobee…) linked to a workspace.

use std::collections::BTreeMap;

use seamapi_core::__private::bind_to;
use seamapi_core::{Binder, Client, CustomMetadata, seam_endpoint};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The connected-account routes, reached with `seam.connected_accounts()`.
#[derive(Debug)]
pub struct ConnectedAccounts<'a, C = Client> {
    client: &'a C,
}

impl<C> Clone for ConnectedAccounts<'_, C> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<C> Copy for ConnectedAccounts<'_, C> {}

impl<'a, C: Binder> ConnectedAccounts<'a, C> {
    /// The namespace on `client`.
    pub fn new(client: &'a C) -> Self {
        Self { client }
    }

    /// Updates a connected account:
    /// [docs](https://docs.seam.co/latest/api/connected_accounts/update).
    pub fn update(
        &self,
        connected_account_id: impl Into<String>,
    ) -> UpdateConnectedAccount<C::Binding> {
        bind_to(
            UpdateConnectedAccount::new(connected_account_id),
            self.client,
        )
    }

    /// Gets a connected account by its ID:
    /// [docs](https://docs.seam.co/latest/api/connected_accounts/get).
    pub fn get(&self, connected_account_id: impl Into<String>) -> GetConnectedAccount<C::Binding> {
        let selector = ConnectedAccountSelector::Id {
            connected_account_id: connected_account_id.into(),
        };
        bind_to(GetConnectedAccount::new(selector), self.client)
    }

    /// Gets a connected account by the email address of its account:
    /// [docs](https://docs.seam.co/latest/api/connected_accounts/get).
    pub fn get_by_email(&self, email: impl Into<String>) -> GetConnectedAccount<C::Binding> {
        bind_to(
            GetConnectedAccount::new(ConnectedAccountSelector::Email {
                email: email.into(),
            }),
            self.client,
        )
    }

    /// Lists connected accounts, a page at a time; `.items()` walks every page:
    /// [docs](https://docs.seam.co/latest/api/connected_accounts/list).
    pub fn list(&self) -> ListConnectedAccounts<C::Binding> {
        bind_to(ListConnectedAccounts::new(), self.client)
    }

    /// Deletes a connected account and the devices under it:
    /// [docs](https://docs.seam.co/latest/api/connected_accounts/delete).
    pub fn delete(
        &self,
        connected_account_id: impl Into<String>,
    ) -> DeleteConnectedAccount<C::Binding> {
        bind_to(
            DeleteConnectedAccount::new(connected_account_id),
            self.client,
        )
    }

    /// Asks Seam to sync a connected account with its provider now:
    /// [docs](https://docs.seam.co/latest/api/connected_accounts/sync).
    pub fn sync(
        &self,
        connected_account_id: impl Into<String>,
    ) -> SyncConnectedAccount<C::Binding> {
        bind_to(SyncConnectedAccount::new(connected_account_id), self.client)
    }
}

/// A kind of device a connected account may bring in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum AcceptedCapability {
    /// Locks.
    Lock,
    /// Thermostats.
    Thermostat,
    /// Noise sensors.
    NoiseSensor,
    /// Access control systems.
    AccessControl,
    /// Cameras.
    Camera,
}

/// Updates a connected account. Seam answers nothing a caller needs.
#[seam_endpoint(path = "/connected_accounts/update", idempotent = true)]
#[derive(Debug, Clone)]
pub struct UpdateConnectedAccount {
    /// ID of the connected account to update.
    pub connected_account_id: String,
    /// Whether devices added to the account later become managed devices.
    pub automatically_manage_new_devices: Option<bool>,
    /// Replaces the account's custom metadata: at most 50 pairs.
    #[seam(max_entries = 50)]
    pub custom_metadata: Option<CustomMetadata>,
    /// The name shown in Seam's console.
    #[seam(min_length = 1, max_length = 255)]
    pub display_name: Option<String>,
    /// Moves the account and everything under it to this customer; only for an
    /// account without a customer.
    #[seam(min_length = 1)]
    pub customer_key: Option<String>,
    /// The kinds of device the account may bring in.
    pub accepted_capabilities: Option<Vec<AcceptedCapability>>,
}

/// How [`GetConnectedAccount`] finds the account: by ID or by email, exactly one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum ConnectedAccountSelector {
    /// By the connected account's ID.
    Id {
        /// The ID.
        connected_account_id: String,
    },
    /// By the email address of the provider account.
    Email {
        /// The email address.
        email: String,
    },
}

/// Gets one connected account.
#[seam_endpoint(
    path = "/connected_accounts/get",
    response = ConnectedAccount,
    response_key = "connected_account",
    idempotent = true
)]
#[derive(Debug, Clone)]
pub struct GetConnectedAccount {
    /// The ID or the email that finds the account.
    #[serde(flatten)]
    pub selector: ConnectedAccountSelector,
}

/// Lists connected accounts, a page at a time.
#[seam_endpoint(
    path = "/connected_accounts/list",
    response = ConnectedAccount,
    response_key = "connected_accounts",
    paginated,
    idempotent = true
)]
#[derive(Debug, Clone)]
pub struct ListConnectedAccounts {
    /// Only accounts whose custom metadata holds all of these pairs.
    pub custom_metadata_has: Option<CustomMetadata>,
    /// Only accounts of this customer.
    pub customer_key: Option<String>,
    /// Only accounts of the user with this key.
    pub user_identifier_key: Option<String>,
    /// Only accounts that partly match this text in their ID, type, customer key,
    /// custom metadata or user identifier.
    #[seam(min_length = 1)]
    pub search: Option<String>,
    /// Only accounts in this space.
    pub space_id: Option<String>,
    /// At most this many accounts a page.
    pub limit: Option<u32>,
    /// The page to get, from the previous page's `next_page_cursor`; walking pages
    /// with `.pages()` or `.items()` sets it. Seam refuses an empty one.
    #[seam(min_length = 1)]
    pub page_cursor: Option<String>,
}

/// Deletes a connected account.
#[seam_endpoint(path = "/connected_accounts/delete", idempotent = true)]
#[derive(Debug, Clone)]
pub struct DeleteConnectedAccount {
    /// ID of the connected account to delete.
    pub connected_account_id: String,
}

/// Syncs a connected account with its provider.
#[seam_endpoint(path = "/connected_accounts/sync", idempotent = true)]
#[derive(Debug, Clone)]
pub struct SyncConnectedAccount {
    /// ID of the connected account to sync.
    pub connected_account_id: String,
}

/// A provider account linked to a workspace. Fields Seam leaves out decode as their
/// defaults, and fields this version does not know are kept in [`extra`](Self::extra).
///
/// [`crate::models::ConnectedAccount`] is the same resource generated from the spec:
/// `automatically_manage_new_devices`, `display_name` and `account_type_display_name`
/// are required there (not `Option`s), capabilities are an enum, and unknown fields
/// are not kept, so it is no drop-in replacement for this one yet.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct ConnectedAccount {
    /// The connected account's ID.
    pub connected_account_id: String,
    /// The provider, such as `august`.
    #[serde(default)]
    pub account_type: Option<String>,
    /// The provider's name for people, such as `August`.
    #[serde(default)]
    pub account_type_display_name: Option<String>,
    /// The name shown in Seam's console.
    #[serde(default)]
    pub display_name: Option<String>,
    /// When the account was connected (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
    /// Who the account belongs to at the provider.
    #[serde(default)]
    pub user_identifier: Option<UserIdentifier>,
    /// The account's custom metadata.
    #[serde(default)]
    pub custom_metadata: CustomMetadata,
    /// Whether devices added later become managed devices.
    #[serde(default)]
    pub automatically_manage_new_devices: Option<bool>,
    /// The kinds of device the account may bring in.
    #[serde(default)]
    pub accepted_capabilities: Vec<String>,
    /// The customer the account belongs to.
    #[serde(default)]
    pub customer_key: Option<String>,
    /// Problems that stop the account from working.
    #[serde(default)]
    pub errors: Vec<Value>,
    /// Problems that do not stop it.
    #[serde(default)]
    pub warnings: Vec<Value>,
    /// Fields this version of the SDK does not know, as Seam sent them.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// Who a connected account belongs to at its provider.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[non_exhaustive]
pub struct UserIdentifier {
    /// The username.
    #[serde(default)]
    pub username: Option<String>,
    /// The email address.
    #[serde(default)]
    pub email: Option<String>,
    /// The phone number.
    #[serde(default)]
    pub phone: Option<String>,
    /// The provider's API URL.
    #[serde(default)]
    pub api_url: Option<String>,
    /// Whether the identifier is exclusive to this account.
    #[serde(default)]
    pub exclusive: Option<bool>,
}

#[cfg(test)]
mod tests {
    use seamapi_core::Endpoint;
    use serde_json::json;

    use super::*;

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
                format!(
                    "custom_metadata.{long_key} has 41 characters in its key, at most 40 allowed"
                ),
                format!("custom_metadata.{long_key} has 501 characters, at most 500 allowed"),
                "display_name is empty, at least 1 required".to_owned(),
                "customer_key is empty, at least 1 required".to_owned(),
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
    fn connected_account_decodes_what_the_fake_sends_and_keeps_the_rest() {
        // As Seam's fake server answers: no `errors`/`warnings`, extra fields.
        let body = json!({
            "connected_account_id": "john_connected_account_id",
            "created_at": "2024-01-01T00:00:00.000Z",
            "user_identifier": {"email": "john@example.com"},
            "account_type": "august",
            "account_type_display_name": "August",
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
        assert_eq!(account.extra["workspace_id"], "seed_workspace_1");
        assert_eq!(account.custom_metadata.len(), 3);
    }
}

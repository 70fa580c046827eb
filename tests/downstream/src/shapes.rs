// Endpoints of every parameter shape Seam's API uses, declared as a user would.
// Included by two crates: `seam-downstream` (depends only on seam-core, `sdk` is
// `seamapi_core`) and `seam-downstream-sdk` (depends only on seam, `sdk` is `seam`).
// Both compile it under `deny(warnings, missing_docs)`.

use std::collections::BTreeMap;

use sdk::serde::{Deserialize, Serialize};
use sdk::{CustomMetadata, Nullable, Validate};

/// A device, as far as this crate cares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(crate = "sdk::serde")]
pub struct Device {
    /// The device's ID.
    pub device_id: String,
    /// The kind of device, such as `august_lock`.
    pub device_type: String,
}

/// A string enum: its values are checked by the type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(crate = "sdk::serde", rename_all = "snake_case")]
pub enum DeviceType {
    /// An August lock.
    AugustLock,
    /// A Schlage lock.
    SchlageLock,
    /// An ecobee thermostat.
    EcobeeThermostat,
}

/// Lists devices, a page at a time: filters, a string enum, a list with bounds.
#[sdk::seam_endpoint(
    path = "/devices/list",
    response = Device,
    response_key = "devices",
    paginated,
    idempotent = true
)]
#[derive(Debug, Clone)]
pub struct ListDevices {
    /// Only devices of this connected account.
    #[seam(min_length = 1)]
    pub connected_account_id: Option<String>,
    /// Only these devices.
    #[seam(min_entries = 1, max_entries = 100)]
    pub device_ids: Option<Vec<String>>,
    /// Only devices of these kinds, as text.
    #[seam(one_of = ["august_lock", "schlage_lock", "ecobee_thermostat"])]
    pub device_types: Option<Vec<String>>,
    /// Only devices of this kind.
    pub device_type: Option<DeviceType>,
    /// At most this many devices a page.
    #[seam(minimum = 1, maximum = 500)]
    pub limit: Option<u32>,
    /// The page to get.
    pub page_cursor: Option<String>,
}

/// "Exactly one of": a device by its ID or by its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Validate)]
#[serde(crate = "sdk::serde", untagged)]
pub enum DeviceSelector {
    /// By ID.
    Id {
        /// The device's ID.
        #[seam(min_length = 1)]
        device_id: String,
    },
    /// By name.
    Name {
        /// The device's name.
        #[seam(min_length = 1, max_length = 100)]
        name: String,
    },
}

/// Gets one device, by ID or by name.
#[sdk::seam_endpoint(path = "/devices/get", response = Device, response_key = "device", idempotent = true)]
#[derive(Debug, Clone)]
pub struct GetDevice {
    /// Which device.
    #[serde(flatten)]
    pub selector: DeviceSelector,
}

/// A selector plus common fields: unlock a door found by ID or by name.
#[sdk::seam_endpoint(path = "/locks/unlock_door", idempotent = false)]
#[derive(Debug, Clone)]
pub struct UnlockDoor {
    /// Which lock.
    #[serde(flatten)]
    pub selector: DeviceSelector,
    /// Wait for the lock to answer.
    pub sync: Option<bool>,
}

/// Discriminated variants: what each HVAC mode takes.
#[derive(Debug, Clone, PartialEq, Serialize, Validate)]
#[serde(crate = "sdk::serde", tag = "hvac_mode_setting", rename_all = "snake_case")]
pub enum HvacMode {
    /// Off: nothing more.
    Off,
    /// Eco: nothing more.
    Eco,
    /// Heat to a set point.
    Heat {
        /// In °F.
        #[seam(minimum = 40, maximum = 90)]
        heating_set_point_fahrenheit: f64,
    },
    /// Cool to a set point.
    Cool {
        /// In °F.
        #[seam(minimum = 50, maximum = 100)]
        cooling_set_point_fahrenheit: f64,
    },
}

/// Sets a thermostat's HVAC mode (Seam's `/thermostats/set_hvac_mode`).
#[sdk::seam_endpoint(path = "/thermostats/set_hvac_mode", idempotent = true)]
#[derive(Debug, Clone)]
pub struct SetHvacMode {
    /// The thermostat.
    pub device_id: String,
    /// The mode, with what it takes.
    #[serde(flatten)]
    pub mode: HvacMode,
}

/// A nested object, three levels deep, validated recursively.
#[derive(Debug, Clone, PartialEq, Serialize, Validate)]
#[serde(crate = "sdk::serde")]
pub struct AccessMethod {
    /// How the user gets in.
    #[seam(one_of = ["code", "card", "mobile_key"])]
    pub mode: String,
    /// The code, for `code`.
    #[seam(min_length = 4, max_length = 8)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// When it is valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub schedule: Option<Schedule>,
}

/// When an access method is valid.
#[derive(Debug, Clone, PartialEq, Serialize, Validate)]
#[serde(crate = "sdk::serde")]
pub struct Schedule {
    /// Start (RFC 3339).
    #[seam(min_length = 1)]
    pub starts_at: String,
    /// Days of the week, 0 to 6.
    #[seam(max_entries = 7)]
    pub weekdays: Vec<u8>,
}

/// Creates an access grant: arrays of nested objects, a nullable parameter,
/// custom metadata in a map, a non-finite float refused.
#[sdk::seam_endpoint(path = "/access_grants/create", response = AccessGrant, response_key = "access_grant", idempotent = false)]
#[derive(Debug, Clone)]
pub struct CreateAccessGrant {
    /// Who gets access.
    pub user_identity_id: String,
    /// How, at least one way.
    #[seam(min_entries = 1, max_entries = 10)]
    pub requested_access_methods: Vec<AccessMethod>,
    /// A name, or `null` to leave it unnamed.
    #[seam(min_length = 1, max_length = 100)]
    pub name: Option<Nullable<String>>,
    /// Metadata per space: newer than the pinned spec, so not checked against it.
    #[seam(unchecked)]
    pub space_metadata: Option<BTreeMap<String, CustomMetadata>>,
    /// A weight above 0: newer than the pinned spec, so not checked against it.
    #[seam(exclusive_minimum = 0, unchecked)]
    pub weight: Option<f64>,
}

/// An access grant, as far as this crate cares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(crate = "sdk::serde")]
pub struct AccessGrant {
    /// Its ID.
    pub access_grant_id: String,
}

/// Wire names: raw identifiers and serde's renames.
#[sdk::seam_endpoint(path = "/things/update", idempotent = true, unchecked)]
#[derive(Debug, Clone)]
#[serde(rename_all = "camelCase")]
pub struct UpdateThing {
    /// The thing.
    pub thing_id: String,
    /// A parameter named as a Rust keyword.
    #[seam(one_of = ["exact", "prefix"])]
    pub r#match: Option<String>,
    /// A parameter Seam spells in camel case.
    #[seam(min_length = 1)]
    pub display_name: Option<String>,
    /// Renamed explicitly.
    #[serde(rename = "kind")]
    #[seam(max_length = 3)]
    pub thing_kind: Option<String>,
    /// A time stamp, as a pattern says.
    #[seam(pattern = r"^\d{8}T\d{4}$")]
    pub starts_at: Option<String>,
    /// Event types, each as a pattern says.
    #[seam(pattern = r"^([a-z])[a-z_.]*[a-z]+$")]
    pub event_types: Option<Vec<String>>,
}

/// A deprecated route with a deprecated parameter, and a field only on some
/// platforms.
#[deprecated = "Seam deprecated this route: use `UpdateThing`"]
#[sdk::seam_endpoint(path = "/things/legacy_update", idempotent = true, unchecked)]
#[derive(Debug, Clone)]
pub struct LegacyUpdateThing {
    /// The thing.
    pub thing_id: String,
    /// Replaced by `name`.
    #[deprecated = "use `name`"]
    pub label: Option<String>,
    /// The name.
    pub name: Option<String>,
    /// Only where the platform has it.
    #[cfg(unix)]
    #[seam(max_length = 10)]
    pub unix_only: Option<String>,
}

/// A route without parameters that answers nothing.
#[sdk::seam_endpoint(path = "/workspaces/reset_sandbox", idempotent = false)]
#[derive(Debug, Clone, Default)]
pub struct ResetSandbox {}

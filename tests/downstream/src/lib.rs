//! A crate that depends only on `seam-core` and declares endpoints of its own with
//! `#[seam_endpoint]`, as a user of the SDK would for a route the `seam` crate does
//! not cover yet. It compiles under `deny(warnings, missing_docs)`.

#![deny(warnings, missing_docs)]

use seam_core::seam_endpoint;
use seam_core::serde::Deserialize;

/// A device, as far as this crate cares.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(crate = "seam_core::serde")]
pub struct Device {
    /// The device's ID.
    pub device_id: String,
    /// The kind of device, such as `august_lock`.
    pub device_type: String,
}

/// Lists devices, a page at a time.
#[seam_endpoint(path = "/devices/list", response = Device, response_key = "devices", paginated)]
#[derive(Debug, Clone)]
pub struct ListDevices {
    /// Only devices of this connected account.
    #[seam(min_length = 1)]
    pub connected_account_id: Option<String>,
    /// Only these devices.
    #[seam(min_entries = 1, max_entries = 100)]
    pub device_ids: Option<Vec<String>>,
    /// Only devices of these kinds.
    #[seam(one_of = ["august_lock", "schlage_lock", "ecobee_thermostat"])]
    pub device_types: Option<Vec<String>>,
    /// At most this many devices a page.
    pub limit: Option<u32>,
    /// The page to get.
    pub page_cursor: Option<String>,
}

/// Gets one device.
#[seam_endpoint(path = "/devices/get", response = Device, response_key = "device")]
#[derive(Debug, Clone)]
pub struct GetDevice {
    /// The device's ID.
    pub device_id: String,
}

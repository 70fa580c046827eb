//! Routes the SDK also generates, declared by hand in a crate of the user's own and
//! checked against Seam's API: every kind of parameter (string, integer, number,
//! boolean, list, object, enum, nullable, deprecated) and rules within the spec's.
#![deny(warnings)]

use seamapi::{CustomMetadata, Nullable, seam_endpoint};

#[derive(Debug, serde::Deserialize)]
pub struct Device {
    pub device_id: String,
}

#[seam_endpoint(path = "/devices/list", response = Device, response_key = "devices", paginated, idempotent = true)]
pub struct ListDevices {
    #[seam(max_entries = 100)]
    pub device_ids: Option<Vec<String>>,
    #[seam(one_of = ["august_lock", "schlage_lock"])]
    pub device_type: Option<String>,
    pub custom_metadata_has: Option<CustomMetadata>,
    pub limit: Option<u32>,
    #[seam(min_length = 1, max_length = 100)]
    pub search: Option<String>,
    #[deprecated]
    pub unstable_location_id: Option<Nullable<String>>,
    pub page_cursor: Option<String>,
}

#[seam_endpoint(path = "/access_codes/create", method = "POST")]
pub struct CreateAccessCode {
    pub device_id: String,
    #[seam(min_length = 4, max_length = 8)]
    pub code: Option<String>,
    pub is_one_time_use: Option<bool>,
    pub preferred_code_length: Option<f64>,
}

#[seam_endpoint(path = "/thermostats/set_temperature_threshold", idempotent = true)]
pub struct SetTemperatureThreshold {
    pub device_id: String,
    pub lower_limit_celsius: Option<Nullable<f64>>,
    pub upper_limit_celsius: Option<Nullable<f64>>,
}

fn main() {
    let _ = ListDevices::new().device_type("august_lock").limit(10);
    let _ = CreateAccessCode::new("device_1").code("1234");
    let _ = SetTemperatureThreshold::new("device_1").lower_limit_celsius(Nullable::Null);
}

#[derive(Debug, serde::Deserialize)]
pub struct AccessCode {
    pub access_code_id: String,
}

// The model beside the access code is no action attempt model.
#[seamapi_core::seam_endpoint(path = "/access_codes/create", response = AccessCode, response_key = "access_code", action_attempt = AccessCode, idempotent = false)]
pub struct CreateAccessCode {
    pub device_id: String,
}

fn main() {}

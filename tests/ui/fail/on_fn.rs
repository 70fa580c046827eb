#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub fn update_thing() {}

fn main() {
    update_thing();
}

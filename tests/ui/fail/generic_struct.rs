#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing<T> {
    pub id: T,
}

fn main() {}

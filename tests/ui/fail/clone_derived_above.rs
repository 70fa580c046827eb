// A derive that builds the struct (`Clone`, `Default`, `Deserialize`) written
// above the attribute sees the struct as written, without the field that binds
// it to a client: the error names that field. Written below, it works.
#[derive(Clone)]
#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

#[derive(Debug, Clone)]
pub struct NotSerialize;

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    pub thing: Option<NotSerialize>,
}

fn main() {}

// A field of a type that cannot be serialised is reported at that type, required
// or optional, one error each.
#[derive(Debug, Clone)]
pub struct NotSerialize;

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    pub thing: Option<NotSerialize>,
    pub required: NotSerialize,
}

fn main() {}

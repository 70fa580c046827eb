// `Default` above the attribute sees the struct as written, without the field
// that binds it to a client: one error, at the derive, naming that field.
// Written below, it works (pass/derives_below_build_it.rs).
#[derive(Default)]
#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
}

fn main() {}

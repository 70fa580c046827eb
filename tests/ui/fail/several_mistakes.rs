// Every mistake is reported at once, and the struct stays usable: `main` compiles.
#[seamapi_core::seam_endpoint(path = "things/update", methd = "POST", unchecked)]
pub struct UpdateThing {
    #[seam(max_length = 0, min_length = 1)]
    pub id: String,
    #[seam(max_entries = 5)]
    pub active: Option<bool>,
}

fn main() {
    let _ = UpdateThing::new("id").active(true);
}

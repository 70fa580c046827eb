// A deprecated parameter's setter warns its callers; the expansion itself does not.
#![deny(deprecated)]

#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    pub id: String,
    #[deprecated = "use `name`"]
    pub display_name: Option<String>,
    pub name: Option<String>,
}

fn main() {
    let _ = UpdateThing::new("id").name("n").display_name("d");
}

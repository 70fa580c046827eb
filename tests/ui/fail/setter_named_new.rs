#[seamapi_core::seam_endpoint(path = "/things/update", unchecked)]
pub struct UpdateThing {
    #[seam(setter = "new")]
    pub value: Option<String>,
    pub set_new: Option<String>,
    pub new: Option<String>,
}

fn main() {}

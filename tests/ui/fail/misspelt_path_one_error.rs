// A misspelt `path` is one error: not also "missing `path`".
#[seamapi_core::seam_endpoint(pth = "/things/update")]
pub struct UpdateThing {
    pub id: String,
}

fn main() {
    let _ = UpdateThing::new("id");
}

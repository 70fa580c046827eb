// A misspelt `response` is one error: not also "`response_key` needs `response`".
#[derive(Debug, serde::Deserialize)]
pub struct Thing {}

#[seamapi_core::seam_endpoint(path = "/things/get", respons = Thing, response_key = "thing", unchecked)]
pub struct GetThing {
    pub id: String,
}

fn main() {}

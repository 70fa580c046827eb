//! Every argument and field attribute, under `deny(warnings)`, with nothing imported
//! but the attribute.
#![deny(warnings)]

#[derive(Debug, serde::Deserialize)]
pub struct Lock {
    pub device_id: String,
}

#[seamapi_core::seam_endpoint(path = "/gadgets/list", method = "post", response = Lock, response_key = "locks", paginated, idempotent = true, unchecked)]
#[derive(Debug, Clone)]
pub struct ListLocks {
    #[seam(min_length = 1, max_length = 36)]
    pub connected_account_id: Option<String>,
    #[seam(min_entries = 1, max_entries = 100)]
    pub device_ids: Option<Vec<String>>,
    #[seam(one_of = ["august_lock", "schlage_lock"])]
    pub device_type: Option<String>,
    #[seam(max_entries = 50)]
    pub custom_metadata_has: Option<seamapi_core::CustomMetadata>,
    pub limit: Option<u32>,
    pub page_cursor: Option<String>,
}

#[seamapi_core::seam_endpoint(path = "/gadgets/get", method = "GET", response = Lock, response_key = "lock", unchecked)]
#[derive(Debug, Clone, PartialEq)]
pub struct GetLock {
    pub device_id: String,
}

#[seamapi_core::seam_endpoint(path = "/gadgets/unlock_door", idempotent = false, unchecked)]
#[derive(Debug)]
pub struct UnlockDoor {
    pub device_id: String,
    #[seam(one_of = ["a", "b"])]
    pub reasons: Vec<String>,
    pub sync: Option<bool>,
}

#[seamapi_core::seam_endpoint(path = "/gadgets/reset", method = "DELETE", unchecked)]
#[derive(Debug)]
pub struct ResetSandbox {}

fn main() {
    use seamapi_core::Endpoint;

    let list = ListLocks::new().limit(10).device_type("august_lock").custom_metadata_has([("a", true)]);
    assert_eq!(ListLocks::PATH, "/gadgets/list");
    assert_eq!(ListLocks::METHOD, seamapi_core::Method::Post);
    let _: Option<&str> = ListLocks::RESPONSE_KEY;
    let _ = list.clone();
    assert_eq!(GetLock::new("d").clone(), GetLock::new("d"));
    assert_eq!(GetLock::METHOD, seamapi_core::Method::Get);
    assert!(!UnlockDoor::IDEMPOTENT);
    assert_eq!(ResetSandbox::METHOD, seamapi_core::Method::Delete);
    let unlock = UnlockDoor::new("d", vec!["a".to_owned()]).sync(true);
    let _ = format!("{unlock:?} {:?}", ResetSandbox::new());

    use seamapi_core::{Bind, Call};
    let client = seamapi_core::Client::builder().api_key("seam_key").endpoint("http://127.0.0.1:9").build().unwrap();
    let bound: ListLocks<seamapi_core::Bound> = ListLocks::new().bind(&client).limit(1).timeout(std::time::Duration::from_secs(1));
    let _pages = bound.clone().pages();
    let _items = bound.items();
    let _request: seamapi_core::Request<GetLock> = GetLock::new("d").bind(&client).into_request();
    let _future = UnlockDoor::new("d", vec!["b".to_owned()]).bind(&client).send();
    let _into_future = std::future::IntoFuture::into_future(ResetSandbox::new().bind(&client));
    let (_params, _binding): (GetLock, seamapi_core::Bound) = GetLock::new("d").bind(&client).unbind();
}

/// The runtime through a path of the user's choosing, as for a renamed dependency.
mod reexport {
    pub use seamapi_core as runtime;
}

#[seamapi_core::seam_endpoint(path = "/things/get", crate = crate::reexport::runtime, unchecked)]
#[derive(Debug)]
pub struct ThroughAPath {
    pub id: String,
}

#[seamapi_core::seam_endpoint(path = "/things/get", crate = "crate::reexport::runtime", unchecked)]
#[derive(Debug)]
pub struct ThroughAString {
    #[seam(max_length = 3)]
    pub id: String,
}


pub fn through_paths() {
    use seamapi_core::Endpoint;
    assert!(ThroughAString::new("abcd").check().is_err());
    assert!(ThroughAPath::new("a").check().is_ok());
}

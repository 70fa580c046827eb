//! Every argument and field attribute, under `deny(warnings)`, with nothing imported
//! but the attribute.
#![deny(warnings)]

#[derive(Debug, serde::Deserialize)]
pub struct Lock {
    pub device_id: String,
}

#[seam_core::seam_endpoint(path = "/locks/list", method = "post", response = Lock, response_key = "locks", paginated, idempotent = true)]
pub struct ListLocks {
    #[seam(min_length = 1, max_length = 36)]
    pub connected_account_id: Option<String>,
    #[seam(min_entries = 1, max_entries = 100)]
    pub device_ids: Option<Vec<String>>,
    #[seam(one_of = ["august_lock", "schlage_lock"])]
    pub device_type: Option<String>,
    #[seam(max_entries = 50)]
    pub custom_metadata_has: Option<seam_core::CustomMetadata>,
    pub limit: Option<u32>,
    pub page_cursor: Option<String>,
}

#[seam_core::seam_endpoint(path = "/locks/get", method = "GET", response = Lock, response_key = "lock")]
#[derive(Debug, Clone, PartialEq)]
pub struct GetLock {
    pub device_id: String,
}

#[seam_core::seam_endpoint(path = "/locks/unlock_door", idempotent = false)]
pub struct UnlockDoor {
    pub device_id: String,
    #[seam(one_of = ["a", "b"])]
    pub reasons: Vec<String>,
    pub sync: Option<bool>,
}

#[seam_core::seam_endpoint(path = "/workspaces/reset_sandbox", method = "DELETE")]
pub struct ResetSandbox {}

fn main() {
    use seam_core::Endpoint;

    let list = ListLocks::new().limit(10).device_type("august_lock").custom_metadata_has([("a", true)]);
    assert_eq!(ListLocks::PATH, "/locks/list");
    assert_eq!(ListLocks::METHOD, seam_core::Method::Post);
    let _: Option<&str> = ListLocks::RESPONSE_KEY;
    let _ = list.clone();
    assert_eq!(GetLock::new("d").clone(), GetLock::new("d"));
    assert_eq!(GetLock::METHOD, seam_core::Method::Get);
    assert!(!UnlockDoor::IDEMPOTENT);
    assert_eq!(ResetSandbox::METHOD, seam_core::Method::Delete);
    let unlock = UnlockDoor::new("d", vec!["a".to_owned()]).sync(true);
    let _ = format!("{unlock:?} {:?}", ResetSandbox::new());

    let client = seam_core::Client::builder().api_key("seam_key").endpoint("http://127.0.0.1:9").build().unwrap();
    let builder = ListLocksBuilder::new(&client).limit(1).timeout(std::time::Duration::from_secs(1));
    let _: &ListLocks = builder.params();
    let _pages = builder.clone().pages();
    let _items = builder.items();
    let _request: seam_core::Request<GetLock> = GetLockBuilder::new(&client, "d").into_request();
    let _future = UnlockDoorBuilder::new(&client, "d", vec!["b".to_owned()]).send();
    let _into_future = std::future::IntoFuture::into_future(ResetSandboxBuilder::new(&client));
}

//! The `connected_accounts` namespace end to end against Seam's own fake server
//! (`@seamapi/fake-seam-connect`), a fresh seeded server for each test.

use std::time::Duration;

use futures_util::TryStreamExt;
use seamapi::models::ConnectedAccount;
use seamapi::prelude::*;
use seamapi::{MetadataValue, RetryPolicy};
use seamapi_fake::FakeSeam;

const JOHN: &str = "john_connected_account_id";
const JANE: &str = "jane_connected_account_id";

fn fake() -> FakeSeam {
    FakeSeam::start().expect("Seam's fake server starts")
}

fn api_key_client(fake: &FakeSeam) -> Client {
    Client::builder()
        .api_key(fake.api_key())
        .endpoint(fake.url())
        .build()
        .unwrap()
}

/// The `seam-request-id` the fake gives each request it receives: `request<N>`,
/// counting up, so the difference between two tells how many arrived between them.
fn request_number(error_or_id: &str) -> u64 {
    error_or_id
        .trim_start_matches("request")
        .parse()
        .expect("the fake's request ids count up")
}

async fn latest_request_number(seam: &Client) -> u64 {
    let error = seam
        .connected_accounts()
        .get("no_such_account")
        .send()
        .await
        .unwrap_err();
    request_number(error.request_id().expect("the fake sends a request id"))
}

/// The smallest update: what most error cases need to send.
async fn update_manage_new_devices(seam: &Client, id: &str) -> Result<(), Error> {
    seam.connected_accounts()
        .update(id)
        .automatically_manage_new_devices(true)
        .send()
        .await
}

async fn get(seam: &Client, id: &str) -> ConnectedAccount {
    seam.connected_accounts().get(id).send().await.unwrap()
}

#[tokio::test]
async fn update_with_an_api_key_then_get_shows_it() {
    let fake = fake();
    let seam = api_key_client(&fake);
    seam.connected_accounts()
        .update(JOHN)
        .automatically_manage_new_devices(false)
        .custom_metadata(CustomMetadata::new().with("tier", "gold").with("vip", true))
        .send()
        .await
        .unwrap();
    let account = get(&seam, JOHN).await;
    assert!(!account.automatically_manage_new_devices);
    assert_eq!(
        account.custom_metadata.get("tier"),
        Some(&MetadataValue::from("gold"))
    );
    assert_eq!(
        account.custom_metadata.get("vip"),
        Some(&MetadataValue::Bool(true))
    );
}

#[tokio::test]
async fn update_with_a_personal_access_token_and_workspace_then_get_shows_it() {
    let fake = fake();
    let seam = Client::builder()
        .personal_access_token(fake.personal_access_token())
        .workspace_id(fake.workspace_id())
        .endpoint(fake.url())
        .build()
        .unwrap();
    seam.connected_accounts()
        .update(JANE)
        .automatically_manage_new_devices(false)
        .custom_metadata([("source", "pat")])
        .await
        .unwrap();
    let account = get(&seam, JANE).await;
    assert!(!account.automatically_manage_new_devices);
    assert_eq!(
        account.custom_metadata.get("source"),
        Some(&MetadataValue::from("pat"))
    );
}

#[tokio::test]
async fn the_seed_example_request() {
    let fake = fake();
    let seam = api_key_client(&fake);
    // As on docs.seam.co, against the fake's seeded account (the docs' ID does not
    // exist there).
    let result: () = seam
        .connected_accounts()
        .update(JOHN)
        .automatically_manage_new_devices(true)
        .custom_metadata([("id", "internalId1")])
        .send()
        .await
        .unwrap();
    assert_eq!(result, ());
    let account = get(&seam, JOHN).await;
    assert!(account.automatically_manage_new_devices);
    assert_eq!(
        account.custom_metadata.get("id"),
        Some(&MetadataValue::from("internalId1"))
    );
    assert_eq!(account.connected_account_id, JOHN);
}

#[tokio::test]
async fn a_wrong_key_is_the_typed_unauthorized_error() {
    let fake = fake();
    let seam = Client::builder()
        .api_key("seam_apikey_wrong")
        .endpoint(fake.url())
        .build()
        .unwrap();
    let error = update_manage_new_devices(&seam, JOHN).await.unwrap_err();
    assert!(error.is_unauthorized(), "{error}");
    let api = error.as_api().unwrap();
    assert_eq!(api.status, 401);
    assert_eq!(api.error_type, "unauthorized");
    assert!(api.request_id.is_some());
    assert!(!error.to_string().contains("seam_apikey_wrong"));
}

#[tokio::test]
async fn a_personal_access_token_without_workspace_gets_seams_typed_error() {
    let fake = fake();
    let seam = Client::builder()
        .personal_access_token(fake.personal_access_token())
        .without_workspace()
        .endpoint(fake.url())
        .build()
        .unwrap();
    let error = update_manage_new_devices(&seam, JOHN).await.unwrap_err();
    assert!(error.is_unauthorized(), "{error}");
    assert_eq!(
        error.as_api().unwrap().error_type,
        "access_token_used_for_api_key"
    );
}

#[tokio::test]
async fn an_unknown_id_is_connected_account_not_found_with_the_request_id() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let error = update_manage_new_devices(&seam, "does_not_exist")
        .await
        .unwrap_err();
    assert!(error.is_api_error("connected_account_not_found"), "{error}");
    assert!(error.is_not_found());
    let request_id = error.request_id().unwrap();
    assert!(error.to_string().contains(request_id));
    // The message names the route it came from.
    assert!(
        error.to_string().starts_with(
            "/connected_accounts/update: Seam answered HTTP 404 `connected_account_not_found`"
        ),
        "{error}"
    );
    assert_eq!(error.as_api().unwrap().path, "/connected_accounts/update");
    assert_eq!(
        error.as_api().unwrap().data,
        Some(serde_json::json!({"connected_account_id": "does_not_exist"}))
    );
}

#[tokio::test]
async fn input_that_passes_our_checks_but_not_seams_reaches_the_caller_by_field() {
    let fake = fake();
    let seam = api_key_client(&fake);
    // A definition of the user's own, without the generated `limit` rule: Seam
    // wants a positive limit, and says so by field.
    #[seamapi::seam_endpoint(
        path = "/connected_accounts/list",
        response = ConnectedAccount,
        response_key = "connected_accounts",
        idempotent = true
    )]
    struct ListWithAnyLimit {
        limit: Option<i64>,
    }
    let error = ListWithAnyLimit::new()
        .limit(0)
        .bind(&seam)
        .send()
        .await
        .unwrap_err();
    assert!(error.is_invalid_input(), "{error}");
    let api = error.as_api().unwrap();
    assert_eq!(api.status, 400);
    assert!(
        !api.validation_errors["limit"].is_empty(),
        "{:?}",
        api.validation_errors
    );
}

#[tokio::test]
async fn a_limit_below_the_spec_is_refused_locally_with_nothing_sent() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let before = latest_request_number(&seam).await;
    // The spec says the limit is above 0: checked before anything is sent.
    let error = seam
        .connected_accounts()
        .list()
        .limit(0)
        .send()
        .await
        .unwrap_err();
    let Error::Validation(violations) = &error else {
        panic!("expected a validation error, got {error}")
    };
    assert_eq!(violations.violations()[0].path, "limit");
    assert_eq!(
        latest_request_number(&seam).await,
        before + 1,
        "the refused request reached the server"
    );
}

#[tokio::test]
async fn fifty_one_metadata_keys_are_refused_locally_with_nothing_sent() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let before = latest_request_number(&seam).await;
    let metadata: CustomMetadata = (0..51)
        .map(|index| (format!("key{index}"), "value"))
        .collect();
    let error = seam
        .connected_accounts()
        .update(JOHN)
        .custom_metadata(metadata)
        .await
        .unwrap_err();
    let Error::Validation(violations) = &error else {
        panic!("expected a validation error, got {error}")
    };
    assert_eq!(violations.violations().len(), 1);
    assert_eq!(violations.violations()[0].path, "custom_metadata");
    assert!(error.to_string().contains("at most 50"), "{error}");
    assert_eq!(
        latest_request_number(&seam).await,
        before + 1,
        "the refused request reached the server"
    );

    // Fifty keys are what both sides allow.
    let metadata: CustomMetadata = (0..50)
        .map(|index| (format!("key{index}"), "value"))
        .collect();
    seam.connected_accounts()
        .update(JOHN)
        .custom_metadata(metadata)
        .await
        .unwrap();
}

#[tokio::test]
async fn list_walks_every_page_one_account_at_a_time() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let all = seam.connected_accounts().list().send().await.unwrap();
    assert!(
        all.items.len() >= 2,
        "the seed has several accounts in the workspace"
    );
    assert_eq!(all.next_cursor(), None);

    let first = seam
        .connected_accounts()
        .list()
        .limit(1)
        .send()
        .await
        .unwrap();
    assert_eq!(first.items.len(), 1);
    assert!(first.pagination.has_next_page);

    let pages: Vec<_> = seam
        .connected_accounts()
        .list()
        .limit(1)
        .pages()
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), all.items.len());
    assert!(pages.iter().all(|page| page.items.len() == 1));
    let walked: Vec<ConnectedAccount> = seam
        .connected_accounts()
        .list()
        .limit(1)
        .items()
        .try_collect()
        .await
        .unwrap();
    let ids = |accounts: &[ConnectedAccount]| {
        accounts
            .iter()
            .map(|a| a.connected_account_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&walked), ids(&all.items));
}

#[tokio::test]
async fn get_by_email_finds_the_account() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let account = seam
        .connected_accounts()
        .get_by_email("john@example.com")
        .await
        .unwrap();
    assert_eq!(account.connected_account_id, JOHN);
}

#[tokio::test]
async fn delete_then_get_is_not_found() {
    let fake = fake();
    let seam = api_key_client(&fake);
    seam.connected_accounts().delete(JANE).send().await.unwrap();
    let error = seam
        .connected_accounts()
        .get(JANE)
        .send()
        .await
        .unwrap_err();
    assert!(error.is_not_found(), "{error}");
    assert!(error.is_api_error("connected_account_not_found"));
}

#[tokio::test]
async fn an_outage_is_retried_then_fails_with_a_typed_503() {
    let fake = fake();
    let seam = Client::builder()
        .api_key(fake.api_key())
        .endpoint(fake.url())
        .retry(RetryPolicy::default().initial_backoff(Duration::from_millis(20)))
        .build()
        .unwrap();
    fake.simulate_workspace_outage(fake.workspace_id(), &["/connected_accounts/update"])
        .unwrap();
    let before = latest_request_number(&seam).await;
    let error = update_manage_new_devices(&seam, JOHN).await.unwrap_err();
    assert_eq!(error.status(), Some(503), "{error}");
    assert!(error.is_unavailable());
    // Three attempts reached the server, the last one answered with this id.
    assert_eq!(request_number(error.request_id().unwrap()), before + 3);
    // Other routes keep working.
    get(&seam, JOHN).await;
}

#[tokio::test]
async fn the_fake_does_not_implement_sync_and_says_so_in_a_typed_error() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let error = seam.connected_accounts().sync(JOHN).await.unwrap_err();
    let Error::UnexpectedResponse(response) = &error else {
        panic!("expected an unexpected response, got {error}")
    };
    assert_eq!(response.status, 404);
    assert_eq!(response.excerpt, "404");
}

#[tokio::test]
async fn a_publishable_key_is_traded_for_a_client_session() {
    let fake = fake();
    let seam = Client::builder()
        .publishable_key(fake.publishable_key(), "user_1")
        .endpoint(fake.url())
        .build()
        .unwrap();
    // Acting as the client session: the fake lets it update an account.
    seam.connected_accounts()
        .update(JOHN)
        .custom_metadata([("by", "session")])
        .await
        .unwrap();
    let account = get(&api_key_client(&fake), JOHN).await;
    assert_eq!(
        account.custom_metadata.get("by"),
        Some(&MetadataValue::from("session"))
    );
}

#[tokio::test]
async fn an_empty_page_cursor_is_refused_locally_as_seam_would() {
    let fake = fake();
    let seam = api_key_client(&fake);
    let before = latest_request_number(&seam).await;
    let error = seam
        .connected_accounts()
        .list()
        .page_cursor("")
        .send()
        .await
        .unwrap_err();
    let Error::Validation(violations) = &error else {
        panic!("expected a validation error, got {error}")
    };
    assert_eq!(violations.violations()[0].path, "page_cursor");
    assert_eq!(
        latest_request_number(&seam).await,
        before + 1,
        "the refused request reached the server"
    );
}

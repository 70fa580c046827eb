//! The blocking client against Seam's own fake server, from threads with no async
//! runtime and from inside one.

use std::time::Duration;

use seamapi::blocking::prelude::*;
use seamapi::models::ConnectedAccount;
use seamapi::{Client as AsyncClient, MetadataValue};
use seamapi_fake::FakeSeam;

const JOHN: &str = "john_connected_account_id";

fn fake() -> FakeSeam {
    FakeSeam::start().expect("Seam's fake server starts")
}

fn blocking_client(fake: &FakeSeam) -> Client {
    AsyncClient::builder()
        .api_key(fake.api_key())
        .endpoint(fake.url())
        .build_blocking()
        .unwrap()
}

#[test]
fn update_then_get_from_a_thread_without_a_runtime() {
    let fake = fake();
    let seam = blocking_client(&fake);
    seam.connected_accounts()
        .update(JOHN)
        .automatically_manage_new_devices(false)
        .custom_metadata([("id", "internalId1")])
        .send()
        .unwrap();
    let account = seam.connected_accounts().get(JOHN).send().unwrap();
    assert!(!account.automatically_manage_new_devices);
    assert_eq!(
        account.custom_metadata.get("id"),
        Some(&MetadataValue::from("internalId1"))
    );
}

#[test]
fn errors_are_the_async_clients_typed_errors() {
    let fake = fake();
    let seam = blocking_client(&fake);
    let error = seam
        .connected_accounts()
        .get("no_such_account")
        .send()
        .unwrap_err();
    assert!(error.is_api_error("connected_account_not_found"), "{error}");
    let metadata: seamapi::CustomMetadata = (0..51).map(|i| (format!("k{i}"), "v")).collect();
    let error = seam
        .connected_accounts()
        .update(JOHN)
        .custom_metadata(metadata)
        .send()
        .unwrap_err();
    assert!(matches!(error, seamapi::Error::Validation(_)), "{error}");
}

#[test]
fn pages_and_items_are_iterators() {
    let fake = fake();
    let seam = blocking_client(&fake);
    let all = seam.connected_accounts().list().send().unwrap();
    let pages: Vec<_> = seam
        .connected_accounts()
        .list()
        .limit(1)
        .pages()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(pages.len(), all.items.len());
    let walked: Vec<ConnectedAccount> = seam
        .connected_accounts()
        .list()
        .limit(1)
        .timeout(Duration::from_secs(10))
        .items()
        .collect::<Result<_, _>>()
        .unwrap();
    let ids = |accounts: &[ConnectedAccount]| {
        accounts
            .iter()
            .map(|account| account.connected_account_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&walked), ids(&all.items));
}

#[test]
fn several_threads_share_one_client() {
    let fake = fake();
    let seam = blocking_client(&fake);
    std::thread::scope(|scope| {
        let calls: Vec<_> = (0..8)
            .map(|_| {
                let seam = seam.clone();
                scope.spawn(move || seam.connected_accounts().get(JOHN).send())
            })
            .collect();
        for call in calls {
            assert_eq!(call.join().unwrap().unwrap().connected_account_id, JOHN);
        }
    });
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_call_from_inside_an_async_runtime_works_and_the_client_drops_there() {
    let fake = fake();
    let seam = blocking_client(&fake);
    let account = seam.connected_accounts().get(JOHN).send().unwrap();
    assert_eq!(account.connected_account_id, JOHN);
    drop(seam);
}

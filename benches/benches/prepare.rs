//! The work seam-rs does before the network, on the seed request: build the
//! parameters, validate them, serialise them; against a plain serde struct with the
//! same fields, built and serialised by hand.
//!
//! `cargo bench -p seam-benches --bench prepare`

use std::collections::BTreeMap;
use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, criterion_group, criterion_main};
use seam_benches::{SEED_ID, SEED_JSON, sdk_client};
use seamapi::connected_accounts::UpdateConnectedAccount;
use seamapi::prelude::*;
use seamapi::{Endpoint, ValidationErrors};

fn build() -> UpdateConnectedAccount {
    UpdateConnectedAccount::new(black_box(SEED_ID))
        .automatically_manage_new_devices(black_box(true))
        .custom_metadata([(black_box("id"), black_box("internalId1"))])
}

/// What the SDK runs before sending: every rule, all violations collected.
fn validate(params: &UpdateConnectedAccount) -> Result<(), ValidationErrors> {
    params.check()
}

/// What a hand-written client would post: the same fields, plain serde.
#[derive(serde::Serialize)]
struct PlainUpdate {
    connected_account_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    automatically_manage_new_devices: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    custom_metadata: Option<BTreeMap<String, String>>,
}

fn prepare(c: &mut Criterion) {
    // Both serialise to the bytes the run-time benchmark posts.
    assert_eq!(serde_json::to_vec(&build()).unwrap(), SEED_JSON);
    let plain = || PlainUpdate {
        connected_account_id: black_box(SEED_ID).to_owned(),
        automatically_manage_new_devices: Some(black_box(true)),
        custom_metadata: Some(BTreeMap::from([(
            black_box("id").to_owned(),
            black_box("internalId1").to_owned(),
        )])),
    };
    assert_eq!(serde_json::to_vec(&plain()).unwrap(), SEED_JSON);

    let mut group = c.benchmark_group("seed request before the network");
    group
        .sample_size(50)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));

    group.bench_function("seam-rs: build, validate, serialise", |b| {
        b.iter(|| {
            let params = build();
            validate(&params).expect("valid");
            serde_json::to_vec(&params).expect("serialises")
        })
    });
    group.bench_function("plain serde: build, serialise", |b| {
        b.iter(|| serde_json::to_vec(&plain()).expect("serialises"))
    });
    group.bench_function("seam-rs: build", |b| b.iter(build));
    let seam = sdk_client("http://127.0.0.1:9");
    group.bench_function("seam-rs: build through the client (builder)", |b| {
        b.iter(|| {
            seam.connected_accounts()
                .update(black_box(SEED_ID))
                .automatically_manage_new_devices(black_box(true))
                .custom_metadata([(black_box("id"), black_box("internalId1"))])
        })
    });
    let params = build();
    group.bench_function("seam-rs: validate", |b| {
        b.iter(|| validate(black_box(&params)))
    });
    group.bench_function("seam-rs: serialise", |b| {
        b.iter(|| serde_json::to_vec(black_box(&params)).expect("serialises"))
    });
    group.finish();
}

criterion_group!(benches, prepare);
criterion_main!(benches);

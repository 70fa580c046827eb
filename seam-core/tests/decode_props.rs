//! Arbitrary bytes, arbitrary JSON and arbitrary statuses: every answer decodes to a
//! value or a typed error, never a panic; directly through the decoders generated
//! code calls, and through the client against a stub server.

mod support;

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::Value;

use seamapi_core::__private::{decode_error, decode_keyed, decode_page, decode_void};
use seamapi_core::{Endpoint, Error};
use support::{GetThing, Reply, Server, Thing};

const FIXTURES: &[&str] = &[
    include_str!("fixtures/200_connected_accounts_get.json"),
    include_str!("fixtures/200_connected_accounts_list_limit1.json"),
    include_str!("fixtures/prod_400_invalid_input_multi.json"),
    include_str!("fixtures/400_invalid_input_too_many_keys.json"),
    include_str!("fixtures/prod_404_connected_account_not_found.json"),
    support::THING,
];

/// Keys that matter to the decoders, and some that do not.
fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "thing", "things", "error", "type", "message", "validation_errors", "_errors",
            "data", "pagination", "has_next_page", "next_page_cursor", "ok", "thing_id", "name",
            "connected_account", "connected_accounts", "",
        ])
        .prop_map(str::to_owned),
        1 => "\\PC{0,6}",
    ]
}

fn json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "\\PC{0,10}".prop_map(Value::String),
    ];
    leaf.prop_recursive(5, 48, 6, |inner| {
        prop_oneof![
            vec(inner.clone(), 0..6).prop_map(Value::Array),
            btree_map(key(), inner, 0..6).prop_map(|map| Value::Object(map.into_iter().collect())),
        ]
    })
}

/// Bodies: raw bytes, JSON, JSON cut short, fixtures with a byte changed, deep nesting.
fn body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        2 => vec(any::<u8>(), 0..300),
        3 => json().prop_map(|value| value.to_string().into_bytes()),
        2 => (json(), any::<prop::sample::Index>()).prop_map(|(value, at)| {
            let text = value.to_string().into_bytes();
            text[..at.index(text.len() + 1)].to_vec()
        }),
        2 => (prop::sample::select(FIXTURES), any::<prop::sample::Index>(), any::<u8>())
            .prop_map(|(fixture, at, byte)| {
                let mut bytes = fixture.as_bytes().to_vec();
                let at = at.index(bytes.len());
                bytes[at] = byte;
                bytes
            }),
        1 => (1usize..3000, prop::sample::select(vec!["[", "{\"thing\":", "{\"error\":{\"validation_errors\":"]))
            .prop_map(|(depth, open)| open.repeat(depth).into_bytes()),
    ]
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        4 => 200u16..300,
        4 => prop::sample::select(vec![400u16, 401, 404, 409, 429, 500, 502, 503, 504]),
        2 => 300u16..600,
        1 => 600u16..1000,
        1 => prop::sample::select(vec![100u16, 103, 204, 304]),
    ]
}

fn config(cases: u32) -> Config {
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Every decoder on one body: outcomes are values or errors (a panic fails the case).
fn decode_everything(status: u16, body: &[u8]) {
    let _ = decode_keyed::<Thing>(body, "thing");
    let _ = decode_keyed::<Value>(body, "thing");
    let _ = decode_keyed::<seamapi_core::CustomMetadata>(body, "thing");
    let _ = decode_page::<Thing>(body, "things");
    let _ = decode_page::<Value>(body, "things");
    let _ = decode_void(body);
    if let Ok(error) = decode_error("/things/get", status, Some("req".into()), body) {
        assert_eq!(error.status, status);
        // Display and the helpers never panic either.
        let _ = error.to_string();
        let _ = (error.is_not_found(), error.is_invalid_input());
    }
    let _ = GetThing::decode(body);
    let _ = support::ListConnectedAccounts::decode(body);
}

#[test]
fn decoders_take_arbitrary_bytes_and_json() {
    let mut runner = TestRunner::new(config(1000));
    runner
        .run(&(status(), body()), |(status, body)| {
            decode_everything(status, &body);
            Ok(())
        })
        .unwrap();
}

#[test]
fn decoders_take_arbitrary_envelopes() {
    // Objects built around the shapes the decoders look for.
    let envelope = (json(), json(), json(), json()).prop_map(|(kind, message, tree, data)| {
        serde_json::json!({
            "error": {"type": kind, "message": message, "validation_errors": tree, "data": data},
            "thing": tree,
            "things": [data],
            "pagination": message,
            "ok": false,
        })
        .to_string()
        .into_bytes()
    });
    let mut runner = TestRunner::new(config(500));
    runner
        .run(&(status(), envelope), |(status, body)| {
            decode_everything(status, &body);
            Ok(())
        })
        .unwrap();
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in [
        "[",
        "{\"thing\":",
        "{\"error\":{\"type\":\"x\",\"validation_errors\":{\"a\":",
    ] {
        let body = open.repeat(100_000).into_bytes();
        assert!(decode_keyed::<Value>(&body, "thing").is_err());
        assert!(decode_page::<Value>(&body, "things").is_err());
        assert!(decode_void(&body).is_err());
        assert!(decode_error("/things/get", 400, None, &body).is_err());
    }
}

/// What the client may return for an answer: never a panic, and always a typed
/// outcome that agrees with the status and the body.
#[test]
fn the_client_takes_arbitrary_answers() {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let answer = Arc::new(Mutex::new((200u16, Vec::new())));
    let script_answer = answer.clone();
    let server = runtime.block_on(Server::start(move |_, _| {
        let (status, body) = script_answer.lock().unwrap().clone();
        Reply::empty(status)
            .header("connection", "close")
            .header("content-type", "application/json; charset=utf-8")
            .body(body)
            .into()
    }));
    let timeout = Duration::from_secs(1);
    let client = support::client(&server.url(), timeout);
    let slowest = std::cell::Cell::new(Duration::ZERO);
    let mut runner = TestRunner::new(config(150));
    runner
        .run(&(status(), body()), |(status, body)| {
            *answer.lock().unwrap() = (status, body.clone());
            let started = Instant::now();
            let result = runtime.block_on(client.send(GetThing::new("t_1")));
            let elapsed = started.elapsed();
            slowest.set(slowest.get().max(elapsed));
            prop_assert!(
                elapsed < timeout + Duration::from_millis(500),
                "{elapsed:?}"
            );
            let bodiless = matches!(status, 204 | 304);
            match (&result, status) {
                (_, 100..=199) => {}
                (Ok(thing), 200..=299) => {
                    prop_assert!(!bodiless);
                    prop_assert_eq!(Some(thing.clone()), GetThing::decode(&body).ok());
                }
                (Err(Error::UnexpectedResponse(unexpected)), 200..=299) => {
                    prop_assert_eq!(unexpected.status, status);
                    prop_assert!(bodiless || GetThing::decode(&body).is_err());
                }
                (Err(Error::Api(api)), 300..) => {
                    prop_assert_eq!(api.status, status);
                    let expected = decode_error("/things/get", status, None, &body);
                    prop_assert_eq!(&api.error_type, &expected.unwrap().error_type);
                }
                (Err(Error::UnexpectedResponse(unexpected)), 300..) => {
                    prop_assert_eq!(unexpected.status, status);
                    prop_assert!(
                        bodiless || decode_error("/things/get", status, None, &body).is_err()
                    );
                    prop_assert!(unexpected.excerpt.chars().count() <= 201);
                }
                (other, _) => prop_assert!(false, "{status}: {other:?}"),
            }
            if let Err(error) = &result {
                let _ = (error.to_string(), format!("{error:?}"));
            }
            Ok(())
        })
        .unwrap();
    eprintln!("[timing] slowest arbitrary answer: {:?}", slowest.get());
}

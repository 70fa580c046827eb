//! Webhook deliveries signed as Seam signs them, verified through the SDK's public
//! API with the clock as it is.

use std::collections::HashMap;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use seamapi::webhook::{Webhook, WebhookError};

const SECRET: &str = "whsec_dGVzdHMgb2Ygc2VhbS1ycyB3ZWJob29rcw==";
const BODY: &str = r#"{"event_id":"ev_1","event_type":"lock.unlocked","workspace_id":"ws_1","created_at":"2026-11-25T12:00:00.000Z","device_id":"d_1"}"#;

#[derive(Debug, serde::Deserialize)]
struct Event {
    event_id: String,
    event_type: String,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The headers Seam sends with a delivery of `body` sent at `timestamp`.
fn delivery(webhook: &Webhook, timestamp: u64, body: &str) -> HashMap<&'static str, String> {
    HashMap::from([
        ("webhook-id", "msg_1".to_owned()),
        ("webhook-timestamp", timestamp.to_string()),
        (
            "webhook-signature",
            webhook.sign("msg_1", timestamp, body.as_bytes()),
        ),
    ])
}

fn verify(
    webhook: &Webhook,
    body: &str,
    headers: &HashMap<&'static str, String>,
) -> Result<Event, WebhookError> {
    webhook.verify_json(body.as_bytes(), |name| {
        headers.get(name).map(String::as_str)
    })
}

#[test]
fn a_signed_delivery_is_verified_and_decoded() {
    let webhook = Webhook::new(SECRET).unwrap();
    let event = verify(&webhook, BODY, &delivery(&webhook, now(), BODY)).unwrap();
    assert_eq!(
        (event.event_id.as_str(), event.event_type.as_str()),
        ("ev_1", "lock.unlocked")
    );
}

#[test]
fn a_changed_body_or_another_secret_is_refused() {
    let webhook = Webhook::new(SECRET).unwrap();
    let headers = delivery(&webhook, now(), BODY);
    let changed = BODY.replace("lock.unlocked", "lock.locked");
    assert_eq!(
        verify(&webhook, &changed, &headers).unwrap_err(),
        WebhookError::BadSignature
    );
    // Re-serialised JSON is not the body that was signed.
    let reserialised =
        serde_json::to_string(&serde_json::from_str::<serde_json::Value>(BODY).unwrap()).unwrap();
    assert_ne!(reserialised, BODY);
    assert_eq!(
        verify(&webhook, &reserialised, &headers).unwrap_err(),
        WebhookError::BadSignature
    );
    let other = Webhook::new("whsec_b3RoZXIgc2VjcmV0").unwrap();
    assert_eq!(
        verify(&other, BODY, &headers).unwrap_err(),
        WebhookError::BadSignature
    );
}

#[test]
fn an_old_or_future_delivery_is_refused_as_a_replay() {
    let webhook = Webhook::new(SECRET).unwrap();
    let old = now() - 10 * 60;
    let error = verify(&webhook, BODY, &delivery(&webhook, old, BODY)).unwrap_err();
    assert!(matches!(error, WebhookError::TooOld { .. }), "{error}");
    let future = now() + 10 * 60;
    let error = verify(&webhook, BODY, &delivery(&webhook, future, BODY)).unwrap_err();
    assert!(matches!(error, WebhookError::InTheFuture { .. }), "{error}");
    // A wider tolerance, chosen by the receiver, takes the old one.
    let lenient = webhook.clone().tolerance(Duration::from_secs(3600));
    verify(&lenient, BODY, &delivery(&lenient, old, BODY)).unwrap();
}

#[test]
fn a_delivery_missing_a_header_or_not_json_is_refused() {
    let webhook = Webhook::new(SECRET).unwrap();
    let mut headers = delivery(&webhook, now(), BODY);
    headers.remove("webhook-signature");
    assert_eq!(
        verify(&webhook, BODY, &headers).unwrap_err(),
        WebhookError::MissingHeader("webhook-signature")
    );
    let text = "not json, but signed";
    let error = verify(&webhook, text, &delivery(&webhook, now(), text)).unwrap_err();
    assert!(matches!(error, WebhookError::InvalidBody(_)), "{error}");
}

#[test]
fn a_verified_delivery_decodes_into_the_sdks_typed_event() {
    use seamapi::models::Event;
    let body = r#"{"event_id":"2d4ac9e3-6f3b-4d89-a6d5-0c2c6c8f1a10","event_type":"lock.unlocked","workspace_id":"6a3b8f5e-0000-4000-8000-000000000001","connected_account_id":"6a3b8f5e-0000-4000-8000-000000000002","device_id":"6a3b8f5e-0000-4000-8000-000000000003","created_at":"2026-11-25T12:00:00.000Z","occurred_at":"2026-11-25T11:59:59.000Z","method":"keycode"}"#;
    let webhook = Webhook::new(SECRET).unwrap();
    let headers = delivery(&webhook, now(), body);
    let event: Event = webhook
        .verify_json(body.as_bytes(), |name| {
            headers.get(name).map(String::as_str)
        })
        .unwrap();
    let Event::LockUnlocked(unlocked) = event else {
        panic!("{event:?}")
    };
    assert_eq!(
        unlocked.device_id.as_deref(),
        Some("6a3b8f5e-0000-4000-8000-000000000003")
    );
    // An event type this SDK does not know yet is kept, not refused.
    let future =
        r#"{"event_id":"e","event_type":"lock.levitated","workspace_id":"w","created_at":"c"}"#;
    let headers = delivery(&webhook, now(), future);
    let event: Event = webhook
        .verify_json(future.as_bytes(), |name| {
            headers.get(name).map(String::as_str)
        })
        .unwrap();
    assert!(matches!(event, Event::Unknown(_)), "{event:?}");
}

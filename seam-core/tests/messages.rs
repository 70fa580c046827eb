//! What error messages show of text this crate does not control: the server's
//! error types, messages, parameter names and request ids, a caller's metadata
//! keys. Control characters are escaped, long text is cut; the fields keep the
//! text as it came, for programs.

mod support;

use std::time::Duration;

use seamapi_core::validation::{FieldPath, Validate, ValidationErrors};
use seamapi_core::{CustomMetadata, Error};
use support::{GetThing, Reply, Server, client};

/// What a log line must not hold: a line break, an escape sequence, a direction override.
fn assert_one_clean_line(text: &str) {
    for c in ['\n', '\r', '\u{1b}', '\u{9b}', '\u{202e}'] {
        assert!(!text.contains(c), "{c:?} in {text:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_text_is_escaped_in_messages_and_kept_in_fields() {
    let evil = "bad\n[INFO] forged line \u{1b}[2J\u{202e}";
    let envelope = serde_json::json!({
        "error": {
            "type": evil,
            "message": evil,
            "validation_errors": {evil: {"_errors": [evil]}},
        },
        "ok": false,
    });
    let excerpt_evil = evil;
    let server = Server::start(move |request, _| {
        let evil = excerpt_evil;
        match request.json()["thing_id"].as_str().unwrap() {
            "envelope" => Reply::json(400, envelope.to_string()),
            // Not an envelope, with raw control characters in its excerpt.
            _ => Reply::html(502, format!("<html>{evil}</html>")),
        }
        .request_id("req_1")
        .into()
    })
    .await;
    let client = client(&server.url(), Duration::from_secs(5));

    let error = client.send(GetThing::new("envelope")).await.unwrap_err();
    let text = error.to_string();
    assert_one_clean_line(&text);
    assert!(
        text.contains(r"bad\n[INFO] forged line \u{1b}[2J\u{202e}"),
        "{text}"
    );
    let api = error.as_api().unwrap();
    assert_eq!(
        (api.error_type.as_str(), api.message.as_str()),
        (evil, evil)
    );
    assert_eq!(api.validation_errors[evil], [evil]);

    let error = client.send(GetThing::new("shape")).await.unwrap_err();
    let Error::UnexpectedResponse(unexpected) = &error else {
        panic!("{error:?}")
    };
    assert!(unexpected.excerpt.contains(evil), "{unexpected:?}");
    let text = error.to_string();
    assert_one_clean_line(&text);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn long_server_text_is_cut_in_messages_and_kept_in_fields() {
    let long = "m".repeat(1 << 20);
    let longish = "v".repeat(2000);
    let many: serde_json::Map<String, serde_json::Value> = (0..1000)
        .map(|n| (format!("p{n}"), serde_json::json!({"_errors": [longish]})))
        .collect();
    let envelope = serde_json::json!({
        "error": {"type": long, "message": long, "validation_errors": many},
        "ok": false,
    })
    .to_string();
    let request_id = "r".repeat(8000);
    let server = Server::always(Reply::json(400, envelope).request_id(&request_id)).await;
    let client = client(&server.url(), Duration::from_secs(5));
    let error = client.send(GetThing::new("t_1")).await.unwrap_err();
    let text = error.to_string();
    // The message's first thousand characters, and twenty parameters' as many.
    assert!(text.len() < 30_000, "{} bytes", text.len());
    assert!(
        text.contains(&format!("… ({} characters)", 1 << 20)),
        "{text:.300}"
    );
    assert!(text.contains("and 980 more parameters"), "{text:.300}");
    let api = error.as_api().unwrap();
    assert_eq!(api.message.len(), 1 << 20);
    assert_eq!(api.validation_errors.len(), 1000);
    assert_eq!(error.request_id(), Some(request_id.as_str()));
}

fn metadata_violations(metadata: &CustomMetadata) -> ValidationErrors {
    let mut errors = ValidationErrors::new("/connected_accounts/update");
    metadata.validate(&FieldPath::Field("custom_metadata"), &mut errors);
    errors
}

#[test]
fn a_huge_metadata_key_is_cut_in_its_message() {
    let key = "k".repeat(10 << 20);
    let errors = metadata_violations(&CustomMetadata::new().with(key, "v"));
    let text = errors.to_string();
    assert!(text.len() < 300, "{} bytes: {text:.300}", text.len());
    assert_eq!(
        errors.violations()[0].path,
        format!("custom_metadata.{}… (10485760 characters)", "k".repeat(60))
    );
    assert!(
        text.ends_with("has 10485760 characters in its key, at most 40 allowed"),
        "{text}"
    );
}

#[test]
fn a_metadata_key_with_control_characters_is_escaped_in_its_message() {
    let key = "k\n\u{1b}[31m".repeat(10);
    let errors = metadata_violations(&CustomMetadata::new().with(key, "v"));
    let text = errors.to_string();
    assert_one_clean_line(&text);
    assert!(text.contains(r"custom_metadata.k\n\u{1b}[31mk"), "{text}");
}

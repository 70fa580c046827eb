//! Receives Seam's webhook deliveries in a plain hyper server and verifies each one
//! before trusting it.
//!
//! With `SEAM_WEBHOOK_SECRET` set (the endpoint's `whsec_…` secret), it listens on
//! `127.0.0.1:$PORT` (3000 unless set) for deliveries at any path. Without it, it
//! signs a sample delivery with a demonstration secret, sends it and a forged copy to
//! itself, shows what each got, and stops.
//!
//! ```sh
//! cargo run -p seamapi --features verify_webhooks --example webhook_receiver
//! ```

use std::convert::Infallible;
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use http_body_util::{BodyExt, Full};
use hyper::body::{Bytes, Incoming};
use hyper::{Request, Response, StatusCode};
use hyper_util::rt::TokioIo;
use seamapi::webhook::{Webhook, WebhookError};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// A secret for the demonstration only: base64 of "seam-rs demonstration secret".
const DEMO_SECRET: &str = "whsec_c2VhbS1ycyBkZW1vbnN0cmF0aW9uIHNlY3JldA==";

/// The fields of an event this receiver acts on; the SDK's models hold the rest.
#[derive(Debug, serde::Deserialize)]
struct Event {
    event_id: String,
    event_type: String,
}

/// Verifies a delivery and answers 204, or 400 saying why it was refused; the
/// body is read whole first, since the signature covers its exact bytes.
async fn receive(
    webhook: Arc<Webhook>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, Infallible> {
    let (parts, body) = request.into_parts();
    let body = match body.collect().await {
        Ok(collected) => collected.to_bytes(),
        Err(_) => return Ok(answer(StatusCode::BAD_REQUEST, "unreadable body")),
    };
    let header = |name: &str| parts.headers.get(name)?.to_str().ok();
    match webhook.verify_json::<Event>(&body, header) {
        Ok(event) => {
            println!("verified {} ({})", event.event_type, event.event_id);
            Ok(answer(StatusCode::NO_CONTENT, ""))
        }
        Err(error) => {
            println!("refused: {error}");
            Ok(answer(StatusCode::BAD_REQUEST, &refusal(&error)))
        }
    }
}

/// What the sender is told: the kind of failure, not the details.
fn refusal(error: &WebhookError) -> String {
    match error {
        WebhookError::MissingHeader(name) => format!("missing {name}"),
        WebhookError::TooOld { .. } | WebhookError::InTheFuture { .. } => "stale".to_owned(),
        _ => "not verified".to_owned(),
    }
}

fn answer(status: StatusCode, text: &str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::from(text.to_owned())));
    *response.status_mut() = status;
    response
}

async fn serve(listener: TcpListener, webhook: Arc<Webhook>) {
    loop {
        let Ok((stream, _)) = listener.accept().await else {
            continue;
        };
        let webhook = webhook.clone();
        tokio::spawn(async move {
            let service =
                hyper::service::service_fn(move |request| receive(webhook.clone(), request));
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

/// Posts `body` with the signature headers, as Seam would, and returns the status line.
async fn deliver(
    address: std::net::SocketAddr,
    (id, timestamp, signature): (&str, u64, &str),
    body: &str,
) -> String {
    let request = format!(
        "POST /webhooks HTTP/1.1\r\nhost: {address}\r\ncontent-type: application/json\r\n\
         webhook-id: {id}\r\nwebhook-timestamp: {timestamp}\r\nwebhook-signature: {signature}\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    let mut stream = TcpStream::connect(address)
        .await
        .expect("the receiver listens");
    stream.write_all(request.as_bytes()).await.expect("sent");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.expect("an answer");
    answer.lines().next().unwrap_or_default().to_owned()
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let secret = std::env::var("SEAM_WEBHOOK_SECRET").ok();
    let webhook = Arc::new(Webhook::new(secret.as_deref().unwrap_or(DEMO_SECRET))?);
    if secret.is_some() {
        let port = std::env::var("PORT").unwrap_or_else(|_| "3000".to_owned());
        let listener = TcpListener::bind(format!("127.0.0.1:{port}")).await?;
        println!(
            "receiving Seam's webhooks on http://{}",
            listener.local_addr()?
        );
        serve(listener, webhook).await;
        return Ok(());
    }

    println!("SEAM_WEBHOOK_SECRET is not set: demonstrating with a secret of our own");
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let address = listener.local_addr()?;
    tokio::spawn(serve(listener, webhook.clone()));
    let body = r#"{"event_id":"ev_1","event_type":"lock.unlocked","device_id":"device_1"}"#;
    let timestamp = SystemTime::now().duration_since(UNIX_EPOCH)?.as_secs();
    let signature = webhook.sign("msg_1", timestamp, body.as_bytes());
    let signed = ("msg_1", timestamp, signature.as_str());
    println!("signed delivery: {}", deliver(address, signed, body).await);
    let forged = body.replace("lock.unlocked", "lock.locked");
    println!(
        "forged delivery: {}",
        deliver(address, signed, &forged).await
    );
    Ok(())
}

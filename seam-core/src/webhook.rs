//! Verifying Seam's webhook deliveries.
//!
//! Seam signs each delivery the way Svix does: three headers carry the message id,
//! the Unix time it was sent, and one or more signatures `v1,<base64>`, each an
//! HMAC-SHA256 of `"{id}.{timestamp}.{body}"` keyed with the endpoint's secret (the
//! base64 after `whsec_`). A delivery is accepted when one of its signatures matches,
//! compared in constant time, and its time is within the tolerance of now, which
//! keeps an old delivery from being replayed.
//!
//! ```
//! use seamapi_core::webhook::Webhook;
//!
//! # fn handle(body: &[u8], headers: &std::collections::HashMap<String, String>) -> Result<(), Box<dyn std::error::Error>> {
//! let webhook = Webhook::new("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")?;
//! // With the raw body as it arrived, and the request's headers, from any framework:
//! let event: serde_json::Value = webhook.verify_json(body, |name| headers.get(name).map(String::as_str))?;
//! # Ok(()) }
//! ```

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use hmac::{Hmac, KeyInit, Mac};
use serde::de::DeserializeOwned;
use sha2::Sha256;

/// How far a delivery's time may be from now, either way, unless set otherwise:
/// Svix's own tolerance.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(5 * 60);

/// The headers of a delivery, by their `webhook-` names; Svix's older `svix-`
/// names are read too.
const ID: [&str; 2] = ["webhook-id", "svix-id"];
const TIMESTAMP: [&str; 2] = ["webhook-timestamp", "svix-timestamp"];
const SIGNATURE: [&str; 2] = ["webhook-signature", "svix-signature"];

/// A webhook endpoint's secret, ready to verify its deliveries. Its `Debug` never
/// shows the secret.
#[derive(Clone)]
pub struct Webhook {
    key: Vec<u8>,
    tolerance: Duration,
}

impl fmt::Debug for Webhook {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Webhook")
            .field("key", &"[redacted]")
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

/// Why a delivery was refused. Whatever the reason, the body must not be trusted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum WebhookError {
    /// The secret is not `whsec_` followed by base64.
    #[error(
        "the webhook secret is not `whsec_` followed by base64: copy it whole from the \
         webhook's settings in Seam's console"
    )]
    InvalidSecret,
    /// A header the scheme needs is missing.
    #[error("the delivery has no `{0}` header: it was not signed by Seam, or a proxy dropped it")]
    MissingHeader(&'static str),
    /// The timestamp header is not a Unix time in seconds.
    #[error("the delivery's timestamp is not a Unix time in seconds")]
    InvalidTimestamp,
    /// The delivery was sent longer ago than the tolerance: perhaps a replay.
    #[error(
        "the delivery was sent {age:?} ago, more than the tolerance of {tolerance:?}: \
         refused as a possible replay (check the server's clock)"
    )]
    TooOld {
        /// How long ago it says it was sent.
        age: Duration,
        /// The tolerance it broke.
        tolerance: Duration,
    },
    /// The delivery says it was sent in the future, beyond the tolerance.
    #[error(
        "the delivery says it was sent {ahead:?} from now, more than the tolerance of \
         {tolerance:?}: check the server's clock"
    )]
    InTheFuture {
        /// How far ahead of now.
        ahead: Duration,
        /// The tolerance it broke.
        tolerance: Duration,
    },
    /// No signature matches the body: it was changed, or signed with another secret.
    #[error(
        "no signature of the delivery matches its body: verify the raw body as it arrived \
         (not re-serialised JSON), with this endpoint's secret"
    )]
    BadSignature,
    /// The body, signed correctly, is not the JSON expected.
    #[error("the delivery is signed correctly but is not the JSON expected: {0}")]
    InvalidBody(String),
}

impl Webhook {
    /// The verifier for an endpoint's secret, `whsec_…` as Seam shows it (the
    /// prefix may be left out).
    pub fn new(secret: &str) -> Result<Self, WebhookError> {
        let encoded = secret
            .trim()
            .strip_prefix("whsec_")
            .unwrap_or(secret.trim());
        let key = BASE64
            .decode(encoded)
            .map_err(|_| WebhookError::InvalidSecret)?;
        if key.is_empty() {
            return Err(WebhookError::InvalidSecret);
        }
        Ok(Self {
            key,
            tolerance: DEFAULT_TOLERANCE,
        })
    }

    /// How far a delivery's time may be from now, either way
    /// ([`DEFAULT_TOLERANCE`] unless set).
    #[must_use]
    pub fn tolerance(mut self, tolerance: Duration) -> Self {
        self.tolerance = tolerance;
        self
    }

    /// Verifies a delivery: `body` exactly as it arrived, and `header` giving each
    /// header's value by its lower-case name (`|name| headers.get(name)?.to_str().ok()`
    /// with the `http` crate's `HeaderMap`).
    pub fn verify<'h>(
        &self,
        body: &[u8],
        header: impl Fn(&str) -> Option<&'h str>,
    ) -> Result<(), WebhookError> {
        self.verify_at(body, header, SystemTime::now())
    }

    /// [`verify`](Self::verify), then decodes the body: into the SDK's event type,
    /// or any type of yours.
    pub fn verify_json<'h, T: DeserializeOwned>(
        &self,
        body: &[u8],
        header: impl Fn(&str) -> Option<&'h str>,
    ) -> Result<T, WebhookError> {
        self.verify(body, header)?;
        serde_json::from_slice(body).map_err(|error| {
            WebhookError::InvalidBody(crate::redact::decode_failure_reason(&error))
        })
    }

    /// [`verify`](Self::verify) as if the time were `now`: for tests, and for
    /// deliveries kept to verify later.
    pub fn verify_at<'h>(
        &self,
        body: &[u8],
        header: impl Fn(&str) -> Option<&'h str>,
        now: SystemTime,
    ) -> Result<(), WebhookError> {
        let find = |names: [&'static str; 2]| {
            names
                .iter()
                .find_map(|name| header(name))
                .ok_or(WebhookError::MissingHeader(names[0]))
        };
        let id = find(ID)?;
        let timestamp = find(TIMESTAMP)?;
        let signatures = find(SIGNATURE)?;
        self.check_time(timestamp, now)?;

        let mut mac = self.mac();
        mac.update(id.as_bytes());
        mac.update(b".");
        mac.update(timestamp.as_bytes());
        mac.update(b".");
        mac.update(body);
        // Several signatures may be given (while a secret is rotated); versions
        // other than v1 are not ours to check.
        let matches = signatures
            .split(' ')
            .filter_map(|entry| entry.strip_prefix("v1,"))
            .filter_map(|signature| BASE64.decode(signature).ok())
            .any(|signature| mac.clone().verify_slice(&signature).is_ok());
        if matches {
            Ok(())
        } else {
            Err(WebhookError::BadSignature)
        }
    }

    /// The signature header's value for a delivery of `body` with `id`, sent at
    /// `timestamp` (Unix seconds), signed as Seam signs: for tests of code that
    /// receives deliveries.
    pub fn sign(&self, id: &str, timestamp: u64, body: &[u8]) -> String {
        let mut mac = self.mac();
        mac.update(format!("{id}.{timestamp}.").as_bytes());
        mac.update(body);
        format!("v1,{}", BASE64.encode(mac.finalize().into_bytes()))
    }

    fn mac(&self) -> Hmac<Sha256> {
        // HMAC takes a key of any length.
        Hmac::<Sha256>::new_from_slice(&self.key).expect("an HMAC key of any length")
    }

    fn check_time(&self, timestamp: &str, now: SystemTime) -> Result<(), WebhookError> {
        let sent: u64 = timestamp
            .trim()
            .parse()
            .map_err(|_| WebhookError::InvalidTimestamp)?;
        let sent = UNIX_EPOCH
            .checked_add(Duration::from_secs(sent))
            .ok_or(WebhookError::InvalidTimestamp)?;
        let tolerance = self.tolerance;
        match now.duration_since(sent) {
            Ok(age) if age > tolerance => Err(WebhookError::TooOld { age, tolerance }),
            Ok(_) => Ok(()),
            Err(ahead) if ahead.duration() > tolerance => Err(WebhookError::InTheFuture {
                ahead: ahead.duration(),
                tolerance,
            }),
            Err(_) => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    /// Svix's published example: secret, headers and body, and the signature they
    /// give.
    const SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    const ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    const TIMESTAMP: u64 = 1_614_265_330;
    const BODY: &[u8] = br#"{"test": 2432232314}"#;
    const SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    fn at(seconds: u64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds)
    }

    fn headers(prefix: &str, signature: &str) -> HashMap<String, String> {
        HashMap::from([
            (format!("{prefix}-id"), ID.to_owned()),
            (format!("{prefix}-timestamp"), TIMESTAMP.to_string()),
            (format!("{prefix}-signature"), signature.to_owned()),
        ])
    }

    fn verify(
        webhook: &Webhook,
        body: &[u8],
        headers: &HashMap<String, String>,
        now: SystemTime,
    ) -> Result<(), WebhookError> {
        webhook.verify_at(body, |name| headers.get(name).map(String::as_str), now)
    }

    #[test]
    fn svix_example_verifies_under_either_header_names() {
        let webhook = Webhook::new(SECRET).unwrap();
        assert_eq!(webhook.sign(ID, TIMESTAMP, BODY), SIGNATURE);
        for prefix in ["webhook", "svix"] {
            verify(&webhook, BODY, &headers(prefix, SIGNATURE), at(TIMESTAMP)).unwrap();
        }
        // Without its prefix, the secret is the same.
        let bare = Webhook::new(SECRET.trim_start_matches("whsec_")).unwrap();
        verify(&bare, BODY, &headers("webhook", SIGNATURE), at(TIMESTAMP)).unwrap();
    }

    #[test]
    fn one_matching_signature_among_several_is_enough() {
        let webhook = Webhook::new(SECRET).unwrap();
        let list = format!("v1,Zm9v v2,abc v1,not-base64! {SIGNATURE}");
        verify(&webhook, BODY, &headers("webhook", &list), at(TIMESTAMP)).unwrap();
    }

    #[test]
    fn anything_changed_is_a_bad_signature() {
        let webhook = Webhook::new(SECRET).unwrap();
        let now = at(TIMESTAMP);
        let refused = |body: &[u8], headers: HashMap<String, String>| {
            verify(&webhook, body, &headers, now).unwrap_err()
        };
        assert_eq!(
            refused(br#"{"test": 2432232315}"#, headers("webhook", SIGNATURE)),
            WebhookError::BadSignature
        );
        let mut other_id = headers("webhook", SIGNATURE);
        other_id.insert("webhook-id".into(), "msg_other".into());
        assert_eq!(refused(BODY, other_id), WebhookError::BadSignature);
        for signature in [
            "",
            "v1,",
            "v2,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
            "g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
        ] {
            assert_eq!(
                refused(BODY, headers("webhook", signature)),
                WebhookError::BadSignature,
                "{signature}"
            );
        }
        let other_secret = Webhook::new("whsec_c2VjcmV0").unwrap();
        assert_eq!(
            verify(&other_secret, BODY, &headers("webhook", SIGNATURE), now),
            Err(WebhookError::BadSignature)
        );
    }

    #[test]
    fn a_timestamp_outside_the_tolerance_is_refused() {
        let webhook = Webhook::new(SECRET).unwrap();
        let signed = headers("webhook", SIGNATURE);
        verify(&webhook, BODY, &signed, at(TIMESTAMP + 300)).unwrap();
        verify(&webhook, BODY, &signed, at(TIMESTAMP - 300)).unwrap();
        assert!(matches!(
            verify(&webhook, BODY, &signed, at(TIMESTAMP + 301)),
            Err(WebhookError::TooOld { .. })
        ));
        assert!(matches!(
            verify(&webhook, BODY, &signed, at(TIMESTAMP - 301)),
            Err(WebhookError::InTheFuture { .. })
        ));
        let lenient = webhook.clone().tolerance(Duration::from_secs(3600));
        verify(&lenient, BODY, &signed, at(TIMESTAMP + 3000)).unwrap();
        for timestamp in ["", "soon", "-1", "1.5", "99999999999999999999"] {
            let mut bad = signed.clone();
            bad.insert("webhook-timestamp".into(), timestamp.into());
            assert_eq!(
                verify(&webhook, BODY, &bad, at(TIMESTAMP)),
                Err(WebhookError::InvalidTimestamp),
                "{timestamp}"
            );
        }
    }

    #[test]
    fn missing_headers_and_bad_secrets_are_named() {
        let webhook = Webhook::new(SECRET).unwrap();
        for (missing, name) in [
            ("webhook-id", "webhook-id"),
            ("webhook-timestamp", "webhook-timestamp"),
            ("webhook-signature", "webhook-signature"),
        ] {
            let mut partial = headers("webhook", SIGNATURE);
            partial.remove(missing);
            assert_eq!(
                verify(&webhook, BODY, &partial, at(TIMESTAMP)),
                Err(WebhookError::MissingHeader(name))
            );
        }
        for secret in ["", "whsec_", "whsec_not base64!", "whsec_%%%%"] {
            assert_eq!(
                Webhook::new(secret).unwrap_err(),
                WebhookError::InvalidSecret,
                "{secret:?}"
            );
        }
    }

    #[test]
    fn the_secret_is_never_shown() {
        let webhook = Webhook::new(SECRET).unwrap();
        let shown = format!("{webhook:?} {webhook:#?}");
        assert!(!shown.contains("MfKQ9r8G"), "{shown}");
        assert!(
            !Webhook::new("whsec_not base64!")
                .unwrap_err()
                .to_string()
                .contains("not base64")
        );
    }
}

//! Hiding credentials in text taken from an answer (a body excerpt, serde's
//! account of it) before an error keeps it: an answer may hold a client session
//! token, a webhook secret or an access code, and errors end up in logs.
//!
//! The text is often cut short or not valid JSON, so it is scanned, not parsed,
//! and a value that runs to the end of the text is taken as cut: hidden too.

use std::borrow::Cow;

/// What replaces a hidden value.
pub(crate) const REDACTED: &str = "[redacted]";

/// `text` with every credential-like value replaced by `[redacted]`: the string
/// value of a key named like a credential (`"token": "…"`, `"webhook_secret": "…"`,
/// `"apiKey": "…"`), and anywhere, whatever looks like a Seam credential
/// (`seam_…`) or a JWT (`eyJ….….…`, or its start at the end of the text).
pub(crate) fn redact_credentials(text: &str) -> Cow<'_, str> {
    let values = redact_credential_values(text);
    match redact_credential_words(&values) {
        Cow::Borrowed(_) => values,
        Cow::Owned(owned) => Cow::Owned(owned),
    }
}

/// A reason for a body that did not decode, from serde's message without the
/// values it quotes: in a Data error (`invalid type: string "seam_cst…"`,
/// `unknown variant `…``) the value may be a credential, so only what was
/// expected and where stays.
pub(crate) fn decode_failure_reason(error: &serde_json::Error) -> String {
    let message = error.to_string();
    if error.classify() != serde_json::error::Category::Data {
        return message;
    }
    let mut out = String::with_capacity(message.len());
    let mut rest = message.as_str();
    loop {
        let string_at = rest.find('"');
        let variant_at = rest.find("unknown variant `");
        match (string_at, variant_at) {
            // A string value, as serde quotes it (`{:?}`): up to its unescaped end.
            (Some(at), variant) if variant.is_none_or(|variant| at < variant) => {
                out.push_str(&rest[..=at]);
                let end = string_end(&rest[at + 1..]);
                out.push_str(REDACTED);
                rest = &rest[at + 1 + end..];
                if let Some(after) = rest.strip_prefix('"') {
                    out.push('"');
                    rest = after;
                }
            }
            (_, Some(at)) => {
                let start = at + "unknown variant `".len();
                out.push_str(&rest[..start]);
                out.push_str(REDACTED);
                let end = rest[start..]
                    .find('`')
                    .map_or(rest.len(), |end| start + end);
                rest = &rest[end..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

/// The bytes of a JSON or Rust-escaped string body before its closing quote (or
/// all of `text` when it has none: the text was cut inside the string).
fn string_end(text: &str) -> usize {
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    text.len()
}

/// Replaces the string value of every credential-like key.
fn redact_credential_values(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    // Up to where `text` has been copied to `out`.
    let mut copied = 0;
    let mut at = 0;
    while let Some(open) = text[at..].find('"').map(|open| at + open) {
        let key_end = open + 1 + string_end(&text[open + 1..]);
        if key_end >= text.len() {
            break;
        }
        let key = &text[open + 1..key_end];
        // Skip `\s*:\s*"` to the value, if there is one.
        let mut value = key_end + 1;
        while bytes.get(value).is_some_and(u8::is_ascii_whitespace) {
            value += 1;
        }
        if bytes.get(value) != Some(&b':') {
            // Not a key: this string's closing quote may open the next string.
            at = key_end + 1;
            continue;
        }
        value += 1;
        while bytes.get(value).is_some_and(u8::is_ascii_whitespace) {
            value += 1;
        }
        if bytes.get(value) != Some(&b'"') {
            at = value;
            continue;
        }
        let value_start = value + 1;
        let value_end = value_start + string_end(&text[value_start..]);
        if is_credential_key(key) && value_end > value_start {
            out.push_str(&text[copied..value_start]);
            out.push_str(REDACTED);
            copied = value_end;
        }
        at = (value_end + 1).min(text.len());
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Whether a key names a credential: its last word is `token`, `secret`,
/// `password` and the like, or it ends in `api key`, `private key`…; words split
/// at `_`, `-` and camel case. `user_identifier_key` and plain `key` are not.
fn is_credential_key(key: &str) -> bool {
    let mut words: Vec<String> = Vec::new();
    let mut previous_lower = false;
    for c in key.chars() {
        if c == '_' || c == '-' || c == ' ' || c == '.' {
            words.push(String::new());
            previous_lower = false;
            continue;
        }
        if words.is_empty() || (c.is_uppercase() && previous_lower) {
            words.push(String::new());
        }
        previous_lower = c.is_lowercase() || c.is_ascii_digit();
        words.last_mut().expect("a word").extend(c.to_lowercase());
    }
    words.retain(|word| !word.is_empty());
    let last = words.last().map(String::as_str);
    let before_last = words.len().checked_sub(2).map(|at| words[at].as_str());
    matches!(
        last,
        Some(
            "token"
                | "secret"
                | "password"
                | "passwd"
                | "passcode"
                | "pin"
                | "code"
                | "apikey"
                | "credential"
                | "credentials"
                | "authorization"
                | "cookie"
        )
    ) || (last == Some("key")
        && matches!(
            before_last,
            Some("api" | "private" | "secret" | "access" | "publishable" | "signing")
        ))
}

/// Replaces every word that looks like a Seam credential or a JWT.
fn redact_credential_words(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut at = 0;
    while at < bytes.len() {
        // A word starts where a token character follows a character that is not one.
        if !is_token_byte(bytes[at]) || (at > 0 && is_token_byte(bytes[at - 1])) {
            at += 1;
            continue;
        }
        let plain_end = (at..bytes.len())
            .find(|&end| !is_token_byte(bytes[end]))
            .unwrap_or(bytes.len());
        let hidden_end = if text[at..plain_end]
            .strip_prefix("seam_")
            .is_some_and(|rest| !rest.is_empty())
        {
            Some(plain_end)
        } else if text[at..].starts_with("ey") {
            let end = jwt_end(bytes, at);
            is_jwt_like(&text[at..end], end == bytes.len()).then_some(end)
        } else {
            None
        };
        match hidden_end {
            Some(end) => {
                out.push_str(&text[copied..at]);
                out.push_str(REDACTED);
                copied = end;
                at = end;
            }
            // Not `end` of a JWT-like run: a Seam credential may follow its dot.
            None => at = plain_end,
        }
    }
    if copied == 0 {
        return Cow::Borrowed(text);
    }
    out.push_str(&text[copied..]);
    Cow::Owned(out)
}

/// Letters, digits, `_` and `-` (base64url): what Seam tokens and JWT parts are made of.
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-'
}

/// The end of the word at `start`: token characters and the dots between JWT parts.
fn jwt_end(bytes: &[u8], start: usize) -> usize {
    let mut end = start;
    while end < bytes.len()
        && (is_token_byte(bytes[end])
            // A dot the text ends on may have been followed by another part.
            || (bytes[end] == b'.' && bytes.get(end + 1).is_none_or(|&next| is_token_byte(next))))
    {
        end += 1;
    }
    end
}

/// Three dot-separated parts (a JWT), or, cut by the end of the text, what may be
/// the start of one (a plain word there, such as `eye`, is lost: little harm).
fn is_jwt_like(word: &str, at_end: bool) -> bool {
    word.split('.').count() == 3 || (at_end && word.len() > "ey".len())
}

/// The URL as messages may show it, parsed or not: whatever stands between the
/// scheme and the last `@` (userinfo, where a credential may hide) is replaced, and
/// so are the query and the fragment.
pub(crate) fn redact_url(url: &str) -> String {
    let (scheme, rest) = match url.find("://") {
        Some(end) => url.split_at(end + 3),
        None => ("", url),
    };
    // The last `@`: a password may itself hold `@`, `/` or `?`.
    let rest = match rest.rfind('@') {
        Some(at) => format!("{REDACTED}{}", &rest[at..]),
        None => rest.to_owned(),
    };
    match rest.find(['?', '#']) {
        Some(cut) => format!("{scheme}{}{}{REDACTED}", &rest[..cut], &rest[cut..=cut]),
        None => format!("{scheme}{rest}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_redacted_parsed_or_not() {
        for (url, shown) in [
            ("https://connect.example", "https://connect.example"),
            ("https://u:p@x.example/a", "https://[redacted]@x.example/a"),
            (
                "https://u:p@x.example:99999",
                "https://[redacted]@x.example:99999",
            ),
            ("https://u:p/@q@x y", "https://[redacted]@x y"),
            (
                "https://x.example/?key=k#f",
                "https://x.example/?[redacted]",
            ),
            ("https://x.example/#f", "https://x.example/#[redacted]"),
            ("u:p@x.example", "[redacted]@x.example"),
        ] {
            assert_eq!(redact_url(url), shown, "{url}");
        }
    }

    #[test]
    fn credential_keys_are_recognised() {
        for key in [
            "token",
            "client_session_token",
            "clientSessionToken",
            "secret",
            "webhook_secret",
            "password",
            "api_key",
            "apiKey",
            "API-KEY",
            "publishable_key",
            "code",
            "access_code",
            "Authorization",
        ] {
            assert!(is_credential_key(key), "{key}");
        }
        for key in [
            "key",
            "user_identifier_key",
            "tokens_issued",
            "name",
            "thing_id",
            "",
            "keys",
        ] {
            assert!(!is_credential_key(key), "{key}");
        }
    }

    #[test]
    fn values_of_credential_keys_are_hidden() {
        assert_eq!(
            redact_credentials(r#"{"name":"door","token" : "abc\"def","n":1}"#),
            r#"{"name":"door","token" : "[redacted]","n":1}"#
        );
        assert_eq!(
            redact_credentials(r#"{"a":{"webhook_secret":"whsec_1"},"password":"p"}"#),
            r#"{"a":{"webhook_secret":"[redacted]"},"password":"[redacted]"}"#
        );
        // A key or value that is not a string, and a string that only looks like a key.
        assert_eq!(
            redact_credentials(r#"{"token":null,"code":502,"x":"token","y":"z"}"#),
            r#"{"token":null,"code":502,"x":"token","y":"z"}"#
        );
    }

    #[test]
    fn a_value_cut_by_the_end_of_the_text_is_hidden() {
        assert_eq!(
            redact_credentials(r#"{"token": "abcd"#),
            r#"{"token": "[redacted]"#
        );
        assert_eq!(redact_credentials(r#"{"token": "#), r#"{"token": "#);
        assert_eq!(redact_credentials(r#"{"tok"#), r#"{"tok"#);
    }

    #[test]
    fn seam_credentials_and_jwts_are_hidden_anywhere() {
        assert_eq!(
            redact_credentials("<p>key seam_cst1_abc-d, not seam or seam_</p>"),
            "<p>key [redacted], not seam or seam_</p>"
        );
        assert_eq!(
            redact_credentials("bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig-_x end"),
            "bearer [redacted] end"
        );
        // A JWT cut short, and plain words that begin with `ey`.
        assert_eq!(redact_credentials("x eyJhbGciOiJIU"), "x [redacted]");
        assert_eq!(redact_credentials("x eyJhbGc.eyJz"), "x [redacted]");
        assert_eq!(redact_credentials("eyes keys. eye!"), "eyes keys. eye!");
        assert_eq!(redact_credentials("x eyJhb."), "x [redacted]");
        assert_eq!(redact_credentials("x eyJ"), "x [redacted]");
        // A credential after a dot, after a word or after a short `ey…` part.
        assert_eq!(
            redact_credentials("host.seam_cst1_a ey.seam_at1_b x"),
            "host.[redacted] ey.[redacted] x"
        );
    }

    #[test]
    fn serde_reasons_keep_no_value() {
        let error = serde_json::from_str::<u8>(r#""seam_cst1_x\"y""#).unwrap_err();
        let reason = decode_failure_reason(&error);
        assert!(reason.starts_with(r#"invalid type: string "[redacted]", expected u8"#));
        assert!(reason.contains("line 1 column"), "{reason}");

        #[derive(Debug, serde::Deserialize)]
        enum Kind {
            #[allow(dead_code)]
            Lock,
        }
        let error = serde_json::from_str::<Kind>(r#""hunter2""#).unwrap_err();
        let reason = decode_failure_reason(&error);
        assert!(!reason.contains("hunter2"), "{reason}");
        assert!(reason.contains("expected `Lock`"), "{reason}");

        let error = serde_json::from_str::<u8>("{").unwrap_err();
        assert_eq!(decode_failure_reason(&error), error.to_string());
    }
}

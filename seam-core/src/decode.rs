//! Decoding Seam's answers: the value under its response key, pages, and the
//! error envelope. Generic code that every endpoint shares.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use crate::error::ApiError;
use crate::pagination::{Page, Pagination};

/// Decodes the value under `key` of a JSON object, skipping the other keys without
/// building them.
pub fn decode_keyed<T: DeserializeOwned>(
    body: &[u8],
    key: &'static str,
) -> Result<T, serde_json::Error> {
    let seed = KeyedSeed::<T> {
        key,
        marker: PhantomData,
    };
    decode_body(body, seed)
}

/// Reads one value of `body` with `seed`, then checks that only whitespace follows.
///
/// The whole body is checked to be UTF-8 first, in one pass, and read as a `str`:
/// serde_json then does not check every string on its own (which cost a sixth of
/// decoding a page of devices). A body that is not UTF-8 is read as bytes, for
/// serde_json's account of where it goes wrong.
fn decode_body<'de, S: DeserializeSeed<'de>>(
    body: &'de [u8],
    seed: S,
) -> Result<S::Value, serde_json::Error> {
    match std::str::from_utf8(body) {
        Ok(text) => decode_with(serde_json::Deserializer::from_str(text), seed),
        Err(_) => decode_with(serde_json::Deserializer::from_slice(body), seed),
    }
}

/// Reads one value with `seed`, then checks that only whitespace follows.
fn decode_with<'de, R, S>(
    mut deserializer: serde_json::Deserializer<R>,
    seed: S,
) -> Result<S::Value, serde_json::Error>
where
    R: serde_json::de::Read<'de>,
    S: DeserializeSeed<'de>,
{
    let value = seed.deserialize(&mut deserializer)?;
    deserializer.end()?;
    Ok(value)
}

/// Checks that a void route's answer is a JSON object, without keeping any of it.
/// A body that starts with `{` and ends with `}` is taken as one unread (nothing in
/// it is used); anything else is parsed, for serde_json's account of what is wrong.
pub fn decode_void(body: &[u8]) -> Result<(), serde_json::Error> {
    if matches!(body.trim_ascii(), [b'{', .., b'}']) {
        return Ok(());
    }
    serde_json::from_slice::<IgnoredAny>(body)?;
    Err(de::Error::invalid_type(
        de::Unexpected::Other("JSON that is not an object"),
        &"an object",
    ))
}

/// Decodes a page: the list under `key` and the `pagination` beside it.
pub fn decode_page<T: DeserializeOwned>(
    body: &[u8],
    key: &'static str,
) -> Result<Page<T>, serde_json::Error> {
    let seed = PageSeed::<T> {
        key,
        marker: PhantomData,
    };
    decode_body(body, seed)
}

/// Decodes the value under `key` and, if present, the one under `beside`: a
/// resource and the action attempt Seam started for it.
pub fn decode_beside<T: DeserializeOwned, B: DeserializeOwned>(
    body: &[u8],
    key: &'static str,
    beside: &'static str,
) -> Result<(T, Option<B>), serde_json::Error> {
    let seed = BesideSeed::<T, B> {
        key,
        beside,
        marker: PhantomData,
    };
    decode_body(body, seed)
}

struct KeyedSeed<T> {
    key: &'static str,
    marker: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for KeyedSeed<T> {
    type Value = T;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for KeyedSeed<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with the key `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.key && found.is_none() {
                found = Some(map.next_value::<T>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        found.ok_or_else(|| de::Error::missing_field(self.key))
    }
}

struct PageSeed<T> {
    key: &'static str,
    marker: PhantomData<T>,
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for PageSeed<T> {
    type Value = Page<T>;

    fn deserialize<D: de::Deserializer<'de>>(self, deserializer: D) -> Result<Page<T>, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned> Visitor<'de> for PageSeed<T> {
    type Value = Page<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with the key `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Page<T>, A::Error> {
        let mut items = None;
        let mut pagination = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.key && items.is_none() {
                items = Some(map.next_value::<Vec<T>>()?);
            } else if key == "pagination" && pagination.is_none() {
                pagination = Some(map.next_value::<Option<Pagination>>()?.unwrap_or_default());
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let items = items.ok_or_else(|| de::Error::missing_field(self.key))?;
        Ok(Page::new(items, pagination.unwrap_or_default()))
    }
}

struct BesideSeed<T, B> {
    key: &'static str,
    beside: &'static str,
    marker: PhantomData<(T, B)>,
}

impl<'de, T: DeserializeOwned, B: DeserializeOwned> DeserializeSeed<'de> for BesideSeed<T, B> {
    type Value = (T, Option<B>);

    fn deserialize<D: de::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de, T: DeserializeOwned, B: DeserializeOwned> Visitor<'de> for BesideSeed<T, B> {
    type Value = (T, Option<B>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with the key `{}`", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut found = None;
        let mut beside = None;
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            if key == self.key && found.is_none() {
                found = Some(map.next_value::<T>()?);
            } else if key == self.beside && beside.is_none() {
                // `null` reads as absent, as a missing key does.
                beside = Some(map.next_value::<Option<B>>()?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        let found = found.ok_or_else(|| de::Error::missing_field(self.key))?;
        Ok((found, beside.flatten()))
    }
}

#[derive(Deserialize)]
struct Envelope {
    error: ErrorBody,
}

#[derive(Deserialize)]
struct ErrorBody {
    #[serde(rename = "type")]
    error_type: String,
    #[serde(default)]
    message: String,
    #[serde(default)]
    validation_errors: Option<Value>,
    #[serde(default)]
    data: Option<Value>,
}

/// Reads Seam's error envelope, or says why the body is not one.
pub fn decode_error(
    path: &'static str,
    status: u16,
    request_id: Option<String>,
    body: &[u8],
) -> Result<ApiError, serde_json::Error> {
    let envelope: Envelope = serde_json::from_slice(body)?;
    let mut validation_errors = BTreeMap::new();
    if let Some(tree) = &envelope.error.validation_errors {
        flatten_validation_errors(tree, &mut String::new(), &mut validation_errors);
    }
    Ok(ApiError {
        path,
        status,
        error_type: envelope.error.error_type,
        message: envelope.error.message,
        request_id,
        validation_errors,
        data: envelope.error.data,
    })
}

/// Seam reports invalid input as a tree that mirrors the parameters, with the
/// messages of each node under `_errors`:
/// `{"_errors": [], "custom_metadata": {"_errors": ["..."]}}`. Flattens it to
/// messages by dotted path, keeping only the nodes that have messages.
fn flatten_validation_errors(
    node: &Value,
    path: &mut String,
    out: &mut BTreeMap<String, Vec<String>>,
) {
    let Value::Object(fields) = node else { return };
    for (key, child) in fields {
        if key == "_errors" {
            let messages: Vec<String> = match child {
                Value::Array(messages) => messages
                    .iter()
                    .map(|message| match message {
                        Value::String(text) => text.clone(),
                        other => other.to_string(),
                    })
                    .collect(),
                _ => Vec::new(),
            };
            if !messages.is_empty() {
                out.entry(path.clone()).or_default().extend(messages);
            }
        } else {
            let length = path.len();
            if !path.is_empty() {
                path.push('.');
            }
            path.push_str(key);
            flatten_validation_errors(child, path, out);
            path.truncate(length);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyed_value_is_picked_from_among_others() {
        let body = br#"{"ok": true, "thing": {"a": 1}, "extra": [1, 2, {"b": null}]}"#;
        let value: BTreeMap<String, u8> = decode_keyed(body, "thing").unwrap();
        assert_eq!(value["a"], 1);
    }

    #[test]
    fn a_missing_key_is_an_error_that_names_it() {
        let error = decode_keyed::<Value>(br#"{"ok": true}"#, "thing").unwrap_err();
        assert!(
            error.to_string().contains("missing field `thing`"),
            "{error}"
        );
    }

    #[test]
    fn trailing_garbage_is_refused() {
        assert!(decode_keyed::<Value>(br#"{"thing": 1} x"#, "thing").is_err());
        assert!(decode_void(br#"{"ok": true} x"#).is_err());
    }

    #[test]
    fn void_accepts_an_object_and_refuses_the_rest() {
        decode_void(br#"{"ok": true}"#).unwrap();
        decode_void(b" {\"connected_account\": {}, \"ok\": true}\n").unwrap();
        for body in [&b"<html>"[..], b"", b"{", b"{\"ok\": tr", b"}", b"[1]"] {
            assert!(decode_void(body).is_err(), "{body:?}");
        }
    }

    #[test]
    fn page_reads_items_and_pagination() {
        let body = br#"{"things": [1, 2], "pagination": {"has_next_page": true, "next_page_cursor": "c2", "next_page_url": null}, "ok": true}"#;
        let page: Page<u8> = decode_page(body, "things").unwrap();
        assert_eq!(page.items, [1, 2]);
        assert_eq!(page.next_cursor(), Some("c2"));
    }

    #[test]
    fn beside_reads_both_values_and_takes_a_missing_or_null_second_as_absent() {
        let body = br#"{"thing": 1, "ok": true, "attempt": {"id": "a"}}"#;
        let (thing, attempt): (u8, Option<BTreeMap<String, String>>) =
            decode_beside(body, "thing", "attempt").unwrap();
        assert_eq!((thing, attempt.unwrap()["id"].as_str()), (1, "a"));
        for body in [&br#"{"thing": 1}"#[..], br#"{"attempt": null, "thing": 1}"#] {
            let (thing, attempt): (u8, Option<Value>) =
                decode_beside(body, "thing", "attempt").unwrap();
            assert_eq!((thing, attempt), (1, None));
        }
        let error =
            decode_beside::<u8, Value>(br#"{"attempt": {}}"#, "thing", "attempt").unwrap_err();
        assert!(
            error.to_string().contains("missing field `thing`"),
            "{error}"
        );
        assert!(
            decode_beside::<u8, u8>(br#"{"thing": 1, "attempt": "x"}"#, "thing", "attempt")
                .is_err()
        );
    }

    #[test]
    fn a_body_that_is_not_utf8_is_refused_with_its_position() {
        let error = decode_keyed::<Value>(b"{\"thing\": \"\xff\"}", "thing").unwrap_err();
        assert!(error.to_string().contains("column"), "{error}");
        let error = decode_page::<Value>(b"{\"things\": [\"\xc3\"]}", "things").unwrap_err();
        assert!(error.to_string().contains("column"), "{error}");
        // Escapes still decode, borrowed or not.
        let page: Page<String> =
            decode_page(br#"{"things": ["\u00e9t\u00e9", "x"]}"#, "things").unwrap();
        assert_eq!(page.items, ["\u{e9}t\u{e9}", "x"]);
    }

    #[test]
    fn page_without_pagination_is_the_last() {
        let page: Page<u8> = decode_page(br#"{"things": []}"#, "things").unwrap();
        assert_eq!(page.next_cursor(), None);
    }

    #[test]
    fn error_envelope_flattens_validation_errors() {
        let body = br#"{"error": {"type": "invalid_input", "message": "Invalid input",
            "validation_errors": {"_errors": ["top"], "custom_metadata": {"_errors": ["too many"],
            "key": {"_errors": ["too long"]}}}}, "ok": false}"#;
        let error = decode_error("/things/get", 400, Some("req_1".into()), body).unwrap();
        assert!(error.is_invalid_input());
        assert_eq!(error.validation_errors[""], ["top"]);
        assert_eq!(error.validation_errors["custom_metadata"], ["too many"]);
        assert_eq!(error.validation_errors["custom_metadata.key"], ["too long"]);
        assert_eq!(error.request_id.as_deref(), Some("req_1"));
    }

    #[test]
    fn error_envelope_keeps_data() {
        let body = br#"{"error": {"type": "x_not_found", "message": "gone", "data": {"id": "1"}}}"#;
        let error = decode_error("/things/get", 404, None, body).unwrap();
        assert!(error.is_not_found());
        assert_eq!(error.data, Some(serde_json::json!({"id": "1"})));
    }

    #[test]
    fn a_body_that_is_not_an_envelope_is_refused() {
        assert!(decode_error("/things/get", 500, None, b"<html>oops</html>").is_err());
        assert!(decode_error("/things/get", 500, None, br#"{"message": "no"}"#).is_err());
    }
}

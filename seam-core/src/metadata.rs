//! Custom metadata: the key-value pairs Seam stores on a resource for the caller.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::validation::{FieldPath, Validate, ValidationErrors, check_bounds, seam_length};

/// One value of [`CustomMetadata`]: a string, a boolean, or null, as Seam's API
/// reference lists; or a number, which Seam's own fake server accepts and stores.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum MetadataValue {
    /// Text of at most [`CustomMetadata::MAX_VALUE_LENGTH`] characters.
    String(String),
    /// A boolean.
    Bool(bool),
    /// A number.
    Number(serde_json::Number),
    /// `null`.
    Null,
    /// A float that JSON cannot carry (NaN or an infinity), kept so that validation
    /// refuses it with the key it sits under; never sent.
    #[serde(skip_deserializing)]
    NonFinite(NonFinite),
}

/// A float JSON has no number for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NonFinite {
    /// Not a number.
    NaN,
    /// Positive infinity.
    Infinity,
    /// Negative infinity.
    NegativeInfinity,
}

impl NonFinite {
    /// What `value` is, when it is not finite.
    fn of(value: f64) -> Option<Self> {
        if value.is_nan() {
            Some(Self::NaN)
        } else if value == f64::INFINITY {
            Some(Self::Infinity)
        } else if value == f64::NEG_INFINITY {
            Some(Self::NegativeInfinity)
        } else {
            None
        }
    }
}

impl Serialize for NonFinite {
    /// Refuses: validation stops such a value before anything is serialised to send.
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom(format!(
            "{self:?} is not a number JSON can carry"
        )))
    }
}

macro_rules! metadata_value_from_integer {
    ($($integer:ty),*) => {$(
        impl From<$integer> for MetadataValue {
            fn from(value: $integer) -> Self {
                Self::Number(value.into())
            }
        }
    )*};
}

metadata_value_from_integer!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize);

impl From<f64> for MetadataValue {
    /// A number; NaN and the infinities, which JSON cannot carry, are kept apart
    /// for validation to refuse.
    fn from(value: f64) -> Self {
        match serde_json::Number::from_f64(value) {
            Some(number) => Self::Number(number),
            None => Self::NonFinite(NonFinite::of(value).unwrap_or(NonFinite::NaN)),
        }
    }
}

impl From<f32> for MetadataValue {
    /// As `f64`, from the shortest decimal that reads back as the same `f32`
    /// (`0.1f32` is sent as `0.1`, not `0.10000000149011612`).
    fn from(value: f32) -> Self {
        if !value.is_finite() {
            return f64::from(value).into();
        }
        let shortest: f64 = value.to_string().parse().unwrap_or(f64::from(value));
        shortest.into()
    }
}

impl From<&str> for MetadataValue {
    fn from(value: &str) -> Self {
        Self::String(value.to_owned())
    }
}

impl From<String> for MetadataValue {
    fn from(value: String) -> Self {
        Self::String(value)
    }
}

impl From<bool> for MetadataValue {
    fn from(value: bool) -> Self {
        Self::Bool(value)
    }
}

impl<T: Into<MetadataValue>> From<Option<T>> for MetadataValue {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Into::into)
    }
}

/// Key-value pairs stored on a resource: at most [`Self::MAX_ENTRIES`] of them,
/// keys of at most [`Self::MAX_KEY_LENGTH`] characters (an empty key is allowed, as
/// Seam allows it), values a string of at most
/// [`Self::MAX_VALUE_LENGTH`] characters, a boolean, or null.
///
/// Build it from literals or any iterator of pairs:
///
/// ```
/// use seamapi_core::CustomMetadata;
///
/// let metadata = CustomMetadata::from([("id", "internalId1")]);
/// let metadata: CustomMetadata = [("active", true)].into_iter().collect();
/// let metadata = CustomMetadata::new().with("id", "internalId1").with("vip", true);
/// ```
///
/// The limits are checked before a request is sent, as Seam checks them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomMetadata(BTreeMap<String, MetadataValue>);

impl CustomMetadata {
    /// How many pairs Seam keeps at most.
    pub const MAX_ENTRIES: usize = 50;
    /// The longest key, in characters.
    pub const MAX_KEY_LENGTH: usize = 40;
    /// The longest string value, in characters.
    pub const MAX_VALUE_LENGTH: usize = 500;

    /// No pairs.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds or replaces a pair.
    #[must_use]
    pub fn with(mut self, key: impl Into<String>, value: impl Into<MetadataValue>) -> Self {
        self.insert(key, value);
        self
    }

    /// Adds or replaces a pair, returning the value it replaced.
    pub fn insert(
        &mut self,
        key: impl Into<String>,
        value: impl Into<MetadataValue>,
    ) -> Option<MetadataValue> {
        self.0.insert(key.into(), value.into())
    }

    /// The value under `key`.
    pub fn get(&self, key: &str) -> Option<&MetadataValue> {
        self.0.get(key)
    }

    /// How many pairs there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The pairs, in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &MetadataValue)> {
        self.0.iter().map(|(key, value)| (key.as_str(), value))
    }
}

impl<K: Into<String>, V: Into<MetadataValue>> FromIterator<(K, V)> for CustomMetadata {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        Self(
            pairs
                .into_iter()
                .map(|(key, value)| (key.into(), value.into()))
                .collect(),
        )
    }
}

impl<K: Into<String>, V: Into<MetadataValue>, const N: usize> From<[(K, V); N]> for CustomMetadata {
    fn from(pairs: [(K, V); N]) -> Self {
        pairs.into_iter().collect()
    }
}

impl From<BTreeMap<String, MetadataValue>> for CustomMetadata {
    fn from(pairs: BTreeMap<String, MetadataValue>) -> Self {
        Self(pairs)
    }
}

impl IntoIterator for CustomMetadata {
    type Item = (String, MetadataValue);
    type IntoIter = std::collections::btree_map::IntoIter<String, MetadataValue>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl crate::validation::HasEntries for CustomMetadata {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl Validate for CustomMetadata {
    /// Checks keys and values; the number of pairs is bounded by the field's
    /// `#[seam(max_entries = 50)]`, so that it is reported once.
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in &self.0 {
            let key_path = FieldPath::Child(path, key);
            check_bounds(
                seam_length(key),
                None,
                Some(Self::MAX_KEY_LENGTH),
                "characters in its key",
                &key_path,
                errors,
            );
            match value {
                MetadataValue::String(text) => check_bounds(
                    seam_length(text),
                    None,
                    Some(Self::MAX_VALUE_LENGTH),
                    "characters",
                    &key_path,
                    errors,
                ),
                MetadataValue::NonFinite(what) => errors.push(
                    &key_path,
                    format!("is {what:?}, which JSON cannot carry: give a finite number"),
                ),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violations(metadata: &CustomMetadata) -> Vec<String> {
        let mut errors = ValidationErrors::new("/x");
        metadata.validate(&FieldPath::Field("custom_metadata"), &mut errors);
        errors
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn numbers_of_every_type_and_non_finite_floats_refused() {
        let metadata = CustomMetadata::new()
            .with("i8", -8i8)
            .with("u8", 8u8)
            .with("i16", -16i16)
            .with("u16", 16u16)
            .with("isize", -1isize)
            .with("usize", 1usize)
            .with("u64", u64::MAX)
            .with("f32", 0.1f32)
            .with("f64", 2.5f64);
        assert!(violations(&metadata).is_empty());
        assert_eq!(
            serde_json::to_string(&metadata).unwrap(),
            r#"{"f32":0.1,"f64":2.5,"i16":-16,"i8":-8,"isize":-1,"u16":16,"u64":18446744073709551615,"u8":8,"usize":1}"#
        );
        let metadata = CustomMetadata::new()
            .with("nan", f64::NAN)
            .with("up", f32::INFINITY)
            .with("down", f64::NEG_INFINITY)
            .with("fine", 1.0);
        assert_eq!(
            violations(&metadata),
            [
                "custom_metadata.down is NegativeInfinity, which JSON cannot carry: give a finite number",
                "custom_metadata.nan is NaN, which JSON cannot carry: give a finite number",
                "custom_metadata.up is Infinity, which JSON cannot carry: give a finite number",
            ]
        );
        assert!(serde_json::to_string(&metadata).is_err());
    }

    #[test]
    fn serialises_as_a_plain_object() {
        let metadata = CustomMetadata::from([("id", "internalId1")])
            .with("vip", true)
            .with("gone", None::<String>);
        assert_eq!(
            serde_json::to_value(&metadata).unwrap(),
            serde_json::json!({"id": "internalId1", "vip": true, "gone": null})
        );
    }

    #[test]
    fn deserialises_every_kind_of_value() {
        let metadata: CustomMetadata =
            serde_json::from_str(r#"{"a": "x", "b": false, "c": null}"#).unwrap();
        assert_eq!(metadata.get("a"), Some(&MetadataValue::from("x")));
        assert_eq!(metadata.get("b"), Some(&MetadataValue::Bool(false)));
        assert_eq!(metadata.get("c"), Some(&MetadataValue::Null));
        let metadata: CustomMetadata = serde_json::from_str(r#"{"n": 5}"#).unwrap();
        assert_eq!(metadata.get("n"), Some(&MetadataValue::from(5)));
        assert!(serde_json::from_str::<CustomMetadata>(r#"{"o": {"nested": true}}"#).is_err());
        assert!(serde_json::from_str::<CustomMetadata>(r#"{"a": [1]}"#).is_err());
    }

    #[test]
    fn limits_hold_at_their_edges() {
        let inside = CustomMetadata::new()
            .with("k".repeat(40), "v".repeat(500))
            .with("other", true);
        assert!(violations(&inside).is_empty());

        let outside = CustomMetadata::new()
            .with("k".repeat(41), "ok")
            .with("long", "v".repeat(501))
            .with("", "empty key");
        assert_eq!(
            violations(&outside),
            [
                &format!(
                    "custom_metadata.{} has 41 characters in its key, at most 40 allowed",
                    "k".repeat(41)
                ),
                "custom_metadata.long has 501 characters, at most 500 allowed",
            ]
        );
    }
}

//! A parameter that may be sent as `null`: the third state between left out and a
//! value, for the parameters Seam documents as nullable (clearing a value).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::validation::{
    FieldPath, HasEntries, HasLength, HasNumber, OneOfValues, Validate, ValidationErrors,
};

/// A value, or an explicit `null`. A nullable parameter is a field of type
/// `Option<Nullable<T>>`, so its three states read as what they send:
///
/// | field | JSON |
/// | --- | --- |
/// | `None` (setter not called) | left out |
/// | `Some(Nullable::Null)` | `null` |
/// | `Some(Nullable::Value(v))` | `v` |
///
/// Its setter takes anything that converts into `T` (a `&str` for a
/// `Nullable<String>`, pairs for a `Nullable<CustomMetadata>`), a
/// `Nullable<T>` such as `Nullable::Null`, or an `Option` of either kind of
/// value (`None` is `null`), through [`IntoNullable`]. For a number or a `bool`,
/// it takes a `T` (so that a literal needs no suffix), `Nullable<T>` or
/// `Option<T>`:
///
/// ```
/// use seamapi_core::{Nullable, seam_endpoint};
///
/// #[seam_endpoint(path = "/access_grants/update", idempotent = true)]
/// pub struct UpdateAccessGrant {
///     pub access_grant_id: String,
///     #[seam(min_length = 1)]
///     pub name: Option<Nullable<String>>,
///     pub ends_at: Option<Nullable<String>>,
/// }
///
/// let params = UpdateAccessGrant::new("ag_1").name("Front door").ends_at(Nullable::Null);
/// assert_eq!(
///     serde_json::to_string(&params).unwrap(),
///     r#"{"access_grant_id":"ag_1","name":"Front door","ends_at":null}"#
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Nullable<T> {
    /// `null`.
    Null,
    /// A value.
    Value(T),
}

impl<T> Nullable<T> {
    /// The value, if there is one.
    pub fn as_ref(&self) -> Option<&T> {
        match self {
            Self::Null => None,
            Self::Value(value) => Some(value),
        }
    }

    /// The value, or `None` for `null`.
    pub fn into_option(self) -> Option<T> {
        match self {
            Self::Null => None,
            Self::Value(value) => Some(value),
        }
    }

    /// Whether it is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }
}

impl<T> From<T> for Nullable<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

/// `None` is `null`, as serde reads an absent value.
impl<T> From<Option<T>> for Nullable<T> {
    fn from(value: Option<T>) -> Self {
        value.map_or(Self::Null, Self::Value)
    }
}

impl From<&str> for Nullable<String> {
    fn from(value: &str) -> Self {
        Self::Value(value.to_owned())
    }
}

/// What the setter of a nullable parameter (`Option<Nullable<T>>`) takes: a
/// value that converts into `T`, a `Nullable<T>`, or an `Option` of a value that
/// converts into `T`. `M` tells the three apart (it is inferred), so that
/// `value.into()` serves any `Into<T>` without overlapping `Nullable<T>` itself.
///
/// ```
/// use std::borrow::Cow;
/// use seamapi_core::{IntoNullable, Nullable};
///
/// fn set<M>(value: impl IntoNullable<String, M>) -> Nullable<String> {
///     value.into_nullable()
/// }
/// assert_eq!(set("a"), Nullable::Value("a".to_owned()));
/// assert_eq!(set(Cow::Borrowed("b")), Nullable::Value("b".to_owned()));
/// assert_eq!(set(Nullable::Null), Nullable::Null);
/// assert_eq!(set(None::<&str>), Nullable::Null);
/// assert_eq!(set(Some('c')), Nullable::Value("c".to_owned()));
/// ```
pub trait IntoNullable<T, M> {
    /// The value as a `Nullable<T>`.
    fn into_nullable(self) -> Nullable<T>;
}

/// The `M` of [`IntoNullable`] for a value that converts into `T`.
#[derive(Debug)]
#[non_exhaustive]
pub struct ViaInto;

/// The `M` of [`IntoNullable`] for a `Nullable<T>` itself.
#[derive(Debug)]
#[non_exhaustive]
pub struct Exactly;

/// The `M` of [`IntoNullable`] for an `Option` of a value that converts into `T`.
#[derive(Debug)]
#[non_exhaustive]
pub struct ViaOption;

impl<T, U: Into<T>> IntoNullable<T, ViaInto> for U {
    fn into_nullable(self) -> Nullable<T> {
        Nullable::Value(self.into())
    }
}

impl<T> IntoNullable<T, Exactly> for Nullable<T> {
    fn into_nullable(self) -> Nullable<T> {
        self
    }
}

impl<T, U: Into<T>> IntoNullable<T, ViaOption> for Option<U> {
    fn into_nullable(self) -> Nullable<T> {
        self.map_or(Nullable::Null, |value| Nullable::Value(value.into()))
    }
}

impl<T: Serialize> Serialize for Nullable<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_none(),
            Self::Value(value) => value.serialize(serializer),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Nullable<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Option::<T>::deserialize(deserializer).map(Self::from)
    }
}

impl<T: Validate> Validate for Nullable<T> {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        if let Self::Value(value) = self {
            value.validate(path, errors);
        }
    }
}

impl<T: HasLength> HasLength for Nullable<T> {
    fn seam_length(&self) -> Option<usize> {
        self.as_ref().and_then(HasLength::seam_length)
    }
}

impl<T: HasEntries> HasEntries for Nullable<T> {
    fn seam_entries(&self) -> Option<usize> {
        self.as_ref().and_then(HasEntries::seam_entries)
    }
}

impl<T: HasNumber> HasNumber for Nullable<T> {
    fn seam_number(&self) -> Option<f64> {
        self.as_ref().and_then(HasNumber::seam_number)
    }
}

impl<T: OneOfValues> OneOfValues for Nullable<T> {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        if let Self::Value(value) = self {
            value.each_value(check);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_states_serialise_as_they_read() {
        #[derive(Serialize)]
        struct Params {
            #[serde(skip_serializing_if = "Option::is_none")]
            name: Option<Nullable<String>>,
        }
        let json = |name| serde_json::to_string(&Params { name }).unwrap();
        assert_eq!(json(None), "{}");
        assert_eq!(json(Some(Nullable::Null)), r#"{"name":null}"#);
        assert_eq!(json(Some("a".into())), r#"{"name":"a"}"#);
        assert_eq!(json(Some(None::<String>.into())), r#"{"name":null}"#);
    }

    #[test]
    fn null_is_not_checked() {
        let mut errors = ValidationErrors::new("/x");
        let path = FieldPath::Field("name");
        crate::validation::check_length(
            &Nullable::<String>::Null,
            Some(1),
            None,
            &path,
            &mut errors,
        );
        crate::validation::check_length(
            &Nullable::<String>::from(""),
            Some(1),
            None,
            &path,
            &mut errors,
        );
        assert_eq!(errors.violations().len(), 1);
        let value: Nullable<u8> = serde_json::from_str("null").unwrap();
        assert!(value.is_null());
    }
}

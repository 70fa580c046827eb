//! What the generated models (`crate::models`) share, so that each generated enum
//! or union lists its values and variants and nothing else: the decoding logic lives
//! here once.

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde_json::Value;

/// A string enum that keeps any value it does not know in `Unknown(String)`.
///
/// Every variant's doc is its wire value; `as_str` and `Display` give it back.
macro_rules! open_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($variant:ident = $value:literal,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $(
                #[doc = concat!("`", $value, "`")]
                $variant,
            )*
            /// A value this version of the SDK does not know, as Seam sent it.
            Unknown(String),
        }

        impl $name {
            /// The value as Seam spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(Self::$variant => $value,)*
                    Self::Unknown(value) => value,
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        // Requests send enums too: the value as Seam spells it, so `Unknown` sends
        // a value newer than this SDK.
        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                $crate::model_support::decode_open_enum(
                    deserializer,
                    |value| match value {
                        $($value => Some(Self::$variant),)*
                        _ => None,
                    },
                    Self::Unknown,
                )
            }
        }
    };
}
pub(crate) use open_enum;

/// A union of objects told apart by the values of one or more tag properties; an
/// object whose tags match no variant is kept as JSON in `Unknown(Value)`.
///
/// A known tag whose object does not decode is an error naming the tags: the spec
/// promised that shape.
macro_rules! tagged_union {
    (
        $(#[$meta:meta])*
        pub enum $name:ident by [$($tag:literal),+] {
            $($variant:ident($payload:ty) = $([$($value:literal),+])|+,)*
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        #[allow(clippy::large_enum_variant)]
        pub enum $name {
            $(
                #[doc = concat!($($("`", $value, "` ",)+)+)]
                $variant($payload),
            )*
            /// A variant this version of the SDK does not know, as Seam sent it.
            Unknown(::serde_json::Value),
        }

        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = <::serde_json::Value as ::serde::Deserialize>::deserialize(deserializer)?;
                let tags = [$($crate::model_support::tag(&value, $tag)),+];
                Ok(match tags {
                    $(
                        $([$(Some($value)),+])|+ => Self::$variant(
                            $crate::model_support::decode_variant(value, stringify!($variant))?,
                        ),
                    )*
                    _ => Self::Unknown(value),
                })
            }
        }
    };
}
pub(crate) use tagged_union;

/// `Deserialize` for a generated struct: a map visitor that fills each field by its
/// JSON name and skips any other property. Smaller than serde's derive (no sequence
/// form, no field enum), which matters across the hundreds of models.
///
/// A field is `required` (absent is an error), `optional` (an `Option`: absent or
/// null is `None`) or `default` (a collection: absent is empty).
macro_rules! deserialize_object {
    ($name:ident { $($field:ident: $kind:ident $json:literal,)+ }) => {
        impl<'de> ::serde::Deserialize<'de> for $name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct ObjectVisitor;

                impl<'de> ::serde::de::Visitor<'de> for ObjectVisitor {
                    type Value = $name;

                    fn expecting(&self, formatter: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        formatter.write_str(concat!("a ", stringify!($name), " object"))
                    }

                    #[allow(deprecated)]
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> Result<$name, A::Error> {
                        $(let mut $field = None;)+
                        while let Some(key) = map.next_key::<$crate::model_support::Key<'de>>()? {
                            match key.as_str() {
                                $($json => $field = Some(map.next_value()?),)+
                                _ => {
                                    map.next_value::<::serde::de::IgnoredAny>()?;
                                }
                            }
                        }
                        Ok($name {
                            $($field: $crate::model_support::deserialize_object!(@$kind $field $json),)+
                        })
                    }
                }

                deserializer.deserialize_map(ObjectVisitor)
            }
        }
    };
    (@required $field:ident $json:literal) => {
        match $field {
            Some(value) => value,
            None => return Err(<A::Error as ::serde::de::Error>::missing_field($json)),
        }
    };
    (@optional $field:ident $json:literal) => {
        $field.flatten()
    };
    (@default $field:ident $json:literal) => {
        $field.unwrap_or_default()
    };
}
pub(crate) use deserialize_object;

/// An object's key, borrowed from the input when it can be.
pub(crate) struct Key<'de>(std::borrow::Cow<'de, str>);

impl Key<'_> {
    pub(crate) fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
                formatter.write_str("a property name")
            }

            fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(key.into()))
            }

            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
                Ok(Key(key.to_owned().into()))
            }

            fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
                Ok(Key(key.into()))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}

/// Decodes a string, `known` picking the variant of a known value without
/// allocating; any other value goes to `unknown`.
pub(crate) fn decode_open_enum<'de, D, T>(
    deserializer: D,
    known: fn(&str) -> Option<T>,
    unknown: fn(String) -> T,
) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
{
    struct OpenEnumVisitor<T> {
        known: fn(&str) -> Option<T>,
        unknown: fn(String) -> T,
    }

    impl<T> Visitor<'_> for OpenEnumVisitor<T> {
        type Value = T;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a string")
        }

        fn visit_str<E: de::Error>(self, value: &str) -> Result<T, E> {
            Ok((self.known)(value).unwrap_or_else(|| (self.unknown)(value.to_owned())))
        }

        fn visit_string<E: de::Error>(self, value: String) -> Result<T, E> {
            Ok(match (self.known)(&value) {
                Some(known) => known,
                None => (self.unknown)(value),
            })
        }
    }

    deserializer.deserialize_str(OpenEnumVisitor { known, unknown })
}

/// A union's tag: a string property, or a boolean one as `"true"`/`"false"`.
pub(crate) fn tag<'v>(object: &'v Value, property: &str) -> Option<&'v str> {
    match object.get(property)? {
        Value::String(value) => Some(value),
        Value::Bool(true) => Some("true"),
        Value::Bool(false) => Some("false"),
        _ => None,
    }
}

/// Decodes a union variant's object, naming the variant on failure.
pub(crate) fn decode_variant<T, E>(object: Value, variant: &str) -> Result<T, E>
where
    T: serde::de::DeserializeOwned,
    E: de::Error,
{
    T::deserialize(object).map_err(|cause| E::custom(format_args!("{variant}: {cause}")))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    open_enum! {
        /// A test enum.
        pub enum Colour {
            Red = "red",
            DarkBlue = "dark_blue",
        }
    }

    #[derive(Debug, PartialEq)]
    struct Thing {
        id: String,
        note: Option<String>,
        tags: Vec<Colour>,
    }

    deserialize_object! {
        Thing {
            id: required "id",
            note: optional "note",
            tags: default "tags",
        }
    }

    #[derive(Debug, Clone, PartialEq, serde::Deserialize)]
    pub struct Circle {
        radius: f64,
    }

    tagged_union! {
        /// A test union.
        pub enum Shape by ["kind"] {
            Circle(Circle) = ["circle"] | ["round"],
        }
    }

    #[test]
    fn open_enums_keep_unknown_values_from_text_and_from_values() {
        let decoded: Vec<Colour> =
            serde_json::from_str(r#"["red", "dark_blue", "green"]"#).unwrap();
        assert_eq!(
            decoded,
            [
                Colour::Red,
                Colour::DarkBlue,
                Colour::Unknown("green".into())
            ]
        );
        let decoded: Colour = serde_json::from_value(json!("green")).unwrap();
        assert_eq!(decoded.as_str(), "green");
        assert_eq!(Colour::DarkBlue.to_string(), "dark_blue");
        assert!(serde_json::from_value::<Colour>(json!(1)).is_err());
    }

    #[test]
    fn objects_fill_fields_by_name_and_skip_the_rest() {
        // An escaped key cannot be borrowed from the input.
        let text = r#"{"i\u0064": "a", "note": null, "new": {"x": [1]}, "tags": ["red"]}"#;
        let thing: Thing = serde_json::from_str(text).unwrap();
        assert_eq!(
            thing,
            Thing {
                id: "a".into(),
                note: None,
                tags: vec![Colour::Red]
            }
        );
        let thing: Thing = serde_json::from_value(json!({ "id": "b", "note": "n" })).unwrap();
        assert_eq!((thing.note.as_deref(), thing.tags.len()), (Some("n"), 0));
        let failure = serde_json::from_value::<Thing>(json!({ "note": "n" })).unwrap_err();
        assert_eq!(failure.to_string(), "missing field `id`");
        let failure = serde_json::from_value::<Thing>(json!(["a"])).unwrap_err();
        assert!(failure.to_string().contains("a Thing object"), "{failure}");
    }

    #[test]
    fn unions_pick_by_any_of_their_tag_values_and_keep_the_unknown() {
        let round: Shape =
            serde_json::from_value(json!({ "kind": "round", "radius": 1.5 })).unwrap();
        assert_eq!(round, Shape::Circle(Circle { radius: 1.5 }));
        let square = json!({ "kind": "square", "side": 2 });
        assert_eq!(
            serde_json::from_value::<Shape>(square.clone()).unwrap(),
            Shape::Unknown(square)
        );
        let untagged = json!({ "radius": 1.5 });
        assert_eq!(
            serde_json::from_value::<Shape>(untagged.clone()).unwrap(),
            Shape::Unknown(untagged)
        );
        let failure = serde_json::from_value::<Shape>(json!({ "kind": "circle" })).unwrap_err();
        assert_eq!(failure.to_string(), "Circle: missing field `radius`");
    }
}

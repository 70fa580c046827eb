//! Serialisation of endpoint structs, written once here: `#[seam_endpoint]`
//! implements `Serialize` with one call per field into [`Fields`] instead of
//! deriving it, unless the struct carries serde attributes or derives. What it
//! writes is what serde's derive writes with `skip_serializing_if =
//! "Option::is_none"` on every optional field.

use serde::ser::{Serialize, SerializeStruct, Serializer};

/// A struct being serialised, field by field.
#[derive(Debug)]
pub struct Fields<S>(S);

impl<S> Fields<S> {
    /// Starts a struct of as many fields as `present` has `true`s: one per
    /// field, whether it is sent.
    #[inline]
    pub fn begin<T: Serializer<SerializeStruct = S>>(
        serializer: T,
        name: &'static str,
        present: &[bool],
    ) -> Result<Self, T::Error> {
        let len = present.iter().filter(|present| **present).count();
        serializer.serialize_struct(name, len).map(Self)
    }
}

impl<S: SerializeStruct> Fields<S> {
    /// A required field.
    #[inline]
    pub fn field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), S::Error> {
        self.0.serialize_field(key, value)
    }

    /// An optional field: left out when `None`.
    #[inline]
    pub fn optional<T: Serialize>(
        &mut self,
        key: &'static str,
        value: &Option<T>,
    ) -> Result<(), S::Error> {
        if value.is_some() {
            self.0.serialize_field(key, value)
        } else {
            self.0.skip_field(key)
        }
    }

    /// Ends the struct.
    #[inline]
    pub fn end(self) -> Result<S::Ok, S::Error> {
        self.0.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Params {
        id: String,
        name: Option<String>,
        limit: Option<u32>,
    }

    impl Serialize for Params {
        fn serialize<T: Serializer>(&self, serializer: T) -> Result<T::Ok, T::Error> {
            let present = [true, self.name.is_some(), self.limit.is_some()];
            let mut state = Fields::begin(serializer, "Params", &present)?;
            state.field("id", &self.id)?;
            state.optional("name", &self.name)?;
            state.optional("limit", &self.limit)?;
            state.end()
        }
    }

    #[test]
    fn unset_options_are_left_out() {
        let params = Params {
            id: "a".into(),
            name: None,
            limit: Some(3),
        };
        assert_eq!(
            serde_json::to_string(&params).unwrap(),
            r#"{"id":"a","limit":3}"#
        );
        // A format that writes the length first sees the fields present.
        let value = serde_json::to_value(&params).unwrap();
        assert_eq!(value.as_object().unwrap().len(), 2);
    }
}

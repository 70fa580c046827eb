//! Checks of parameter values that run before anything is sent.
//!
//! Every violation is collected, each with the path of the field it concerns, so a
//! caller fixes all of them at once. Lengths are counted as Seam counts them: in
//! UTF-16 code units, the length of a JavaScript string.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use crate::quote::{NAME_CHARS, quoted};

/// One broken rule: which field, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The field's path, such as `custom_metadata.some_key`; a key below a field
    /// is shown with control characters escaped, and cut after 60 characters.
    pub path: String,
    /// What is wrong, such as `is 41 characters long, at most 40 allowed`.
    pub message: String,
}

impl fmt::Display for Violation {
    /// `custom_metadata has 51 entries, at most 50 allowed`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.path, self.message)
    }
}

/// Every rule a request broke. While there is one, nothing is sent.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors {
    path: &'static str,
    violations: Vec<Violation>,
}

impl ValidationErrors {
    /// An empty collection for the endpoint at `path`.
    pub fn new(path: &'static str) -> Self {
        Self {
            path,
            violations: Vec::new(),
        }
    }

    /// Records a violation at `field`.
    pub fn push(&mut self, field: &FieldPath<'_>, message: impl Into<String>) {
        self.violations.push(Violation {
            path: field.to_string(),
            message: message.into(),
        });
    }

    /// The violations, in the order of the fields.
    pub fn violations(&self) -> &[Violation] {
        &self.violations
    }

    /// The messages about the field at `path`.
    pub fn for_field<'a>(&'a self, path: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.violations
            .iter()
            .filter(move |violation| violation.path == path)
            .map(|violation| violation.message.as_str())
    }

    /// Whether no rule was broken.
    pub fn is_empty(&self) -> bool {
        self.violations.is_empty()
    }

    /// `Ok` when no rule was broken, or `Err(self)`.
    pub fn into_result(self) -> Result<(), Self> {
        if self.is_empty() { Ok(()) } else { Err(self) }
    }
}

impl fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: request not sent, {} invalid parameter value(s): ",
            self.path,
            self.violations.len()
        )?;
        for (index, violation) in self.violations.iter().enumerate() {
            let separator = if index == 0 { "" } else { "; " };
            write!(f, "{separator}{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

/// Where a value sits in a request, by the names it has on the wire:
/// `requested_access_methods[0].code`. Built on the stack and only turned into
/// text when a rule is broken.
#[derive(Debug, Clone, Copy)]
pub enum FieldPath<'a> {
    /// The request itself: the fields of a flattened value sit here.
    Root,
    /// A top-level field.
    Field(&'a str),
    /// A field of an object, or a key of a map, below another path.
    Child(&'a FieldPath<'a>, &'a str),
    /// An entry of a list below another path.
    Index(&'a FieldPath<'a>, usize),
}

impl fmt::Display for FieldPath<'_> {
    /// A key below a field is data, not a name in the code: quoted escaped and cut.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Root => Ok(()),
            Self::Field(name) | Self::Child(Self::Root, name) => f.write_str(name),
            Self::Child(parent, key) => write!(f, "{parent}.{}", quoted(key, NAME_CHARS)),
            Self::Index(parent, index) => write!(f, "{parent}[{index}]"),
        }
    }
}

/// A value that checks itself, such as [`CustomMetadata`](crate::CustomMetadata).
/// A field of an endpoint whose type implements it is checked with the endpoint.
pub trait Validate {
    /// Records every rule this value breaks.
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate> Validate for Option<T> {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate(path, errors);
        }
    }
}

impl<T: Validate> Validate for [T] {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (index, value) in self.iter().enumerate() {
            value.validate(&FieldPath::Index(path, index), errors);
        }
    }
}

impl<T: Validate, const N: usize> Validate for [T; N] {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        self.as_slice().validate(path, errors);
    }
}

impl<T: Validate> Validate for Vec<T> {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        self.as_slice().validate(path, errors);
    }
}

impl<T: Validate> Validate for VecDeque<T> {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (index, value) in self.iter().enumerate() {
            value.validate(&FieldPath::Index(path, index), errors);
        }
    }
}

macro_rules! validate_through_pointer {
    ($($pointer:ident),*) => {$(
        impl<T: Validate + ?Sized> Validate for $pointer<T> {
            fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                (**self).validate(path, errors);
            }
        }
    )*};
}

validate_through_pointer!(Box, Rc, Arc);

impl<T: Validate + ?Sized> Validate for &T {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        (**self).validate(path, errors);
    }
}

impl<K: fmt::Display, V: Validate> Validate for BTreeMap<K, V> {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate(&FieldPath::Child(path, &key.to_string()), errors);
        }
    }
}

impl<K: fmt::Display, V: Validate, S> Validate for HashMap<K, V, S> {
    fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate(&FieldPath::Child(path, &key.to_string()), errors);
        }
    }
}

macro_rules! validate_finite {
    ($($float:ty),*) => {$(
        /// JSON has no NaN or infinity: serde_json would send `null` in their place.
        impl Validate for $float {
            fn validate(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                if !self.is_finite() {
                    errors.push(path, format!("is {self}, not a finite number"));
                }
            }
        }
    )*};
}

validate_finite!(f32, f64);

/// Counts characters the way Seam does: UTF-16 code units.
pub fn seam_length(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.encode_utf16().count()
    }
}

/// Checks a length against its bounds, recording a violation when it is outside.
pub(crate) fn check_bounds(
    length: usize,
    min: Option<usize>,
    max: Option<usize>,
    unit: &str,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(min) = min.filter(|&min| length < min) {
        let what = if length == 0 {
            "is empty".to_owned()
        } else {
            format!("has {length} {unit}")
        };
        errors.push(path, format!("{what}, at least {min} required"));
    }
    if let Some(max) = max.filter(|&max| length > max) {
        errors.push(path, format!("has {length} {unit}, at most {max} allowed"));
    }
}

/// A value whose length in characters `#[seam(min_length, max_length)]` can bound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no length in characters",
    label = "`min_length`/`max_length` apply to `String`, `&str` and `Option`s of them",
    note = "use `min_entries`/`max_entries` to bound the size of a collection"
)]
pub trait HasLength {
    /// The length in UTF-16 code units, or `None` for an absent value.
    fn seam_length(&self) -> Option<usize>;
}

impl HasLength for str {
    fn seam_length(&self) -> Option<usize> {
        Some(seam_length(self))
    }
}

impl HasLength for String {
    fn seam_length(&self) -> Option<usize> {
        Some(seam_length(self))
    }
}

impl<T: HasLength + ?Sized> HasLength for &T {
    fn seam_length(&self) -> Option<usize> {
        (**self).seam_length()
    }
}

impl<T: HasLength> HasLength for Option<T> {
    fn seam_length(&self) -> Option<usize> {
        self.as_ref().and_then(HasLength::seam_length)
    }
}

macro_rules! length_through_pointer {
    ($($pointer:ident),*) => {$(
        impl<T: HasLength + ?Sized> HasLength for $pointer<T> {
            fn seam_length(&self) -> Option<usize> {
                (**self).seam_length()
            }
        }
    )*};
}

length_through_pointer!(Box, Rc, Arc);

impl<T: HasLength + ToOwned + ?Sized> HasLength for Cow<'_, T> {
    fn seam_length(&self) -> Option<usize> {
        (**self).seam_length()
    }
}

/// A collection whose number of entries `#[seam(min_entries, max_entries)]` can bound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a collection",
    label = "`min_entries`/`max_entries` apply to lists, maps, `CustomMetadata` and `Option`s of them",
    note = "use `min_length`/`max_length` to bound the length of a string"
)]
pub trait HasEntries {
    /// The number of entries, or `None` for an absent value.
    fn seam_entries(&self) -> Option<usize>;
}

impl<T> HasEntries for Vec<T> {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> HasEntries for [T] {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<K, V> HasEntries for BTreeMap<K, V> {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<K, V, S> HasEntries for HashMap<K, V, S> {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, const N: usize> HasEntries for [T; N] {
    fn seam_entries(&self) -> Option<usize> {
        Some(N)
    }
}

impl<T> HasEntries for VecDeque<T> {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T> HasEntries for BTreeSet<T> {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T, S> HasEntries for HashSet<T, S> {
    fn seam_entries(&self) -> Option<usize> {
        Some(self.len())
    }
}

impl<T: HasEntries + ?Sized> HasEntries for Box<T> {
    fn seam_entries(&self) -> Option<usize> {
        (**self).seam_entries()
    }
}

impl<T: HasEntries> HasEntries for Option<T> {
    fn seam_entries(&self) -> Option<usize> {
        self.as_ref().and_then(HasEntries::seam_entries)
    }
}

/// A string value, or a list of them, that `#[seam(one_of = [...])]` can restrict.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a string or a list of strings",
    label = "`one_of` and `pattern` apply to `String`, `Vec<String>` and `Option`s of them",
    note = "for a closed set of values, a Rust enum deriving `Serialize` is often better"
)]
pub trait OneOfValues {
    /// Calls `check` with every string the value holds, and its index in a list.
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str));
}

impl OneOfValues for String {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        check(None, self);
    }
}

impl OneOfValues for &str {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        check(None, self);
    }
}

impl OneOfValues for Box<str> {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        check(None, self);
    }
}

impl OneOfValues for Cow<'_, str> {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        check(None, self);
    }
}

impl<T: AsRef<str>> OneOfValues for Vec<T> {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        for (index, value) in self.iter().enumerate() {
            check(Some(index), value.as_ref());
        }
    }
}

impl<T: OneOfValues> OneOfValues for Option<T> {
    fn each_value(&self, check: &mut dyn FnMut(Option<usize>, &str)) {
        if let Some(value) = self {
            value.each_value(check);
        }
    }
}

/// `#[seam(min_length, max_length)]`.
pub fn check_length<T: HasLength + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(length) = value.seam_length() {
        check_bounds(length, min, max, "characters", path, errors);
    }
}

/// `#[seam(min_entries, max_entries)]`.
pub fn check_entries<T: HasEntries + ?Sized>(
    value: &T,
    min: Option<usize>,
    max: Option<usize>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    if let Some(entries) = value.seam_entries() {
        check_bounds(entries, min, max, "entries", path, errors);
    }
}

/// `#[seam(one_of = [...])]`.
pub fn check_one_of<T: OneOfValues + ?Sized>(
    value: &T,
    allowed: &[&str],
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    value.each_value(&mut |index, value| {
        if !allowed.contains(&value) {
            let path = match index {
                Some(index) => FieldPath::Index(path, index),
                None => *path,
            };
            let value = quoted(value, NAME_CHARS);
            errors.push(
                &path,
                format!("is \"{value}\", expected one of {allowed:?}"),
            );
        }
    });
}

/// `#[seam(pattern = "...")]`: every string the value holds matches.
pub fn check_pattern<T: OneOfValues + ?Sized>(
    value: &T,
    pattern: &crate::pattern::Pattern,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    value.each_value(&mut |index, value| {
        if !pattern.is_match(value) {
            let path = match index {
                Some(index) => FieldPath::Index(path, index),
                None => *path,
            };
            errors.push(
                &path,
                format!("is {value:?}, which does not match {}", pattern.source),
            );
        }
    });
}

/// A number that `#[seam(minimum, maximum, exclusive_minimum, exclusive_maximum)]`
/// can bound.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a number",
    label = "`minimum`/`maximum`/`exclusive_minimum`/`exclusive_maximum` apply to numbers and `Option`s of them"
)]
pub trait HasNumber {
    /// The value, or `None` for an absent one.
    fn seam_number(&self) -> Option<f64>;
}

macro_rules! has_number {
    ($($number:ty),*) => {$(
        impl HasNumber for $number {
            #[allow(clippy::cast_precision_loss, clippy::cast_lossless)]
            fn seam_number(&self) -> Option<f64> {
                Some(*self as f64)
            }
        }
    )*};
}

has_number!(i8, i16, i32, i64, isize, u8, u16, u32, u64, usize, f32, f64);

impl<T: HasNumber> HasNumber for Option<T> {
    fn seam_number(&self) -> Option<f64> {
        self.as_ref().and_then(HasNumber::seam_number)
    }
}

impl<T: HasNumber + ?Sized> HasNumber for &T {
    fn seam_number(&self) -> Option<f64> {
        (**self).seam_number()
    }
}

/// The bounds of a number, each inclusive or not.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NumberBounds {
    /// The least value allowed.
    pub minimum: Option<f64>,
    /// The greatest value allowed.
    pub maximum: Option<f64>,
    /// Values must be above this.
    pub exclusive_minimum: Option<f64>,
    /// Values must be below this.
    pub exclusive_maximum: Option<f64>,
}

/// `#[seam(minimum = a, maximum = b, exclusive_minimum = c, exclusive_maximum = d)]`.
pub fn check_number<T: HasNumber + ?Sized>(
    value: &T,
    bounds: &NumberBounds,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let Some(number) = value.seam_number() else {
        return;
    };
    if let Some(minimum) = bounds.minimum.filter(|&minimum| number < minimum) {
        errors.push(path, format!("is {number}, at least {minimum} required"));
    }
    if let Some(maximum) = bounds.maximum.filter(|&maximum| number > maximum) {
        errors.push(path, format!("is {number}, at most {maximum} allowed"));
    }
    if let Some(limit) = bounds.exclusive_minimum.filter(|&limit| number <= limit) {
        errors.push(path, format!("is {number}, more than {limit} required"));
    }
    if let Some(limit) = bounds.exclusive_maximum.filter(|&limit| number >= limit) {
        errors.push(path, format!("is {number}, less than {limit} required"));
    }
}

/// Chooses nested validation for field types that implement [`Validate`], and
/// nothing for the others, without the macro having to know which is which.
#[derive(Debug)]
pub struct NestedProbe<'a, T: ?Sized>(pub &'a T);

/// Picked for a field type that implements [`Validate`].
pub trait ValidateNested {
    /// Validates the field at `path` (its parent's, for a flattened field).
    fn seam_validate_nested(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors);
}

impl<T: Validate + ?Sized> ValidateNested for NestedProbe<'_, T> {
    fn seam_validate_nested(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        self.0.validate(path, errors);
    }
}

/// Picked, by auto-ref, for a field type that does not implement [`Validate`].
pub trait SkipNested {
    /// Does nothing.
    fn seam_validate_nested(&self, _path: &FieldPath<'_>, _errors: &mut ValidationErrors) {}
}

impl<T: ?Sized> SkipNested for &NestedProbe<'_, T> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_count_utf16_code_units() {
        assert_eq!(seam_length("abc"), 3);
        assert_eq!(seam_length("é"), 1);
        assert_eq!(seam_length("😀"), 2);
    }

    #[test]
    fn bounds_are_inclusive() {
        let mut errors = ValidationErrors::new("/x");
        check_length(
            "a".repeat(40).as_str(),
            Some(1),
            Some(40),
            &FieldPath::Field("name"),
            &mut errors,
        );
        assert!(errors.is_empty());
        check_length(
            "a".repeat(41).as_str(),
            Some(1),
            Some(40),
            &FieldPath::Field("name"),
            &mut errors,
        );
        check_length(
            "",
            Some(1),
            Some(40),
            &FieldPath::Field("name"),
            &mut errors,
        );
        let messages: Vec<_> = errors.for_field("name").collect();
        assert_eq!(
            messages,
            [
                "has 41 characters, at most 40 allowed",
                "is empty, at least 1 required"
            ]
        );
    }

    #[test]
    fn absent_values_are_not_checked() {
        let mut errors = ValidationErrors::new("/x");
        check_length(
            &None::<String>,
            Some(1),
            None,
            &FieldPath::Field("name"),
            &mut errors,
        );
        check_entries(
            &None::<Vec<u8>>,
            Some(1),
            None,
            &FieldPath::Field("list"),
            &mut errors,
        );
        check_one_of(
            &None::<String>,
            &["a"],
            &FieldPath::Field("kind"),
            &mut errors,
        );
        assert!(errors.is_empty());
    }

    #[test]
    fn one_of_names_the_index_of_a_bad_list_entry() {
        let mut errors = ValidationErrors::new("/x");
        let value = vec!["lock".to_owned(), "toaster".to_owned()];
        check_one_of(
            &value,
            &["lock", "thermostat"],
            &FieldPath::Field("capabilities"),
            &mut errors,
        );
        assert_eq!(errors.violations().len(), 1);
        assert_eq!(errors.violations()[0].path, "capabilities[1]");
        assert!(errors.violations()[0].message.contains("\"toaster\""));
    }

    #[test]
    fn entries_are_counted() {
        let mut errors = ValidationErrors::new("/x");
        check_entries(
            &vec![1, 2, 3],
            None,
            Some(2),
            &FieldPath::Field("list"),
            &mut errors,
        );
        assert_eq!(
            errors.violations()[0].message,
            "has 3 entries, at most 2 allowed"
        );
    }

    #[test]
    fn numbers_are_bounded() {
        let mut errors = ValidationErrors::new("/x");
        let path = FieldPath::Field("n");
        let bounds = NumberBounds {
            minimum: Some(1.0),
            maximum: Some(10.0),
            ..NumberBounds::default()
        };
        for value in [0, 1, 10, 11] {
            check_number(&value, &bounds, &path, &mut errors);
        }
        let exclusive = NumberBounds {
            exclusive_minimum: Some(0.0),
            exclusive_maximum: Some(1.5),
            ..NumberBounds::default()
        };
        for value in [0.0, 0.5, 1.5] {
            check_number(&Some(value), &exclusive, &path, &mut errors);
        }
        check_number(&None::<u8>, &bounds, &path, &mut errors);
        let shown: Vec<String> = errors
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "n is 0, at least 1 required",
                "n is 11, at most 10 allowed",
                "n is 0, more than 0 required",
                "n is 1.5, less than 1.5 required",
            ]
        );
    }

    #[test]
    fn paths_name_indexes_and_keys() {
        let field = FieldPath::Field("requested_access_methods");
        let entry = FieldPath::Index(&field, 0);
        assert_eq!(
            FieldPath::Child(&entry, "code").to_string(),
            "requested_access_methods[0].code"
        );
        assert_eq!(
            FieldPath::Child(&FieldPath::Root, "device_id").to_string(),
            "device_id"
        );
    }

    #[test]
    fn containers_validate_what_they_hold() {
        let mut errors = ValidationErrors::new("/x");
        let metadata = crate::CustomMetadata::from([("k".repeat(41), "v")]);
        let boxed = Box::new(metadata.clone());
        boxed.validate(&FieldPath::Field("boxed"), &mut errors);
        let map = BTreeMap::from([("a", metadata.clone())]);
        map.validate(&FieldPath::Field("map"), &mut errors);
        vec![Arc::new(metadata)].validate(&FieldPath::Field("list"), &mut errors);
        let paths: Vec<&str> = errors
            .violations()
            .iter()
            .map(|v| v.path.as_str())
            .collect();
        let key = "k".repeat(41);
        assert_eq!(
            paths,
            [
                format!("boxed.{key}"),
                format!("map.a.{key}"),
                format!("list[0].{key}")
            ]
        );
    }

    #[test]
    fn floats_must_be_finite() {
        let mut errors = ValidationErrors::new("/x");
        for value in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY, 1.5] {
            value.validate(&FieldPath::Field("set_point"), &mut errors);
        }
        Some(f32::NAN).validate(&FieldPath::Field("other"), &mut errors);
        let shown: Vec<String> = errors
            .violations()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            shown,
            [
                "set_point is NaN, not a finite number",
                "set_point is inf, not a finite number",
                "set_point is -inf, not a finite number",
                "other is NaN, not a finite number",
            ]
        );
    }

    #[test]
    fn lengths_of_boxed_and_borrowed_strings() {
        let boxed: Box<str> = "abc".into();
        let cow: Cow<'_, str> = Cow::Borrowed("é");
        assert_eq!(boxed.seam_length(), Some(3));
        assert_eq!(cow.seam_length(), Some(1));
        assert_eq!(Some(Arc::<str>::from("ab")).seam_length(), Some(2));
    }

    #[test]
    fn display_lists_every_violation() {
        let mut errors = ValidationErrors::new("/connected_accounts/update");
        errors.push(&FieldPath::Field("a"), "is bad");
        let parent = FieldPath::Field("b");
        errors.push(&FieldPath::Child(&parent, "c"), "is worse");
        assert_eq!(
            errors.to_string(),
            "/connected_accounts/update: request not sent, 2 invalid parameter value(s): \
             a is bad; b.c is worse"
        );
    }
}

//! The shape of the generated route table (`routes.rs`): what the tool knows of
//! each route and parameter, all `'static` so that the table costs no start-up.

use seamapi_core::__private::Pattern;

/// How a parameter's value is read from the command line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Kind {
    String,
    Integer,
    Number,
    Boolean,
    /// A string among these values.
    Enum(&'static [&'static str]),
    /// Repeated flags, or one JSON array.
    List(&'static Kind),
    /// A JSON object, its relaxed form or `key=value` pairs.
    Object,
    /// Custom metadata: an object of strings and booleans, checked as the SDK's
    /// `CustomMetadata` is.
    Metadata,
    /// Any JSON value (unions Seam checks itself).
    Json,
}

impl Kind {
    /// Whether the flag may be given more than once.
    pub fn repeats(&self) -> bool {
        matches!(self, Kind::List(_) | Kind::Object | Kind::Metadata)
    }
}

/// One parameter: a flag.
#[derive(Debug, Clone, Copy)]
pub struct Param {
    /// The JSON name, as Seam's docs print it: `connected_account_id`.
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// `--name null` sends `null`.
    pub nullable: bool,
    pub deprecated: bool,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    pub min_entries: Option<usize>,
    pub max_entries: Option<usize>,
    pub minimum: Option<f64>,
    pub maximum: Option<f64>,
    pub exclusive_minimum: Option<f64>,
    pub exclusive_maximum: Option<f64>,
    /// Compiled by the macro's compiler, run by seam-core's matcher.
    pub pattern: Option<&'static Pattern>,
    /// Required-ness, type, limits and default, in a few words.
    pub doc: &'static str,
}

impl Param {
    /// What the generated table leaves out.
    pub const NONE: Param = Param {
        name: "",
        kind: Kind::Json,
        required: false,
        nullable: false,
        deprecated: false,
        min_length: None,
        max_length: None,
        min_entries: None,
        max_entries: None,
        minimum: None,
        maximum: None,
        exclusive_minimum: None,
        exclusive_maximum: None,
        pattern: None,
        doc: "",
    };

    /// The flag in kebab case: `connected-account-id`.
    pub fn kebab(&self) -> String {
        self.name.replace('_', "-")
    }
}

/// What a route answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Nothing a caller needs: printed as `{}`.
    Void,
    /// One value under the key.
    One,
    /// A list under the key.
    List,
    /// A page of a list under the key, with `pagination` beside it.
    Page,
}

/// One documented route.
#[derive(Debug, Clone, Copy)]
pub struct Route {
    pub path: &'static str,
    /// `["access_codes", "unmanaged"]`.
    pub namespace: &'static [&'static str],
    pub action: &'static str,
    pub docs: &'static str,
    /// Safe to retry after the server may have seen it.
    pub idempotent: bool,
    pub shape: Shape,
    pub key: Option<&'static str>,
    /// Answers an action attempt, under the key or beside what the key holds,
    /// which `--wait` follows.
    pub action_attempt: bool,
    pub deprecated: bool,
    pub params: &'static [Param],
}

/// `access_codes` → `access-codes`.
pub fn kebab(name: &str) -> String {
    name.replace('_', "-")
}

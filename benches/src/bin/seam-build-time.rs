//! Build-time cost of `#[seam_endpoint]`: generates two crates of the same Seam-like
//! endpoint structs, one declared with the macro (depending only on seam-core), one
//! with plain `#[derive(Serialize)]` and hand-written constructors and setters
//! (depending only on serde), then times clean `cargo build`s of each, alternately.
//!
//! ```sh
//! cargo run --release -p seam-benches --bin seam-build-time -- [--endpoints 200] [--repeats 5] [--passes] [--workspace DIR]
//! ```
//!
//! `--workspace DIR` measures the seam-core (and seam-macros) of another checkout
//! of this repository, such as one with a change to try.
//!
//! The crates go to `target/build-time/` of the workspace (never committed), with a
//! copy of the workspace's `Cargo.lock`, so both use the SDK's own dependency
//! versions; their dependencies are built once first, so that only the generated
//! crate itself is timed. It also counts the lines each endpoint expands to (with
//! `-Zunpretty=expanded`, through `RUSTC_BOOTSTRAP=1` on the stable compiler), and
//! with `--passes` prints where rustc spends its time on each crate
//! (`-Ztime-passes`).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use seam_benches::median;

/// A small deterministic generator, so that every run builds the same crates.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Seam's namespaces, with the name of their resource.
const NAMESPACES: &[(&str, &str)] = &[
    ("devices", "device"),
    ("locks", "lock"),
    ("access_codes", "access_code"),
    ("thermostats", "thermostat"),
    ("connected_accounts", "connected_account"),
    ("acs_users", "acs_user"),
    ("acs_credentials", "acs_credential"),
    ("acs_entrances", "acs_entrance"),
    ("access_grants", "access_grant"),
    ("spaces", "space"),
    ("user_identities", "user_identity"),
    ("client_sessions", "client_session"),
    ("workspaces", "workspace"),
    ("webhooks", "webhook"),
    ("events", "event"),
    ("action_attempts", "action_attempt"),
    ("noise_sensors", "noise_sensor"),
    ("phones", "phone"),
    ("customers", "customer"),
    ("unmanaged_devices", "unmanaged_device"),
];

const ACTIONS: &[&str] = &[
    "get", "list", "create", "update", "delete", "sync", "assign", "unassign", "report", "simulate",
];

const STRING_FIELDS: &[&str] = &[
    "name",
    "display_name",
    "description",
    "code",
    "email_address",
    "phone_number",
    "time_zone",
    "external_id",
    "customer_key",
    "user_identifier_key",
    "starts_at",
    "ends_at",
    "search",
    "reason",
    "note",
];
const ONE_OF_FIELDS: &[(&str, &[&str])] = &[
    ("mode", &["auto", "manual", "off"]),
    ("status", &["active", "suspended", "pending"]),
    (
        "device_type",
        &["august_lock", "schlage_lock", "ecobee_thermostat"],
    ),
    ("access_method", &["code", "card", "mobile_key"]),
];
const BOOL_FIELDS: &[&str] = &[
    "is_managed",
    "sync",
    "prefer_native_scheduling",
    "use_backup_access_code_pool",
    "automatically_manage_new_devices",
];
const NUMBER_FIELDS: &[&str] = &["limit", "max_time_rounding", "attempt_for_offline_device"];
const LIST_FIELDS: &[&str] = &[
    "device_ids",
    "user_ids",
    "space_ids",
    "tags",
    "entrance_ids",
];

/// One parameter of a generated endpoint.
#[derive(Debug, Clone)]
enum Kind {
    Required,
    Text { min: usize, max: Option<usize> },
    OneOf(&'static [&'static str]),
    Bool,
    Number,
    List { max_entries: usize },
    Nested,
    NestedList { max_entries: usize },
    Metadata,
    Cursor,
}

#[derive(Debug)]
struct Param {
    name: String,
    kind: Kind,
}

#[derive(Debug)]
struct Endpoint {
    path: String,
    ident: String,
    /// Namespace index, for the resource and settings types.
    namespace: usize,
    response: Option<&'static str>,
    paginated: bool,
    params: Vec<Param>,
}

fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

fn generate_endpoints(count: usize) -> Vec<Endpoint> {
    let mut rng = Rng(0x5EA3_0000_0000_0001);
    let mut endpoints = Vec::with_capacity(count);
    for index in 0..count {
        let namespace = index % NAMESPACES.len();
        let (ns, resource) = NAMESPACES[namespace];
        let round = index / NAMESPACES.len();
        let action = if round < ACTIONS.len() {
            ACTIONS[round].to_owned()
        } else {
            format!("{}_{round}", ACTIONS[round % ACTIONS.len()])
        };
        let base_action = action.split('_').next().unwrap_or_default().to_owned();
        let mut params = Vec::new();
        let mut used = Vec::new();
        let mut push = |params: &mut Vec<Param>, name: &str, kind: Kind| {
            if !used.iter().any(|seen: &String| seen == name) {
                used.push(name.to_owned());
                params.push(Param {
                    name: name.to_owned(),
                    kind,
                });
            }
        };
        let id = format!("{resource}_id");
        let (optional_count, response, paginated) = match base_action.as_str() {
            "get" => (0, Some(resource), false),
            "list" => (3 + rng.below(6), Some(resource), true),
            "create" => (4 + rng.below(9), Some(resource), false),
            "update" => (3 + rng.below(9), None, false),
            "delete" => (rng.below(2), None, false),
            _ => (1 + rng.below(6), rng.chance(50).then_some(resource), false),
        };
        if base_action != "list" && base_action != "create" {
            push(&mut params, &id, Kind::Required);
        }
        if base_action == "create" {
            push(&mut params, "device_id", Kind::Required);
            if rng.chance(40) {
                push(&mut params, "user_identity_id", Kind::Required);
            }
        }
        for _ in 0..optional_count {
            match rng.below(10) {
                0..=2 => {
                    let name = STRING_FIELDS[rng.below(STRING_FIELDS.len())];
                    let kind = if rng.chance(50) {
                        Kind::Text {
                            min: 1,
                            max: rng.chance(60).then_some(255),
                        }
                    } else {
                        Kind::Text { min: 0, max: None }
                    };
                    push(&mut params, name, kind);
                }
                3 => {
                    let (name, values) = ONE_OF_FIELDS[rng.below(ONE_OF_FIELDS.len())];
                    push(&mut params, name, Kind::OneOf(values));
                }
                4 => push(
                    &mut params,
                    BOOL_FIELDS[rng.below(BOOL_FIELDS.len())],
                    Kind::Bool,
                ),
                5 => push(
                    &mut params,
                    NUMBER_FIELDS[rng.below(NUMBER_FIELDS.len())],
                    Kind::Number,
                ),
                6 => push(
                    &mut params,
                    LIST_FIELDS[rng.below(LIST_FIELDS.len())],
                    Kind::List { max_entries: 100 },
                ),
                7 => push(&mut params, "settings", Kind::Nested),
                8 => push(
                    &mut params,
                    "schedules",
                    Kind::NestedList { max_entries: 10 },
                ),
                _ => push(&mut params, "custom_metadata", Kind::Metadata),
            }
        }
        if paginated {
            push(&mut params, "limit", Kind::Number);
            push(&mut params, "page_cursor", Kind::Cursor);
        }
        endpoints.push(Endpoint {
            // Under a namespace Seam's API does not have, so that `unchecked`
            // (refused on a route the pinned spec knows) holds for all of them.
            path: format!("/seam_like/{ns}/{action}"),
            ident: format!("{}{}", pascal(&action), pascal(resource)),
            namespace,
            response,
            paginated,
            params,
        });
    }
    endpoints
}

/// Which of the two crates is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Macro,
    Plain,
}

impl Style {
    fn package(self) -> &'static str {
        match self {
            Self::Macro => "gen-macro",
            Self::Plain => "gen-plain",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Self::Macro => "#[seam_endpoint]",
            Self::Plain => "plain #[derive(Serialize)] + hand-written new/setters",
        }
    }
}

fn field_type(kind: &Kind, namespace: usize, style: Style) -> String {
    let settings = format!("{}Settings", pascal(NAMESPACES[namespace].1));
    let schedule = format!("{}Schedule", pascal(NAMESPACES[namespace].1));
    match kind {
        Kind::Required => "String".to_owned(),
        Kind::Text { .. } | Kind::OneOf(_) | Kind::Cursor => "Option<String>".to_owned(),
        Kind::Bool => "Option<bool>".to_owned(),
        Kind::Number => "Option<u32>".to_owned(),
        Kind::List { .. } => "Option<Vec<String>>".to_owned(),
        Kind::Nested => format!("Option<{settings}>"),
        Kind::NestedList { .. } => format!("Option<Vec<{schedule}>>"),
        Kind::Metadata => match style {
            Style::Macro => "Option<CustomMetadata>".to_owned(),
            Style::Plain => "Option<BTreeMap<String, String>>".to_owned(),
        },
    }
}

fn seam_attribute(kind: &Kind) -> Option<String> {
    match kind {
        Kind::Text { min, max } => match (min, max) {
            (0, None) => None,
            (min, None) => Some(format!("#[seam(min_length = {min})]")),
            (min, Some(max)) => Some(format!("#[seam(min_length = {min}, max_length = {max})]")),
        },
        Kind::OneOf(values) => {
            let values: Vec<String> = values.iter().map(|value| format!("{value:?}")).collect();
            Some(format!("#[seam(one_of = [{}])]", values.join(", ")))
        }
        Kind::List { max_entries } | Kind::NestedList { max_entries } => {
            Some(format!("#[seam(max_entries = {max_entries})]"))
        }
        Kind::Metadata => Some("#[seam(max_entries = 50)]".to_owned()),
        _ => None,
    }
}

/// The types every endpoint of a namespace shares, the same in both crates: the
/// resource Seam answers with, and two nested parameter types.
fn shared_types(out: &mut String, style: Style) {
    let serde_crate = match style {
        Style::Macro => "#[serde(crate = \"seamapi_core::serde\")]\n",
        Style::Plain => "",
    };
    for (_, resource) in NAMESPACES {
        let name = pascal(resource);
        let workspace = if *resource == "workspace" {
            ""
        } else {
            "    /// Its workspace.\n    pub workspace_id: String,\n"
        };
        let _ = write!(
            out,
            r#"/// Settings of a {resource}.
#[derive(Debug, Clone, Serialize)]
{serde_crate}pub struct {name}Settings {{
    /// The mode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// How many at most.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_count: Option<u32>,
    /// Whether it is on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
}}

/// A time window of a {resource}.
#[derive(Debug, Clone, Serialize)]
{serde_crate}pub struct {name}Schedule {{
    /// When it starts (RFC 3339).
    pub starts_at: String,
    /// When it ends (RFC 3339).
    pub ends_at: String,
    /// Its name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}}

/// A {resource}, as Seam answers it.
#[derive(Debug, Clone, Deserialize)]
{serde_crate}pub struct {name} {{
    /// Its ID.
    pub {resource}_id: String,
{workspace}    /// When it was created (RFC 3339).
    pub created_at: String,
    /// Its name.
    #[serde(default)]
    pub display_name: Option<String>,
    /// Whether it is managed.
    #[serde(default)]
    pub is_managed: bool,
    /// Its problems.
    #[serde(default)]
    pub errors: Vec<String>,
    /// Its warnings.
    #[serde(default)]
    pub warnings: Vec<String>,
    /// Its properties.
    #[serde(default)]
    pub properties: Option<{name}Settings2>,
}}

/// What Seam reports of a {resource}.
#[derive(Debug, Clone, Deserialize)]
{serde_crate}pub struct {name}Settings2 {{
    /// Whether it is online.
    #[serde(default)]
    pub online: bool,
    /// Its model.
    #[serde(default)]
    pub model: Option<String>,
}}

"#
        );
    }
}

fn write_macro_endpoint(out: &mut String, endpoint: &Endpoint) {
    let mut args = format!("path = {:?}", endpoint.path);
    if let Some(resource) = endpoint.response {
        let key = if endpoint.paginated {
            NAMESPACES[endpoint.namespace].0
        } else {
            resource
        };
        let _ = write!(
            args,
            ", response = {}, response_key = {key:?}",
            pascal(resource)
        );
        if endpoint.paginated {
            args.push_str(", paginated");
        }
    }
    // Seam-like, not Seam's: the routes are made up, so they are declared as
    // routes the pinned spec does not know.
    args.push_str(", unchecked");
    let _ = writeln!(out, "/// `{}`.", endpoint.path);
    let _ = writeln!(out, "#[seam_endpoint({args})]");
    let _ = writeln!(out, "pub struct {} {{", endpoint.ident);
    for param in &endpoint.params {
        let _ = writeln!(out, "    /// The `{}` parameter.", param.name);
        if let Some(attribute) = seam_attribute(&param.kind) {
            let _ = writeln!(out, "    {attribute}");
        }
        let ty = field_type(&param.kind, endpoint.namespace, Style::Macro);
        let _ = writeln!(out, "    pub {}: {ty},", param.name);
    }
    out.push_str("}\n");
}

fn write_plain_endpoint(out: &mut String, endpoint: &Endpoint) {
    let _ = writeln!(out, "/// `{}`.", endpoint.path);
    out.push_str("#[derive(Serialize)]\n");
    let _ = writeln!(out, "pub struct {} {{", endpoint.ident);
    for param in &endpoint.params {
        let _ = writeln!(out, "    /// The `{}` parameter.", param.name);
        if !matches!(param.kind, Kind::Required) {
            out.push_str("    #[serde(skip_serializing_if = \"Option::is_none\")]\n");
        }
        let ty = field_type(&param.kind, endpoint.namespace, Style::Plain);
        let _ = writeln!(out, "    pub {}: {ty},", param.name);
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "impl {} {{", endpoint.ident);
    let required: Vec<&Param> = endpoint
        .params
        .iter()
        .filter(|param| matches!(param.kind, Kind::Required))
        .collect();
    let arguments: Vec<String> = required
        .iter()
        .map(|param| format!("{}: impl Into<String>", param.name))
        .collect();
    let _ = writeln!(
        out,
        "    /// `{}` with its required parameters.",
        endpoint.ident
    );
    let _ = writeln!(out, "    pub fn new({}) -> Self {{", arguments.join(", "));
    out.push_str("        Self {\n");
    for param in &endpoint.params {
        if matches!(param.kind, Kind::Required) {
            let _ = writeln!(out, "            {0}: {0}.into(),", param.name);
        } else {
            let _ = writeln!(out, "            {}: None,", param.name);
        }
    }
    out.push_str("        }\n    }\n");
    for param in &endpoint.params {
        if matches!(param.kind, Kind::Required) {
            continue;
        }
        let ty = field_type(&param.kind, endpoint.namespace, Style::Plain);
        let inner = &ty["Option<".len()..ty.len() - 1];
        let (argument, value) = if matches!(param.kind, Kind::Bool | Kind::Number) {
            (inner.to_owned(), param.name.clone())
        } else {
            (
                format!("impl Into<{inner}>"),
                format!("{}.into()", param.name),
            )
        };
        let _ = writeln!(out, "\n    /// Sets `{}`.", param.name);
        out.push_str("    #[must_use]\n");
        let _ = writeln!(
            out,
            "    pub fn {0}(mut self, {0}: {argument}) -> Self {{",
            param.name
        );
        let _ = writeln!(out, "        self.{} = Some({value});", param.name);
        out.push_str("        self\n    }\n");
    }
    out.push_str("}\n");
}

/// The marker after endpoint `index`, in both the source and the expansion.
fn marker(index: usize) -> String {
    format!("pub const END_OF_ENDPOINT_{index}: () = ();")
}

fn crate_source(style: Style, endpoints: &[Endpoint]) -> String {
    let mut out = String::from(
        "//! Generated by seam-build-time: Seam-like endpoints, to time builds.\n\n#![allow(clippy::all)]\n\n",
    );
    match style {
        Style::Macro => out.push_str(
            "use seamapi_core::serde::{Deserialize, Serialize};\nuse seamapi_core::{CustomMetadata, seam_endpoint};\n\n",
        ),
        Style::Plain => out.push_str(
            "use std::collections::BTreeMap;\n\nuse serde::{Deserialize, Serialize};\n\n",
        ),
    }
    shared_types(&mut out, style);
    out.push_str("#[doc(hidden)]\npub const START_OF_ENDPOINTS: () = ();\n\n");
    for (index, endpoint) in endpoints.iter().enumerate() {
        match style {
            Style::Macro => write_macro_endpoint(&mut out, endpoint),
            Style::Plain => write_plain_endpoint(&mut out, endpoint),
        }
        let _ = writeln!(out, "\n#[doc(hidden)]\n{}\n", marker(index));
    }
    out
}

/// This repository's root: where benches/ sits.
fn default_workspace() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .expect("benches/ sits in the workspace")
        .to_path_buf()
}

fn write(path: &Path, contents: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("create a directory");
    }
    // Unchanged files keep their timestamps, so that dependencies stay built.
    if std::fs::read_to_string(path).ok().as_deref() != Some(contents) {
        std::fs::write(path, contents).expect("write a generated file");
    }
}

fn generate_workspace(root: &Path, out: &Path, endpoints: &[Endpoint]) {
    write(
        &out.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"gen-macro\", \"gen-plain\"]\n",
    );
    let lock =
        std::fs::read_to_string(root.join("Cargo.lock")).expect("the workspace's Cargo.lock");
    if !out.join("Cargo.lock").exists() {
        write(&out.join("Cargo.lock"), &lock);
    }
    let seamapi_core = root.join("seam-core");
    write(
        &out.join("gen-macro/Cargo.toml"),
        &format!(
            "[package]\nname = \"gen-macro\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nseamapi-core = {{ path = {:?} }}\n",
            seamapi_core.display().to_string()
        ),
    );
    write(
        &out.join("gen-plain/Cargo.toml"),
        "[package]\nname = \"gen-plain\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n[dependencies]\nserde = { version = \"1\", features = [\"derive\"] }\n",
    );
    for style in [Style::Macro, Style::Plain] {
        write(
            &out.join(style.package()).join("src/lib.rs"),
            &crate_source(style, endpoints),
        );
    }
}

fn cargo(out: &Path) -> Command {
    let mut command = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    command
        .current_dir(out)
        .env("CARGO_TARGET_DIR", out.join("target"))
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("CARGO_BUILD_RUSTFLAGS")
        .env_remove("RUSTC_WRAPPER");
    command
}

fn run(mut command: Command, what: &str) -> std::process::Output {
    let output = command.output().expect("cargo runs");
    assert!(
        output.status.success(),
        "{what} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

fn clean(out: &Path, style: Style) {
    let mut command = cargo(out);
    command.args(["clean", "--offline", "-q", "-p", style.package()]);
    run(command, "cargo clean");
}

/// Seconds of a clean `cargo build` of the generated crate alone.
fn timed_build(out: &Path, style: Style) -> f64 {
    clean(out, style);
    let mut command = cargo(out);
    command
        .args(["build", "--offline", "-q", "-p", style.package()])
        .stdout(Stdio::null());
    let start = Instant::now();
    run(command, "cargo build");
    start.elapsed().as_secs_f64()
}

/// Lines of the expanded crate (`-Zunpretty=expanded`) per endpoint, split at the
/// markers, and the lines of its source per endpoint.
fn expanded_lines(out: &Path, style: Style, endpoints: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let mut command = cargo(out);
    command.env("RUSTC_BOOTSTRAP", "1").args([
        "rustc",
        "--offline",
        "-q",
        "--profile=check",
        "-p",
        style.package(),
        "--",
        "-Zunpretty=expanded",
    ]);
    let output = command.output().ok()?;
    if !output.status.success() {
        eprintln!(
            "expansion of {} failed, skipped:\n{}",
            style.package(),
            String::from_utf8_lossy(&output.stderr)
        );
        return None;
    }
    let expanded = String::from_utf8_lossy(&output.stdout).into_owned();
    let source = std::fs::read_to_string(out.join(style.package()).join("src/lib.rs")).ok()?;
    Some((
        split_at_markers(&expanded, endpoints),
        split_at_markers(&source, endpoints),
    ))
}

/// Non-blank lines between consecutive markers: one count per endpoint.
fn split_at_markers(text: &str, endpoints: usize) -> Vec<usize> {
    let mut counts = Vec::with_capacity(endpoints);
    let mut current: Option<usize> = None;
    for line in text.lines() {
        let line = line.trim();
        if line.starts_with("pub const START_OF_ENDPOINTS") {
            current = Some(0);
        } else if line.starts_with("pub const END_OF_ENDPOINT_") {
            counts.push(current.unwrap_or(0));
            current = Some(0);
        } else if let Some(count) = current.as_mut()
            && !line.is_empty()
            && line != "#[doc(hidden)]"
        {
            *count += 1;
        }
    }
    counts
}

fn time_passes(out: &Path, style: Style) {
    clean(out, style);
    let mut command = cargo(out);
    command.env("RUSTC_BOOTSTRAP", "1").args([
        "rustc",
        "--offline",
        "-q",
        "-p",
        style.package(),
        "--",
        "-Ztime-passes",
    ]);
    let output = run(command, "cargo rustc -Ztime-passes");
    let text = String::from_utf8_lossy(&output.stderr);
    let mut passes: Vec<(f64, String)> = text
        .lines()
        .filter_map(|line| {
            let rest = line.strip_prefix("time:")?.trim_start();
            let (seconds, rest) = rest.split_once(';')?;
            let seconds: f64 = seconds.trim().parse().ok()?;
            let name = rest.split_whitespace().last()?.to_owned();
            Some((seconds, name))
        })
        .collect();
    passes.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("\nrustc passes of {} (seconds, top 16):", style.package());
    for (seconds, name) in passes.iter().take(16) {
        println!("  {seconds:>7.3}  {name}");
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str, default: usize| {
        args.iter()
            .position(|arg| arg == flag)
            .and_then(|index| args.get(index + 1))
            .and_then(|value| value.parse().ok())
            .unwrap_or(default)
    };
    let count = value("--endpoints", 200);
    let repeats = value("--repeats", 5).max(1);
    let passes = args.iter().any(|arg| arg == "--passes");
    let root = args
        .iter()
        .position(|arg| arg == "--workspace")
        .and_then(|index| args.get(index + 1))
        .map_or_else(default_workspace, PathBuf::from);
    let out = root.join("target/build-time");

    let endpoints = generate_endpoints(count);
    generate_workspace(&root, &out, &endpoints);
    let params: usize = endpoints.iter().map(|endpoint| endpoint.params.len()).sum();
    eprintln!(
        "generated {count} endpoints ({params} parameters) in {}",
        out.display()
    );

    // Each crate on its own, as it is timed: built together, their dependencies'
    // features would be unified, and the first timed build would rebuild them.
    eprintln!("building the dependencies once...");
    for style in [Style::Macro, Style::Plain] {
        let mut command = cargo(&out);
        command.args(["build", "-q", "-p", style.package()]);
        run(command, "the first build");
    }

    let mut times: Vec<(f64, f64)> = Vec::with_capacity(repeats);
    for repeat in 0..repeats {
        let order = if repeat % 2 == 0 {
            [Style::Macro, Style::Plain]
        } else {
            [Style::Plain, Style::Macro]
        };
        let mut pair = (0.0, 0.0);
        for style in order {
            let seconds = timed_build(&out, style);
            eprintln!("  {:<9} {seconds:.2} s", style.package());
            match style {
                Style::Macro => pair.0 = seconds,
                Style::Plain => pair.1 = seconds,
            }
        }
        times.push(pair);
    }
    let mut macro_times: Vec<f64> = times.iter().map(|pair| pair.0).collect();
    let mut plain_times: Vec<f64> = times.iter().map(|pair| pair.1).collect();
    let mut ratios: Vec<f64> = times.iter().map(|pair| pair.0 / pair.1).collect();
    let (macro_median, plain_median) = (median(&mut macro_times), median(&mut plain_times));
    let ratio = median(&mut ratios);

    println!(
        "## Build time: {count} Seam-like endpoints ({params} parameters), clean `cargo build` (dev profile) of the generated crate, median of {repeats}\n"
    );
    println!("| crate | build time | ratio |");
    println!("| --- | ---: | ---: |");
    println!(
        "| {} | {plain_median:.2} s | 1 (baseline) |",
        Style::Plain.name()
    );
    println!(
        "| {} | {macro_median:.2} s | **{ratio:.2}** (range {:.2}–{:.2}) |",
        Style::Macro.name(),
        ratios[0],
        ratios[ratios.len() - 1]
    );

    let macro_lines = expanded_lines(&out, Style::Macro, count);
    let plain_lines = expanded_lines(&out, Style::Plain, count);
    if let (Some((macro_expanded, macro_source)), Some((plain_expanded, plain_source))) =
        (macro_lines, plain_lines)
    {
        let mean = |counts: &[usize]| counts.iter().sum::<usize>() as f64 / counts.len() as f64;
        println!(
            "\n## Lines per endpoint (non-blank; expanded with `-Zunpretty=expanded`, derives included)\n"
        );
        println!("| crate | source | expanded | expanded, total |");
        println!("| --- | ---: | ---: | ---: |");
        for (style, source, expanded) in [
            (Style::Plain, &plain_source, &plain_expanded),
            (Style::Macro, &macro_source, &macro_expanded),
        ] {
            println!(
                "| {} | {:.1} | {:.1} | {} |",
                style.name(),
                mean(source),
                mean(expanded),
                expanded.iter().sum::<usize>()
            );
        }
    }
    if passes {
        for style in [Style::Plain, Style::Macro] {
            time_passes(&out, style);
        }
    }
}

//! `seam`: the Seam API on the command line. Its commands are built at run time
//! from the route table seam-codegen generates (`routes.rs`) from the lowering the
//! SDK's routes come from, so it has a command for every documented route.

mod check;
mod config;
mod routes;
mod table;
mod values;

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::{Arg, ArgAction, ArgMatches, Command};
use seamapi_core::{ActionAttemptModel as _, ActionAttemptStatus, Client, Error};
use serde_json::{Map, Value};

use crate::table::{Kind, Param, Route, Shape, kebab};

/// Exit codes, one per kind of failure, as `--help` lists them.
mod exit {
    pub const CONFIG: u8 = 1;
    pub const USAGE: u8 = 2;
    pub const VALIDATION: u8 = 3;
    pub const API: u8 = 4;
    pub const TRANSPORT: u8 = 5;
    pub const ACTION: u8 = 6;
}

const ROOT_HELP: &str = "\
Credentials: --api-key, or SEAM_API_KEY; or --personal-access-token with --workspace-id,
or SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID; else what `seam login` stored.
Endpoint: --endpoint, or SEAM_ENDPOINT, else https://connect.getseam.com.

Output: Seam's answer as JSON on stdout ({} for a route that answers nothing);
errors on stderr.

Exit codes: 0 success, 1 configuration or credentials, 2 usage, 3 invalid parameter
values (nothing sent), 4 error answered by Seam, 5 no usable answer (network,
timeout, unexpected response), 6 action attempt failed or still pending (--wait).";

const VALUE_HELP: &str = "\
Values: booleans true or false (a boolean flag alone is true); lists by repeating the
flag or as one JSON array; objects as JSON ('{\"id\":\"internalId1\"}'), in the relaxed
form bash leaves of JSON pasted unquoted ({id:internalId1}: bare words are strings,
but true, false, null and numbers), or as key=value pairs, one per flag; `null` for a
nullable parameter sends null. Quote JSON holding a comma in single quotes, or bash
expands the braces.";

/// A failure: the exit code and what to say on stderr.
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn new(code: u8, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
        }
    }
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        let code = match &error {
            Error::Validation(_) => exit::VALIDATION,
            Error::Api(_) => exit::API,
            Error::Config(_) => exit::CONFIG,
            Error::ActionAttemptFailed(_) | Error::ActionAttemptTimedOut(_) => exit::ACTION,
            _ => exit::TRANSPORT,
        };
        Failure::new(code, error.to_string())
    }
}

/// Credentials this run knows of, kept out of everything it prints.
#[derive(Default)]
struct Secrets(Vec<String>);

impl Secrets {
    fn gather(args: &[OsString]) -> Self {
        let mut secrets = Secrets::default();
        let names = ["--api-key", "--personal-access-token"];
        let mut args = args.iter().filter_map(|arg| arg.to_str());
        while let Some(arg) = args.next() {
            for name in names {
                if arg == name {
                    if let Some(value) = args.next() {
                        secrets.add(value);
                    }
                } else if let Some(value) = arg.strip_prefix(name).and_then(|v| v.strip_prefix('='))
                {
                    secrets.add(value);
                }
            }
        }
        for name in ["SEAM_API_KEY", "SEAM_PERSONAL_ACCESS_TOKEN"] {
            if let Ok(value) = std::env::var(name) {
                secrets.add(&value);
            }
        }
        if let Ok(Some(stored)) = config::load() {
            for value in [stored.api_key, stored.personal_access_token]
                .into_iter()
                .flatten()
            {
                secrets.add(&value);
            }
        }
        secrets
    }

    fn add(&mut self, secret: &str) {
        // A short value would blank out ordinary text; no credential is that short.
        if secret.len() >= 8 {
            self.0.push(secret.to_owned());
        }
    }

    fn redact(&self, text: &str) -> String {
        self.0.iter().fold(text.to_owned(), |text, secret| {
            text.replace(secret.as_str(), "[redacted]")
        })
    }
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut secrets = Secrets::gather(&args);
    match run(args, &mut secrets) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                eprintln!("seam: {}", secrets.redact(&failure.message));
            }
            ExitCode::from(failure.code)
        }
    }
}

fn run(args: Vec<OsString>, secrets: &mut Secrets) -> Result<(), Failure> {
    let matches = match command().try_get_matches_from(args) {
        Ok(matches) => matches,
        Err(error) => {
            let code = error.exit_code();
            let text = error.render().to_string();
            if code == 0 {
                print!("{}", secrets.redact(&text));
                return Ok(());
            }
            eprint!("{}", secrets.redact(&text));
            return Err(Failure::new(exit::USAGE, ""));
        }
    };
    let (name, sub) = matches.subcommand().expect("a subcommand is required");
    match name {
        "login" => return login(sub, secrets),
        "logout" => return logout(),
        "completions" => return completions(sub),
        _ => {}
    }
    let mut names = vec![name.to_owned()];
    let mut leaf = sub;
    while let Some((name, sub)) = leaf.subcommand() {
        names.push(name.to_owned());
        leaf = sub;
    }
    let route = routes::ROUTES
        .iter()
        .find(|route| command_names(route) == names)
        .expect("every action command is a route's");
    call(route, leaf)
}

/// `["access-codes", "unmanaged", "list"]`.
fn command_names(route: &Route) -> Vec<String> {
    route
        .namespace
        .iter()
        .chain([&route.action])
        .map(|name| kebab(name))
        .collect()
}

/// The whole command tree, from the route table.
fn command() -> Command {
    #[derive(Default)]
    struct Node {
        children: BTreeMap<&'static str, Node>,
        routes: Vec<&'static Route>,
    }
    let mut root = Node::default();
    for route in routes::ROUTES {
        let mut node = &mut root;
        for segment in route.namespace {
            node = node.children.entry(segment).or_default();
        }
        node.routes.push(route);
    }
    fn count(node: &Node) -> usize {
        node.routes.len() + node.children.values().map(count).sum::<usize>()
    }
    fn namespace(name: &str, node: &Node, path: &str) -> Command {
        let path = format!("{path}/{name}");
        let mut command = named(name)
            .about(format!("{path}/...: {} route(s)", count(node)))
            .subcommand_required(true)
            .arg_required_else_help(true);
        for (child, inner) in &node.children {
            command = command.subcommand(namespace(child, inner, &path));
        }
        for route in &node.routes {
            command = command.subcommand(action(route));
        }
        command
    }
    let mut seam = Command::new("seam")
        .version(env!("CARGO_PKG_VERSION"))
        .about("The Seam API on the command line: smart locks, thermostats, access control")
        .after_help(ROOT_HELP)
        .subcommand_required(true)
        .arg_required_else_help(true)
        .args(connection_args());
    for (name, node) in &root.children {
        seam = seam.subcommand(namespace(name, node, ""));
    }
    seam.subcommand(
        Command::new("login")
            .about("Store a credential in the config directory (owner-only), checked with Seam first")
            .long_about(
                "Store a credential for later commands: --api-key, or \
                 --personal-access-token with --workspace-id; without them, an API key is \
                 read from standard input. It is checked against Seam (/workspaces/get) \
                 first, and stored in $XDG_CONFIG_HOME/seam/credentials.json (else \
                 ~/.config/seam/), readable by you only. --endpoint is stored with it.",
            ),
    )
    .subcommand(Command::new("logout").about("Remove the credential `seam login` stored"))
    .subcommand(
        Command::new("completions")
            .about("Print a completion script: seam completions bash > ~/.local/share/bash-completion/completions/seam")
            .arg(
                Arg::new("shell")
                    .required(true)
                    .value_parser(["bash", "zsh", "fish"]),
            ),
    )
}

/// A command in kebab case that also answers to Seam's snake case name.
fn named(name: &str) -> Command {
    let command = Command::new(kebab(name));
    if name.contains('_') {
        command.alias(name.to_owned())
    } else {
        command
    }
}

fn connection_args() -> [Arg; 4] {
    let arg = |name: &'static str, value: &'static str, help: &'static str| {
        Arg::new(name)
            .long(name)
            .value_name(value)
            .help(help)
            .global(true)
            .help_heading("Connection")
            .action(ArgAction::Set)
    };
    [
        arg("api-key", "KEY", "API key, instead of SEAM_API_KEY"),
        arg(
            "personal-access-token",
            "TOKEN",
            "Personal access token, instead of SEAM_PERSONAL_ACCESS_TOKEN",
        ),
        arg(
            "workspace-id",
            "ID",
            "Workspace of the personal access token, instead of SEAM_WORKSPACE_ID",
        ),
        arg("endpoint", "URL", "Seam's URL, instead of SEAM_ENDPOINT"),
    ]
}

/// A route's command: one flag per parameter.
fn action(route: &'static Route) -> Command {
    let answer = match (route.shape, route.key) {
        (Shape::Void, _) | (_, None) => "nothing ({})".to_owned(),
        (Shape::One, Some(key)) => format!("the {key}"),
        (Shape::List, Some(key)) => format!("the list of {key}"),
        (Shape::Page, Some(key)) => format!("a page of {key} (--page_cursor for the next)"),
    };
    let deprecated = if route.deprecated { " Deprecated." } else { "" };
    let mut command = named(route.action)
        .about(format!("{}: answers {answer}.{deprecated}", route.path))
        .after_help(format!("Seam's reference: {}\n\n{VALUE_HELP}", route.docs));
    for param in route.params {
        command = command.arg(flag(param));
    }
    if route.shape == Shape::Page {
        command = command.arg(
            Arg::new("all")
                .long("all")
                .action(ArgAction::SetTrue)
                .help_heading("Pages")
                .help("Follow next_page_cursor and print the items of every page as one list"),
        );
    }
    if route.action_attempt {
        let help = match route.key {
            Some(ACTION_ATTEMPT) => {
                "Wait until the action attempt succeeds or fails, and print it".to_owned()
            }
            key => format!(
                "Print the {}, then wait until the action attempt beside it succeeds or fails",
                key.unwrap_or("answer")
            ),
        };
        command = command
            .arg(
                Arg::new("wait")
                    .long("wait")
                    .action(ArgAction::SetTrue)
                    .help_heading("Action attempt")
                    .help(help),
            )
            .arg(
                Arg::new("wait-timeout")
                    .long("wait-timeout")
                    .value_name("SECONDS")
                    .default_value("10")
                    .value_parser(clap::value_parser!(u64))
                    .help_heading("Action attempt")
                    .help("How long --wait waits"),
            );
    }
    command
}

fn flag(param: &'static Param) -> Arg {
    let mut help = if param.name == "page_cursor" {
        "Optional: the page to get, from the previous page's `next_page_cursor`.".to_owned()
    } else {
        param
            .doc
            .replace("(`Nullable::Null` sends `null`)", "(`null` sends null)")
    };
    if let Kind::Enum(values) | Kind::List(&Kind::Enum(values)) = param.kind {
        help.push_str(&format!(" Values: {}.", values.join(", ")));
    }
    if param.kind.repeats() {
        help.push_str(" Repeatable.");
    }
    let value_name = match param.kind {
        Kind::String => "STRING",
        Kind::Integer => "INTEGER",
        Kind::Number => "NUMBER",
        Kind::Boolean => "BOOLEAN",
        Kind::Enum(_) => "VALUE",
        Kind::List(_) => "ITEM",
        Kind::Object | Kind::Metadata => "OBJECT",
        Kind::Json => "JSON",
    };
    let mut arg = Arg::new(param.name)
        .long(param.name)
        .value_name(value_name)
        .help(help)
        .required(param.required)
        .help_heading("Parameters");
    if param.name.contains('_') {
        arg = arg.visible_alias(param.kebab());
    }
    match param.kind {
        Kind::Boolean => arg
            .num_args(0..=1)
            .default_missing_value("true")
            .action(ArgAction::Set),
        kind if kind.repeats() => arg.action(ArgAction::Append).allow_hyphen_values(true),
        _ => arg.action(ArgAction::Set).allow_hyphen_values(true),
    }
}

/// Reads the flags, checks them as the SDK would, sends, prints.
fn call(route: &'static Route, matches: &ArgMatches) -> Result<(), Failure> {
    let mut body = Map::new();
    for param in route.params {
        let Some(raw) = matches.get_many::<String>(param.name) else {
            continue;
        };
        let raw: Vec<String> = raw.cloned().collect();
        let value = values::parse(param, &raw).map_err(|reason| {
            Failure::new(
                exit::USAGE,
                format!(
                    "--{} {reason}; see `seam {} --help`",
                    param.name,
                    command_names(route).join(" ")
                ),
            )
        })?;
        if param.deprecated {
            eprintln!(
                "seam: warning: --{} is deprecated; see {}",
                param.name, route.docs
            );
        }
        body.insert(param.name.to_owned(), value);
    }
    check::validate(route, &body).map_err(|errors| Failure::from(Error::from(errors)))?;
    let wait = route.action_attempt && matches.get_flag("wait");
    let all = route.shape == Shape::Page && matches.get_flag("all");
    let wait_timeout = Duration::from_secs(if route.action_attempt {
        matches
            .get_one::<u64>("wait-timeout")
            .copied()
            .unwrap_or_default()
    } else {
        0
    });
    let client = client(matches)?;
    runtime()?.block_on(async {
        if all {
            print_json(&every_page(&client, route, body).await?);
            return Ok(());
        }
        let answer = client
            .send_json(route.path, route.idempotent, &Value::Object(body))
            .await?;
        let shown = match (route.shape, route.key) {
            (Shape::Void, _) | (_, None) => Value::Object(Map::new()),
            (_, Some(key)) => answer.get(key).cloned().unwrap_or(Value::Null),
        };
        if route.shape == Shape::Page && std::io::stderr().is_terminal() {
            let next = answer
                .pointer("/pagination/next_page_cursor")
                .and_then(Value::as_str);
            if let Some(cursor) = next {
                eprintln!("seam: more results: add --page_cursor {cursor}");
            }
        }
        if !wait {
            print_json(&shown);
            return Ok(());
        }
        if route.key == Some(ACTION_ATTEMPT) {
            print_json(&wait_for(&client, shown, wait_timeout).await?);
            return Ok(());
        }
        // The attempt beside what the route created: the resource is printed
        // first, so that a failed or slow action never hides it.
        print_json(&shown);
        match answer.get(ACTION_ATTEMPT) {
            Some(attempt) if !attempt.is_null() => {
                wait_for(&client, attempt.clone(), wait_timeout).await?;
            }
            _ => eprintln!("seam: the answer holds no action attempt to wait for"),
        }
        Ok(())
    })
}

/// The items of every page, asked for one after another.
async fn every_page(
    client: &Client,
    route: &'static Route,
    mut body: Map<String, Value>,
) -> Result<Value, Failure> {
    let key = route.key.unwrap_or_default();
    let mut items = Vec::new();
    loop {
        let mut answer = client
            .send_json(route.path, route.idempotent, &Value::Object(body.clone()))
            .await?;
        if let Some(Value::Array(page)) = answer.get_mut(key).map(Value::take) {
            items.extend(page);
        }
        let next = answer
            .pointer("/pagination/next_page_cursor")
            .and_then(Value::as_str)
            .filter(|_| {
                answer
                    .pointer("/pagination/has_next_page")
                    .and_then(Value::as_bool)
                    .unwrap_or(false)
            });
        match next {
            Some(cursor) => {
                body.insert("page_cursor".to_owned(), Value::String(cursor.to_owned()));
            }
            None => return Ok(Value::Array(items)),
        }
    }
}

fn print_json(value: &Value) {
    let text = serde_json::to_string_pretty(value).unwrap_or_default();
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`seam ... | head`) is not worth a panic.
    let _ = writeln!(stdout, "{text}");
}

fn runtime() -> Result<tokio::runtime::Runtime, Failure> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| Failure::new(exit::CONFIG, format!("cannot start: {error}")))
}

fn nonempty_env(name: &str) -> bool {
    std::env::var_os(name).is_some_and(|value| !value.is_empty())
}

/// The client: flags first, then the environment (as the SDK reads it), then what
/// `seam login` stored.
/// The client the flags, the environment or `seam login` configure.
fn client(matches: &ArgMatches) -> Result<Client, Failure> {
    let flag = |name: &str| matches.get_one::<String>(name).cloned();
    let mut builder = Client::builder();
    let api_key = flag("api-key");
    let token = flag("personal-access-token");
    let endpoint = flag("endpoint");
    let from_flags = api_key.is_some() || token.is_some();
    if let Some(key) = api_key {
        builder = builder.api_key(key);
    }
    if let Some(token) = token {
        builder = builder.personal_access_token(token);
    }
    if let Some(workspace) = flag("workspace-id") {
        builder = builder.workspace_id(workspace);
    }
    if let Some(endpoint) = &endpoint {
        builder = builder.endpoint(endpoint);
    }
    let from_env = nonempty_env("SEAM_API_KEY") || nonempty_env("SEAM_PERSONAL_ACCESS_TOKEN");
    if !from_flags && !from_env {
        let stored = config::load().map_err(|message| Failure::new(exit::CONFIG, message))?;
        let Some(stored) = stored else {
            return Err(Failure::new(
                exit::CONFIG,
                "no Seam credential: pass --api-key, set SEAM_API_KEY (or \
                 SEAM_PERSONAL_ACCESS_TOKEN with SEAM_WORKSPACE_ID), or run `seam login`",
            ));
        };
        {
            if let Some(key) = stored.api_key {
                builder = builder.api_key(key);
            }
            if let Some(token) = stored.personal_access_token {
                builder = builder.personal_access_token(token);
            }
            if let Some(workspace) = stored.workspace_id
                && flag("workspace-id").is_none()
            {
                builder = builder.workspace_id(workspace);
            }
            if let Some(stored_endpoint) = stored.endpoint
                && endpoint.is_none()
                && !nonempty_env("SEAM_ENDPOINT")
            {
                builder = builder.endpoint(stored_endpoint);
            }
        }
    }
    builder.env().build().map_err(|error| {
        Failure::new(
            exit::CONFIG,
            format!("{error} (the seam tool also takes --api-key, or what `seam login` stored)"),
        )
    })
}

/// The key of an action attempt in Seam's answers.
const ACTION_ATTEMPT: &str = "action_attempt";

/// An action attempt as JSON, read as far as the SDK's waiting needs: the tool
/// prints attempts as Seam sends them, so it keeps them as JSON.
struct JsonAttempt(Value);

impl<'de> seamapi_core::serde::Deserialize<'de> for JsonAttempt {
    fn deserialize<D: seamapi_core::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Self, D::Error> {
        Value::deserialize(deserializer).map(JsonAttempt)
    }
}

impl JsonAttempt {
    fn text(&self, pointer: &str) -> &str {
        self.0
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or("")
    }
}

impl seamapi_core::ActionAttemptModel for JsonAttempt {
    fn action_attempt_id(&self) -> &str {
        self.text("/action_attempt_id")
    }

    fn action_type(&self) -> &str {
        self.text("/action_type")
    }

    fn status(&self) -> ActionAttemptStatus<'_> {
        match self.text("/status") {
            "pending" => ActionAttemptStatus::Pending,
            "success" => ActionAttemptStatus::Success,
            "error" => ActionAttemptStatus::Error {
                error_type: self.text("/error/type"),
                message: self.text("/error/message"),
            },
            other => ActionAttemptStatus::Unknown(other),
        }
    }
}

/// Waits for `attempt` as the SDK does, at most `timeout`, with a spinner on stderr
/// when it is a terminal.
async fn wait_for(client: &Client, attempt: Value, timeout: Duration) -> Result<Value, Failure> {
    const FRAMES: [char; 4] = ['|', '/', '-', '\\'];
    if attempt
        .get("action_attempt_id")
        .and_then(Value::as_str)
        .is_none()
    {
        return Err(Failure::new(
            exit::TRANSPORT,
            "the answer holds no action_attempt_id",
        ));
    }
    let kind = JsonAttempt(attempt.clone()).action_type().to_owned();
    let waiting = client
        .wait_for_action_attempt(JsonAttempt(attempt))
        .timeout(timeout);
    let outcome = if std::io::stderr().is_terminal() {
        let spinner = tokio::spawn(async move {
            let started = Instant::now();
            let mut ticks = tokio::time::interval(Duration::from_millis(250));
            for frame in FRAMES.iter().cycle() {
                ticks.tick().await;
                eprint!(
                    "\r{frame} waiting for {kind} ({}s)",
                    started.elapsed().as_secs()
                );
            }
        });
        let outcome = waiting.await;
        spinner.abort();
        eprint!("\r\x1b[2K");
        outcome
    } else {
        waiting.await
    };
    match outcome {
        Ok(JsonAttempt(done)) => Ok(done),
        Err(Error::ActionAttemptTimedOut(late)) => Err(Failure::new(
            exit::ACTION,
            format!(
                "{}; check later with `seam action-attempts get --action_attempt_id {}`",
                Error::ActionAttemptTimedOut(late.clone()),
                late.action_attempt_id
            ),
        )),
        Err(error) => Err(Failure::from(error)),
    }
}

fn login(matches: &ArgMatches, secrets: &mut Secrets) -> Result<(), Failure> {
    let flag = |name: &str| matches.get_one::<String>(name).cloned();
    let mut stored = config::Stored {
        api_key: flag("api-key"),
        personal_access_token: flag("personal-access-token"),
        workspace_id: flag("workspace-id"),
        endpoint: flag("endpoint"),
    };
    if stored.api_key.is_none() && stored.personal_access_token.is_none() {
        if std::io::stdin().is_terminal() {
            eprint!("Paste an API key from https://console.seam.co: ");
        }
        let mut line = String::new();
        std::io::stdin()
            .read_line(&mut line)
            .map_err(|error| Failure::new(exit::USAGE, format!("cannot read the key: {error}")))?;
        let key = line.trim().to_owned();
        if key.is_empty() {
            return Err(Failure::new(
                exit::USAGE,
                "no API key given: pass --api-key, or type it on standard input",
            ));
        }
        secrets.add(&key);
        stored.api_key = Some(key);
    }
    let mut builder = Client::builder();
    if let Some(key) = &stored.api_key {
        builder = builder.api_key(key);
    }
    if let Some(token) = &stored.personal_access_token {
        builder = builder.personal_access_token(token);
    }
    if let Some(workspace) = &stored.workspace_id {
        builder = builder.workspace_id(workspace);
    }
    if let Some(endpoint) = &stored.endpoint {
        builder = builder.endpoint(endpoint);
    }
    let client = builder
        .build()
        .map_err(|error| Failure::new(exit::CONFIG, error.to_string()))?;
    let answer = runtime()?.block_on(client.send_json(
        "/workspaces/get",
        true,
        &Value::Object(Map::new()),
    ))?;
    let path = config::save(&stored).map_err(|message| Failure::new(exit::CONFIG, message))?;
    let workspace = answer.get("workspace").cloned().unwrap_or(Value::Null);
    let name = workspace.get("name").and_then(Value::as_str).unwrap_or("?");
    let id = workspace
        .get("workspace_id")
        .and_then(Value::as_str)
        .unwrap_or("?");
    eprintln!(
        "seam: logged in to workspace {name} ({id}); credential stored in {}",
        path.display()
    );
    Ok(())
}

fn logout() -> Result<(), Failure> {
    match config::remove().map_err(|message| Failure::new(exit::CONFIG, message))? {
        Some(path) => eprintln!("seam: logged out; removed {}", path.display()),
        None => eprintln!("seam: no stored credential; nothing to remove"),
    }
    Ok(())
}

fn completions(matches: &ArgMatches) -> Result<(), Failure> {
    use clap_complete::Shell;
    let shell = match matches.get_one::<String>("shell").map(String::as_str) {
        Some("zsh") => Shell::Zsh,
        Some("fish") => Shell::Fish,
        _ => Shell::Bash,
    };
    let mut out = std::io::stdout().lock();
    clap_complete::generate(shell, &mut command(), "seam", &mut out);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_tree_is_valid_and_has_every_route() {
        let seam = command();
        seam.clone().debug_assert();
        assert_eq!(routes::ROUTES.len(), 201);
        for route in routes::ROUTES {
            let mut command = &seam;
            for name in command_names(route) {
                command = command
                    .find_subcommand(&name)
                    .unwrap_or_else(|| panic!("{}: no command {name}", route.path));
            }
            for param in route.params {
                assert!(
                    command
                        .get_arguments()
                        .any(|arg| arg.get_id() == param.name),
                    "{}: no flag {}",
                    route.path,
                    param.name
                );
            }
        }
    }
}

//! Finding the npm project that pins the fake server, and installing it.

use std::collections::HashMap;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, OnceLock, PoisonError};

use crate::output::strip_ansi;
use crate::{FAKE_PACKAGE, FakeSeamError};

/// The environment variable naming the npm project directory.
pub const SEAM_FAKE_DIR: &str = "SEAM_FAKE_DIR";

/// The server script, relative to the npm project directory.
pub(crate) fn server_js(dir: &Path) -> PathBuf {
    dir.join("node_modules")
        .join("@seamapi")
        .join("fake-seam-connect")
        .join("dist")
        .join("server.js")
}

/// Finds the npm project directory that pins `@seamapi/fake-seam-connect`.
///
/// In order: the directory named by the `SEAM_FAKE_DIR` environment variable (taken
/// as is, when set and not empty); the current directory or the nearest of its
/// ancestors whose `package.json` lists the fake server as a dependency; the
/// seam-rs workspace this crate was built from, when its `package.json` lists it.
///
/// # Errors
///
/// [`FakeSeamError::PackageDirNotFound`] when none of them qualifies.
pub fn find_package_dir() -> Result<PathBuf, FakeSeamError> {
    if let Some(dir) = std::env::var_os(SEAM_FAKE_DIR).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let mut searched = Vec::new();
    if let Ok(cwd) = std::env::current_dir() {
        for dir in cwd.ancestors() {
            if pins_fake(dir) {
                return Ok(dir.to_path_buf());
            }
            searched.push(dir.to_path_buf());
        }
    }
    // Where this crate was built from: in the seam-rs workspace, its parent is
    // the workspace root; from a registry, it is not an npm project at all.
    if let Some(root) = Path::new(env!("CARGO_MANIFEST_DIR")).parent() {
        if pins_fake(root) {
            return Ok(root.to_path_buf());
        }
        searched.push(root.to_path_buf());
    }
    Err(FakeSeamError::PackageDirNotFound { searched })
}

/// Whether `dir/package.json` lists the fake server among its dependencies.
fn pins_fake(dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join("package.json")) else {
        return false;
    };
    let Ok(manifest) = serde_json::from_str::<serde_json::Value>(&text) else {
        return false;
    };
    ["dependencies", "devDependencies", "optionalDependencies"]
        .iter()
        .any(|section| manifest[section].get(FAKE_PACKAGE).is_some())
}

/// The outcome of `npm ci` per directory, so that it runs at most once per process.
type Installs = Mutex<HashMap<PathBuf, Result<(), InstallFailure>>>;

/// A failed install, remembered so that later starts report it without rerunning npm.
#[derive(Debug, Clone)]
struct InstallFailure {
    status: String,
    output: String,
}

fn installs() -> &'static Installs {
    static INSTALLS: OnceLock<Installs> = OnceLock::new();
    INSTALLS.get_or_init(Installs::default)
}

/// The npm project that pins the fake server ([`find_package_dir`]), installed
/// first (`npm ci`, once per process) if its `node_modules` lacks the server: for
/// tests that read the pinned packages' own files, such as the fake's OpenAPI
/// document or `@seamapi/types`' route types.
///
/// # Errors
///
/// As [`FakeSeam::start`](crate::FakeSeam::start) for finding and installing it.
pub fn installed_package_dir() -> Result<PathBuf, FakeSeamError> {
    let dir = find_package_dir()?;
    ensure_installed(&dir, OsStr::new(default_npm()))?;
    Ok(dir)
}

/// Makes sure the server script exists in `dir`, running `npm ci` (once per
/// process and directory) when it does not.
pub(crate) fn ensure_installed(dir: &Path, npm: &OsStr) -> Result<PathBuf, FakeSeamError> {
    let script = server_js(dir);
    if script.is_file() {
        return Ok(script);
    }
    if !dir.join("package-lock.json").is_file() {
        return Err(FakeSeamError::NotInstalled {
            dir: dir.to_path_buf(),
            server_js: script,
        });
    }
    let key = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    // Held for the whole install: parallel tests wait here instead of racing npm.
    let mut installs = installs().lock().unwrap_or_else(PoisonError::into_inner);
    let outcome = match installs.get(&key) {
        Some(outcome) => outcome.clone(),
        // Another thread installed it while this one waited for the lock.
        None if script.is_file() => Ok(()),
        None => {
            let outcome = npm_ci(dir, npm)?;
            installs.insert(key, outcome.clone());
            outcome
        }
    };
    drop(installs);
    match outcome {
        Ok(()) if script.is_file() => Ok(script),
        Ok(()) => Err(FakeSeamError::InstallFailed {
            dir: dir.to_path_buf(),
            status: "it succeeded".to_owned(),
            output: format!(
                "{} is still missing: does package-lock.json pin {FAKE_PACKAGE}?",
                script.display()
            ),
        }),
        Err(failure) => Err(FakeSeamError::InstallFailed {
            dir: dir.to_path_buf(),
            status: failure.status,
            output: failure.output,
        }),
    }
}

/// Runs `npm ci` in `dir`. Failing to start npm at all is an error (and not
/// remembered: installing npm fixes it); npm failing is an outcome.
fn npm_ci(dir: &Path, npm: &OsStr) -> Result<Result<(), InstallFailure>, FakeSeamError> {
    let result = Command::new(npm)
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .stdin(Stdio::null())
        .output();
    let output = match result {
        Ok(output) => output,
        Err(source) if source.kind() == io::ErrorKind::NotFound => {
            return Err(FakeSeamError::NpmNotFound {
                dir: dir.to_path_buf(),
                program: npm.to_os_string(),
                source,
            });
        }
        Err(source) => {
            return Err(FakeSeamError::Io {
                action: format!("run {npm:?} ci in {}", dir.display()),
                source,
            });
        }
    };
    if output.status.success() {
        return Ok(Ok(()));
    }
    let mut summary = summarize(&output.stderr);
    if summary.is_empty() {
        summary = summarize(&output.stdout);
    }
    if summary.is_empty() {
        summary = "(no output)".to_owned();
    }
    Ok(Err(InstallFailure {
        status: output.status.to_string(),
        output: summary,
    }))
}

/// npm's output cut down for an error message: the start of its error report
/// (which says what went wrong; npm follows it with pages of usage text) and
/// its last lines (which name the log file).
fn summarize(bytes: &[u8]) -> String {
    const HEAD: usize = 12;
    const TAIL: usize = 4;
    let text = strip_ansi(&String::from_utf8_lossy(bytes));
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim_end)
        .filter(|line| !line.is_empty() && *line != "npm error" && *line != "npm ERR!")
        .collect();
    let start = lines
        .iter()
        .position(|line| line.contains("error") || line.contains("ERR!"))
        .unwrap_or(0);
    let lines = &lines[start..];
    if lines.len() <= HEAD + TAIL + 1 {
        return lines.join("\n");
    }
    let left_out = lines.len() - HEAD - TAIL;
    format!(
        "{}\n… ({left_out} lines left out)\n{}",
        lines[..HEAD].join("\n"),
        lines[lines.len() - TAIL..].join("\n")
    )
}

/// The default npm program for this platform.
pub(crate) fn default_npm() -> &'static str {
    if cfg!(windows) { "npm.cmd" } else { "npm" }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summarizes_npm_errors() {
        assert_eq!(summarize(b""), "");
        assert_eq!(
            summarize(
                b"npm warn old config\nnpm error code EUSAGE\nnpm error\nnpm error Missing: x\n"
            ),
            "npm error code EUSAGE\nnpm error Missing: x"
        );
        let mut long = String::from("npm error code EUSAGE\n");
        for i in 0..30 {
            long.push_str(&format!("npm error usage {i}\n"));
        }
        long.push_str("npm error A complete log of this run can be found in: /x.log\n");
        let summary = summarize(long.as_bytes());
        assert!(
            summary.starts_with("npm error code EUSAGE\nnpm error usage 0\n"),
            "{summary}"
        );
        assert!(summary.contains("… (16 lines left out)"), "{summary}");
        assert!(summary.ends_with("can be found in: /x.log"), "{summary}");
    }
}

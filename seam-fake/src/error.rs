//! The error type of the harness.

use std::ffi::OsString;
use std::io;
use std::path::PathBuf;
use std::time::Duration;

use crate::{FAKE_PACKAGE, FAKE_VERSION};

/// Why Seam's fake server could not be started or could not answer.
///
/// Every message says what happened and what to do about it; the variants that
/// concern the server process carry the last lines it printed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FakeSeamError {
    /// No directory pinning the fake server was found.
    #[error(
        "no npm project that pins {FAKE_PACKAGE} was found (looked at: {}); \
         set SEAM_FAKE_DIR to a directory whose package.json lists it, or create one with \
         `npm install --save-dev --save-exact {FAKE_PACKAGE}@{FAKE_VERSION}`",
        display_paths(searched)
    )]
    PackageDirNotFound {
        /// The directories that were looked at, in order.
        searched: Vec<PathBuf>,
    },

    /// The fake server is not installed in `dir` and there is no lock file to
    /// install it from with `npm ci`.
    #[error(
        "{FAKE_PACKAGE} is not installed in {} (missing {}) and there is no package-lock.json \
         there for `npm ci`; run `npm install --save-dev --save-exact {FAKE_PACKAGE}@{FAKE_VERSION}` \
         in that directory, or point SEAM_FAKE_DIR at a directory that pins it",
        dir.display(),
        server_js.display()
    )]
    NotInstalled {
        /// The npm project directory.
        dir: PathBuf,
        /// The server script that was expected.
        server_js: PathBuf,
    },

    /// `node` could not be run.
    #[error(
        "could not run Node.js as {program:?}; Seam's fake server is a Node.js program: \
         install Node.js 18 or newer (https://nodejs.org/ or your system's package manager) \
         and make sure `node` is on PATH"
    )]
    NodeNotFound {
        /// The program that was tried.
        program: OsString,
        /// Why running it failed.
        #[source]
        source: io::Error,
    },

    /// `npm` could not be run, and it is needed to install the fake server.
    #[error(
        "{FAKE_PACKAGE} is not installed in {} and npm could not be run as {program:?} to install it; \
         install npm (it comes with Node.js: https://nodejs.org/) and make sure `npm` is \
         on PATH, or run `npm ci` in that directory yourself",
        dir.display()
    )]
    NpmNotFound {
        /// The npm project directory.
        dir: PathBuf,
        /// The program that was tried.
        program: OsString,
        /// Why running it failed.
        #[source]
        source: io::Error,
    },

    /// `npm ci` ran and failed.
    #[error(
        "`npm ci` in {} failed ({status}); run `npm ci` there yourself to see the whole output. \
         npm said:\n{output}",
        dir.display()
    )]
    InstallFailed {
        /// The npm project directory.
        dir: PathBuf,
        /// How npm exited.
        status: String,
        /// npm's error report, shortened (from stderr, or stdout when stderr was empty).
        output: String,
    },

    /// The server process exited before it answered `GET /health`.
    #[error(
        "Seam's fake server exited before it was ready ({status}); check that {FAKE_PACKAGE} is \
         installed correctly (`npm ci`) and that Node.js is 18 or newer. Its last output:\n{output}"
    )]
    ExitedEarly {
        /// How the process exited.
        status: String,
        /// The last lines it printed.
        output: String,
    },

    /// The server did not answer `GET /health` in time.
    #[error(
        "Seam's fake server at {url} did not answer GET /health within {timeout:?}; the machine \
         may be overloaded (raise it with FakeSeamBuilder::startup_timeout). Its last output:\n{output}"
    )]
    StartTimeout {
        /// The URL that was polled.
        url: String,
        /// How long the harness waited.
        timeout: Duration,
        /// The last lines it printed.
        output: String,
    },

    /// An HTTP exchange with the server failed before a response was read.
    #[error("{method} {url} failed; the fake server may have stopped (its last output:\n{output})")]
    Http {
        /// The request method.
        method: &'static str,
        /// The request URL.
        url: String,
        /// What went wrong.
        #[source]
        source: io::Error,
        /// The last lines the server printed.
        output: String,
    },

    /// The server answered with an unexpected status or body.
    #[error("{method} {url} answered {status} where the harness expected success: {body}")]
    UnexpectedResponse {
        /// The request method.
        method: &'static str,
        /// The request URL.
        url: String,
        /// The HTTP status code.
        status: u16,
        /// The response body (truncated).
        body: String,
    },

    /// Some other I/O operation of the harness failed.
    #[error("seam-fake could not {action}")]
    Io {
        /// What the harness was doing.
        action: String,
        /// The underlying error.
        #[source]
        source: io::Error,
    },
}

fn display_paths(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "nothing".to_owned();
    }
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

//! Draining the server's stdout and stderr in background threads.

use std::collections::VecDeque;
use std::io::{BufRead, BufReader, Read};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

/// How many lines of output are kept for error messages.
const KEPT_LINES: usize = 40;

/// The last lines a child printed, shared with the threads that read them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Output {
    inner: Arc<Mutex<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    lines: VecDeque<String>,
    /// Set once stdout announced `http://…:<port>`: the child itself is listening.
    listening: bool,
}

impl Output {
    /// Reads `stream` line by line on a background thread until end of file.
    ///
    /// `announce` is the suffix of the line the server prints once it listens
    /// (`:<port>`); pass `None` for streams that never announce.
    pub(crate) fn drain(
        &self,
        stream: impl Read + Send + 'static,
        label: &'static str,
        announce: Option<String>,
    ) -> Option<JoinHandle<()>> {
        let output = self.clone();
        let spawned = thread::Builder::new()
            .name(format!("seam-fake-{label}"))
            .spawn(move || {
                let mut reader = BufReader::new(stream);
                let mut buf = Vec::new();
                loop {
                    buf.clear();
                    match reader.read_until(b'\n', &mut buf) {
                        Ok(0) | Err(_) => break,
                        Ok(_) => {}
                    }
                    let line = strip_ansi(String::from_utf8_lossy(&buf).trim_end());
                    let announces = announce
                        .as_deref()
                        .is_some_and(|suffix| line.contains("http://") && line.ends_with(suffix));
                    output.push(format!("[{label}] {line}"), announces);
                }
            });
        match spawned {
            Ok(handle) => Some(handle),
            Err(error) => {
                self.push(
                    format!("[seam-fake] could not read {label}: {error}"),
                    false,
                );
                None
            }
        }
    }

    fn push(&self, line: String, listening: bool) {
        let mut inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if inner.lines.len() == KEPT_LINES {
            inner.lines.pop_front();
        }
        inner.lines.push_back(line);
        inner.listening |= listening;
    }

    /// Whether the server announced that it listens.
    pub(crate) fn listening(&self) -> bool {
        self.inner
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .listening
    }

    /// The kept lines, one per line, or a note that there were none.
    pub(crate) fn tail(&self) -> String {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        if inner.lines.is_empty() {
            return "(no output)".to_owned();
        }
        inner
            .lines
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// Removes ANSI escape sequences (the fake's logger colours its output).
pub(crate) fn strip_ansi(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            if chars.peek() == Some(&'[') {
                chars.next();
                // Parameters and intermediates, then one final byte in '@'..='~'.
                for c in chars.by_ref() {
                    if ('@'..='~').contains(&c) {
                        break;
                    }
                }
            }
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_colours() {
        assert_eq!(
            strip_ansi("2026-11-25T09:30:26.597Z \u{1b}[32minfo\u{1b}[39m: http://localhost:18080"),
            "2026-11-25T09:30:26.597Z info: http://localhost:18080"
        );
    }
}

//! Quoting text this crate does not control (the server's error types, messages
//! and request ids; a caller's metadata keys) in a message: control characters
//! are escaped, so that a log line stays one line and a terminal takes no escape
//! sequence from it, and long text is cut, so that a message stays readable.

use std::fmt;

/// The most characters quoted of a name: an error type, a key, a request id.
pub(crate) const NAME_CHARS: usize = 60;

/// The most characters quoted of a server's message or reason.
pub(crate) const MESSAGE_CHARS: usize = 1000;

/// `text` for a message: at most `max_chars` characters of it, then `…` and its
/// length; `\n`, `\u{1b}` and other control or text-direction characters escaped.
pub(crate) fn quoted(text: &str, max_chars: usize) -> Quoted<'_> {
    Quoted { text, max_chars }
}

/// See [`quoted`].
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quoted<'a> {
    text: &'a str,
    max_chars: usize,
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chars = self.text.char_indices();
        for (_, c) in chars.by_ref().take(self.max_chars) {
            if needs_escape(c) {
                write!(f, "{}", c.escape_default())?;
            } else {
                fmt::Write::write_char(f, c)?;
            }
        }
        if let Some((at, _)) = chars.next() {
            let total = self.max_chars + 1 + self.text[at..].chars().skip(1).count();
            write!(f, "… ({total} characters)")?;
        }
        Ok(())
    }
}

/// Characters that change what a terminal or a log shows beyond themselves:
/// control characters (C0, DEL, C1), line and paragraph separators, and the
/// marks and overrides of text direction.
fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
                | '\u{2066}'..='\u{2069}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(
            quoted("a\nb\r\tc\u{1b}[31m\u{7f}\u{9b}\u{202e}é", 100).to_string(),
            r"a\nb\r\tc\u{1b}[31m\u{7f}\u{9b}\u{202e}é"
        );
        assert_eq!(
            quoted("plain \"text\" \\", 100).to_string(),
            "plain \"text\" \\"
        );
    }

    #[test]
    fn long_text_is_cut_and_its_length_given() {
        assert_eq!(quoted("abcdef", 6).to_string(), "abcdef");
        assert_eq!(quoted("abcdefg", 6).to_string(), "abcdef… (7 characters)");
        assert_eq!(quoted("ééééé", 2).to_string(), "éé… (5 characters)");
        assert_eq!(quoted("", 0).to_string(), "");
        assert_eq!(quoted("a", 0).to_string(), "… (1 characters)");
    }
}

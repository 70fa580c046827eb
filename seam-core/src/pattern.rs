//! `#[seam(pattern = "...")]`: the patterns Seam's API uses are simple (`^\d+$`,
//! `^\d{8}T\d{4}$`, `^([a-z])[a-z_.]*[a-z]+$`), so the macro parses them at compile
//! time into a sequence of repeated character classes, and this matcher runs it:
//! no regex engine in every user's build.

/// A set of characters.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharClass {
    /// `.`
    Any,
    /// One character.
    Char(char),
    /// `\d`
    Digit,
    /// `\w`
    Word,
    /// `\s`
    Space,
    /// `[a-z_.]`, or `[^...]` when negated: inclusive ranges.
    Ranges(bool, &'static [(char, char)]),
}

impl CharClass {
    fn matches(self, c: char) -> bool {
        match self {
            Self::Any => c != '\n',
            Self::Char(expected) => c == expected,
            Self::Digit => c.is_ascii_digit(),
            Self::Word => c.is_alphanumeric() || c == '_',
            Self::Space => c.is_whitespace(),
            Self::Ranges(negated, ranges) => {
                ranges.iter().any(|&(low, high)| (low..=high).contains(&c)) != negated
            }
        }
    }
}

/// A class repeated `min` to `max` times (`u32::MAX`: no upper bound).
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeat {
    pub class: CharClass,
    pub min: u32,
    pub max: u32,
}

/// A pattern as the macro compiled it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// The pattern as written, for messages.
    pub source: &'static str,
    /// `^`
    pub start: bool,
    /// `$`
    pub end: bool,
    pub repeats: &'static [Repeat],
}

impl Pattern {
    /// Whether `text` matches, as a JavaScript `RegExp.test` would.
    pub fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        let starts = if self.start { 0..=0 } else { 0..=chars.len() };
        starts
            .into_iter()
            .any(|start| self.match_at(self.repeats, &chars[start..]))
    }

    /// Backtracking, greedy: the patterns are short and anchored.
    fn match_at(&self, repeats: &[Repeat], text: &[char]) -> bool {
        let Some((first, rest)) = repeats.split_first() else {
            return !self.end || text.is_empty();
        };
        let most = text
            .iter()
            .take(first.max.try_into().unwrap_or(usize::MAX))
            .take_while(|&&c| first.class.matches(c))
            .count();
        let least = first.min as usize;
        (least..=most)
            .rev()
            .any(|taken| self.match_at(rest, &text[taken..]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seams_patterns_match_as_javascript_does() {
        // ^\d+$
        let digits = Pattern {
            source: r"^\d+$",
            start: true,
            end: true,
            repeats: &[Repeat {
                class: CharClass::Digit,
                min: 1,
                max: u32::MAX,
            }],
        };
        assert!(digits.is_match("0123"));
        assert!(!digits.is_match(""));
        assert!(!digits.is_match("12a"));
        // ^\d{8}T\d{4}$
        let stamp = Pattern {
            source: r"^\d{8}T\d{4}$",
            start: true,
            end: true,
            repeats: &[
                Repeat {
                    class: CharClass::Digit,
                    min: 8,
                    max: 8,
                },
                Repeat {
                    class: CharClass::Char('T'),
                    min: 1,
                    max: 1,
                },
                Repeat {
                    class: CharClass::Digit,
                    min: 4,
                    max: 4,
                },
            ],
        };
        assert!(stamp.is_match("20240101T1200"));
        assert!(!stamp.is_match("2024010T1200"));
        assert!(!stamp.is_match("20240101T12000"));
        // ^([a-z])[a-z_.]*[a-z]+$
        let name = Pattern {
            source: r"^([a-z])[a-z_.]*[a-z]+$",
            start: true,
            end: true,
            repeats: &[
                Repeat {
                    class: CharClass::Ranges(false, &[('a', 'z')]),
                    min: 1,
                    max: 1,
                },
                Repeat {
                    class: CharClass::Ranges(false, &[('a', 'z'), ('_', '_'), ('.', '.')]),
                    min: 0,
                    max: u32::MAX,
                },
                Repeat {
                    class: CharClass::Ranges(false, &[('a', 'z')]),
                    min: 1,
                    max: u32::MAX,
                },
            ],
        };
        assert!(name.is_match("device.battery_low"));
        assert!(!name.is_match("device."));
        assert!(!name.is_match("Device"));
        // Unanchored: found anywhere.
        let anywhere = Pattern {
            source: "b",
            start: false,
            end: false,
            repeats: &[Repeat {
                class: CharClass::Char('b'),
                min: 1,
                max: 1,
            }],
        };
        assert!(anywhere.is_match("abc"));
        assert!(!anywhere.is_match("ac"));
    }
}

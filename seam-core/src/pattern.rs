//! `#[seam(pattern = "...")]`: the patterns Seam's API uses are simple (`^\d+$`,
//! `^\d{8}T\d{4}$`, `^([a-z])[a-z_.]*[a-z]+$`), so the macro parses them at compile
//! time into a tree of repeated steps (character classes, anchors, groups of
//! alternatives), and this matcher runs it by backtracking: no regex engine in
//! every user's build.

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

/// Alternatives (`a|b`), each a sequence of steps.
#[doc(hidden)]
pub type Alternatives = &'static [&'static [Repeat]];

/// What one step matches.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub enum Node {
    /// One character of a class.
    Class(CharClass),
    /// `^`: the start of the text.
    Start,
    /// `$`: the end of the text.
    End,
    /// `(...)` or `(?:...)`: one of its alternatives.
    Group(Alternatives),
}

/// A step repeated `min` to `max` times (`u32::MAX`: no upper bound).
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Repeat {
    pub node: Node,
    pub min: u32,
    pub max: u32,
}

/// A pattern as the macro compiled it.
#[doc(hidden)]
#[derive(Debug, Clone, Copy)]
pub struct Pattern {
    /// The pattern as written, for messages.
    pub source: &'static str,
    pub alternatives: Alternatives,
}

/// What is left to match after a step, from the position it ended at.
type Next<'a> = &'a mut dyn FnMut(usize) -> bool;

impl Pattern {
    /// Whether `text` matches somewhere, as a JavaScript `RegExp.test` would.
    pub fn is_match(&self, text: &str) -> bool {
        let chars: Vec<char> = text.chars().collect();
        (0..=chars.len()).any(|at| alternatives(self.alternatives, &chars, at, &mut |_| true))
    }
}

fn alternatives(alternatives: Alternatives, text: &[char], at: usize, next: Next<'_>) -> bool {
    alternatives
        .iter()
        .any(|steps| sequence(steps, text, at, next))
}

fn sequence(steps: &[Repeat], text: &[char], at: usize, next: Next<'_>) -> bool {
    match steps.split_first() {
        None => next(at),
        Some((step, rest)) => repeat(step, 0, text, at, &mut |end| {
            sequence(rest, text, end, next)
        }),
    }
}

/// `step`, already matched `count` times up to `at`: one more time first
/// (greedy), else what follows. A repetition that matched nothing is not
/// repeated again once `min` is reached, so that `(a?)*` ends.
fn repeat(step: &Repeat, count: u32, text: &[char], at: usize, next: Next<'_>) -> bool {
    if count < step.max
        && node(step.node, text, at, &mut |end| {
            (end != at || count < step.min) && repeat(step, count + 1, text, end, next)
        })
    {
        return true;
    }
    count >= step.min && next(at)
}

fn node(node: Node, text: &[char], at: usize, next: Next<'_>) -> bool {
    match node {
        Node::Class(class) => text.get(at).is_some_and(|&c| class.matches(c)) && next(at + 1),
        Node::Start => at == 0 && next(at),
        Node::End => at == text.len() && next(at),
        Node::Group(inner) => alternatives(inner, text, at, next),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const fn once(node: Node) -> Repeat {
        Repeat {
            node,
            min: 1,
            max: 1,
        }
    }

    const fn class(class: CharClass, min: u32, max: u32) -> Repeat {
        Repeat {
            node: Node::Class(class),
            min,
            max,
        }
    }

    const START: Repeat = once(Node::Start);
    const END: Repeat = once(Node::End);
    const LOWER: CharClass = CharClass::Ranges(false, &[('a', 'z')]);

    #[test]
    fn seams_patterns_match_as_javascript_does() {
        // ^\d+$
        const DIGITS: Pattern = Pattern {
            source: "",
            alternatives: &[&[START, class(CharClass::Digit, 1, u32::MAX), END]],
        };
        assert!(DIGITS.is_match("0123"));
        assert!(!DIGITS.is_match(""));
        assert!(!DIGITS.is_match("12a"));
        // ^\d{8}T\d{4}$
        const STAMP: Pattern = Pattern {
            source: "",
            alternatives: &[&[
                START,
                class(CharClass::Digit, 8, 8),
                class(CharClass::Char('T'), 1, 1),
                class(CharClass::Digit, 4, 4),
                END,
            ]],
        };
        assert!(STAMP.is_match("20240101T1200"));
        assert!(!STAMP.is_match("2024010T1200"));
        assert!(!STAMP.is_match("20240101T12000"));
        // ^([a-z])[a-z_.]*[a-z]+$
        const NAME: Pattern = Pattern {
            source: "",
            alternatives: &[&[
                START,
                once(Node::Group(&[&[class(LOWER, 1, 1)]])),
                class(
                    CharClass::Ranges(false, &[('a', 'z'), ('_', '_'), ('.', '.')]),
                    0,
                    u32::MAX,
                ),
                class(LOWER, 1, u32::MAX),
                END,
            ]],
        };
        assert!(NAME.is_match("device.battery_low"));
        assert!(!NAME.is_match("device."));
        assert!(!NAME.is_match("Device"));
        // Unanchored: found anywhere.
        const ANYWHERE: Pattern = Pattern {
            source: "",
            alternatives: &[&[class(CharClass::Char('b'), 1, 1)]],
        };
        assert!(ANYWHERE.is_match("abc"));
        assert!(!ANYWHERE.is_match("ac"));
    }

    #[test]
    fn alternatives_and_repeated_groups() {
        const A: CharClass = CharClass::Char('a');
        const B: CharClass = CharClass::Char('b');
        const C: CharClass = CharClass::Char('c');
        // ^(ab)+|c$: either alternative, each with its own anchor.
        const EITHER: Pattern = Pattern {
            source: "",
            alternatives: &[
                &[
                    START,
                    Repeat {
                        node: Node::Group(&[&[class(A, 1, 1), class(B, 1, 1)]]),
                        min: 1,
                        max: u32::MAX,
                    },
                ],
                &[class(C, 1, 1), END],
            ],
        };
        assert!(EITHER.is_match("abab"));
        assert!(EITHER.is_match("abx"));
        assert!(EITHER.is_match("xc"));
        assert!(!EITHER.is_match("xab"));
        assert!(!EITHER.is_match("cx"));
        // ^(?:a|bc){2}$: exactly two repetitions, backtracking into the group.
        const TWICE: Pattern = Pattern {
            source: "",
            alternatives: &[&[
                START,
                Repeat {
                    node: Node::Group(&[&[class(A, 1, 1)], &[class(B, 1, 1), class(C, 1, 1)]]),
                    min: 2,
                    max: 2,
                },
                END,
            ]],
        };
        assert!(TWICE.is_match("abc"));
        assert!(TWICE.is_match("bca"));
        assert!(TWICE.is_match("aa"));
        assert!(!TWICE.is_match("a"));
        assert!(!TWICE.is_match("aaa"));
        assert!(!TWICE.is_match("ab"));
        // ^(a?)*$ on text it cannot match ends (empty repetitions stop).
        const EMPTY: Pattern = Pattern {
            source: "",
            alternatives: &[&[
                START,
                Repeat {
                    node: Node::Group(&[&[class(A, 0, 1)]]),
                    min: 0,
                    max: u32::MAX,
                },
                END,
            ]],
        };
        assert!(EMPTY.is_match(""));
        assert!(EMPTY.is_match("aaa"));
        assert!(!EMPTY.is_match("aab"));
        // ^(a?){2}$ matches "" as JavaScript does: empty repetitions up to `min`.
        const AT_LEAST: Pattern = Pattern {
            source: "",
            alternatives: &[&[
                START,
                Repeat {
                    node: Node::Group(&[&[class(A, 0, 1)]]),
                    min: 2,
                    max: 2,
                },
                END,
            ]],
        };
        assert!(AT_LEAST.is_match(""));
        assert!(AT_LEAST.is_match("aa"));
        assert!(!AT_LEAST.is_match("aaa"));
    }
}

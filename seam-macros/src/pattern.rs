//! `#[seam(pattern = "...")]`, compiled at compile time into what seam-core's
//! small matcher runs: a tree of repeated steps (character classes, anchors,
//! groups of alternatives). The subset covers the patterns Seam's API uses and
//! JavaScript's common syntax; anything else is refused here, with what is
//! supported, rather than matched wrongly at run time.

use proc_macro2::TokenStream;
use quote::quote;

pub(crate) enum Class {
    Any,
    Char(char),
    Digit,
    Word,
    Space,
    Ranges(bool, Vec<(char, char)>),
}

pub(crate) enum Node {
    Class(Class),
    Start,
    End,
    Group(Vec<Vec<Step>>),
}

pub(crate) struct Step {
    node: Node,
    min: u32,
    max: u32,
}

pub(crate) struct Compiled {
    alternatives: Vec<Vec<Step>>,
}

const SUPPORTED: &str = "supported: `^`, `$`, literals, `.`, `\\d`, `\\w`, `\\s`, `[a-z_.]`, `[^...]`, `|`, groups `(...)` and `(?:...)`, and `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` after any of them";

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

pub(crate) fn compile(source: &str) -> Result<Compiled, String> {
    let mut chars = source.chars().peekable();
    let alternatives = alternatives(&mut chars, false)?;
    Ok(Compiled { alternatives })
}

/// Alternatives up to the end, or up to the `)` that closes a group.
fn alternatives(chars: &mut Chars<'_>, in_group: bool) -> Result<Vec<Vec<Step>>, String> {
    let mut alternatives = vec![Vec::new()];
    loop {
        let node = match chars.next() {
            None if in_group => return Err("`(` is not closed".into()),
            None => break,
            Some(')') if in_group => break,
            Some(')') => return Err("`)` closes no group".into()),
            Some('|') => {
                alternatives.push(Vec::new());
                continue;
            }
            Some('^') => Node::Start,
            Some('$') => Node::End,
            Some('(') => {
                if chars.next_if_eq(&'?').is_some() && chars.next_if_eq(&':').is_none() {
                    return Err(format!(
                        "lookarounds and named groups are not supported; {SUPPORTED}"
                    ));
                }
                Node::Group(self::alternatives(chars, true)?)
            }
            Some('.') => Node::Class(Class::Any),
            Some('\\') => Node::Class(escape(chars.next())?),
            Some('[') => Node::Class(ranges(chars)?),
            Some(c @ ('*' | '+' | '?' | '{')) => return Err(format!("`{c}` repeats nothing")),
            Some(c) => Node::Class(Class::Char(c)),
        };
        let (min, max) = quantifier(chars)?;
        if (min, max) != (1, 1) {
            if matches!(node, Node::Start | Node::End) {
                return Err("`^` and `$` cannot be repeated".into());
            }
            // Lazy or greedy, a yes-or-no test matches the same texts.
            chars.next_if_eq(&'?');
        }
        let sequence = alternatives.last_mut().expect("one alternative at least");
        sequence.push(Step { node, min, max });
    }
    Ok(alternatives)
}

/// `*`, `+`, `?`, `{n}`, `{n,}` or `{n,m}` after a step, or once.
fn quantifier(chars: &mut Chars<'_>) -> Result<(u32, u32), String> {
    let bounds = match chars.peek() {
        Some('*') => (0, u32::MAX),
        Some('+') => (1, u32::MAX),
        Some('?') => (0, 1),
        Some('{') => {
            chars.next();
            let mut body = String::new();
            for c in chars.by_ref() {
                if c == '}' {
                    break;
                }
                body.push(c);
            }
            let bound = |text: &str| {
                text.trim().parse::<u32>().map_err(|_| {
                    format!("`{{{body}}}` is not a repetition such as `{{8}}` or `{{1,3}}`")
                })
            };
            let (min, max) = match body.split_once(',') {
                None => (bound(&body)?, bound(&body)?),
                Some((min, "")) => (bound(min)?, u32::MAX),
                Some((min, max)) => (bound(min)?, bound(max)?),
            };
            if min > max {
                return Err(format!("`{{{body}}}` repeats at least more than at most"));
            }
            return Ok((min, max));
        }
        _ => return Ok((1, 1)),
    };
    chars.next();
    Ok(bounds)
}

/// `[...]`, after its `[`.
fn ranges(chars: &mut Chars<'_>) -> Result<Class, String> {
    let negated = chars.next_if_eq(&'^').is_some();
    let mut ranges = Vec::new();
    loop {
        let low = match chars.next() {
            None => return Err("`[` is not closed".into()),
            Some(']') => break,
            Some('\\') => match escape(chars.next())? {
                Class::Char(c) => c,
                Class::Digit => {
                    ranges.push(('0', '9'));
                    continue;
                }
                _ => {
                    return Err(format!(
                        "only `\\d` and escaped characters inside `[...]`; {SUPPORTED}"
                    ));
                }
            },
            Some(c) => c,
        };
        let high = if chars.peek() == Some(&'-') {
            chars.next();
            match chars.next() {
                Some(']') => {
                    ranges.push((low, low));
                    ranges.push(('-', '-'));
                    break;
                }
                Some(high) => high,
                None => return Err("`[` is not closed".into()),
            }
        } else {
            low
        };
        ranges.push((low, high));
    }
    Ok(Class::Ranges(negated, ranges))
}

fn escape(c: Option<char>) -> Result<Class, String> {
    match c {
        Some('d') => Ok(Class::Digit),
        Some('w') => Ok(Class::Word),
        Some('s') => Ok(Class::Space),
        Some(c) if !c.is_alphanumeric() => Ok(Class::Char(c)),
        Some(c) => Err(format!("`\\{c}` is not supported; {SUPPORTED}")),
        None => Err("the pattern ends with `\\`".into()),
    }
}

impl Compiled {
    /// The `Pattern` value, under the runtime's `private` path.
    pub(crate) fn tokens(&self, private: &TokenStream, source: &str) -> TokenStream {
        let alternatives = alternatives_tokens(&self.alternatives, private);
        quote!(&#private::Pattern { source: #source, alternatives: #alternatives })
    }
}

fn alternatives_tokens(alternatives: &[Vec<Step>], private: &TokenStream) -> TokenStream {
    let sequences = alternatives.iter().map(|steps| {
        let steps = steps.iter().map(|Step { node, min, max }| {
            let node = match node {
                Node::Class(class) => {
                    let class = match class {
                        Class::Any => quote!(Any),
                        Class::Char(c) => quote!(Char(#c)),
                        Class::Digit => quote!(Digit),
                        Class::Word => quote!(Word),
                        Class::Space => quote!(Space),
                        Class::Ranges(negated, ranges) => {
                            let ranges = ranges.iter().map(|(low, high)| quote!((#low, #high)));
                            quote!(Ranges(#negated, &[#(#ranges),*]))
                        }
                    };
                    quote!(Class(#private::CharClass::#class))
                }
                Node::Start => quote!(Start),
                Node::End => quote!(End),
                Node::Group(inner) => {
                    let inner = alternatives_tokens(inner, private);
                    quote!(Group(#inner))
                }
            };
            quote!(#private::Repeat { node: #private::Node::#node, min: #min, max: #max })
        });
        quote!(&[#(#steps),*])
    });
    quote!(&[#(#sequences),*])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seams_patterns_compile() {
        for source in [
            r"^\d+$",
            r"^\d{8}T\d{4}$",
            r"^([a-z])[a-z_.]*[a-z]+$",
            r"^[^ ]{1,3}-?$",
        ] {
            assert!(compile(source).is_ok(), "{source}");
        }
        let compiled = compile(r"^\d{8}T\d{4}$").unwrap();
        let steps = &compiled.alternatives[0];
        assert!(matches!(steps[0].node, Node::Start) && matches!(steps[4].node, Node::End));
        assert_eq!(steps.len(), 5);
        assert_eq!((steps[1].min, steps[1].max), (8, 8));
    }

    #[test]
    fn alternatives_and_repeated_groups_compile() {
        let compiled = compile("^(ab)+|c$").unwrap();
        assert_eq!(compiled.alternatives.len(), 2);
        let group = &compiled.alternatives[0][1];
        assert_eq!((group.min, group.max), (1, u32::MAX));
        let Node::Group(inner) = &group.node else {
            panic!("a group");
        };
        assert_eq!((inner.len(), inner[0].len()), (1, 2));
        let compiled = compile("^(?:a|bc){2,}?x*?$").unwrap();
        let steps = &compiled.alternatives[0];
        assert_eq!(steps.len(), 4);
        assert_eq!((steps[1].min, steps[1].max), (2, u32::MAX));
        assert_eq!((steps[2].min, steps[2].max), (0, u32::MAX));
        // An empty alternative matches the empty string, as in JavaScript.
        assert_eq!(compile("a|").unwrap().alternatives[1].len(), 0);
    }

    #[test]
    fn the_rest_is_refused() {
        for (source, error) in [
            ("(?=a)b", "lookarounds"),
            ("(ab", "not closed"),
            ("ab)", "closes no group"),
            ("^*", "cannot be repeated"),
            ("+a", "repeats nothing"),
            ("a|*", "repeats nothing"),
            (r"\p", r"`\p`"),
            (r"\b", r"`\b`"),
            ("[a-z", "not closed"),
            ("a{x}", "not a repetition"),
            ("a{3,1}", "at least more than at most"),
        ] {
            let message = compile(source).err().unwrap_or_default();
            assert!(message.contains(error), "{source}: {message}");
        }
    }
}

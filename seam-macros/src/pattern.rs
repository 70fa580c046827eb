//! `#[seam(pattern = "...")]`, compiled at compile time into what seam-core's
//! small matcher runs: repeated character classes, between optional anchors. The
//! subset covers the patterns Seam's API uses; anything else is refused here,
//! with what is supported, rather than matched wrongly at run time.

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

pub(crate) struct Compiled {
    start: bool,
    end: bool,
    repeats: Vec<(Class, u32, u32)>,
}

const SUPPORTED: &str = "supported: `^`, `$`, literals, `.`, `\\d`, `\\w`, `\\s`, `[a-z_.]`, `[^...]`, `*`, `+`, `?`, `{n}`, `{n,m}`, and parentheses around what is not repeated";

pub(crate) fn compile(source: &str) -> Result<Compiled, String> {
    let mut chars = source.chars().peekable();
    let start = chars.next_if_eq(&'^').is_some();
    let mut repeats: Vec<(Class, u32, u32)> = Vec::new();
    let mut end = false;
    while let Some(c) = chars.next() {
        let class = match c {
            '$' if chars.peek().is_none() => {
                end = true;
                break;
            }
            '(' | ')' => {
                if c == ')' && matches!(chars.peek(), Some('*' | '+' | '?' | '{')) {
                    return Err(format!("a repeated group is not supported; {SUPPORTED}"));
                }
                continue;
            }
            '|' => return Err(format!("`|` is not supported; {SUPPORTED}")),
            '.' => Class::Any,
            '\\' => escape(chars.next())?,
            '[' => {
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
                Class::Ranges(negated, ranges)
            }
            '*' | '+' | '?' | '{' => return Err(format!("`{c}` repeats nothing")),
            '^' | '$' => return Err(format!("`{c}` only at the start (`^`) or the end (`$`)")),
            c => Class::Char(c),
        };
        let (min, max) = match chars.peek() {
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
                repeats.push((class, min, max));
                continue;
            }
            _ => (1, 1),
        };
        if (min, max) != (1, 1) {
            chars.next();
        }
        repeats.push((class, min, max));
    }
    Ok(Compiled {
        start,
        end,
        repeats,
    })
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
        let (start, end) = (self.start, self.end);
        let repeats = self.repeats.iter().map(|(class, min, max)| {
            let class = match class {
                Class::Any => quote!(#private::CharClass::Any),
                Class::Char(c) => quote!(#private::CharClass::Char(#c)),
                Class::Digit => quote!(#private::CharClass::Digit),
                Class::Word => quote!(#private::CharClass::Word),
                Class::Space => quote!(#private::CharClass::Space),
                Class::Ranges(negated, ranges) => {
                    let ranges = ranges.iter().map(|(low, high)| quote!((#low, #high)));
                    quote!(#private::CharClass::Ranges(#negated, &[#(#ranges),*]))
                }
            };
            quote!(#private::Repeat { class: #class, min: #min, max: #max })
        });
        quote!(&#private::Pattern { source: #source, start: #start, end: #end, repeats: &[#(#repeats),*] })
    }
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
        assert!(compiled.start && compiled.end);
        assert_eq!(compiled.repeats.len(), 3);
        assert_eq!((compiled.repeats[0].1, compiled.repeats[0].2), (8, 8));
    }

    #[test]
    fn the_rest_is_refused() {
        for (source, error) in [
            ("a|b", "`|`"),
            ("(ab)+", "repeated group"),
            ("+a", "repeats nothing"),
            (r"\p", r"`\p`"),
            ("[a-z", "not closed"),
            ("a{x}", "not a repetition"),
        ] {
            let message = compile(source).err().unwrap_or_default();
            assert!(message.contains(error), "{source}: {message}");
        }
    }
}

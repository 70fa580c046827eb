//! Reading a flag's text as the JSON its parameter takes.
//!
//! Objects come as JSON (`'{"id":"internalId1"}'`), as the relaxed form bash
//! leaves of JSON pasted unquoted (`{id:internalId1}`: the shell strips the double
//! quotes), or as `key=value` pairs, one per flag. In the relaxed form a bare
//! word is a string, except `true`, `false`, `null` and numbers.

use serde_json::{Map, Number, Value};

use crate::table::{Kind, Param};

/// Why a value could not be read: a usage error, said in a sentence.
pub type Reason = String;

/// The value of `param` from the flag's texts (several for a repeated flag).
pub fn parse(param: &Param, raw: &[String]) -> Result<Value, Reason> {
    if param.nullable && raw.len() == 1 && raw[0] == "null" {
        return Ok(Value::Null);
    }
    match param.kind {
        Kind::List(item) => {
            if let [one] = raw
                && one.trim_start().starts_with('[')
            {
                let value = json_or_relaxed(one)?;
                let Value::Array(items) = value else {
                    unreachable!("starts with [")
                };
                return items
                    .into_iter()
                    .map(|value| coerce(value, item))
                    .collect::<Result<Vec<_>, _>>()
                    .map(Value::Array);
            }
            raw.iter()
                .map(|text| scalar(item, text))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array)
        }
        Kind::Object | Kind::Metadata => object(param, raw),
        kind => match raw {
            [one] => scalar(&kind, one),
            _ => Err(format!("is given {} times; give it once", raw.len())),
        },
    }
}

/// One value of a scalar kind (or an object, for lists of objects).
fn scalar(kind: &Kind, text: &str) -> Result<Value, Reason> {
    match kind {
        Kind::String | Kind::Enum(_) => Ok(Value::String(text.to_owned())),
        Kind::Boolean => match text.to_ascii_lowercase().as_str() {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(format!("is {text:?}, expected true or false")),
        },
        Kind::Integer => text
            .trim()
            .parse::<i64>()
            .map(|number| Value::Number(number.into()))
            .map_err(|_| format!("is {text:?}, expected an integer")),
        Kind::Number => text
            .trim()
            .parse::<f64>()
            .ok()
            .and_then(Number::from_f64)
            .map(Value::Number)
            .ok_or_else(|| format!("is {text:?}, expected a number")),
        Kind::Object | Kind::Metadata => {
            let value = json_or_relaxed(text)?;
            if value.is_object() {
                Ok(value)
            } else {
                Err(format!("is {text:?}, expected an object"))
            }
        }
        Kind::List(_) | Kind::Json => {
            let trimmed = text.trim_start();
            if trimmed.starts_with('{') || trimmed.starts_with('[') {
                json_or_relaxed(text)
            } else {
                Ok(serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.to_owned())))
            }
        }
    }
}

/// A JSON value read as a list's item: a bare number given for a string is the
/// string, as the shell cannot tell them apart.
fn coerce(value: Value, kind: &Kind) -> Result<Value, Reason> {
    match (kind, value) {
        (Kind::String | Kind::Enum(_), Value::Number(number)) => {
            Ok(Value::String(number.to_string()))
        }
        (Kind::String | Kind::Enum(_), Value::Bool(flag)) => Ok(Value::String(flag.to_string())),
        (Kind::Integer, Value::Number(number)) if !number.is_i64() && !number.is_u64() => {
            Err(format!("holds {number}, expected integers"))
        }
        (_, value) => Ok(value),
    }
}

/// An object from one JSON or relaxed text, or from `key=value` pairs.
fn object(param: &Param, raw: &[String]) -> Result<Value, Reason> {
    let mut map = Map::new();
    for text in raw {
        let trimmed = text.trim_start();
        let part = if trimmed.starts_with('{') {
            let value = json_or_relaxed(text)?;
            match value {
                Value::Object(map) => map,
                _ => unreachable!("starts with {{"),
            }
        } else if let Some((key, value)) = text.split_once('=') {
            let value = match value {
                "true" => Value::Bool(true),
                "false" => Value::Bool(false),
                _ => Value::String(value.to_owned()),
            };
            Map::from_iter([(key.to_owned(), value)])
        } else {
            return Err(format!(
                "is {text:?}, expected a JSON object, its relaxed form {{key:value}}, or key=value"
            ));
        };
        map.extend(part);
    }
    if param.kind == Kind::Metadata {
        // Seam's metadata holds strings and booleans: a bare number is its text.
        for value in map.values_mut() {
            if let Value::Number(number) = value {
                *value = Value::String(number.to_string());
            }
        }
    }
    Ok(Value::Object(map))
}

/// JSON, or else the relaxed form.
pub fn json_or_relaxed(text: &str) -> Result<Value, Reason> {
    if let Ok(value) = serde_json::from_str(text) {
        return Ok(value);
    }
    let mut parser = Relaxed {
        chars: text.chars().collect(),
        at: 0,
    };
    let value = parser.value(&[])?;
    parser.skip_space();
    if parser.at < parser.chars.len() {
        return Err(format!(
            "is {text:?}: unexpected {:?} at character {}",
            parser.chars[parser.at],
            parser.at + 1
        ));
    }
    Ok(value)
}

/// JSON whose strings may go unquoted: `{id:internalId1,tags:[a,b]}`.
struct Relaxed {
    chars: Vec<char>,
    at: usize,
}

impl Relaxed {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.at += 1;
        }
    }

    fn expected(&self, what: &str) -> Reason {
        let text: String = self.chars.iter().collect();
        match self.peek() {
            Some(found) => format!(
                "is {text:?}: expected {what} at character {}, found {found:?}",
                self.at + 1
            ),
            None => format!("is {text:?}: expected {what}, found the end"),
        }
    }

    /// A value, a bare word ending at one of `ends`.
    fn value(&mut self, ends: &[char]) -> Result<Value, Reason> {
        self.skip_space();
        match self.peek() {
            Some('{') => self.object(),
            Some('[') => self.array(),
            Some(quote @ ('"' | '\'')) => self.quoted(quote).map(Value::String),
            Some(_) => {
                let word = self.bare(ends);
                Ok(match word.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    "null" => Value::Null,
                    _ => match serde_json::from_str::<Number>(&word) {
                        Ok(number) => Value::Number(number),
                        Err(_) => Value::String(word),
                    },
                })
            }
            None => Err(self.expected("a value")),
        }
    }

    fn bare(&mut self, ends: &[char]) -> String {
        let start = self.at;
        while self.peek().is_some_and(|c| !ends.contains(&c)) {
            self.at += 1;
        }
        self.chars[start..self.at]
            .iter()
            .collect::<String>()
            .trim()
            .to_owned()
    }

    fn quoted(&mut self, quote: char) -> Result<String, Reason> {
        self.at += 1;
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err(self.expected(&format!("a closing {quote}"))),
                Some(c) if c == quote => {
                    self.at += 1;
                    return Ok(text);
                }
                Some('\\') => {
                    self.at += 1;
                    match self.peek() {
                        Some('n') => text.push('\n'),
                        Some('t') => text.push('\t'),
                        Some(c) => text.push(c),
                        None => return Err(self.expected("an escaped character")),
                    }
                    self.at += 1;
                }
                Some(c) => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
    }

    fn object(&mut self) -> Result<Value, Reason> {
        self.at += 1;
        let mut map = Map::new();
        self.skip_space();
        if self.peek() == Some('}') {
            self.at += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_space();
            let key = match self.peek() {
                Some(quote @ ('"' | '\'')) => self.quoted(quote)?,
                _ => self.bare(&[':', ',', '}']),
            };
            if key.is_empty() {
                return Err(self.expected("a key"));
            }
            self.skip_space();
            if self.peek() != Some(':') {
                return Err(self.expected("`:`"));
            }
            self.at += 1;
            let value = self.value(&[',', '}'])?;
            map.insert(key, value);
            self.skip_space();
            match self.peek() {
                Some(',') => self.at += 1,
                Some('}') => {
                    self.at += 1;
                    return Ok(Value::Object(map));
                }
                _ => return Err(self.expected("`,` or `}`")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, Reason> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(']') {
            self.at += 1;
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value(&[',', ']'])?);
            self.skip_space();
            match self.peek() {
                Some(',') => self.at += 1,
                Some(']') => {
                    self.at += 1;
                    return Ok(Value::Array(items));
                }
                _ => return Err(self.expected("`,` or `]`")),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn param(kind: Kind) -> Param {
        Param {
            name: "p",
            kind,
            ..Param::NONE
        }
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|text| (*text).to_owned()).collect()
    }

    #[test]
    fn objects_as_json_relaxed_and_pairs() {
        let metadata = param(Kind::Metadata);
        for texts in [
            &[r#"{"id":"internalId1"}"#][..],
            &["{id:internalId1}"],
            &["id=internalId1"],
        ] {
            assert_eq!(
                parse(&metadata, &strings(texts)).unwrap(),
                json!({"id": "internalId1"})
            );
        }
        assert_eq!(
            parse(&metadata, &strings(&["a=1", "b=true", "{c:2}"])).unwrap(),
            json!({"a": "1", "b": true, "c": "2"})
        );
        assert_eq!(
            json_or_relaxed("{a:{b:https://x.y/z},l:[x, 'y z', 3]}").unwrap(),
            json!({"a": {"b": "https://x.y/z"}, "l": ["x", "y z", 3]})
        );
        assert!(parse(&metadata, &strings(&["{id"])).is_err());
        assert!(parse(&metadata, &strings(&["plain"])).is_err());
    }

    #[test]
    fn scalars_lists_and_null() {
        assert_eq!(
            parse(&param(Kind::Boolean), &strings(&["true"])).unwrap(),
            json!(true)
        );
        assert!(
            parse(&param(Kind::Boolean), &strings(&["yes"]))
                .unwrap_err()
                .contains("expected true or false")
        );
        assert_eq!(
            parse(&param(Kind::Integer), &strings(&["42"])).unwrap(),
            json!(42)
        );
        assert!(parse(&param(Kind::Integer), &strings(&["4.5"])).is_err());
        assert_eq!(
            parse(&param(Kind::Number), &strings(&["4.5"])).unwrap(),
            json!(4.5)
        );
        let list = param(Kind::List(&Kind::String));
        assert_eq!(
            parse(&list, &strings(&["a", "b"])).unwrap(),
            json!(["a", "b"])
        );
        assert_eq!(
            parse(&list, &strings(&[r#"["a", 1]"#])).unwrap(),
            json!(["a", "1"])
        );
        assert_eq!(
            parse(&list, &strings(&["[a,b]"])).unwrap(),
            json!(["a", "b"])
        );
        let nullable = Param {
            nullable: true,
            ..param(Kind::String)
        };
        assert_eq!(parse(&nullable, &strings(&["null"])).unwrap(), Value::Null);
        assert_eq!(
            parse(&param(Kind::String), &strings(&["null"])).unwrap(),
            json!("null")
        );
    }
}

//! One document's text into a JSON value and its line map: JSON read as JSON, YAML as YAML.
//!
//! Text whose first character is `{` or `[` is JSON (a spec in JSON, with escapes YAML does
//! not know, such as surrogate pairs); should serde_json refuse it, a YAML reader that accepts
//! it (a flow-style YAML document) is taken, else serde_json's complaint is the problem.

use serde_json::Value;

use super::lines::LineMap;
use super::yaml;
use crate::diagnostics::{Code, Diagnostic};

/// A document as a value, with where its nodes are written.
#[derive(Debug, Clone)]
pub struct Parsed {
    /// The document.
    pub value: Value,
    /// Where each node starts.
    pub lines: LineMap,
}

/// Parses `source`; a syntax problem is located at `#` with its line.
pub fn parse(source: &str) -> Result<Parsed, Diagnostic> {
    if looks_like_json(source) {
        let lines = LineMap::build_json(source);
        if let Some(problem) = lines.too_deep() {
            return Err(problem);
        }
        match serde_json::from_str(source) {
            Ok(value) => return Ok(Parsed { value, lines }),
            Err(error) => {
                return parse_yaml(source).map_err(|_| json_error(&error));
            }
        }
    }
    parse_yaml(source)
}

/// Whether the first character that is not white space opens a JSON object or array.
fn looks_like_json(source: &str) -> bool {
    source.trim_start().starts_with(['{', '['])
}

/// Parses YAML text.
fn parse_yaml(source: &str) -> Result<Parsed, Diagnostic> {
    let lines = LineMap::build(source);
    if let Some(problem) = lines.too_deep() {
        return Err(problem);
    }
    let value = yaml::from_str(source).map_err(|e| yaml_error(&e))?;
    Ok(Parsed { value, lines })
}

/// A JSON syntax error, with its line and column.
fn json_error(error: &serde_json::Error) -> Diagnostic {
    located("JSON", &error.to_string(), error.line(), error.column())
}

/// A YAML syntax (or shape) error, with its line and column when serde_yaml knows them.
fn yaml_error(error: &serde_yaml::Error) -> Diagnostic {
    match error.location() {
        Some(at) => located("YAML", &error.to_string(), at.line(), at.column()),
        None => Diagnostic::new(Code::InvalidSyntax, "#", format!("invalid YAML: {error}")),
    }
}

/// The problem of a parser's error `text`, which ends with ` at line L column C`.
fn located(syntax: &str, text: &str, line: usize, column: usize) -> Diagnostic {
    let what = text.replacen(&format!(" at line {line} column {column}"), "", 1);
    let mut problem = Diagnostic::new(
        Code::InvalidSyntax,
        "#",
        format!("invalid {syntax}: {what} (column {column})"),
    );
    problem.line = Some(line);
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_escapes_yaml_refuses_are_read() {
        let parsed = parse("{\n \"title\": \"\\ud83d\\udc4d\",\n \"n\": 1\n}").unwrap();
        assert_eq!(parsed.value["title"], "\u{1f44d}");
        assert_eq!(parsed.lines.line_of("#/n"), Some(3));
    }

    #[test]
    fn json_syntax_errors_name_line_and_column() {
        let problem = parse("{\n \"a\": 1,\n \"b\" 2\n}").unwrap_err();
        assert_eq!(problem.line, Some(3));
        assert!(
            problem.message.starts_with("invalid JSON: expected `:`"),
            "{}",
            problem.message
        );
        assert!(
            problem.message.ends_with("(column 6)"),
            "{}",
            problem.message
        );
    }

    #[test]
    fn flow_style_yaml_is_still_yaml() {
        let parsed = parse("{openapi: 3.0.3, info: {title: t}}").unwrap();
        assert_eq!(parsed.value["info"]["title"], "t");
    }
}

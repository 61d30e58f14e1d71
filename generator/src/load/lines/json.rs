//! Feeds the nodes of JSON text, each with its line, to the line recorder.
//!
//! A scan, not a parser: it trusts the text to be JSON (serde_json judges the syntax) and
//! stops at the first thing that is not, keeping what it recorded. String keys are decoded
//! with serde_json, so escapes such as surrogate pairs name keys exactly.

use super::{too_deep, Node, Recorder, MAX_NESTING};
use crate::diagnostics::Diagnostic;

/// Records every node of `source`; the problem of nesting too deep, if it is.
pub fn record(source: &str, recorder: &mut Recorder) -> Option<Diagnostic> {
    let bytes = source.as_bytes();
    let mut line = 1;
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        match byte {
            b'\n' => line += 1,
            b' ' | b'\t' | b'\r' | b':' | b',' => {}
            b'{' | b'[' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(too_deep("JSON", line));
                }
                let node = if byte == b'{' {
                    Node::Mapping
                } else {
                    Node::Sequence
                };
                recorder.node(node, line);
            }
            b'}' | b']' => {
                depth = depth.saturating_sub(1);
                recorder.end();
            }
            b'"' => {
                let end = string_end(bytes, at)?;
                let text: String = serde_json::from_str(source.get(at..=end)?).ok()?;
                recorder.node(Node::Scalar(text), line);
                at = end;
            }
            _ => {
                let end = bytes[at..]
                    .iter()
                    .position(|b| b" \t\r\n,:]}".contains(b))
                    .map_or(bytes.len(), |n| at + n);
                recorder.node(Node::Scalar(source.get(at..end)?.to_string()), line);
                at = end;
                continue;
            }
        }
        at += 1;
    }
    None
}

/// The index of the quote closing the string that opens at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut at = start + 1;
    loop {
        match bytes.get(at)? {
            b'\\' => at += 2,
            b'"' => return Some(at),
            b'\n' => return None,
            _ => at += 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::LineMap;

    #[test]
    fn places_nodes_on_their_lines_whatever_the_escapes() {
        let text = "{\n  \"t\\ud83d\\udc4d\": \"\\ud83d\\udc4d\",\n  \"a\": {\n    \"b\": [1,\n      {\"c\": null}]\n  }\n}\n";
        let map = LineMap::build_json(text);
        assert_eq!(map.line_of("#/t\u{1f44d}"), Some(2));
        assert_eq!(map.line_of("#/a"), Some(3));
        assert_eq!(map.line_of("#/a/b/0"), Some(4));
        assert_eq!(map.line_of("#/a/b/1/c"), Some(5));
    }

    #[test]
    fn reports_duplicate_keys_and_nesting_too_deep() {
        let map = LineMap::build_json("{\"a\": 1,\n \"a\": 2}");
        assert_eq!(map.duplicate_keys()[0].line, Some(2));
        let deep = format!("{{\"a\":\n{}{}}}", "[".repeat(300), "]".repeat(300));
        assert_eq!(
            LineMap::build_json(&deep).too_deep().and_then(|p| p.line),
            Some(2)
        );
    }

    #[test]
    fn stops_quietly_at_malformed_text() {
        for text in [
            "{\"a",
            "{\"a\": \"\\",
            "\"\\ud800\"",
            "{\"a\": tru\u{e9}}",
            "}}]]",
        ] {
            let _ = LineMap::build_json(text);
        }
    }
}

//! Maps JSON pointers to the 1-based source lines where their nodes are written.
//!
//! Built once from the nodes a reader reports in document order (`yaml`: yaml-rust2's parse
//! events; `json`: a scan of JSON text). A mapping value is placed on its key's line. Nesting
//! deeper than `MAX_DEPTH` is not recorded (the parsers refuse such documents before this
//! runs; the bound keeps this independent of that).

mod json;
mod yaml;

use std::collections::HashMap;

use crate::diagnostics::{escape_token, Code, Diagnostic};

/// Deepest nesting recorded.
const MAX_DEPTH: usize = 512;

/// Deepest nesting of lists and mappings read at all (yaml-rust2's limit for flow collections).
const MAX_NESTING: usize = 255;

/// Pointer (without the leading `#`) to line, and the keys written twice in one mapping.
#[derive(Debug, Clone, Default)]
pub struct LineMap {
    lines: HashMap<String, usize>,
    duplicates: Vec<Diagnostic>,
    too_deep: Option<Diagnostic>,
}

impl LineMap {
    /// Records every node of the first YAML document in `source`. A document yaml-rust2
    /// cannot read keeps what was recorded before the error.
    pub fn build(source: &str) -> Self {
        let mut recorder = Recorder::default();
        let too_deep = yaml::record(source, &mut recorder);
        recorder.finish(too_deep)
    }

    /// Records every node of the JSON document `source`. Malformed JSON keeps what was
    /// recorded before the error (serde_json judges the syntax).
    pub fn build_json(source: &str) -> Self {
        let mut recorder = Recorder::default();
        let too_deep = json::record(source, &mut recorder);
        recorder.finish(too_deep)
    }

    /// The problem of flow collections (`[...]`, `{...}`) nested past 255 levels, which no
    /// spec needs: such text is refused before parsing (serde_yaml's scanner takes time
    /// quadratic in the nesting depth).
    pub fn too_deep(&self) -> Option<Diagnostic> {
        self.too_deep.clone()
    }

    /// The line of the node at `pointer` (`#/a/b` or `/a/b`), or of its nearest recorded
    /// ancestor.
    pub fn line_of(&self, pointer: &str) -> Option<usize> {
        let mut pointer = pointer.strip_prefix('#').unwrap_or(pointer);
        loop {
            if let Some(&line) = self.lines.get(pointer) {
                return Some(line);
            }
            pointer = &pointer[..pointer.rfind('/')?];
        }
    }

    /// One problem per key that appears twice in the same mapping.
    pub fn duplicate_keys(&self) -> Vec<Diagnostic> {
        self.duplicates.clone()
    }
}

/// What the parser is inside of.
enum Frame {
    /// A mapping at `pointer`, waiting for a key or for the value of `key`.
    Mapping {
        pointer: String,
        key: Key,
        seen: HashMap<String, usize>,
    },
    /// A sequence at `pointer`; `next` is the index of the next item.
    Sequence { pointer: String, next: usize },
    /// Content that has no pointer (a complex key, or nesting past `MAX_DEPTH`).
    Skipped,
}

/// Where a mapping is between its entries.
enum Key {
    /// The next node is a key.
    Expected,
    /// The next node is the value of this key, written on this line.
    Named(String, usize),
    /// The next node is the value of a non-scalar key: it is skipped.
    Complex,
}

/// Receives parse events and records pointer lines.
#[derive(Default)]
struct Recorder {
    stack: Vec<Frame>,
    lines: HashMap<String, usize>,
    duplicates: Vec<Diagnostic>,
}

impl Recorder {
    /// The line map of what was recorded.
    fn finish(self, too_deep: Option<Diagnostic>) -> LineMap {
        LineMap {
            lines: self.lines,
            duplicates: self.duplicates,
            too_deep,
        }
    }

    /// The mapping or sequence opened last ends.
    fn end(&mut self) {
        self.stack.pop();
    }
}

/// The problem of lists and mappings nested past [`MAX_NESTING`] levels, at `line` of a
/// document in `syntax` (`YAML`, `JSON`).
fn too_deep(syntax: &str, line: usize) -> Diagnostic {
    let mut problem = Diagnostic::new(
        Code::InvalidSyntax,
        "#",
        format!("invalid {syntax}: lists and mappings nested more than {MAX_NESTING} levels deep"),
    );
    problem.line = Some(line);
    problem
}

/// A node as the parser reports its start.
enum Node {
    Scalar(String),
    Alias,
    Mapping,
    Sequence,
}

impl Node {
    /// Whether the node's content follows as further events (until a matching end event).
    fn opens(&self) -> bool {
        matches!(self, Node::Mapping | Node::Sequence)
    }
}

impl Recorder {
    /// A node starts on `line`.
    fn node(&mut self, node: Node, line: usize) {
        match self.place(&node, line) {
            Some((pointer, line)) => {
                self.lines.insert(pointer.clone(), line);
                self.open(node, pointer);
            }
            None if node.opens() => self.stack.push(Frame::Skipped),
            None => {}
        }
    }

    /// The pointer and line of a node that is a value (not a mapping key); `None` for keys and
    /// skipped content.
    fn place(&mut self, node: &Node, line: usize) -> Option<(String, usize)> {
        match self.stack.last_mut() {
            None => Some((String::new(), line)),
            Some(Frame::Skipped) => None,
            Some(Frame::Sequence { pointer, next }) => {
                let child = format!("{pointer}/{next}");
                *next += 1;
                Some((child, line))
            }
            Some(Frame::Mapping { pointer, key, seen }) => {
                match std::mem::replace(key, Key::Expected) {
                    Key::Expected => {
                        *key = match node {
                            Node::Scalar(name) => {
                                if let Some(first) = seen.insert(name.clone(), line) {
                                    self.duplicates.push(duplicate(pointer, name, first, line));
                                }
                                Key::Named(name.clone(), line)
                            }
                            _ => Key::Complex,
                        };
                        None
                    }
                    Key::Named(name, line) => {
                        Some((format!("{pointer}/{}", escape_token(&name)), line))
                    }
                    Key::Complex => None,
                }
            }
        }
    }

    /// Enters a mapping or sequence recorded at `pointer` (skipped past `MAX_DEPTH`).
    fn open(&mut self, node: Node, pointer: String) {
        let frame = match node {
            _ if self.stack.len() >= MAX_DEPTH => Frame::Skipped,
            Node::Mapping => Frame::Mapping {
                pointer,
                key: Key::Expected,
                seen: HashMap::new(),
            },
            Node::Sequence => Frame::Sequence { pointer, next: 0 },
            Node::Scalar(_) | Node::Alias => return,
        };
        self.stack.push(frame);
    }
}

/// The problem of a key written twice in the mapping at `pointer`.
fn duplicate(pointer: &str, name: &str, first: usize, line: usize) -> Diagnostic {
    let mut problem = Diagnostic::new(
        Code::DuplicateKey,
        format!("#{pointer}/{}", escape_token(name)),
        format!("duplicate key {name:?} (first written on line {first})"),
    );
    problem.line = Some(line);
    problem
}

#[cfg(test)]
mod tests {
    use super::*;

    const YAML: &str = "\
openapi: 3.0.3
paths:
  /pets/{id}:
    get:
      parameters:
        - name: id
          in: path
        - $ref: '#/components/parameters/Q'
      responses:
        '200':
          description: ok
";

    #[test]
    fn places_values_on_their_key_line_and_items_on_their_dash_line() {
        let map = LineMap::build(YAML);
        assert_eq!(map.line_of("#/openapi"), Some(1));
        assert_eq!(map.line_of("#/paths/~1pets~1{id}"), Some(3));
        assert_eq!(
            map.line_of("#/paths/~1pets~1{id}/get/parameters/0"),
            Some(6)
        );
        assert_eq!(
            map.line_of("/paths/~1pets~1{id}/get/parameters/0/in"),
            Some(7)
        );
        assert_eq!(
            map.line_of("#/paths/~1pets~1{id}/get/parameters/1/$ref"),
            Some(8)
        );
        assert_eq!(
            map.line_of("#/paths/~1pets~1{id}/get/responses/200/description"),
            Some(11)
        );
    }

    #[test]
    fn falls_back_to_the_nearest_recorded_ancestor() {
        let map = LineMap::build(YAML);
        assert_eq!(
            map.line_of("#/paths/~1pets~1{id}/get/requestBody/content"),
            Some(4)
        );
        assert_eq!(map.line_of("#"), Some(1));
    }

    #[test]
    fn reads_json_documents() {
        let map = LineMap::build("{\n  \"a\": {\n    \"b\": [1,\n      2]\n  }\n}\n");
        assert_eq!(map.line_of("#/a/b/0"), Some(3));
        assert_eq!(map.line_of("#/a/b/1"), Some(4));
    }

    #[test]
    fn reports_keys_written_twice() {
        let map = LineMap::build("a:\n  b: 1\n  c: 2\n  b: 3\n");
        let duplicates = map.duplicate_keys();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].pointer, "#/a/b");
        assert_eq!(duplicates[0].line, Some(4));
        assert!(duplicates[0].message.contains("first written on line 2"));
    }

    #[test]
    fn survives_deep_nesting_and_complex_keys() {
        let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(LineMap::build(&nested(200)).line_of("#/0/0"), Some(1));
        assert_eq!(LineMap::build(&nested(200)).too_deep(), None);
        // Past what yaml-rust2 accepts: nothing is recorded, nothing overflows, and the depth
        // is a problem.
        let too_deep = LineMap::build(&nested(100_000));
        assert_eq!(too_deep.line_of("#/0"), None);
        assert_eq!(too_deep.too_deep().and_then(|p| p.line), Some(1));
        let complex = LineMap::build("? [a, b]\n: x\nc: 1\n");
        assert_eq!(complex.line_of("#/c"), Some(3));
    }
}

//! Feeds yaml-rust2's parse events (with their line markers) to the line recorder.

use yaml_rust2::parser::{Event, Parser};

use super::{too_deep, Node, Recorder};

/// What yaml-rust2 says when flow collections nest past its limit (255 levels).
const FLOW_DEPTH_ERROR: &str = "recursion limit exceeded";

/// Records the first document of `source`; the problem of nesting too deep, if it is.
pub fn record(source: &str, recorder: &mut Recorder) -> Option<crate::diagnostics::Diagnostic> {
    let mut parser = Parser::new_from_str(source);
    // Pulled one event at a time (`Parser::load` recurses per nesting level). A parse error
    // only stops recording (serde_yaml judges the syntax), except flow nesting too deep.
    loop {
        match parser.next_token() {
            Ok((Event::DocumentEnd | Event::StreamEnd, _)) => return None,
            Ok((event, mark)) => {
                let line = mark.line();
                match event {
                    Event::Scalar(text, ..) => recorder.node(Node::Scalar(text), line),
                    Event::Alias(_) => recorder.node(Node::Alias, line),
                    Event::MappingStart(..) => recorder.node(Node::Mapping, line),
                    Event::SequenceStart(..) => recorder.node(Node::Sequence, line),
                    Event::MappingEnd | Event::SequenceEnd => recorder.end(),
                    _ => {}
                }
            }
            Err(error) if error.info() == FLOW_DEPTH_ERROR => {
                return Some(too_deep("YAML", error.marker().line()))
            }
            Err(_) => return None,
        }
    }
}

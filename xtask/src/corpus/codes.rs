//! The generator's diagnostics as the corpus reports them: a short code to group by and the
//! full located text.

use generator::{Diagnostic, GeneratedCrate};

/// One problem reported for a spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// What kind of problem, to count and group by.
    pub code: String,
    /// The whole diagnostic as the generator prints it (message, pointer, line).
    pub text: String,
}

impl Finding {
    /// A problem writing a crate.
    pub fn io(text: String) -> Finding {
        Finding {
            code: "io".to_string(),
            text,
        }
    }

    /// Whether the generator reported that it panicked.
    pub fn is_panic(&self) -> bool {
        self.text.contains("generator panicked")
    }
}

/// A generator diagnostic as a finding. The generator has no codes yet: the code is the
/// message with names, quoted text and numbers blanked out, so that like problems group.
pub fn finding(diagnostic: &Diagnostic) -> Finding {
    Finding {
        code: message_shape(&diagnostic.message),
        text: diagnostic.to_string(),
    }
}

/// The warnings of a generated crate (none until the generator reports warnings).
pub fn warnings(_generated: &GeneratedCrate) -> Vec<Finding> {
    Vec::new()
}

/// `name collision: "a" and "A" (at #/x) both become the type `A`` ->
/// `name collision: _ and _ both become the type _`: quoted text, `{..}`, paths and numbers
/// blanked (numbers inside words such as `oauth2` kept), parentheses and whatever follows
/// `; ` or `, found ` dropped.
fn message_shape(message: &str) -> String {
    let mut shape = String::new();
    let mut chars = message.chars().peekable();
    let mut depth = 0usize;
    while let Some(c) = chars.next() {
        let at_word_start = shape.is_empty() || shape.ends_with(' ');
        let closing = match c {
            '`' => Some('`'),
            '"' => Some('"'),
            '{' => Some('}'),
            '[' => Some(']'),
            '#' | '/' if at_word_start => Some(' '),
            '$' if at_word_start && matches!(chars.peek(), Some('.' | '[' | ':')) => Some(':'),
            _ => None,
        };
        match closing {
            _ if c == '(' => depth += 1,
            _ if c == ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            Some(end) => {
                for next in chars.by_ref() {
                    if next == end {
                        break;
                    }
                }
                shape.push('_');
                if end == ' ' || end == ':' {
                    shape.push(end);
                }
            }
            None if c.is_ascii_digit() && !shape.ends_with(|p: char| p.is_ascii_alphanumeric()) => {
                while chars.peek().is_some_and(char::is_ascii_digit) {
                    chars.next();
                }
                shape.push('N');
            }
            None => shape.push(c),
        }
    }
    let shape = shape.split("; ").next().unwrap_or_default();
    let shape = shape.split(", found ").next().unwrap_or_default();
    shape.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_messages_have_one_shape() {
        let a = message_shape(
            "name collision: \"asc\" and \"ASC\" (at #/components/schemas/S) both become the variant `Asc`",
        );
        let b = message_shape(
            "name collision: \"Add\" and \"add\" (at #/x/y) both become the variant `Add`",
        );
        assert_eq!(a, b);
        assert_eq!(
            message_shape("example value at $.a[0].b: expected string, found {\"x\": 1}"),
            "example value at _: expected string"
        );
        assert_eq!(
            message_shape("$ref \"#/a/b\" is not supported here: security scheme type oauth2"),
            "$ref _ is not supported here: security scheme type oauth2"
        );
        assert_eq!(
            message_shape("path parameter {id} of /a/{id} is not declared"),
            "path parameter _ of _ is not declared"
        );
        assert_eq!(
            message_shape("unknown type \"file\" (OpenAPI 3.0 types: x); see y"),
            "unknown type _"
        );
    }
}

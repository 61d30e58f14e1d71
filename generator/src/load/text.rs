//! A file's bytes as text: invalid UTF-8 is reported with its byte offset and line.

use crate::diagnostics::{Code, Diagnostic};

/// The byte order mark some editors write at the start of UTF-8 files.
const BOM: char = '\u{feff}';

/// `bytes` as text, without a leading byte order mark; `file` names the file in the problem
/// (`pointer` is where that file's root is, e.g. `#` or `schemas/pet.yaml#`).
pub fn decode(bytes: Vec<u8>, file: &str, pointer: &str) -> Result<String, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(match text.strip_prefix(BOM) {
            Some(rest) => rest.to_string(),
            None => text,
        }),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let bytes = error.as_bytes();
            let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
            let mut problem = Diagnostic::new(
                Code::InvalidSyntax,
                pointer,
                format!(
                    "{file} is not valid UTF-8: byte 0x{:02x} at byte offset {offset}",
                    bytes[offset]
                ),
            );
            problem.line = Some(line);
            Err(problem)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_offset_and_line_of_the_first_invalid_byte() {
        let problem = decode(b"a: 1\nb: caf\xe9\n".to_vec(), "spec.yaml", "#").unwrap_err();
        assert_eq!(problem.line, Some(2));
        assert_eq!(
            problem.message,
            "spec.yaml is not valid UTF-8: byte 0xe9 at byte offset 11"
        );
    }

    #[test]
    fn drops_a_byte_order_mark() {
        let text = decode("\u{feff}{}".as_bytes().to_vec(), "a.json", "#").unwrap();
        assert_eq!(text, "{}");
    }
}

//! Bounded, secret-free excerpts of response bodies for error messages.

use super::secret::Redactor;

/// The most bytes of a body an excerpt shows.
pub(super) const EXCERPT_BYTES: usize = 512;

/// The start of `body` as text: at most [`EXCERPT_BYTES`] bytes, with secrets removed and a
/// note of the full size when cut.
pub(super) fn excerpt(body: &[u8], redactor: &Redactor) -> String {
    if body.is_empty() {
        return "(empty body)".to_owned();
    }
    // Redact before cutting, so that a secret straddling the cut cannot leave a prefix behind.
    let window = &body[..body.len().min(EXCERPT_BYTES + redactor.longest_secret())];
    let redacted = redactor.redact(&String::from_utf8_lossy(window));
    let shown = truncate_at_char_boundary(&redacted, EXCERPT_BYTES);
    if shown.len() < redacted.len() || window.len() < body.len() {
        format!("{shown}... ({} bytes in total)", body.len())
    } else {
        shown.to_owned()
    }
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn truncate_at_char_boundary(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

//! Bounded, secret-free text for error messages: body excerpts, messages and lists of them.

use super::secret::Redactor;

/// The most bytes of a body an excerpt shows.
pub(super) const EXCERPT_BYTES: usize = 512;

/// The most bytes of one message, and of a list of messages joined.
pub(super) const MESSAGE_BYTES: usize = 2048;

/// The start of `body` as text: at most [`EXCERPT_BYTES`] bytes, with secrets removed and a
/// note of the full size when cut.
pub(super) fn excerpt(body: &[u8], redactor: &Redactor) -> String {
    if body.is_empty() {
        return "(empty body)".to_owned();
    }
    // Scrub before cutting: the window reaches a whole secret past the bytes shown, so every
    // secret starting among them is whole in the window and replaced. A secret crossing the
    // window's end is only partly in it; that part is dropped.
    let window_end = body.len().min(EXCERPT_BYTES + redactor.longest_secret());
    let mut redacted = redactor.redact(&String::from_utf8_lossy(&body[..window_end]));
    if window_end < body.len() {
        let kept = redactor.without_partial_secret_at_end(&redacted).len();
        redacted.truncate(kept);
    }
    let shown = truncate_at_char_boundary(&redacted, EXCERPT_BYTES);
    if shown.len() < redacted.len() || window_end < body.len() {
        format!("{shown}... ({} bytes in total)", body.len())
    } else {
        shown.to_owned()
    }
}

/// `text` with secrets removed, at most [`MESSAGE_BYTES`] bytes with a note of its full size
/// when cut.
pub(super) fn bounded(text: &str, redactor: &Redactor) -> String {
    let redacted = redactor.redact(text);
    if redacted.len() <= MESSAGE_BYTES {
        return redacted;
    }
    format!(
        "{}... ({} bytes in total)",
        truncate_at_char_boundary(&redacted, MESSAGE_BYTES),
        redacted.len()
    )
}

/// `messages` joined with `; `, as many as fit in [`MESSAGE_BYTES`] bytes (at least the
/// first), then `... (N more)`.
pub(super) fn joined(messages: &[String]) -> String {
    let mut text = String::new();
    for (index, message) in messages.iter().enumerate() {
        let separator = if index == 0 { "" } else { "; " };
        if index > 0 && text.len() + separator.len() + message.len() > MESSAGE_BYTES {
            text.push_str(&format!("; ... ({} more)", messages.len() - index));
            break;
        }
        text.push_str(separator);
        text.push_str(message);
    }
    text
}

/// The longest prefix of `text` of at most `max` bytes that ends on a character boundary.
fn truncate_at_char_boundary(text: &str, max: usize) -> &str {
    let mut end = text.len().min(max);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

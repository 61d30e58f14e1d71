//! Secret values (API keys) that never show in Debug output, and scrubbing them from text.

use std::fmt;
use std::sync::Arc;

/// What a secret is replaced with wherever it would otherwise be shown.
const REDACTED: &str = "[redacted]";

/// A secret string whose Debug output is redacted.
#[derive(Clone, PartialEq, Eq)]
pub(super) struct Secret(String);

impl Secret {
    /// Wraps a secret, dropping surrounding whitespace (a trailing newline from a file or shell).
    pub(super) fn new(value: String) -> Secret {
        let trimmed = value.trim();
        if trimmed.len() == value.len() {
            Secret(value)
        } else {
            Secret(trimmed.to_owned())
        }
    }

    /// The secret itself, for the one place that sends it.
    pub(super) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(REDACTED)
    }
}

/// Removes every known secret from text shown to people (error messages, body excerpts).
#[derive(Clone, Default)]
pub(super) struct Redactor {
    secrets: Arc<[Secret]>,
}

impl Redactor {
    /// A redactor for these secrets.
    pub(super) fn new(secrets: Vec<Secret>) -> Redactor {
        let secrets: Vec<Secret> = secrets.into_iter().filter(|s| !s.0.is_empty()).collect();
        Redactor {
            secrets: secrets.into(),
        }
    }

    /// The length in bytes of the longest secret.
    pub(super) fn longest_secret(&self) -> usize {
        self.secrets.iter().map(|s| s.0.len()).max().unwrap_or(0)
    }

    /// `text` with every secret replaced by a placeholder.
    pub(super) fn redact(&self, text: &str) -> String {
        self.secrets.iter().fold(text.to_owned(), |text, secret| {
            text.replace(&secret.0, REDACTED)
        })
    }

    /// `text` without its longest ending that is the start of a secret: what is left of a
    /// secret when text was cut in the middle of it.
    pub(super) fn without_partial_secret_at_end<'t>(&self, text: &'t str) -> &'t str {
        let partial = self
            .secrets
            .iter()
            .filter_map(|secret| {
                (1..secret.0.len())
                    .rev()
                    .filter(|&length| secret.0.is_char_boundary(length))
                    .find(|&length| text.ends_with(&secret.0[..length]))
            })
            .max()
            .unwrap_or(0);
        &text[..text.len() - partial]
    }
}

impl fmt::Debug for Redactor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Redactor")
            .field("secrets", &self.secrets.len())
            .finish()
    }
}

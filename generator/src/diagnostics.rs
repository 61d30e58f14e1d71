//! Located problems found in a spec: what is wrong, where (JSON pointer), and the line when known.

use std::fmt;

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// JSON pointer to the offending node, e.g. `#/paths/~1pets/get`.
    pub pointer: String,
    /// 1-based line in the spec file, when it could be located.
    pub line: Option<usize>,
    /// What is wrong, in words a spec author understands.
    pub message: String,
}

impl Diagnostic {
    /// A problem at `pointer`; the line is filled in later by the loader's locator.
    pub fn new(pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            pointer: pointer.into(),
            line: None,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "error: {} at {}", self.message, self.pointer)?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

/// Every problem found, reported together.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

/// Escapes one JSON pointer token (`~` -> `~0`, `/` -> `~1`).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Appends a token to a pointer: `pointer_join("#/paths", "/pets")` is `#/paths/~1pets`.
pub fn pointer_join(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", escape_token(token))
}

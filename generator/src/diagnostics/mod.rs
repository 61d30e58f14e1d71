//! Located problems found in a spec: their code and level, what is wrong, where (JSON
//! pointer), and the line when known.

mod codes;
mod lints;

use std::fmt;

pub use codes::{Code, Level, UnknownCode};
pub use lints::{Lint, LintError, Lints};

/// One problem in a spec.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// JSON pointer to the offending node, e.g. `#/paths/~1pets/get`.
    pub pointer: String,
    /// 1-based line in the spec file, when it could be located.
    pub line: Option<usize>,
    /// What is wrong, in words a spec author understands.
    pub message: String,
    /// What kind of problem it is.
    pub code: Code,
    /// Whether it stops generation: the code's default level until [`Lints::apply`] decides.
    pub level: Level,
}

impl Diagnostic {
    /// A problem of `code` at `pointer`, at the code's default level; the line is filled in
    /// later by the loader's locator.
    pub fn new(code: Code, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            pointer: pointer.into(),
            line: None,
            message: message.into(),
            code,
            level: code.default_level(),
        }
    }

    /// Whether it stops generation.
    pub fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}[{}]: {} at {}",
            self.level, self.code, self.message, self.pointer
        )?;
        if let Some(line) = self.line {
            write!(f, " (line {line})")?;
        }
        Ok(())
    }
}

/// Every problem found, reported together: at least one error, and the warnings found with it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    /// How many of them are errors.
    pub fn errors(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }
}

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

/// Records a problem of `code` at `pointer` in `found`: how a stage that goes on generating
/// says what it did (a rename, a derived name, a fallback). Its level is the code's in the
/// table until the caller's [`Lints`] decide.
pub fn warn(found: &mut Vec<Diagnostic>, code: Code, pointer: &str, message: impl Into<String>) {
    found.push(Diagnostic::new(code, pointer, message));
}

/// Escapes one JSON pointer token (`~` -> `~0`, `/` -> `~1`).
pub fn escape_token(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// Appends a token to a pointer: `pointer_join("#/paths", "/pets")` is `#/paths/~1pets`.
pub fn pointer_join(pointer: &str, token: &str) -> String {
    format!("{pointer}/{}", escape_token(token))
}

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

/// A generator diagnostic as a finding, grouped by its code.
pub fn finding(diagnostic: &Diagnostic) -> Finding {
    Finding {
        code: diagnostic.code.name().to_string(),
        text: diagnostic.to_string(),
    }
}

/// The warnings of a generated crate.
pub fn warnings(generated: &GeneratedCrate) -> Vec<Finding> {
    generated.warnings.iter().map(finding).collect()
}

//! The caller's strictness: which codes are allowed, warned about or denied (like rustc's
//! `-A`, `-W`, `-D`), applied to the diagnostics of a run.

use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use super::codes::{Code, Level, UnknownCode};
use super::Diagnostic;

/// What a `--deny` or `--allow` names: one code, or `warnings`, every code at warning level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lint {
    /// Every diagnostic that would be a warning.
    Warnings,
    /// One code.
    Code(Code),
}

impl FromStr for Lint {
    type Err = UnknownCode;

    fn from_str(name: &str) -> Result<Lint, UnknownCode> {
        match name {
            "warnings" => Ok(Lint::Warnings),
            _ => name.parse().map(Lint::Code),
        }
    }
}

impl fmt::Display for Lint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Lint::Warnings => f.write_str("warnings"),
            Lint::Code(code) => code.fmt(f),
        }
    }
}

/// A level that cannot be set.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is always an error (nothing sensible can be generated): it cannot be allowed or made a warning")]
pub struct LintError(pub Code);

/// The level of each code for a run: the table's defaults, changed by the caller.
///
/// A code set by [`Lints::set`] keeps that level (the last one set wins); `warnings` turns
/// every other code that would be a warning into an error (`deny`) or hides it (`allow`).
/// Codes that default to `error` stay errors; codes allowed by default stay allowed under
/// `warnings` unless named.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lints {
    /// The level of what would be a warning, when `warnings` was set.
    warnings: Option<Level>,
    /// Codes given a level of their own.
    codes: BTreeMap<Code, Level>,
}

impl Lints {
    /// Sets the level of `lint`; refused for a code that is always an error.
    pub fn set(&mut self, lint: Lint, level: Level) -> Result<(), LintError> {
        match lint {
            Lint::Warnings => self.warnings = Some(level),
            Lint::Code(code) if code.default_level() == Level::Error && level != Level::Error => {
                return Err(LintError(code))
            }
            Lint::Code(code) => {
                self.codes.insert(code, level);
            }
        }
        Ok(())
    }

    /// `--deny warnings`: every warning is an error.
    pub fn deny_warnings(mut self) -> Lints {
        self.warnings = Some(Level::Error);
        self
    }

    /// `--deny CODE`.
    pub fn deny(mut self, code: Code) -> Lints {
        self.codes.insert(code, Level::Error);
        self
    }

    /// The level of `code` in this run.
    pub fn level(&self, code: Code) -> Level {
        match self.codes.get(&code) {
            Some(level) => *level,
            None => match code.default_level() {
                Level::Warning => self.warnings.unwrap_or(Level::Warning),
                other => other,
            },
        }
    }

    /// `found` at the levels of this run, the allowed ones left out.
    pub fn apply(&self, found: Vec<Diagnostic>) -> Vec<Diagnostic> {
        found
            .into_iter()
            .filter_map(|mut diagnostic| {
                diagnostic.level = self.level(diagnostic.code);
                (diagnostic.level != Level::Allow).then_some(diagnostic)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lints(settings: &[(&str, Level)]) -> Lints {
        let mut lints = Lints::default();
        for (name, level) in settings {
            let lint = name.parse().expect("a known code");
            lints.set(lint, *level).expect("a level that can be set");
        }
        lints
    }

    #[test]
    fn defaults_come_from_the_table() {
        let lints = Lints::default();
        assert_eq!(lints.level(Code::UntypedSchema), Level::Warning);
        assert_eq!(lints.level(Code::UnresolvedRef), Level::Error);
    }

    #[test]
    fn deny_warnings_makes_warnings_errors_but_a_named_code_keeps_its_level() {
        let lints = lints(&[
            ("warnings", Level::Error),
            ("renamed-to-avoid-collision", Level::Allow),
        ]);
        assert_eq!(lints.level(Code::UntypedSchema), Level::Error);
        assert_eq!(lints.level(Code::RenamedToAvoidCollision), Level::Allow);
    }

    #[test]
    fn the_last_level_set_for_a_code_wins() {
        let lints = lints(&[
            ("untyped-schema", Level::Allow),
            ("untyped-schema", Level::Error),
        ]);
        assert_eq!(lints.level(Code::UntypedSchema), Level::Error);
    }

    #[test]
    fn allow_warnings_hides_warnings_and_keeps_errors() {
        let lints = lints(&[("warnings", Level::Allow)]);
        let found = vec![
            Diagnostic::new(Code::UntypedSchema, "#/a", "untyped"),
            Diagnostic::new(Code::UnresolvedRef, "#/b", "dangling"),
        ];
        let kept = lints.apply(found);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].code, Code::UnresolvedRef);
        assert!(kept[0].is_error());
    }

    #[test]
    fn an_error_code_cannot_be_allowed() {
        let mut lints = Lints::default();
        assert_eq!(
            lints.set(Lint::Code(Code::UnresolvedRef), Level::Allow),
            Err(LintError(Code::UnresolvedRef))
        );
        assert_eq!(
            lints.set(Lint::Code(Code::UnresolvedRef), Level::Error),
            Ok(())
        );
    }

    #[test]
    fn an_applied_diagnostic_displays_its_level_and_code() {
        let lints = Lints::default().deny(Code::UntypedSchema);
        let mut found = lints.apply(vec![Diagnostic::new(Code::UntypedSchema, "#/a", "untyped")]);
        found[0].line = Some(3);
        assert_eq!(
            found[0].to_string(),
            "error[untyped-schema]: untyped at #/a (line 3)"
        );
    }
}

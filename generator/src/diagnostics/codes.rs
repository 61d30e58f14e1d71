//! The table of diagnostic codes: each code's kebab-case name, default level and meaning.

use std::fmt;
use std::str::FromStr;

/// How a diagnostic is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Not reported.
    Allow,
    /// Reported; generation goes on.
    Warning,
    /// Reported; nothing is generated.
    Error,
}

impl Level {
    /// `allow`, `warning` or `error`.
    pub fn name(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Declares [`Code`]: one variant per line `Variant = "name", Level, "explanation";`.
macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $name:literal, $level:ident, $explanation:literal;)+) => {
        /// A stable code naming one kind of diagnostic (like a rustc lint name).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $($(#[$doc])* #[doc = $explanation] $variant,)+
        }

        impl Code {
            /// Every code, in the table's order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),+];

            /// The kebab-case name, e.g. `untyped-schema`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// The level when the caller does not choose one.
            pub fn default_level(self) -> Level {
                match self {
                    $(Code::$variant => Level::$level,)+
                }
            }

            /// What the code means, in one line.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$variant => $explanation,)+
                }
            }
        }
    };
}

codes! {
    UnreadableSpec = "unreadable-spec", Error,
        "the spec file cannot be read";
    InvalidSyntax = "invalid-syntax", Error,
        "the spec is not UTF-8, not valid YAML or JSON, or nested too deep";
    DuplicateKey = "duplicate-key", Error,
        "a mapping of the spec has the same key twice";
    UnsupportedVersion = "unsupported-version", Error,
        "the document is not OpenAPI 3.0 (Swagger 2.0, another version, or no `openapi` field)";
    InvalidDocument = "invalid-document", Error,
        "the document is not an OpenAPI object (empty, not a mapping, or a field of the wrong type)";
    UnresolvedRef = "unresolved-ref", Error,
        "a `$ref` names nothing (or a file that cannot be read, or a remote URL)";
    RefCycle = "ref-cycle", Error,
        "a chain of `$ref`s loops without reaching an object";
    RecursiveSchema = "recursive-schema", Error,
        "a schema contains itself with no object property to close the cycle";
    InternalError = "internal-error", Error,
        "the generator failed on this spec (please report it)";
    DuplicateOperationId = "duplicate-operation-id", Error,
        "two operations have the same `operationId`";
    InvalidPath = "invalid-path", Error,
        "a path template is malformed (no leading `/`, unbalanced braces, a name used twice)";
    UnsupportedPath = "unsupported-path", Error,
        "a path the client cannot call (a parameter filling part of a segment, a path item `$ref`)";
    DuplicateParameter = "duplicate-parameter", Error,
        "a parameter is listed twice in one `parameters` list";
    UndeclaredPathParameter = "undeclared-path-parameter", Error,
        "a path template names a parameter no `in: path` parameter declares";
    UnusedPathParameter = "unused-path-parameter", Error,
        "an `in: path` parameter does not appear in its path template";
    OptionalPathParameter = "optional-path-parameter", Error,
        "a path parameter lacks `required: true`";
    UnsupportedParameter = "unsupported-parameter", Error,
        "a parameter the client cannot send (cookie, `content`, a non-default style, an object)";
    UnsupportedRef = "unsupported-ref", Error,
        "a `$ref` names something other than a component of the right kind";
    UnsupportedSchema = "unsupported-schema", Error,
        "a schema construct the model cannot type (`not`, an `allOf` part that is no object)";
    InvalidSchema = "invalid-schema", Error,
        "a schema mistake (an unknown `type`, an array without `items`)";
    UnsupportedDiscriminator = "unsupported-discriminator", Error,
        "a discriminator without oneOf/anyOf, or with inline alternatives";
    UnsupportedMediaType = "unsupported-media-type", Error,
        "a request body media type the client cannot encode (forms, multipart)";
    UnsupportedSecurityScheme = "unsupported-security-scheme", Error,
        "a security scheme other than an API key in a header";
    UndeclaredSecurityScheme = "undeclared-security-scheme", Error,
        "a security requirement names a scheme `components/securitySchemes` does not declare";
    InvalidServerVariable = "invalid-server-variable", Error,
        "a server variable's default is not one of its enum values";
    ExampleMismatch = "example-mismatch", Error,
        "an example does not match its schema";
    RenamedToAvoidCollision = "renamed-to-avoid-collision", Warning,
        "two spec names want one Rust name; one was given a distinct name";
    MissingOperationId = "missing-operation-id", Warning,
        "an operation has no `operationId`; it is named after its method and path";
    UndeclaredRequiredProperty = "undeclared-required-property", Warning,
        "`required` names a property no `properties` declares; it is a `serde_json::Value` field";
    UntypedSchema = "untyped-schema", Warning,
        "a schema that cannot be typed is any JSON value (`serde_json::Value`)";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is no code of the table.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown diagnostic code `{0}`; the codes are: {codes}", codes = code_names())]
pub struct UnknownCode(pub String);

/// Every code's name, comma-separated.
fn code_names() -> String {
    let names: Vec<&str> = Code::ALL.iter().map(|code| code.name()).collect();
    names.join(", ")
}

impl FromStr for Code {
    type Err = UnknownCode;

    fn from_str(name: &str) -> Result<Code, UnknownCode> {
        Code::ALL
            .iter()
            .copied()
            .find(|code| code.name() == name)
            .ok_or_else(|| UnknownCode(name.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_round_trip() {
        for (i, code) in Code::ALL.iter().enumerate() {
            let name = code.name();
            assert!(
                name.split('-')
                    .all(|w| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase())),
                "{name}"
            );
            assert_eq!(name.parse::<Code>(), Ok(*code));
            assert!(!Code::ALL[..i].iter().any(|c| c.name() == name), "{name}");
            assert!(!code.explanation().is_empty(), "{name}");
        }
        assert_eq!(
            "warnings".parse::<Code>(),
            Err(UnknownCode("warnings".to_string()))
        );
    }

    /// The README's table row of `code`.
    fn readme_row(code: Code) -> String {
        format!(
            "| `{}` | {} | {} |",
            code.name(),
            code.default_level(),
            code.explanation()
        )
    }

    #[test]
    fn the_readme_lists_exactly_the_codes_of_the_table() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md"));
        let listed: Vec<&str> = readme.lines().filter(|l| l.starts_with("| `")).collect();
        let expected: Vec<String> = Code::ALL.iter().map(|c| readme_row(*c)).collect();
        assert_eq!(
            listed,
            expected,
            "the README's table of codes must be, in this order:\n{}",
            expected.join("\n")
        );
    }
}

//! Rust names from spec names: case conversion with heck, keywords and leading digits escaped.

use heck::{ToPascalCase, ToSnakeCase};

/// Words Rust reserves (strict and reserved keywords, 2021 edition), plus names that cannot
/// be raw identifiers.
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Type names that would shadow what generated code relies on by short name.
const RESERVED_TYPE_NAMES: &[&str] = &["Self", "Client", "ClientBuilder", "Error", "Site"];

/// Keeps only characters that can appear in an identifier, turning the rest into word breaks.
fn words(raw: &str) -> String {
    raw.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect()
}

/// Prefixes a name that starts with a digit, or is empty, so it is a valid identifier.
fn fix_start(name: String, prefix: &str) -> String {
    match name.chars().next() {
        None => prefix.to_string(),
        Some(c) if c.is_ascii_digit() => format!("{prefix}{name}"),
        Some(_) => name,
    }
}

/// PascalCase type name: `feature_flag response` -> `FeatureFlagResponse`.
pub fn type_name(raw: &str) -> String {
    let name = fix_start(words(raw).to_pascal_case(), "T");
    if RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        format!("{name}Model")
    } else {
        name
    }
}

/// PascalCase enum variant name for a value: `us3.datadoghq.com` -> `Us3DatadoghqCom`,
/// `-1` -> `Minus1`, `` -> `Empty`.
pub fn variant_name(raw: &str) -> String {
    if raw.is_empty() {
        return "Empty".to_string();
    }
    let signed = raw.strip_prefix('-').map(|rest| format!("minus {rest}"));
    let name = words(signed.as_deref().unwrap_or(raw)).to_pascal_case();
    if name.is_empty() {
        return "Empty".to_string();
    }
    let name = fix_start(name, "V");
    if name == "Self" || name == "Unknown" {
        format!("{name}Value")
    } else {
        name
    }
}

/// snake_case field, parameter or method name; keywords get a trailing underscore.
pub fn field_name(raw: &str) -> String {
    let name = fix_start(words(raw).to_snake_case(), "n");
    let name = if name.is_empty() {
        "value".to_string()
    } else {
        name
    };
    if KEYWORDS.contains(&name.as_str()) {
        format!("{name}_")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_are_pascal_case_and_never_start_with_a_digit() {
        assert_eq!(type_name("feature_flag response"), "FeatureFlagResponse");
        assert_eq!(type_name("2fa-settings"), "T2faSettings");
        assert_eq!(type_name("Error"), "ErrorModel");
        assert_eq!(type_name(""), "T");
    }

    #[test]
    fn variants_escape_signs_digits_and_reserved_names() {
        assert_eq!(variant_name("us3.datadoghq.com"), "Us3DatadoghqCom");
        assert_eq!(variant_name("-1"), "Minus1");
        assert_eq!(variant_name("42"), "V42");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(variant_name("unknown"), "UnknownValue");
        assert_eq!(variant_name("***"), "Empty");
    }

    #[test]
    fn fields_escape_keywords_and_digits() {
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("isArchived"), "is_archived");
        assert_eq!(field_name("DD-API-KEY"), "dd_api_key");
        assert_eq!(field_name("3d"), "n3d");
    }
}

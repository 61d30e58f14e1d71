//! Rust names from spec names: case conversion with heck, keywords and leading digits escaped,
//! and distinct names for spec names that would meet in one Rust namespace.

use std::collections::BTreeMap;

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

/// Operator-like characters, spelled out to tell apart names that differ only by them
/// (`StartTime<`, `StartTime`); other punctuation only separates words.
const SPELLED: &[(char, &str)] = &[
    ('<', "lt"),
    ('>', "gt"),
    ('=', "eq"),
    ('!', "not"),
    ('+', "plus"),
    ('*', "star"),
    ('~', "tilde"),
    ('@', "at"),
    ('#', "hash"),
    ('$', "dollar"),
    ('%', "percent"),
    ('&', "and"),
    ('|', "or"),
    ('^', "caret"),
    ('?', "question"),
];

/// `raw` with each operator-like character replaced by its word: `!match_regex` ->
/// ` not match_regex`.
fn spell_symbols(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match SPELLED.iter().find(|(symbol, _)| *symbol == c) {
            Some((_, word)) => {
                out.push(' ');
                out.push_str(word);
                out.push(' ');
            }
            None => out.push(c),
        }
    }
    out
}

/// A spec name that needs a Rust name in some namespace.
#[derive(Debug, Clone)]
pub struct Wanted<'a> {
    /// The name as written in the spec.
    pub raw: &'a str,
    /// What it is, for warnings, e.g. `query parameter "id"`.
    pub label: String,
    /// A word telling it apart from a namesake (a parameter's location), tried before
    /// numbering.
    pub qualifier: Option<&'a str>,
}

impl<'a> Wanted<'a> {
    /// A name without a qualifier.
    pub fn new(raw: &'a str, label: String) -> Self {
        Wanted {
            raw,
            label,
            qualifier: None,
        }
    }
}

/// The Rust name given to a [`Wanted`] name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    /// The Rust name, distinct from every other in the namespace.
    pub rust: String,
    /// Why it is not the plain conversion of the spec name (the text of a warning), if it is
    /// not.
    pub renamed: Option<String>,
}

/// Distinct Rust names for `wanted`, in order, none of them a `reserved` name (given with
/// what holds it). A name whose plain conversion is shared (or reserved) tries, in turn: its
/// operator characters spelled out (`StartTime<` -> `StartTimeLt`), its plain conversion, its
/// qualifier appended (`id_query`), then numbers (`Asc2`, `id_2`). The result depends only on
/// the names and their order.
pub fn distinct(
    wanted: &[Wanted<'_>],
    convert: fn(&str) -> String,
    reserved: &[(&str, &str)],
) -> Vec<Given> {
    let bases: Vec<String> = wanted.iter().map(|w| convert(w.raw)).collect();
    let mut holders: BTreeMap<String, String> = reserved
        .iter()
        .map(|(name, holder)| (name.to_string(), holder.to_string()))
        .collect();
    let crowded: Vec<bool> = bases
        .iter()
        .map(|base| holders.contains_key(base) || bases.iter().filter(|b| *b == base).count() > 1)
        .collect();
    let mut given = Vec::with_capacity(wanted.len());
    for ((item, base), crowded) in wanted.iter().zip(&bases).zip(crowded) {
        let mut candidates = Vec::new();
        if crowded {
            candidates.push(convert(&spell_symbols(item.raw)));
        }
        candidates.push(base.clone());
        if let Some(qualifier) = item.qualifier.filter(|_| crowded) {
            candidates.push(convert(&format!("{} {qualifier}", item.raw)));
        }
        let rust = candidates
            .into_iter()
            .find(|candidate| !holders.contains_key(candidate))
            .unwrap_or_else(|| numbered_apart(base, &holders));
        let renamed = (rust != *base).then(|| match holders.get(base) {
            Some(holder) => format!(
                "{} is named `{rust}`: `{base}` is already {holder}",
                item.label
            ),
            None => format!(
                "{} is named `{rust}` to keep it apart from another name that becomes `{base}`",
                item.label
            ),
        });
        holders.insert(rust.clone(), item.label.clone());
        given.push(Given { rust, renamed });
    }
    given
}

/// `base` numbered from 2 until no holder has it: `Asc2` for PascalCase, `id_2` for snake_case.
fn numbered_apart(base: &str, holders: &BTreeMap<String, String>) -> String {
    let snake = base.chars().all(|c| !c.is_ascii_uppercase());
    let separator = if snake && !base.ends_with('_') {
        "_"
    } else {
        ""
    };
    (2..)
        .map(|n| format!("{base}{separator}{n}"))
        .find(|candidate| !holders.contains_key(candidate))
        .unwrap_or_else(|| base.to_string())
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

    /// The Rust names `distinct` gives `raws` (no qualifiers, nothing reserved).
    fn given(raws: &[&str], convert: fn(&str) -> String) -> Vec<String> {
        let wanted: Vec<Wanted> = raws
            .iter()
            .map(|r| Wanted::new(r, format!("{r:?}")))
            .collect();
        distinct(&wanted, convert, &[])
            .into_iter()
            .map(|g| g.rust)
            .collect()
    }

    #[test]
    fn names_differing_by_operators_spell_them_out() {
        assert_eq!(
            given(&["StartTime<", "StartTime>", "StartTime"], field_name),
            ["start_time_lt", "start_time_gt", "start_time"]
        );
        assert_eq!(
            given(&["!match_regex", "match_regex"], variant_name),
            ["NotMatchRegex", "MatchRegex"]
        );
    }

    #[test]
    fn names_differing_by_case_or_separators_are_numbered_in_order() {
        assert_eq!(given(&["asc", "ASC"], variant_name), ["Asc", "Asc2"]);
        assert_eq!(
            given(&["nullTime", "NullTime"], type_name),
            ["NullTime", "NullTime2"]
        );
        assert_eq!(
            given(&["payment-card", "PaymentCard", "payment_card"], type_name),
            ["PaymentCard", "PaymentCard2", "PaymentCard3"]
        );
        assert_eq!(given(&["a-b", "a_b"], field_name), ["a_b", "a_b_2"]);
        assert_eq!(given(&["type", "Type"], field_name), ["type_", "type_2"]);
    }

    #[test]
    fn reserved_names_and_namesakes_take_the_qualifier_and_say_why() {
        let wanted = [
            Wanted {
                raw: "id",
                label: "path parameter \"id\"".to_string(),
                qualifier: Some("path"),
            },
            Wanted {
                raw: "id",
                label: "query parameter \"id\"".to_string(),
                qualifier: Some("query"),
            },
            Wanted {
                raw: "client",
                label: "query parameter \"client\"".to_string(),
                qualifier: Some("query"),
            },
        ];
        let given = distinct(&wanted, field_name, &[("client", "the builder's client")]);
        let names: Vec<&str> = given.iter().map(|g| g.rust.as_str()).collect();
        assert_eq!(names, ["id", "id_query", "client_query"]);
        assert_eq!(given[0].renamed, None);
        assert_eq!(
            given[1].renamed.as_deref(),
            Some(
                "query parameter \"id\" is named `id_query`: `id` is already path parameter \"id\""
            )
        );
        assert_eq!(
            given[2].renamed.as_deref(),
            Some("query parameter \"client\" is named `client_query`: `client` is already the builder's client")
        );
    }
}

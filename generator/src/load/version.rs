//! The version gate: only OpenAPI 3.0.0 to 3.0.4 documents go on to typed deserialization.

use serde_json::Value;

use crate::diagnostics::{Code, Diagnostic};

/// What the generator reads, for messages.
const SUPPORTED: &str = "this generator reads OpenAPI 3.0.0 to 3.0.4";

/// Accepts a mapping whose `openapi` field is a 3.0.x version string (x from 0 to 4).
pub fn check(document: &Value) -> Result<(), Diagnostic> {
    let map = match document {
        Value::Object(map) => map,
        Value::Null => return Err(Diagnostic::new(Code::InvalidDocument, "#", format!("the spec is empty; {SUPPORTED}"))),
        _ => {
            return Err(Diagnostic::new(
                Code::InvalidDocument,
                "#",
                format!("the spec is not a mapping (an OpenAPI document is a mapping with an `openapi` field); {SUPPORTED}"),
            ))
        }
    };
    if let Some(swagger) = map.get("swagger") {
        return Err(Diagnostic::new(
            Code::UnsupportedVersion,
            "#/swagger",
            format!(
                "unsupported version: Swagger/OpenAPI {} (`swagger` field); {SUPPORTED}",
                shown(swagger)
            ),
        ));
    }
    match map.get("openapi") {
        None => Err(Diagnostic::new(Code::UnsupportedVersion, "#", format!("missing `openapi` version field; {SUPPORTED}"))),
        Some(Value::String(version)) if is_supported(version) => Ok(()),
        Some(Value::String(version)) => Err(Diagnostic::new(
            Code::UnsupportedVersion,
            "#/openapi",
            format!("unsupported version: OpenAPI {version:?}; {SUPPORTED}"),
        )),
        Some(other) => Err(Diagnostic::new(
            Code::UnsupportedVersion,
            "#/openapi",
            format!("unsupported version: `openapi` is {}, not a version string such as \"3.0.3\"; {SUPPORTED}", shown(other)),
        )),
    }
}

/// `3.0.0` to `3.0.4`, exactly.
fn is_supported(version: &str) -> bool {
    matches!(version, "3.0.0" | "3.0.1" | "3.0.2" | "3.0.3" | "3.0.4")
}

/// A version value as written (strings without quotes).
fn shown(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn accepts_every_3_0_patch_version() {
        for v in ["3.0.0", "3.0.1", "3.0.2", "3.0.3", "3.0.4"] {
            assert!(check(&json!({ "openapi": v })).is_ok(), "{v}");
        }
    }

    #[test]
    fn refuses_other_versions_with_a_clear_message() {
        let cases = [
            (
                json!({ "openapi": "3.1.0" }),
                "#/openapi",
                "OpenAPI \"3.1.0\"",
            ),
            (
                json!({ "openapi": "3.0.5" }),
                "#/openapi",
                "OpenAPI \"3.0.5\"",
            ),
            (
                json!({ "openapi": 3.0 }),
                "#/openapi",
                "not a version string",
            ),
            (
                json!({ "swagger": "2.0" }),
                "#/swagger",
                "Swagger/OpenAPI 2.0",
            ),
            (json!({ "info": {} }), "#", "missing `openapi`"),
            (json!(null), "#", "empty"),
            (json!([1]), "#", "not a mapping"),
        ];
        for (document, pointer, words) in cases {
            let problem = check(&document)
                .err()
                .unwrap_or_else(|| panic!("accepted {document}"));
            assert_eq!(problem.pointer, pointer);
            assert!(problem.message.contains(words), "{}", problem.message);
            assert!(
                problem.message.contains("3.0.0 to 3.0.4"),
                "{}",
                problem.message
            );
        }
    }
}

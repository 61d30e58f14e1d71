//! String and number formats an example value must respect (unknown formats accept anything,
//! as OpenAPI allows).

use chrono::{DateTime, NaiveDate};
use serde_json::Value;

/// Why `value` does not fit `format`, or `None` when it does (or the format is not checked).
pub fn mismatch(format: &str, value: &Value) -> Option<&'static str> {
    let fits = match (format, value) {
        ("int32", Value::Number(n)) => {
            n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()) || !is_integer(n)
        }
        ("int64", Value::Number(n)) => n.as_i64().is_some() || !is_integer(n),
        ("float", Value::Number(n)) => n.as_f64().is_some_and(|f| f.abs() <= f64::from(f32::MAX)),
        ("uuid", Value::String(s)) => s.len() == 36 && uuid::Uuid::try_parse(s).is_ok(),
        ("date-time", Value::String(s)) => DateTime::parse_from_rfc3339(s).is_ok(),
        ("date", Value::String(s)) => {
            s.len() == 10 && NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok()
        }
        ("byte", Value::String(s)) => is_base64(s),
        ("email", Value::String(s)) => is_email(s),
        ("ipv4", Value::String(s)) => s.parse::<std::net::Ipv4Addr>().is_ok(),
        ("ipv6", Value::String(s)) => s.parse::<std::net::Ipv6Addr>().is_ok(),
        _ => true,
    };
    (!fits).then(|| explanation(format))
}

/// What a value of `format` must look like.
fn explanation(format: &str) -> &'static str {
    match format {
        "int32" => "is out of the int32 range",
        "int64" => "is out of the int64 range",
        "float" => "is out of the float range",
        "uuid" => "is not a uuid (8-4-4-4-12 hex digits)",
        "date-time" => "is not an RFC 3339 date-time (e.g. 2024-05-01T12:00:00Z)",
        "date" => "is not a date (YYYY-MM-DD)",
        "byte" => "is not base64",
        "email" => "is not an email address",
        "ipv4" => "is not an IPv4 address",
        "ipv6" => "is not an IPv6 address",
        _ => "does not match its format",
    }
}

/// Integers are judged by range; other numbers are left to the type check.
fn is_integer(n: &serde_json::Number) -> bool {
    n.is_i64() || n.is_u64()
}

/// Standard base64 with padding: groups of four from the alphabet, `=` only at the end.
fn is_base64(s: &str) -> bool {
    let body = s.trim_end_matches('=');
    s.len() % 4 == 0
        && s.len() - body.len() <= 2
        && body
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

/// `local@domain` with a dot in the domain and no spaces.
fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.contains('@')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fits(format: &str, value: Value) -> bool {
        mismatch(format, &value).is_none()
    }

    #[test]
    fn integer_ranges() {
        assert!(fits("int32", json!(2147483647)));
        assert!(!fits("int32", json!(2147483648_i64)));
        assert!(!fits("int32", json!(-2147483649_i64)));
        assert!(fits("int64", json!(i64::MIN)));
        assert!(!fits("int64", json!(u64::MAX)));
    }

    #[test]
    fn strings() {
        assert!(fits("uuid", json!("3fa85f64-5717-4562-b3fc-2c963f66afa6")));
        assert!(!fits("uuid", json!("3fa85f645717-4562-b3fc-2c963f66afa6x")));
        assert!(!fits("uuid", json!("3fa85f6457174562b3fc2c963f66afa6")));
        assert!(fits("date-time", json!("2024-05-01T12:00:00Z")));
        assert!(fits("date-time", json!("2024-05-01T12:00:00.123+02:00")));
        assert!(!fits("date-time", json!("2024-05-01 12:00")));
        assert!(!fits("date-time", json!("yesterday")));
        assert!(fits("date", json!("2024-02-29")));
        assert!(!fits("date", json!("2023-02-29")));
        assert!(!fits("date", json!("2024-2-9")));
        assert!(fits("byte", json!("aGVsbG8=")));
        assert!(!fits("byte", json!("aGVsbG8")));
        assert!(fits("email", json!("a@example.com")));
        assert!(!fits("email", json!("a example.com")));
        assert!(fits("ipv4", json!("10.0.0.1")));
        assert!(!fits("ipv6", json!("10.0.0.1")));
    }

    #[test]
    fn unknown_formats_and_other_types_fit() {
        assert!(fits("hostname", json!("anything")));
        assert!(fits("uuid", json!(5)));
        assert!(fits("int32", json!("text")));
    }
}

//! Comparing JSON documents as JSON: numbers by value (`100` equals `100.0`), objects
//! regardless of key order, and the first difference named by its JSON pointer.

use serde_json::Value;

/// Where `actual` first differs from `expected`, as `pointer: expected X, got Y`;
/// `None` when they are the same JSON.
pub fn difference(expected: &Value, actual: &Value) -> Option<String> {
    difference_at("", expected, actual)
}

/// [`difference`] for the values found at `pointer`.
fn difference_at(pointer: &str, expected: &Value, actual: &Value) -> Option<String> {
    let here = || {
        Some(format!(
            "{}: expected {expected}, got {actual}",
            if pointer.is_empty() { "/" } else { pointer }
        ))
    };
    match (expected, actual) {
        (Value::Number(left), Value::Number(right)) => {
            let same = left == right || left.as_f64().is_some() && left.as_f64() == right.as_f64();
            if same {
                None
            } else {
                here()
            }
        }
        (Value::Array(left), Value::Array(right)) => {
            if left.len() != right.len() {
                return here();
            }
            left.iter()
                .zip(right)
                .enumerate()
                .find_map(|(index, (left, right))| {
                    difference_at(&format!("{pointer}/{index}"), left, right)
                })
        }
        (Value::Object(left), Value::Object(right)) => {
            let mut keys: Vec<&String> = left.keys().chain(right.keys()).collect();
            keys.sort();
            keys.dedup();
            keys.into_iter().find_map(|key| {
                let child = format!("{pointer}/{}", key.replace('~', "~0").replace('/', "~1"));
                match (left.get(key), right.get(key)) {
                    (Some(left), Some(right)) => difference_at(&child, left, right),
                    (left, right) => Some(format!(
                        "{child}: expected {}, got {}",
                        shown(left),
                        shown(right)
                    )),
                }
            })
        }
        _ if expected == actual => None,
        _ => here(),
    }
}

/// A value that may be missing, for messages.
fn shown(value: Option<&Value>) -> String {
    value.map_or_else(|| "nothing".to_owned(), Value::to_string)
}

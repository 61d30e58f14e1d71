//! Component names for objects pulled in from other files: stable, distinct, deterministic.
//!
//! An object is named after the last token of its pointer (`common.json#/Error` is `Error`),
//! or after its file when the whole file is the object (`schemas/pet.yaml` is `pet`). A name
//! the entry file or an earlier pull already uses is qualified with the file's stem
//! (`common_Error`), then numbered (`common_Error_2`). The entry file's own names never move.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use serde_json::Value;

/// The names in use in each `components` section.
#[derive(Debug, Default)]
pub struct Names {
    taken: HashMap<&'static str, HashSet<String>>,
}

impl Names {
    /// The names `document` already uses, for the sections in `sections`.
    pub fn of(document: &Value, sections: &[&'static str]) -> Self {
        let components = document.get("components");
        let taken = sections
            .iter()
            .map(|&section| {
                let entries = components
                    .and_then(|c| c.get(section))
                    .and_then(Value::as_object);
                (
                    section,
                    entries
                        .into_iter()
                        .flatten()
                        .map(|(k, _)| k.clone())
                        .collect(),
                )
            })
            .collect();
        Names { taken }
    }

    /// A new name in `section` for the object at `pointer` (no `#`) of the file `file`.
    pub fn choose(&mut self, section: &'static str, file: &str, pointer: &str) -> String {
        let stem = sanitized(
            Path::new(file)
                .file_stem()
                .map(|s| s.to_string_lossy())
                .as_deref()
                .unwrap_or("file"),
        );
        let base = match pointer.rsplit('/').next().filter(|t| !t.is_empty()) {
            Some(token) => sanitized(&token.replace("~1", "/").replace("~0", "~")),
            None => stem.clone(),
        };
        let taken = self.taken.entry(section).or_default();
        let qualified = format!("{stem}_{base}");
        let candidates = [base.clone(), qualified.clone()]
            .into_iter()
            .chain((2..).map(|n| format!("{qualified}_{n}")));
        let mut chosen = base;
        for candidate in candidates {
            if !taken.contains(&candidate) {
                chosen = candidate;
                break;
            }
        }
        taken.insert(chosen.clone());
        chosen
    }
}

/// `text` with every character a component name cannot hold (`[A-Za-z0-9._-]` only) as `_`.
fn sanitized(text: &str) -> String {
    let name: String = text
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() {
        "unnamed".to_string()
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn names_are_the_last_token_or_the_file_and_never_collide() {
        let document = json!({"components": {"schemas": {"Error": {}}}});
        let mut names = Names::of(&document, &["schemas"]);
        assert_eq!(names.choose("schemas", "schemas/pet.yaml", ""), "pet");
        assert_eq!(
            names.choose("schemas", "common.json", "/Error"),
            "common_Error"
        );
        assert_eq!(
            names.choose("schemas", "common.json", "/defs/Error"),
            "common_Error_2"
        );
        assert_eq!(names.choose("schemas", "a b.yaml", "/x~1y z"), "x_y_z");
        assert_eq!(names.choose("parameters", "p.yaml", "/Error"), "Error");
    }
}

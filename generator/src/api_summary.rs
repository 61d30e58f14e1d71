//! What a difference in generated files means for the API: types, fields, variants and
//! operations added, removed or changed, read from the Rust items of the old and new files.

use std::collections::BTreeSet;

use crate::format::strip_header;
use crate::write::Change;

/// The public names a generated file defines: item names and, per item, its members
/// (struct fields, enum variants, methods).
#[derive(Debug, Default, PartialEq, Eq)]
struct Surface {
    items: BTreeSet<String>,
    members: BTreeSet<(String, String)>,
}

/// Reads the public surface of a Rust file; a file that does not parse has none.
fn surface(source: &str) -> Surface {
    let mut out = Surface::default();
    let Ok(file) = syn::parse_file(source) else {
        return out;
    };
    for item in &file.items {
        match item {
            syn::Item::Struct(s) if matches!(s.vis, syn::Visibility::Public(_)) => {
                let name = s.ident.to_string();
                for field in &s.fields {
                    if let (Some(ident), syn::Visibility::Public(_)) = (&field.ident, &field.vis) {
                        out.members
                            .insert((name.clone(), format!("field `{ident}`")));
                    }
                }
                out.items.insert(name);
            }
            syn::Item::Enum(e) if matches!(e.vis, syn::Visibility::Public(_)) => {
                let name = e.ident.to_string();
                for variant in &e.variants {
                    out.members
                        .insert((name.clone(), format!("variant `{}`", variant.ident)));
                }
                out.items.insert(name);
            }
            syn::Item::Impl(i) => {
                let syn::Type::Path(path) = &*i.self_ty else {
                    continue;
                };
                let Some(name) = path.path.segments.last().map(|s| s.ident.to_string()) else {
                    continue;
                };
                for member in &i.items {
                    if let syn::ImplItem::Fn(f) = member {
                        if matches!(f.vis, syn::Visibility::Public(_)) {
                            out.members
                                .insert((name.clone(), format!("method `{}`", f.sig.ident)));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// What a generated file is, for the summary: `type`, `operation` or a plain file.
fn kind_of(path: &str) -> Option<&'static str> {
    if path.starts_with("src/models/") && !path.ends_with("/mod.rs") {
        Some("type")
    } else if path.starts_with("src/apis/") && !path.ends_with("/mod.rs") {
        Some("operation")
    } else {
        None
    }
}

/// The name of the type or operation a file holds: its file stem.
fn stem(path: &str) -> &str {
    let file = path.rsplit('/').next().unwrap_or(path);
    file.strip_suffix(".rs").unwrap_or(file)
}

/// Whether a change touches only the `@generated` header (the spec hash moved).
pub fn header_only(change: &Change) -> bool {
    match change {
        Change::Modified { old, new, .. } => strip_header(old) == strip_header(new),
        _ => false,
    }
}

/// One line per API-level change implied by `changes`, sorted; files whose only difference
/// is the `@generated` header are counted in one line.
pub fn summarize(changes: &[Change]) -> Vec<String> {
    let mut lines = Vec::new();
    let header_only_count = changes.iter().filter(|c| header_only(c)).count();
    if header_only_count > 0 {
        lines.push(format!(
            "{header_only_count} file(s) differ only in their @generated header (spec hash)"
        ));
    }
    for change in changes.iter().filter(|c| !header_only(c)) {
        let path = change.path().to_string_lossy().replace('\\', "/");
        let Some(kind) = kind_of(&path) else {
            lines.push(format!("file `{path}` {}", verb(change)));
            continue;
        };
        let name = stem(&path);
        match change {
            Change::Added { .. } => lines.push(format!("{kind} `{name}` added")),
            Change::Removed { .. } => lines.push(format!("{kind} `{name}` removed")),
            Change::Stray { .. } => lines.push(format!("file `{path}` {}", verb(change))),
            Change::Modified { old, new, .. } => {
                let (old, new) = (surface(old), surface(new));
                let before = lines.len();
                for item in new.items.difference(&old.items) {
                    lines.push(format!("{kind} `{name}`: item `{item}` added"));
                }
                for item in old.items.difference(&new.items) {
                    lines.push(format!("{kind} `{name}`: item `{item}` removed"));
                }
                for (item, member) in new.members.difference(&old.members) {
                    lines.push(format!("{kind} `{name}`: `{item}` {member} added"));
                }
                for (item, member) in old.members.difference(&new.members) {
                    lines.push(format!("{kind} `{name}`: `{item}` {member} removed"));
                }
                if lines.len() == before {
                    lines.push(format!(
                        "{kind} `{name}` changed (docs, types or serialization)"
                    ));
                }
            }
        }
    }
    lines.sort();
    lines
}

/// `added`, `removed` or `changed`.
fn verb(change: &Change) -> &'static str {
    match change {
        Change::Added { .. } => "added",
        Change::Removed { .. } => "removed",
        Change::Modified { .. } => "changed",
        Change::Stray { .. } => "is not generated (stray)",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn a_new_field_is_named_with_its_type() {
        let change = Change::Modified {
            path: PathBuf::from("src/models/flag.rs"),
            old: "pub struct Flag { pub name: String }".into(),
            new: "pub struct Flag { pub name: String, pub owner: Option<String> }".into(),
        };
        assert_eq!(
            summarize(&[change]),
            vec!["type `flag`: `Flag` field `owner` added"]
        );
    }

    #[test]
    fn added_and_removed_operations_and_other_files_are_listed() {
        let changes = [
            Change::Added {
                path: PathBuf::from("src/apis/flags/get_flag.rs"),
                new: String::new(),
            },
            Change::Removed {
                path: PathBuf::from("src/models/old.rs"),
                old: String::new(),
            },
            Change::Modified {
                path: PathBuf::from("Cargo.toml"),
                old: "a".into(),
                new: "b".into(),
            },
        ];
        assert_eq!(
            summarize(&changes),
            vec![
                "file `Cargo.toml` changed",
                "operation `get_flag` added",
                "type `old` removed"
            ]
        );
    }
}

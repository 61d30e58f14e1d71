//! Recursive schemas: boxes the struct fields that close a cycle, and reports cycles that no
//! box can break.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Diagnostic;
use crate::model::{TypeDef, TypeKind, TypeRef};

/// Boxes every struct field that refers, with no `Vec` or map in between, to a type from
/// which the struct is reachable the same way. Cycles made only of unions and aliases are
/// reported.
pub fn box_recursive_fields(
    types: &mut BTreeMap<String, TypeDef>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let to_box: Vec<(String, usize)> = types
        .values()
        .filter_map(|def| match &def.kind {
            TypeKind::Struct(s) => Some((def, s)),
            _ => None,
        })
        .flat_map(|(def, s)| {
            s.fields
                .iter()
                .enumerate()
                .filter_map(|(i, field)| match inline_target(&field.ty) {
                    Some(target) if reaches(types, target, &def.name) => {
                        Some((def.name.clone(), i))
                    }
                    _ => None,
                })
        })
        .collect();
    for (name, index) in to_box {
        if let Some(TypeKind::Struct(s)) = types.get_mut(&name).map(|d| &mut d.kind) {
            s.fields[index].boxed = true;
        }
    }
    for def in types.values() {
        if edges(def, false)
            .iter()
            .any(|next| reaches(types, next, &def.name))
        {
            let message = "this schema contains itself through unions or aliases only; \
                           an object property must close the cycle";
            diagnostics.push(Diagnostic::new(def.pointer.clone(), message));
        } else if matches!(def.kind, TypeKind::Newtype(_))
            && edges(def, true)
                .iter()
                .any(|next| reaches_by_alias(types, next, &def.name))
        {
            diagnostics.push(Diagnostic::new(
                def.pointer.clone(),
                "this schema is an alias of itself",
            ));
        }
    }
}

/// The named type a reference stores inline (not behind a `Vec` or map).
fn inline_target(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        _ => None,
    }
}

/// Every named type a reference mentions, at any depth.
fn mentioned(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(name) => out.push(name.clone()),
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Nullable(inner) => {
            mentioned(inner, out)
        }
        _ => {}
    }
}

/// The named types a type stores inline (unboxed fields, union variants, alias targets), or
/// with `deep`, every named type an alias mentions.
fn edges(def: &TypeDef, deep: bool) -> Vec<String> {
    let mut out = Vec::new();
    match &def.kind {
        TypeKind::Struct(s) => {
            out.extend(
                s.fields
                    .iter()
                    .filter(|f| !f.boxed)
                    .filter_map(|f| inline_target(&f.ty))
                    .map(str::to_string),
            );
        }
        TypeKind::Union(u) => out.extend(
            u.variants
                .iter()
                .filter_map(|v| inline_target(&v.ty))
                .map(str::to_string),
        ),
        TypeKind::Newtype(ty) if deep => mentioned(ty, &mut out),
        TypeKind::Newtype(ty) => out.extend(inline_target(ty).map(str::to_string)),
        TypeKind::Enum(_) => {}
    }
    out
}

/// Whether `goal` can be reached from `start` along inline edges.
fn reaches(types: &BTreeMap<String, TypeDef>, start: &str, goal: &str) -> bool {
    search(types, start, goal, |def| edges(def, false))
}

/// Whether `goal` can be reached from `start` through aliases only.
fn reaches_by_alias(types: &BTreeMap<String, TypeDef>, start: &str, goal: &str) -> bool {
    search(types, start, goal, |def| match def.kind {
        TypeKind::Newtype(_) => edges(def, true),
        _ => Vec::new(),
    })
}

/// Depth-first search from `start` for `goal`.
fn search(
    types: &BTreeMap<String, TypeDef>,
    start: &str,
    goal: &str,
    next: impl Fn(&TypeDef) -> Vec<String>,
) -> bool {
    let mut seen = BTreeSet::new();
    let mut stack = vec![start.to_string()];
    while let Some(current) = stack.pop() {
        if current == goal {
            return true;
        }
        if !seen.insert(current.clone()) {
            continue;
        }
        if let Some(def) = types.get(&current) {
            stack.extend(next(def));
        }
    }
    false
}

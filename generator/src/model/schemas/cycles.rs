//! Recursive schemas: boxes the struct fields that close a cycle, and reports cycles that no
//! box can break.

mod components;

use std::collections::{BTreeMap, HashMap};

use self::components::Components;
use crate::diagnostics::{Code, Diagnostic};
use crate::model::{TypeDef, TypeKind, TypeRef};

/// Boxes every struct field that refers, with no `Vec` or map in between, to a type from
/// which the struct is reachable the same way. Cycles made only of unions and aliases are
/// reported. Linear in the number of types and fields.
pub fn box_recursive_fields(
    types: &mut BTreeMap<String, TypeDef>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let inline = Components::of(&graph(types, |def| edges(def, false)));
    let index = indices(types);
    let mut to_box: Vec<(String, usize)> = Vec::new();
    for (i, def) in types.values().enumerate() {
        let TypeKind::Struct(s) = &def.kind else {
            continue;
        };
        for (f, field) in s.fields.iter().enumerate() {
            let target = inline_target(&field.ty).and_then(|name| index.get(name));
            if target.is_some_and(|&t| inline.same(i, t)) {
                to_box.push((def.name.clone(), f));
            }
        }
    }
    for (name, index) in to_box {
        if let Some(TypeKind::Struct(s)) = types.get_mut(&name).map(|d| &mut d.kind) {
            s.fields[index].boxed = true;
        }
    }
    let unboxed = Components::of(&graph(types, |def| edges(def, false)));
    let aliases = Components::of(&graph(types, |def| match def.kind {
        TypeKind::Alias(_) => edges(def, true),
        _ => Vec::new(),
    }));
    for (i, def) in types.values().enumerate() {
        if unboxed.in_cycle(i) {
            let message = "this schema contains itself through unions or aliases only; \
                           an object property must close the cycle";
            diagnostics.push(Diagnostic::new(
                Code::RecursiveSchema,
                def.pointer.clone(),
                message,
            ));
        } else if matches!(def.kind, TypeKind::Alias(_)) && aliases.in_cycle(i) {
            diagnostics.push(Diagnostic::new(
                Code::RecursiveSchema,
                def.pointer.clone(),
                "this schema is an alias of itself",
            ));
        }
    }
}

/// Each type's position in `types`, by name.
fn indices(types: &BTreeMap<String, TypeDef>) -> HashMap<&str, usize> {
    types
        .keys()
        .enumerate()
        .map(|(i, name)| (name.as_str(), i))
        .collect()
}

/// The graph of `types` (nodes in map order) whose edges `next` gives by name.
fn graph(
    types: &BTreeMap<String, TypeDef>,
    next: impl Fn(&TypeDef) -> Vec<String>,
) -> Vec<Vec<usize>> {
    let index = indices(types);
    types
        .values()
        .map(|def| {
            next(def)
                .iter()
                .filter_map(|name| index.get(name.as_str()).copied())
                .collect()
        })
        .collect()
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
        TypeKind::Alias(ty) if deep => mentioned(ty, &mut out),
        TypeKind::Alias(ty) => out.extend(inline_target(ty).map(str::to_string)),
        TypeKind::Enum(_) => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Additional, Docs, Field, Struct};

    /// A struct `name` with one required field of type `next`.
    fn link(name: String, next: String) -> (String, TypeDef) {
        let field = Field {
            json_name: "next".to_string(),
            rust_name: "next".to_string(),
            ty: TypeRef::Named(next),
            required: true,
            nullable: false,
            boxed: false,
            default: None,
            read_only: false,
            write_only: false,
            deprecated: false,
            docs: Docs::default(),
        };
        let def = TypeDef {
            name: name.clone(),
            pointer: format!("#/components/schemas/{name}"),
            docs: Docs::default(),
            deprecated: false,
            kind: TypeKind::Struct(Struct {
                fields: vec![field],
                additional: Additional::Keep,
            }),
        };
        (name, def)
    }

    #[test]
    fn a_cycle_through_ten_thousand_structs_boxes_every_field_and_a_chain_none() {
        let n = 10_000;
        for (last, boxed) in [(0, true), (n, false)] {
            let mut types: BTreeMap<String, TypeDef> = (0..n)
                .map(|i| {
                    link(
                        format!("S{i}"),
                        format!("S{}", if i + 1 < n { i + 1 } else { last }),
                    )
                })
                .collect();
            let mut diagnostics = Vec::new();
            box_recursive_fields(&mut types, &mut diagnostics);
            assert_eq!(diagnostics, Vec::new());
            for def in types.values() {
                let TypeKind::Struct(s) = &def.kind else {
                    panic!("{} is not a struct", def.name)
                };
                assert_eq!(s.fields[0].boxed, boxed, "{}", def.name);
            }
        }
    }
}

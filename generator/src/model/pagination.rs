//! Detects offset/limit pagination: integer `offset` and `limit` query parameters and a success
//! body holding an item array (and, where given, a total count).

use super::schemas::TypeBuilder;
use super::{Operation, Pagination, ParamLocation, TypeKind, TypeRef};

/// Query parameter names read as the offset.
const OFFSET_NAMES: &[&str] = &["offset", "page[offset]"];
/// Query parameter names read as the page size.
const LIMIT_NAMES: &[&str] = &["limit", "page[limit]", "page[size]"];
/// Field names read as the total, most specific first (a filtered total bounds a filtered list).
const TOTAL_NAMES: &[&str] = &["total_filtered_count", "total_count", "total"];
/// How deep inside the body the total is looked for (`meta.pagination.total_count` is 3).
const TOTAL_MAX_DEPTH: usize = 4;

/// The operation's pagination, if it has the shape (and one success body type).
pub fn detect(op: &Operation, types: &TypeBuilder<'_>) -> Option<Pagination> {
    let offset_param = integer_query_param(op, OFFSET_NAMES)?;
    let limit_param = integer_query_param(op, LIMIT_NAMES)?;
    let mut successes = op.responses.iter().filter(|r| r.status.is_success());
    let body = successes.next()?.body.as_ref()?;
    // Several success bodies make the result an enum of them: no single page type to read.
    if successes.any(|r| r.body.as_ref().map(|b| &b.ty) != Some(&body.ty)) {
        return None;
    }
    let TypeRef::Named(body_name) = &body.ty else {
        return None;
    };
    let TypeKind::Struct(body_struct) = &types.lookup(body_name)?.kind else {
        return None;
    };
    let (items_field, item_type) = body_struct.fields.iter().find_map(|f| match &f.ty {
        TypeRef::Vec(item) => Some((f.rust_name.clone(), (**item).clone())),
        _ => None,
    })?;
    let total_path = TOTAL_NAMES
        .iter()
        .find_map(|name| find_integer_field(&body.ty, name, types, 0))
        .unwrap_or_default();
    Some(Pagination {
        offset_param,
        limit_param,
        items_field,
        item_type,
        total_path,
    })
}

/// Index of the first integer query parameter called one of `names`.
fn integer_query_param(op: &Operation, names: &[&str]) -> Option<usize> {
    op.params.iter().position(|p| {
        p.location == ParamLocation::Query
            && names.contains(&p.name.as_str())
            && matches!(p.ty, TypeRef::I32 | TypeRef::I64)
    })
}

/// The Rust field path from `ty` to an integer field called `name`, depth first in field order.
fn find_integer_field(
    ty: &TypeRef,
    name: &str,
    types: &TypeBuilder<'_>,
    depth: usize,
) -> Option<Vec<String>> {
    if depth >= TOTAL_MAX_DEPTH {
        return None;
    }
    let TypeRef::Named(type_name) = ty else {
        return None;
    };
    let TypeKind::Struct(s) = &types.lookup(type_name)?.kind else {
        return None;
    };
    s.fields.iter().find_map(|f| {
        if f.json_name == name && matches!(f.ty, TypeRef::I32 | TypeRef::I64) {
            Some(vec![f.rust_name.clone()])
        } else {
            let mut rest = find_integer_field(&f.ty, name, types, depth + 1)?;
            rest.insert(0, f.rust_name.clone());
            Some(rest)
        }
    })
}

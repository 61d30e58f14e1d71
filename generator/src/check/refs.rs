//! `$ref` resolution: what a reference names, and where a chain of references ends (or why
//! it does not).

use std::collections::HashMap;
use std::rc::Rc;

use serde_json::Value;

/// The value a local reference (`#/...`) names; `None` for external or dangling references.
pub fn target<'a>(document: &'a Value, reference: &str) -> Option<&'a Value> {
    document.pointer(reference.strip_prefix('#')?)
}

/// `value` itself, or the object its chain of `$ref`s ends at; `None` when a reference does not
/// resolve or the chain loops.
pub fn follow<'a>(document: &'a Value, value: &'a Value) -> Option<&'a Value> {
    follow_at(document, value, "").map(|(end, _)| end)
}

/// Like [`follow`], with the pointer of the object reached (`pointer` when `value` is no
/// `$ref`, else the last reference taken).
pub fn follow_at<'a>(
    document: &'a Value,
    value: &'a Value,
    pointer: &str,
) -> Option<(&'a Value, String)> {
    match value.get("$ref").and_then(Value::as_str) {
        Some(reference) => resolve(document, reference)
            .ok()
            .map(|(end, last)| (end, last.to_string())),
        None => Some((value, pointer.to_string())),
    }
}

/// Why a chain of references does not end at an object.
#[derive(Clone)]
pub(super) enum Broken<'a> {
    /// This reference names nothing in the document.
    Dangling(&'a str),
    /// The chain enters a loop of references, listed in order; `at` is the position of the
    /// first reference of the chain in the loop, when it is part of it.
    Cycle {
        refs: Rc<[&'a str]>,
        at: Option<usize>,
    },
}

/// Where a chain of references ends: the object and the last reference taken, or why not.
pub(super) type Resolution<'a> = Result<(&'a Value, &'a str), Broken<'a>>;

/// The object `reference` names, following further `$ref`s, and the last reference taken.
pub(super) fn resolve<'a>(document: &'a Value, reference: &'a str) -> Resolution<'a> {
    match target(document, reference) {
        // Most references name an object directly.
        Some(value) if value.get("$ref").and_then(Value::as_str).is_none() => {
            Ok((value, reference))
        }
        _ => resolve_with(document, reference, &mut HashMap::new()),
    }
}

/// [`resolve`], remembering in `known` where every reference met ends, so that resolving
/// every reference of a document takes time linear in the number of references.
pub(super) fn resolve_with<'a>(
    document: &'a Value,
    reference: &'a str,
    known: &mut HashMap<&'a str, Resolution<'a>>,
) -> Resolution<'a> {
    let mut chain: Vec<&'a str> = Vec::new();
    let mut position: HashMap<&'a str, usize> = HashMap::new();
    let mut current = reference;
    let end = loop {
        if let Some(end) = known.get(current) {
            break End::Known(end.clone());
        }
        if let Some(&start) = position.get(current) {
            break End::Loop(start);
        }
        position.insert(current, chain.len());
        chain.push(current);
        let Some(value) = target(document, current) else {
            break End::Known(Err(Broken::Dangling(current)));
        };
        match value.get("$ref").and_then(Value::as_str) {
            Some(next) => current = next,
            None => break End::Known(Ok((value, current))),
        }
    };
    let (end, loop_start) = match end {
        End::Known(Err(Broken::Cycle { refs, .. })) => {
            (Err(Broken::Cycle { refs, at: None }), None)
        }
        End::Known(resolution) => (resolution, None),
        End::Loop(start) => {
            let refs = chain[start..].into();
            (Err(Broken::Cycle { refs, at: None }), Some(start))
        }
    };
    for (i, taken) in chain.iter().enumerate() {
        let resolution = match &end {
            Err(Broken::Cycle { refs, .. }) => Err(Broken::Cycle {
                refs: refs.clone(),
                at: loop_start.and_then(|start| i.checked_sub(start)),
            }),
            other => other.clone(),
        };
        known.insert(taken, resolution);
    }
    known.get(reference).cloned().unwrap_or(end)
}

/// How following a chain of references stopped.
enum End<'a> {
    /// At a reference whose end is known (or just found).
    Known(Resolution<'a>),
    /// At a reference already taken, at this position of the chain.
    Loop(usize),
}

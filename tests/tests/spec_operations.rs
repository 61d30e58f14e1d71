//! spec/openapi.yaml lists exactly the documented operations, and every `$ref` in it resolves.

use std::collections::BTreeSet;

use openapiv3::{OpenAPI, Operation, ReferenceOr};
use serde_json::Value;

/// The hand-maintained spec, read at compile time so the test needs no file system layout.
const SPEC: &str = include_str!("../../spec/openapi.yaml");

/// Every operation the Datadog API pages document, as (method, path, operationId).
const DOCUMENTED_OPERATIONS: [(&str, &str, &str); 20] = [
    (
        "GET",
        "/api/v2/feature-flags/environments",
        "ListEnvironments",
    ),
    (
        "POST",
        "/api/v2/feature-flags/environments",
        "CreateEnvironment",
    ),
    (
        "GET",
        "/api/v2/feature-flags/environments/{environment_id}",
        "GetEnvironment",
    ),
    (
        "PUT",
        "/api/v2/feature-flags/environments/{environment_id}",
        "UpdateEnvironment",
    ),
    (
        "DELETE",
        "/api/v2/feature-flags/environments/{environment_id}",
        "DeleteEnvironment",
    ),
    ("GET", "/api/v2/feature-flags", "ListFeatureFlags"),
    ("POST", "/api/v2/feature-flags", "CreateFeatureFlag"),
    (
        "GET",
        "/api/v2/feature-flags/{feature_flag_id}",
        "GetFeatureFlag",
    ),
    (
        "PUT",
        "/api/v2/feature-flags/{feature_flag_id}",
        "UpdateFeatureFlag",
    ),
    (
        "POST",
        "/api/v2/feature-flags/{feature_flag_id}/archive",
        "ArchiveFeatureFlag",
    ),
    (
        "POST",
        "/api/v2/feature-flags/{feature_flag_id}/unarchive",
        "UnarchiveFeatureFlag",
    ),
    (
        "POST",
        "/api/v2/feature-flags/{feature_flag_id}/environments/{environment_id}/enable",
        "EnableFeatureFlagEnvironment",
    ),
    (
        "POST",
        "/api/v2/feature-flags/{feature_flag_id}/environments/{environment_id}/disable",
        "DisableFeatureFlagEnvironment",
    ),
    (
        "POST",
        "/api/v2/feature-flags/{feature_flag_id}/environments/{environment_id}/allocations",
        "CreateAllocation",
    ),
    (
        "PUT",
        "/api/v2/feature-flags/{feature_flag_id}/environments/{environment_id}/allocations",
        "ReplaceAllocations",
    ),
    (
        "POST",
        "/api/v2/feature-flags/exposure-schedules/{exposure_schedule_id}/start",
        "StartExposureSchedule",
    ),
    (
        "POST",
        "/api/v2/feature-flags/exposure-schedules/{exposure_schedule_id}/pause",
        "PauseExposureSchedule",
    ),
    (
        "POST",
        "/api/v2/feature-flags/exposure-schedules/{exposure_schedule_id}/resume",
        "ResumeExposureSchedule",
    ),
    (
        "POST",
        "/api/v2/feature-flags/exposure-schedules/{exposure_schedule_id}/stop",
        "StopExposureSchedule",
    ),
    (
        "POST",
        "/api/unstable/fleet/deployments/{deployment_id}/cancel",
        "CancelFleetDeployment",
    ),
];

fn parsed_spec() -> OpenAPI {
    serde_yaml::from_str(SPEC).expect("spec/openapi.yaml should parse as an OpenAPI 3.0 document")
}

/// Every operation of the spec with its upper-case method and path.
fn operations(spec: &OpenAPI) -> Vec<(String, &str, &Operation)> {
    spec.paths
        .iter()
        .flat_map(|(path, item)| {
            let ReferenceOr::Item(item) = item else {
                panic!("path item {path} is a $ref; the spec writes every path item inline");
            };
            item.iter()
                .map(move |(method, operation)| (method.to_uppercase(), path.as_str(), operation))
        })
        .collect()
}

/// Every `$ref` string anywhere in the document.
fn references(node: &Value, found: &mut Vec<String>) {
    match node {
        Value::Object(map) => {
            if let Some(Value::String(reference)) = map.get("$ref") {
                found.push(reference.clone());
            }
            map.values().for_each(|child| references(child, found));
        }
        Value::Array(items) => items.iter().for_each(|child| references(child, found)),
        _ => {}
    }
}

#[test]
fn spec_is_openapi_3_0_3() {
    assert_eq!(parsed_spec().openapi, "3.0.3");
}

#[test]
fn spec_has_exactly_the_documented_operations() {
    let spec = parsed_spec();
    let actual: BTreeSet<(String, String, Option<String>)> = operations(&spec)
        .into_iter()
        .map(|(method, path, operation)| (method, path.to_owned(), operation.operation_id.clone()))
        .collect();
    let expected: BTreeSet<(String, String, Option<String>)> = DOCUMENTED_OPERATIONS
        .iter()
        .map(|(method, path, id)| {
            (
                (*method).to_owned(),
                (*path).to_owned(),
                Some((*id).to_owned()),
            )
        })
        .collect();
    let missing: Vec<_> = expected.difference(&actual).collect();
    let extra: Vec<_> = actual.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing from the spec: {missing:#?}\nnot documented: {extra:#?}"
    );
}

#[test]
fn every_reference_resolves_inside_components() {
    let document: Value =
        serde_yaml::from_str(SPEC).expect("spec/openapi.yaml should parse as YAML");
    let mut found = Vec::new();
    references(&document, &mut found);
    assert!(
        !found.is_empty(),
        "the spec is expected to reference its component schemas"
    );
    let unresolved: Vec<&String> = found
        .iter()
        .filter(|reference| {
            let pointer = reference.strip_prefix('#').unwrap_or(reference);
            !pointer.starts_with("/components/") || document.pointer(pointer).is_none()
        })
        .collect();
    assert!(unresolved.is_empty(), "unresolved $refs: {unresolved:#?}");
}

#[test]
fn every_operation_requires_both_keys_and_names_its_permissions() {
    let spec = parsed_spec();
    for (method, path, operation) in operations(&spec) {
        let security = operation
            .security
            .as_ref()
            .expect("every operation states its security");
        let schemes: Vec<BTreeSet<&str>> = security
            .iter()
            .map(|requirement| requirement.keys().map(String::as_str).collect())
            .collect();
        assert_eq!(
            schemes,
            [BTreeSet::from(["apiKey", "appKey"])],
            "{method} {path}"
        );
        let permissions = operation
            .extensions
            .get("x-permissions")
            .and_then(Value::as_array);
        assert!(
            permissions.is_some_and(|list| !list.is_empty() && list.iter().all(Value::is_string)),
            "{method} {path} needs a non-empty x-permissions list of strings"
        );
    }
}

#[test]
fn only_the_preview_operation_is_unstable() {
    let spec = parsed_spec();
    let unstable: Vec<Option<String>> = operations(&spec)
        .into_iter()
        .filter(|(_, _, operation)| {
            operation
                .extensions
                .get("x-unstable")
                .is_some_and(Value::is_string)
        })
        .map(|(_, _, operation)| operation.operation_id.clone())
        .collect();
    assert_eq!(unstable, [Some("CancelFleetDeployment".to_owned())]);
}

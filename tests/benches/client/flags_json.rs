//! The list-flags response body the decode benchmarks read: the spec's `ListFeatureFlags`
//! example flag, replicated with varied ids, each carrying one property and one enum value
//! that the spec does not list (so keeping unknown data costs what it costs).
//!
//! Shared by file path with bench/official-comparison, so both decode the same bytes.

use serde_json::Value;

/// Where the response example sits in the spec.
const EXAMPLE_POINTER: &str =
    "/paths/~1api~1v2~1feature-flags/get/responses/200/content/application~1json/example";

/// A property the spec does not list, added to every flag's attributes.
pub const UNKNOWN_FIELD: &str = "owner_team";
/// An environment status the spec does not list, given to every flag's first environment.
pub const UNKNOWN_STATUS: &str = "PAUSED";

/// The JSON body of a `ListFeatureFlags` response with `flags` flags, built from the
/// example in `spec_yaml` (the text of spec/openapi.yaml).
pub fn list_response(spec_yaml: &str, flags: usize) -> Result<Vec<u8>, String> {
    let spec: Value = serde_yaml::from_str(spec_yaml).map_err(|e| e.to_string())?;
    let mut example = spec
        .pointer(EXAMPLE_POINTER)
        .cloned()
        .ok_or("the spec has no ListFeatureFlags 200 example")?;
    let template = example
        .pointer("/data/0")
        .cloned()
        .ok_or("the ListFeatureFlags example lists no flag")?;
    let data = (0..flags)
        .map(|index| varied_flag(&template, index))
        .collect::<Result<Vec<Value>, String>>()?;
    example["data"] = Value::Array(data);
    if let Some(page) = example.pointer_mut("/meta/page") {
        page["total_count"] = flags.into();
        page["total_filtered_count"] = flags.into();
    }
    serde_json::to_vec(&example).map_err(|e| e.to_string())
}

/// The example flag with its own id, key and name, one unknown property and one unknown
/// enum value.
fn varied_flag(template: &Value, index: usize) -> Result<Value, String> {
    let mut flag = template.clone();
    flag["id"] = format!("550e8400-e29b-41d4-a716-{index:012x}").into();
    let attributes = flag
        .get_mut("attributes")
        .and_then(Value::as_object_mut)
        .ok_or("the example flag has no attributes object")?;
    attributes.insert("key".into(), format!("feature-flag-{index}").into());
    attributes.insert("name".into(), format!("Feature Flag {index}").into());
    attributes.insert(UNKNOWN_FIELD.into(), format!("team-{}", index % 7).into());
    let status = flag
        .pointer_mut("/attributes/feature_flag_environments/0/status")
        .ok_or("the example flag has no environment status")?;
    *status = UNKNOWN_STATUS.into();
    Ok(flag)
}

//! Behaviour of generated structs: three-state nullable fields, null optional fields, unknown
//! properties kept, required fields enforced, defaults, constructors and setters.

use fixture_objects::models::{Record, RecordOwner};
use serde_json::{json, Value};

fn record_json() -> Value {
    json!({
        "id": "6f1c2b9e-3f59-4c1e-9d1a-2f0d1b6f4e10",
        "name": "first",
        "created_at": "2024-05-01T12:30:00Z",
        "birthday": "2020-02-29",
        "photo": "aGVsbG8=",
        "small": 7,
        "large": 9007199254740993i64,
        "ratio": 0.5,
        "score": 1.25,
        "note": null,
        "comment": null,
        "type": "kind",
        "2fa": true,
        "camelCase": "c",
        "metadata": {"nested": [1, 2, {"x": null}]},
        "owner": {"email": "a@example.com", "display_name": null, "team": "core"},
        "server_only": {"added": "later"},
        "flag": false
    })
}

#[test]
fn a_record_read_and_sent_back_unchanged_loses_nothing() {
    let original = record_json();
    let record: Record = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(serde_json::to_value(&record).unwrap(), original);
}

#[test]
fn unknown_properties_are_kept_in_arrival_order() {
    let record: Record = serde_json::from_value(record_json()).unwrap();
    let keys: Vec<&str> = record
        .additional_properties
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(keys, ["server_only", "flag"]);
    let owner = record.owner.as_ref().unwrap();
    assert_eq!(owner.additional_properties["team"], json!("core"));
}

#[test]
fn a_nullable_optional_field_has_three_states() {
    let mut value = record_json();
    let absent: Record = {
        value.as_object_mut().unwrap().remove("comment");
        serde_json::from_value(value.clone()).unwrap()
    };
    assert_eq!(absent.comment, None);
    value["comment"] = Value::Null;
    let null: Record = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(null.comment, Some(None));
    value["comment"] = json!("text");
    let set: Record = serde_json::from_value(value).unwrap();
    assert_eq!(set.comment, Some(Some("text".to_string())));
    assert!(!serde_json::to_value(&absent)
        .unwrap()
        .as_object()
        .unwrap()
        .contains_key("comment"));
    assert_eq!(serde_json::to_value(&null).unwrap()["comment"], Value::Null);
}

#[test]
fn null_in_a_non_nullable_optional_field_reads_as_absent() {
    let mut value = record_json();
    value["birthday"] = Value::Null;
    value["small"] = Value::Null;
    let record: Record = serde_json::from_value(value).unwrap();
    assert_eq!(record.birthday, None);
    assert_eq!(record.small, None);
    let sent = serde_json::to_value(&record).unwrap();
    assert!(!sent.as_object().unwrap().contains_key("birthday"));
}

#[test]
fn a_missing_required_field_is_an_error_naming_it() {
    let mut value = record_json();
    value.as_object_mut().unwrap().remove("name");
    let error = serde_json::from_value::<Record>(value).unwrap_err();
    assert!(
        error.to_string().contains("missing field `name`"),
        "{error}"
    );
}

#[test]
fn constructors_take_required_fields_and_setters_the_rest() {
    let created = "2024-05-01T12:30:00Z".parse().unwrap();
    let record = Record::new("n".to_string(), created, None)
        .with_comment(None)
        .with_owner(RecordOwner::new("a@example.com".to_string()))
        .with_type_("t".to_string());
    let sent = serde_json::to_value(&record).unwrap();
    assert_eq!(
        sent,
        json!({
            "name": "n",
            "created_at": "2024-05-01T12:30:00Z",
            "note": null,
            "comment": null,
            "type": "t",
            "owner": {"email": "a@example.com"}
        })
    );
}

#[test]
fn defaults_fill_in_absent_scalars() {
    let record: Record = serde_json::from_value(record_json()).unwrap();
    assert!(record.enabled_or_default());
    assert_eq!(record.retries_or_default(), 3);
    assert_eq!(record.label_or_default(), "none");
    let record = record.with_retries(5);
    assert_eq!(record.retries_or_default(), 5);
}

#[test]
fn read_only_and_write_only_fields_are_optional() {
    let mut value = record_json();
    value.as_object_mut().unwrap().remove("id");
    let record: Record = serde_json::from_value(value).unwrap();
    assert_eq!(record.id, None);
    assert_eq!(record.password, None);
}

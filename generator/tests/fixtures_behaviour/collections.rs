//! Behaviour of arrays, maps and free-form values.

use std::collections::BTreeMap;

use fixture_collections::models::{Inventory, Labels, Scores, TagList};
use serde_json::json;

#[test]
fn every_collection_round_trips() {
    let original = json!({
        "names": ["a", "b"],
        "matrix": [[1.5, 2.0], []],
        "lines": [{"sku": "x", "quantity": 2, "extra": true}],
        "tags": [{"name": "t"}],
        "holes": ["a", null, "c"],
        "counts": {"one": 1, "big": 9007199254740993i64},
        "anything": {"k": [null, {"deep": 1}]},
        "by_tag": {"t": {"weight": 0.5}},
        "free": {"x": 1},
        "untyped": 42
    });
    let inventory: Inventory = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(
        inventory.holes.as_deref(),
        Some(&[Some("a".to_string()), None, Some("c".to_string())][..])
    );
    assert_eq!(inventory.counts.as_ref().unwrap()["big"], 9007199254740993);
    assert_eq!(
        inventory.lines.as_ref().unwrap()[0].additional_properties["extra"],
        json!(true)
    );
    assert_eq!(serde_json::to_value(&inventory).unwrap(), original);
}

#[test]
fn named_arrays_and_maps_are_plain_collections() {
    let tags: TagList = serde_json::from_value(json!([{"name": "a"}])).unwrap();
    assert_eq!(tags[0].name, "a");
    let labels: Labels = BTreeMap::from([("env".to_string(), "prod".to_string())]);
    assert_eq!(
        serde_json::to_value(&labels).unwrap(),
        json!({"env": "prod"})
    );
}

#[test]
fn typed_additional_properties_are_checked() {
    let scores: Scores = serde_json::from_value(json!({"total": 3, "alice": 1, "bob": 2})).unwrap();
    assert_eq!(scores.additional_properties.len(), 2);
    assert!(serde_json::from_value::<Scores>(json!({"total": 3, "alice": "one"})).is_err());
}

//! Required names that a sibling `allOf` part declares are required there; one declared
//! nowhere is a required field holding any JSON value.

use fixture_required::models::{Loose, Named};
use serde_json::json;

#[test]
fn a_property_declared_in_a_sibling_all_of_part_is_required() {
    let named = Named::new("n".to_string(), 7);
    assert_eq!(
        serde_json::to_value(&named).unwrap(),
        json!({"name": "n", "id": 7})
    );
    let missing = serde_json::from_value::<Named>(json!({"id": 7})).unwrap_err();
    assert!(missing.to_string().contains("missing field `name`"), "{missing}");
}

#[test]
fn a_property_declared_nowhere_is_required_and_holds_any_value() {
    let loose: Loose = serde_json::from_value(json!({"kind": "k", "extra": [1, {"a": null}]})).unwrap();
    assert_eq!(loose.extra, json!([1, {"a": null}]));
    assert_eq!(
        serde_json::to_value(Loose::new("k".to_string(), json!(true))).unwrap(),
        json!({"kind": "k", "extra": true})
    );
    let missing = serde_json::from_value::<Loose>(json!({"kind": "k"})).unwrap_err();
    assert!(missing.to_string().contains("missing field `extra`"), "{missing}");
}

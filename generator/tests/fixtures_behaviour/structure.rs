//! `type: object` with `oneOf`, `allOf` of a `oneOf` and a description-only part, a `$ref`
//! with a nullable sibling and a `$ref` into part of a component, decoded and encoded.

use fixture_structure::models::{DescribedPet, Owner, Pet, TagAllOf0};
use serde_json::json;

#[test]
fn every_structure_decodes_to_its_type_and_encodes_back() {
    let value = json!({
        "pet": {"bark": 3},
        "best_friend": null,
        "described": {"meow": true},
        "label_only": {"label": "l"},
        "tags": [{"label": "a", "extra": 1}]
    });
    let owner: Owner = serde_json::from_value(value.clone()).expect("decodes");
    assert!(matches!(owner.pet, Pet::Dog(ref dog) if dog.bark == 3));
    assert_eq!(owner.best_friend, None);
    assert!(matches!(owner.described, Some(DescribedPet::Cat(ref cat)) if cat.meow));
    let label: &TagAllOf0 = owner.label_only.as_ref().expect("label_only");
    assert_eq!(label.label, "l");
    assert_eq!(serde_json::to_value(&owner).expect("encodes"), value);
}

#[test]
fn a_nullable_ref_sibling_makes_the_required_field_nullable_not_optional() {
    let missing = serde_json::from_value::<Owner>(json!({"pet": {"meow": false}}));
    assert!(missing.is_ok(), "a required nullable field may be absent: {missing:?}");
    let cat = serde_json::from_value::<Owner>(json!({"pet": {"meow": false}, "best_friend": {"meow": true}}))
        .expect("decodes");
    assert!(cat.best_friend.is_some_and(|c| c.meow));
}

//! Behaviour of allOf structs and oneOf/anyOf enums.

use fixture_composition::models::{Bird, Cat, Identifier, IdentifierComposite, Owner, Pet, Shape};
use serde_json::json;

#[test]
fn all_of_merges_the_fields_of_every_part() {
    let cat = Cat::new("cat".to_string(), "Tom".to_string()).with_lives(9);
    assert_eq!(
        serde_json::to_value(&cat).unwrap(),
        json!({"kind": "cat", "name": "Tom", "lives": 9})
    );
}

#[test]
fn the_discriminator_picks_the_variant_which_keeps_the_tag() {
    let original = json!({"kind": "dog", "name": "Rex", "good": true});
    let pet: Pet = serde_json::from_value(original.clone()).unwrap();
    let Pet::Dog(dog) = &pet else {
        panic!("not a dog: {pet:?}")
    };
    assert_eq!(dog.kind, "dog");
    assert!(dog.good);
    assert_eq!(serde_json::to_value(&pet).unwrap(), original);
}

#[test]
fn an_unknown_tag_is_kept_and_sent_back() {
    let original = json!({"kind": "fish", "fins": 2});
    let pet: Pet = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(pet, Pet::Unknown(original.clone()));
    assert_eq!(serde_json::to_value(&pet).unwrap(), original);
}

#[test]
fn a_variant_without_the_tag_property_gets_it_when_sent() {
    let pet = Pet::Bird(Bird::new().with_wingspan(0.3));
    assert_eq!(
        serde_json::to_value(&pet).unwrap(),
        json!({"wingspan": 0.3, "kind": "bird"})
    );
    let back: Pet = serde_json::from_value(json!({"kind": "bird", "wingspan": 0.3})).unwrap();
    assert!(matches!(back, Pet::Bird(_)));
}

#[test]
fn untagged_alternatives_are_tried_in_order() {
    let cases = [
        (json!(7), "Integer"),
        (json!("6f1c2b9e-3f59-4c1e-9d1a-2f0d1b6f4e10"), "Uuid"),
        (json!("plain"), "String"),
        (json!({"a": "x", "b": "y"}), "Composite"),
        (json!([1]), "Unknown"),
    ];
    for (value, expected) in cases {
        let id: Identifier = serde_json::from_value(value.clone()).unwrap();
        let got = match &id {
            Identifier::Integer(_) => "Integer",
            Identifier::Uuid(_) => "Uuid",
            Identifier::String(_) => "String",
            Identifier::Composite(IdentifierComposite { .. }) => "Composite",
            Identifier::Unknown(_) => "Unknown",
        };
        assert_eq!(got, expected, "{value}");
        assert_eq!(serde_json::to_value(&id).unwrap(), value);
    }
}

#[test]
fn any_of_is_an_untagged_union() {
    let shape: Shape = serde_json::from_value(json!(["a"])).unwrap();
    assert_eq!(shape, Shape::Array(vec!["a".to_string()]));
}

#[test]
fn a_nullable_all_of_wrapper_is_the_wrapped_type() {
    let owner: Owner =
        serde_json::from_value(json!({"pet": {"kind": "cat", "name": "Tom"}, "nickname": null}))
            .unwrap();
    assert_eq!(owner.nickname, Some(None));
    assert!(matches!(owner.pet, Pet::Cat(_)));
}

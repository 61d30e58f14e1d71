//! Behaviour of types that came from other files: a pet (schemas/pet.yaml) decodes through
//! its owner (schemas/owner.json), whose pets are pets again (a cycle across two files).

use fixture_multi_file::models::{Owner, Pet, Problem};
use serde_json::json;

#[test]
fn a_pet_decodes_through_its_owner_from_another_file_and_back() {
    let original = json!({
        "id": 7,
        "name": "Rex",
        "owner": {"name": "Ada", "pets": [{"id": 8, "name": "Tom"}], "since": 2019}
    });
    let pet: Pet = serde_json::from_value(original.clone()).unwrap();
    let owner: &Owner = pet.owner.as_ref().unwrap();
    assert_eq!(owner.name, "Ada");
    assert_eq!(owner.pets.as_ref().unwrap()[0].id, 8);
    assert_eq!(owner.additional_properties["since"], json!(2019));
    assert_eq!(serde_json::to_value(&pet).unwrap(), original);
}

#[test]
fn a_required_field_from_the_json_file_is_required() {
    let missing_name = json!({"id": 1, "name": "Rex", "owner": {"pets": []}});
    let error = serde_json::from_value::<Pet>(missing_name).unwrap_err();
    assert!(error.to_string().contains("name"), "{error}");
}

#[test]
fn a_schema_named_by_fragment_decodes() {
    let problem: Problem = serde_json::from_value(json!({"message": "no such pet"})).unwrap();
    assert_eq!(problem.message.as_deref(), Some("no such pet"));
}

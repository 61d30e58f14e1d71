//! The pet store's models: a pet read (GET) and sent back (PUT) loses nothing.

use fixture_petstore::models::{NewPet, Pet, PetList, PetStatus, PetStatusFilter};
use serde_json::json;

#[test]
fn get_then_put_loses_nothing() {
    let response = json!({
        "data": [
            {"id": 1, "name": "Rex", "status": "sold", "tags": [{"name": "dog", "color": "brown"}],
             "born_at": null, "vaccinated": true},
            {"id": 2, "name": "Tom", "status": "adopted-elsewhere", "category": {"id": 3, "name": "cats", "legs": 4}}
        ],
        "meta": {"page": 1}
    });
    let list: PetList = serde_json::from_value(response.clone()).unwrap();
    assert_eq!(list.data[0].status, Some(PetStatus::Sold));
    assert_eq!(
        list.data[1].status,
        Some(PetStatus::Unknown("adopted-elsewhere".to_string()))
    );
    for (pet, original) in list.data.iter().zip(response["data"].as_array().unwrap()) {
        assert_eq!(&serde_json::to_value(pet).unwrap(), original);
    }
    assert_eq!(serde_json::to_value(&list).unwrap(), response);
}

#[test]
fn a_new_pet_needs_only_its_name() {
    let pet = NewPet::new("Rex".to_string()).with_status(PetStatusFilter::Available);
    assert_eq!(
        serde_json::to_value(&pet).unwrap(),
        json!({"name": "Rex", "status": "available"})
    );
    let minimal = Pet::new("Tom".to_string());
    assert_eq!(
        serde_json::to_value(&minimal).unwrap(),
        json!({"name": "Tom"})
    );
}

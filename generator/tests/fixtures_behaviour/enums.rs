//! Behaviour of generated enums: known values, unknown ones kept and sent back unchanged.

use fixture_enums::models::{OddValues, Priority, Status, Task, TaskKind, TaskMode};
use serde_json::json;

#[test]
fn known_string_values_decode_to_variants() {
    let status: Status = serde_json::from_value(json!("ARCHIVED")).unwrap();
    assert_eq!(status, Status::Archived);
    assert_eq!(status.as_str(), "ARCHIVED");
    assert_eq!(status.to_string(), "ARCHIVED");
    assert_eq!("paused".parse::<Status>().unwrap(), Status::Paused);
}

#[test]
fn unknown_string_values_are_kept_and_sent_back() {
    let status: Status = serde_json::from_value(json!("deleted")).unwrap();
    assert_eq!(status, Status::Unknown("deleted".to_string()));
    assert_eq!(serde_json::to_value(&status).unwrap(), json!("deleted"));
}

#[test]
fn integer_enums_keep_unknown_values() {
    let known: Priority = serde_json::from_value(json!(-1)).unwrap();
    assert_eq!(known, Priority::Minus1);
    let unknown: Priority = serde_json::from_value(json!(42)).unwrap();
    assert_eq!(unknown, Priority::Unknown(42));
    assert_eq!(serde_json::to_value(unknown).unwrap(), json!(42));
    assert_eq!(unknown.as_i64(), 42);
    assert!(serde_json::from_value::<Priority>(json!("1")).is_err());
}

#[test]
fn awkward_values_round_trip() {
    for value in ["", "1st", "a b", "unknown", "self", "type"] {
        let decoded: OddValues = serde_json::from_value(json!(value)).unwrap();
        assert!(
            !matches!(decoded, OddValues::Unknown(_)),
            "{value} was not recognised"
        );
        assert_eq!(serde_json::to_value(&decoded).unwrap(), json!(value));
    }
    assert_eq!(OddValues::from("unknown"), OddValues::UnknownValue);
}

#[test]
fn a_task_with_unknown_values_round_trips() {
    let original = json!({"kind": "tasks", "status": "new-status", "priority": 9, "mode": "turbo", "levels": [10, 30]});
    let task: Task = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(task.mode, Some(TaskMode::Unknown("turbo".to_string())));
    assert_eq!(serde_json::to_value(&task).unwrap(), original);
}

#[test]
fn an_enum_default_is_a_variant() {
    let task = Task::new(Status::Active);
    assert_eq!(task.mode_or_default(), TaskMode::Slow);
}

#[test]
fn new_fills_in_a_required_single_value_enum() {
    let task = Task::new(Status::Paused);
    assert_eq!(task.kind, TaskKind::Tasks);
    assert_eq!(
        serde_json::to_value(&task).unwrap(),
        json!({"kind": "tasks", "status": "paused"})
    );
}

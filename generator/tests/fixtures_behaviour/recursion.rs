//! Behaviour of recursive types: boxed fields decode and encode at any depth.

use fixture_recursion::models::{Expression, Sum, TreeNode};
use serde_json::json;

#[test]
fn a_tree_decodes_through_boxed_and_vec_fields() {
    let original = json!({
        "label": "child",
        "parent": {"label": "root"},
        "children": [{"label": "leaf", "children": []}]
    });
    let node: TreeNode = serde_json::from_value(original.clone()).unwrap();
    assert_eq!(node.parent.as_ref().unwrap().label, "root");
    assert_eq!(node.children.as_ref().unwrap()[0].label, "leaf");
    assert_eq!(serde_json::to_value(&node).unwrap(), original);
}

#[test]
fn recursion_through_a_union_is_boxed() {
    let sum = Sum::new(
        Expression::Number(1.0),
        Expression::Sum(Sum::new(Expression::Number(2.0), Expression::Number(3.0))),
    );
    let value = serde_json::to_value(&sum).unwrap();
    assert_eq!(
        value,
        json!({"left": 1.0, "right": {"left": 2.0, "right": 3.0}})
    );
    let back: Sum = serde_json::from_value(value).unwrap();
    assert_eq!(back, sum);
}

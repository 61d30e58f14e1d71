//! Synthetic specs of any size, for checking that generation time grows linearly.
//!
//! Schema `Thing{i}` has the field kinds the project spec uses (uuid, date-time, integer,
//! string enum, array, optional reference to the previous schema); every fourth schema
//! also gets a `GET` operation returning it, so operations scale with schemas too.

use serde_json::{json, Map, Value};

/// A valid OpenAPI 3.0 document, as YAML, with `schemas` component schemas.
pub fn spec_yaml(schemas: usize) -> Result<String, serde_yaml::Error> {
    let mut components = Map::new();
    let mut paths = Map::new();
    for index in 0..schemas {
        components.insert(format!("Thing{index}"), schema(index));
        if index % 4 == 0 {
            paths.insert(format!("/things{index}/{{thing_id}}"), operation(index));
        }
    }
    let document = json!({
        "openapi": "3.0.3",
        "info": { "title": "Synthetic API", "version": "1.0.0", "description": "Generated for benchmarks." },
        "servers": [{ "url": "https://api.example.com" }],
        "security": [{ "apiKey": [] }],
        "paths": paths,
        "components": {
            "securitySchemes": {
                "apiKey": { "type": "apiKey", "in": "header", "name": "X-API-KEY" }
            },
            "schemas": components
        }
    });
    serde_yaml::to_string(&document)
}

/// `Thing{index}`: an object with every common field kind.
fn schema(index: usize) -> Value {
    let mut properties = json!({
        "id": { "type": "string", "format": "uuid", "description": "The identifier." },
        "name": { "type": "string", "description": "The display name." },
        "count": { "type": "integer", "format": "int64", "description": "How many there are." },
        "status": {
            "type": "string",
            "enum": ["ACTIVE", "INACTIVE", "ARCHIVED"],
            "description": "The lifecycle state."
        },
        "created_at": { "type": "string", "format": "date-time", "description": "When it was created." },
        "tags": { "type": "array", "items": { "type": "string" }, "description": "Free-form tags." },
        "enabled": { "type": "boolean", "nullable": true, "description": "Whether it is on." }
    });
    if let (Some(properties), Some(previous)) = (properties.as_object_mut(), index.checked_sub(1)) {
        properties.insert(
            "parent".to_string(),
            json!({ "$ref": format!("#/components/schemas/Thing{previous}") }),
        );
    }
    json!({
        "type": "object",
        "description": format!("Synthetic schema number {index}."),
        "required": ["id", "name", "status"],
        "properties": properties
    })
}

/// `GET /things{index}/{thing_id}` returning `Thing{index}`.
fn operation(index: usize) -> Value {
    json!({
        "get": {
            "operationId": format!("GetThing{index}"),
            "summary": format!("Get thing {index}"),
            "parameters": [{
                "name": "thing_id",
                "in": "path",
                "required": true,
                "schema": { "type": "string" }
            }],
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {
                        "application/json": {
                            "schema": { "$ref": format!("#/components/schemas/Thing{index}") }
                        }
                    }
                }
            }
        }
    })
}

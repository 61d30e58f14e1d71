//! Forward compatibility with a server newer than the spec: an unknown enum value and an
//! unknown field read by a GET are sent back byte for byte by a PUT, and optional fields the
//! server sends as `null` decode as absent.

#[path = "../support/client.rs"]
mod client;
#[path = "../support/json.rs"]
mod json;
#[path = "../support/server.rs"]
mod server;
#[path = "../support/spec.rs"]
mod spec;

use datadog_feature_flags::models::{
    EnvironmentResourceType, FeatureFlagResponse, UpdateEnvironmentRequest,
};
use datadog_feature_flags::Error;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use server::{received, reply};

/// The environment the round trip reads and writes.
const ENVIRONMENT_ID: &str = "550e8400-e29b-41d4-a716-446655440001";
/// Its path.
const ENVIRONMENT_PATH: &str =
    "/api/v2/feature-flags/environments/550e8400-e29b-41d4-a716-446655440001";
/// A resource type the spec does not list, as the server sends it.
const UNKNOWN_TYPE: &str = r#""type":"environments-v2""#;
/// A field the spec does not list, as the server sends it: nested, keys not sorted.
const UNKNOWN_FIELD: &str = r#""rollout_window":{"zone":"eu-west","hours":[9,17],"strict":true}"#;

/// A `GetEnvironment` body from a newer server: every known field, then the unknown ones.
fn newer_environment() -> String {
    format!(
        concat!(
            r#"{{"data":{{"attributes":{{"created_at":"2023-01-01T00:00:00Z","#,
            r#""is_production":false,"key":"staging","name":"Staging","queries":["staging"],"#,
            r#""require_feature_flag_approval":false,"updated_at":"2023-01-01T00:00:00Z",{}}},"#,
            r#""id":"{}",{}}}}}"#
        ),
        UNKNOWN_FIELD, ENVIRONMENT_ID, UNKNOWN_TYPE
    )
}

#[tokio::test]
async fn unknown_enum_value_and_field_survive_a_get_put_round_trip_byte_for_byte(
) -> Result<(), Error> {
    let server = MockServer::start().await;
    let fetched_body = newer_environment();
    Mock::given(method("GET"))
        .and(path(ENVIRONMENT_PATH))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(fetched_body.clone(), "application/json"),
        )
        .mount(&server)
        .await;
    let update = spec::operation("UpdateEnvironment");
    Mock::given(method("PUT"))
        .and(path(ENVIRONMENT_PATH))
        .respond_with(reply(
            update.success().status,
            update.success().example.as_ref(),
        ))
        .mount(&server)
        .await;
    let client = client::builder(&server).build()?;
    let flags = client.feature_flags();

    let fetched = flags.get_environment(ENVIRONMENT_ID).await?;
    assert_eq!(
        fetched.data.type_,
        EnvironmentResourceType::Unknown("environments-v2".to_owned())
    );
    let encoded_again = serde_json::to_value(&fetched).expect("responses encode");
    let original: Value = serde_json::from_str(&fetched_body).expect("the test body is JSON");
    assert_eq!(json::difference(&original, &encoded_again), None);

    let mut body: UpdateEnvironmentRequest = update.body();
    body.data.type_ = fetched.data.type_.clone();
    body.data.attributes.additional_properties =
        fetched.data.attributes.additional_properties.clone();
    flags.update_environment(ENVIRONMENT_ID, &body).await?;

    let requests = received(&server).await;
    let put = requests
        .iter()
        .find(|request| request.method.as_str() == "PUT")
        .expect("the PUT was sent");
    let sent = String::from_utf8_lossy(&put.body);
    assert!(
        sent.contains(UNKNOWN_TYPE),
        "the unknown type is sent back as received: {sent}"
    );
    assert!(
        sent.contains(UNKNOWN_FIELD),
        "the unknown field is sent back as received: {sent}"
    );
    Ok(())
}

#[tokio::test]
async fn optional_fields_sent_as_null_decode_as_absent() -> Result<(), Error> {
    let get = spec::operation("GetFeatureFlag");
    let mut flag = get
        .success()
        .example
        .clone()
        .expect("GetFeatureFlag has an example");
    let optional = spec::optional_properties("FeatureFlagAttributes");
    assert!(
        !optional.is_empty(),
        "FeatureFlagAttributes has optional fields"
    );
    for name in &optional {
        flag["data"]["attributes"][name.as_str()] = Value::Null;
    }
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(reply(200, Some(&flag)))
        .mount(&server)
        .await;
    let client = client::builder(&server).build()?;

    let decoded: FeatureFlagResponse = client
        .feature_flags()
        .get_feature_flag(get.path_example("feature_flag_id"))
        .await?;
    let attributes = &decoded.data.attributes;
    assert_eq!(attributes.archived_at, None);
    assert_eq!(attributes.tags, None);
    assert_eq!(attributes.feature_flag_environments, None);
    assert!(
        attributes.additional_properties.is_empty(),
        "known fields sent as null are not kept as unknown ones: {:?}",
        attributes.additional_properties
    );
    let encoded_again = serde_json::to_value(&decoded).expect("responses encode");
    let present: Vec<&String> = optional
        .iter()
        .filter(|name| {
            encoded_again["data"]["attributes"]
                .get(name.as_str())
                .is_some()
        })
        .collect();
    assert!(
        present.is_empty(),
        "absent fields are not sent back: {present:?}"
    );
    assert_eq!(
        encoded_again["data"]["attributes"]["key"],
        json!("feature-flag-abc123")
    );
    Ok(())
}

/// This package's build cannot see the problem the round trip above guards against: the
/// generator (a dev-dependency here) enables serde_json's `preserve_order`, and Cargo unifies
/// features, so nested unknown objects keep their key order in these tests even when a user's
/// build of the generated crate alone would sort them. Check the generated manifest instead.
#[test]
fn generated_crate_keeps_unknown_objects_in_order_in_a_users_build() {
    let manifest_path = concat!(env!("CARGO_MANIFEST_DIR"), "/../generated/Cargo.toml");
    let manifest = std::fs::read_to_string(manifest_path).expect("generated/Cargo.toml exists");
    let serde_json = manifest
        .lines()
        .find(|line| line.trim_start().starts_with("serde_json"))
        .expect("the generated crate depends on serde_json");
    assert!(
        serde_json.contains("preserve_order") || serde_json.contains("raw_value"),
        "{serde_json}"
    );
}

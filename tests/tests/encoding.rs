//! Wire encodings: JSON:API responses (`application/vnd.api+json`) decode like JSON, and
//! path parameters are percent-encoded as one segment (a space as `%20`).

#[path = "../support/client.rs"]
mod client;
#[path = "../support/json.rs"]
mod json;
#[path = "../support/server.rs"]
mod server;
#[path = "../support/spec.rs"]
mod spec;

use datadog_feature_flags::Error;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

use server::received;

#[tokio::test]
async fn vnd_api_json_responses_decode_like_json() -> Result<(), Error> {
    let get = spec::operation("GetFeatureFlag");
    let example = get
        .success()
        .example
        .clone()
        .expect("GetFeatureFlag has an example");
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(example.to_string(), "application/vnd.api+json"),
        )
        .mount(&server)
        .await;
    let client = client::builder(&server).build()?;
    let flag = client
        .feature_flags()
        .get_feature_flag(get.path_example("feature_flag_id"))
        .await?;
    let decoded = serde_json::to_value(flag).expect("responses encode");
    assert_eq!(json::difference(&example, &decoded), None);
    Ok(())
}

#[tokio::test]
async fn path_parameters_are_percent_encoded_as_one_segment() -> Result<(), Error> {
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .respond_with(ResponseTemplate::new(204))
        .mount(&server)
        .await;
    let client = client::builder(&server).build()?;
    client
        .feature_flags()
        .delete_environment("staging eu/1?x#y")
        .await?;
    let requests = received(&server).await;
    let paths: Vec<&str> = requests.iter().map(|request| request.url.path()).collect();
    assert_eq!(
        paths,
        ["/api/v2/feature-flags/environments/staging%20eu%2F1%3Fx%23y"]
    );
    assert_eq!(
        requests[0].url.query(),
        None,
        "`?` stays inside the segment"
    );
    Ok(())
}

//! API errors: the error body with status and rate-limit headers, shown readably.

use client_runtime_template::{ApiError, Error, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, get_flag};

/// The API error of fetching a flag from a server answering `response`, without retries.
async fn api_error(response: ResponseTemplate) -> ApiError {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(response)
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("valid");
    match client.execute(get_flag("f")).await {
        Err(Error::Api(error)) => error,
        other => panic!("expected an API error, got {other:?}"),
    }
}

#[tokio::test]
async fn an_errors_list_of_strings_is_kept_and_shown() {
    let error = api_error(ResponseTemplate::new(404).set_body_raw(
        r#"{"errors":["Feature flag not found"]}"#,
        "application/json",
    ))
    .await;
    assert_eq!(error.status(), 404);
    assert_eq!(error.operation(), "GetFeatureFlag");
    assert_eq!(error.errors(), ["Feature flag not found"]);
    let body: serde_json::Value = error.json().expect("a JSON body");
    assert_eq!(body["errors"][0], "Feature flag not found");
    let shown = error.to_string();
    assert!(
        shown.contains("404") && shown.contains("Feature flag not found"),
        "{shown}"
    );
    assert!(shown.contains("GetFeatureFlag"), "{shown}");
}

#[tokio::test]
async fn json_api_error_objects_become_title_and_detail() {
    let body = r#"{"errors":[{"status":"400","title":"Bad Request","detail":"invalid key"},{"title":"Conflict"}]}"#;
    let error =
        api_error(ResponseTemplate::new(400).set_body_raw(body, "application/vnd.api+json")).await;
    assert_eq!(error.errors(), ["Bad Request: invalid key", "Conflict"]);
}

#[tokio::test]
async fn a_429_without_a_body_keeps_status_and_rate_limit() {
    let error = api_error(
        ResponseTemplate::new(429)
            .insert_header("X-RateLimit-Limit", "100")
            .insert_header("X-RateLimit-Remaining", "0")
            .insert_header("X-RateLimit-Reset", "7"),
    )
    .await;
    assert_eq!(error.status(), 429);
    assert!(error.errors().is_empty());
    assert!(error.body().is_empty());
    assert_eq!(error.rate_limit().remaining, Some(0));
    assert_eq!(error.rate_limit().reset, Some(7));
    assert_eq!(
        error.rate_limit().reset_after(),
        Some(std::time::Duration::from_secs(7))
    );
    assert!(error.json::<serde_json::Value>().is_none());
    let shown = error.to_string();
    assert!(
        shown.contains("429") && shown.contains("resets in 7s"),
        "{shown}"
    );
}

#[tokio::test]
async fn the_error_enum_reports_the_status() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_raw(r#"{"errors":["Forbidden"]}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let client = builder(&server.uri()).build().expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("a 403");
    assert_eq!(error.status(), Some(403));
    assert_eq!(server.received_requests().await.map(|r| r.len()), Some(1));
}

#[test]
fn the_error_type_works_with_error_handling_libraries() {
    fn assert_error<E: std::error::Error + Send + Sync + 'static>() {}
    assert_error::<Error>();
    assert_error::<ApiError>();
    assert_error::<client_runtime_template::DecodeError>();
    assert!(std::mem::size_of::<Error>() <= 64);
}

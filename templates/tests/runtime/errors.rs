//! API errors: the error body with status and rate-limit headers, shown readably.

use client_runtime_template::{ApiError, Error, RetryPolicy};
use serde::Deserialize;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, client, get_flag};

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

/// A bound that every error text keeps: the 2 KiB of messages, a 512-byte excerpt and the
/// frame around them.
const SHOWN_BOUND: usize = 3 * 1024;

#[tokio::test]
async fn a_huge_error_message_is_shown_bounded() {
    let message = format!("invalid value {}", "v".repeat(4 * 1024 * 1024));
    let error = api_error(
        ResponseTemplate::new(400).set_body_json(serde_json::json!({ "errors": [message] })),
    )
    .await;
    assert!(error.errors()[0].len() < SHOWN_BOUND);
    assert!(error.errors()[0].starts_with("invalid value vvv"));
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(shown.len() < SHOWN_BOUND, "{} bytes shown", shown.len());
        assert!(shown.contains("bytes in total"), "{shown}");
    }
}

#[tokio::test]
async fn thousands_of_error_objects_are_shown_bounded_with_a_count_of_the_rest() {
    let objects: Vec<serde_json::Value> = (0..4_000)
        .map(|n| serde_json::json!({ "title": "Bad Request", "detail": format!("field {n} is invalid") }))
        .collect();
    let error = api_error(
        ResponseTemplate::new(400).set_body_json(serde_json::json!({ "errors": objects })),
    )
    .await;
    assert_eq!(error.errors().len(), 4_000);
    let shown = error.to_string();
    assert!(shown.len() < SHOWN_BOUND, "{} bytes shown", shown.len());
    assert!(shown.contains("Bad Request: field 0 is invalid; Bad Request: field 1 is invalid"));
    let more = shown
        .rsplit("... (")
        .next()
        .and_then(|rest| rest.strip_suffix(" more)"))
        .and_then(|count| count.parse::<usize>().ok())
        .expect("a count of the messages left out");
    let listed = shown.matches("Bad Request: field").count();
    assert_eq!(listed + more, 4_000, "{shown}");
}

#[tokio::test]
async fn a_decode_error_quoting_a_huge_value_is_bounded() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Counted {
        count: i64,
    }
    let body = serde_json::json!({ "count": "7".repeat(4 * 1024 * 1024) }).to_string();
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let raw = client(&server).execute(get_flag("f")).await.expect("a 200");
    let error = raw.json::<Counted>().expect_err("a string is not a number");
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.path(), "count");
    assert!(decode.message().len() < SHOWN_BOUND);
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(shown.len() < 2 * SHOWN_BOUND, "{} bytes shown", shown.len());
    }
}

/// A 4 KiB error body, twice the limit the tests set.
fn oversized_body() -> String {
    format!("{{\"errors\":[\"{}\"]}}", "e".repeat(4 * 1024))
}

#[tokio::test]
async fn an_error_body_over_the_limit_keeps_status_and_rate_limit_and_is_cut() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("X-RateLimit-Limit", "100")
                .insert_header("X-RateLimit-Remaining", "0")
                .insert_header("X-RateLimit-Reset", "9")
                .set_body_raw(oversized_body(), "application/json"),
        )
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .retry_policy(RetryPolicy::disabled())
        .max_response_body_bytes(2 * 1024)
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("a 429");
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}");
    };
    assert_eq!(api.status(), 429);
    assert_eq!(api.rate_limit().limit, Some(100));
    assert_eq!(api.rate_limit().reset, Some(9));
    assert!(api.body_truncated());
    assert_eq!(api.body(), &oversized_body().as_bytes()[..2 * 1024]);
    assert!(
        error.to_string().contains("body cut at 2048 bytes"),
        "{error}"
    );
}

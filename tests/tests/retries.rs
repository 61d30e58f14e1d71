//! Retries against a loopback server: a 429 is retried after the reset its headers give,
//! exhausted retries return the typed error, and a POST is never retried after a 5xx.

#[path = "../support/client.rs"]
mod client;
#[path = "../support/server.rs"]
mod server;
#[path = "../support/spec.rs"]
mod spec;

use std::time::{Duration, Instant};

use datadog_feature_flags::models::{ApiErrorResponse, CreateFeatureFlagRequest};
use datadog_feature_flags::{ApiError, Client, Error, RetryPolicy};
use serde_json::json;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use server::{received, reply};
use spec::Operation;

/// The path of the flag the GET tests read.
const FLAG_PATH: &str = "/api/v2/feature-flags/550e8400-e29b-41d4-a716-446655440000";
/// The id of that flag.
const FLAG_ID: &str = "550e8400-e29b-41d4-a716-446655440000";
/// The path flags are created at.
const FLAGS_PATH: &str = "/api/v2/feature-flags";

/// Three attempts with millisecond backoff and at most 5 s of waiting in all.
fn quick_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(3)
        .base_delay(Duration::from_millis(5))
        .max_delay(Duration::from_millis(20))
        .max_total_wait(Duration::from_secs(5))
}

/// A client of `server` retrying per `policy`.
fn client_of(server: &MockServer, policy: RetryPolicy) -> Client {
    client::builder(server)
        .retry_policy(policy)
        .build()
        .expect("the test client configuration is valid")
}

/// A 429 asking to wait `reset` seconds, with Datadog's rate-limit headers and error body.
fn rate_limited(reset: u64) -> ResponseTemplate {
    ResponseTemplate::new(429)
        .insert_header("X-RateLimit-Limit", "100")
        .insert_header("X-RateLimit-Period", "60")
        .insert_header("X-RateLimit-Remaining", "0")
        .insert_header("X-RateLimit-Reset", reset.to_string().as_str())
        .set_body_json(json!({ "errors": ["Too many requests"] }))
}

/// The spec's 2xx reply for `operation`.
fn success(operation: &Operation) -> ResponseTemplate {
    let response = operation.success();
    reply(response.status, response.example.as_ref())
}

/// Serves `first` once for `verb path`, then `then` for every later request.
async fn serve(
    verb: &str,
    route: &str,
    first: ResponseTemplate,
    then: ResponseTemplate,
) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(first)
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method(verb))
        .and(path(route))
        .respond_with(then)
        .mount(&server)
        .await;
    server
}

/// The API error of `result`, failing on anything else.
fn api_error<T: std::fmt::Debug>(result: Result<T, Error>) -> ApiError {
    match result {
        Err(Error::Api(api)) => api,
        other => panic!("expected Error::Api, got {other:?}"),
    }
}

/// Creates a flag with the spec's request example.
async fn create_flag(client: &Client) -> Result<(), Error> {
    let body: CreateFeatureFlagRequest = spec::operation("CreateFeatureFlag").body();
    client
        .feature_flags()
        .create_feature_flag(&body)
        .await
        .map(drop)
}

#[tokio::test]
async fn rate_limited_get_waits_for_the_reset_then_succeeds() {
    let get = spec::operation("GetFeatureFlag");
    let server = serve("GET", FLAG_PATH, rate_limited(1), success(&get)).await;
    let client = client_of(&server, quick_retries());
    let started = Instant::now();
    let flag = client.feature_flags().get_feature_flag(FLAG_ID).await;
    let waited = started.elapsed();
    assert!(flag.is_ok(), "the retry succeeds: {flag:?}");
    assert_eq!(received(&server).await.len(), 2);
    // A lower bound only: sleeping never ends early, so this cannot flake.
    assert!(
        waited >= Duration::from_secs(1),
        "the retry waited for X-RateLimit-Reset (1 s), not {waited:?}"
    );
}

#[tokio::test]
async fn rate_limit_reset_beyond_the_allowed_wait_returns_the_429_without_waiting() {
    let get = spec::operation("GetFeatureFlag");
    let server = serve("GET", FLAG_PATH, rate_limited(3600), success(&get)).await;
    let client = client_of(&server, quick_retries());
    let api = api_error(client.feature_flags().get_feature_flag(FLAG_ID).await);
    assert_eq!(api.status(), 429);
    assert_eq!(api.rate_limit().reset, Some(3600));
    assert_eq!(received(&server).await.len(), 1, "no retry was made");
}

#[tokio::test]
async fn exhausted_retries_return_the_typed_rate_limit_error() {
    let server = serve("GET", FLAG_PATH, rate_limited(0), rate_limited(0)).await;
    let client = client_of(&server, quick_retries());
    let api = api_error(client.feature_flags().get_feature_flag(FLAG_ID).await);
    assert_eq!(api.status(), 429);
    assert_eq!(api.errors(), ["Too many requests"]);
    assert_eq!(
        api.json::<ApiErrorResponse>().map(|body| body.errors),
        Some(vec!["Too many requests".to_owned()])
    );
    let rate_limit = api.rate_limit();
    assert_eq!(
        (
            rate_limit.limit,
            rate_limit.period,
            rate_limit.remaining,
            rate_limit.reset
        ),
        (Some(100), Some(60), Some(0), Some(0))
    );
    assert_eq!(received(&server).await.len(), 3, "max_attempts requests");
}

#[tokio::test]
async fn post_is_not_retried_after_a_server_error() {
    let create = spec::operation("CreateFeatureFlag");
    let server = serve(
        "POST",
        FLAGS_PATH,
        ResponseTemplate::new(500),
        success(&create),
    )
    .await;
    let client = client_of(&server, quick_retries());
    let api = api_error(create_flag(&client).await);
    assert_eq!(api.status(), 500);
    assert_eq!(received(&server).await.len(), 1, "the POST was sent once");
}

#[tokio::test]
async fn get_is_retried_after_a_server_error() {
    let get = spec::operation("GetFeatureFlag");
    let server = serve("GET", FLAG_PATH, ResponseTemplate::new(503), success(&get)).await;
    let client = client_of(&server, quick_retries());
    let flag = client.feature_flags().get_feature_flag(FLAG_ID).await;
    assert!(flag.is_ok(), "the retry succeeds: {flag:?}");
    assert_eq!(received(&server).await.len(), 2);
}

#[tokio::test]
async fn post_is_retried_after_a_429() {
    let create = spec::operation("CreateFeatureFlag");
    let server = serve("POST", FLAGS_PATH, rate_limited(0), success(&create)).await;
    let client = client_of(&server, quick_retries());
    let created = create_flag(&client).await;
    assert!(created.is_ok(), "the retry succeeds: {created:?}");
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].body, requests[1].body,
        "the retry sends the same body"
    );
}

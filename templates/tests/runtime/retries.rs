//! Retries: 429 after the server's wait, 5xx only for idempotent methods, always bounded.

use std::time::Duration;

use client_runtime_template::{Client, Error, RetryPolicy};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, capture_tracing, create_flag, fast_retries, get_flag, DELETE_FLAG};

/// A server answering `first` `times` times, then 200 `{}`.
async fn failing_then_ok(first: ResponseTemplate, times: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(first)
        .up_to_n_times(times)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    server
}

/// How many requests the server received.
async fn request_count(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

fn client_with(server: &MockServer, policy: RetryPolicy) -> Client {
    builder(&server.uri())
        .retry_policy(policy)
        .build()
        .expect("valid")
}

#[tokio::test]
async fn a_get_succeeds_after_server_errors() {
    let server = failing_then_ok(ResponseTemplate::new(503), 2).await;
    let client = client_with(&server, fast_retries());
    let response = client
        .execute(get_flag("f"))
        .await
        .expect("retried to success");
    assert_eq!(response.status(), 200);
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn a_delete_is_retried_after_a_500() {
    let server = failing_then_ok(ResponseTemplate::new(500), 1).await;
    let mut request = client_runtime_template::Request::new(&DELETE_FLAG);
    request.path_literal("/api/v2/feature-flags");
    request.path_param(&"f");
    client_with(&server, fast_retries())
        .execute(request)
        .await
        .expect("retried");
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn a_post_is_not_retried_after_a_500() {
    let server = failing_then_ok(ResponseTemplate::new(500), 1).await;
    let error = client_with(&server, fast_retries())
        .execute(create_flag())
        .await
        .expect_err("not retried");
    assert_eq!(error.status(), Some(500));
    assert_eq!(request_count(&server).await, 1);
}

#[tokio::test]
async fn a_post_is_retried_after_a_429_with_a_reset_header() {
    let server = failing_then_ok(
        ResponseTemplate::new(429).insert_header("X-RateLimit-Reset", "0"),
        1,
    )
    .await;
    client_with(&server, fast_retries())
        .execute(create_flag())
        .await
        .expect("retried");
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn a_429_is_retried_after_retry_after() {
    let server = failing_then_ok(
        ResponseTemplate::new(429).insert_header("Retry-After", "0"),
        2,
    )
    .await;
    client_with(&server, fast_retries())
        .execute(get_flag("f"))
        .await
        .expect("retried");
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn a_429_whose_reset_exceeds_the_wait_budget_is_returned_at_once() {
    let server = failing_then_ok(
        ResponseTemplate::new(429).insert_header("X-RateLimit-Reset", "3600"),
        1,
    )
    .await;
    let error = client_with(&server, fast_retries())
        .execute(get_flag("f"))
        .await
        .expect_err("not retried");
    let Error::Api(api) = error else {
        panic!("expected an API error");
    };
    assert_eq!(api.rate_limit().reset, Some(3600));
    assert_eq!(request_count(&server).await, 1);
}

#[tokio::test]
async fn a_429_storm_stops_after_the_maximum_attempts() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429).insert_header("X-RateLimit-Reset", "0"))
        .mount(&server)
        .await;
    let error = client_with(&server, fast_retries().max_attempts(4))
        .execute(get_flag("f"))
        .await
        .expect_err("gives up");
    assert_eq!(error.status(), Some(429));
    assert_eq!(request_count(&server).await, 4);
}

#[tokio::test]
async fn a_429_storm_stops_when_the_total_wait_is_spent() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    // Each backoff is 10 to 20 ms; 50 ms of waiting allows 2 to 5 of them.
    let policy = RetryPolicy::default()
        .max_attempts(1_000)
        .base_delay(Duration::from_millis(20))
        .max_delay(Duration::from_millis(20))
        .max_total_wait(Duration::from_millis(50));
    let error = client_with(&server, policy)
        .execute(get_flag("f"))
        .await
        .expect_err("gives up");
    assert_eq!(error.status(), Some(429));
    let count = request_count(&server).await;
    assert!((3..=6).contains(&count), "{count} requests");
}

#[tokio::test]
async fn a_disabled_policy_sends_once() {
    let server = failing_then_ok(ResponseTemplate::new(503), 1).await;
    let error = client_with(&server, RetryPolicy::disabled())
        .execute(get_flag("f"))
        .await
        .expect_err("not retried");
    assert_eq!(error.status(), Some(503));
    assert_eq!(request_count(&server).await, 1);
}

#[tokio::test]
async fn a_4xx_other_than_429_is_not_retried() {
    let server = failing_then_ok(ResponseTemplate::new(400), 1).await;
    client_with(&server, fast_retries())
        .execute(get_flag("f"))
        .await
        .expect_err("not retried");
    assert_eq!(request_count(&server).await, 1);
}

/// `Retry-After` as an HTTP date, `offset` from now.
fn http_date_in(offset: Duration, past: bool) -> String {
    let now = std::time::SystemTime::now();
    let when = if past { now - offset } else { now + offset };
    httpdate::fmt_http_date(when)
}

#[tokio::test]
async fn retry_after_as_an_http_date_is_honoured() {
    for status in [429, 503] {
        // An hour away: more than the policy may wait, so the error is returned at once.
        let later = http_date_in(Duration::from_secs(3_600), false);
        let server = failing_then_ok(
            ResponseTemplate::new(status).insert_header("Retry-After", later.as_str()),
            1,
        )
        .await;
        let error = client_with(&server, fast_retries())
            .execute(get_flag("f"))
            .await
            .expect_err("not retried within the wait budget");
        assert_eq!(error.status(), Some(status));
        assert_eq!(request_count(&server).await, 1, "{status} {later}");

        // A date already past: retried without waiting for it.
        let earlier = http_date_in(Duration::from_secs(60), true);
        let server = failing_then_ok(
            ResponseTemplate::new(status).insert_header("Retry-After", earlier.as_str()),
            1,
        )
        .await;
        client_with(&server, fast_retries())
            .execute(get_flag("f"))
            .await
            .expect("retried");
        assert_eq!(request_count(&server).await, 2, "{status} {earlier}");
    }
}

/// The delays of the `retrying` events in `tracing` output, in milliseconds.
fn retry_delays_ms(output: &str) -> Vec<u64> {
    output
        .lines()
        .filter(|line| line.contains("retrying"))
        .filter_map(|line| line.split("delay_ms=").nth(1))
        .filter_map(|rest| rest.split_whitespace().next())
        .filter_map(|number| number.parse().ok())
        .collect()
}

#[tokio::test]
async fn every_retry_gets_jitter_even_after_retry_after_zero() {
    let (captured, _guard) = capture_tracing();
    for (status, header) in [
        (503, "Retry-After"),
        (429, "Retry-After"),
        (429, "X-RateLimit-Reset"),
    ] {
        let server =
            failing_then_ok(ResponseTemplate::new(status).insert_header(header, "0"), 1).await;
        let policy = RetryPolicy::default()
            .base_delay(Duration::from_millis(40))
            .max_delay(Duration::from_millis(40));
        client_with(&server, policy)
            .execute(get_flag("f"))
            .await
            .expect("retried");
    }
    let delays = retry_delays_ms(&captured.text());
    assert_eq!(delays.len(), 3, "{delays:?}");
    // The server asked for no wait; each retry still waits half to all of the base delay.
    assert!(
        delays.iter().all(|delay| (20..=40).contains(delay)),
        "{delays:?}"
    );
}

#[tokio::test]
async fn a_429_and_a_503_with_bodies_over_the_limit_are_retried() {
    for status in [429, 503] {
        let oversized = "e".repeat(4 * 1024);
        let server = failing_then_ok(
            ResponseTemplate::new(status).set_body_raw(oversized, "text/plain"),
            1,
        )
        .await;
        let client = builder(&server.uri())
            .retry_policy(fast_retries())
            .max_response_body_bytes(2 * 1024)
            .build()
            .expect("valid");
        let response = client.execute(get_flag("f")).await.expect("retried");
        assert_eq!(response.status(), 200, "after a {status}");
        assert_eq!(request_count(&server).await, 2);
    }
}

//! The keys never show: not in tracing output, error Display or Debug, even if echoed back.

use std::collections::HashMap;

use client_runtime_template::{Error, RetryPolicy};
use serde::Deserialize;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{
    builder, capture_tracing, client, get_flag, shows_a_key, shows_part_of_a_key, API_KEY, APP_KEY,
};

#[tokio::test]
async fn tracing_shows_the_call_but_not_the_keys() {
    let (captured, _guard) = capture_tracing();

    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(404).set_body_raw(r#"{"errors":["nope"]}"#, "application/json"),
        )
        .mount(&server)
        .await;
    let error = client(&server)
        .execute(get_flag("f"))
        .await
        .expect_err("a 404");
    assert_eq!(error.status(), Some(404));

    let output = captured.text();
    for expected in [
        "api_request",
        "operation=\"GetFeatureFlag\"",
        "method=\"GET\"",
        "path_template=\"/api/v2/feature-flags/{id}\"",
        "attempt=2",
        "status=404",
        "retrying",
    ] {
        assert!(
            output.contains(expected),
            "missing {expected} in:\n{output}"
        );
    }
    assert!(!shows_a_key(&output), "{output}");
}

#[tokio::test]
async fn keys_echoed_in_an_error_body_are_redacted() {
    let server = MockServer::start().await;
    let body = format!(r#"{{"errors":["bad key {API_KEY}"],"debug":"app key was {APP_KEY}"}}"#);
    Mock::given(any())
        .respond_with(ResponseTemplate::new(403).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let error = client(&server)
        .execute(get_flag("f"))
        .await
        .expect_err("a 403");
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}");
    };
    assert_eq!(api.errors(), ["bad key [redacted]"]);
    for shown in [
        error.to_string(),
        format!("{error:?}"),
        format!("{error:#?}"),
    ] {
        assert!(!shows_a_key(&shown), "{shown}");
    }
}

#[tokio::test]
async fn keys_echoed_where_decoding_fails_are_redacted() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Counted {
        count: i64,
    }
    let server = MockServer::start().await;
    let padding = "x".repeat(500);
    let body = format!(r#"{{"padding":"{padding}","count":"{API_KEY}"}}"#);
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let raw = client(&server).execute(get_flag("f")).await.expect("a 200");
    let error = raw.json::<Counted>().expect_err("count is not a number");
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.path(), "count");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shows_a_key(&shown), "{shown}");
        // Not even the start of a key cut by the excerpt bound.
        assert!(!shown.contains(&API_KEY[..12]), "{shown}");
    }
}

#[tokio::test]
async fn transport_errors_do_not_show_the_keys() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    drop(listener);
    let client = builder(&format!("http://user:url-password-7c1e@{address}"))
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("refused");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shows_a_key(&shown), "{shown}");
        assert!(!shown.contains("url-password-7c1e"), "{shown}");
    }
}

/// A body echoing both keys: `first` near the start, then `second` at byte `offset`, then
/// padding, as plain text or as the message of a JSON `errors` list.
fn echoing_body(first: &str, second: &str, offset: usize, json: bool) -> String {
    let lead = format!("first key {first} then ");
    let filler = "x".repeat(offset.saturating_sub(lead.len()));
    let text = format!("{lead}{filler}{second}{}", "y".repeat(3_000));
    if json {
        serde_json::json!({ "errors": [text] }).to_string()
    } else {
        text
    }
}

#[tokio::test]
async fn no_part_of_a_key_shows_wherever_it_sits_in_an_error_body() {
    let server = MockServer::start().await;
    // The flag id says where the keys go: `{order}-{offset}-{text|json}`.
    Mock::given(any())
        .respond_with(|request: &wiremock::Request| {
            let id = request.url.path().rsplit('/').next().unwrap_or_default();
            let parts: Vec<&str> = id.split('-').collect();
            let (first, second) = if parts[0] == "api" {
                (API_KEY, APP_KEY)
            } else {
                (APP_KEY, API_KEY)
            };
            let offset = parts[1].parse().expect("an offset");
            let body = echoing_body(first, second, offset, parts[2] == "json");
            ResponseTemplate::new(502).set_body_raw(body, "text/plain")
        })
        .mount(&server)
        .await;
    let client = builder(&server.uri())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("valid");
    // Around the excerpt's cut (512 bytes, scrubbed over 512 + 40) and a message's (2 KiB).
    for (kind, cut) in [("text", 512), ("json", 2_048)] {
        for order in ["api", "app"] {
            for offset in cut - 48..=cut + 88 {
                let id = format!("{order}-{offset}-{kind}");
                let error = client.execute(get_flag(&id)).await.expect_err("a 502");
                assert_eq!(error.status(), Some(502));
                for shown in [
                    error.to_string(),
                    format!("{error:?}"),
                    format!("{error:#?}"),
                ] {
                    assert!(!shows_part_of_a_key(&shown), "{id}: {shown}");
                }
            }
        }
    }
}

#[tokio::test]
async fn a_key_in_the_json_path_of_a_decode_error_is_redacted() {
    #[derive(Debug, Deserialize)]
    #[allow(dead_code)]
    struct Counts {
        data: HashMap<String, i64>,
    }
    let server = MockServer::start().await;
    let body = format!(r#"{{"data":{{"{APP_KEY}":"not a number"}}}}"#);
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw(body, "application/json"))
        .mount(&server)
        .await;
    let raw = client(&server).execute(get_flag("f")).await.expect("a 200");
    let error = raw.json::<Counts>().expect_err("not a number");
    let Error::Decode(decode) = &error else {
        panic!("expected a decode error, got {error:?}");
    };
    assert_eq!(decode.path(), "data.[redacted]");
    for shown in [error.to_string(), format!("{error:?}")] {
        assert!(!shows_part_of_a_key(&shown), "{shown}");
    }
}

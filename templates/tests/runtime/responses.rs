//! Reading responses: typed bodies with status and rate limit, and every kind of bad body.

use client_runtime_template::{Error, RateLimit, RetryPolicy};
use serde::Deserialize;
use tokio::io::AsyncWriteExt;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, client, get_flag, read_request_head, RawServer};

#[derive(Debug, Deserialize, PartialEq)]
struct Flag {
    data: FlagData,
}

#[derive(Debug, Deserialize, PartialEq)]
struct FlagData {
    id: String,
    attributes: Attributes,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Attributes {
    name: String,
    variants: Vec<Variant>,
}

#[derive(Debug, Deserialize, PartialEq)]
struct Variant {
    key: String,
    weight: u32,
}

/// A server answering every request with `response`.
async fn serving(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

/// The decode error of fetching a flag from a server answering `response`.
async fn decode_error(response: ResponseTemplate) -> client_runtime_template::DecodeError {
    let server = serving(response).await;
    let raw = client(&server).execute(get_flag("f")).await.expect("a 2xx");
    match raw.json::<Flag>() {
        Err(Error::Decode(error)) => error,
        other => panic!("expected a decode error, got {other:?}"),
    }
}

const FLAG_JSON: &str = r#"{"data":{"id":"f1","attributes":{"name":"Checkout","variants":[{"key":"on","weight":60},{"key":"off","weight":40}]}}}"#;

#[tokio::test]
async fn json_api_bodies_decode_with_status_headers_and_rate_limit() {
    let server = serving(
        ResponseTemplate::new(200)
            .set_body_raw(FLAG_JSON, "application/vnd.api+json")
            .insert_header("X-RateLimit-Limit", "1000")
            .insert_header("X-RateLimit-Period", "60")
            .insert_header("X-RateLimit-Remaining", "998")
            .insert_header("X-RateLimit-Reset", "42")
            .insert_header("X-RateLimit-Name", "feature_flags"),
    )
    .await;
    let raw = client(&server)
        .execute(get_flag("f1"))
        .await
        .expect("a 2xx");
    assert_eq!(raw.status(), 200);
    let response = raw.json::<Flag>().expect("decodes");
    assert_eq!(response.status, 200);
    assert_eq!(
        response.rate_limit,
        RateLimit {
            limit: Some(1000),
            period: Some(60),
            remaining: Some(998),
            reset: Some(42),
            name: Some("feature_flags".to_owned()),
        }
    );
    assert_eq!(
        response
            .headers
            .get("x-ratelimit-name")
            .map(|v| v.as_bytes()),
        Some(&b"feature_flags"[..])
    );
    let flag = response.map(|flag| flag.data).into_body();
    assert_eq!(flag.id, "f1");
    assert_eq!(flag.attributes.variants[1].weight, 40);
}

#[tokio::test]
async fn a_wrong_type_names_the_json_path_and_shows_the_body() {
    let body = FLAG_JSON.replace("\"weight\":40", "\"weight\":\"forty\"");
    let error =
        decode_error(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    assert_eq!(error.path(), "data.attributes.variants[1].weight");
    assert!(
        error.message().contains("invalid type"),
        "{}",
        error.message()
    );
    assert!(error.body_excerpt().contains("forty"));
    let shown = error.to_string();
    assert!(
        shown.contains("data.attributes.variants[1].weight"),
        "{shown}"
    );
    assert!(shown.contains("GetFeatureFlag"), "{shown}");
}

#[tokio::test]
async fn a_missing_field_names_the_enclosing_object() {
    let body = FLAG_JSON.replace("\"name\":\"Checkout\",", "");
    let error =
        decode_error(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    assert_eq!(error.path(), "data.attributes");
    assert!(
        error.message().contains("missing field `name`"),
        "{}",
        error.message()
    );
}

#[tokio::test]
async fn truncated_json_is_a_decode_error() {
    let error =
        decode_error(ResponseTemplate::new(200).set_body_raw(&FLAG_JSON[..60], "application/json"))
            .await;
    assert!(error.message().contains("EOF"), "{}", error.message());
}

#[tokio::test]
async fn trailing_garbage_after_json_is_a_decode_error() {
    let error = decode_error(
        ResponseTemplate::new(200)
            .set_body_raw(format!("{FLAG_JSON} trailing"), "application/json"),
    )
    .await;
    assert!(error.message().contains("trailing"), "{}", error.message());
}

#[tokio::test]
async fn an_empty_body_on_200_is_a_decode_error_saying_so() {
    let error = decode_error(ResponseTemplate::new(200)).await;
    assert_eq!(error.path(), ".");
    assert!(error.message().contains("empty"), "{}", error.message());
    assert_eq!(error.body_excerpt(), "(empty body)");
}

#[tokio::test]
async fn an_html_page_from_a_proxy_on_200_is_a_decode_error_showing_it() {
    let page = "<html><head><title>Gateway login</title></head><body>Please sign in</body></html>";
    let error = decode_error(ResponseTemplate::new(200).set_body_raw(page, "text/html")).await;
    assert_eq!(error.content_type(), Some("text/html"));
    let shown = error.to_string();
    assert!(
        shown.contains("text/html") && shown.contains("Gateway login"),
        "{shown}"
    );
}

#[tokio::test]
async fn an_html_error_page_from_a_proxy_is_an_api_error_with_a_bounded_excerpt() {
    let page = format!(
        "<html><body>{}</body></html>",
        "Bad gateway. ".repeat(2_000)
    );
    let server = serving(ResponseTemplate::new(502).set_body_raw(page.clone(), "text/html")).await;
    let client = builder(&server.uri())
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("a 502");
    let Error::Api(api) = &error else {
        panic!("expected an API error, got {error:?}");
    };
    assert_eq!(api.status(), 502);
    assert!(api.errors().is_empty());
    assert_eq!(api.body(), page.as_bytes());
    let shown = error.to_string();
    assert!(
        shown.contains("502") && shown.contains("Bad gateway"),
        "{shown}"
    );
    assert!(shown.len() < 1_000, "{} bytes shown", shown.len());
    assert!(format!("{error:?}").len() < 2_000);
}

#[tokio::test]
async fn a_huge_invalid_body_gives_a_bounded_decode_error() {
    let body = format!("{{\"data\": [{}", "\"é\",".repeat(100_000));
    let error =
        decode_error(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
    let shown = error.to_string();
    assert!(shown.len() < 1_500, "{} bytes shown", shown.len());
    assert!(shown.contains("bytes in total"), "{shown}");
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_by_its_content_length() {
    let server = serving(
        ResponseTemplate::new(200).set_body_raw(vec![b' '; 1024 * 1024], "application/json"),
    )
    .await;
    let client = builder(&server.uri())
        .max_response_body_bytes(64 * 1024)
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("too large");
    assert!(
        matches!(error, Error::BodyTooLarge { limit: 65_536, .. }),
        "{error:?}"
    );
    assert!(error.to_string().contains("max_response_body_bytes"));
}

#[tokio::test]
async fn a_body_over_the_limit_is_refused_while_streaming_without_a_length() {
    let server = RawServer::start(|mut stream| async move {
        if read_request_head(&mut stream).await.is_none() {
            return;
        }
        let head = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n";
        if stream.write_all(head.as_bytes()).await.is_err() {
            return;
        }
        let chunk = format!("4000\r\n{}\r\n", " ".repeat(0x4000));
        for _ in 0..64 {
            if stream.write_all(chunk.as_bytes()).await.is_err() {
                return;
            }
        }
        let _ = stream.write_all(b"0\r\n\r\n").await;
    })
    .await;
    let client = builder(&server.uri())
        .max_response_body_bytes(100_000)
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("too large");
    assert!(matches!(error, Error::BodyTooLarge { .. }), "{error:?}");
}

#[tokio::test]
async fn empty_text_and_bytes_bodies_keep_the_status() {
    let server = serving(ResponseTemplate::new(204)).await;
    let empty = client(&server)
        .execute(get_flag("f"))
        .await
        .expect("a 2xx")
        .empty();
    assert_eq!(empty.status, 204);
    let server =
        serving(ResponseTemplate::new(200).set_body_raw("plain words", "text/plain")).await;
    let client = client(&server);
    let text = client
        .execute(get_flag("f"))
        .await
        .expect("a 2xx")
        .text()
        .expect("UTF-8");
    assert_eq!(text.body, "plain words");
    let bytes = client.execute(get_flag("f")).await.expect("a 2xx").bytes();
    assert_eq!(bytes.body, b"plain words");
}

#[tokio::test]
async fn a_non_utf8_body_read_as_text_is_a_decode_error() {
    let server = serving(ResponseTemplate::new(200).set_body_bytes(vec![0xff, 0xfe, 0x00])).await;
    let raw = client(&server).execute(get_flag("f")).await.expect("a 2xx");
    assert!(matches!(raw.text(), Err(Error::Decode(_))));
}

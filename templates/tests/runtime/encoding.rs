//! What goes on the wire: path segments, query, headers, body; bad values never leave.

use client_runtime_template::{Error, Method, OperationSpec, Request};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, client, create_flag, get_flag, API_KEY, APP_KEY};

/// A server answering 200 `{}` to everything.
async fn ok_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    server
}

/// The requests the server received.
async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

#[tokio::test]
async fn path_parameters_stay_in_their_segment() {
    let server = ok_server().await;
    let client = client(&server);
    let cases = [
        ("a/b", "a%2Fb"),
        ("../admin", "..%2Fadmin"),
        ("a..b", "a..b"),
        ("what?x=1", "what%3Fx%3D1"),
        ("frag#ment", "frag%23ment"),
        ("100%", "100%25"),
        ("%2e%2e", "%252e%252e"),
        ("two words", "two%20words"),
        ("plus+sign", "plus%2Bsign"),
        ("back\\slash", "back%5Cslash"),
        ("drapeau-é", "drapeau-%C3%A9"),
    ];
    for (value, _) in cases {
        client.execute(get_flag(value)).await.expect("sent");
    }
    let paths: Vec<String> = received(&server)
        .await
        .iter()
        .map(|request| request.url.path().to_owned())
        .collect();
    let expected: Vec<String> = cases
        .iter()
        .map(|(_, encoded)| format!("/api/v2/feature-flags/{encoded}"))
        .collect();
    assert_eq!(paths, expected);
}

#[tokio::test]
async fn dot_segments_and_empty_path_parameters_are_rejected_before_sending() {
    let server = ok_server().await;
    let client = client(&server);
    for value in [".", "..", ""] {
        let error = client.execute(get_flag(value)).await.expect_err("rejected");
        assert!(
            matches!(
                error,
                Error::InvalidRequest {
                    operation: "GetFeatureFlag",
                    ..
                }
            ),
            "{error:?}"
        );
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn line_breaks_in_any_parameter_or_header_are_rejected_before_sending() {
    let server = ok_server().await;
    let client = client(&server);
    let mut in_path = get_flag("a\r\nb");
    in_path.query("ok", &"fine");
    let mut in_query = get_flag("flag");
    in_query.query("filter", &"x\ny");
    let mut in_header = get_flag("flag");
    in_header.header("X-Custom", &"v\r\nDD-API-KEY: stolen");
    let mut bad_header_name = get_flag("flag");
    bad_header_name.header("X Bad Name", &"v");
    for request in [in_path, in_query, in_header, bad_header_name] {
        let error = client.execute(request).await.expect_err("rejected");
        assert!(matches!(error, Error::InvalidRequest { .. }), "{error:?}");
    }
    assert!(received(&server).await.is_empty());
}

#[tokio::test]
async fn query_parameters_repeat_for_arrays_and_are_form_encoded() {
    let server = ok_server().await;
    let mut request = get_flag("flag");
    request.query("tags", &"env:prod");
    request.query("tags", &"team a&b");
    request.query("limit", &50);
    client(&server).execute(request).await.expect("sent");
    let sent = &received(&server).await[0];
    assert_eq!(
        sent.url.query(),
        Some("tags=env%3Aprod&tags=team+a%26b&limit=50")
    );
}

#[tokio::test]
async fn keys_user_agent_accept_custom_headers_and_json_body_are_sent() {
    let server = ok_server().await;
    let client = builder(&server.uri())
        .user_agent_suffix("my-service/4.5")
        .build()
        .expect("valid");
    let mut request = create_flag();
    request.header("X-Request-Id", &"abc-123");
    client.execute(request).await.expect("sent");
    let sent = &received(&server).await[0];
    let header = |name: &str| {
        sent.headers
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    assert_eq!(sent.method.as_str(), "POST");
    assert_eq!(header("dd-api-key").as_deref(), Some(API_KEY));
    assert_eq!(header("dd-application-key").as_deref(), Some(APP_KEY));
    assert_eq!(
        header("user-agent").as_deref(),
        Some("runtime-test/1.2.3 my-service/4.5")
    );
    assert_eq!(header("accept").as_deref(), Some("application/json"));
    assert_eq!(header("content-type").as_deref(), Some("application/json"));
    assert_eq!(header("x-request-id").as_deref(), Some("abc-123"));
    assert_eq!(
        sent.body_json::<serde_json::Value>().expect("JSON body"),
        serde_json::json!({"data": {"type": "feature-flags"}})
    );
}

static API_KEY_ONLY: OperationSpec = OperationSpec {
    id: "Validate",
    method: Method::Get,
    path_template: "/api/v1/validate",
    unstable: false,
    sites: None,
    security: &["apiKeyAuth"],
};

#[tokio::test]
async fn only_the_keys_the_operation_requires_are_sent() {
    let server = ok_server().await;
    let mut request = Request::new(&API_KEY_ONLY);
    request.path_literal("api");
    request.path_literal("v1");
    request.path_literal("validate");
    client(&server).execute(request).await.expect("sent");
    let sent = &received(&server).await[0];
    assert_eq!(sent.url.path(), "/api/v1/validate");
    assert!(sent.headers.contains_key("dd-api-key"));
    assert!(!sent.headers.contains_key("dd-application-key"));
}

#[tokio::test]
async fn a_base_url_path_prefix_is_kept() {
    let server = ok_server().await;
    for base in [
        format!("{}/proxy/datadog", server.uri()),
        format!("{}/proxy/datadog/", server.uri()),
    ] {
        let client = builder(&base).build().expect("valid");
        client.execute(get_flag("f")).await.expect("sent");
    }
    for sent in received(&server).await {
        assert_eq!(sent.url.path(), "/proxy/datadog/api/v2/feature-flags/f");
    }
}

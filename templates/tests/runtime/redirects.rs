//! Redirects: followed by the runtime, with the keys only ever sent to the base URL's origin.

use client_runtime_template::{Client, Error};
use wiremock::matchers::{any, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::support::{builder, client, create_flag, get_flag, read_request_head};
use crate::tls::{start_tls_server, trusting_test_ca};

/// A server answering 200 `{}` to everything.
async fn landing() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    server
}

/// A server redirecting everything with `status` to `location`.
async fn redirecting(status: u16, location: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(status).insert_header("Location", location))
        .mount(&server)
        .await;
    server
}

/// The requests the server received.
async fn received(server: &MockServer) -> Vec<wiremock::Request> {
    server.received_requests().await.unwrap_or_default()
}

fn carries_keys(request: &wiremock::Request) -> (bool, bool) {
    (
        request.headers.contains_key("dd-api-key"),
        request.headers.contains_key("dd-application-key"),
    )
}

/// Redirects `client`'s request from one port to another and checks where the keys went.
async fn assert_keys_stay_home(client_for: impl Fn(&MockServer) -> Client) {
    for status in [301, 302, 303, 307, 308] {
        let target = landing().await;
        let origin = redirecting(status, &format!("{}/landing", target.uri())).await;
        client_for(&origin)
            .execute(get_flag("f"))
            .await
            .expect("followed");
        assert_eq!(carries_keys(&received(&origin).await[0]), (true, true));
        let landed = received(&target).await;
        assert_eq!(landed.len(), 1, "status {status}");
        assert_eq!(landed[0].url.path(), "/landing");
        assert_eq!(carries_keys(&landed[0]), (false, false), "status {status}");
    }
}

#[tokio::test]
async fn a_redirect_to_another_port_does_not_carry_the_keys() {
    assert_keys_stay_home(client).await;
}

#[tokio::test]
async fn a_redirect_to_another_host_does_not_carry_the_keys() {
    let target = landing().await;
    let other_host = format!("http://localhost:{}/landing", target.address().port());
    let origin = redirecting(307, &other_host).await;
    client(&origin)
        .execute(get_flag("f"))
        .await
        .expect("followed");
    assert_eq!(carries_keys(&received(&target).await[0]), (false, false));
}

#[tokio::test]
async fn a_caller_reqwest_builder_that_follows_redirects_also_keeps_the_keys_home() {
    assert_keys_stay_home(|server| {
        let http = reqwest::Client::builder().redirect(reqwest::redirect::Policy::limited(10));
        builder(&server.uri())
            .http_client_builder(http)
            .build()
            .expect("valid")
    })
    .await;
}

#[tokio::test]
async fn a_redirect_within_the_origin_keeps_the_keys() {
    let server = MockServer::start().await;
    Mock::given(path("/moved"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(308).insert_header("Location", "/moved"))
        .mount(&server)
        .await;
    client(&server)
        .execute(get_flag("f"))
        .await
        .expect("followed");
    let requests = received(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[1].url.path(), "/moved");
    assert_eq!(carries_keys(&requests[1]), (true, true));
}

#[tokio::test]
async fn a_303_after_a_post_becomes_a_get_without_body() {
    let target = landing().await;
    let origin = redirecting(303, &format!("{}/result", target.uri())).await;
    client(&origin)
        .execute(create_flag())
        .await
        .expect("followed");
    let landed = &received(&target).await[0];
    assert_eq!(landed.method.as_str(), "GET");
    assert!(landed.body.is_empty());
    assert!(!landed.headers.contains_key("content-type"));
}

#[tokio::test]
async fn a_307_after_a_post_repeats_the_post_with_its_body() {
    let target = landing().await;
    let origin = redirecting(307, &format!("{}/again", target.uri())).await;
    client(&origin)
        .execute(create_flag())
        .await
        .expect("followed");
    let landed = &received(&target).await[0];
    assert_eq!(landed.method.as_str(), "POST");
    assert!(!landed.body.is_empty());
}

#[tokio::test]
async fn a_redirect_loop_ends_in_an_error() {
    let server = redirecting(302, "/again").await;
    let error = client(&server)
        .execute(get_flag("f"))
        .await
        .expect_err("loops");
    assert!(matches!(error, Error::Redirect { .. }), "{error:?}");
    assert_eq!(received(&server).await.len(), 11);
}

#[tokio::test]
async fn a_redirect_to_another_scheme_is_an_error() {
    let server = redirecting(302, "file:///etc/passwd").await;
    let error = client(&server)
        .execute(get_flag("f"))
        .await
        .expect_err("refused");
    assert!(matches!(error, Error::Redirect { .. }), "{error:?}");
}

/// Where the refused redirect of a POST by `client` pointed; fails the test otherwise.
async fn refused_location(client: &Client) -> String {
    match client.execute(create_flag()).await {
        Err(Error::InsecureRedirect {
            operation,
            location,
        }) => {
            assert_eq!(operation, "CreateFeatureFlag");
            location
        }
        other => panic!("expected an insecure redirect, got {other:?}"),
    }
}

#[tokio::test]
async fn a_redirect_to_plain_http_on_a_remote_host_is_refused_before_sending() {
    // 192.0.2.1 is reserved for documentation: nothing is sent there (nor could be).
    for status in [301, 302, 303, 307, 308] {
        let origin = redirecting(status, "http://user:pw-9d2f@192.0.2.1/landing").await;
        let location = refused_location(&client(&origin)).await;
        assert_eq!(location, "http://[redacted]@192.0.2.1/landing");
        assert_eq!(received(&origin).await.len(), 1);
    }
}

#[tokio::test]
async fn a_redirect_from_https_to_plain_http_is_refused_even_on_loopback() {
    let target = landing().await;
    let location = format!("{}/landing", target.uri());
    let address = start_tls_server(move |mut stream| {
        let location = location.clone();
        async move {
            if read_request_head(&mut stream).await.is_some() {
                let response = format!(
                    "HTTP/1.1 307 Temporary Redirect\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n"
                );
                let _ = tokio::io::AsyncWriteExt::write_all(&mut stream, response.as_bytes()).await;
            }
        }
    })
    .await;
    let client = builder(&format!("https://localhost:{}", address.port()))
        .http_client_builder(trusting_test_ca())
        .build()
        .expect("valid");
    let refused = refused_location(&client).await;
    assert!(refused.ends_with("/landing"), "{refused}");
    assert!(received(&target).await.is_empty());
}

#[tokio::test]
async fn keys_are_not_sent_back_to_the_base_after_a_hop_to_another_host() {
    let origin = MockServer::start().await;
    let other = redirecting(307, &format!("{}/chosen-by-other", origin.uri())).await;
    Mock::given(path("/chosen-by-other"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("{}", "application/json"))
        .mount(&origin)
        .await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(307).insert_header("Location", format!("{}/away", other.uri())),
        )
        .mount(&origin)
        .await;
    client(&origin)
        .execute(get_flag("f"))
        .await
        .expect("followed");
    let home = received(&origin).await;
    assert_eq!(home.len(), 2);
    assert_eq!(carries_keys(&home[0]), (true, true));
    assert_eq!(home[1].url.path(), "/chosen-by-other");
    assert_eq!(carries_keys(&home[1]), (false, false));
    assert_eq!(carries_keys(&received(&other).await[0]), (false, false));
}

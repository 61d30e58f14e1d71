//! Faults below HTTP: refused connections, resets mid-body, responses that never come.

use std::time::Duration;

use client_runtime_template::Error;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;

use crate::support::{builder, create_flag, get_flag, read_request_head, RawServer};

/// A server that sends response headers and part of the body, then drops the connection.
async fn cut_mid_body() -> RawServer {
    RawServer::start(|mut stream| async move {
        if read_request_head(&mut stream).await.is_none() {
            return;
        }
        let partial = "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{\"data\":[";
        let _ = stream.write_all(partial.as_bytes()).await;
        let _ = stream.flush().await;
        let _ = stream.set_zero_linger();
        drop(stream);
    })
    .await
}

#[tokio::test]
async fn a_refused_connection_is_a_transport_error() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    drop(listener);
    let client = builder(&format!("http://{address}"))
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("refused");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    let shown = error.to_string();
    assert!(
        shown.contains("GetFeatureFlag") && shown.contains("transport error"),
        "{shown}"
    );
}

#[tokio::test]
async fn a_get_cut_mid_body_is_retried_then_reported() {
    let server = cut_mid_body().await;
    let client = builder(&server.uri()).build().expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("cut");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(server.connections(), 3);
}

#[tokio::test]
async fn a_post_cut_mid_body_is_not_retried() {
    let server = cut_mid_body().await;
    let client = builder(&server.uri()).build().expect("valid");
    let error = client.execute(create_flag()).await.expect_err("cut");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn headers_that_never_arrive_end_in_a_timeout() {
    let server = RawServer::start(|mut stream| async move {
        let _ = read_request_head(&mut stream).await;
        tokio::time::sleep(Duration::from_secs(30)).await;
        drop(stream);
    })
    .await;
    let client = builder(&server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("times out");
    assert!(
        matches!(
            error,
            Error::Timeout {
                operation: "GetFeatureFlag",
                ..
            }
        ),
        "{error:?}"
    );
    assert_eq!(server.connections(), 1);
}

#[tokio::test]
async fn a_body_that_stalls_ends_in_a_timeout() {
    let server = RawServer::start(|mut stream| async move {
        if read_request_head(&mut stream).await.is_none() {
            return;
        }
        let head =
            "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{";
        let _ = stream.write_all(head.as_bytes()).await;
        tokio::time::sleep(Duration::from_secs(30)).await;
    })
    .await;
    let client = builder(&server.uri())
        .timeout(Duration::from_millis(200))
        .build()
        .expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("times out");
    assert!(matches!(error, Error::Timeout { .. }), "{error:?}");
}

#[tokio::test]
async fn garbage_instead_of_http_is_a_transport_error() {
    let server = RawServer::start(|mut stream| async move {
        if read_request_head(&mut stream).await.is_some() {
            let _ = stream.write_all(b"SSH-2.0-OpenSSH_9.6\r\n\r\n").await;
        }
    })
    .await;
    let client = builder(&server.uri()).build().expect("valid");
    let error = client.execute(get_flag("f")).await.expect_err("not HTTP");
    assert!(matches!(error, Error::Transport { .. }), "{error:?}");
}

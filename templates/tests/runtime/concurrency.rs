//! Many concurrent calls through one client and its one connection pool.

use tokio::task::JoinSet;

use crate::support::{builder, get_flag, read_request_head, write_json, RawServer};

/// A keep-alive HTTP server answering `{}` to every request on every connection.
async fn keep_alive_server() -> RawServer {
    RawServer::start(|mut stream| async move {
        while read_request_head(&mut stream).await.is_some() {
            if write_json(&mut stream, "{}").await.is_err() {
                return;
            }
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_calls_share_one_pool_without_errors() {
    let server = keep_alive_server().await;
    let client = builder(&server.uri()).build().expect("valid");
    let mut calls = JoinSet::new();
    for n in 0..1_000 {
        let client = client.clone();
        calls.spawn(async move { client.execute(get_flag(&format!("flag-{n}"))).await });
    }
    let mut succeeded = 0;
    while let Some(joined) = calls.join_next().await {
        let response = joined.expect("the task ran").expect("the call succeeded");
        assert_eq!(response.status(), 200);
        succeeded += 1;
    }
    assert_eq!(succeeded, 1_000);
    let opened = server.connections();
    assert!((1..=1_000).contains(&opened), "{opened} connections");
}

#[tokio::test]
async fn calls_one_after_another_reuse_pooled_connections() {
    let server = keep_alive_server().await;
    let client = builder(&server.uri()).build().expect("valid");
    for n in 0..50 {
        // Any clone shares the one pool.
        client
            .clone()
            .execute(get_flag(&format!("again-{n}")))
            .await
            .expect("the call succeeded");
    }
    // Without pooling each call opens its own connection (50); hyper may open a spare one
    // when a returned connection is not ready yet, never one per call.
    let opened = server.connections();
    assert!(
        (1..=5).contains(&opened),
        "{opened} connections for 50 calls"
    );
}

#[test]
fn the_client_is_send_sync_and_its_calls_are_send() {
    fn assert_send_sync<T: Send + Sync>(_: &T) {}
    fn assert_send<T: Send>(_: &T) {}
    let client = builder("http://127.0.0.1:1").build().expect("valid");
    assert_send_sync(&client);
    let call = client.execute(get_flag("f"));
    assert_send(&call);
}

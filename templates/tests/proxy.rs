//! Proxies from the environment: never used for a plain-http base URL (the keys would reach
//! the proxy unencrypted), still used for https through a CONNECT tunnel. One test function,
//! run alone in its own binary, because the process environment is shared by every thread.

use std::sync::{Arc, Mutex};

use client_runtime_template::RetryPolicy;
use tokio::io::AsyncWriteExt;

#[allow(dead_code)]
#[path = "runtime/support.rs"]
mod support;

use support::{builder, get_flag, read_request_head, shows_part_of_a_key, write_json, RawServer};

/// A loopback "proxy" that records each request head it receives and answers 502.
async fn recording_proxy() -> (RawServer, Arc<Mutex<Vec<String>>>) {
    let heads = Arc::new(Mutex::new(Vec::new()));
    let recorded = heads.clone();
    let proxy = RawServer::start(move |mut stream| {
        let recorded = recorded.clone();
        async move {
            if let Some(head) = read_request_head(&mut stream).await {
                recorded.lock().expect("not poisoned").push(head);
            }
            let _ = stream
                .write_all(b"HTTP/1.1 502 Bad Gateway\r\ncontent-length: 0\r\n\r\n")
                .await;
        }
    })
    .await;
    (proxy, heads)
}

#[tokio::test]
async fn keys_reach_a_proxy_only_inside_an_https_tunnel() {
    let (proxy, heads) = recording_proxy().await;
    for variable in ["NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy"] {
        std::env::remove_var(variable);
    }
    for variable in ["HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"] {
        std::env::set_var(variable, proxy.uri());
    }

    // Plain http to loopback: straight to the server, the proxy sees nothing.
    let api = RawServer::start(|mut stream| async move {
        if read_request_head(&mut stream).await.is_some() {
            let _ = write_json(&mut stream, "{}").await;
        }
    })
    .await;
    let client = builder(&api.uri()).build().expect("valid");
    let response = client
        .execute(get_flag("f"))
        .await
        .expect("sent directly to the loopback server");
    assert_eq!(response.status(), 200);
    assert_eq!(api.connections(), 1);
    assert_eq!(proxy.connections(), 0, "{:?}", heads.lock());

    // https: through the proxy, as a CONNECT tunnel that shows no key.
    let client = builder("https://api.example.test")
        .retry_policy(RetryPolicy::disabled())
        .build()
        .expect("valid");
    client
        .execute(get_flag("f"))
        .await
        .expect_err("the proxy refuses the tunnel");
    let heads = heads.lock().expect("not poisoned").clone();
    assert_eq!(heads.len(), 1, "{heads:?}");
    assert!(
        heads[0].starts_with("CONNECT api.example.test:443 "),
        "{heads:?}"
    );
    assert!(!shows_part_of_a_key(&heads[0]), "{heads:?}");
}

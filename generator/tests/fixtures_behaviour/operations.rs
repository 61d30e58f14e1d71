//! The operations fixture's client against a loopback server: what is sent (path, query,
//! headers, bodies) and how each kind of response decodes.

use fixture_operations::apis::widget_store::CreateWidgetSuccess;
use fixture_operations::models::{Color, Widget};
use fixture_operations::{Client, Error, UnstableOperation};
use loopback::serve_once;

mod loopback;

fn builder(base: &str) -> fixture_operations::ClientBuilder {
    Client::builder().base_url(base).token("secret-token")
}

#[tokio::test]
async fn query_arrays_enums_headers_and_vnd_api_json_responses() {
    let (base, server) = serve_once(
        "200 OK",
        "application/vnd.api+json",
        r#"{"items":[{"id":1,"name":"a"}],"total":1}"#,
    )
    .await;
    let client = builder(&base).build().expect("client");
    let page = client
        .widget_store()
        .list_widgets()
        .tag(vec!["a".to_string(), "b".to_string()])
        .color(Color::Red)
        .x_request_id("r-1")
        .send()
        .await
        .expect("page");
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.total, Some(1));
    let received = server.await.expect("server");
    assert_eq!(
        received.request_line(),
        "GET /v1/widgets?tag=a&tag=b&color=red HTTP/1.1"
    );
    assert_eq!(received.header("x-request-id"), Some("r-1"));
    assert_eq!(received.header("x-token"), Some("secret-token"));
}

#[tokio::test]
async fn keyword_names_path_encoding_and_text_responses() {
    let (base, server) = serve_once("200 OK", "text/plain", "part seven").await;
    let client = builder(&base).build().expect("client");
    let text = client
        .untagged()
        .type_("w 1/x", 7, true)
        .send()
        .await
        .expect("text");
    assert_eq!(text, "part seven");
    let received = server.await.expect("server");
    assert_eq!(
        received.request_line(),
        "GET /v1/widgets/w%201%2Fx/parts/7?async=true HTTP/1.1"
    );
}

#[tokio::test]
async fn several_success_statuses_decode_into_their_variants() {
    let widget = Widget::new(5, "five".to_string());
    let (base, server) = serve_once(
        "201 Created",
        "application/json",
        r#"{"location":"/widgets/5"}"#,
    )
    .await;
    let client = builder(&base).build().expect("client");
    let created = client
        .widget_store()
        .create_widget(&widget)
        .send()
        .await
        .expect("created");
    match created {
        CreateWidgetSuccess::Status201(created) => {
            assert_eq!(created.location.as_deref(), Some("/widgets/5"))
        }
        other => panic!("expected 201, got {other:?}"),
    }
    let received = server.await.expect("server");
    assert_eq!(received.header("content-type"), Some("application/json"));
    let sent: serde_json::Value = serde_json::from_slice(&received.body).expect("json body");
    assert_eq!(sent, serde_json::json!({"id": 5, "name": "five"}));

    let (base, _server) = serve_once("204 No Content", "text/plain", "").await;
    let client = builder(&base).build().expect("client");
    let nothing = client
        .widget_store()
        .create_widget(&widget)
        .send()
        .await
        .expect("no content");
    assert_eq!(nothing, CreateWidgetSuccess::Status204);
}

#[tokio::test]
async fn unstable_operations_fail_fast_until_enabled_and_send_text_bodies() {
    let note = "hello".to_string();
    let (base, server) = serve_once("204 No Content", "text/plain", "").await;
    let disabled = builder(&base).build().expect("client");
    match disabled.widget_store().post_note(&note).send().await {
        Err(Error::UnstableOperationDisabled { .. }) => {}
        other => panic!("expected the unstable gate, got {other:?}"),
    }
    let enabled = builder(&base)
        .enable_unstable_operation(UnstableOperation::PostNote)
        .build()
        .expect("client");
    enabled.widget_store().post_note(&note).await.expect("sent");
    let received = server.await.expect("server");
    assert_eq!(received.request_line(), "POST /v1/notes HTTP/1.1");
    assert_eq!(received.header("content-type"), Some("text/plain"));
    assert_eq!(received.body, b"hello");
}

//! Parameters typed by a `$ref` to a scalar, enum or array component, and by a `oneOf`/`anyOf`
//! of scalars (sent by the union's `Display`), as they reach a loopback server.

use fixture_parameters::models::{GetItemSince, GetItemXVersion, SortOrder};
use fixture_parameters::Client;
use loopback::serve_once;

mod loopback;

#[tokio::test]
async fn referenced_scalars_enums_and_arrays_are_sent_as_text() {
    let (base, server) = serve_once("204 No Content", "text/plain", "").await;
    let client = Client::builder().base_url(&base).build().expect("client");
    client
        .untagged()
        .get_item("a/b", GetItemXVersion::Integer(3))
        .page(2)
        .sort(SortOrder::Desc)
        .tags(vec!["x".to_string(), "y".to_string()])
        .since(GetItemSince::Integer(1700000000))
        .send()
        .await
        .expect("sent");
    let received = server.await.expect("server");
    assert_eq!(
        received.request_line(),
        "GET /v1/items/a%2Fb?page=2&sort=desc&tags=x&tags=y&since=1700000000 HTTP/1.1"
    );
    assert_eq!(received.header("x-version"), Some("3"));
}

#[tokio::test]
async fn unions_of_scalars_send_the_alternative_they_hold() {
    let (base, server) = serve_once("204 No Content", "text/plain", "").await;
    let client = Client::builder().base_url(&base).build().expect("client");
    let since = "2024-05-06T07:08:09Z".parse().expect("date-time");
    client
        .untagged()
        .get_item("1", GetItemXVersion::SortOrder(SortOrder::Asc))
        .since(GetItemSince::DateTime(since))
        .send()
        .await
        .expect("sent");
    let received = server.await.expect("server");
    assert_eq!(
        received.request_line(),
        "GET /v1/items/1?since=2024-05-06T07%3A08%3A09Z HTTP/1.1"
    );
    assert_eq!(received.header("x-version"), Some("asc"));
    assert_eq!(GetItemSince::Unknown(serde_json::json!("later")).to_string(), "later");
}

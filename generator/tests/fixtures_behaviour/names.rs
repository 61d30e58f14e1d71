//! The names fixture: spec names that meet in one Rust namespace get distinct names, and each
//! still reaches the wire (or the JSON) under the name the spec gives it.

use fixture_names::models::{NullTime, NullTime2, PaymentCard, PaymentCard2, SelfModel, T2fa, Type};
use fixture_names::Client;
use loopback::serve_once;
use serde_json::json;

mod loopback;

#[tokio::test]
async fn parameters_sharing_a_name_with_each_other_or_the_builder_are_all_sent() {
    let (base, server) = serve_once("204 No Content", "text/plain", "").await;
    let client = Client::builder().base_url(&base).build().expect("client");
    client
        .feature_flags()
        .list_flags("p")
        .id_query("q")
        .client_query("c")
        .body_header("b")
        .start_time_lt("1")
        .start_time_gt("2")
        .start_time("3")
        .type_("t")
        .n2nd(2)
        .send()
        .await
        .expect("sent");
    let received = server.await.expect("server");
    assert_eq!(
        received.request_line(),
        "GET /v1/flags/p?id=q&client=c&StartTime%3C=1&StartTime%3E=2&StartTime=3&type=t&2nd=2 HTTP/1.1"
    );
    assert_eq!(received.header("body"), Some("b"));
}

#[tokio::test]
async fn operations_and_tags_that_meet_are_numbered_and_a_missing_operation_id_is_derived() {
    let (base, server) = serve_once("204 No Content", "text/plain", "").await;
    let client = Client::builder().base_url(&base).build().expect("client");
    let card = PaymentCard::new("now".to_string());
    client
        .feature_flags_2()
        .list_flags_2("p", true, &card)
        .send()
        .await
        .expect("sent");
    let received = server.await.expect("server");
    assert_eq!(received.request_line(), "POST /v1/flags/p?send=true HTTP/1.1");
    let sent: serde_json::Value = serde_json::from_slice(&received.body).expect("json");
    assert_eq!(sent, json!({"StartTime": "now"}));

    let (base, server) = serve_once("200 OK", "application/json", r#""2FA""#).await;
    let client = Client::builder().base_url(&base).build().expect("client");
    let status = client.builder_2().get_3rd_party_status().await.expect("status");
    assert_eq!(status, T2fa::V2fa2);
    let received = server.await.expect("server");
    assert_eq!(received.request_line(), "GET /v1/3rd-party/status HTTP/1.1");
}

#[test]
fn properties_that_meet_keep_their_json_names() {
    let card: PaymentCard = serde_json::from_value(json!({
        "StartTime<": "a",
        "StartTime>": "b",
        "StartTime": "c",
        "additional_properties": "d",
        "other": 1
    }))
    .expect("decodes");
    assert_eq!(card.start_time_lt.as_deref(), Some("a"));
    assert_eq!(card.start_time_gt.as_deref(), Some("b"));
    assert_eq!(card.start_time, "c");
    assert_eq!(card.additional_properties_2.as_deref(), Some("d"));
    assert_eq!(card.additional_properties.get("other"), Some(&json!(1)));
}

#[test]
fn enum_values_that_meet_are_distinct_variants() {
    let expected = [
        ("asc", PaymentCard2::Asc),
        ("ASC", PaymentCard2::Asc2),
        ("Add", PaymentCard2::Add),
        ("add", PaymentCard2::Add2),
        ("!match_regex", PaymentCard2::NotMatchRegex),
        ("match_regex", PaymentCard2::MatchRegex),
        ("self", PaymentCard2::SelfValue),
        ("1", PaymentCard2::V1),
        ("type", PaymentCard2::Type),
        ("unknown", PaymentCard2::UnknownValue),
        ("Unknown", PaymentCard2::UnknownValue2),
    ];
    for (text, variant) in expected {
        let decoded: PaymentCard2 = serde_json::from_value(json!(text)).expect("decodes");
        assert_eq!(decoded, variant, "{text}");
        assert_eq!(decoded.as_str(), text);
    }
}

#[test]
fn schemas_that_meet_and_keyword_names_are_distinct_types() {
    let a: NullTime = serde_json::from_value(json!({"at": "x"})).expect("nullTime");
    assert_eq!(a.at.as_deref(), Some("x"));
    let b: NullTime2 =
        serde_json::from_value(json!({"at": "2024-01-01T00:00:00Z"})).expect("NullTime");
    assert!(b.at.is_some());
    let keywords: SelfModel = serde_json::from_value(json!({
        "loop": {"type": "t", "self": "s", "crate": 1, "3d": true, "Self": "S"}
    }))
    .expect("Self");
    let inner: &Type = keywords.loop_.as_ref().expect("loop");
    assert_eq!(inner.type_.as_deref(), Some("t"));
    assert_eq!(inner.self_.as_deref(), Some("s"));
    assert_eq!(inner.crate_, Some(1));
    assert_eq!(inner.n3d, Some(true));
    assert_eq!(inner.self_2.as_deref(), Some("S"));
}

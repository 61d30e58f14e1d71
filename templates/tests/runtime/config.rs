//! Building a client: every bad configuration is a clear error, keys never show in Debug.

use std::time::Duration;

use client_runtime_template::{ClientBuilder, Error};

use crate::support::{builder, shows_a_key, API_KEY, APP_KEY, SPEC};

/// The message of a configuration error; fails the test for any other outcome.
fn config_error(builder: ClientBuilder) -> String {
    match builder.build() {
        Err(Error::Config { message }) => message,
        other => panic!("expected a configuration error, got {other:?}"),
    }
}

#[test]
fn a_missing_key_is_an_error_naming_the_credential_and_its_variable() {
    let message = config_error(
        ClientBuilder::new(&SPEC)
            .base_url("http://127.0.0.1:1")
            .credential("apiKeyAuth", API_KEY),
    );
    assert!(message.contains("appKeyAuth"), "{message}");
    assert!(message.contains("RUNTIME_TEST_APP_KEY"), "{message}");
}

#[test]
fn an_empty_or_blank_key_is_an_error() {
    for blank in ["", "   ", "\n"] {
        let message = config_error(builder("http://127.0.0.1:1").credential("appKeyAuth", blank));
        assert!(
            message.contains("appKeyAuth") && message.contains("empty"),
            "{message}"
        );
    }
}

#[test]
fn a_key_with_a_line_break_inside_is_an_error_that_does_not_show_it() {
    let key = format!("{APP_KEY}\r\nX-Injected: 1");
    let message = config_error(builder("http://127.0.0.1:1").credential("appKeyAuth", key));
    assert!(message.contains("appKeyAuth"), "{message}");
    assert!(!shows_a_key(&message), "{message}");
}

#[test]
fn an_unknown_credential_name_is_an_error_listing_the_known_ones() {
    let message = config_error(builder("http://127.0.0.1:1").credential("apiKey", "x"));
    assert!(message.contains("apiKeyAuth, appKeyAuth"), "{message}");
}

#[test]
fn an_unparsable_base_url_is_an_error() {
    for url in [
        "not a url",
        "127.0.0.1:8080",
        "ftp://example.com",
        "http://",
    ] {
        let message = config_error(builder(url));
        assert!(message.contains("base URL"), "{url}: {message}");
    }
}

#[test]
fn a_base_url_with_a_query_is_an_error() {
    let message = config_error(builder("https://proxy.example.com/?a=b"));
    assert!(message.contains("query"), "{message}");
}

#[test]
fn an_unknown_site_is_an_error_listing_the_known_ones() {
    let message = config_error(builder("http://127.0.0.1:1").site_value("datadoghq.moon"));
    assert!(message.contains("datadoghq.moon"), "{message}");
    assert!(
        message.contains("datadoghq.com, datadoghq.eu, us3.datadoghq.com"),
        "{message}"
    );
}

#[test]
fn plain_http_to_a_remote_host_is_refused_unless_allowed() {
    let message = config_error(builder("http://proxy.example.com"));
    assert!(message.contains("allow_insecure_http"), "{message}");
    assert!(builder("http://proxy.example.com")
        .allow_insecure_http(true)
        .build()
        .is_ok());
    for loopback in [
        "http://127.0.0.1:8080",
        "http://localhost:1",
        "http://[::1]:80",
    ] {
        assert!(builder(loopback).build().is_ok(), "{loopback}");
    }
    assert!(builder("https://proxy.example.com").build().is_ok());
}

#[test]
fn a_zero_timeout_is_an_error() {
    let message = config_error(builder("http://127.0.0.1:1").timeout(Duration::ZERO));
    assert!(message.contains("timeout"), "{message}");
}

#[test]
fn a_user_agent_suffix_with_a_line_break_is_an_error() {
    let message = config_error(builder("http://127.0.0.1:1").user_agent_suffix("app\r\nX: y"));
    assert!(message.contains("user agent"), "{message}");
}

#[test]
fn the_site_decides_the_base_url_and_defaults_to_the_first() {
    let keys = |b: ClientBuilder| {
        b.credential("apiKeyAuth", API_KEY)
            .credential("appKeyAuth", APP_KEY)
    };
    let default = keys(ClientBuilder::new(&SPEC)).build().expect("valid");
    assert!(format!("{default:?}").contains("https://api.datadoghq.com/"));
    let eu = keys(ClientBuilder::new(&SPEC).site_value(" DatadogHQ.eu "))
        .build()
        .expect("valid");
    assert!(format!("{eu:?}").contains("https://api.datadoghq.eu/"));
}

#[test]
fn debug_output_of_the_builder_and_the_client_redacts_both_keys() {
    let configured = builder("http://127.0.0.1:1");
    let builder_debug = format!("{configured:?}");
    assert!(builder_debug.contains("apiKeyAuth"), "{builder_debug}");
    assert!(!shows_a_key(&builder_debug), "{builder_debug}");
    let client = configured.build().expect("valid");
    let client_debug = format!("{client:?} {client:#?}");
    assert!(client_debug.contains("appKeyAuth"), "{client_debug}");
    assert!(!shows_a_key(&client_debug), "{client_debug}");
}

#[test]
fn the_last_of_site_and_base_url_wins() {
    let site_last = builder("http://127.0.0.1:1")
        .site_value("datadoghq.eu")
        .build()
        .expect("valid");
    assert!(format!("{site_last:?}").contains("https://api.datadoghq.eu/"));
    let base_url_last = builder("http://127.0.0.1:1")
        .site_value("datadoghq.eu")
        .base_url("http://127.0.0.1:2")
        .build()
        .expect("valid");
    assert!(format!("{base_url_last:?}").contains("http://127.0.0.1:2/"));
}

#[test]
fn a_password_in_the_base_url_never_shows() {
    const PASSWORD: &str = "url-pa55w0rd-3f9a";
    let configured = builder(&format!("http://user:{PASSWORD}@127.0.0.1:1/"));
    let builder_debug = format!("{configured:?}");
    assert!(
        builder_debug.contains("http://[redacted]@127.0.0.1:1/"),
        "{builder_debug}"
    );
    let client = configured.build().expect("valid");
    let client_debug = format!("{client:?} {client:#?}");
    assert!(
        client_debug.contains("http://[redacted]@127.0.0.1:1/"),
        "{client_debug}"
    );
    for shown in [builder_debug, client_debug] {
        assert!(!shown.contains(PASSWORD), "{shown}");
    }
    for bad in [
        format!("https://user:{PASSWORD}@exa mple.com/"),
        format!("http://user:{PASSWORD}@proxy.example.com/"),
        format!("https://user:{PASSWORD}@proxy.example.com/?a=b"),
        format!("ftp://user:{PASSWORD}@example.com/"),
        format!("user:{PASSWORD}@example.com"),
    ] {
        let message = config_error(builder(&bad));
        assert!(message.contains("[redacted]@"), "{message}");
        assert!(!message.contains(PASSWORD), "{message}");
    }
}

//! Loopback test servers: canned JSON replies and the requests a server received.
// Each test crate includes this module and uses a different part of it.
#![allow(dead_code)]

use serde_json::Value;
use wiremock::{MockServer, Request, ResponseTemplate};

/// A reply of `status` with `body` as `application/json`, or with no body.
pub fn reply(status: u16, body: Option<&Value>) -> ResponseTemplate {
    let template = ResponseTemplate::new(status);
    match body {
        Some(body) => template.set_body_raw(body.to_string(), "application/json"),
        None => template,
    }
}

/// Every request `server` received, in order.
pub async fn received(server: &MockServer) -> Vec<Request> {
    server
        .received_requests()
        .await
        .expect("the test servers record requests")
}

/// The value of header `name` of `request`, when present and printable.
pub fn header<'r>(request: &'r Request, name: &str) -> Option<&'r str> {
    request.headers.get(name)?.to_str().ok()
}

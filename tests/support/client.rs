//! A client of the generated crate pointed at a loopback test server, with test keys.
// Each test crate includes this module and uses a different part of it.
#![allow(dead_code)]

use datadog_feature_flags::{Client, ClientBuilder, RetryPolicy};
use wiremock::MockServer;

/// The API key the tests configure; requests must carry it in `DD-API-KEY`.
pub const API_KEY: &str = "test-api-key-0123";
/// The application key the tests configure; requests must carry it in `DD-APPLICATION-KEY`.
pub const APP_KEY: &str = "test-app-key-4567";
/// The `User-Agent` the generated client sends: `<crate name>/<API version>`.
pub const USER_AGENT: &str = "datadog-feature-flags/1.0.0";

/// A builder for a client of `server` with both keys and retries off; tests that retry
/// set their own policy.
pub fn builder(server: &MockServer) -> ClientBuilder {
    Client::builder()
        .base_url(&server.uri())
        .api_key(API_KEY)
        .app_key(APP_KEY)
        .retry_policy(RetryPolicy::disabled())
}

//! Walking every page of `ListFeatureFlags` with `into_stream`: three pages are fetched
//! with the right offsets, and a server that never ends the sequence cannot make it loop.

#[path = "../support/client.rs"]
mod client;
#[path = "../support/server.rs"]
mod server;

use datadog_feature_flags::models::FeatureFlag;
use datadog_feature_flags::Error;
use futures_util::StreamExt;
use serde_json::{json, Value};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use server::received;

/// The page size the tests ask for.
const LIMIT: usize = 2;

/// How the test server pages the flags `0, 1, 2, ...`.
#[derive(Default)]
struct Listing {
    /// How many flags there are; `None` for a listing that never ends.
    count: Option<usize>,
    /// Whether pages report the total in `meta.page.total_filtered_count`.
    reports_total: bool,
    /// Whether the server ignores `offset` and always serves the first page.
    ignores_offset: bool,
}

/// Flag number `index`, with only the required fields (the stream of a listing that
/// never ends decodes ten thousand pages).
fn flag(index: usize) -> Value {
    json!({
        "id": format!("00000000-0000-4000-8000-{index:012}"),
        "type": "feature-flags",
        "attributes": {
            "key": flag_key(index),
            "name": format!("Flag {index}"),
            "description": "",
            "value_type": "BOOLEAN",
            "variants": []
        }
    })
}

/// The key of flag number `index`.
fn flag_key(index: usize) -> String {
    format!("flag-{index}")
}

/// The integer query parameter `name` of `request`.
fn query_number(request: &Request, name: &str) -> Option<usize> {
    request
        .url
        .query_pairs()
        .find(|(key, _)| key == name)
        .and_then(|(_, value)| value.parse().ok())
}

impl Respond for Listing {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let offset = if self.ignores_offset {
            0
        } else {
            query_number(request, "offset").unwrap_or(0)
        };
        let limit = query_number(request, "limit").unwrap_or(10);
        let end = self
            .count
            .map_or(offset + limit, |count| count.min(offset + limit));
        let data: Vec<Value> = (offset..end).map(flag).collect();
        let mut page = json!({ "data": data });
        if let (true, Some(count)) = (self.reports_total, self.count) {
            page["meta"] =
                json!({ "page": { "total_count": count, "total_filtered_count": count } });
        }
        ResponseTemplate::new(200).set_body_json(page)
    }
}

/// A server answering `GET /api/v2/feature-flags` with `listing`.
async fn serve(listing: Listing) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/feature-flags"))
        .respond_with(listing)
        .mount(&server)
        .await;
    server
}

/// Everything the stream of `server`'s listing yields, pages of [`LIMIT`] flags.
async fn walk(server: &MockServer) -> Vec<Result<FeatureFlag, Error>> {
    let client = client::builder(server)
        .build()
        .expect("the test client configuration is valid");
    client
        .feature_flags()
        .list_feature_flags()
        .limit(LIMIT as i64)
        .into_stream()
        .collect()
        .await
}

/// The `offset` of each request `server` received.
async fn offsets(server: &MockServer) -> Vec<Option<usize>> {
    received(server)
        .await
        .iter()
        .map(|request| query_number(request, "offset"))
        .collect()
}

/// The keys of the flags, failing on the first error.
fn keys(results: Vec<Result<FeatureFlag, Error>>) -> Vec<String> {
    results
        .into_iter()
        .map(|result| result.map(|flag| flag.attributes.key))
        .collect::<Result<_, _>>()
        .unwrap_or_else(|error| panic!("the listing failed: {error}"))
}

#[tokio::test]
async fn stream_fetches_three_pages_and_stops_after_the_short_one() {
    let server = serve(Listing {
        count: Some(5),
        ..Listing::default()
    })
    .await;
    let keys = keys(walk(&server).await);
    assert_eq!(keys, (0..5).map(flag_key).collect::<Vec<_>>());
    assert_eq!(offsets(&server).await, [Some(0), Some(2), Some(4)]);
    let limits: Vec<_> = received(&server)
        .await
        .iter()
        .map(|request| query_number(request, "limit"))
        .collect();
    assert_eq!(
        limits,
        [Some(LIMIT); 3],
        "every page asks for the same limit"
    );
}

#[tokio::test]
async fn stream_stops_at_the_reported_total_without_fetching_a_fourth_page() {
    let server = serve(Listing {
        reports_total: true,
        count: Some(6),
        ..Listing::default()
    })
    .await;
    let keys = keys(walk(&server).await);
    assert_eq!(keys, (0..6).map(flag_key).collect::<Vec<_>>());
    assert_eq!(offsets(&server).await, [Some(0), Some(2), Some(4)]);
}

#[tokio::test]
async fn stream_stops_with_an_error_when_the_server_ignores_the_offset() {
    let server = serve(Listing {
        ignores_offset: true,
        ..Listing::default()
    })
    .await;
    let results = walk(&server).await;
    let (last, first_page) = results.split_last().expect("the stream yields items");
    assert!(
        matches!(last, Err(Error::Pagination { .. })),
        "the stream ends with a pagination error, got {last:?}"
    );
    assert_eq!(
        first_page.len(),
        2,
        "the first page's flags are yielded once"
    );
    assert!(first_page.iter().all(Result::is_ok));
    assert_eq!(offsets(&server).await, [Some(0), Some(2)]);
}

#[tokio::test]
async fn stream_stops_with_an_error_when_the_server_never_ends_the_listing() {
    let server = serve(Listing::default()).await;
    let results = walk(&server).await;
    let (last, flags) = results.split_last().expect("the stream yields items");
    assert!(
        matches!(last, Err(Error::Pagination { .. })),
        "the stream ends with a pagination error, got {last:?}"
    );
    assert!(flags.iter().all(Result::is_ok));
    let pages = received(&server).await.len();
    assert_eq!(
        flags.len(),
        pages * LIMIT,
        "every page fetched before giving up is yielded"
    );
}

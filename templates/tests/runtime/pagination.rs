//! Pagination: every item over all pages, ending at the last page, never looping forever.

use std::sync::Arc;

use client_runtime_template::{paginate, Client, Error, Method, OperationSpec, Page, Request};
use futures_util::StreamExt;
use serde::Deserialize;
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, Respond, ResponseTemplate};

use crate::support::builder;

static LIST_FLAGS: OperationSpec = OperationSpec {
    id: "ListFeatureFlags",
    method: Method::Get,
    path_template: "/api/v2/feature-flags",
    unstable: false,
    sites: None,
    security: &["apiKeyAuth", "appKeyAuth"],
};

/// A listing server: `items` served `page_len` at a time from the `offset` query parameter.
struct Listing {
    items: Vec<String>,
    page_len: usize,
    report_total: bool,
    ignore_offset: bool,
}

impl Respond for Listing {
    fn respond(&self, request: &wiremock::Request) -> ResponseTemplate {
        let offset = request
            .url
            .query_pairs()
            .find(|(name, _)| name == "offset")
            .and_then(|(_, value)| value.parse::<usize>().ok())
            .unwrap_or(0);
        let start = if self.ignore_offset {
            0
        } else {
            offset.min(self.items.len())
        };
        let end = (start + self.page_len).min(self.items.len());
        let mut body = serde_json::json!({ "data": &self.items[start..end] });
        if self.report_total {
            body["meta"] = serde_json::json!({ "total": self.items.len() });
        }
        ResponseTemplate::new(200).set_body_json(body)
    }
}

#[derive(Deserialize)]
struct ListBody {
    data: Vec<String>,
    meta: Option<Meta>,
}

#[derive(Deserialize)]
struct Meta {
    total: i64,
}

/// Fetches the page at `offset` through the client, as generated code would.
async fn fetch(client: Client, offset: i64) -> Result<Page<String>, Error> {
    let mut request = Request::new(&LIST_FLAGS);
    request.path_literal("/api/v2/feature-flags");
    request.query("offset", &offset);
    let body: ListBody = client.execute(request).await?.json()?.into_body();
    Ok(Page {
        items: body.data,
        total: body.meta.map(|meta| meta.total),
    })
}

/// A server listing `count` items named `item-N`.
async fn listing(
    count: usize,
    page_len: usize,
    report_total: bool,
    ignore_offset: bool,
) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(Listing {
            items: (0..count).map(|n| format!("item-{n}")).collect(),
            page_len,
            report_total,
            ignore_offset,
        })
        .mount(&server)
        .await;
    server
}

/// Every result of walking the listing from `start` with `page_size`.
async fn walk(
    server: &MockServer,
    start: i64,
    page_size: Option<i64>,
) -> Vec<Result<String, Error>> {
    let client = builder(&server.uri()).build().expect("valid");
    paginate(start, page_size, move |offset| {
        fetch(client.clone(), offset)
    })
    .collect()
    .await
}

/// The items, failing the test on any error.
fn items(results: Vec<Result<String, Error>>) -> Vec<String> {
    results
        .into_iter()
        .map(|result| result.expect("no error"))
        .collect()
}

async fn request_count(server: &MockServer) -> usize {
    server.received_requests().await.map_or(0, |r| r.len())
}

fn names(range: std::ops::Range<usize>) -> Vec<String> {
    range.map(|n| format!("item-{n}")).collect()
}

#[tokio::test]
async fn the_reported_total_ends_the_walk_without_an_extra_request() {
    let server = listing(4, 2, true, false).await;
    assert_eq!(items(walk(&server, 0, Some(2)).await), names(0..4));
    assert_eq!(request_count(&server).await, 2);
}

#[tokio::test]
async fn the_walk_starts_at_the_callers_offset() {
    let server = listing(5, 2, true, false).await;
    assert_eq!(items(walk(&server, 3, Some(2)).await), names(3..5));
}

#[tokio::test]
async fn a_page_shorter_than_the_page_size_is_the_last() {
    let server = listing(5, 2, false, false).await;
    assert_eq!(items(walk(&server, 0, Some(2)).await), names(0..5));
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn without_a_page_size_a_page_shorter_than_the_first_is_the_last() {
    let server = listing(7, 3, false, false).await;
    assert_eq!(items(walk(&server, 0, None).await), names(0..7));
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn an_empty_page_is_the_last() {
    let server = listing(4, 2, false, false).await;
    assert_eq!(items(walk(&server, 0, None).await), names(0..4));
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn an_empty_listing_yields_nothing() {
    let server = listing(0, 2, true, false).await;
    assert!(walk(&server, 0, Some(2)).await.is_empty());
    assert_eq!(request_count(&server).await, 1);
}

#[tokio::test]
async fn a_server_ignoring_the_offset_ends_the_walk_with_an_error() {
    let server = listing(10, 2, false, true).await;
    let results = walk(&server, 0, Some(2)).await;
    assert_eq!(results.len(), 3);
    assert_eq!(
        items(results[..2].iter().map(clone_ok).collect()),
        names(0..2)
    );
    let Err(Error::Pagination { message }) = &results[2] else {
        panic!("expected a pagination error, got {:?}", results[2]);
    };
    assert!(message.contains("ignore the offset"), "{message}");
    assert_eq!(request_count(&server).await, 2);
}

fn clone_ok(result: &Result<String, Error>) -> Result<String, Error> {
    match result {
        Ok(item) => Ok(item.clone()),
        Err(error) => panic!("unexpected error {error:?}"),
    }
}

#[tokio::test]
async fn a_failed_page_yields_its_error_and_ends_the_walk() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::query_param("offset", "2"))
        .respond_with(ResponseTemplate::new(400))
        .mount(&server)
        .await;
    Mock::given(any())
        .respond_with(Listing {
            items: names(0..6),
            page_len: 2,
            report_total: false,
            ignore_offset: false,
        })
        .mount(&server)
        .await;
    let results = walk(&server, 0, Some(2)).await;
    assert_eq!(results.len(), 3);
    assert!(results[0].is_ok() && results[1].is_ok());
    assert_eq!(results[2].as_ref().err().and_then(Error::status), Some(400));
}

#[tokio::test]
async fn a_listing_that_never_ends_stops_at_the_page_cap() {
    let fetched = Arc::new(std::sync::atomic::AtomicI64::new(0));
    let counter = fetched.clone();
    let results: Vec<Result<i64, Error>> = paginate(0, Some(1), move |offset| {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        async move {
            Ok(Page {
                items: vec![offset],
                total: None,
            })
        }
    })
    .collect()
    .await;
    // The cap the documentation of `paginate` states.
    assert_eq!(fetched.load(std::sync::atomic::Ordering::SeqCst), 10_000);
    assert_eq!(results.len(), 10_001);
    assert!(matches!(
        results.last(),
        Some(Err(Error::Pagination { .. }))
    ));
}

#[tokio::test]
async fn a_short_page_does_not_end_the_walk_while_the_total_says_more_remain() {
    // The server caps pages at 100 items; the caller asked for 500.
    let server = listing(250, 100, true, false).await;
    assert_eq!(items(walk(&server, 0, Some(500)).await), names(0..250));
    assert_eq!(request_count(&server).await, 3);
}

/// A server answering each request with the next of `pages` in turn (ignoring the offset).
async fn serving_in_turn(pages: Vec<Vec<String>>) -> MockServer {
    let served = std::sync::atomic::AtomicUsize::new(0);
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(move |_: &wiremock::Request| {
            let turn = served.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({ "data": pages[turn % pages.len()] }))
        })
        .mount(&server)
        .await;
    server
}

/// The pagination error message at the end of `results`, after `expected` items.
fn ends_with_pagination_error(results: &[Result<String, Error>], expected: &[String]) -> String {
    let (last, before) = results.split_last().expect("results");
    let shown: Vec<String> = before.iter().map(clone_ok).map(Result::unwrap).collect();
    assert_eq!(shown, expected);
    match last {
        Err(Error::Pagination { message }) => message.clone(),
        other => panic!("expected a pagination error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_server_alternating_two_pages_ends_with_an_error() {
    let server = serving_in_turn(vec![names(0..2), names(2..4)]).await;
    let results = walk(&server, 0, Some(2)).await;
    let message = ends_with_pagination_error(&results, &names(0..4));
    assert!(message.contains("repeats an earlier page"), "{message}");
    assert_eq!(request_count(&server).await, 3);
}

#[tokio::test]
async fn an_offset_that_cannot_advance_ends_with_an_error() {
    let server = serving_in_turn(vec![names(0..2), names(2..4), names(4..6)]).await;
    let results = walk(&server, i64::MAX - 1, Some(2)).await;
    let message = ends_with_pagination_error(&results, &names(0..2));
    assert!(message.contains("cannot advance"), "{message}");
    assert_eq!(request_count(&server).await, 1);
}

#[test]
fn the_stream_can_move_between_threads() {
    fn assert_send<S: Send>(_: &S) {}
    let client = builder("http://127.0.0.1:1").build().expect("valid");
    let stream = paginate(0, None, move |offset| fetch(client.clone(), offset));
    assert_send(&stream);
}

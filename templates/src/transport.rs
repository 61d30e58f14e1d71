//! One HTTP exchange: send a request, read the response body up to a size limit.

use reqwest::header::{HeaderMap, CONTENT_TYPE};
use reqwest::{StatusCode, Url};

use super::error::Error;
use super::request::Body;

/// A whole response: status, headers and body.
#[derive(Debug)]
pub(super) struct Exchange {
    /// The status code.
    pub(super) status: StatusCode,
    /// The response headers.
    pub(super) headers: HeaderMap,
    /// The response body, at most the configured size.
    pub(super) body: Vec<u8>,
}

/// The transport client from `builder`: it follows no redirects (the runtime follows them
/// itself, deciding hop by hop where the keys may go) and, for a plain-http base URL, uses
/// no proxy, so that the keys never reach a proxy unencrypted. An https base URL keeps the
/// builder's proxies, including those of `HTTPS_PROXY` (a CONNECT tunnel carries TLS).
pub(super) fn transport_client(
    builder: reqwest::ClientBuilder,
    base_url: &Url,
) -> Result<reqwest::Client, Error> {
    let builder = builder.redirect(reqwest::redirect::Policy::none());
    let builder = if base_url.scheme() == "https" {
        builder
    } else {
        builder.no_proxy()
    };
    builder
        .build()
        .map_err(|error| Error::config(format!("cannot create the HTTP client: {error}")))
}

/// Sends one request (no redirects followed) and returns the response with its body unread.
pub(super) async fn send(
    http: &reqwest::Client,
    operation: &'static str,
    method: reqwest::Method,
    url: Url,
    headers: &HeaderMap,
    body: Option<&Body>,
) -> Result<reqwest::Response, Error> {
    let mut builder = http.request(method, url).headers(headers.clone());
    if let Some(body) = body {
        builder = builder
            .header(CONTENT_TYPE, body.content_type.clone())
            .body(body.bytes.clone());
    }
    builder
        .send()
        .await
        .map_err(|source| Error::Transport { operation, source })
}

/// Reads the whole body, failing as soon as it is known to exceed `limit` bytes.
pub(super) async fn read(
    mut response: reqwest::Response,
    operation: &'static str,
    limit: usize,
) -> Result<Exchange, Error> {
    let too_large = Error::BodyTooLarge { operation, limit };
    if response
        .content_length()
        .is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
    {
        return Err(too_large);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|source| Error::Transport { operation, source })?
    {
        if body.len().saturating_add(chunk.len()) > limit {
            return Err(too_large);
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Exchange {
        status: response.status(),
        headers: std::mem::take(response.headers_mut()),
        body,
    })
}

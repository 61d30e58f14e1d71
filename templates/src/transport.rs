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
    /// Whether the body was cut at the configured size (only ever for an error status).
    pub(super) truncated: bool,
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

/// Reads the whole body. A 2xx body larger than `limit` bytes fails as soon as that is
/// known; any other status keeps its first `limit` bytes, so that the status and headers of
/// an error (a 429's rate limit, a 503's `Retry-After`) are never lost to its body's size.
pub(super) async fn read(
    mut response: reqwest::Response,
    operation: &'static str,
    limit: usize,
) -> Result<Exchange, Error> {
    let status = response.status();
    let too_large = Error::BodyTooLarge { operation, limit };
    if status.is_success()
        && response
            .content_length()
            .is_some_and(|length| length > u64::try_from(limit).unwrap_or(u64::MAX))
    {
        return Err(too_large);
    }
    let mut body = Vec::new();
    let mut truncated = false;
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|source| Error::Transport { operation, source })?
    {
        let room = limit - body.len();
        if chunk.len() > room {
            if status.is_success() {
                return Err(too_large);
            }
            body.extend_from_slice(&chunk[..room]);
            truncated = true;
            break;
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Exchange {
        status,
        headers: std::mem::take(response.headers_mut()),
        body,
        truncated,
    })
}

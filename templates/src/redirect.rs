//! Following redirects by hand, so that API keys only ever go to the configured origin.
//!
//! reqwest strips only `Authorization` and cookies on a cross-host redirect, not custom key
//! headers such as `DD-API-KEY`. So the transport client never follows redirects itself (the
//! builder sets `reqwest::redirect::Policy::none()` on every reqwest builder, the caller's
//! included). Redirects are followed here: the key headers are attached only to requests
//! whose origin (scheme, host and port) is the base URL's, and never again once a hop has
//! left that origin (the other host chose the path). A hop to plain http is refused after
//! https, and to any host that is neither loopback nor the base URL's origin.

use reqwest::header::{HeaderMap, LOCATION};
use reqwest::{StatusCode, Url};

use super::base_url::{is_loopback, without_userinfo};
use super::error::Error;
use super::request::Body;
use super::transport::{read, send, Exchange};

/// The most redirects followed for one attempt.
const MAX_REDIRECTS: usize = 10;

/// One attempt at a call, with everything needed to send it and follow redirects.
pub(super) struct Attempt<'a> {
    /// The transport client (which follows no redirects itself).
    pub(super) http: &'a reqwest::Client,
    /// The operation id, for errors.
    pub(super) operation: &'static str,
    /// The method.
    pub(super) method: reqwest::Method,
    /// The full URL; its origin is the only one that receives the keys.
    pub(super) url: &'a Url,
    /// Headers for any origin.
    pub(super) headers: &'a HeaderMap,
    /// `headers` plus the key headers, for the base URL's origin only.
    pub(super) keyed_headers: &'a HeaderMap,
    /// The body, if any.
    pub(super) body: Option<&'a Body>,
    /// The largest response body accepted, in bytes.
    pub(super) max_body: usize,
}

impl Attempt<'_> {
    /// Sends the request and follows redirects, returning the final response.
    pub(super) async fn run(&self) -> Result<Exchange, Error> {
        let mut method = self.method.clone();
        let mut url = self.url.clone();
        let mut body = self.body;
        let mut left_origin = false;
        for _ in 0..=MAX_REDIRECTS {
            left_origin = left_origin || !same_origin(&url, self.url);
            let headers = if left_origin {
                self.headers
            } else {
                self.keyed_headers
            };
            let response = send(
                self.http,
                self.operation,
                method.clone(),
                url.clone(),
                headers,
                body,
            )
            .await?;
            let Some(next) = self.next_hop(&response, &url)? else {
                return read(response, self.operation, self.max_body).await;
            };
            if !keeps_method(response.status(), &method) {
                method = reqwest::Method::GET;
                body = None;
            }
            url = next;
        }
        Err(Error::Redirect {
            operation: self.operation,
            message: format!("more than {MAX_REDIRECTS} redirects"),
        })
    }

    /// Where a redirect response points, or `None` when the response is final.
    fn next_hop(&self, response: &reqwest::Response, current: &Url) -> Result<Option<Url>, Error> {
        let followed = matches!(
            response.status(),
            StatusCode::MOVED_PERMANENTLY
                | StatusCode::FOUND
                | StatusCode::SEE_OTHER
                | StatusCode::TEMPORARY_REDIRECT
                | StatusCode::PERMANENT_REDIRECT
        );
        let Some(location) = response.headers().get(LOCATION).filter(|_| followed) else {
            return Ok(None);
        };
        let invalid = |why: &str| Error::Redirect {
            operation: self.operation,
            message: format!("the Location header {why}"),
        };
        let location = location
            .to_str()
            .map_err(|_| invalid("is not valid text"))?;
        let next = current
            .join(location)
            .map_err(|_| invalid("is not a valid URL"))?;
        match next.scheme() {
            "https" => Ok(Some(next)),
            "http"
                if current.scheme() == "http"
                    && (is_loopback(&next) || same_origin(&next, self.url)) =>
            {
                Ok(Some(next))
            }
            "http" => Err(Error::InsecureRedirect {
                operation: self.operation,
                location: without_userinfo(next.as_str()),
            }),
            _ => Err(invalid("points to a scheme other than http or https")),
        }
    }
}

/// Whether a redirect with `status` repeats the request with the same method and body
/// (307 and 308 always; 301 and 302 except after a POST; 303 only for HEAD).
fn keeps_method(status: StatusCode, method: &reqwest::Method) -> bool {
    match status {
        StatusCode::SEE_OTHER => *method == reqwest::Method::HEAD,
        StatusCode::MOVED_PERMANENTLY | StatusCode::FOUND => *method != reqwest::Method::POST,
        _ => true,
    }
}

/// Whether two URLs share scheme, host and port.
fn same_origin(a: &Url, b: &Url) -> bool {
    a.scheme() == b.scheme()
        && a.host_str() == b.host_str()
        && a.port_or_known_default() == b.port_or_known_default()
}

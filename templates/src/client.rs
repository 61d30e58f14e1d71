//! The client: sends a request with keys, checks, retries, tracing and limits.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue, ACCEPT, USER_AGENT};
use reqwest::Url;
use tracing::field::Empty;
use tracing::Instrument;

use super::base_url::without_userinfo;
use super::credentials::Credentials;
use super::error::{ApiError, Error};
use super::redirect::Attempt;
use super::request::{Body, Request};
use super::response::RawResponse;
use super::retry::{Failure, RetryPolicy};
use super::secret::Redactor;
use super::spec::{OperationSpec, SiteSpec};
use super::transport::Exchange;

/// An API client. Cloning is cheap and clones share one connection pool; it can be used
/// from many tasks at once. Its Debug output never shows the keys.
#[derive(Clone)]
pub struct Client {
    config: Arc<ClientConfig>,
}

/// Everything a built client knows, checked by the builder.
pub(super) struct ClientConfig {
    /// The transport client; it follows no redirects itself.
    pub(super) http: reqwest::Client,
    /// Where requests go.
    pub(super) base_url: Url,
    /// The site, unless a custom base URL was given.
    pub(super) site: Option<&'static SiteSpec>,
    /// The keys, as sensitive headers.
    pub(super) credentials: Credentials,
    /// Scrubs the keys from error text.
    pub(super) redactor: Redactor,
    /// Ids of the unstable operations enabled.
    pub(super) unstable: Vec<&'static str>,
    /// The longest one attempt may take.
    pub(super) timeout: Duration,
    /// How failed requests are retried.
    pub(super) retry: RetryPolicy,
    /// The `User-Agent` header.
    pub(super) user_agent: HeaderValue,
    /// The largest response body accepted, in bytes.
    pub(super) max_response_body_bytes: usize,
}

impl Client {
    /// A client with this checked configuration.
    pub(super) fn new(config: ClientConfig) -> Client {
        Client {
            config: Arc::new(config),
        }
    }

    /// Sends `request`: checks that the operation may be called (unstable operations must be
    /// enabled, site-restricted ones need a site that serves them) and that every parameter
    /// is valid, adds the keys the operation requires, retries per the retry policy, and
    /// returns the 2xx response. Any other final status becomes [`Error::Api`]. Nothing is
    /// sent when a check fails. Each call runs in a `tracing` span `api_request` with the
    /// operation id, method, path template, attempt number and status (never keys or
    /// parameter values).
    #[doc(hidden)]
    pub async fn execute(&self, request: Request) -> Result<RawResponse, Error> {
        let operation = request.operation();
        let span = tracing::info_span!(
            "api_request",
            operation = operation.id,
            method = operation.method.as_str(),
            path_template = operation.path_template,
            attempt = Empty,
            status = Empty,
        );
        self.execute_in_span(request, span.clone())
            .instrument(span)
            .await
    }

    /// [`Client::execute`] inside its span: checks, then attempts until success or the retry
    /// policy gives up.
    async fn execute_in_span(
        &self,
        request: Request,
        span: tracing::Span,
    ) -> Result<RawResponse, Error> {
        let config = &*self.config;
        let operation = request.operation();
        let prepared = self.prepare(request)?;
        let attempt = Attempt {
            http: &config.http,
            operation: operation.id,
            method: operation.method.to_reqwest(),
            url: &prepared.url,
            headers: &prepared.headers,
            keyed_headers: &prepared.keyed_headers,
            body: prepared.body.as_ref(),
            max_body: config.max_response_body_bytes,
        };
        let mut waited = Duration::ZERO;
        let mut number = 1;
        loop {
            span.record("attempt", number);
            let outcome = tokio::time::timeout(config.timeout, attempt.run())
                .await
                .unwrap_or(Err(Error::Timeout {
                    operation: operation.id,
                    timeout: config.timeout,
                }));
            if let Ok(exchange) = &outcome {
                span.record("status", exchange.status.as_u16());
            }
            let delay = failure_of(&outcome).and_then(|failure| {
                config
                    .retry
                    .delay(operation.method, failure, number, waited)
            });
            let Some(delay) = delay else {
                return self.finish(operation, outcome);
            };
            tracing::debug!(
                attempt = number,
                delay_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
                "retrying"
            );
            tokio::time::sleep(delay).await;
            waited += delay;
            number += 1;
        }
    }

    /// Checks `request` and turns it into what is sent: the URL, the headers for any origin,
    /// the same plus the keys the operation requires, and the body.
    fn prepare(&self, request: Request) -> Result<Prepared, Error> {
        let config = &*self.config;
        let operation = request.operation();
        request.check()?;
        self.check_callable(operation)?;
        let url = request.url(&config.base_url);
        let (mut headers, body) = request.into_parts();
        headers.insert(USER_AGENT, config.user_agent.clone());
        headers
            .entry(ACCEPT)
            .or_insert(HeaderValue::from_static("application/json"));
        let mut keyed_headers = headers.clone();
        config.credentials.apply(operation, &mut keyed_headers)?;
        Ok(Prepared {
            url,
            headers,
            keyed_headers,
            body,
        })
    }

    /// Fails fast, before anything is sent, for an unstable operation not enabled or an
    /// operation not served on the configured site.
    fn check_callable(&self, operation: &'static OperationSpec) -> Result<(), Error> {
        if operation.unstable && !self.config.unstable.contains(&operation.id) {
            return Err(Error::UnstableOperationDisabled {
                operation: operation.id,
            });
        }
        match (self.config.site, operation.sites) {
            (Some(site), Some(supported)) if !supported.contains(&site.value) => {
                Err(Error::UnsupportedSite {
                    operation: operation.id,
                    site: site.value,
                    supported,
                })
            }
            _ => Ok(()),
        }
    }

    /// The caller's result for the last attempt's outcome.
    fn finish(
        &self,
        operation: &'static OperationSpec,
        outcome: Result<Exchange, Error>,
    ) -> Result<RawResponse, Error> {
        let exchange = outcome?;
        let status = exchange.status.as_u16();
        if exchange.status.is_success() {
            Ok(RawResponse::new(
                operation.id,
                status,
                exchange.headers,
                exchange.body,
                self.config.redactor.clone(),
            ))
        } else {
            Err(Error::Api(ApiError::new(
                operation.id,
                status,
                exchange.headers,
                exchange.body,
                exchange.truncated,
                &self.config.redactor,
            )))
        }
    }
}

/// A checked request, ready to send.
struct Prepared {
    url: Url,
    headers: HeaderMap,
    keyed_headers: HeaderMap,
    body: Option<Body>,
}

/// Why an attempt failed, when retrying it could help.
fn failure_of(outcome: &Result<Exchange, Error>) -> Option<Failure<'_>> {
    match outcome {
        Ok(exchange) if exchange.status.is_success() => None,
        Ok(exchange) => Some(Failure::Status(exchange.status.as_u16(), &exchange.headers)),
        Err(Error::Transport { .. }) => Some(Failure::Transport),
        Err(_) => None,
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let config = &*self.config;
        f.debug_struct("Client")
            .field("base_url", &without_userinfo(config.base_url.as_str()))
            .field("site", &config.site.map(|site| site.value))
            .field("credentials", &config.credentials)
            .field("unstable", &config.unstable)
            .field("timeout", &config.timeout)
            .field("retry", &config.retry)
            .field("max_response_body_bytes", &config.max_response_body_bytes)
            .finish_non_exhaustive()
    }
}

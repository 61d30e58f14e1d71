//! The one error type of the client, and the API and decode errors it carries.

use std::error::Error as StdError;
use std::fmt;
use std::time::Duration;

use reqwest::header::HeaderMap;
use serde::de::DeserializeOwned;

use super::excerpt::{bounded, excerpt, joined};
use super::rate_limit::RateLimit;
use super::secret::Redactor;

/// Everything that can go wrong when calling the API.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The API answered with a status other than 2xx (after any retries).
    Api(ApiError),
    /// The request could not be sent or the response could not be read
    /// (connection refused or reset, TLS failure, ...).
    Transport {
        /// The operation being called.
        operation: &'static str,
        /// What reqwest reported.
        source: reqwest::Error,
    },
    /// No complete response arrived within the configured timeout.
    Timeout {
        /// The operation being called.
        operation: &'static str,
        /// The timeout that elapsed.
        timeout: Duration,
    },
    /// The response body could not be decoded into the expected type.
    Decode(DecodeError),
    /// The client is misconfigured; nothing was sent.
    Config {
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The operation is unstable and was not enabled on the builder; nothing was sent.
    UnstableOperationDisabled {
        /// The operation being called.
        operation: &'static str,
    },
    /// A parameter, header or body cannot be put into a valid request; nothing was sent.
    InvalidRequest {
        /// The operation being called.
        operation: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A 2xx response body is larger than the configured maximum (the body of an error
    /// status is cut at the maximum instead, see [`ApiError::body_truncated`]).
    BodyTooLarge {
        /// The operation being called.
        operation: &'static str,
        /// The maximum, in bytes.
        limit: usize,
    },
    /// The operation is not served on the configured site; nothing was sent.
    UnsupportedSite {
        /// The operation being called.
        operation: &'static str,
        /// The configured site.
        site: &'static str,
        /// The sites the operation is served on.
        supported: &'static [&'static str],
    },
    /// A redirect could not be followed (too many, or no usable `Location`).
    Redirect {
        /// The operation being called.
        operation: &'static str,
        /// What is wrong.
        message: String,
    },
    /// A redirect pointed to plain http after https, or to plain http on a host that is
    /// neither loopback nor the base URL's; it was not followed, so nothing went there.
    InsecureRedirect {
        /// The operation being called.
        operation: &'static str,
        /// Where the redirect pointed (without any user name or password).
        location: String,
    },
    /// Pagination stopped because the server does not page as expected.
    Pagination {
        /// What the server did.
        message: String,
    },
}

impl Error {
    /// The HTTP status, when the API answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status()),
            Error::Decode(decode) => Some(decode.status()),
            _ => None,
        }
    }

    /// A configuration error with this message.
    pub(super) fn config(message: impl Into<String>) -> Error {
        Error::Config {
            message: message.into(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Api(api) => fmt::Display::fmt(api, f),
            Error::Transport { operation, source } => {
                write!(f, "{operation}: transport error: {source}")?;
                let mut cause = source.source();
                while let Some(inner) = cause {
                    write!(f, ": {inner}")?;
                    cause = inner.source();
                }
                Ok(())
            }
            Error::Timeout { operation, timeout } => {
                write!(f, "{operation}: no complete response within {timeout:?}")
            }
            Error::Decode(decode) => fmt::Display::fmt(decode, f),
            Error::Config { message } => write!(f, "invalid client configuration: {message}"),
            Error::UnstableOperationDisabled { operation } => write!(
                f,
                "{operation} is an unstable operation and was not enabled; enable it on the \
                 client builder first (nothing was sent)"
            ),
            Error::InvalidRequest { operation, message } => {
                write!(
                    f,
                    "{operation}: invalid request (nothing was sent): {message}"
                )
            }
            Error::BodyTooLarge { operation, limit } => write!(
                f,
                "{operation}: the response body exceeds the maximum of {limit} bytes \
                 (see max_response_body_bytes)"
            ),
            Error::UnsupportedSite {
                operation,
                site,
                supported,
            } => write!(
                f,
                "{operation} is not served on site {site} (nothing was sent); it is served on: {}",
                supported.join(", ")
            ),
            Error::Redirect { operation, message } => {
                write!(f, "{operation}: cannot follow redirect: {message}")
            }
            Error::InsecureRedirect {
                operation,
                location,
            } => write!(
                f,
                "{operation}: refused to follow a redirect to `{location}`: plain http is \
                 followed only from plain http and only to a loopback host or the base URL, so \
                 that the request never travels unencrypted where it was not configured to"
            ),
            Error::Pagination { message } => write!(f, "pagination stopped: {message}"),
        }
    }
}

/// The Display text already includes every cause (the transport error's whole chain), so no
/// variant reports a separate `source`; the causes stay reachable through the variants' fields.
impl StdError for Error {}

/// A response with a status other than 2xx: the API's error body with its status and headers.
pub struct ApiError {
    inner: Box<ApiErrorInner>,
}

struct ApiErrorInner {
    operation: &'static str,
    status: u16,
    headers: HeaderMap,
    rate_limit: RateLimit,
    body: Vec<u8>,
    body_truncated: bool,
    errors: Vec<String>,
    excerpt: String,
}

impl ApiError {
    /// An error for a response of `status` with these headers and body (cut at the size
    /// limit when `body_truncated`).
    pub(super) fn new(
        operation: &'static str,
        status: u16,
        headers: HeaderMap,
        body: Vec<u8>,
        body_truncated: bool,
        redactor: &Redactor,
    ) -> ApiError {
        let errors = error_messages(&body)
            .into_iter()
            .map(|message| bounded(&message, redactor))
            .collect();
        ApiError {
            inner: Box::new(ApiErrorInner {
                operation,
                status,
                rate_limit: RateLimit::from_headers(&headers),
                headers,
                excerpt: excerpt(&body, redactor),
                body,
                body_truncated,
                errors,
            }),
        }
    }

    /// The operation that failed.
    pub fn operation(&self) -> &'static str {
        self.inner.operation
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.inner.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.inner.headers
    }

    /// The rate-limit headers of the response.
    pub fn rate_limit(&self) -> &RateLimit {
        &self.inner.rate_limit
    }

    /// The messages of the body's `errors` list, each bounded and without the keys; empty
    /// when the body has none (a 429 can come without a body).
    pub fn errors(&self) -> &[String] {
        &self.inner.errors
    }

    /// The raw response body (its first `max_response_body_bytes` when it was longer).
    pub fn body(&self) -> &[u8] {
        &self.inner.body
    }

    /// Whether the body was longer than `max_response_body_bytes` and [`ApiError::body`]
    /// holds only its start.
    pub fn body_truncated(&self) -> bool {
        self.inner.body_truncated
    }

    /// The body decoded as `T`, when it is JSON of that shape.
    pub fn json<T: DeserializeOwned>(&self) -> Option<T> {
        serde_json::from_slice(&self.inner.body).ok()
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        write!(
            f,
            "{}: the API answered HTTP {}",
            inner.operation, inner.status
        )?;
        if let Some(reason) = reqwest::StatusCode::from_u16(inner.status)
            .ok()
            .and_then(|status| status.canonical_reason())
        {
            write!(f, " {reason}")?;
        }
        if let Some(reset) = inner.rate_limit.reset.filter(|_| inner.status == 429) {
            write!(f, " (rate limit resets in {reset}s)")?;
        }
        if inner.errors.is_empty() {
            write!(f, ": {}", inner.excerpt)?;
        } else {
            write!(f, ": {}", joined(&inner.errors))?;
        }
        if inner.body_truncated {
            write!(
                f,
                " (body cut at {} bytes, see max_response_body_bytes)",
                inner.body.len()
            )?;
        }
        Ok(())
    }
}

impl fmt::Debug for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("ApiError")
            .field("operation", &inner.operation)
            .field("status", &inner.status)
            .field("rate_limit", &inner.rate_limit)
            .field("errors", &inner.errors)
            .field("body", &inner.excerpt)
            .field("body_truncated", &inner.body_truncated)
            .finish_non_exhaustive()
    }
}

impl StdError for ApiError {}

/// The messages in an error body's `errors` list: strings as they are, JSON:API error
/// objects as "title: detail".
fn error_messages(body: &[u8]) -> Vec<String> {
    let Ok(serde_json::Value::Object(object)) = serde_json::from_slice(body) else {
        return Vec::new();
    };
    let Some(serde_json::Value::Array(errors)) = object.get("errors") else {
        return Vec::new();
    };
    errors.iter().map(error_message).collect()
}

/// One entry of an `errors` list as a message.
fn error_message(error: &serde_json::Value) -> String {
    let field = |name: &str| error.get(name).and_then(serde_json::Value::as_str);
    match (error.as_str(), field("title"), field("detail")) {
        (Some(message), _, _) => message.to_owned(),
        (None, Some(title), Some(detail)) => format!("{title}: {detail}"),
        (None, Some(message), None) | (None, None, Some(message)) => message.to_owned(),
        (None, None, None) => error.to_string(),
    }
}

/// A response body that could not be decoded: where in the JSON, why, and what the body was.
pub struct DecodeError {
    inner: Box<DecodeErrorInner>,
}

struct DecodeErrorInner {
    operation: &'static str,
    status: u16,
    content_type: Option<String>,
    path: String,
    message: String,
    excerpt: String,
}

impl DecodeError {
    /// A decode error for a response of `status` and `content_type` whose `body` failed at
    /// JSON `path` with `message`.
    pub(super) fn new(
        operation: &'static str,
        status: u16,
        content_type: Option<String>,
        path: String,
        message: &str,
        body: &[u8],
        redactor: &Redactor,
    ) -> DecodeError {
        DecodeError {
            inner: Box::new(DecodeErrorInner {
                operation,
                status,
                content_type,
                path: bounded(&path, redactor),
                message: bounded(message, redactor),
                excerpt: excerpt(body, redactor),
            }),
        }
    }

    /// The operation whose response failed to decode.
    pub fn operation(&self) -> &'static str {
        self.inner.operation
    }

    /// The HTTP status of the response.
    pub fn status(&self) -> u16 {
        self.inner.status
    }

    /// Where in the JSON decoding failed, for example `data[0].attributes.key`
    /// (`.` for the top level).
    pub fn path(&self) -> &str {
        &self.inner.path
    }

    /// Why decoding failed.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// A bounded excerpt of the body.
    pub fn body_excerpt(&self) -> &str {
        &self.inner.excerpt
    }

    /// The response's `Content-Type`, when it had one.
    pub fn content_type(&self) -> Option<&str> {
        self.inner.content_type.as_deref()
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        write!(
            f,
            "{}: cannot decode the HTTP {} response at `{}`: {}",
            inner.operation, inner.status, inner.path, inner.message
        )?;
        if let Some(content_type) = &inner.content_type {
            write!(f, " (content type {content_type})")?;
        }
        write!(f, "; body: {}", inner.excerpt)
    }
}

impl fmt::Debug for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        f.debug_struct("DecodeError")
            .field("operation", &inner.operation)
            .field("status", &inner.status)
            .field("content_type", &inner.content_type)
            .field("path", &inner.path)
            .field("message", &inner.message)
            .field("body", &inner.excerpt)
            .finish()
    }
}

impl StdError for DecodeError {}

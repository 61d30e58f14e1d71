//! A successful response and its typed form: status, headers and rate limit beside the body.

use std::fmt;

use reqwest::header::{HeaderMap, CONTENT_TYPE};
use serde::de::DeserializeOwned;

use super::error::{DecodeError, Error};
use super::rate_limit::{text, RateLimit};
use super::secret::Redactor;

/// A 2xx response whose body has been read but not yet decoded.
pub struct RawResponse {
    operation: &'static str,
    status: u16,
    headers: HeaderMap,
    body: Vec<u8>,
    redactor: Redactor,
}

/// A response with its decoded body.
#[derive(Debug, Clone)]
pub struct ApiResponse<T> {
    /// The HTTP status code.
    pub status: u16,
    /// The response headers.
    pub headers: HeaderMap,
    /// The rate-limit headers, parsed.
    pub rate_limit: RateLimit,
    /// The decoded body.
    pub body: T,
}

impl<T> ApiResponse<T> {
    /// The same response with its body transformed.
    pub fn map<U>(self, transform: impl FnOnce(T) -> U) -> ApiResponse<U> {
        ApiResponse {
            status: self.status,
            headers: self.headers,
            rate_limit: self.rate_limit,
            body: transform(self.body),
        }
    }

    /// The body alone.
    pub fn into_body(self) -> T {
        self.body
    }
}

impl RawResponse {
    /// A response of `operation`, whose excerpts in errors are scrubbed by `redactor`.
    pub(super) fn new(
        operation: &'static str,
        status: u16,
        headers: HeaderMap,
        body: Vec<u8>,
        redactor: Redactor,
    ) -> RawResponse {
        RawResponse {
            operation,
            status,
            headers,
            body,
            redactor,
        }
    }

    /// The HTTP status code.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// The response headers.
    pub fn headers(&self) -> &HeaderMap {
        &self.headers
    }

    /// The body decoded from JSON, whatever the JSON media type (`application/json`,
    /// `application/vnd.api+json`, ...). On failure the error names the JSON path where
    /// decoding failed and shows a bounded excerpt of the body.
    pub fn json<T: DeserializeOwned>(self) -> Result<ApiResponse<T>, Error> {
        match serde_json::from_slice(&self.body) {
            Ok(body) => Ok(self.with_body(body)),
            Err(_) => Err(Error::Decode(self.decode_error::<T>())),
        }
    }

    /// The response without a body (any body is dropped).
    pub fn empty(self) -> ApiResponse<()> {
        self.with_body(())
    }

    /// The body as UTF-8 text.
    pub fn text(self) -> Result<ApiResponse<String>, Error> {
        match std::str::from_utf8(&self.body) {
            Ok(text) => {
                let text = text.to_owned();
                Ok(self.with_body(text))
            }
            Err(error) => Err(Error::Decode(self.describe_failure(
                ".".to_owned(),
                &format!("the body is not UTF-8 text: {error}"),
            ))),
        }
    }

    /// The body as bytes.
    pub fn bytes(mut self) -> ApiResponse<Vec<u8>> {
        let body = std::mem::take(&mut self.body);
        self.with_body(body)
    }

    /// The response around `body`.
    fn with_body<T>(self, body: T) -> ApiResponse<T> {
        ApiResponse {
            status: self.status,
            rate_limit: RateLimit::from_headers(&self.headers),
            headers: self.headers,
            body,
        }
    }

    /// Why the body does not decode as `T`, with the JSON path. Run only after a plain decode
    /// failed, so that the happy path does not pay for path tracking.
    fn decode_error<T: DeserializeOwned>(&self) -> DecodeError {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return self.describe_failure(".".to_owned(), "the body is empty");
        }
        let mut deserializer = serde_json::Deserializer::from_slice(&self.body);
        let (path, message) = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
            Err(error) => (error.path().to_string(), error.inner().to_string()),
            Ok(_) => match deserializer.end() {
                Err(error) => (".".to_owned(), error.to_string()),
                Ok(()) => (".".to_owned(), "the body does not decode".to_owned()),
            },
        };
        self.describe_failure(path, &message)
    }

    /// A decode error at `path` for this response.
    fn describe_failure(&self, path: String, message: &str) -> DecodeError {
        DecodeError::new(
            self.operation,
            self.status,
            text(&self.headers, CONTENT_TYPE.as_str()).map(str::to_owned),
            path,
            message,
            &self.body,
            &self.redactor,
        )
    }
}

impl fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawResponse")
            .field("operation", &self.operation)
            .field("status", &self.status)
            .field("headers", &self.headers)
            .field("body_bytes", &self.body.len())
            .finish()
    }
}

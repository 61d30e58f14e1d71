//! One API request as generated code builds it: path, query, headers and body, validated.

use std::fmt::Display;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use reqwest::header::{HeaderMap, HeaderName, HeaderValue};
use reqwest::Url;

use super::error::Error;
use super::spec::OperationSpec;

/// Characters escaped in a path parameter: everything but RFC 3986 unreserved characters,
/// so `/`, `?`, `#`, `%` and spaces (as `%20`) stay inside their segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Characters escaped in a literal part of the path template, which may span segments.
const LITERAL: &AsciiSet = &SEGMENT.remove(b'/');

/// A request being built for one operation. Invalid values (a line break in a parameter,
/// a bad header name) are remembered and reported by `Client::execute`, before sending.
#[derive(Debug)]
pub struct Request {
    operation: &'static OperationSpec,
    path: String,
    query: Vec<(&'static str, String)>,
    headers: HeaderMap,
    body: Option<Body>,
    problem: Option<String>,
}

/// A request body and its content type.
#[derive(Debug, Clone)]
pub(super) struct Body {
    /// The `Content-Type` it is sent with.
    pub(super) content_type: HeaderValue,
    /// The encoded body.
    pub(super) bytes: Vec<u8>,
}

impl Request {
    /// An empty request for `operation`.
    pub fn new(operation: &'static OperationSpec) -> Request {
        Request {
            operation,
            path: String::new(),
            query: Vec::new(),
            headers: HeaderMap::new(),
            body: None,
            problem: None,
        }
    }

    /// Appends a literal part of the path template (`api`, or `/api/v2/feature-flags`).
    pub fn path_literal(&mut self, segment: &'static str) {
        let segment = segment.trim_matches('/');
        if !segment.is_empty() {
            self.path.push('/');
            self.path.extend(utf8_percent_encode(segment, LITERAL));
        }
    }

    /// Appends one path segment holding `value`, percent-encoded so that it stays one segment.
    pub fn path_param(&mut self, value: &dyn Display) {
        let value = value.to_string();
        if has_line_break(&value) {
            self.reject("a path parameter contains a line break (CR or LF)".to_owned());
        } else if value.is_empty() {
            self.reject("a path parameter is empty".to_owned());
        } else if value == "." || value == ".." {
            self.reject(format!(
                "a path parameter is `{value}`, which URLs treat as a relative path step"
            ));
        } else {
            self.path.push('/');
            self.path.extend(utf8_percent_encode(&value, SEGMENT));
        }
    }

    /// Adds a query parameter; called once per item for arrays.
    pub fn query(&mut self, name: &'static str, value: &dyn Display) {
        let value = value.to_string();
        if has_line_break(&value) {
            self.reject(format!(
                "query parameter `{name}` contains a line break (CR or LF)"
            ));
        } else {
            self.query.push((name, value));
        }
    }

    /// Adds a request header.
    pub fn header(&mut self, name: &'static str, value: &dyn Display) {
        let Ok(header_name) = HeaderName::from_bytes(name.as_bytes()) else {
            self.reject(format!("`{name}` is not a valid header name"));
            return;
        };
        match HeaderValue::from_str(&value.to_string()) {
            Ok(header_value) => {
                self.headers.append(header_name, header_value);
            }
            Err(_) => self.reject(format!(
                "header `{name}` contains a line break or another control character"
            )),
        }
    }

    /// Sets a JSON body (`Content-Type: application/json`).
    pub fn json_body<T: serde::Serialize + ?Sized>(&mut self, body: &T) -> Result<(), Error> {
        let bytes = serde_json::to_vec(body).map_err(|error| Error::InvalidRequest {
            operation: self.operation.id,
            message: format!("cannot encode the JSON body: {error}"),
        })?;
        self.body = Some(Body {
            content_type: HeaderValue::from_static("application/json"),
            bytes,
        });
        Ok(())
    }

    /// Sets a body of any other content type.
    pub fn raw_body(&mut self, content_type: &'static str, bytes: Vec<u8>) {
        match HeaderValue::from_str(content_type) {
            Ok(content_type) => {
                self.body = Some(Body {
                    content_type,
                    bytes,
                })
            }
            Err(_) => self.reject(format!("`{content_type}` is not a valid content type")),
        }
    }

    /// The operation this request calls.
    pub(super) fn operation(&self) -> &'static OperationSpec {
        self.operation
    }

    /// The first problem found while building, as an error.
    pub(super) fn check(&self) -> Result<(), Error> {
        match &self.problem {
            Some(message) => Err(Error::InvalidRequest {
                operation: self.operation.id,
                message: message.clone(),
            }),
            None => Ok(()),
        }
    }

    /// The full URL: `base` (which may carry a path prefix), then the path, then the query.
    pub(super) fn url(&self, base: &Url) -> Url {
        let mut url = base.clone();
        let path = format!("{}{}", base.path().trim_end_matches('/'), self.path);
        url.set_path(if path.is_empty() { "/" } else { &path });
        url.set_query(None);
        if !self.query.is_empty() {
            let mut pairs = url.query_pairs_mut();
            for (name, value) in &self.query {
                pairs.append_pair(name, value);
            }
        }
        url
    }

    /// The headers and body, for sending.
    pub(super) fn into_parts(self) -> (HeaderMap, Option<Body>) {
        (self.headers, self.body)
    }

    /// Remembers the first problem; later ones add nothing new to fix first.
    fn reject(&mut self, message: String) {
        self.problem.get_or_insert(message);
    }
}

/// Whether `value` contains a carriage return or line feed.
fn has_line_break(value: &str) -> bool {
    value.contains(['\r', '\n'])
}

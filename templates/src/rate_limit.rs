//! Datadog's rate-limit response headers (`X-RateLimit-*`), parsed.

use std::time::Duration;

use reqwest::header::HeaderMap;

/// The rate-limit state a response reports. Every field is absent when its header is
/// missing or unparsable.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateLimit {
    /// `X-RateLimit-Limit`: requests allowed per period.
    pub limit: Option<u64>,
    /// `X-RateLimit-Period`: length of the period, in seconds.
    pub period: Option<u64>,
    /// `X-RateLimit-Remaining`: requests left in the current period.
    pub remaining: Option<u64>,
    /// `X-RateLimit-Reset`: seconds until the current period ends.
    pub reset: Option<u64>,
    /// `X-RateLimit-Name`: the name of the limit that applies.
    pub name: Option<String>,
}

impl RateLimit {
    /// Reads the rate-limit headers of a response.
    pub fn from_headers(headers: &HeaderMap) -> RateLimit {
        RateLimit {
            limit: number(headers, "x-ratelimit-limit"),
            period: number(headers, "x-ratelimit-period"),
            remaining: number(headers, "x-ratelimit-remaining"),
            reset: number(headers, "x-ratelimit-reset"),
            name: text(headers, "x-ratelimit-name").map(str::to_owned),
        }
    }

    /// How long until the current period ends, when the response said.
    pub fn reset_after(&self) -> Option<Duration> {
        self.reset.map(Duration::from_secs)
    }
}

/// The header's value as text, when present and printable.
pub(super) fn text<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers.get(name)?.to_str().ok().map(str::trim)
}

/// The header's value as a whole number, when present and parsable.
pub(super) fn number(headers: &HeaderMap, name: &str) -> Option<u64> {
    text(headers, name)?.parse().ok()
}

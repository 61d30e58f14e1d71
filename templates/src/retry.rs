//! When and how long to wait before sending a failed request again.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderMap;

use super::rate_limit::{number, text};
use super::spec::Method;

/// How failed requests are retried.
///
/// A 429 is retried for every method (the API did not process the request), after the
/// rate-limit reset (`X-RateLimit-Reset`, seconds) or `Retry-After` (seconds or an HTTP
/// date). A 5xx or a transport failure (connection refused or reset) is retried only for
/// idempotent methods (never a `POST` or `PATCH`), after `Retry-After` when given. Without
/// a wait from the server, the wait is an exponential backoff from `base_delay`. Every
/// wait gets jitter, so that many clients do not retry in lockstep: a backoff step is
/// half fixed and half random, and a server's wait (even `Retry-After: 0`) gets an extra
/// half to whole `base_delay`. A timeout is never retried: the timeout bounds
/// how long one call waits for an unresponsive server. A retry whose wait would take the
/// total waited past `max_total_wait` is not made; the last failure is returned instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_total_wait: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, backoff from 500 ms up to 10 s, at most 60 s of waiting in total.
    fn default() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(10),
            max_total_wait: Duration::from_secs(60),
        }
    }
}

/// Why an attempt failed, as far as retrying cares.
#[derive(Debug, Clone, Copy)]
pub(super) enum Failure<'a> {
    /// The server answered with this non-2xx status and headers.
    Status(u16, &'a HeaderMap),
    /// The connection failed or broke before a whole response arrived.
    Transport,
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn disabled() -> RetryPolicy {
        RetryPolicy::default().max_attempts(1)
    }

    /// The most attempts per call, the first included (at least 1; 1 disables retries).
    pub fn max_attempts(mut self, attempts: u32) -> RetryPolicy {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The backoff before the first retry; it doubles for each further retry.
    pub fn base_delay(mut self, delay: Duration) -> RetryPolicy {
        self.base_delay = delay;
        self
    }

    /// The longest backoff between two attempts (server-given waits are not capped by
    /// this, only by `max_total_wait`).
    pub fn max_delay(mut self, delay: Duration) -> RetryPolicy {
        self.max_delay = delay;
        self
    }

    /// The most time spent waiting between attempts over one call.
    pub fn max_total_wait(mut self, wait: Duration) -> RetryPolicy {
        self.max_total_wait = wait;
        self
    }

    /// How long to wait before the next attempt after `failure` on attempt number `attempt`
    /// (1 for the first), having already waited `waited`; `None` to give up.
    pub(super) fn delay(
        &self,
        method: Method,
        failure: Failure<'_>,
        attempt: u32,
        waited: Duration,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let server_wait = match failure {
            Failure::Status(429, headers) => rate_limit_wait(headers),
            Failure::Status(500..=599, headers) if method.is_idempotent() => retry_after(headers),
            Failure::Transport if method.is_idempotent() => None,
            Failure::Status(..) | Failure::Transport => return None,
        };
        let wait = match server_wait {
            Some(wait) => wait.saturating_add(equal_jitter(self.base_delay)),
            None => self.backoff(attempt),
        };
        let total = waited.checked_add(wait)?;
        (total <= self.max_total_wait).then_some(wait)
    }

    /// Exponential backoff with jitter.
    fn backoff(&self, attempt: u32) -> Duration {
        let step = 2u32
            .checked_pow(attempt.saturating_sub(1))
            .and_then(|factor| self.base_delay.checked_mul(factor))
            .map_or(self.max_delay, |step| step.min(self.max_delay));
        equal_jitter(step)
    }
}

/// "Equal jitter": half of `step` fixed, plus a random part up to the other half.
fn equal_jitter(step: Duration) -> Duration {
    let half = step / 2;
    half.saturating_add(jitter(step - half))
}

/// How long a 429 asks to wait: `X-RateLimit-Reset`, else `Retry-After`.
fn rate_limit_wait(headers: &HeaderMap) -> Option<Duration> {
    number(headers, "x-ratelimit-reset")
        .map(Duration::from_secs)
        .or_else(|| retry_after(headers))
}

/// `Retry-After`, as seconds or as an HTTP date (a date in the past means now).
fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = text(headers, "retry-after")?;
    match value.parse() {
        Ok(seconds) => Some(Duration::from_secs(seconds)),
        Err(_) => {
            let date = httpdate::parse_http_date(value).ok()?;
            Some(
                date.duration_since(SystemTime::now())
                    .unwrap_or(Duration::ZERO),
            )
        }
    }
}

/// A random duration from zero to `max`, both included.
fn jitter(max: Duration) -> Duration {
    let nanos = u128::from(random_u64()) % (max.as_nanos().saturating_add(1));
    Duration::from_nanos(u64::try_from(nanos).unwrap_or(u64::MAX))
}

/// A random number, good enough to spread retries (not for cryptography).
fn random_u64() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let mut hasher = RandomState::new().build_hasher();
    hasher.write_u64(COUNTER.fetch_add(1, Ordering::Relaxed));
    if let Ok(since_epoch) = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH) {
        hasher.write_u128(since_epoch.as_nanos());
    }
    hasher.finish()
}

//! Integration tests of the client runtime against real servers on 127.0.0.1.

mod concurrency;
mod config;
mod encoding;
mod errors;
mod gates;
mod pagination;
mod redirects;
mod responses;
mod retries;
mod secrets;
mod socket_faults;
mod support;
mod tls;

//! The client runtime: configuration, sending with keys, retries and limits, responses,
//! errors and pagination. Generated operations describe themselves with [`OperationSpec`],
//! build a [`Request`] and hand it to [`Client::execute`].

mod base_url;
mod builder;
mod client;
mod credentials;
mod error;
mod excerpt;
mod pagination;
mod rate_limit;
mod redirect;
mod request;
mod response;
mod retry;
mod secret;
mod spec;
mod transport;

pub use builder::ClientBuilder;
pub use client::Client;
pub use error::{ApiError, DecodeError, Error};
pub use rate_limit::RateLimit;
pub use response::ApiResponse;
pub use retry::RetryPolicy;

// What generated operations build on: public so the generated code (and the runtime's own
// tests) can reach it, hidden from the docs because applications use the typed operations.
#[doc(hidden)]
pub use pagination::{paginate, Page};
#[doc(hidden)]
pub use request::Request;
#[doc(hidden)]
pub use response::RawResponse;
#[doc(hidden)]
pub use spec::{ApiSpec, CredentialSpec, Method, OperationSpec, SiteSpec};

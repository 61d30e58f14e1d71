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
pub use pagination::{paginate, Page};
pub use rate_limit::RateLimit;
pub use request::Request;
pub use response::{ApiResponse, RawResponse};
pub use retry::RetryPolicy;
pub use spec::{ApiSpec, CredentialSpec, Method, OperationSpec, SiteSpec};

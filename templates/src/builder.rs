//! Configuring a client: site or base URL, keys, timeouts, retries, limits.

use std::env::{self, VarError};
use std::fmt;
use std::time::Duration;

use reqwest::header::HeaderValue;

use super::base_url::{parse_base_url, without_userinfo};
use super::client::{Client, ClientConfig};
use super::credentials::Credentials;
use super::error::Error;
use super::retry::RetryPolicy;
use super::secret::{Redactor, Secret};
use super::spec::ApiSpec;
use super::transport::transport_client;

/// The default time one call may take, retries excluded (each attempt gets this much).
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The default time to establish a connection.
const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// The default largest response body accepted: far above any real response.
const DEFAULT_MAX_RESPONSE_BODY_BYTES: usize = 32 * 1024 * 1024;

/// Builds a [`Client`]. Every problem is reported by [`ClientBuilder::build`] (or by
/// [`ClientBuilder::from_env`] for the environment), never by sending a bad request.
///
/// Its Debug output shows the credential names, never their values, and no password of
/// the base URL.
pub struct ClientBuilder {
    spec: &'static ApiSpec,
    site: Option<String>,
    base_url: Option<String>,
    credentials: Vec<(String, Secret)>,
    unstable: Vec<&'static str>,
    timeout: Duration,
    connect_timeout: Duration,
    retry: RetryPolicy,
    user_agent_suffix: Option<String>,
    http_client_builder: Option<reqwest::ClientBuilder>,
    max_response_body_bytes: usize,
    allow_insecure_http: bool,
}

impl ClientBuilder {
    /// A builder with defaults: the API's default site, a 30 s timeout, retries on.
    pub fn new(spec: &'static ApiSpec) -> ClientBuilder {
        ClientBuilder {
            spec,
            site: None,
            base_url: None,
            credentials: Vec::new(),
            unstable: Vec::new(),
            timeout: DEFAULT_TIMEOUT,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            retry: RetryPolicy::default(),
            user_agent_suffix: None,
            http_client_builder: None,
            max_response_body_bytes: DEFAULT_MAX_RESPONSE_BODY_BYTES,
            allow_insecure_http: false,
        }
    }

    /// Reads the site and every credential from their environment variables (for
    /// Datadog: `DD_SITE`, `DD_API_KEY`, `DD_APP_KEY`). Variables that are not set are
    /// left alone; an empty site variable means the default site. A key variable that
    /// is set but empty, or an unknown site, is an error listing what is expected.
    pub fn from_env(mut self) -> Result<ClientBuilder, Error> {
        if let Some(variable) = self.spec.site_env {
            if let Some(value) = read_env(variable)?.filter(|value| !value.trim().is_empty()) {
                if self.spec.site_by_value(&value).is_none() {
                    return Err(Error::config(format!(
                        "{variable}=`{value}` is not a known site; expected one of: {}",
                        self.spec.site_values()
                    )));
                }
                self.site = Some(value);
            }
        }
        for credential in self.spec.credentials {
            let Some(variable) = credential.env else {
                continue;
            };
            if let Some(value) = read_env(variable)? {
                if value.trim().is_empty() {
                    return Err(Error::config(format!("{variable} is set but empty")));
                }
                self = self.credential(credential.name, value);
            }
        }
        Ok(self)
    }

    /// Sends requests to the site with this value (for example `datadoghq.eu`), replacing
    /// any custom base URL; an unknown value is reported by [`ClientBuilder::build`].
    pub fn site_value(mut self, value: &str) -> ClientBuilder {
        self.site = Some(value.to_owned());
        self.base_url = None;
        self
    }

    /// Sends requests to this base URL instead of the site's (a proxy, a local server).
    /// The operations' site restrictions are then not checked, and a site read by
    /// [`ClientBuilder::from_env`] does not replace it. Plain http is only accepted to a
    /// loopback host, unless [`ClientBuilder::allow_insecure_http`].
    pub fn base_url(mut self, url: &str) -> ClientBuilder {
        self.base_url = Some(url.to_owned());
        self
    }

    /// Sets the credential of scheme `name` (for example `apiKey`).
    pub fn credential(mut self, name: &str, value: impl Into<String>) -> ClientBuilder {
        self.credentials
            .push((name.to_owned(), Secret::new(value.into())));
        self
    }

    /// Allows calling the unstable operation `operation_id`. Generated crates wrap it in a
    /// typed `enable_unstable_operation`, so a misspelled operation cannot compile.
    #[doc(hidden)]
    pub fn enable_unstable(mut self, operation_id: &'static str) -> ClientBuilder {
        self.unstable.push(operation_id);
        self
    }

    /// The longest one attempt may take, from sending to the end of the body (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.timeout = timeout;
        self
    }

    /// The longest establishing a connection may take (default 10 s). Not applied to a
    /// reqwest builder given with [`ClientBuilder::http_client_builder`].
    pub fn connect_timeout(mut self, timeout: Duration) -> ClientBuilder {
        self.connect_timeout = timeout;
        self
    }

    /// How failed requests are retried (default: [`RetryPolicy::default`]).
    pub fn retry_policy(mut self, policy: RetryPolicy) -> ClientBuilder {
        self.retry = policy;
        self
    }

    /// Text appended to the user agent, to identify the application.
    pub fn user_agent_suffix(mut self, suffix: impl Into<String>) -> ClientBuilder {
        self.user_agent_suffix = Some(suffix.into());
        self
    }

    /// Sends requests through a reqwest client built from this builder (its pool, proxy,
    /// TLS and timeout settings), instead of one with the defaults.
    ///
    /// [`ClientBuilder::build`] overrides two of its settings, so that the keys stay safe:
    /// reqwest follows no redirects (this client follows them itself, sending the keys only
    /// to the base URL's origin and never over plain http to another host), and with a
    /// plain-http base URL no proxy is used (the keys would reach it unencrypted).
    pub fn http_client_builder(mut self, builder: reqwest::ClientBuilder) -> ClientBuilder {
        self.http_client_builder = Some(builder);
        self
    }

    /// The largest response body accepted, in bytes (default 32 MiB); a larger one fails
    /// with [`Error::BodyTooLarge`].
    pub fn max_response_body_bytes(mut self, limit: usize) -> ClientBuilder {
        self.max_response_body_bytes = limit;
        self
    }

    /// Allows a plain-http base URL to a host that is not loopback. The keys then travel
    /// unencrypted (never through a proxy, though).
    pub fn allow_insecure_http(mut self, allow: bool) -> ClientBuilder {
        self.allow_insecure_http = allow;
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client, Error> {
        let spec = self.spec;
        let site = match &self.site {
            Some(value) => Some(spec.site_by_value(value).ok_or_else(|| {
                Error::config(format!(
                    "`{value}` is not a known site; expected one of: {}",
                    spec.site_values()
                ))
            })?),
            None => None,
        };
        let (base_url, site) = match &self.base_url {
            Some(url) => (parse_base_url(url, self.allow_insecure_http)?, None),
            None => {
                let site = match site {
                    Some(site) => site,
                    None => spec.sites.get(spec.default_site).ok_or_else(|| {
                        Error::config(format!("the API {} declares no default site", spec.name))
                    })?,
                };
                (parse_base_url(site.base_url, false)?, Some(site))
            }
        };
        let credentials = Credentials::resolve(spec, &self.credentials)?;
        if self.timeout.is_zero() {
            return Err(Error::config("the timeout must be longer than zero"));
        }
        let user_agent = self.user_agent()?;
        let http = transport_client(
            self.http_client_builder.unwrap_or_else(|| {
                reqwest::Client::builder().connect_timeout(self.connect_timeout)
            }),
            &base_url,
        )?;
        let redactor = Redactor::new(
            self.credentials
                .into_iter()
                .map(|(_, secret)| secret)
                .collect(),
        );
        Ok(Client::new(ClientConfig {
            http,
            base_url,
            site,
            credentials,
            redactor,
            unstable: self.unstable,
            timeout: self.timeout,
            retry: self.retry,
            user_agent,
            max_response_body_bytes: self.max_response_body_bytes,
        }))
    }

    /// `name/version`, then the suffix.
    fn user_agent(&self) -> Result<HeaderValue, Error> {
        let mut agent = format!("{}/{}", self.spec.name, self.spec.version);
        if let Some(suffix) = &self.user_agent_suffix {
            agent.push(' ');
            agent.push_str(suffix);
        }
        HeaderValue::from_str(&agent).map_err(|_| {
            Error::config("the user agent suffix contains characters not allowed in a header")
        })
    }
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api", &self.spec.name)
            .field("site", &self.site)
            .field("base_url", &self.base_url.as_deref().map(without_userinfo))
            .field("credentials", &self.credentials)
            .field("unstable", &self.unstable)
            .field("timeout", &self.timeout)
            .field("connect_timeout", &self.connect_timeout)
            .field("retry", &self.retry)
            .field("user_agent_suffix", &self.user_agent_suffix)
            .field("http_client_builder", &self.http_client_builder)
            .field("max_response_body_bytes", &self.max_response_body_bytes)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .finish()
    }
}

/// The variable's value, `None` when unset.
fn read_env(variable: &str) -> Result<Option<String>, Error> {
    match env::var(variable) {
        Ok(value) => Ok(Some(value)),
        Err(VarError::NotPresent) => Ok(None),
        Err(VarError::NotUnicode(_)) => {
            Err(Error::config(format!("{variable} is not valid Unicode")))
        }
    }
}

//! The static description of an API that generated code hands to the runtime.

/// Everything the runtime needs to know about an API: its sites and credentials.
///
/// The generator emits one `static` of this type per generated crate.
#[derive(Debug)]
pub struct ApiSpec {
    /// Crate name, used in the user agent.
    pub name: &'static str,
    /// Crate version, used in the user agent.
    pub version: &'static str,
    /// Every site (region) the API is served on.
    pub sites: &'static [SiteSpec],
    /// Index into `sites` of the site used when none is chosen.
    pub default_site: usize,
    /// Environment variable naming the site, for example `DD_SITE`.
    pub site_env: Option<&'static str>,
    /// Credentials (API key schemes) the API knows.
    pub credentials: &'static [CredentialSpec],
}

impl ApiSpec {
    /// The site whose value matches `value`, ignoring ASCII case and surrounding whitespace.
    pub(super) fn site_by_value(&self, value: &str) -> Option<&'static SiteSpec> {
        let wanted = value.trim();
        self.sites
            .iter()
            .find(|site| site.value.eq_ignore_ascii_case(wanted))
    }

    /// The site values, comma separated, for error messages.
    pub(super) fn site_values(&self) -> String {
        self.sites
            .iter()
            .map(|site| site.value)
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The credential declared under `name`.
    pub(super) fn credential(&self, name: &str) -> Option<&'static CredentialSpec> {
        self.credentials.iter().find(|c| c.name == name)
    }
}

/// One site (region) the API is served on.
#[derive(Debug)]
pub struct SiteSpec {
    /// The site's name as users write it, for example `us3.datadoghq.com`.
    pub value: &'static str,
    /// The base URL requests go to, for example `https://api.us3.datadoghq.com`.
    pub base_url: &'static str,
}

/// One API key scheme: the header it travels in and where to read it from.
#[derive(Debug)]
pub struct CredentialSpec {
    /// The security scheme name, for example `apiKey`.
    pub name: &'static str,
    /// The request header carrying it, for example `DD-API-KEY`.
    pub header: &'static str,
    /// Environment variable holding it, for example `DD_API_KEY`.
    pub env: Option<&'static str>,
}

/// An HTTP method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `GET`
    Get,
    /// `PUT`
    Put,
    /// `POST`
    Post,
    /// `DELETE`
    Delete,
    /// `PATCH`
    Patch,
    /// `HEAD`
    Head,
    /// `OPTIONS`
    Options,
    /// `TRACE`
    Trace,
}

impl Method {
    /// The method's name as sent on the wire.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Put => "PUT",
            Method::Post => "POST",
            Method::Delete => "DELETE",
            Method::Patch => "PATCH",
            Method::Head => "HEAD",
            Method::Options => "OPTIONS",
            Method::Trace => "TRACE",
        }
    }

    /// Whether sending the request twice has the same effect as sending it once
    /// (RFC 9110 section 9.2.2); only such requests are retried after a server error.
    pub fn is_idempotent(self) -> bool {
        !matches!(self, Method::Post | Method::Patch)
    }

    /// The same method as reqwest knows it.
    pub(super) fn to_reqwest(self) -> reqwest::Method {
        match self {
            Method::Get => reqwest::Method::GET,
            Method::Put => reqwest::Method::PUT,
            Method::Post => reqwest::Method::POST,
            Method::Delete => reqwest::Method::DELETE,
            Method::Patch => reqwest::Method::PATCH,
            Method::Head => reqwest::Method::HEAD,
            Method::Options => reqwest::Method::OPTIONS,
            Method::Trace => reqwest::Method::TRACE,
        }
    }
}

/// The static description of one API operation.
///
/// The generator emits one `static` of this type per operation.
#[derive(Debug)]
pub struct OperationSpec {
    /// The operation id, for example `ListFeatureFlags`.
    pub id: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template, for example `/api/v2/feature-flags/{feature_flag_id}`.
    pub path_template: &'static str,
    /// Whether the operation is unstable and must be enabled on the builder before use.
    pub unstable: bool,
    /// The site values the operation is served on, when not served on every site.
    pub sites: Option<&'static [&'static str]>,
    /// Names of the credentials the operation requires.
    pub security: &'static [&'static str],
}

//! Parsing and vetting the base URL requests go to.

use std::net::IpAddr;

use reqwest::Url;

use super::error::Error;

/// Parses `text` as a base URL: http or https, with a host, without query or fragment.
/// Plain http is refused unless the host is loopback or `allow_insecure_http` is set,
/// since the API keys would cross the network unencrypted.
/// Errors quote the text with any user name and password redacted.
pub(super) fn parse_base_url(text: &str, allow_insecure_http: bool) -> Result<Url, Error> {
    let url = Url::parse(text.trim());
    let text = without_userinfo(text);
    let url = url
        .map_err(|error| Error::config(format!("base URL `{text}` is not a valid URL: {error}")))?;
    if url.host_str().is_none() || url.cannot_be_a_base() {
        return Err(Error::config(format!("base URL `{text}` has no host")));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(Error::config(format!(
            "base URL `{text}` must not have a query or fragment"
        )));
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if allow_insecure_http || is_loopback(&url) => Ok(url),
        "http" => Err(Error::config(format!(
            "base URL `{text}` uses plain http to a host that is not loopback, so the API keys \
             would travel unencrypted; use https, or allow_insecure_http(true) if this is intended"
        ))),
        other => Err(Error::config(format!(
            "base URL `{text}` has scheme `{other}`; only http and https are supported"
        ))),
    }
}

/// `url` with any user name and password (`https://user:password@host/`) replaced by
/// `[redacted]`, for showing in Debug output and errors.
pub(super) fn without_userinfo(url: &str) -> String {
    let authority_start = url.find("://").map_or(0, |scheme_end| scheme_end + 3);
    let authority_end = url[authority_start..]
        .find(['/', '?', '#', '\\'])
        .map_or(url.len(), |end| authority_start + end);
    match url[authority_start..authority_end].rfind('@') {
        Some(at) => format!(
            "{}[redacted]{}",
            &url[..authority_start],
            &url[authority_start + at..]
        ),
        None => url.to_owned(),
    }
}

/// Whether the URL's host is this machine: `localhost` or a loopback address.
pub(super) fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let unbracketed = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || unbracketed
            .parse::<IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

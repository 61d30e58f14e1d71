//! Parsing and vetting the base URL requests go to.

use std::net::IpAddr;

use reqwest::Url;

use super::error::Error;

/// Parses `text` as a base URL: http or https, with a host, without query or fragment.
/// Plain http is refused unless the host is loopback or `allow_insecure_http` is set,
/// since the API keys would cross the network unencrypted.
pub(super) fn parse_base_url(text: &str, allow_insecure_http: bool) -> Result<Url, Error> {
    let url = Url::parse(text.trim())
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

/// Whether the URL's host is this machine: `localhost` or a loopback address.
fn is_loopback(url: &Url) -> bool {
    let Some(host) = url.host_str() else {
        return false;
    };
    let unbracketed = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || unbracketed
            .parse::<IpAddr>()
            .is_ok_and(|address| address.is_loopback())
}

//! Sites and credentials: the first server's enum variable as typed sites, apiKey header schemes.

use openapiv3::{APIKeyLocation, OpenAPI, ReferenceOr, SecurityScheme, Server};

use super::names;
use super::{Credential, Site, Sites};
use crate::diagnostics::{Code, Diagnostic};

/// The extension naming the environment variable a client reads a value from.
pub const ENV_VAR_EXTENSION: &str = "x-env-var";

/// The sites the API is served on: one per value of the first server's first enum variable
/// (other variables take their defaults), or one per server when no variable has an enum.
pub fn build_sites(spec: &OpenAPI, diagnostics: &mut Vec<Diagnostic>) -> Sites {
    let Some(first) = spec.servers.first() else {
        return Sites {
            url_template: String::new(),
            variants: Vec::new(),
            default: 0,
            env_var: None,
        };
    };
    match site_variable(first) {
        Some((name, variable)) => {
            let variants = variable
                .enumeration
                .iter()
                .map(|value| Site {
                    rust_name: names::variant_name(value),
                    value: value.clone(),
                    base_url: substitute(first, Some((name, value))),
                })
                .collect::<Vec<_>>();
            let default = variable
                .enumeration
                .iter()
                .position(|v| *v == variable.default);
            if default.is_none() {
                diagnostics.push(Diagnostic::new(
                    Code::InvalidServerVariable,
                    format!("#/servers/0/variables/{name}/default"),
                    format!(
                        "server variable default `{}` is not one of its enum values",
                        variable.default
                    ),
                ));
            }
            Sites {
                url_template: first.url.clone(),
                variants,
                default: default.unwrap_or(0),
                env_var: env_var(&variable.extensions),
            }
        }
        None => Sites {
            url_template: first.url.clone(),
            variants: spec
                .servers
                .iter()
                .map(|server| {
                    let base_url = substitute(server, None);
                    Site {
                        rust_name: names::variant_name(host_of(&base_url)),
                        value: base_url.clone(),
                        base_url,
                    }
                })
                .collect(),
            default: 0,
            env_var: None,
        },
    }
}

/// The site values an operation's own `servers` allow, when they differ from the API's list.
pub fn operation_sites(servers: &[Server], api: &Sites) -> Option<Vec<String>> {
    let first = servers.first()?;
    let values: Vec<String> = match site_variable(first) {
        Some((_, variable)) => variable.enumeration.clone(),
        None => servers.iter().map(|s| substitute(s, None)).collect(),
    };
    let api_values: Vec<&str> = api.variants.iter().map(|s| s.value.as_str()).collect();
    (values.iter().map(String::as_str).collect::<Vec<_>>() != api_values).then_some(values)
}

/// The first variable of `server` that has an enum: the one users choose a site by.
fn site_variable(server: &Server) -> Option<(&str, &openapiv3::ServerVariable)> {
    server
        .variables
        .as_ref()?
        .iter()
        .find(|(_, v)| !v.enumeration.is_empty())
        .map(|(name, v)| (name.as_str(), v))
}

/// The server URL with `chosen` substituted and every other variable at its default.
fn substitute(server: &Server, chosen: Option<(&str, &String)>) -> String {
    let mut url = server.url.clone();
    if let Some(variables) = &server.variables {
        for (name, variable) in variables {
            let value = match chosen {
                Some((chosen_name, value)) if chosen_name == name => value,
                _ => &variable.default,
            };
            url = url.replace(&format!("{{{name}}}"), value);
        }
    }
    url.trim_end_matches('/').to_string()
}

/// The host part of a URL, for naming sites of a plain server list.
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split('/').next().unwrap_or(rest)
}

/// The `x-env-var` extension, when it is a string.
fn env_var(extensions: &indexmap::IndexMap<String, serde_json::Value>) -> Option<String> {
    extensions
        .get(ENV_VAR_EXTENSION)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The API keys the client sends: every apiKey scheme carried in a header, in spec order.
/// Other kinds are reported by the checker.
pub fn build_credentials(spec: &OpenAPI) -> Vec<Credential> {
    let Some(components) = &spec.components else {
        return Vec::new();
    };
    components
        .security_schemes
        .iter()
        .filter_map(|(scheme, item)| match item {
            ReferenceOr::Item(SecurityScheme::APIKey {
                location: APIKeyLocation::Header,
                name,
                description,
                extensions,
            }) => Some(Credential {
                scheme: scheme.clone(),
                rust_name: names::field_name(scheme),
                header: name.clone(),
                env_var: env_var(extensions),
                description: description.clone(),
            }),
            _ => None,
        })
        .collect()
}

//! The API keys of a client: checked at build time, attached to the operations that need them.

use std::fmt;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use super::error::Error;
use super::secret::Secret;
use super::spec::{ApiSpec, OperationSpec};

/// Every credential of the API, ready to send as sensitive header values.
pub(super) struct Credentials {
    headers: Vec<CredentialHeader>,
}

/// One credential as a header.
struct CredentialHeader {
    name: &'static str,
    header: HeaderName,
    value: HeaderValue,
}

impl Credentials {
    /// Checks that every credential the API declares was given, non-empty and sendable.
    /// Unknown credential names are an error too (a typo would otherwise go unnoticed).
    pub(super) fn resolve(
        spec: &'static ApiSpec,
        provided: &[(String, Secret)],
    ) -> Result<Credentials, Error> {
        if let Some((unknown, _)) = provided
            .iter()
            .find(|(name, _)| spec.credential(name).is_none())
        {
            let known: Vec<&str> = spec.credentials.iter().map(|c| c.name).collect();
            return Err(Error::config(format!(
                "unknown credential `{unknown}`; the API knows: {}",
                known.join(", ")
            )));
        }
        let headers = spec
            .credentials
            .iter()
            .map(|credential| {
                let given = provided
                    .iter()
                    .rev()
                    .find(|(name, _)| name == credential.name)
                    .map(|(_, secret)| secret);
                let where_from = match credential.env {
                    Some(env) => format!(" or the {env} environment variable"),
                    None => String::new(),
                };
                let secret = given.ok_or_else(|| {
                    Error::config(format!(
                        "missing credential `{}` (sent as {}); set it on the builder{where_from}",
                        credential.name, credential.header
                    ))
                })?;
                if secret.expose().is_empty() {
                    return Err(Error::config(format!(
                        "credential `{}` is empty; set it on the builder{where_from}",
                        credential.name
                    )));
                }
                let header =
                    HeaderName::from_bytes(credential.header.as_bytes()).map_err(|_| {
                        Error::config(format!(
                            "credential `{}` names an invalid header `{}`",
                            credential.name, credential.header
                        ))
                    })?;
                let mut value = HeaderValue::from_str(secret.expose()).map_err(|_| {
                    Error::config(format!(
                        "credential `{}` contains characters that cannot be sent in a header",
                        credential.name
                    ))
                })?;
                value.set_sensitive(true);
                Ok(CredentialHeader {
                    name: credential.name,
                    header,
                    value,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(Credentials { headers })
    }

    /// Adds the headers of the credentials `operation` requires.
    pub(super) fn apply(
        &self,
        operation: &OperationSpec,
        headers: &mut HeaderMap,
    ) -> Result<(), Error> {
        for required in operation.security {
            let credential = self
                .headers
                .iter()
                .find(|credential| credential.name == *required)
                .ok_or_else(|| {
                    Error::config(format!(
                        "{} requires credential `{required}`, which the API does not declare",
                        operation.id
                    ))
                })?;
            headers.insert(credential.header.clone(), credential.value.clone());
        }
        Ok(())
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(
                self.headers
                    .iter()
                    .map(|credential| (credential.name, "[redacted]")),
            )
            .finish()
    }
}

//! Sites and credentials: the first server's enum variable as typed sites, apiKey header schemes.

use openapiv3::OpenAPI;

use super::{Credential, Sites};
use crate::diagnostics::Diagnostic;

/// The sites the API is served on.
pub fn build_sites(_spec: &OpenAPI, _diagnostics: &mut Vec<Diagnostic>) -> Sites {
    Sites { url_template: String::new(), variants: Vec::new(), default: 0, env_var: None }
}

/// The API keys the client sends.
pub fn build_credentials(_spec: &OpenAPI, _diagnostics: &mut Vec<Diagnostic>) -> Vec<Credential> {
    Vec::new()
}

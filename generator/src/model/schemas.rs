//! Schemas to named types: objects, enums, unions, newtypes, with inline schemas named from
//! their parent.

use openapiv3::{OpenAPI, ReferenceOr, Schema};

use super::{TypeDef, TypeRef};
use crate::diagnostics::{Diagnostic, Diagnostics};

/// Collects the named types of a spec: every component schema, plus the inline schemas that
/// operations hand it while the operation model is built.
pub struct TypeBuilder<'a> {
    spec: &'a OpenAPI,
    types: Vec<TypeDef>,
    diagnostics: Vec<Diagnostic>,
}

impl<'a> TypeBuilder<'a> {
    /// Registers every schema in `components/schemas`.
    pub fn new(spec: &'a OpenAPI) -> Self {
        TypeBuilder { spec, types: Vec::new(), diagnostics: Vec::new() }
    }

    /// The type of a schema used at `pointer`. Inline objects, enums and unions become named
    /// types called `name_hint` (made unique deterministically).
    pub fn type_ref(&mut self, _schema: &ReferenceOr<Schema>, _name_hint: &str, _pointer: &str) -> TypeRef {
        let _ = self.spec;
        TypeRef::Json
    }

    /// A named type built so far, by Rust name.
    pub fn lookup(&self, name: &str) -> Option<&TypeDef> {
        self.types.iter().find(|t| t.name == name)
    }

    /// All named types sorted by name, or every problem found.
    pub fn finish(mut self) -> Result<Vec<TypeDef>, Diagnostics> {
        if !self.diagnostics.is_empty() {
            return Err(Diagnostics(self.diagnostics));
        }
        self.types.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(self.types)
    }
}

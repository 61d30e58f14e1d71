//! OpenAPI 3.0 to Rust client generator: load -> check -> model -> emit -> format/write.
//!
//! A caller reads a spec ([`read_spec`]), checks it ([`check_spec`]) or generates the crate
//! ([`generate`]; [`generate_file`] or [`generate_at`] for a spec whose `$ref`s name other
//! files), then writes the files ([`write::plan`], [`write::apply`]) or reports how
//! they drifted from a checked-in copy ([`drift::report`]). The stages are private.

mod api_summary;
mod check;
mod diagnostics;
pub mod drift;
mod emit;
mod format;
mod load;
mod manifest;
mod model;
mod options;
mod output;
mod pipeline;
pub mod write;

pub use diagnostics::{Code, Diagnostic, Diagnostics, Level, Lint, LintError, Lints, UnknownCode};
pub use load::{decode_spec, read_spec};
pub use options::GenerateOptions;
pub use output::{GeneratedCrate, GeneratedFile};
pub use pipeline::{
    check_spec, check_spec_at, generate, generate_at, generate_file, CheckedSpec, STACK_BYTES,
};

//! OpenAPI 3.0 to Rust client generator: load -> check -> model -> emit -> format/write.

pub mod api_summary;
pub mod check;
pub mod diagnostics;
pub mod drift;
pub mod emit;
pub mod format;
pub mod load;
pub mod model;
pub mod pipeline;
pub mod write;

pub use diagnostics::{Diagnostic, Diagnostics};
pub use pipeline::{generate, GenerateOptions, GeneratedCrate, GeneratedFile};

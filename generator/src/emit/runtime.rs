//! The hand-written runtime from templates/, placed into the crate as `src/runtime/`.

use std::path::PathBuf;

use crate::format::Header;
use crate::output::GeneratedFile;

/// `(file name, contents)` of every templates/src/*.rs, embedded at build time.
const RUNTIME_FILES: &[(&str, &str)] = include!(concat!(env!("OUT_DIR"), "/runtime_files.rs"));

/// The runtime's files: templates/src/lib.rs becomes src/runtime/mod.rs, every other file
/// keeps its name, each under the generated-file header.
pub fn runtime_files(header: &Header) -> Vec<GeneratedFile> {
    RUNTIME_FILES
        .iter()
        .map(|(name, contents)| {
            let target = if *name == "lib.rs" { "mod.rs" } else { name };
            GeneratedFile {
                path: PathBuf::from("src/runtime").join(target),
                contents: format!("{}\n{contents}", header.render("//")),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn every_template_is_embedded_and_lib_becomes_mod() {
        let header = Header {
            spec_name: "s".into(),
            spec_sha256: "0".into(),
            generator_version: "1".into(),
        };
        let files = runtime_files(&header);
        let on_disk = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../templates/src"))
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .filter(|e| e.path().extension().is_some_and(|x| x == "rs"))
                    .count()
            })
            .unwrap_or(0);
        assert_eq!(files.len(), on_disk);
        assert!(files
            .iter()
            .any(|f| f.path == Path::new("src/runtime/mod.rs")));
        assert!(!files
            .iter()
            .any(|f| f.path == Path::new("src/runtime/lib.rs")));
    }
}

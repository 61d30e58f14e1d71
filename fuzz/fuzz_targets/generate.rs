//! Fuzz target: any bytes as a spec. Text goes through the whole generator (load, check,
//! model, emit, format); other bytes through `read_spec`. Every input must give files or
//! located problems: a panic, a stack overflow or a problem without a pointer is a finding.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use generator::{generate, read_spec, Diagnostics, GenerateOptions};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    match std::str::from_utf8(bytes) {
        Ok(text) => match generate(text, &options()) {
            Ok(generated) => assert!(!generated.files.is_empty(), "generated no files"),
            Err(problems) => assert_located(&problems),
        },
        Err(_) => {
            let path = scratch_file();
            if std::fs::write(path, bytes).is_ok() {
                match read_spec(path) {
                    Ok(_) => panic!("bytes that are not UTF-8 were loaded"),
                    Err(problems) => assert_located(&problems),
                }
            }
        }
    }
});

/// What to call the generated crate.
fn options() -> GenerateOptions {
    GenerateOptions {
        crate_name: "fuzzed".to_string(),
        spec_name: "fuzzed.yaml".to_string(),
        lints: Default::default(),
    }
}

/// A file in the temporary directory, one per fuzzing process, rewritten for each input.
fn scratch_file() -> &'static PathBuf {
    static PATH: OnceLock<PathBuf> = OnceLock::new();
    PATH.get_or_init(|| {
        std::env::temp_dir().join(format!("openapi-fuzz-{}.yaml", std::process::id()))
    })
}

/// At least one problem, each with a JSON pointer.
fn assert_located(problems: &Diagnostics) {
    assert!(!problems.0.is_empty(), "refused without a problem");
    for problem in &problems.0 {
        assert!(problem.pointer.starts_with('#'), "no pointer: {problem}");
    }
}

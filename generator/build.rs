//! Embeds the runtime templates: lists ../templates/src/*.rs into `runtime_files.rs` as
//! `(name, include_str!(...))` pairs, so a new template file is picked up without a code change.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs, io};

fn main() -> io::Result<()> {
    let manifest_dir =
        PathBuf::from(env::var_os("CARGO_MANIFEST_DIR").ok_or(io::ErrorKind::NotFound)?);
    let templates = manifest_dir.join("../templates/src");
    println!("cargo:rerun-if-changed={}", templates.display());
    let mut names: Vec<String> = fs::read_dir(&templates)?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".rs"))
        .collect();
    names.sort();
    let mut out = String::from("&[\n");
    for name in &names {
        let path = templates.join(name);
        println!("cargo:rerun-if-changed={}", path.display());
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            absolute(&path)?.display()
        )
        .map_err(io::Error::other)?;
    }
    out.push(']');
    let out_dir = PathBuf::from(env::var_os("OUT_DIR").ok_or(io::ErrorKind::NotFound)?);
    fs::write(out_dir.join("runtime_files.rs"), out)
}

/// The canonical path, so `include_str!` works from OUT_DIR.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    fs::canonicalize(path)
}

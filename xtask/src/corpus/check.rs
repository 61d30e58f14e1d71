//! `cargo check` of every generated crate in one cargo run: a workspace of the crates with a
//! copy of the project's Cargo.lock (nothing new is downloaded), one shared target directory,
//! warnings denied, and each compiler error attributed to the crate it came from.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

use super::generate::{Outcome, Run};

/// `cargo check`'s verdict on one crate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckResult {
    /// Checked with no error and no warning.
    Passed,
    /// Checked with errors (warnings are errors here).
    Failed {
        /// Each error, in cargo's order.
        errors: Vec<CompilerError>,
    },
    /// Cargo said nothing of this crate (it stopped before reaching it).
    NotReported,
}

/// One error of the compiler.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompilerError {
    /// `E0124`, a lint name such as `deprecated`, or `error` when rustc gives no code.
    pub code: String,
    /// The error as rustc prints it.
    pub rendered: String,
}

/// Writes the workspace of the generated crates under `out` and checks it; returns each
/// crate's verdict by crate name.
pub fn all(
    root: &Path,
    out: &Path,
    runs: &[Run],
    jobs: usize,
) -> Result<BTreeMap<String, CheckResult>, String> {
    let members: Vec<String> = runs
        .iter()
        .filter(|run| matches!(run.outcome, Outcome::Generated { .. }))
        .map(|run| format!("{:?}", run.spec.crate_name))
        .collect();
    if members.is_empty() {
        return Ok(BTreeMap::new());
    }
    let manifest = format!(
        "# Written by `cargo xtask corpus`: the crates generated from a corpus of specs.\n\
         [workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    std::fs::write(out.join("Cargo.toml"), manifest)
        .map_err(|e| format!("{}: {e}", out.join("Cargo.toml").display()))?;
    std::fs::copy(root.join("Cargo.lock"), out.join("Cargo.lock"))
        .map_err(|e| format!("cannot copy Cargo.lock: {e}"))?;
    eprintln!(
        "corpus: cargo check of {} crate(s) in {}",
        members.len(),
        out.display()
    );
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let output = Command::new(cargo)
        .current_dir(out)
        .args([
            "check",
            "--offline",
            "--workspace",
            "--keep-going",
            "--message-format=json",
        ])
        .args(["--jobs", &jobs.to_string()])
        .env("CARGO_TARGET_DIR", out.join("target"))
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("RUSTC_WORKSPACE_WRAPPER")
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot run cargo check: {e}"))?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    if !stdout.contains(r#""reason":"build-finished""#) {
        return Err(format!(
            "cargo check did not run ({}): see its output above",
            output.status
        ));
    }
    let crates = runs.iter().map(|run| run.spec.crate_name.as_str());
    Ok(verdicts(crates, &stdout))
}

/// Each crate's verdict from cargo's JSON messages (`--message-format=json`).
fn verdicts<'a>(
    crates: impl Iterator<Item = &'a str>,
    messages: &str,
) -> BTreeMap<String, CheckResult> {
    let mut errors: BTreeMap<String, Vec<CompilerError>> = BTreeMap::new();
    let mut built = Vec::new();
    for line in messages.lines() {
        let Ok(message) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let Some(crate_dir) = message["manifest_path"]
            .as_str()
            .and_then(|path| Path::new(path).parent()?.file_name()?.to_str())
        else {
            continue;
        };
        match message["reason"].as_str() {
            Some("compiler-artifact") => built.push(crate_dir.to_string()),
            Some("compiler-message") => {
                let diagnostic = &message["message"];
                let text = diagnostic["message"].as_str().unwrap_or_default();
                if diagnostic["level"] == "error" && !text.starts_with("aborting due to") {
                    errors
                        .entry(crate_dir.to_string())
                        .or_default()
                        .push(CompilerError {
                            code: diagnostic["code"]["code"]
                                .as_str()
                                .unwrap_or("error")
                                .to_string(),
                            rendered: diagnostic["rendered"].as_str().unwrap_or(text).to_string(),
                        });
                }
            }
            _ => {}
        }
    }
    crates
        .map(|name| {
            let verdict = match errors.remove(name) {
                Some(errors) => CheckResult::Failed { errors },
                None if built.iter().any(|b| b == name) => CheckResult::Passed,
                None => CheckResult::NotReported,
            };
            (name.to_string(), verdict)
        })
        .collect()
}

/// Sets each generated run's verdict.
pub fn attribute(runs: &mut [Run], mut verdicts: BTreeMap<String, CheckResult>) {
    for run in runs {
        if let Outcome::Generated { check, .. } = &mut run.outcome {
            *check = Some(
                verdicts
                    .remove(&run.spec.crate_name)
                    .unwrap_or(CheckResult::NotReported),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_go_to_the_crate_that_has_them() {
        let messages = [
            r#"{"reason":"compiler-artifact","manifest_path":"/r/.cargo/registry/src/serde-1.0.0/Cargo.toml"}"#,
            r#"{"reason":"compiler-artifact","manifest_path":"/c/corpus-good/Cargo.toml"}"#,
            r#"{"reason":"compiler-message","manifest_path":"/c/corpus-bad/Cargo.toml","message":{"level":"error","message":"use of deprecated struct","code":{"code":"deprecated"},"rendered":"error: use of deprecated struct `A`"}}"#,
            r#"{"reason":"compiler-message","manifest_path":"/c/corpus-bad/Cargo.toml","message":{"level":"error","message":"field `client` is already declared","code":{"code":"E0124"},"rendered":"error[E0124]: field"}}"#,
            r#"{"reason":"compiler-message","manifest_path":"/c/corpus-bad/Cargo.toml","message":{"level":"error","message":"aborting due to 2 previous errors","code":null,"rendered":"error: aborting"}}"#,
            "not json",
            r#"{"reason":"build-finished","success":false}"#,
        ]
        .join("\n");
        let verdicts = verdicts(
            ["corpus-good", "corpus-bad", "corpus-silent"].into_iter(),
            &messages,
        );
        assert_eq!(verdicts["corpus-good"], CheckResult::Passed);
        assert_eq!(verdicts["corpus-silent"], CheckResult::NotReported);
        let CheckResult::Failed { errors } = &verdicts["corpus-bad"] else {
            panic!("{:?}", verdicts["corpus-bad"]);
        };
        let codes: Vec<&str> = errors.iter().map(|e| e.code.as_str()).collect();
        assert_eq!(codes, ["deprecated", "E0124"]);
        assert_eq!(errors[1].rendered, "error[E0124]: field");
    }
}

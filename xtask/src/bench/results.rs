//! Reading measured numbers: criterion's medians and the scripts' JSON outputs, all under
//! the target directory. A number that is not there is `None` ("not measured").

use std::path::{Path, PathBuf};

use serde_json::Value;

/// Where a figure's number comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Source {
    /// The median of a benchmark of `cargo xtask bench` (`group/function/parameter`), in
    /// nanoseconds, divided by `per` (the element count for per-element figures, else 1).
    Bench { id: String, per: f64 },
    /// The median of a benchmark of bench/official-comparison.sh, in nanoseconds.
    Official(String),
    /// A field of bench/build-cost.sh's JSON output.
    BuildCost(&'static str),
    /// A number reported elsewhere, not measured here.
    Reported(f64),
}

/// The result directories under one target directory.
#[derive(Debug, Clone)]
pub struct Results {
    /// Criterion's output for `cargo xtask bench`.
    pub criterion: PathBuf,
    /// bench/official-comparison.sh's target directory (its criterion output and run.json).
    pub official: PathBuf,
    /// bench/build-cost.sh's JSON output.
    pub build_cost: PathBuf,
}

impl Results {
    /// The usual places under `target`.
    pub fn in_target(target: &Path) -> Results {
        Results {
            criterion: target.join("criterion"),
            official: target.join("official-comparison"),
            build_cost: target.join("build-cost.json"),
        }
    }

    /// The number `source` names, if it was measured.
    pub fn value(&self, source: &Source) -> Option<f64> {
        match source {
            Source::Bench { id, per } => criterion_median(&self.criterion, id).map(|v| v / per),
            Source::Official(id) => criterion_median(&self.official.join("criterion"), id),
            Source::BuildCost(field) => json_number(&self.build_cost, field),
            Source::Reported(value) => Some(*value),
        }
    }

    /// The core count of the machine that measured `source`: `here` for this run's
    /// benchmarks, what the script recorded for the others.
    pub fn cores(&self, source: &Source, here: usize) -> Option<f64> {
        match source {
            Source::Bench { .. } => Some(here as f64),
            Source::Official(_) => json_number(&self.official.join("run.json"), "cores"),
            Source::BuildCost(_) => json_number(&self.build_cost, "cores"),
            Source::Reported(_) => None,
        }
    }
}

/// The median point estimate of criterion benchmark `id` under `dir`, in nanoseconds.
fn criterion_median(dir: &Path, id: &str) -> Option<f64> {
    json_pointer(
        &dir.join(id).join("new").join("estimates.json"),
        "/median/point_estimate",
    )
}

/// The number at top-level `field` of the JSON file at `path`.
fn json_number(path: &Path, field: &str) -> Option<f64> {
    json_pointer(path, &format!("/{field}"))
}

/// The number at `pointer` in the JSON file at `path`.
fn json_pointer(path: &Path, pointer: &str) -> Option<f64> {
    let text = std::fs::read_to_string(path).ok()?;
    let value: Value = serde_json::from_str(&text).ok()?;
    value.pointer(pointer)?.as_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results_with(files: &[(&str, &str)]) -> (tempfile::TempDir, Results) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        let results = Results::in_target(dir.path());
        (dir, results)
    }

    #[test]
    fn reads_criterion_medians_divided_per_element() {
        let (_dir, results) = results_with(&[(
            "criterion/generation/synthetic/100/new/estimates.json",
            r#"{"mean":{"point_estimate":9.0},"median":{"point_estimate":500.0}}"#,
        )]);
        let source = Source::Bench {
            id: "generation/synthetic/100".into(),
            per: 100.0,
        };
        assert_eq!(results.value(&source), Some(5.0));
        assert_eq!(results.cores(&source, 2), Some(2.0));
    }

    #[test]
    fn reads_script_outputs_and_their_core_counts() {
        let (_dir, results) = results_with(&[
            ("build-cost.json", r#"{"wall_seconds": 41.5, "cores": 8}"#),
            (
                "official-comparison/criterion/official/ours/10/new/estimates.json",
                r#"{"median":{"point_estimate":7.0}}"#,
            ),
            ("official-comparison/run.json", r#"{"cores": 4}"#),
        ]);
        let build = Source::BuildCost("wall_seconds");
        assert_eq!(results.value(&build), Some(41.5));
        assert_eq!(results.cores(&build, 2), Some(8.0));
        let official = Source::Official("official/ours/10".into());
        assert_eq!(results.value(&official), Some(7.0));
        assert_eq!(results.cores(&official, 2), Some(4.0));
    }

    #[test]
    fn missing_or_malformed_results_are_not_measured() {
        let (_dir, results) = results_with(&[("build-cost.json", "not json")]);
        assert_eq!(results.value(&Source::BuildCost("wall_seconds")), None);
        let missing = Source::Bench {
            id: "decode/ours/10".into(),
            per: 1.0,
        };
        assert_eq!(results.value(&missing), None);
        assert_eq!(results.value(&Source::Reported(3.0)), Some(3.0));
    }
}

//! The drift report: which generated files differ from what the spec, templates and generator
//! produce, a bounded unified diff of each, and what the difference means for the API.

use std::fmt::Write as _;

use similar::TextDiff;

use crate::api_summary;
use crate::write::{Change, Plan};

/// Lines of diff shown per file before it is cut.
const DIFF_LINES_PER_FILE: usize = 40;
/// Files whose diff is shown; the rest are only named.
const DIFF_FILES: usize = 10;

/// The human-readable report of a plan that is not empty.
pub fn report(plan: &Plan) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "generated code is out of date: {} file(s) differ",
        plan.changes.len()
    );
    for change in &plan.changes {
        let status = match change {
            Change::Added { .. } => "missing (would be added)",
            Change::Modified { .. } => "differs",
            Change::Removed { .. } => "stale (would be removed)",
            Change::Stray { .. } => "stray (not generated; kept, remove it by hand)",
        };
        let _ = writeln!(out, "  {status}: {}", change.path().display());
    }
    for change in plan.changes.iter().take(DIFF_FILES) {
        out.push('\n');
        out.push_str(&bounded_diff(change));
    }
    if plan.changes.len() > DIFF_FILES {
        let _ = writeln!(
            out,
            "\n... diffs of {} more file(s) not shown",
            plan.changes.len() - DIFF_FILES
        );
    }
    let _ = writeln!(out, "\nAPI-level changes:");
    for line in api_summary::summarize(&plan.changes) {
        let _ = writeln!(out, "  {line}");
    }
    out
}

/// A unified diff of one change (on disk -> generated), cut after `DIFF_LINES_PER_FILE` lines.
fn bounded_diff(change: &Change) -> String {
    let (old, new) = match change {
        Change::Added { new, .. } => ("", new.as_str()),
        Change::Modified { old, new, .. } => (old.as_str(), new.as_str()),
        Change::Removed { old, .. } | Change::Stray { old, .. } => (old.as_str(), ""),
    };
    let path = change.path().display().to_string();
    let diff = TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(2)
        .header(
            &format!("a/{path} (on disk)"),
            &format!("b/{path} (generated)"),
        )
        .to_string();
    let total = diff.lines().count();
    let mut shown: String = diff
        .lines()
        .take(DIFF_LINES_PER_FILE)
        .map(|l| format!("{l}\n"))
        .collect();
    if total > DIFF_LINES_PER_FILE {
        let _ = writeln!(
            shown,
            "... {} more diff line(s)",
            total - DIFF_LINES_PER_FILE
        );
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    #[test]
    fn long_diffs_are_cut_and_every_file_is_named() {
        let old: String = (0..200).map(|i| format!("line {i}\n")).collect();
        let new: String = (0..200).map(|i| format!("changed {i}\n")).collect();
        let plan = Plan {
            changes: vec![
                Change::Modified {
                    path: PathBuf::from("src/models/a.rs"),
                    old,
                    new,
                },
                Change::Removed {
                    path: PathBuf::from("src/stray.rs"),
                    old: "x\n".into(),
                },
            ],
            unchanged: 3,
            foreign: None,
        };
        let text = report(&plan);
        assert!(text.contains("differs: src/models/a.rs"));
        assert!(text.contains("stale (would be removed): src/stray.rs"));
        assert!(text.contains("more diff line(s)"));
        assert!(
            text.lines().count() < 120,
            "report is bounded: {} lines",
            text.lines().count()
        );
    }
}

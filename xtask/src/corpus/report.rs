//! The corpus run as text: a Markdown table (one row per spec), a summary line, and the
//! details file with every finding and compiler error, grouped by code across specs.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::time::Duration;

use super::check::CheckResult;
use super::generate::{Outcome, Run};

/// Codes shown in a cell of the table before "+N more".
const CODES_PER_CELL: usize = 4;

/// One row per spec: spec, operations, result, time, warnings and errors by code.
pub fn table(runs: &[Run]) -> String {
    let mut out = String::from(
        "| spec | ops | result | time | warnings by code | errors by code |\n\
         | --- | ---: | --- | ---: | --- | --- |\n",
    );
    for run in runs {
        let ops = match &run.outcome {
            Outcome::Generated { operations, .. } => operations.to_string(),
            _ => "-".to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {ops} | {} | {} | {} | {} |",
            run.spec.file_name,
            run.outcome.result(),
            seconds(run.time),
            by_code(warning_codes(run).into_iter(), CODES_PER_CELL),
            by_code(error_codes(&run.outcome).into_iter(), CODES_PER_CELL),
        );
    }
    out
}

/// `corpus: 40 of 47 generate, 35 pass cargo check (-D warnings), 0 panicked; ...`.
pub fn summary(runs: &[Run], generation: Duration, check_time: Option<Duration>) -> String {
    let count = |result: &str| runs.iter().filter(|r| r.outcome.result() == result).count();
    let generated = runs.len() - count("refused") - count("panicked");
    let checked = match check_time {
        Some(_) => format!(
            "{} pass cargo check (-D warnings), {} fail it",
            count("generated"),
            count("check-failed") + count("not-checked")
        ),
        None => "cargo check skipped".to_string(),
    };
    let mut line = format!(
        "corpus: {generated} of {} generate, {checked}, {} refused, {} panicked; generation {}",
        runs.len(),
        count("refused"),
        count("panicked"),
        seconds(generation)
    );
    if let Some(time) = check_time {
        let _ = write!(line, ", cargo check {}", seconds(time));
    }
    line
}

/// The details file: the table, the summary, each code with the specs it appears in, then every
/// finding and compiler error of each spec.
pub fn details(runs: &[Run], summary: &str) -> String {
    let mut out = String::from("# cargo xtask corpus\n\n");
    out.push_str(&table(runs));
    let _ = writeln!(out, "\n{summary}\n");
    out.push_str("## Errors by code (specs refused or failing cargo check)\n\n");
    out.push_str(&codes_across(runs, |run| error_codes(&run.outcome)));
    out.push_str("\n## Warnings by code (generated specs)\n\n");
    out.push_str(&codes_across(runs, warning_codes));
    for run in runs {
        let lines = finding_lines(&run.outcome);
        if lines.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "\n## {} ({})\n",
            run.spec.file_name,
            run.outcome.result()
        );
        let codes = error_codes(&run.outcome)
            .into_iter()
            .chain(warning_codes(run));
        let _ = writeln!(out, "codes: {}\n\n```text", by_code(codes, usize::MAX));
        for line in &lines {
            let _ = writeln!(out, "{}", line.trim_end());
        }
        out.push_str("```\n");
    }
    out
}

/// The codes of what stopped a spec: the generator's errors, the panic, or rustc's errors.
fn error_codes(outcome: &Outcome) -> Vec<&str> {
    match outcome {
        Outcome::Refused { problems } => problems.iter().map(|p| p.code.as_str()).collect(),
        Outcome::Panicked { .. } => vec!["panic"],
        Outcome::Generated {
            check: Some(CheckResult::Failed { errors }),
            ..
        } => errors.iter().map(|e| e.code.as_str()).collect(),
        Outcome::Generated { .. } => Vec::new(),
    }
}

/// The codes of a generated spec's warnings.
fn warning_codes(run: &Run) -> Vec<&str> {
    match &run.outcome {
        Outcome::Generated { warnings, .. } => warnings.iter().map(|w| w.code.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// Every finding of a spec, one text each.
fn finding_lines(outcome: &Outcome) -> Vec<String> {
    match outcome {
        Outcome::Refused { problems } => problems.iter().map(|p| p.text.clone()).collect(),
        Outcome::Panicked { message } => vec![format!("panicked: {message}")],
        Outcome::Generated {
            warnings, check, ..
        } => {
            let mut lines: Vec<String> = warnings.iter().map(|w| w.text.clone()).collect();
            if let Some(CheckResult::Failed { errors }) = check {
                lines.extend(errors.iter().map(|e| e.rendered.clone()));
            }
            lines
        }
    }
}

/// `| code | specs | count | spec names |` rows, the code in most specs first.
fn codes_across<'a>(runs: &'a [Run], codes_of: impl Fn(&'a Run) -> Vec<&'a str>) -> String {
    let mut seen: BTreeMap<&str, (Vec<&str>, usize)> = BTreeMap::new();
    for run in runs {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for code in codes_of(run) {
            *counts.entry(code).or_default() += 1;
        }
        for (code, n) in counts {
            let entry = seen.entry(code).or_default();
            entry.0.push(&run.spec.file_name);
            entry.1 += n;
        }
    }
    let mut rows: Vec<_> = seen.into_iter().collect();
    rows.sort_by(|a, b| b.1 .0.len().cmp(&a.1 .0.len()).then(a.0.cmp(b.0)));
    let mut out = String::from("| code | specs | count | in |\n| --- | ---: | ---: | --- |\n");
    for (code, (specs, count)) in rows {
        let _ = writeln!(
            out,
            "| {code} | {} | {count} | {} |",
            specs.len(),
            specs.join(", ")
        );
    }
    out
}

/// `deprecated×35, E0124×1`: each code with its count, the most frequent first (the first
/// `at_most` of them).
fn by_code<'a>(codes: impl Iterator<Item = &'a str>, at_most: usize) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for code in codes {
        *counts.entry(code).or_default() += 1;
    }
    let mut counts: Vec<_> = counts.into_iter().collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut shown: Vec<String> = counts
        .iter()
        .take(at_most)
        .map(|(code, n)| format!("{code}×{n}"))
        .collect();
    if counts.len() > at_most {
        shown.push(format!("+{} more", counts.len() - at_most));
    }
    shown.join(", ").replace('|', "\\|")
}

/// `1.25 s`
fn seconds(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

//! BENCHMARKS.md: the machine, then one table row per figure (median, cores, baseline,
//! ratio, target, whether it is met, reproduce command), then the hand-written notes.

use std::fmt::Write as _;

use super::figures::{Figure, Unit};
use super::results::Results;

/// The machine the benchmarks ran on.
#[derive(Debug, Clone, PartialEq)]
pub struct Machine {
    /// `std::thread::available_parallelism`.
    pub cores: usize,
    /// `rustc --version`.
    pub rustc: String,
    /// Operating system and architecture.
    pub platform: String,
    /// The 1-minute load average when the run started, where the OS tells it.
    pub load: Option<String>,
}

/// Whether a figure meets its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Met,
    Missed,
    NotMeasured,
    NoTarget,
}

/// A figure's numbers as measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub value: Option<f64>,
    pub baseline: Option<f64>,
    pub ratio: Option<f64>,
    pub cores: Option<f64>,
    pub status: Status,
}

/// Looks up `figure`'s numbers in `results`.
pub fn measure(figure: &Figure, results: &Results, cores_here: usize) -> Row {
    let value = results.value(&figure.value);
    let baseline = figure
        .baseline
        .as_ref()
        .and_then(|b| results.value(&b.value));
    let ratio = value
        .zip(baseline)
        .map(|(value, baseline)| value / baseline);
    let status = match (value, &figure.target, ratio) {
        (None, _, _) | (Some(_), Some(_), None) => Status::NotMeasured,
        (Some(_), None, _) => Status::NoTarget,
        (Some(_), Some(target), Some(ratio)) if ratio <= target.max_ratio => Status::Met,
        (Some(_), Some(_), Some(_)) => Status::Missed,
    };
    Row {
        value,
        baseline,
        ratio,
        cores: results.cores(&figure.value, cores_here),
        status,
    }
}

/// The whole file.
pub fn render(machine: &Machine, figures: &[(Figure, Row)], notes: &str) -> String {
    let mut out = String::new();
    out.push_str(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench`; do not edit by hand (edit bench/notes.md, then rerun). \
         Each figure is criterion's median; ratio = figure / baseline.\n\n",
    );
    let _ = writeln!(
        out,
        "**Machine:** {} cores (available parallelism), {}, {}{}.\n",
        machine.cores,
        machine.rustc,
        machine.platform,
        machine
            .load
            .as_ref()
            .map(|load| format!(", load average {load} when the run started"))
            .unwrap_or_default(),
    );
    out.push_str(
        "| Figure | Median | Cores | Baseline (median) | Ratio | Target | Status | Reproduce |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    for (figure, row) in figures {
        let baseline = match (&figure.baseline, row.baseline) {
            (Some(b), Some(value)) => format!("{}: {}", b.what, amount(value, figure.unit)),
            (Some(b), None) => format!("{}: not measured", b.what),
            (None, _) => "—".to_string(),
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | `{}` |",
            figure.what,
            row.value
                .map_or("not measured in this run".into(), |v| amount(
                    v,
                    figure.unit
                )),
            row.cores.map_or("—".into(), |c| format!("{c}")),
            baseline,
            row.ratio.map_or("—".into(), ratio),
            figure.target.as_ref().map_or("—", |t| t.text),
            status_text(row.status),
            figure.reproduce,
        );
    }
    out.push('\n');
    out.push_str(notes.trim_end());
    out.push('\n');
    out
}

/// `1.04x`, or `0.107x` below 1 (where targets like ≤ 0.1x need the third digit).
fn ratio(ratio: f64) -> String {
    if ratio < 1.0 {
        format!("{ratio:.3}x")
    } else {
        format!("{ratio:.2}x")
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Met => "met",
        Status::Missed => "**MISSED**",
        Status::NotMeasured => "not measured in this run",
        Status::NoTarget => "—",
    }
}

/// `value` in `unit`, with a readable scale.
fn amount(value: f64, unit: Unit) -> String {
    match unit {
        Unit::Time => duration(value),
        Unit::Seconds => duration(value * 1e9),
        Unit::Memory if value >= 1024.0 * 1024.0 => {
            format!("{:.2} GiB", value / (1024.0 * 1024.0))
        }
        Unit::Memory => format!("{:.0} MiB", value / 1024.0),
    }
}

/// Nanoseconds as `812 ns`, `3.41 µs`, `12.3 ms`, `4.20 s` or `10 min 25 s`.
fn duration(nanos: f64) -> String {
    match nanos {
        n if n < 1e3 => format!("{n:.0} ns"),
        n if n < 1e6 => format!("{:.2} µs", n / 1e3),
        n if n < 1e9 => format!("{:.2} ms", n / 1e6),
        n if n < 60e9 => format!("{:.2} s", n / 1e9),
        n => {
            let seconds = (n / 1e9).round();
            format!(
                "{:.0} min {:.0} s",
                (seconds / 60.0).floor(),
                seconds % 60.0
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::figures::{Baseline, Target};
    use super::super::results::Source;
    use super::*;

    fn figure(value: f64, baseline: Option<f64>) -> Figure {
        Figure {
            what: "Decode".into(),
            value: Source::Reported(value),
            unit: Unit::Time,
            baseline: baseline.map(|b| Baseline {
                what: "floor".into(),
                value: Source::Reported(b),
            }),
            target: Some(Target {
                max_ratio: 1.3,
                text: "≤ 1.3x floor",
            }),
            reproduce: "cargo bench".into(),
        }
    }

    fn results() -> Results {
        Results::in_target(std::path::Path::new("/nonexistent"))
    }

    #[test]
    fn ratio_against_the_target_decides_the_status() {
        let met = measure(&figure(120.0, Some(100.0)), &results(), 2);
        assert_eq!(met.status, Status::Met);
        assert_eq!(met.ratio, Some(1.2));
        let missed = measure(&figure(140.0, Some(100.0)), &results(), 2);
        assert_eq!(missed.status, Status::Missed);
    }

    #[test]
    fn a_missing_number_is_not_measured_rather_than_met() {
        let mut unmeasured = figure(1.0, Some(1.0));
        unmeasured.value = Source::BuildCost("wall_seconds");
        let row = measure(&unmeasured, &results(), 2);
        assert_eq!(row.status, Status::NotMeasured);
        assert_eq!(row.ratio, None);
        assert_eq!(
            measure(&figure(1.0, None), &results(), 2).status,
            Status::NotMeasured
        );
    }

    #[test]
    fn renders_machine_rows_and_notes() {
        let machine = Machine {
            cores: 2,
            rustc: "rustc 1.95.0".into(),
            platform: "linux x86_64".into(),
            load: Some("1.20".into()),
        };
        let fig = figure(34_000.0, Some(29_000.0));
        let row = measure(&fig, &results(), 2);
        let text = render(&machine, &[(fig, row)], "## Notes\n");
        assert!(text.contains("2 cores"), "{text}");
        assert!(text.contains("load average 1.20"), "{text}");
        assert!(
            text.contains("| Decode | 34.00 µs | — | floor: 29.00 µs | 1.17x | ≤ 1.3x floor | met | `cargo bench` |"),
            "{text}"
        );
        assert!(text.ends_with("## Notes\n"));
    }

    #[test]
    fn durations_and_memory_read_naturally() {
        assert_eq!(duration(812.0), "812 ns");
        assert_eq!(duration(3_410.0), "3.41 µs");
        assert_eq!(duration(49.5e6), "49.50 ms");
        assert_eq!(duration(625e9), "10 min 25 s");
        assert_eq!(amount(41.5, Unit::Seconds), "41.50 s");
        assert_eq!(amount(10.0 * 1024.0 * 1024.0, Unit::Memory), "10.00 GiB");
        assert_eq!(amount(800.0 * 1024.0, Unit::Memory), "800 MiB");
        assert_eq!(ratio(67.18 / 625.0), "0.107x");
        assert_eq!(ratio(1.2), "1.20x");
    }
}

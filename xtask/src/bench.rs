//! `cargo xtask bench [--report-only]`: runs the criterion benchmarks (unless
//! `--report-only`) and writes BENCHMARKS.md from their medians and from the opt-in
//! scripts' outputs (bench/build-cost.sh, bench/official-comparison.sh) found under target/.

mod figures;
mod report;
mod results;

use std::path::Path;
use std::process::{Command, ExitCode};

use self::report::{Machine, Status};
use self::results::Results;

/// The benchmark targets `cargo xtask bench` runs: (package, bench target).
const BENCHES: [(&str, &str); 2] = [
    ("openapi-rust-generator", "generation"),
    ("integration-tests", "client"),
];
/// The report, relative to the workspace root.
const REPORT: &str = "BENCHMARKS.md";
/// Hand-written methods and before/after history, appended to the report.
const NOTES: &str = "bench/notes.md";

/// Runs `cargo xtask bench` with the arguments after `bench`.
pub fn main(root: &Path, args: &[&str]) -> ExitCode {
    let run_benches = match args {
        [] => true,
        ["--report-only"] => false,
        _ => {
            eprintln!("usage: cargo xtask bench [--report-only]");
            return ExitCode::from(2);
        }
    };
    let target = xtask::target_dir(root);
    let load = run_benches.then(load_average).flatten();
    if run_benches {
        for (package, bench) in BENCHES {
            if let Err(problem) = cargo_bench(root, &target, package, bench) {
                eprintln!("error: {problem}");
                return ExitCode::from(1);
            }
        }
    }
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let machine = Machine {
        cores,
        rustc: rustc_version(),
        platform: format!("{} {}", std::env::consts::OS, std::env::consts::ARCH),
        load,
    };
    let results = Results::in_target(&target);
    let rows: Vec<_> = figures::all()
        .into_iter()
        .map(|figure| {
            let row = report::measure(&figure, &results, cores);
            (figure, row)
        })
        .collect();
    let notes = std::fs::read_to_string(root.join(NOTES)).unwrap_or_default();
    let path = root.join(REPORT);
    if let Err(e) = std::fs::write(&path, report::render(&machine, &rows, &notes)) {
        eprintln!("error: {}: {e}", path.display());
        return ExitCode::from(2);
    }
    for (figure, row) in &rows {
        match row.status {
            Status::Missed => println!("MISSED: {}", figure.what),
            Status::NotMeasured => println!("not measured: {}", figure.what),
            Status::Met | Status::NoTarget => {}
        }
    }
    println!("bench: wrote {REPORT}");
    ExitCode::SUCCESS
}

/// `cargo bench -p package --bench bench`, criterion writing under `target/criterion`.
fn cargo_bench(root: &Path, target: &Path, package: &str, bench: &str) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let status = Command::new(cargo)
        .current_dir(root)
        .env("CRITERION_HOME", target.join("criterion"))
        .args(["bench", "-p", package, "--bench", bench])
        .status()
        .map_err(|e| format!("cannot run cargo bench: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!(
            "cargo bench -p {package} --bench {bench} failed ({status})"
        ))
    }
}

/// `rustc --version`, or a note that it could not be read.
fn rustc_version() -> String {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .and_then(|output| String::from_utf8(output.stdout).ok())
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
        .unwrap_or_else(|| "rustc version unknown".to_string())
}

/// The 1-minute load average from /proc/loadavg (Linux), if readable.
fn load_average() -> Option<String> {
    let text = std::fs::read_to_string("/proc/loadavg").ok()?;
    text.split_whitespace().next().map(str::to_string)
}

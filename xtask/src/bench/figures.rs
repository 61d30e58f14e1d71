//! The catalogue of figures BENCHMARKS.md reports: what each measures, against which
//! baseline, the target it must meet and the command that reproduces it.

use super::results::Source;

/// Generation benchmark sizes, in schemas; the first is the per-schema baseline.
const SCHEMAS: [usize; 3] = [100, 1_000, 10_000];
/// Decode and encode benchmark sizes, in flags.
const FLAGS: [usize; 3] = [10, 1_000, 10_000];
/// datadog-api-client 0.38's clean release build, as reported: 10 min 25 s and 10 GB.
const OFFICIAL_BUILD_NANOS: f64 = 625e9;
const OFFICIAL_BUILD_KIB: f64 = 10.0 * 1024.0 * 1024.0;

const GENERATION: &str = "cargo bench -p openapi-rust-generator --bench generation --";
const CLIENT: &str = "cargo bench -p integration-tests --bench client --";

/// What a number counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Nanoseconds.
    Time,
    /// Kibibytes.
    Memory,
    /// Seconds (converted to nanoseconds for display).
    Seconds,
}

/// What a figure is compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    pub what: String,
    pub value: Source,
}

/// The largest acceptable ratio of a figure to its baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub max_ratio: f64,
    pub text: &'static str,
}

/// One row of the report.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub what: String,
    pub value: Source,
    pub unit: Unit,
    pub baseline: Option<Baseline>,
    pub target: Option<Target>,
    pub reproduce: String,
}

/// Every figure, in report order.
pub fn all() -> Vec<Figure> {
    let mut figures = generation();
    for (kind, verb) in [("decode", "Decode"), ("encode", "Encode")] {
        figures.extend(FLAGS.iter().flat_map(|&flags| codec(kind, verb, flags)));
    }
    figures.extend(FLAGS.iter().map(|&flags| official(flags)));
    figures.push(round_trip());
    figures.extend(build_cost());
    figures
}

fn bench(id: String, per: usize) -> Source {
    Source::Bench {
        id,
        per: per as f64,
    }
}

fn generation() -> Vec<Figure> {
    let per_schema = |schemas: usize| bench(format!("generation/synthetic/{schemas}"), schemas);
    let mut figures = vec![Figure {
        what: "Generate spec/openapi.yaml (load, check, model, emit, format)".into(),
        value: bench("generation/project_spec".into(), 1),
        unit: Unit::Time,
        baseline: Some(Baseline {
            what: "budget".into(),
            value: Source::Reported(100e6),
        }),
        target: Some(Target {
            max_ratio: 1.0,
            text: "< 100 ms",
        }),
        reproduce: format!("{GENERATION} generation/project_spec"),
    }];
    figures.extend(SCHEMAS.iter().map(|&schemas| Figure {
        what: format!("Generate a synthetic spec of {schemas} schemas, per schema"),
        value: per_schema(schemas),
        unit: Unit::Time,
        baseline: (schemas != SCHEMAS[0]).then(|| Baseline {
            what: format!("{} schemas, per schema", SCHEMAS[0]),
            value: per_schema(SCHEMAS[0]),
        }),
        target: (schemas != SCHEMAS[0]).then_some(Target {
            max_ratio: 1.5,
            text: "linear: ≤ 1.5x per schema",
        }),
        reproduce: format!("{GENERATION} '^generation/synthetic/{schemas}$'"),
    }));
    figures
}

/// `decode` or `encode` of a `flags`-flag response: the generated models and
/// `serde_json::Value`, each against the hand-written floor.
fn codec(kind: &str, verb: &str, flags: usize) -> [Figure; 2] {
    let floor = Baseline {
        what: "hand-written floor".into(),
        value: bench(format!("{kind}/floor/{flags}"), 1),
    };
    let reproduce = format!("{CLIENT} '^{kind}/.*/{flags}$'");
    [
        Figure {
            what: format!("{verb} {flags} flags: generated models"),
            value: bench(format!("{kind}/ours/{flags}"), 1),
            unit: Unit::Time,
            baseline: Some(floor.clone()),
            target: Some(Target {
                max_ratio: 1.3,
                text: "≤ 1.3x floor",
            }),
            reproduce: reproduce.clone(),
        },
        Figure {
            what: format!("{verb} {flags} flags: serde_json::Value"),
            value: bench(format!("{kind}/serde_json_value/{flags}"), 1),
            unit: Unit::Time,
            baseline: Some(floor),
            target: None,
            reproduce,
        },
    ]
}

/// Decode of a `flags`-flag response with our models against datadog-api-client's.
fn official(flags: usize) -> Figure {
    Figure {
        what: format!("Decode {flags} flags: generated models vs datadog-api-client"),
        value: Source::Official(format!("official/ours/{flags}")),
        unit: Unit::Time,
        baseline: Some(Baseline {
            what: "datadog-api-client 0.38".into(),
            value: Source::Official(format!("official/datadog_api_client/{flags}")),
        }),
        target: Some(Target {
            max_ratio: 1.0 / 1.5,
            text: "≥ 1.5x faster (≤ 0.67x)",
        }),
        reproduce: "bench/official-comparison.sh".into(),
    }
}

fn round_trip() -> Figure {
    Figure {
        what: "ListFeatureFlags round trip on loopback (10 flags): generated client".into(),
        value: bench("round_trip/generated_client".into(), 1),
        unit: Unit::Time,
        baseline: Some(Baseline {
            what: "raw reqwest + serde_json".into(),
            value: bench("round_trip/raw_reqwest".into(), 1),
        }),
        target: Some(Target {
            max_ratio: 1.05,
            text: "≤ 1.05x",
        }),
        reproduce: format!("{CLIENT} round_trip"),
    }
}

fn build_cost() -> [Figure; 2] {
    let target = Target {
        max_ratio: 0.1,
        text: "≥ 10x less (≤ 0.1x)",
    };
    let official = "datadog-api-client 0.38 (reported)";
    [
        Figure {
            what: "Clean release build of bench/consumer: wall time".into(),
            value: Source::BuildCost("wall_seconds"),
            unit: Unit::Seconds,
            baseline: Some(Baseline {
                what: official.into(),
                value: Source::Reported(OFFICIAL_BUILD_NANOS / 1e9),
            }),
            target: Some(target.clone()),
            reproduce: "bench/build-cost.sh".into(),
        },
        Figure {
            what: "Clean release build of bench/consumer: peak memory (largest process)".into(),
            value: Source::BuildCost("max_rss_kib"),
            unit: Unit::Memory,
            baseline: Some(Baseline {
                what: official.into(),
                value: Source::Reported(OFFICIAL_BUILD_KIB),
            }),
            target: Some(target),
            reproduce: "bench/build-cost.sh".into(),
        },
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_targeted_figure_has_a_baseline_and_a_command() {
        let figures = all();
        assert!(figures.len() > 15);
        for figure in &figures {
            assert!(!figure.reproduce.is_empty(), "{}", figure.what);
            assert!(
                figure.target.is_none() || figure.baseline.is_some(),
                "{}",
                figure.what
            );
            assert!(!figure.reproduce.contains('|'), "breaks the markdown table");
        }
    }

    #[test]
    fn per_schema_figures_divide_by_their_size_and_compare_with_the_smallest() {
        let figures = all();
        let ten_thousand = figures
            .iter()
            .find(|f| f.what.contains("10000 schemas"))
            .expect("10000-schema figure");
        assert_eq!(
            ten_thousand.value,
            bench("generation/synthetic/10000".into(), 10_000)
        );
        assert_eq!(
            ten_thousand.baseline.as_ref().map(|b| &b.value),
            Some(&bench("generation/synthetic/100".into(), 100))
        );
    }
}

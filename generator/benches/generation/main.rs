//! Generation benchmarks: the project spec end to end, and synthetic specs of growing size
//! (their time per schema should stay flat). Run with `cargo xtask bench`.

mod synthetic;

use std::error::Error;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use generator::{generate, GenerateOptions};

/// Synthetic spec sizes, in schemas.
const SIZES: [usize; 3] = [100, 1_000, 10_000];

fn main() -> Result<(), Box<dyn Error>> {
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    let options = GenerateOptions {
        crate_name: "bench-client".to_string(),
        spec_name: "spec/openapi.yaml".to_string(),
        lints: Default::default(),
    };
    let project_spec =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/openapi.yaml"))?;
    generate(&project_spec, &options).map_err(|d| d.to_string())?;

    let mut group = criterion.benchmark_group("generation");
    group.sampling_mode(SamplingMode::Flat);
    group.bench_function("project_spec", |b| {
        b.iter(|| generate(&project_spec, &options))
    });
    for size in SIZES {
        let spec = synthetic::spec_yaml(size)?;
        generate(&spec, &options).map_err(|d| d.to_string())?;
        group.throughput(Throughput::Elements(size as u64));
        group.bench_with_input(BenchmarkId::new("synthetic", size), &spec, |b, spec| {
            b.iter(|| generate(spec, &options))
        });
    }
    group.finish();
    criterion.final_summary();
    Ok(())
}

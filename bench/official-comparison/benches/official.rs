//! The same list-flags bodies as tests/benches/client, decoded with the generated models
//! and with datadog-api-client 0.38's, in one binary (same serde_json features for both).

#[path = "../../../tests/benches/client/flags_json.rs"]
mod flags_json;

use std::error::Error;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput};
use datadog_api_client::datadogV2::model::ListFeatureFlagsResponse as Official;
use datadog_feature_flags::models::ListFeatureFlagsResponse as Ours;

/// Response sizes, in flags (as in tests/benches/client).
const SIZES: [usize; 3] = [10, 1_000, 10_000];

fn main() -> Result<(), Box<dyn Error>> {
    let spec = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../spec/openapi.yaml"
    ))?;
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .configure_from_args();
    let mut group = criterion.benchmark_group("official");
    for flags in SIZES {
        let body = flags_json::list_response(&spec, flags)?;
        let ours: Ours = serde_json::from_slice(&body)?;
        let official: Official = serde_json::from_slice(&body)?;
        if ours.data.len() != flags || official.data.len() != flags {
            return Err(format!("a decoder lost flags of the {flags}-flag body").into());
        }
        group.throughput(Throughput::Bytes(body.len() as u64));
        group.bench_with_input(BenchmarkId::new("ours", flags), &body, |b, body| {
            b.iter(|| serde_json::from_slice::<Ours>(body))
        });
        group.bench_with_input(
            BenchmarkId::new("datadog_api_client", flags),
            &body,
            |b, body| b.iter(|| serde_json::from_slice::<Official>(body)),
        );
    }
    group.finish();
    criterion.final_summary();
    Ok(())
}

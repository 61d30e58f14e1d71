//! Decode and encode of list-flags responses: the generated models against
//! `serde_json::Value` and the hand-written floor, at several sizes.

use std::time::Duration;

use criterion::{BenchmarkGroup, BenchmarkId, Criterion, Throughput};
use datadog_feature_flags::models::ListFeatureFlagsResponse;
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;

use crate::floor;

/// Response sizes, in flags.
pub const SIZES: [usize; 3] = [10, 1_000, 10_000];

/// One response body per size, as `(flags, bytes)`.
pub type Bodies = [(usize, Vec<u8>)];

/// Fails unless the generated models read `body` and write it back unchanged: the
/// unknown property and enum value must survive, or the comparison is not fair.
pub fn check_lossless(body: &[u8]) -> Result<(), String> {
    let ours: ListFeatureFlagsResponse = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    let written = serde_json::to_value(&ours).map_err(|e| e.to_string())?;
    let original: Value = serde_json::from_slice(body).map_err(|e| e.to_string())?;
    if written == original {
        Ok(())
    } else {
        Err("the generated models did not write back the body they read".to_string())
    }
}

/// `decode/{ours,serde_json_value,floor}/{flags}`.
pub fn bench_decode(criterion: &mut Criterion, bodies: &Bodies) {
    let mut group = criterion.benchmark_group("decode");
    group.measurement_time(Duration::from_secs(2));
    for (flags, body) in bodies {
        group.throughput(Throughput::Bytes(body.len() as u64));
        decode::<ListFeatureFlagsResponse>(&mut group, "ours", *flags, body);
        decode::<Value>(&mut group, "serde_json_value", *flags, body);
        decode::<floor::ListFeatureFlagsResponse>(&mut group, "floor", *flags, body);
    }
    group.finish();
}

/// `encode/{ours,serde_json_value,floor}/{flags}`: writing back what was decoded.
pub fn bench_encode(criterion: &mut Criterion, bodies: &Bodies) -> Result<(), String> {
    let mut group = criterion.benchmark_group("encode");
    group.measurement_time(Duration::from_secs(2));
    for (flags, body) in bodies {
        group.throughput(Throughput::Bytes(body.len() as u64));
        encode::<ListFeatureFlagsResponse>(&mut group, "ours", *flags, body)?;
        encode::<Value>(&mut group, "serde_json_value", *flags, body)?;
        encode::<floor::ListFeatureFlagsResponse>(&mut group, "floor", *flags, body)?;
    }
    group.finish();
    Ok(())
}

fn decode<T: DeserializeOwned>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    flags: usize,
    body: &[u8],
) {
    group.bench_with_input(BenchmarkId::new(name, flags), body, |b, body| {
        b.iter(|| serde_json::from_slice::<T>(body))
    });
}

fn encode<T: DeserializeOwned + Serialize>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    name: &str,
    flags: usize,
    body: &[u8],
) -> Result<(), String> {
    let value: T = serde_json::from_slice(body).map_err(|e| format!("{name}: {e}"))?;
    group.bench_with_input(BenchmarkId::new(name, flags), &value, |b, value| {
        b.iter(|| serde_json::to_vec(value))
    });
    Ok(())
}

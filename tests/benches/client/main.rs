//! Client benchmarks: decode and encode of list-flags responses (generated models,
//! `serde_json::Value`, the hand-written floor) and one request round trip on loopback
//! (generated client against raw reqwest). Run with `cargo xtask bench`.

mod codec;
mod flags_json;
mod floor;
mod loopback;
mod round_trip;

use std::error::Error;
use std::time::Duration;

use criterion::Criterion;

/// The flags in the round-trip response.
const ROUND_TRIP_FLAGS: usize = 10;

fn main() -> Result<(), Box<dyn Error>> {
    let spec =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../spec/openapi.yaml"))?;
    let bodies = codec::SIZES
        .into_iter()
        .map(|flags| Ok((flags, flags_json::list_response(&spec, flags)?)))
        .collect::<Result<Vec<_>, String>>()?;
    for (_, body) in &bodies {
        codec::check_lossless(body)?;
    }
    let mut criterion = Criterion::default()
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .configure_from_args();
    codec::bench_decode(&mut criterion, &bodies);
    codec::bench_encode(&mut criterion, &bodies)?;
    let round_trip_body = flags_json::list_response(&spec, ROUND_TRIP_FLAGS)?;
    round_trip::bench_round_trip(&mut criterion, &round_trip_body)?;
    criterion.final_summary();
    Ok(())
}

#!/usr/bin/env bash
# Opt-in: decodes the list-flags benchmark bodies with the generated models and with
# datadog-api-client 0.38 (bench/official-comparison). Building the official crate takes
# about 10 GB of memory and 10+ minutes: run it on a quiet machine, never in CI.
# Results land in target/official-comparison/; `cargo xtask bench --report-only` (or a full
# `cargo xtask bench`) then adds them to BENCHMARKS.md.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/target/official-comparison"
mkdir -p "$out"
CARGO_TARGET_DIR="$out" CRITERION_HOME="$out/criterion" \
    cargo bench --manifest-path "$root/bench/official-comparison/Cargo.toml" --bench official -- "$@"
printf '{"cores": %s}\n' "$(nproc)" > "$out/run.json"
echo "official comparison: results in $out"

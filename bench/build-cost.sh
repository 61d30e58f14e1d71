#!/usr/bin/env bash
# Times a clean release build of bench/consumer (a program calling list_feature_flags through
# the generated crate): wall time and peak memory, from `/usr/bin/time -v`. Peak memory is
# the largest single process of the build (rustc compiling one crate), as getrusage reports.
# Dependencies are fetched first and not timed. The build uses every core.
# Writes target/build-cost.json, which `cargo xtask bench` reports.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
consumer="$root/bench/consumer"
build_dir="$root/target/build-cost"
log="$root/target/build-cost.log"

if [ ! -x /usr/bin/time ]; then
    echo "error: /usr/bin/time is missing (Debian/Ubuntu: apt-get install time)" >&2
    exit 2
fi
# Same dependency versions as the workspace.
cp "$root/Cargo.lock" "$consumer/Cargo.lock"
cargo fetch --manifest-path "$consumer/Cargo.toml"
rm -rf "$build_dir"
mkdir -p "$build_dir"
/usr/bin/time -v -o "$log" \
    cargo build --release --offline --manifest-path "$consumer/Cargo.toml" --target-dir "$build_dir"

wall="$(sed -n 's/^.*Elapsed (wall clock) time .*): //p' "$log" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
rss="$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$log")"
printf '{"wall_seconds": %s, "max_rss_kib": %s, "cores": %s}\n' "$wall" "$rss" "$(nproc)" \
    > "$root/target/build-cost.json"
echo "build cost: ${wall} s wall, ${rss} KiB peak memory ($(nproc) cores); see target/build-cost.json"

#!/usr/bin/env bash
# User-space instructions per request of the seed request, through seam-rs and through
# bare reqwest, counted by valgrind's callgrind: deterministic, so unlike CPU time it
# does not move with the machine's load (but it weighs every instruction the same and
# leaves the kernel out). Each client sends 1,000 and then 3,000 requests in a fresh
# process; the difference over 2,000 requests leaves start-up out.
#
#   bash benches/instructions.sh        (needs valgrind: apt-get install valgrind)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "valgrind is not installed" >&2; exit 1; }
cargo build --release -q -p seam-benches --bins
bin="${CARGO_TARGET_DIR:-target}/release"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The stub server reads its standard input from fd 3 and exits when this script does.
exec 3> >("$bin/seam-stub-server" > "$work/url")
for _ in $(seq 100); do [ -s "$work/url" ] && break; sleep 0.1; done
url="$(head -n1 "$work/url")"

count() { # via requests -> instructions
  valgrind --tool=callgrind --callgrind-out-file="$work/$1.$2.out" \
    "$bin/seam-bench-memory" "$1" "$url" "$2" 1 >/dev/null 2>"$work/$1.$2.log"
  sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$work/$1.$2.log"
}

declare -A per_request
for via in bare sdk; do
  small="$(count "$via" 1000)"
  large="$(count "$via" 3000)"
  per_request[$via]=$(( (large - small) / 2000 ))
done
echo "| client | user-space instructions per request | ratio |"
echo "| --- | ---: | ---: |"
echo "| bare reqwest | ${per_request[bare]} | 1 (baseline) |"
echo "| seam-rs | ${per_request[sdk]} | $(awk "BEGIN { printf \"%.3f\", ${per_request[sdk]} / ${per_request[bare]} }") |"

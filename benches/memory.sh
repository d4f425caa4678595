#!/usr/bin/env bash
# Peak memory (whole-process maximum RSS, from /usr/bin/time -v) and wall
# time of examples/extract.rs on 30 MB inputs. Not part of `cargo test`.
#
#   bash benches/memory.sh [MEGABYTES]
set -euo pipefail
cd "$(dirname "$0")/.."
mb="${1:-30}"
cargo build --release --example extract --example gen_large
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
bin=target/release/examples
for shape in line nopunct lines; do
    "$bin/gen_large" "$shape" "$mb" > "$dir/$shape.txt"
done
measure() {
    local name="$1" input="$2"; shift 2
    /usr/bin/time -v "$@" < "$input" > "$dir/out.json" 2> "$dir/time.txt"
    local rss wall records
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$dir/time.txt")
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$dir/time.txt")
    records=$(grep -o '"kind"' "$dir/out.json" | wc -l)
    printf '%-34s %6s MB input  peak RSS %5d MiB  wall %8s  %8d records\n' \
        "$name" "$(( $(stat -c %s "$input") / 1000000 ))" "$(( rss / 1024 ))" "$wall" "$records"
}
measure "one document, one line"            "$dir/line.txt"    "$bin/extract"
measure "one document, no punctuation"      "$dir/nopunct.txt" "$bin/extract"
measure "--lines, one 30 MB line"           "$dir/line.txt"    "$bin/extract" --lines
measure "--lines, newsletter lines"         "$dir/lines.txt"   "$bin/extract" --lines

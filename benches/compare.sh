#!/usr/bin/env bash
# Whole-process comparison: examples/extract --lines against a minimal
# jieba-rs tagging program (examples/jieba_tag), wall time and peak RSS from
# /usr/bin/time -v, on a few MB of news text (the benchmark corpus,
# ../shared/data/msra/dev.bio or generated text, repeated; 5 sentences a line).
#
#   benches/compare.sh [MEGABYTES=4] [RUNS=3]
#
# extract runs twice: with one rayon thread (RAYON_NUM_THREADS=1, to compare
# with single-threaded jieba) and with all cores (its default).
set -euo pipefail
cd "$(dirname "$0")/.."
MB=${1:-4}
RUNS=${2:-3}
cargo build --release --quiet --example extract --example jieba_tag --example bench_corpus
BIN=target/release/examples
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
INPUT=$WORK/input.txt
"$BIN/bench_corpus" 5 $((MB * 1000 * 1000)) > "$INPUT"
echo "input: $(wc -l < "$INPUT") lines, $(wc -c < "$INPUT") bytes; machine: $(nproc) cores," \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }

# measure NAME COMMAND...: one run; appends "wall_s rss_kb user_s sys_s" to $WORK/NAME
measure() {
  local name=$1; shift
  /usr/bin/time -v -o "$WORK/time.txt" "$@" < "$INPUT" > "$WORK/out.txt"
  local wall rss user sys
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' \
         "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
  user=$(awk -F': ' '/User time/ {print $2}' "$WORK/time.txt")
  sys=$(awk -F': ' '/System time/ {print $2}' "$WORK/time.txt")
  echo "$wall $rss $user $sys" >> "$WORK/$name"
  printf '  %-16s wall %6.2f s  peak RSS %7.1f MB  user %6.2f s  sys %5.2f s  (%s lines out)\n' \
    "$name" "$wall" "$(div "$rss" 1024)" "$user" "$sys" "$(wc -l < "$WORK/out.txt")"
}

for run in $(seq 1 "$RUNS"); do
  echo "run $run:"
  measure jieba_tag "$BIN/jieba_tag"
  RAYON_NUM_THREADS=1 measure extract_1thread "$BIN/extract" --lines
  measure extract_all "$BIN/extract" --lines
done

# median COLUMN FILE
median() { cut -d' ' -f"$1" "$2" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

echo "medians over $RUNS runs (ratio = extract / jieba_tag):"
jw=$(median 1 "$WORK/jieba_tag"); jr=$(median 2 "$WORK/jieba_tag")
for name in jieba_tag extract_1thread extract_all; do
  w=$(median 1 "$WORK/$name"); r=$(median 2 "$WORK/$name")
  printf '  %-16s wall %6.2f s (%5.2fx)  peak RSS %7.1f MB (%5.2fx)\n' "$name" "$w" \
    "$(div "$w" "$jw")" "$(div "$r" 1024)" "$(div "$r" "$jr")"
done

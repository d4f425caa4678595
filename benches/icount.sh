#!/usr/bin/env bash
# Instruction counts (callgrind, noise-free) of each workload of
# examples/profile.rs over the benchmark corpus, as Ir per byte and as a
# ratio to jieba-rs tag(hmm) / cut(hmm) on the same documents.
#
#   benches/icount.sh [WORKLOAD...]     (default: all)
#
# Keeps the profiles in target/callgrind/ for callgrind_annotate.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet --example profile
OUT=target/callgrind
mkdir -p "$OUT"
WORKLOADS=("$@")
[ ${#WORKLOADS[@]} -gt 0 ] || WORKLOADS=(jieba_cut jieba_tag tokenize quantities entities extract whole_document)
# jieba first: the ratios need them.
ALL=(jieba_cut jieba_tag)
for w in "${WORKLOADS[@]}"; do [[ $w == jieba_* ]] || ALL+=("$w"); done
for w in "${ALL[@]}"; do
  RAYON_NUM_THREADS=1 valgrind --tool=callgrind --collect-atstart=no \
    --toggle-collect='profile::measured' --callgrind-out-file="$OUT/$w.out" \
    target/release/examples/profile "$w" > "$OUT/$w.txt" 2> "$OUT/$w.log"
done
bytes=$(grep -o '[0-9]* bytes' "$OUT/jieba_tag.txt" | cut -d' ' -f1)
ir() { awk '/^summary:/ {print $2}' "$OUT/$1.out"; }
cut_ir=$(ir jieba_cut); tag_ir=$(ir jieba_tag)
echo "Ir of each workload; the last two columns are its speed as a fraction of jieba's"
printf '%-16s %14s %9s %10s %10s\n' workload Ir Ir/byte "vs tag" "vs cut"
for w in "${ALL[@]}"; do
  i=$(ir "$w")
  awk -v w="$w" -v i="$i" -v b="$bytes" -v t="$tag_ir" -v c="$cut_ir" \
    'BEGIN { printf "%-16s %14d %9.1f %10.3f %10.3f\n", w, i, i / b, t / i, c / i }'
done

#!/usr/bin/env python3
"""Ratios from a `cargo bench --bench throughput` log (stdin): in each group,
the throughput of each benchmark as a fraction of jieba-rs tag(hmm) and
cut(hmm) measured in the same group (middle estimates)."""
import re
import sys

UNITS = {"ns": 1e-9, "µs": 1e-6, "us": 1e-6, "ms": 1e-3, "s": 1.0}
times = {}
name = None
for line in sys.stdin:
    m = re.match(r"^([a-z_]+/[A-Za-z0-9_]+)", line)
    if m:
        name = m.group(1)
    m = re.search(r"time:\s+\[\S+ \S+ (\S+) (\S+) \S+ \S+\]", line)
    if m and name and name not in times:
        times[name] = float(m.group(1)) * UNITS[m.group(2)]
groups = {}
for full, t in times.items():
    g, b = full.split("/", 1)
    groups.setdefault(g, {})[b] = t
print(f"{'group':<16} {'benchmark':<26} {'time':>10} {'vs tag(hmm)':>12} {'vs cut(hmm)':>12}")
for g, benches in groups.items():
    tag = benches.get("jieba_tag_hmm")
    cut = benches.get("jieba_cut_hmm")
    for b, t in benches.items():
        rt = f"{tag / t:.2f}" if tag else "-"
        rc = f"{cut / t:.2f}" if cut else "-"
        shown = f"{t * 1e3:.2f} ms" if t >= 1e-4 else f"{t * 1e9:.0f} ns"
        print(f"{g:<16} {b:<26} {shown:>10} {rt:>12} {rc:>12}")

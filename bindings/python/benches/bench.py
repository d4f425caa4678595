#!/usr/bin/env python3
"""Throughput of zh_extract from Python against the Rust programs, on the
documents of the Rust benchmark.

    python bindings/python/benches/bench.py [--repeat 10] [--rounds 5] [--spark]

The corpus is that of ``benches/throughput.rs``: the sentences printed by
``examples/bench_corpus`` (``../shared/data/msra/dev.bio``, or generated
news-like text when it is absent), grouped 10 to 20 to a document by the
same generator (about 2 KB each), the list repeated ``--repeat`` times.

Each round times, back to back on the same documents:

- ``extract_batch`` in this process (all cores; the extractor built before);
- ``examples/extract --lines`` as a process, documents piped in, JSON to
  /dev/null, minus the same process on empty input (start-up and loading);
- ``zh-extract --lines`` likewise;
- with ``--spark``, once: ``examples/spark_extract.py`` with ``local[2]``.

The machine's speed drifts from second to second, so the Python overhead
is the median over rounds of each round's ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
MASK = (1 << 64) - 1


class Lcg:
    """benches/common/mod.rs's generator, step for step."""

    def __init__(self, seed: int) -> None:
        self.state = seed

    def next(self) -> int:
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & MASK
        return self.state >> 33

    def below(self, n: int) -> int:
        return self.next() % n


def news_documents(sentences, lo=10, hi=20):
    """benches/common/mod.rs ``documents(sentences, 10, 20)``."""
    rng = Lcg(0x5EED)
    docs, i = [], 0
    while i < len(sentences):
        n = lo + rng.below(hi - lo + 1)
        end = min(i + n, len(sentences))
        docs.append("".join(sentences[i:end]))
        i = end
    return docs


def cargo_build(*args: str) -> None:
    subprocess.run(["cargo", "build", "--release", "--quiet", *args], cwd=ROOT, check=True)


def corpus_sentences():
    cargo_build("--example", "bench_corpus")
    out = subprocess.run(
        [ROOT / "target/release/examples/bench_corpus", "1"],
        capture_output=True,
        check=True,
        text=True,
    )
    print(out.stderr.strip(), file=sys.stderr)
    return [line for line in out.stdout.split("\n") if line]


def time_process(command, input_path: Path) -> float:
    with open(input_path, "rb") as stdin, open(os.devnull, "wb") as devnull:
        started = time.perf_counter()
        subprocess.run(command, stdin=stdin, stdout=devnull, check=True)
        return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=10, help="copies of the corpus (default 10)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--spark", action="store_true", help="also time the Spark example")
    parser.add_argument("--json", help="write the figures to this file")
    args = parser.parse_args()

    from zh_extract import Extractor

    docs = news_documents(corpus_sentences()) * args.repeat
    size = sum(len(d.encode("utf-8")) for d in docs)
    print(
        f"{len(docs)} documents, {size / 1e6:.2f} MB, {size / len(docs) / 1e3:.1f} KB each on average",
        file=sys.stderr,
    )
    cargo_build("--example", "extract", "--bin", "zh-extract")
    example = [str(ROOT / "target/release/examples/extract"), "--lines"]
    tool = [str(ROOT / "target/release/zh-extract"), "--lines"]

    work = Path(tempfile.mkdtemp(prefix="zh-bench-"))
    lines = work / "docs.txt"
    lines.write_text("".join(d + "\n" for d in docs), encoding="utf-8")
    empty = work / "empty.txt"
    empty.write_text("")

    extractor = Extractor()
    extractor.extract_batch(docs[:50])  # warm up: pages, thread pool
    runs = {"python": [], "example": [], "cli": [], "startup_example": [], "startup_cli": []}
    ratios, ratios_cli = [], []
    for r in range(args.rounds):
        started = time.perf_counter()
        found = extractor.extract_batch(docs)
        runs["python"].append(time.perf_counter() - started)
        runs["startup_example"].append(time_process(example, empty))
        runs["example"].append(time_process(example, lines))
        runs["startup_cli"].append(time_process(tool, empty))
        runs["cli"].append(time_process(tool, lines))
        rust = runs["example"][-1] - runs["startup_example"][-1]
        ratios.append(runs["python"][-1] / rust)
        ratios_cli.append(runs["python"][-1] / (runs["cli"][-1] - runs["startup_cli"][-1]))
        print(
            f"round {r + 1}: python {runs['python'][-1]:.2f} s, example {runs['example'][-1]:.2f} s "
            f"(start-up {runs['startup_example'][-1]:.2f}), cli {runs['cli'][-1]:.2f} s "
            f"(start-up {runs['startup_cli'][-1]:.2f})",
            file=sys.stderr,
        )
    records = sum(len(f) for f in found)

    med = {k: statistics.median(v) for k, v in runs.items()}
    figures = {
        "documents": len(docs),
        "bytes": size,
        "records": records,
        "python_s": med["python"],
        "example_s": med["example"],
        "example_startup_s": med["startup_example"],
        "cli_s": med["cli"],
        "cli_startup_s": med["startup_cli"],
        "python_overhead_vs_example": statistics.median(ratios) - 1,
        "python_overhead_vs_cli": statistics.median(ratios_cli) - 1,
    }

    def line(name, seconds, note=""):
        print(f"{name:<44} {size / seconds / 1e6:6.2f} MB/s {len(docs) / seconds:8.0f} docs/s  {note}")

    print(f"\n{len(docs)} documents, {size / 1e6:.2f} MB, {records} records; medians of {args.rounds} rounds")
    line("Python extract_batch (one process)", med["python"])
    line("examples/extract --lines (less start-up)", med["example"] - med["startup_example"])
    line("examples/extract --lines (whole process)", med["example"])
    line("zh-extract --lines (less start-up)", med["cli"] - med["startup_cli"])
    line("zh-extract --lines (whole process)", med["cli"])
    print(
        f"Python overhead vs examples/extract: {figures['python_overhead_vs_example']:+.1%} "
        f"(per-round ratios {', '.join(f'{x:.2f}' for x in ratios)}); "
        f"vs zh-extract: {figures['python_overhead_vs_cli']:+.1%}"
    )

    if args.spark:
        jsonl = work / "docs.jsonl"
        with jsonl.open("w", encoding="utf-8") as f:
            for i, d in enumerate(docs):
                f.write(json.dumps({"id": i, "text": d}, ensure_ascii=False) + "\n")
        env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                str(ROOT / "bindings/python/examples/spark_extract.py"),
                str(jsonl),
                str(work / "spark-out"),
                "--master",
                "local[2]",
                "--partitions",
                "8",
            ],
            env=env,
            capture_output=True,
            text=True,
        )
        total = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stderr[-3000:], file=sys.stderr)
            return 1
        job = next(
            float(l.split(" in ")[1].split(" s")[0])
            for l in done.stderr.splitlines()
            if l.startswith("spark_extract: wrote")
        )
        figures.update(spark_job_s=job, spark_total_s=total)
        line("Spark local[2], job (read, extract, write)", job)
        line("Spark local[2], whole spark_extract.py run", total)

    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())

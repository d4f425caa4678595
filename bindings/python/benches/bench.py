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

The machine's speed drifts from second to second (and on a shared machine
other jobs take cores away), so the Python overhead is the median over
rounds of each round's ratio, in wall-clock time and in CPU time (user +
system, all threads; the steadier figure when the machine is shared).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
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


def cpu(who) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def time_process(command, input_path: Path):
    """(wall, CPU) seconds of one run of ``command`` on ``input_path``."""
    with open(input_path, "rb") as stdin, open(os.devnull, "wb") as devnull:
        cpu_before = cpu(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        subprocess.run(command, stdin=stdin, stdout=devnull, check=True)
        return time.perf_counter() - started, cpu(resource.RUSAGE_CHILDREN) - cpu_before


def time_batch(extractor, docs):
    """(wall, CPU) seconds of ``extract_batch(docs)`` here, and its results."""
    cpu_before = cpu(resource.RUSAGE_SELF)
    started = time.perf_counter()
    found = extractor.extract_batch(docs)
    return (time.perf_counter() - started, cpu(resource.RUSAGE_SELF) - cpu_before), found


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
    names = ["python", "example", "startup_example", "cli", "startup_cli"]
    runs = {n: [] for n in names}  # (wall, cpu) per round
    ratios = {"example": [], "cli": []}  # (wall, cpu) ratios per round
    for r in range(args.rounds):
        runs["python"].append(None)
        runs["python"][-1], found = time_batch(extractor, docs)
        runs["startup_example"].append(time_process(example, empty))
        runs["example"].append(time_process(example, lines))
        runs["startup_cli"].append(time_process(tool, empty))
        runs["cli"].append(time_process(tool, lines))
        for rust in ("example", "cli"):
            ratios[rust].append(
                tuple(
                    runs["python"][-1][i] / (runs[rust][-1][i] - runs["startup_" + rust][-1][i])
                    for i in (0, 1)
                )
            )
        print(
            f"round {r + 1} (wall/CPU s): python {runs['python'][-1][0]:.2f}/{runs['python'][-1][1]:.2f}, "
            f"example {runs['example'][-1][0]:.2f}/{runs['example'][-1][1]:.2f} "
            f"(start-up {runs['startup_example'][-1][0]:.2f}/{runs['startup_example'][-1][1]:.2f}), "
            f"cli {runs['cli'][-1][0]:.2f}/{runs['cli'][-1][1]:.2f} "
            f"(start-up {runs['startup_cli'][-1][0]:.2f}/{runs['startup_cli'][-1][1]:.2f})",
            file=sys.stderr,
        )
    records = sum(len(f) for f in found)

    med = {k: statistics.median(w for w, _ in v) for k, v in runs.items()}
    med_cpu = {k: statistics.median(c for _, c in v) for k, v in runs.items()}
    overhead = {
        f"python_overhead_vs_{rust}_{unit}": statistics.median(x[i] for x in ratios[rust]) - 1
        for rust in ("example", "cli")
        for i, unit in enumerate(("wall", "cpu"))
    }
    figures = {
        "documents": len(docs),
        "bytes": size,
        "records": records,
        **{f"{k}_s": v for k, v in med.items()},
        **{f"{k}_cpu_s": v for k, v in med_cpu.items()},
        **overhead,
    }

    def line(name, seconds, cpu_seconds=None):
        note = "" if cpu_seconds is None else f"  (CPU {cpu_seconds:.2f} s)"
        print(f"{name:<44} {size / seconds / 1e6:6.2f} MB/s {len(docs) / seconds:8.0f} docs/s{note}")

    print(f"\n{len(docs)} documents, {size / 1e6:.2f} MB, {records} records; medians of {args.rounds} rounds")
    line("Python extract_batch (one process)", med["python"], med_cpu["python"])
    for rust, name in (("example", "examples/extract --lines"), ("cli", "zh-extract --lines")):
        line(
            f"{name} (less start-up)",
            med[rust] - med["startup_" + rust],
            med_cpu[rust] - med_cpu["startup_" + rust],
        )
        line(f"{name} (whole process)", med[rust], med_cpu[rust])
    for rust in ("example", "cli"):
        print(
            f"Python overhead vs {rust}: wall {overhead[f'python_overhead_vs_{rust}_wall']:+.1%}, "
            f"CPU {overhead[f'python_overhead_vs_{rust}_cpu']:+.1%} (per-round wall/CPU ratios "
            + ", ".join(f"{w:.2f}/{c:.2f}" for w, c in ratios[rust])
            + ")"
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

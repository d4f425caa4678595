"""Scores a `--lines` reading of held-out pages four ways, for the names a
PDF wraps across lines, which a line read alone holds only pieces of.

    cargo run --release --example evaluate -- tests/data/heldout_entities_newsletter5.jsonl \
        --lines --dump /tmp/lines.jsonl
    python3 tests/data/lines_readings.py tests/data/heldout_entities_newsletter5.jsonl /tmp/lines.jsonl

Readings of a wrapped name's gold: `strict`, lost, and every piece found
on it a false name (records mapped back to the page, compared with its
gold); `contained`, no gold in any line (a line's gold is the names
inside it), pieces false; `head`, the head piece is the gold (as
`examples/evaluate --lines` scores); `pieces`, every piece is gold with
the name's kind. Rows: the records as found, and with the found pieces
of wrapped names left out (tail pieces only, then all), as a perfect
detector of pieces would; a measure of what such a rule could be worth
under each reading, not of any rule.
"""
import json
import sys


def f1(tp, found, gold):
    return 2 * tp / (found + gold) if found + gold else 1.0


def main(gold_path, dump_path):
    docs = [json.loads(l) for l in open(gold_path, encoding="utf-8")]
    lines = []
    for d in docs:
        at = 0
        for text in d["text"].split("\n"):
            lines.append((d, at, text))
            at += len(text) + 1
    dumped = [json.loads(l) for l in open(dump_path, encoding="utf-8")]
    if len(dumped) != len(lines):
        sys.exit(f"{dump_path} has {len(dumped)} lines, {gold_path} cuts into {len(lines)}")
    readings = ("strict", "contained", "head", "pieces")
    for policy in ("as found", "tail pieces left out", "all pieces left out"):
        counts = {r: [0, 0, 0] for r in readings}
        for (d, at, text), x in zip(lines, dumped):
            if x["text"] != text:
                sys.exit(f"line mismatch: {text[:20]!r}")
            end = at + len(text)
            found = [(k, a + at, b + at) for k, a, b in x["found"]]
            names = [(e["kind"], e["start"], e["end"]) for e in d["entities"]
                     if e["start"] < end and e["end"] > at]
            inside = {n for n in names if n[1] >= at and n[2] <= end}
            wrapped = [n for n in names if n not in inside]
            heads = [n for n in wrapped if n[1] >= at]

            def piece(f):
                on = [w for w in wrapped if f[1] < w[2] and w[1] < f[2]]
                return None if not on else ("head" if on[0][1] >= at else "tail")

            if policy.startswith("tail"):
                found = [f for f in found if piece(f) != "tail"]
            elif policy.startswith("all"):
                found = [f for f in found if piece(f) is None]
            found = set(found)
            gold = {
                "strict": (inside, len(inside) + len(heads)),
                "contained": (inside, len(inside)),
                "head": (inside | {(k, a, end) for k, a, _ in heads}, None),
                "pieces": (inside | {(k, max(a, at), min(b, end)) for k, a, b in wrapped}, None),
            }
            for r, (g, n) in gold.items():
                c = counts[r]
                c[0] += len(found & g)
                c[1] += len(found)
                c[2] += len(g) if n is None else n
        print(f"{policy:22}", "  ".join(f"{r} {f1(*counts[r]):.3f}" for r in readings))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])

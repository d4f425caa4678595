"""The Spark example, run with local PySpark on generated documents; its
records must be the Rust extractor's on the same documents.

The job itself is marked ``spark`` (``pytest -m spark`` / ``-m "not spark"``);
it needs Java and pyspark, and is skipped without them unless
``ZH_REQUIRE_SPARK=1`` (as in CI), where it fails instead.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import zh_extract
from zh_extract import Extractor

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "spark_extract.py"

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = ["伟", "芳", "建国", "志强", "海燕", "晓东", "文博", "春梅", "国庆", "立新"]
PLACES = ["宁波", "杭州", "深圳", "成都", "浙江省", "江苏省", "余姚市梁弄镇", "香港"]
ORGS = ["港集团有限公司", "市总工会", "人民医院", "科技股份有限公司", "市统计局"]
FIGURES = [
    "{n}万元",
    "{n}名职工",
    "约{n}人",
    "{n}多欧元",
    "{n}%",
    "百分之{c}",
    "{n}公斤",
    "{n}至{m}万元",
    "每斤{n}元",
    "{n}岁",
    "零下{n}摄氏度",
    "数百名",
    "{c}余名党员",
    "{n}.{n}亿美元",
]
NUMERALS = ["三", "五", "十二", "二十", "一百五十", "三千"]


def generate(count: int, seed: int = 14):
    """Deterministic news-like documents: names, places, figures."""
    rng = random.Random(seed)
    docs = []
    for _ in range(count):
        sentences = []
        for _ in range(rng.randint(1, 6)):
            person = rng.choice(SURNAMES) + rng.choice(GIVEN)
            place = rng.choice(PLACES)
            figure = rng.choice(FIGURES).format(
                n=rng.randint(2, 999), m=rng.randint(1000, 5000), c=rng.choice(NUMERALS)
            )
            sentences.append(
                rng.choice(
                    [
                        f"{place}{rng.choice(ORGS)}负责人{person}介绍，今年投入{figure}。",
                        f"记者{person}在{place}看到，共有{figure}参与。",
                        f"据{place}{rng.choice(ORGS)}统计，全年增长{figure}。",
                        "会议强调要进一步做好各项工作。",
                    ]
                )
            )
        docs.append("".join(sentences))
    return docs


def need_spark():
    """Java and pyspark, or a skip (a failure when ZH_REQUIRE_SPARK=1)."""
    missing = []
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        missing.append("java")
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
        import pandas  # noqa: F401
    except ImportError as e:
        missing.append(str(e))
    if missing:
        message = f"Spark test needs {', '.join(missing)}"
        if os.environ.get("ZH_REQUIRE_SPARK") == "1":
            pytest.fail(message)
        pytest.skip(message)


def run_job(input_path: Path, output: Path, *extra: str) -> None:
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    done = subprocess.run(
        [sys.executable, str(EXAMPLE), str(input_path), str(output), "--master", "local[2]", *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert (output / "_SUCCESS").exists()


def read_rows(output: Path):
    """The job's rows, keyed for comparison (doubles as written)."""
    import pyarrow.parquet as pq

    table = pq.read_table(output)
    rows = set()
    for r in table.to_pylist():
        rows.add(
            (
                r["id"],
                str(r["kind"]),
                r["text"],
                r["start"],
                r["end"],
                r["char_start"],
                r["char_end"],
                None if r["value_text"] is None else Decimal(r["value_text"]),
                r["value"],
                r["unit"],
                r["approx"],
                r["min"],
                r["max"],
                r["per"],
                r["object"],
            )
        )
    return table.num_rows, rows


def key(doc_id, record: dict):
    """A record of the contract's JSON (or to_dict()) in the same shape."""
    number = record.get("value")
    as_double = lambda v: None if v is None else float(v)  # noqa: E731
    return (
        doc_id,
        record["kind"],
        record["text"],
        record["start"],
        record["end"],
        record["char_start"],
        record["char_end"],
        None if number is None else Decimal(number),
        as_double(number),
        record.get("unit"),
        record.get("approx"),
        as_double(record.get("min")),
        as_double(record.get("max")),
        record.get("per"),
        record.get("object"),
    )


def test_worker_helper_builds_one_extractor_per_process():
    pd = pytest.importorskip("pandas")
    from zh_extract import spark

    docs = generate(30)
    batches = [pd.DataFrame({"doc": list(range(i, i + 10)), "body": docs[i : i + 10]}) for i in (0, 10, 20)]
    before = spark.built()
    frames = list(spark.map_batches(iter(batches), id_col="doc", text_col="body", kinds=["money"]))
    frames += list(spark.map_batches(iter(batches), id_col="doc", text_col="body", kinds=["money"]))
    assert spark.built() == before + 1, "one extractor for the same options, whatever the tasks"
    assert list(frames[0].columns) == spark.COLUMNS
    got = pd.concat(frames[:3])
    assert pd.concat(frames[3:]).equals(got)
    want = [
        (i, q.text, q.char_start, float(q.value))
        for i, found in enumerate(Extractor(kinds=["money"]).extract_batch(docs))
        for q in found.quantities
    ]
    assert want and [tuple(r) for r in got[["id", "text", "char_start", "value"]].itertuples(index=False)] == want
    # A null text has no records.
    frame = next(spark.map_batches(iter([pd.DataFrame({"id": [1, 2], "text": [None, docs[0]]})])))
    assert set(frame["id"]) == {2}


@pytest.mark.spark
def test_spark_job_on_jsonl_equals_the_cli(tmp_path, cli):
    need_spark()
    docs = generate(300)
    docs[7] = ""
    input_path = tmp_path / "docs.jsonl"
    with input_path.open("w", encoding="utf-8") as f:
        for i, text in enumerate(docs):
            f.write(json.dumps({"id": i, "text": text, "source": "gen"}, ensure_ascii=False) + "\n")
        f.write(json.dumps({"id": 300, "text": None}) + "\n")
    output = tmp_path / "records"
    run_job(input_path, output, "--partitions", "3", "--batch-rows", "64")
    count, rows = read_rows(output)
    assert count == len(rows), "no record twice"

    # The same file through the Rust command-line tool.
    tool = subprocess.run([cli, "--jsonl"], stdin=input_path.open("rb"), capture_output=True, text=True)
    assert tool.returncode == 1, "the null text is skipped by the tool"
    assert tool.stderr.strip() == f'zh-extract: {"<stdin>"}:301: field "text" is not a string; skipped'
    want = set()
    for line in tool.stdout.splitlines():
        obj = json.loads(line, parse_float=Decimal)
        for record in obj["entities"] + obj["quantities"]:
            want.add(key(obj["id"], record))
    assert len(want) > 1000
    assert {r[1] for r in want} >= {"person", "place", "organization", "money", "count", "percent"}
    assert rows == want
    # Partitioned by kind.
    assert sorted(p.name for p in output.iterdir() if p.is_dir()) == sorted(f"kind={k}" for k in {r[1] for r in want})


@pytest.mark.spark
def test_spark_job_on_parquet_equals_the_binding(tmp_path, extractor):
    need_spark()
    import pyarrow as pa
    import pyarrow.parquet as pq

    docs = generate(200, seed=41)
    ids = [f"doc-{i:04d}" for i in range(len(docs))]
    input_path = tmp_path / "docs.parquet"
    pq.write_table(pa.table({"key": ids, "body": docs}), input_path)
    output = tmp_path / "records"
    run_job(input_path, output, "--id-col", "key", "--text-col", "body", "--kinds", "person,money")
    _, rows = read_rows(output)
    want = set()
    only = Extractor(kinds=["person", "money"])
    for doc_id, found in zip(ids, only.extract_batch(docs)):
        for record in found.entities + found.quantities:
            want.add(key(doc_id, record.to_dict()))
    assert want and {r[1] for r in want} == {"person", "money"}
    assert rows == want
    assert zh_extract.__version__

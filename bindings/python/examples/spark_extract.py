#!/usr/bin/env python3
"""Extract records from a dataset of Chinese documents with Spark.

    spark_extract.py INPUT OUTPUT [--id-col id] [--text-col text] [--master local[2]]

INPUT is a JSON Lines file or directory (``.jsonl``/``.json``) or Parquet,
with an id and a text column; OUTPUT a directory, written as Parquet with
one row per record (id, kind, text, start, end, char_start, char_end,
value, value_text, unit, approx, min, max, per, object), partitioned by
kind. ``value``/``min``/``max`` are doubles (null beyond a double's range);
``value_text`` is the exact decimal.

Each Python worker builds one ``Extractor`` (kept in ``zh_extract.spark``,
never one per row or per task) and hands it whole Arrow batches through
``mapInPandas``; each task extracts on ``spark.task.cpus`` threads, so the
cores are shared out by Spark, not oversubscribed.

Without ``--master`` the master comes from ``spark-submit``: the same file
runs on a cluster unchanged (see the README, "Spark").
"""

from __future__ import annotations

import argparse
import json
import sys
import time


def parse_args(argv=None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="a .jsonl/.json file or directory, or Parquet")
    parser.add_argument("output", help="output directory (Parquet, partitioned by kind)")
    parser.add_argument("--id-col", default="id", help="the id column (default: id)")
    parser.add_argument("--text-col", default="text", help="the text column (default: text)")
    parser.add_argument("--master", help="e.g. local[2]; default: as spark-submit says")
    parser.add_argument(
        "--kinds", help="comma-separated kinds to report (default: all but number)"
    )
    parser.add_argument(
        "--partitions",
        type=int,
        help="repartition the input into this many tasks (default: at least one per core)",
    )
    parser.add_argument(
        "--batch-rows",
        type=int,
        default=1000,
        help="documents per Arrow batch (spark.sql.execution.arrow.maxRecordsPerBatch)",
    )
    parser.add_argument(
        "--mode", default="overwrite", help="save mode for OUTPUT (default: overwrite)"
    )
    return parser.parse_args(argv)


def is_json(path: str) -> bool:
    return path.rstrip("/").endswith((".jsonl", ".json", ".jsonl.gz", ".json.gz"))


def json_schema(spark, path: str, id_col: str, text_col: str):
    """The two columns' schema from the first record, so Spark need not read
    all the input once more to infer it; None (infer) when unsure."""
    from pyspark.sql import types as T

    first = spark.read.text(path).first()
    try:
        record = json.loads(first[0]) if first else None
    except ValueError:
        return None
    if not isinstance(record, dict):
        return None
    kinds = {bool: T.BooleanType(), int: T.LongType(), float: T.DoubleType(), str: T.StringType()}
    id_type = kinds.get(type(record.get(id_col)))
    if id_type is None:
        return None
    return T.StructType([T.StructField(id_col, id_type), T.StructField(text_col, T.StringType())])


def main(argv=None) -> int:
    args = parse_args(argv)
    from pyspark.sql import SparkSession
    from pyspark.sql import types as T

    builder = SparkSession.builder.appName("zh-extract")
    if args.master:
        builder = builder.master(args.master)
    spark = (
        builder.config("spark.sql.execution.arrow.maxRecordsPerBatch", str(args.batch_rows))
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .getOrCreate()
    )
    started = time.perf_counter()
    if is_json(args.input):
        schema = json_schema(spark, args.input, args.id_col, args.text_col)
        reader = spark.read.schema(schema) if schema is not None else spark.read
        frame = reader.json(args.input)
    else:
        frame = spark.read.parquet(args.input)
    for column in (args.id_col, args.text_col):
        if column not in frame.columns:
            sys.exit(f"spark_extract: no column {column!r} in {args.input} ({frame.columns})")
    frame = frame.select(args.id_col, args.text_col)
    # At least one task per core: a single input file is often one partition.
    partitions = args.partitions or spark.sparkContext.defaultParallelism
    if args.partitions or frame.rdd.getNumPartitions() < partitions:
        frame = frame.repartition(partitions)

    id_type = frame.schema[args.id_col].dataType
    out_schema = T.StructType(
        [
            T.StructField("id", id_type),
            T.StructField("kind", T.StringType()),
            T.StructField("text", T.StringType()),
            T.StructField("start", T.LongType()),
            T.StructField("end", T.LongType()),
            T.StructField("char_start", T.LongType()),
            T.StructField("char_end", T.LongType()),
            T.StructField("value", T.DoubleType()),
            T.StructField("value_text", T.StringType()),
            T.StructField("unit", T.StringType()),
            T.StructField("approx", T.StringType()),
            T.StructField("min", T.DoubleType()),
            T.StructField("max", T.DoubleType()),
            T.StructField("per", T.StringType()),
            T.StructField("object", T.StringType()),
        ]
    )
    kinds = args.kinds.split(",") if args.kinds else None
    task_cpus = int(spark.conf.get("spark.task.cpus", "1"))
    id_col, text_col = args.id_col, args.text_col

    def extract(batches):
        # Runs on the workers: zh_extract is imported there (installed in
        # their Python), and the extractor is the worker process's own.
        from zh_extract.spark import map_batches

        options = {"threads": task_cpus}
        if kinds:
            options["kinds"] = kinds
        return map_batches(batches, id_col=id_col, text_col=text_col, **options)

    records = frame.mapInPandas(extract, schema=out_schema)
    records.write.mode(args.mode).partitionBy("kind").parquet(args.output)
    elapsed = time.perf_counter() - started
    print(f"spark_extract: wrote {args.output} in {elapsed:.1f} s", file=sys.stderr)
    spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

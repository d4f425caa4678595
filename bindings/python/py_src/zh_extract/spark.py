"""The worker side of a Spark job: ``mapInPandas`` over Arrow batches.

Spark pickles the function handed to ``mapInPandas`` and unpickles it for
every task; a global of a script run as ``__main__`` travels by value and
starts afresh each time. A global of an installed module does not: Python
workers are reused between tasks (``spark.python.worker.reuse``, on by
default), so the ``Extractor`` kept here is built once per worker process,
on first use, and every Arrow batch goes to ``extract_batch`` whole.

pandas is imported only when a batch arrives; pyspark not at all.
"""

from __future__ import annotations

import math
import threading
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple

from ._zh_extract import Extractor

#: One output row per record.
COLUMNS = [
    "id",
    "kind",
    "text",
    "start",
    "end",
    "char_start",
    "char_end",
    "value",
    "value_text",
    "unit",
    "approx",
    "min",
    "max",
    "per",
    "object",
]

_lock = threading.Lock()
_extractors: Dict[Tuple, Extractor] = {}
_built = 0


def extractor(**options: Any) -> Extractor:
    """This process's ``Extractor`` for these options, built on first use."""
    global _built
    key = tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items()))
    with _lock:
        found = _extractors.get(key)
        if found is None:
            found = _extractors[key] = Extractor(**options)
            _built += 1
        return found


def built() -> int:
    """How many extractors this process has built (one per set of options)."""
    return _built


def _double(value) -> Optional[float]:
    """The nearest double; None beyond its range (``value_text`` is exact)."""
    if value is None:
        return None
    f = float(value)
    return f if math.isfinite(f) else None


def _text(value) -> Optional[str]:
    """Exact decimal text: plain digits up to 10^29, exponent form beyond."""
    if value is None:
        return None
    return format(value, "f") if value.adjusted() < 29 else str(value).lower()


def record_columns(ids: Iterable[Any], texts: List[str], ex: Extractor) -> Dict[str, list]:
    """``extract_batch(texts)`` as columns of :data:`COLUMNS`, one row per record."""
    columns: Dict[str, list] = {c: [] for c in COLUMNS}
    append = {c: columns[c].append for c in COLUMNS}
    for doc_id, found in zip(ids, ex.extract_batch(texts)):
        for e in found.entities:
            for c, v in (
                ("id", doc_id),
                ("kind", e.kind),
                ("text", e.text),
                ("start", e.start),
                ("end", e.end),
                ("char_start", e.char_start),
                ("char_end", e.char_end),
            ):
                append[c](v)
            for c in ("value", "value_text", "unit", "approx", "min", "max", "per", "object"):
                append[c](None)
        for q in found.quantities:
            value = q.value
            for c, v in (
                ("id", doc_id),
                ("kind", q.kind),
                ("text", q.text),
                ("start", q.start),
                ("end", q.end),
                ("char_start", q.char_start),
                ("char_end", q.char_end),
                ("value", _double(value)),
                ("value_text", _text(value)),
                ("unit", q.unit),
                ("approx", q.approx),
                ("min", _double(q.min)),
                ("max", _double(q.max)),
                ("per", q.per),
                ("object", q.object),
            ):
                append[c](v)
    return columns


def map_batches(
    batches: Iterable[Any], id_col: str = "id", text_col: str = "text", **options: Any
) -> Iterator[Any]:
    """For ``DataFrame.mapInPandas``: pandas batches with ``id_col`` and
    ``text_col`` in, a pandas DataFrame of :data:`COLUMNS` out per batch.
    A null text has no records. ``options`` go to ``Extractor``."""
    import pandas as pd

    ex = extractor(**options)
    for batch in batches:
        texts = [t if isinstance(t, str) else "" for t in batch[text_col].tolist()]
        columns = record_columns(batch[id_col].tolist(), texts, ex)
        yield pd.DataFrame(columns, columns=COLUMNS)

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

import threading
from typing import Any, Dict, Iterable, Iterator, List, Tuple

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


def record_columns(ids: List[Any], texts: List[str], ex: Extractor) -> Dict[str, list]:
    """``extract_columns(texts)`` with each row's document id, in :data:`COLUMNS`."""
    table = ex.extract_columns(texts)
    columns = {"id": [ids[i] for i in table.pop("doc")]}
    columns.update(table)
    return {c: columns[c] for c in COLUMNS}


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

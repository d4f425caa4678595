"""Type stubs of zh_extract (the native module is zh_extract._zh_extract)."""

import os
from decimal import Decimal
from typing import Dict, Iterable, Literal, Optional, Sequence, Tuple, Union

__version__: str

EntityKind = Literal["person", "organization", "place"]
QuantityKind = Literal["money", "count", "measure", "percent", "age", "temperature", "number"]
Approx = Literal["exact", "about", "over", "under", "range"]

class Entity:
    """A person, organization or place named in the text."""

    @property
    def kind(self) -> EntityKind: ...
    @property
    def text(self) -> str:
        """The text over the span, exactly as in the input."""
    @property
    def start(self) -> int:
        """UTF-8 byte offset of the first byte."""
    @property
    def end(self) -> int:
        """UTF-8 byte offset just past the end."""
    @property
    def char_start(self) -> int:
        """Python string index: ``text[char_start:char_end] == entity.text``."""
    @property
    def char_end(self) -> int: ...
    def to_dict(self) -> dict:
        """The contract's JSON object: kind, text, start, end, char_start, char_end."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Quantity:
    """An amount, count, measure or share, with its exact value."""

    @property
    def kind(self) -> QuantityKind: ...
    @property
    def text(self) -> str:
        """The text over the span, approximation words included (``3元左右``)."""
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    @property
    def value(self) -> Optional[Decimal]:
        """The number as written, exact; None when no number is named (``数百名``)."""
    @property
    def unit(self) -> str:
        """ISO 4217 code, the classifier as written, or a unit symbol (``kg``, ``%``)."""
    @property
    def approx(self) -> Approx: ...
    @property
    def min(self) -> Optional[Decimal]: ...
    @property
    def max(self) -> Optional[Decimal]: ...
    @property
    def per(self) -> Optional[str]:
        """For unit prices, the unit priced (``15元/斤`` → ``斤``)."""
    @property
    def object(self) -> Optional[str]:
        """For counts, the noun counted when it follows directly (``86名职工`` → ``职工``)."""
    def to_dict(self) -> dict:
        """The contract's JSON object; ``min``, ``max``, ``per``, ``object`` only when set."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Token:
    """One word of the segmentation, with its part-of-speech tag."""

    @property
    def text(self) -> str: ...
    @property
    def tag(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def char_start(self) -> int: ...
    @property
    def char_end(self) -> int: ...
    def to_dict(self) -> dict: ...

class Extraction:
    """Everything found in one document, each tuple sorted by position."""

    @property
    def entities(self) -> Tuple[Entity, ...]: ...
    @property
    def quantities(self) -> Tuple[Quantity, ...]: ...
    def to_dict(self) -> dict:
        """``{"entities": [...], "quantities": [...]}``, as the CLI prints it."""
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...

UserWord = Union[str, Tuple[str, Optional[int], Optional[str]]]

class Extractor:
    """Finds people, organizations, places and quantities in Chinese text.

    Build one and reuse it (it is thread-safe; building takes ~0.2 s).

    kinds: report only these (``["person", "money"]``); without an entity
        kind the entity recogniser does not run, which is faster.
    user_words: extra dictionary words, ``"横坎头村"`` or
        ``("横坎头村", 1000, "ns")`` (word, frequency, part-of-speech tag).
    numbers: also report bare numbers with no unit (kind ``number``).
    user_dict: a jieba-style dictionary file (``word [freq] [tag]`` lines).
    split_nested: report a place leading an organization's name apart
        (MSRA's convention) instead of the outermost name.
    threads: threads for ``extract_batch`` (default: all cores, or
        ``RAYON_NUM_THREADS``); one per Spark task is right on a cluster.

    Raises ValueError (unknown kind, bad dictionary line) or OSError.
    """

    def __init__(
        self,
        *,
        kinds: Optional[Sequence[str]] = None,
        user_words: Optional[Sequence[UserWord]] = None,
        numbers: bool = False,
        user_dict: Optional[Union[str, os.PathLike]] = None,
        split_nested: bool = False,
        threads: Optional[int] = None,
    ) -> None: ...
    @property
    def kinds(self) -> list[str]: ...
    def extract(self, text: Union[str, bytes]) -> Extraction:
        """Everything found in ``text``; bytes must be UTF-8 (ValueError with the offset)."""
    def extract_batch(self, texts: Iterable[str]) -> list[Extraction]:
        """``extract`` over many texts, in order, on all cores, with the GIL released."""
    def extract_columns(self, texts: Iterable[str]) -> Dict[str, list]:
        """``extract_batch`` as a table for pandas/Arrow: equal-length lists
        ``doc`` (index into ``texts``), ``kind``, ``text``, ``start``, ``end``,
        ``char_start``, ``char_end``, ``value`` (float), ``value_text`` (exact
        decimal), ``unit``, ``approx``, ``min``, ``max`` (floats), ``per``,
        ``object``; one row per record, each document's entities first.
        Floats are None beyond a double's range; quantity columns None for
        entities."""
    def tokenize(self, text: str) -> list[Token]: ...

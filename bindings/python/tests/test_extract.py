"""zh_extract from Python: records, spans, batches, errors, and equality
with the Rust command-line tools on the same text."""

from __future__ import annotations

import json
import math
import subprocess
import threading
from decimal import Decimal

import pytest

import zh_extract
from zh_extract import Entity, Extraction, Extractor, Quantity, Token

NEWS = "宁波港集团有限公司工会主席王建国介绍，全年开展培训38场，带动职工参与4万余人次。"
PRICES = "茶叶从一斤只卖3元左右变成一斤售价在15元的精品茶，三十余名党员参与，约数百名职工观看。"
# Characters outside the BMP and line breaks: char and byte offsets differ.
WIDE = "😀𠀀 记者李明在杭州看到，3000多欧元的包卖了三十余个。\r\n设立1,234元基金，另有12.8\n亿元投资。"
DOCUMENTS = [NEWS, PRICES, WIDE, "", "没有数字的一句话", "华氏98.6度，百分之三十，5个百分点，25岁，10公斤"]


def test_records_are_typed(extractor):
    found = extractor.extract(NEWS)
    assert isinstance(found, Extraction)
    assert [type(e) for e in found.entities] == [Entity] * len(found.entities)
    assert [e.kind for e in found.entities] == ["organization", "person"]
    assert found.entities[1].text == "王建国"
    count = found.quantities[1]
    assert isinstance(count, Quantity)
    assert (count.kind, count.text, count.unit, count.approx) == ("count", "4万余人次", "人次", "over")
    assert count.value == Decimal(40000) and isinstance(count.value, Decimal)
    assert (count.min, count.max) == (Decimal(40000), Decimal(50000))
    assert count.per is None
    assert len(found) == len(found.entities) + len(found.quantities)
    assert repr(found.entities[1]) == (
        "Entity(kind='person', text='王建国', start=39, end=48, char_start=13, char_end=16)"
    )
    assert repr(count).startswith(
        "Quantity(kind='count', text='4万余人次', start=101, end=114, char_start=35, char_end=40, "
        "value=Decimal('40000'), unit='人次', approx='over', min=Decimal('40000')"
    )
    assert zh_extract.__version__


def test_values_are_exact_decimals(extractor):
    about, price, members, workers = extractor.extract(PRICES).quantities
    assert (about.text, about.approx, about.min) == ("3元左右", "about", None)
    assert price.to_dict() == {
        "kind": "money",
        "text": "15元",
        "start": price.start,
        "end": price.end,
        "char_start": price.char_start,
        "char_end": price.char_end,
        "value": Decimal(15),
        "unit": "CNY",
        "approx": "exact",
        "per": "斤",
    }
    assert members.object == "党员"
    # No number named: value None, bounds known.
    assert workers.value is None and workers.approx == "about"
    assert (workers.min, workers.max) == (Decimal(200), Decimal(900))
    assert extractor.extract("月息0.1元").quantities[0].value == Decimal("0.1")
    # Within 28 digits every digit is kept; far beyond a double the value
    # is the library's (21 significant digits), finite, never inf.
    digits = "123456789" * 3
    assert extractor.extract(digits + "元").quantities[0].value == Decimal(digits)
    huge = extractor.extract("123456789" * 400 + "元").quantities[0]
    assert huge.value == Decimal("1.23456789123456789123e3599")
    assert huge.value.is_finite() and float(huge.value) == float("inf")


@pytest.mark.parametrize("text", DOCUMENTS)
def test_spans_slice_the_python_string(extractor, text):
    found = extractor.extract(text)
    encoded = text.encode("utf-8")
    for record in found.entities + found.quantities:
        assert text[record.char_start : record.char_end] == record.text
        assert encoded[record.start : record.end].decode("utf-8") == record.text
    if text == WIDE:
        assert found.entities and found.quantities
        assert any(q.text == "12.8\n亿元" for q in found.quantities)
        assert found.entities[0].start != found.entities[0].char_start


def test_batch_equals_single(extractor):
    documents = DOCUMENTS * 40
    batch = extractor.extract_batch(documents)
    assert len(batch) == len(documents)
    for text, found in zip(documents, batch):
        assert found == extractor.extract(text)
        assert found.to_dict() == extractor.extract(text).to_dict()
    # Any iterable of str, including a generator; empty gives empty.
    assert extractor.extract_batch(t for t in DOCUMENTS) == batch[: len(DOCUMENTS)]
    assert extractor.extract_batch([]) == []
    # Its own thread count changes nothing.
    assert Extractor(threads=1).extract_batch(documents) == batch


def test_columns_are_the_batch_records(extractor):
    documents = DOCUMENTS + ["123456789" * 400 + "元"]
    table = extractor.extract_columns(documents)
    names = ["doc", "kind", "text", "start", "end", "char_start", "char_end", "value",
             "value_text", "unit", "approx", "min", "max", "per", "object"]
    assert list(table) == names
    rows = list(zip(*(table[n] for n in names)))
    double = lambda v: None if v is None or math.isinf(float(v)) else float(v)  # noqa: E731
    want = []
    for i, found in enumerate(extractor.extract_batch(documents)):
        for e in found.entities:
            want.append((i, e.kind, e.text, e.start, e.end, e.char_start, e.char_end) + (None,) * 8)
        for q in found.quantities:
            want.append(
                (i, q.kind, q.text, q.start, q.end, q.char_start, q.char_end, double(q.value),
                 None if q.value is None else q.value, q.unit, q.approx, double(q.min),
                 double(q.max), q.per, q.object)
            )
    # value_text is the exact decimal of value.
    got = [r[:8] + ((None if r[8] is None else Decimal(r[8])),) + r[9:] for r in rows]
    assert got == want and len(got) >= 20
    assert table["value_text"][-1] == "1.23456789123456789123e+3599" and table["value"][-1] is None
    assert "0.1" in extractor.extract_columns(["月息0.1元"])["value_text"]
    assert extractor.extract_columns([]) == {n: [] for n in names}


def test_records_compare_and_hash(extractor):
    a = extractor.extract(NEWS)
    b = extractor.extract(NEWS)
    assert a == b and a is not b
    assert set(a.quantities) == set(b.quantities)
    assert a != extractor.extract(PRICES)
    assert a.quantities[0] != a.quantities[1]


def test_extract_batch_releases_the_gil(extractor):
    documents = [NEWS + PRICES] * 600
    counter = [0]
    stop = threading.Event()

    def spin():
        while not stop.is_set():
            counter[0] += 1

    spinner = threading.Thread(target=spin)
    spinner.start()
    try:
        before = counter[0]
        extractor.extract_batch(documents)
        during = counter[0] - before
    finally:
        stop.set()
        spinner.join()
    # Held all along, the spinning thread could not have run at all.
    assert during > 10_000, during


def test_errors_carry_the_rust_message(extractor, tmp_path):
    with pytest.raises(ValueError, match=r"^invalid UTF-8 at byte 10$"):
        extractor.extract("设立3元".encode() + b"\xff\xfe")
    # UTF-8 bytes are fine, offsets as for the str.
    assert extractor.extract(NEWS.encode()) == extractor.extract(NEWS)
    with pytest.raises(ValueError, match=r"unknown kind \"people\" \(expected one of person, "):
        Extractor(kinds=["people"])
    bad = tmp_path / "words.txt"
    bad.write_text("横坎头村 1000 ns\n梁弄镇 99999999999999999999999 ns\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"^user dictionary line 2: frequency \"99999999999999999999999\""):
        Extractor(user_dict=bad)
    with pytest.raises(OSError, match="no-such-file.txt"):
        Extractor(user_dict=tmp_path / "no-such-file.txt")
    with pytest.raises(ValueError, match="threads"):
        Extractor(threads=0)
    with pytest.raises(TypeError, match="str or bytes"):
        extractor.extract(12)
    with pytest.raises(TypeError, match="not a str"):
        extractor.extract_batch(NEWS)
    with pytest.raises(TypeError):
        extractor.extract_batch([NEWS, None])
    # A lone surrogate is no Unicode scalar value: Python's own error.
    with pytest.raises(UnicodeEncodeError):
        extractor.extract("设立\ud800 3元")


def test_kinds_filter(extractor):
    text = NEWS + PRICES + WIDE
    full = extractor.extract(text)
    some = Extractor(kinds=["person", "money"])
    assert some.kinds == ["person", "money"]
    found = some.extract(text)
    assert found.entities == tuple(e for e in full.entities if e.kind == "person")
    assert found.quantities == tuple(q for q in full.quantities if q.kind == "money")
    assert found.entities and found.quantities
    # Quantities only: no entity recogniser runs.
    only = Extractor(kinds=["count"]).extract(text)
    assert only.entities == () and {q.kind for q in only.quantities} == {"count"}
    assert "number" not in extractor.kinds
    numbers = Extractor(numbers=True)
    assert "number" in numbers.kinds
    assert numbers.extract("共有123").quantities[0].kind == "number"
    assert extractor.extract("共有123").quantities == ()


def test_tokenize(extractor):
    tokens = extractor.tokenize(WIDE)
    assert all(isinstance(t, Token) for t in tokens)
    for t in tokens:
        assert WIDE[t.char_start : t.char_end] == t.text
        assert t.tag
    assert ("李明", "nr") in [(t.text, t.tag) for t in tokens]
    # Without a line break to read through, the tokens are the text.
    line = WIDE.split("\r")[0]
    assert "".join(t.text for t in extractor.tokenize(line)) == line
    assert tokens[0].to_dict() == {
        "text": "😀",
        "tag": tokens[0].tag,
        "start": 0,
        "end": 4,
        "char_start": 0,
        "char_end": 1,
    }
    # A user word is one token.
    text = "余姚市梁弄镇横坎头村驻村"
    assert "横坎头村" not in [t.text for t in extractor.tokenize(text)]
    for word in ["横坎头村", ("横坎头村", 1000, "ns"), ("横坎头村", None, None)]:
        with_word = Extractor(user_words=[word], kinds=["money"])
        assert "横坎头村" in [t.text for t in with_word.tokenize(text)], word


def _json_lines(output: bytes):
    # Numbers as Decimal: the same exact values the binding gives.
    return [
        json.loads(line, parse_float=Decimal, parse_int=Decimal)
        for line in output.decode("utf-8").splitlines()
    ]


def test_records_equal_the_contract_example_and_the_cli(extractor, cli, contract_example):
    lines = [d.replace("\r", "").replace("\n", " ") for d in DOCUMENTS]
    stdin = "".join(line + "\n" for line in lines).encode()
    mine = [extractor.extract(line).to_dict() for line in lines]
    assert sum(len(m["entities"]) + len(m["quantities"]) for m in mine) >= 15

    example = subprocess.run(
        [contract_example, "--lines"], input=stdin, capture_output=True, check=True
    )
    assert _json_lines(example.stdout) == mine

    tool = subprocess.run([cli, "--lines"], input=stdin, capture_output=True, check=True)
    objects = _json_lines(tool.stdout)
    assert [o.pop("line") for o in objects] == list(range(1, len(lines) + 1))
    assert objects == mine

    # Whole documents with line breaks, through the tool's JSONL input.
    stdin = "".join(
        json.dumps({"id": i, "text": d}, ensure_ascii=False) + "\n" for i, d in enumerate(DOCUMENTS)
    ).encode()
    tool = subprocess.run([cli, "--jsonl"], input=stdin, capture_output=True, check=True)
    objects = _json_lines(tool.stdout)
    assert [o.pop("id") for o in objects] == list(range(len(DOCUMENTS)))
    assert objects == [extractor.extract(d).to_dict() for d in DOCUMENTS]

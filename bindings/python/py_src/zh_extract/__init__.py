"""People, organizations, places, amounts and counts in Chinese text.

>>> from zh_extract import Extractor
>>> extractor = Extractor()          # build once: loading takes ~0.2 s
>>> found = extractor.extract("宁波港集团有限公司设立200万元帮扶资金")
>>> money = found.quantities[0]
>>> money.text, money.value, money.unit
('200万元', Decimal('2000000'), 'CNY')

Records are typed, immutable objects (``Entity``, ``Quantity``, ``Token``)
with a ``to_dict()`` that gives the JSON object of the command-line
contract. ``char_start``/``char_end`` index the Python string;
``start``/``end`` are UTF-8 byte offsets. Values are ``decimal.Decimal``
(exact: ``0.1``, ``1.35亿`` and ``1e+200000`` alike).
"""

from ._zh_extract import Entity, Extraction, Extractor, Quantity, Token, __version__

__all__ = ["Entity", "Extraction", "Extractor", "Quantity", "Token", "__version__"]

"""Telephone numbers: a North American area code says where a local text is set.

Local news in the United States and Canada prints numbers to call ("Anyone with information is
asked to call London police at 519-555-0123"): the area code 519 serves south-western Ontario, so
the text is set there, and its "London" is London, Ontario. The states or provinces an area code
serves (``gazetteer/words/area-codes.tsv``, compiled into the index) join the text's context as
places it names, once each however many numbers cite them; a number is never a mention. Toll-free
and other codes that serve no place are not in the table.
"""

from __future__ import annotations

import re

from ..index import Index

__all__ = ["META_KEY", "AreaCodes"]

#: The key of the compiled table in ``index.meta.extra``: area code -> place IDs.
META_KEY = "area_codes"
#: A number as North American copy writes it: "519-555-0123", "(519) 555-0123", "519.555.0123",
#: "1-519-555-0123", "+1 519 555-0123". An area code and an exchange never begin with 0 or 1, and
#: no area code has 9 in the middle; the exchange and the line are joined by a hyphen or a dot, so
#: that no run of numbers set apart by spaces is read as one.
_NUMBER = re.compile(
    r"(?<![\w.+-])(?:\+?1[-. ])?(?:\(([2-9][0-8]\d)\)[ ]?|([2-9][0-8]\d)[-. ])[2-9]\d\d[-.]\d{4}(?![\w-]|\.\d)"
)
#: What a number holds (most texts hold none): the line's four digits after a hyphen or a dot,
#: each sought from its literal first character, which the regex engine finds fast.
_LINES = (re.compile(r"-\d{4}"), re.compile(r"\.\d{4}"))


class AreaCodes:
    """The places the area codes of a text's telephone numbers serve (index rows)."""

    def __init__(self, index: Index) -> None:
        stored: dict[str, list[str]] = index.meta.extra.get(META_KEY) or {}
        ids = index.places.ids
        self._rows = {
            code: rows
            for code, places in stored.items()
            if (rows := tuple(r for r in map(ids.row_of, places) if r >= 0))
        }

    def places(self, text: str) -> dict[int, float]:
        """The rows of the places the area codes in ``text`` serve, each once."""
        found: dict[int, float] = {}
        if not self._rows or not any(line.search(text) for line in _LINES):
            return found
        for m in _NUMBER.finditer(text):
            for row in self._rows.get(m.group(1) or m.group(2), ()):
                found[row] = 1.0
        return found

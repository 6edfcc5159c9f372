"""Names in text printed with the long s (ſ), which optical reading of old print gives as "f":
"Ruffie" is "Russie", "Weftphalie" "Westphalie", "Heffe" "Hesse".

The long s stood anywhere in a word but at its end, so a word's "f" before another letter may be an
"s" in such a text. A text is read so only where its commonest words show it ("eft" for "est",
"fur" for "sur", "moft" for "most"): in other text "f" is "f". A capitalised word that is no
candidate, read with each such "f" an "s", is one when that is a stored name.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .raw import Raw, replaced

__all__ = ["long_s"]

#: Common French and English words as the long s prints them, none a word in itself: how many the
#: first characters of a text have says whether it was printed so (counted, not searched for: a
#: search over every text cost a tenth of the first pass over news).
_MARKS = (" eft ", " fur ", " moft ", " auffi ", " ainfi ", " lefquel", " prefque ", " firft ", " fuch ", " thofe ")
#: The marks a text must have to be read with the long s (one may be an optical slip, or a fur).
_LEAST = 3
#: How far into a text (a window of it) the marks are counted.
_SAMPLE = 4000
#: One character in this many is an "f" at least in text printed with the long s (2 %; 2.4 to 3.5 % measured).
_F_SHARE = 50
#: A capitalised word with an "f" before another letter.
_WORD = re.compile(r"(?<![\w'’-])[A-ZÀ-Þ][a-zà-ÿ]*f[a-zà-ÿ]+(?![\w-])")
_F = re.compile(r"f(?=[a-zà-ÿ])")


def long_s(text: str, lo: int, hi: int, raws: list[Raw], stored: Callable[[str], bool]) -> list[Raw]:
    """``raws`` with the capitalised words of ``text[lo:hi]`` that, with their long s read as
    "s", are a stored name (``stored``), where the text shows the long s at all."""
    end = min(hi, lo + _SAMPLE)
    # one count first: "f" is about 2 % of the characters of news in English, over it where many
    # "s" are printed so; then the commonest marks ("est", "sur", "most"), then all of them
    if text.count("f", lo, end) * _F_SHARE < end - lo or all(text.find(m, lo, end) < 0 for m in _MARKS[:3]):
        return raws
    if sum(text.count(mark, lo, end) for mark in _MARKS) < _LEAST:
        return raws
    held = [(r.start, r.end) for r in raws]
    found = []
    for m in _WORD.finditer(text, lo, hi):
        if any(s < m.end() and m.start() < e for s, e in held):
            continue
        query = _F.sub("s", m.group())
        if stored(query):
            found.append(Raw(m.start(), m.end(), query, inflected=True))
    return replaced(raws, found)  # none overlaps a candidate

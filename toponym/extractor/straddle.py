"""A name in Chinese text cut out of a frequent word: the cheapest cover of a run prices a stored
name below two words, so in 大数据时代 ("the age of big data") the cover takes 大数, a source's name of
Tarsus, and 据 before 大 and 数据 (data); in 比通常慢 ("slower than usual") 比通, Bitung. Where one of
the commonest words straddles a name's first or last character with the characters beside it, a
lesser place's name is no name there; a country's, a metropolis's or a first-level unit's stays
(美国人 is read as 美国 and 人, though 国人 is a word)."""

from __future__ import annotations

from collections.abc import Callable

from ..charclass import is_han
from .raw import Raw

__all__ = ["straddled"]

#: The rank classes of the commonest words (数据, 通常, 提到): a word this frequent beside a name
#: outweighs the name of a lesser place.
_COMMON_RANK = 66
#: Characters of units that follow a name as its part or its suffix: 阿城市 is Acheng City, though
#: 城市 ("city") is a word, and 郑州市中心 the centre of Zhengzhou, though 市中心 is one.
_UNITS = frozenset("市县区省州镇乡村")


def straddled(text: str, raws: list[Raw], rank: Callable[[str], int], known: Callable[[str], bool]) -> list[Raw]:
    """``raws`` without the names of two characters or more that a common word straddles (see the
    module); ``rank`` gives a word's rank class (0: no word), ``known`` whether a reader knows a
    place by the name alone (:meth:`.Evidence.renowned`, :meth:`.Evidence.national`)."""
    return [r for r in raws if not _straddles(text, r, rank) or known(r.query)]


def _straddles(text: str, r: Raw, rank: Callable[[str], int]) -> bool:
    s, e = r.start, r.end
    if e - s < 2 or not all(map(is_han, text[s:e])):
        return False
    # a word read on from the name's last character, unless a unit's character ends the name or follows it
    after = "" if text[e - 1] in _UNITS or text[e : e + 1] in _UNITS else text[e - 1 : e + 2]
    for k in (2, 3):
        for piece in (after[:k], text[max(0, s + 1 - k) : s + 1]):
            if len(piece) == k and all(map(is_han, piece)) and 0 < rank(piece) <= _COMMON_RANK:
                return True
    return False

"""Names of several words in Han characters joined by a hyphen: 巴登-符腾堡 (Baden-Württemberg),
普罗旺斯-阿尔卑斯-蓝色海岸. The scan segments each run of Han characters alone, and the stored
name has a space where the text has the hyphen; the name may begin inside the run before the first
hyphen (在巴登-符腾堡) and end inside the run after the last (北莱茵-威斯特法伦州举行)."""

from __future__ import annotations

import re
from collections.abc import Callable

from .raw import Raw, make_raw, replaced

__all__ = ["hyphened_names"]

_HYPHENS = "-\uff0d\u2010\u2011\u2013"
#: Runs of Han characters joined by hyphens.
_JOINED = re.compile(rf"[\u4e00-\u9fff]+(?:[{_HYPHENS}][\u4e00-\u9fff]+)+")
_SPLIT = re.compile(rf"[{_HYPHENS}]")
#: The most characters of the first run and of the last that a name takes (a run before the first
#: hyphen holds the words before the name too: 在巴登).
_LONGEST = 8
#: The units a name is written with right after it.
_UNITS = frozenset("州省市县區区")


def hyphened_names(text: str, lo: int, hi: int, raws: list[Raw], named: Callable[[str], bool]) -> list[Raw]:
    """``raws`` with each name of Han words joined by hyphens that ``named`` knows (with spaces for
    the hyphens), with its unit where it is written after it, in place of the candidates it
    overlaps: the longest, its first word first."""
    if not any(h in text for h in _HYPHENS):
        return raws
    found = []
    for m in _JOINED.finditer(text, lo, hi):
        parts = _SPLIT.split(m.group())
        first, middle, last = parts[0], parts[1:-1], parts[-1]
        inner = " ".join(middle)
        best = None
        for a in range(max(0, len(first) - _LONGEST), len(first)):  # the longest first word first
            for b in range(min(len(last), _LONGEST), 0, -1):
                key = " ".join(w for w in (first[a:], inner, last[:b]) if w)
                if named(key):
                    best = (m.start() + a, m.end() - len(last) + b)
                    break
            if best is not None:
                break
        if best is not None:
            s, e = best
            if text[e : e + 1] in _UNITS and named(f"{key}{text[e]}"):
                e += 1  # its unit after it: 北莱茵-威斯特法伦州
            found.append(make_raw(s, e, text[s:e], False, False, True, -1, 0))
    return replaced(raws, found)

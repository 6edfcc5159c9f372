"""A country and a place in it joined by the middle dot, in Japanese: one locator, one mention.

Japanese writes where a place lies before it, joined by the middle dot: ロシア・チェリャビンスク州,
アメリカ・サンフランシスコ, インド・ニューデリー. The whole names the place in the country (as an
address glued without a break does: 東京都千代田区), and Japanese named-entity annotation marks it
as one span. A list of places that lie apart stays a list (日本・中国・韓国).
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..vocab import COUNTRY_KINDS
from .lookups import Lookups
from .raw import Raw

__all__ = ["locators"]

#: The middle dot between the two names, with the spaces some texts put after it.
_DOT = re.compile(r"・[ \u3000]?")


def locators(text: str, raws: list[Raw], lookups: Lookups) -> list[Raw]:
    """``raws`` with each country followed by ・ and a place inside it made one raw mention of
    the place, spanning both names."""
    out: list[Raw] = []
    i, n = 0, len(raws)
    while i < n:
        raw = raws[i]
        if i + 1 < n and _DOT.fullmatch(text, raw.end, raws[i + 1].start) and _holds(lookups, raw, raws[i + 1]):
            out.append(replace(raws[i + 1], start=raw.start, specific=True, rank=0))  # placed: no ordinary word
            i += 2
            continue
        out.append(raw)
        i += 1
    return out


def _holds(lookups: Lookups, country: Raw, place: Raw) -> bool:
    """Is ``country`` a country (as its first reading) and ``place`` a place below it (as its
    answer)?"""
    outer = lookups.get(country.query)
    if outer.top is None or outer.top.place.kind not in COUNTRY_KINDS:
        return False
    inner = lookups.get(place.query)  # its own answer: a name that answers nothing alone stays apart
    if inner.answer is None or inner.answer.place.kind in COUNTRY_KINDS:
        return False
    return lookups.resolver.index.places.country[inner.answer_row] == outer.top_row

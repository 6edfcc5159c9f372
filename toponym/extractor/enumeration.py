"""Names listed together: "Nantes, Vannes and Lorient" are towns of one country.

A name that may not stand alone needs a place of the text that holds it (:mod:`.linking`). In a
list, the names beside it are that evidence: the countries and regions of those that stand on
their own support it, as a country or region named in the text would; where none stands, three
or more whose answers are all in one country lend it. A list is names joined only by
commas or a coordinating word; nothing else may stand between them ("Ivanisevic ( Croatia ),
Becker" lists a player, then his country, then another player).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from itertools import chain
from typing import NamedTuple

from ..index import Index
from ..normalize import fold_key, normalize_name
from ..vocab import COUNTRY_KINDS, METROPOLIS, RENOWNED_CITY
from .language import Told
from .persons import word_before
from .raw import Raw, Signature
from .verdict import FirstPass

__all__ = ["listed_support"]

#: What joins two names of a list: a comma, a slash, a coordinating word (and, und, et, y, e, i,
#: og, och, ve, és, oder, or, ou, o, и, или), or both; in Chinese and Japanese the enumeration comma and
#: the joining characters (和, 与, 及, と, や). Lower case only: "And" between two capitalised words
#: heads a title. Dutch "en" only in Dutch: in French and Spanish it places what comes before
#: in what follows ("el centro Wilson en Washington").
_WORDS = "and|und|et|y|e|i|og|och|ve|és|oder|or|ou|o|и|или"
_JOIN = re.compile(rf"\s*(?:,|/|,?\s*(?:{_WORDS})(?=\s))\s*|[、，和与及とや]")
_JOIN_NL = re.compile(rf"\s*(?:,|,?\s*(?:{_WORDS}|en)(?=\s))\s*")
_LONGEST_JOIN = 12  # ", oder " with a space or two more
#: How many names on each side of a listed name lend it support.
_NEAR = 8


class _Item(NamedTuple):
    raw: Raw
    held: tuple[int, ...]
    """Where it stands alone: its country, and the regions below it that hold it."""
    guess: int
    """The country of its answer (when it has one), whether or not it stands."""
    people: int = 0
    """The people of its answer, a city: a metropolis lends nothing to a renowned city's name."""


def listed_support(
    text: str,
    raws: Sequence[Raw],
    sigs: Sequence[Signature] | None,
    passes: Mapping[Signature, FirstPass],
    index: Index,
    told: Told,
    reach: Callable[[str], frozenset[int]],
) -> dict[int, dict[int, float]]:
    """For each candidate (by its start) in a list of two or more names, the support lent by the
    other names of the list that stand alone: their countries and the regions holding them, each
    weighted by how many of those names it holds; only candidates with such support are keys.
    ``sigs`` are the signatures of ``raws`` (``None``: each raw's own), ``passes`` their first
    passes; ``reach`` gives the rows a name may name, their countries and the regions holding them."""
    if len(raws) < 2:
        return {}
    country, kind, people = index.places.country, index.places.kind, index.places.people
    given_names = index.policy.given_names

    def given(name: str) -> bool:
        return fold_key(normalize_name(name)) in given_names

    def item(raw: Raw, sig: Signature) -> _Item:
        found = passes[sig]
        if found.match is None:
            return _Item(raw, (), -1)
        named = index.row_of(found.match.place.id)
        guess = named if kind[named] in COUNTRY_KINDS else country[named]
        held = (guess, *(r for r in found.expanded if r != named)) if found.alone and guess >= 0 else ()
        return _Item(raw, held, guess, people[named] if kind[named] == "city" else 0)

    out: dict[int, dict[int, float]] = {}
    items: list[_Item] = []  # the list read so far
    pairs = zip(raws, sigs, strict=True) if sigs is not None else ((r, r.signature) for r in raws)
    last: tuple[Raw, Signature] | None = None
    for raw, sig in pairs:
        if last is None or not _joined(text, last[0].end, raw.start, told):
            _lend(items, out, given, reach)  # most names are in no list: read only those that are
            items, last = [], (raw, sig)
            continue
        if not items:
            items = [item(*last)] if not _ends_longer(text, last[0].start) else []
        if _ends_longer(text, raw.start):  # "Islington, Stoke Newington and Enfield": no item of it
            _lend(items, out, given, reach)
            items, last = [], None
            continue
        items.append(item(raw, sig))
        last = raw, sig
    _lend(items, out, given, reach)
    return out


def _joined(text: str, end: int, start: int, told: Told) -> bool:
    """Is ``text[end:start]`` what joins two names of a list?"""
    if start - end > _LONGEST_JOIN:
        return False
    if _JOIN.fullmatch(text, end, start):
        return True
    return " en " in text[end:start] and _JOIN_NL.fullmatch(text, end, start) is not None and "nl" in told.leading()


def _ends_longer(text: str, start: int) -> bool:
    """Does the name at ``start`` end a longer one, after a capitalised word within its sentence?"""
    before = word_before(text, start)
    if not before[:1].isupper() or not before[-1].isalpha():
        return False
    i = start - len(before) - 2  # the character before that word and its space
    while i >= 0 and text[i] == " ":
        i -= 1
    return i >= 0 and text[i] not in ".!?:;\n\"'«“(-–—"


def _lend(
    items: Sequence[_Item],
    out: dict[int, dict[int, float]],
    given: Callable[[str], bool],
    reach: Callable[[str], frozenset[int]],
) -> None:
    """The support each name of one list takes from the others."""
    if len(items) < 2:
        return
    if len(items) >= 3 and not any(item.held for item in items):
        # none stands: three or more answer places of one country, and none of another
        counts = Counter(item.guess for item in items if item.guess >= 0)
        if len(counts) == 1 and max(counts.values()) >= 3:
            for item in items:
                out[item.raw.start] = dict.fromkeys(counts, 1.0)
        return
    for i, item in enumerate(items):
        # the names near it in the list: a list of thousands (a column pasted as text) costs what its length does
        near = [*items[max(0, i - _NEAR) : i], *items[i + 1 : i + 1 + _NEAR]]
        # a metropolis says nothing of where a city the world knows lies: "Boston and London" are
        # two such cities, not two towns of England ("Boston, Lincoln and Grantham" are)
        renowned = item.people >= RENOWNED_CITY
        others = [other.held for other in near if other.held and not (renowned and other.people >= METROPOLIS)]
        lent = Counter(chain.from_iterable(others))
        # a region that holds them all says more than their country, where it may hold this one: a
        # town listed between two of Alberta is the town there, not a unit of its name that the
        # country holds too (but "Santander, Burgos y Valladolid" is no town of Castile and León)
        shared = {row: n for held in others for row in held[1:] if (n := lent[row]) == len(others) > 1}
        if shared and not reach(item.raw.query).isdisjoint(shared):
            lent = Counter(shared)
        # a given name ("Warren and Dallas watched") takes it from two names that stand, not one
        if lent and (len(others) >= 2 or not given(item.raw.query)):
            out[item.raw.start] = {row: float(n) for row, n in lent.items()}

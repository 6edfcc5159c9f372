"""Directions written with a hyphen before a name: "Noord-Syrië", "Süd-Italien", "Pohjois-Italia".

A part of a country or region named by its direction is, in many languages, one word with the
name, joined by a hyphen (``hyphenated`` in ``lexicons/compass.toml``; German glues it too, which
the scan reads as a prefix rule of the same file). The mention takes the direction in and is the
named place's (the south of Italy lies in Italy), as a form of it: a rewrite keeps the direction.
Only a prominent place of a kind that has a north and a south (:attr:`.affixes.Group.kinds`)
takes it: "Noord-Brabant" and "Oost-Vlaanderen" are keys of their own, read whole by the scan.
"""

from __future__ import annotations

import re

from ..index import Index
from .chars import HYPHENS
from .lookups import Lookups
from .raw import Raw
from .standing import prominent
from .wordlists import load_lexicon

__all__ = ["Compass"]


class Compass:
    """Takes a direction and its hyphen into the candidate they are written before."""

    def __init__(self, index: Index, lookups: Lookups) -> None:
        self.index = index
        self.lookups = lookups
        lexicon = load_lexicon("compass.toml")
        words = sorted({w for ws in lexicon["hyphenated"].values() for w in ws}, key=len, reverse=True)
        # the direction capitalised, first in its word, right before the hyphen
        self._before = re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, words))})[{HYPHENS}]\Z", re.IGNORECASE)
        self._kinds = frozenset(lexicon["kinds"])

    def extend(self, text: str, raws: list[Raw]) -> list[Raw]:
        """``raws``, each written after a direction and a hyphen taking them in when it names a
        prominent place of a kind with directions (the direction's own candidate goes: Dutch
        "Noord" is the French department Nord). Read before the rules for longer names, which
        take a case form after a hyphen for a part of a compound ("Pohjois-Italiassa" is whole)."""
        if not any(hyphen in text for hyphen in HYPHENS):
            return raws
        out: list[Raw] = []
        changed = False
        for r in raws:
            start = self._direction(text, r)
            if start >= 0 and (not out or out[-1].end <= start or (out[-1].start, out[-1].end) == (start, r.start - 1)):
                if out and out[-1].end > start:
                    out.pop()
                out.append(Raw(start, r.end, r.query, inflected=True, specific=r.specific, group=r.group))
                changed = True
            else:
                out.append(r)
        return out if changed else raws

    def _direction(self, text: str, r: Raw) -> int:
        """Where the direction and hyphen written before ``r`` begin, if it takes them; else -1."""
        if r.start < 4 or text[r.start - 1] not in HYPHENS:
            return -1
        m = self._before.search(text, max(0, r.start - 12), r.start)
        if m is None or not text[m.start()].isupper():
            return -1
        lookup = self.lookups.get(r.query)
        row = lookup.top_row
        if lookup.top is None or row < 0 or self.index.places.kind[row] not in self._kinds:
            return -1
        return m.start() if prominent(self.index, row) else -1

"""A unit's word before a name that a language writes as part of the name ("canton de Vaud",
``lexicons/units.toml``): the mention is the whole written form, as the resolver reads it."""

from __future__ import annotations

from .lookups import Lookups
from .raw import Raw
from .wordlists import load_lexicon

__all__ = ["UnitWords"]


class UnitWords:
    """Extends a candidate over the unit's word written before it, when the whole resolves."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        # longest first: "département de la " before "département de "
        self.endings = tuple(sorted((w + " " for w in load_lexicon("units.toml")["before"]), key=len, reverse=True))

    def extend(self, text: str, raws: list[Raw]) -> list[Raw]:
        """``raws``, each written right after a unit's word taking that word in when the whole
        names a place ("canton de Vaud" is the canton; "ville de Neuchâtel" the city)."""
        out = raws
        for k, r in enumerate(raws):
            if r.inflected or not text.endswith(self.endings, 0, r.start):
                continue
            start = r.start - next(len(e) for e in self.endings if text.endswith(e, 0, r.start))
            if start > 0 and text[start - 1].isalnum():
                continue  # the end of a longer word
            if k and raws[k - 1].end > start:
                continue
            phrase = text[start : r.end]
            if self.lookups.get(phrase).answer is None:
                continue
            if out is raws:
                out = list(raws)
            out[k] = Raw(start, r.end, phrase, specific=True)
        return out

"""Units' words beside a name (``lexicons/units.toml``): one a language writes as part of the name
("canton de Vaud": the mention is the whole written form, as the resolver reads it), and one that
says the name is the unit rather than the city of that name ("Idlib province", "New York Gov.")."""

from __future__ import annotations

import re

from ..model import Match
from .lookups import Lookups
from .raw import Raw
from .wordlists import load_lexicon

__all__ = ["UnitSaid", "UnitWords"]


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


class UnitSaid:
    """The unit a name is where a unit's word beside it says so: the likeliest subdivision of that
    name in the country of the city it would otherwise be."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        lexicon = load_lexicon("units.toml")
        self._before = re.compile(rf"(?:^|\W)(?:{'|'.join(map(re.escape, lexicon['said_before']))})\s+\Z")
        self._after = re.compile(rf"[ \t](?:{'|'.join(map(re.escape, lexicon['said_after']))})(?!\w)")

    def unit(self, text: str, raw: Raw, match: Match) -> Match | None:
        """The subdivision ``raw`` names instead of ``match``, a city, or ``None``."""
        if match.place.kind != "city" or not (
            self._after.match(text, raw.end) or self._before.search(text, max(0, raw.start - 24), raw.start)
        ):
            return None
        found = self.lookups.resolver.resolve(raw.query, country=match.place.country, kinds=("subdivision",))
        return found if found is not None and found.place.country == match.place.country else None

"""Units' words beside a name (``lexicons/units.toml``): one a language writes as part of the name
("canton de Vaud": the mention is the whole written form, as the resolver reads it), and one that
says the name is the unit rather than the city of that name ("Idlib province", "New York Gov.")."""

from __future__ import annotations

import re
from collections.abc import Container

from ..model import Match
from .lookups import Lookups
from .raw import Raw
from .wordlists import load_lexicon

__all__ = ["Features", "UnitSaid", "UnitWords", "said_before"]


def said_before(lexicon: dict[str, list[str]]) -> list[str]:
    """The words of ``lexicon`` (``units.toml``) that, right before a name, say it is the unit:
    those written as part of a phrase and the German ones written apart ("des Kantons Bern")."""
    return [*lexicon["said_before"], *lexicon["apart_before"]]


#: How many towns of a name a kind of settlement before it may mean (the likeliest first).
_TOWNS = 8


class UnitWords:
    """Extends a candidate over the unit's word written before it, when the whole resolves."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        # longest first: "département de la " before "département de "
        lexicon = load_lexicon("units.toml")
        self.endings = tuple(sorted((w + " " for w in lexicon["before"]), key=len, reverse=True))
        self.apart_words = tuple(w + " " for w in lexicon["apart_before"])

    def apart(self, text: str, raws: list[Raw]) -> list[Raw]:
        """``raws``, each that begins with a unit's word written apart from the name ("Kanton Bern",
        "des Kantons Bern") cut to the name after it, which the word says is the unit."""
        out = raws
        for k, r in enumerate(raws):
            if not text.startswith(self.apart_words, r.start):
                continue
            start = text.index(" ", r.start) + 1
            if start < r.end:
                if out is raws:
                    out = list(raws)
                out[k] = Raw(start, r.end, text[start : r.end], specific=True)
        return out

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


#: What may follow a feature's word to make its name: "de", "du", "des", "de la", "d'", then one
#: to three capitalised words.
_FEATURE_REST = r"(?:(?:de la |de |du |des |d')?[A-ZÀ-Ý][\w'-]*)(?: [A-ZÀ-Ý][\w'-]*){0,2}"
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][\w'-]*")


class Features:
    """Names of seas, lakes, rivers and mountains that begin with a word in lower case (French "mer
    Noire", ``features_before`` in ``lexicons/units.toml``): candidates the scan cannot start."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        words = "|".join(map(re.escape, load_lexicon("units.toml")["features_before"]))
        self._hint = re.compile(rf"(?:{words}) (?:d[eu']|des)?[ A-ZÀ-Ý]")  # twice as fast: most texts hold none
        self._found = re.compile(rf"(?<![\w-])(?:{words}) {_FEATURE_REST}")

    def find(self, text: str, lo: int, hi: int, raws: list[Raw]) -> list[Raw]:
        """``raws`` with each such name of ``text[lo:hi]`` that the resolver reads as written, in
        place of the candidates inside it ("Constance" of "lac de Constance")."""
        if self._hint.search(text, lo, hi) is None:
            return raws
        found = []
        for m in self._found.finditer(text, lo, hi):
            # the longest that names a place, ending with a capitalised word ("lac Léman" of "lac
            # Léman Nord"; never "lac de" alone)
            written = m.group()
            for end in reversed([w.end() for w in _CAPITALISED.finditer(written)]):
                phrase = written[:end]
                if self.lookups.get(phrase).answer is not None:
                    found.append(Raw(m.start(), m.start() + end, phrase, specific=True))
                    break
        if not found:
            return raws
        kept = [r for r in raws if not any(f.start <= r.start and r.end <= f.end for f in found)]
        kept += [f for f in found if not any(r.start < f.end and f.start < r.end for r in kept)]
        return sorted(kept, key=lambda r: r.start)


class UnitSaid:
    """The unit a name is where a unit's word beside it says so: the likeliest subdivision of that
    name in the country of the city it would otherwise be."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        lexicon = load_lexicon("units.toml")
        said = "|".join(map(re.escape, said_before(lexicon)))
        self._before = re.compile(rf"(?:^|\W)(?:{said})\s+\Z")
        self._after = re.compile(rf"[ \t](?:{'|'.join(map(re.escape, lexicon['said_after']))})(?!\w)")
        towns = "|".join(map(re.escape, lexicon["town_before"]))
        self._town = re.compile(rf"(?:^|\W)(?:{towns})\s+\Z", re.IGNORECASE)
        # the phrases' last words as they end before a name, in either case: a cheap test first
        lasts = {w.rsplit(" ", 1)[-1] + " " for w in lexicon["town_before"]}
        self._town_ends = tuple(sorted(lasts | {w.capitalize() for w in lasts}))

    def unit(self, text: str, raw: Raw, match: Match) -> Match | None:
        """The subdivision ``raw`` names instead of ``match``, a city, or ``None``."""
        if match.place.kind != "city" or not (
            self._after.match(text, raw.end) or self._before.search(text, max(0, raw.start - 24), raw.start)
        ):
            return None
        found = self.lookups.resolver.resolve(raw.query, country=match.place.country, kinds=("subdivision",))
        return found if found is not None and found.place.country == match.place.country else None

    def town(self, text: str, raw: Raw, match: Match, near: Container[int]) -> Match | None:
        """The town ``raw`` names instead of ``match``, a country or a unit, where a kind of
        settlement written before it says so ("the City of Turkey"), or ``None``: the likeliest
        town of that name in the country ``match`` is or lies in, or in a region the text names
        (``near``: the places the text names below country level, and what holds them)."""
        if (
            match.place.kind == "city"
            or not text.endswith(self._town_ends, 0, raw.start)
            or not self._town.search(text, max(0, raw.start - 16), raw.start)
        ):
            return None
        index = self.lookups.resolver.index
        home = match.place.country or match.place.id
        for found in self.lookups.resolver.resolve_all(raw.query, kinds=("city",), limit=_TOWNS):
            row = index.row_of(found.place.id)
            if found.place.country == home or any(a in near for a in index.ancestors(row)):
                return found
        return None

"""The answers to what the rules on names inside longer names ask (:class:`.evidence.Evidence`):
about the words around a name and the places it names, from the index and the scanner's memories."""

from __future__ import annotations

from ..index import Index
from ..normalize import fold_key, normalize_name
from ..vocab import METROPOLIS
from .casing import Casing
from .lookups import Lookups
from .villages import Villages

__all__ = ["GIVEN_CITY", "RENOWNED_UNIT", "Asking", "given", "given_first"]

#: A first-level division of this many people is known to readers by its name alone, whatever else
#: the name is (Georgia, Victoria; not Diana, a region of Madagascar, which is a given name first).
RENOWNED_UNIT = 1_000_000
#: A town of this many people stands on a name that is a given name too ("Denver", "Austin"); a
#: smaller one needs another place of the text or a preposition of place ("Nigel agreed").
GIVEN_CITY = 500_000


def given(index: Index, word: str) -> bool:
    """Is ``word`` a given name that is none of the commonest English words ("Jesús", not "Mark")?"""
    return fold_key(normalize_name(word)) in index.policy.given_names


def given_first(index: Index, surface: str, row: int) -> bool:
    """Is ``surface`` a given name that names the place at ``row`` less well than a person: a town
    of fewer than :data:`GIVEN_CITY` people, a unit of fewer than :data:`RENOWNED_UNIT` ("Nigel
    agreed", "Diana said": towns of South Africa and Madagascar's region; not Denver, Victoria)?"""
    if not given(index, surface):
        return False
    places = index.places
    if places.kind[row] == "city":
        return (places.population[row] or 0) < GIVEN_CITY
    return places.people[row] < RENOWNED_UNIT


class Asking:
    """:class:`.evidence.Evidence` over one index."""

    def __init__(self, index: Index, lookups: Lookups, casing: Casing, villages: Villages) -> None:
        self.index = index
        self.lookups = lookups
        self.casing = casing
        self.villages = villages

    def ordinary(self, surface: str) -> bool:
        """Is ``surface`` an ordinary word (or a stop entry) when written in lower case?"""
        return self.casing.ordinary(surface)

    def function_word(self, surface: str) -> bool:
        """Is ``surface`` one of the commonest words of some language ("Para", "Como", "Man")?"""
        return self.casing.function_word(surface)

    def frequent(self, word: str) -> bool:
        """Is ``word`` a frequent word of some language?"""
        return normalize_name(word) in self.index.policy.ordinary

    def exonym(self, query: str) -> bool:
        """Does ``query`` name a country by other than its English name ("Brasilien", not "Jordan",
        which is a given name too)?"""
        top = self.lookups.get(query).top if self.lookups.major(query) else None
        return top is not None and fold_key(normalize_name(query)) != fold_key(normalize_name(top.place.name))

    def kind(self, query: str) -> str | None:
        """The kind of the first place ``query`` names, if any."""
        top = self.lookups.get(query).top
        return None if top is None else top.place.kind

    def national(self, query: str) -> bool:
        """Does ``query`` name a country or the like, or a first-level division of one (England)?"""
        if self.lookups.major(query):
            return True
        lookup = self.lookups.get(query)
        top = lookup.top
        return top is not None and top.place.kind == "subdivision" and self.index.places.top_level(lookup.top_row)

    def named(self, word: str) -> bool:
        """Is ``word`` a stored name of some place other than a village (:meth:`.Villages.named`)?"""
        return self.villages.named(word)

    def metropolis(self, query: str) -> bool:
        """Is the first place ``query`` names a country, a sea or the like, or a city of a million
        people?"""
        if self.lookups.major(query):
            return True
        lookup = self.lookups.get(query)
        return lookup.top is not None and (self.index.places.population[lookup.top_row] or 0) >= METROPOLIS

    def given(self, word: str) -> bool:
        """Is ``word`` a given name that is none of the commonest English words ("Jesús", not "Mark")?"""
        return given(self.index, word)

    def surname(self, word: str) -> bool:
        """Is ``word`` one of the commonest surnames, a word or not ("Walker", "Miller")?"""
        return fold_key(normalize_name(word)) in self.index.policy.surnames

    def village(self, query: str) -> bool:
        """Is every place ``query`` names a village (:meth:`.Villages.village`)?"""
        return self.villages.village(query)

    def renowned(self, query: str) -> bool:
        """Does ``query`` name a place a reader knows by its name alone: a country, a sea or the
        like, a city of a million people, or a first-level division of :data:`RENOWNED_UNIT`
        people (Georgia, Victoria; not Diana, a region of Madagascar)?"""
        if self.metropolis(query):
            return True
        lookup = self.lookups.get(query)
        row, places = lookup.top_row, self.index.places
        return (
            lookup.top is not None
            and lookup.top.place.kind == "subdivision"
            and places.top_level(row)
            and places.people[row] >= RENOWNED_UNIT
        )

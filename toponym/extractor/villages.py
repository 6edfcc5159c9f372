"""What the scanner asks of villages (places of fewer than :data:`~toponym.vocab.VILLAGE` people).

A village's name is as often a person's or a word of some language: "Clinton", "Thursday", "Stock".
Linking gives a village only to a name the text places, and never to a word; these answers let
the scanner treat such names as no evidence of a place before any rule reads them.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..index import Index
from ..memo import BoundedMemo
from ..normalize import fold_key, normalize_name
from ..resolver.ranking import Ranked

__all__ = ["Villages", "as_word"]

#: A city this large is known by its name: a word list holding the name holds it as the city's.
_FAMOUS = 100_000


class Villages:
    """Answers about names that villages bear, remembered per process (bounded)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._only: BoundedMemo[str, bool] = BoundedMemo()
        self._named: BoundedMemo[str, bool] = BoundedMemo()
        self._idle: BoundedMemo[int, bool] = BoundedMemo()  # by key row

    def only(self, entries: list[tuple[int, int]]) -> bool:
        """Are the places of these ``(name row, tier)`` entries all villages?"""
        village, place = self.index.places.village, self.index.names.place
        return all(village(place[n]) for n, _tier in entries)

    def named(self, word: str) -> bool:
        """Is ``word`` a stored name of some place other than a village (its keys as a text query
        reaches them; never read as a typo)?"""
        found = self._named.get(word)
        if found is None:
            entries = self.index.keys.reach(word)
            found = self._named.put(word, bool(entries) and not self.only(entries))
        return found

    def village(self, query: str) -> bool:
        """Is every place ``query`` names a village? Such a name after a place's does not make the
        two one place's name ("Karachi Stock Exchange")."""
        found = self._only.get(query)
        if found is None:
            entries = self.index.keys.reach(query)
            found = self._only.put(query, bool(entries) and self.only(entries))
        return found

    def idle(self, row: int) -> bool:
        """Is key ``row`` a village's name only and an ordinary word or given name ("Thursday",
        "Mark")? No context gives a word a village, so a word that spells the key is no candidate:
        one in six English candidates would be such. (Asked of a word the key spells as it is, not
        with accents folded.)"""
        quiet = self._idle.get(row)
        if quiet is None:
            keys = self.index.keys
            key = keys.text[row]
            folded = fold_key(key)
            if folded not in self.index.policy.no_fuzzy_words:
                quiet = self._idle.put(row, False)
            else:  # the entries a text query spelling the key reaches (:meth:`KeyTable.reach`)
                quiet = self._idle.put(row, self.only(keys.entries(row) + keys.lookup(folded) * (folded != key)))
        return quiet


def as_word(index: Index, query: str, rows: Sequence[Ranked]) -> tuple[bool, bool]:
    """Is ``query`` a word or a given name of some language (a village by it takes no support:
    :func:`.context.supported`), or only a proper noun of a word list that a city of
    :data:`_FAMOUS` people, its first answer, is known by ("Plymouth", "Berkeley"): then a
    village by it takes the support of the regions the text names, not of those only a
    metropolis implies ("the first Thanksgiving in Plymouth ... Massachusetts" is the town
    there; "London" says nothing of an English village named Berkeley)."""
    policy, name = index.policy, normalize_name(query)
    folded = fold_key(name)
    if folded not in policy.no_fuzzy_words:
        return False, False
    if folded in policy.words or folded in policy.given_names or name in policy.ordinary:
        return True, False
    places = index.places
    top = rows[0].place if rows and not rows[0].tied else -1
    famous = top >= 0 and places.kind[top] == "city" and places.people[top] >= _FAMOUS
    return not famous, famous

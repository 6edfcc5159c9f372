"""Names a language writes as others do: a city abroad that no name of the language names.

A language read for its own names (:attr:`.affixes.Group.own`) takes a case form only of a name of
that language; but Hungarian, Czech or Finnish name many cities abroad as English does, and the
sources tag no name of theirs in those languages: "Londonban" is Hungarian for "in London",
"ve Washingtonu" Czech for "in Washington", "Bostonissa" Finnish for "in Boston".
"""

from __future__ import annotations

from ..index import Index
from .affixes import Group

__all__ = ["written_as_elsewhere"]

#: The people of a city abroad that a language may write as others do.
ELSEWHERE = 500_000
#: The tags of a name any language may write as it stands.
_WORLD_TAGS = frozenset({"en", "und"})


def written_as_elsewhere(index: Index, place: int, name: int, group: Group) -> bool:
    """Is ``name``, of ``place``, written so in ``group``'s language: the place's own name, or an
    English or untagged one, of a city of :data:`ELSEWHERE` people that no name of the language
    names?"""
    names, places = index.names, index.places
    return (
        (names.languages(name) <= _WORLD_TAGS or names.text.equals(name, places.name[place]))
        and places.kind[place] == "city"
        and places.prominence[place] >= ELSEWHERE
        and all(names.languages(m).isdisjoint(group.names) for m in places.names_of(place))
    )

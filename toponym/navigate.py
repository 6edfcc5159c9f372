"""Walking the gazetteer: a place's ancestors and children, and its places filtered by kind and
country. The :class:`~toponym.api.Gazetteer` methods of the same names call these."""

from __future__ import annotations

from collections.abc import Collection, Iterator

from .index import Index
from .model import Place
from .vocab import COUNTRY_KINDS, KINDS

__all__ = ["ancestors", "children", "kinds_of", "places", "row_of"]

PlaceRef = Place | str
"""A place, or its ID (or any ID a ``[[same]]`` policy entry folded into it)."""


def row_of(index: Index, place: PlaceRef) -> int:
    """The row of ``place`` in ``index``; ``UnknownPlaceError`` for an unknown ID."""
    return index.row_of(place.id if isinstance(place, Place) else place)


def kinds_of(kind: str | Collection[str] | None) -> frozenset[str] | None:
    """``kind`` as a set of kinds (``None``: any); ``ValueError`` naming the kinds for an unknown one."""
    if kind is None:
        return None
    wanted = frozenset([kind] if isinstance(kind, str) else kind)
    unknown = sorted(wanted - set(KINDS))
    if unknown:
        raise ValueError(f"unknown kind {', '.join(map(repr, unknown))}; kinds are: {', '.join(KINDS)}")
    return wanted


def ancestors(index: Index, place: PlaceRef) -> list[Place]:
    """The parent of ``place``, its parent, and so on up to the top, nearest first."""
    return [index.place(r) for r in index.ancestors(row_of(index, place))]


def children(index: Index, place: PlaceRef, kind: str | Collection[str] | None = None) -> list[Place]:
    """The places whose parent is ``place`` (of ``kind`` when given), in ID order."""
    kinds = kinds_of(kind)
    rows = index.children_of(row_of(index, place))
    kind_of = index.places.kind
    return [index.place(r) for r in rows if kinds is None or kind_of[r] in kinds]


def places(index: Index, kind: str | Collection[str] | None = None, country: PlaceRef | None = None) -> Iterator[Place]:
    """Every place (of ``kind``; lying in ``country``, the country itself included), in ID order.

    ``country`` is a country, territory or former country; ``ValueError`` for another place."""
    kinds = kinds_of(kind)
    in_country = -1
    if country is not None:
        in_country = row_of(index, country)
        if index.places.kind[in_country] not in COUNTRY_KINDS:
            found = index.places.ids[in_country]
            raise ValueError(f"{found!r} is a {index.places.kind[in_country]}, not a country; pass a country's ID")
    kind_of, country_of = index.places.kind, index.places.country
    for r in range(len(index)):
        if (kinds is None or kind_of[r] in kinds) and (in_country < 0 or country_of[r] == in_country):
            yield index.place(r)

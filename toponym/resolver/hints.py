"""Hints a caller gives the resolver, checked once and turned into row numbers."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from ..errors import UnknownPlaceError
from ..index import Index

__all__ = ["NO_HINTS", "Hints", "canonical_side", "make_hints"]


@dataclass(frozen=True, slots=True)
class Hints:
    """Hints as the ranking reads them: a primary language subtag, a place row, a kind set."""

    lang: str | None = None
    country: int | None = None
    kinds: frozenset[str] | None = None
    perspective: str | None = None

    @property
    def empty(self) -> bool:
        return self.lang is None and self.country is None and self.kinds is None and self.perspective is None


NO_HINTS = Hints()


def canonical_side(index: Index, side: str) -> str:
    """A perspective as a place ID: ``ja`` (a language alias in policy.toml) is ``jp``."""
    low = side.lower()
    return index.policy.perspective_alias.get(low, low)


def make_hints(
    index: Index, lang: str | None, country: str | None, kinds: Collection[str] | None, perspective: str | None
) -> Hints | None:
    """Hints as row numbers; ``None`` when a hint names nothing we know (nothing can match)."""
    country_row = None
    if country:
        try:
            country_row = index.row_of(canonical_side(index, country))
        except UnknownPlaceError:
            return None
    return Hints(
        lang=lang.split("-")[0].lower() if lang else None,
        country=country_row,
        kinds=frozenset(kinds) if kinds is not None else None,
        perspective=canonical_side(index, perspective) if perspective else None,
    )

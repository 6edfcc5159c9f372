"""The resolver, as the extractor asks it: one memoised lookup per distinct query."""

from __future__ import annotations

from ..memo import BoundedMemo
from ..resolver import Lookup, Resolver
from ..vocab import MAJOR_KINDS

__all__ = ["Lookups"]


class Lookups:
    """Memoised :meth:`Resolver.text_lookup` and what the extractor derives from it."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self._memo: BoundedMemo[str, Lookup] = BoundedMemo()
        self._reach: BoundedMemo[str, frozenset[int]] = BoundedMemo()
        self._kinds = resolver.index.places.kind

    def get(self, query: str) -> Lookup:
        """The bare answer for ``query``, and every candidate."""
        found = self._memo.get(query)
        if found is None:
            found = self._memo.put(query, self.resolver.text_lookup(query))
        return found

    def major(self, query: str) -> bool:
        """Is the first candidate of ``query`` a country, sea or the like?"""
        if query not in self._memo and not self.may_be_major(query):
            return False
        top = self.get(query).top
        return top is not None and top.place.kind in MAJOR_KINDS

    def may_be_major(self, query: str) -> bool:
        """Does a key of ``query`` name a country, sea or the like? The candidates the resolver
        ranks are the places of these keys (its normalised and folded keys, else transliterated),
        so without one the first candidate is none: an inflected word's forms are settled without
        ranking them (most name no major place). A query no key matches may match fuzzily: maybe."""
        place, kinds = self.resolver.index.names.place, self._kinds
        entries = self.resolver.index.keys.reach(query)
        return not entries or any(kinds[place[n]] in MAJOR_KINDS for n, _tier in entries)

    def reach(self, query: str) -> frozenset[int]:
        """Rows of every candidate of ``query``, their countries and ancestors."""
        found = self._reach.get(query)
        if found is None:
            found = self._reach.put(query, self.resolver.reach(self.get(query)))
        return found

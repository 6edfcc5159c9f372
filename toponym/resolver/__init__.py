"""Resolver: a string (+ hints) → ranked, explained matches, or nothing.

:mod:`.candidates` gathers what a query reaches (the cascade, then fuzzy matching), :mod:`.ranking`
orders it (the rules are the fields of :class:`~.ranking.RankKey`; docs/architecture.md lists
them), :mod:`.fastpath` answers bare queries from the answers compiled at build time, and
:mod:`.context` weighs evidence from other places of a text.
"""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace

from .._make import make_match
from ..index import Index
from ..index.schema import NO_ANSWER
from ..model import Explanation, Match
from ..normalize import normalize_name
from ..vocab import NAME_TYPES
from .candidates import Query, gather
from .context import reach, supported
from .fastpath import MAX_QUERY, SLOW, FastPath
from .hints import NO_HINTS, Hints, canonical_side, make_hints
from .ranking import Ranked, rank

__all__ = ["Lookup", "Resolver"]

_MISS = object()


@dataclass(frozen=True, slots=True)
class Lookup:
    """Everything a bare query reaches, for callers that rank further (the extractor)."""

    query: str
    answer: Match | None
    """What a bare ``resolve(query)`` answers."""
    rows: tuple[Ranked, ...]
    """Every candidate place, best first."""
    top: Match | None
    """The first candidate as a match (even when ``answer`` is ``None``: tied or stopped)."""
    answer_row: int = -1
    """The row of ``answer``'s place."""
    top_row: int = -1
    """The row of ``top``'s place."""


class Resolver:
    """Resolve place names against one :class:`~toponym.index.Index`. Thread-safe; results are immutable.

    The module-level :func:`toponym.resolve` uses a shared default instance; build your own to
    use another index::

        from toponym import Gazetteer, Resolver
        resolver = Resolver(Gazetteer.from_folder("my-gazetteer").index)
    """

    def __init__(self, index: Index, *, fuzzy: bool = True, cache_size: int = 100_000) -> None:
        self.index = index
        self.fuzzy = fuzzy
        self._fast = FastPath(index)
        self._cache: dict[str, Match | None] = {}
        self._cache_get = self._cache.get
        self._cache_size = cache_size
        self._lock = threading.Lock()

    # --- public ---------------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
    ) -> Match | None:
        """The best match for ``name``, or ``None`` when nothing is good enough or it is ambiguous."""
        if lang is None and country is None and kinds is None and perspective is None:
            try:
                memo = self._cache_get(name, _MISS)
            except TypeError:  # unhashable: not a name
                return None
            if memo is not _MISS:
                return memo  # type: ignore[return-value]
            if not isinstance(name, str):
                return None
            best = self._fast(name) if len(name) <= MAX_QUERY else None
            if best is SLOW:
                best = self._slow(name, NO_HINTS)
            cache = self._cache
            if len(cache) >= self._cache_size:
                cache.clear()
            cache[name] = best  # type: ignore[assignment]
            return best  # type: ignore[return-value]
        hints = make_hints(self.index, lang, country, kinds, perspective)
        if hints is None or not isinstance(name, str):
            return None
        return self._slow(name, hints)

    def resolve_all(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        limit: int | None = None,
    ) -> list[Match]:
        """Every candidate for ``name``, best first (see :mod:`.ranking` for the rules)."""
        hints = make_hints(self.index, lang, country, kinds, perspective)
        if hints is None:
            return []
        ranked = [self._match(name, r, hints) for r in self._rows(name, hints)]
        return ranked[:limit] if limit is not None else ranked

    def resolve_many(self, names: Iterable[str], **hints: object) -> list[Match | None]:
        """``resolve`` over a batch; repeated names cost one lookup."""
        return [self.resolve(n, **hints) for n in names]  # type: ignore[arg-type]

    def lookup(self, query: str) -> Lookup:
        """Every candidate of a bare query, ranked, with its ``resolve`` answer: one call for a
        caller that weighs candidates further (the extractor)."""
        rows = tuple(self._rows(query, NO_HINTS))
        top = self._match(query, rows[0], NO_HINTS) if rows else None
        answer = self.resolve(query)
        answer_row = self.index.row_of(answer.place.id) if answer is not None else -1
        return Lookup(query, answer, rows, top, answer_row, rows[0].place if rows else -1)

    def reach(self, lookup: Lookup) -> frozenset[int]:
        """Rows of every candidate of ``lookup``, their countries and ancestors."""
        return reach(self.index, lookup.rows)

    def resolve_in_context(
        self, name: str | Lookup, context: Mapping[int, float], *, need_support: bool = False
    ) -> Match | None:
        """Resolve ``name`` using evidence from its surroundings, e.g. other places in the same text.

        ``context`` maps index rows of places mentioned nearby to weights (see
        :func:`.context.supported`). The one candidate with the most support wins, even over a
        ``[[prefer]]`` entry or a stop rule (a text about France may say "Nice"); ties in support
        fall back to :meth:`resolve`. With ``need_support`` a name without any support answers
        ``None`` (for names that are also ordinary words).
        """
        lookup = name if isinstance(name, Lookup) else None
        query = lookup.query if lookup is not None else name
        if not isinstance(query, str):
            return None
        rows = lookup.rows if lookup is not None else tuple(self._rows(query, NO_HINTS))
        if not rows:
            return None
        found = supported(self.index, rows, context)
        if found is not None:
            pos, weight = found
            return replace(
                self._match(query, rows[pos], NO_HINTS),
                explanation=Explanation("context", len(rows), context=weight),
            )
        if need_support or rows[0].tied or rows[0].stopped:
            return None
        return self._match(query, rows[0], NO_HINTS)

    def clear_cache(self) -> None:
        self._cache.clear()

    def display_name(self, match: Match, *, lang: str | None = None, perspective: str | None = None) -> str:
        """The name to write for ``match``'s place as ``perspective`` or ``lang`` would."""
        side = canonical_side(self.index, perspective) if perspective else None
        return match.place.name_for(perspective=side, lang=lang)

    # --- internals ------------------------------------------------------------------------------

    def _slow(self, name: str, hints: Hints) -> Match | None:
        """Rank every candidate now (hints given, or the compiled answers cannot answer)."""
        rows = self._rows(name, hints)
        if rows and not rows[0].tied and not rows[0].stopped:
            return self._match(name, rows[0], hints)
        return None

    def _rows(self, query: object, hints: Hints) -> list[Ranked]:
        if not isinstance(query, str) or len(query) > MAX_QUERY or not query.strip():
            return []
        q = Query.of(query)
        cands = gather(self.index, q, self._spelling if self.fuzzy else None)
        return rank(self.index, q, cands, hints, query.islower())

    def _spelling(self, n: int) -> int | None:
        """The place a bare query spelling name ``n`` exactly resolves to; ``None`` when that is
        no one place (ambiguous, a stop rule)."""
        names = self.index.names
        answer = names.answer[n]
        if answer >= 0:
            return names.place[answer]
        if answer == NO_ANSWER:
            return None
        # ranked at query time (a dictionary word, a short key): rank it now
        q = Query.bare(normalize_name(names.text[n]))
        rows = rank(self.index, q, gather(self.index, q), NO_HINTS)
        return rows[0].place if rows and not rows[0].tied and not rows[0].stopped else None

    def _match(self, query: str, r: Ranked, hints: Hints) -> Match:
        names = self.index.names
        c = r.cand
        lang = names.first_lang[names.lang[c.name]]
        if hints.lang:
            lang = next((t for t in names.tags(c.name) if t.split("-")[0] == hints.lang), lang)
        return make_match(
            self.index.place(r.place),
            round(c.score, 2),
            c.method,
            names.text[c.name],
            lang,
            query,
            NAME_TYPES[names.type_code[c.name]],
            names.perspectives[names.persp[c.name]],
            r.explanation,
        )

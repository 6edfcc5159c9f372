"""Resolver: a string (+ hints) → ranked, explained matches, or nothing.

:mod:`.candidates` gathers what a query reaches (the cascade, then fuzzy matching), :mod:`.ranking`
orders it (the rules are the fields of :class:`~.ranking.RankKey`; docs/architecture.md lists
them), :mod:`.fastpath` answers bare queries from the answers compiled at build time, and
:mod:`.context` weighs evidence from other places of a text. :mod:`.codes` reads a query in
capitals as an ISO code first, :mod:`.outcomes` tells a match from a tie, a stop and nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import replace

from .._make import make_match
from ..index import Index
from ..index.schema import METHOD_SPELLED, NO_ANSWER
from ..model import Explanation, Match
from ..normalize import normalize_name
from ..outcome import Outcome
from ..vocab import COUNTRY_KINDS, NAME_TYPES, Status
from .candidates import Candidate, Query, gather, misspelt
from .codes import code_first, code_shaped, code_table
from .context import reach, supported
from .fastpath import MAX_QUERY, SLOW, FastPath
from .forms import Regions, each_reading, fuzzy_allowance, readings
from .forms import read as read_forms
from .hints import NO_HINTS, Hints, make_hints, side_id, side_row
from .lookup import Lookup
from .outcomes import code_match, invalid, outcome, town_held
from .ranking import Ranked, rank

__all__ = ["Lookup", "Resolver"]

_MISS = object()
_COUNTRIES = Hints(kinds=frozenset(COUNTRY_KINDS))


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
        self._stored = self._fast.stored
        self._cache: dict[str, Match | None] = {}
        self._cache_get = self._cache.get
        self._cache_size = cache_size
        self._lock = threading.Lock()
        self._countries: dict[str, int | None] = {}  # country hints given by name
        self._regions = Regions(index, self._rows)  # the "Region" of "City, Region"

    # --- public ---------------------------------------------------------------------------------

    def resolve(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        demonyms: bool = False,
    ) -> Match | None:
        """The best match for ``name``, or ``None`` when nothing is good enough or it is ambiguous."""
        if lang is None and country is None and kinds is None and perspective is None and not demonyms:
            try:
                memo = self._cache_get(name, _MISS)
            except TypeError:  # unhashable: not a name
                return None
            if memo is not _MISS:
                return memo  # type: ignore[return-value]
            if not isinstance(name, str):
                return None
            # codes first for a query in capitals: "CIV" is Côte d'Ivoire, not Kyiv
            best = self._answer(name, NO_HINTS) if code_first(self.index, name) else self._plain(name)
            cache = self._cache
            if len(cache) >= self._cache_size:
                cache.clear()
            cache[name] = best
            return best
        hints = self._hints(lang, country, kinds, perspective, demonyms)
        if not isinstance(name, str):
            return None
        return self._answer(name, hints)

    def resolve_all(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        demonyms: bool = False,
        limit: int | None = None,
    ) -> list[Match]:
        """Every candidate for ``name``, best first (see :mod:`.ranking` for the rules)."""
        hints = self._hints(lang, country, kinds, perspective, demonyms)
        if not isinstance(name, str):
            return []
        code, rows = self._read(name, hints)
        ranked = [] if code is None else [code[0]]
        ranked += [self._match(name, r, hints) for r in rows if code is None or r.place != code[1]]
        return ranked[:limit] if limit is not None else ranked

    def lookup(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        demonyms: bool = False,
        candidates: bool = True,
    ) -> Outcome:
        """What ``name`` comes to, from one ranking: ``matched`` (what ``resolve`` answers),
        ``ambiguous`` (candidates tie), ``stopped`` (candidates a bare ``resolve`` declines on
        purpose), ``no-match`` or ``invalid``; with every candidate and the reason.

        ``candidates=False`` lists only the match of a name that matches: a bare name is then
        answered from the answers ranked at build time, as ``resolve`` answers it, without ranking
        its other candidates now (for bulk work: about three times faster on stored names)."""
        hints = self._hints(lang, country, kinds, perspective, demonyms)
        bad = invalid(name)
        if bad is not None:
            return bad
        if not candidates and hints.empty and not code_first(self.index, name):
            best = self.resolve(name)
            if best is not None:
                return Outcome(name, "matched", best, (best,), best.reason)
        code, rows = self._read(name, hints)
        return outcome(name, code, rows, lambda r: self._match(name, r, hints), hints, candidates)

    def resolve_status(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        demonyms: bool = False,
    ) -> tuple[Match | None, Status]:
        """``resolve``'s answer with ``lookup``'s status, from at most one ranking: a batch needs
        both, and a name that matches nothing (a typo searched fuzzily) costs one ranking, not two."""
        hints = self._hints(lang, country, kinds, perspective, demonyms)
        bad = invalid(name)
        if bad is not None:
            return None, bad.status
        if hints.empty and not code_first(self.index, name):
            best = self._fast(name)
            if isinstance(best, Match):
                return best, "matched"
            rows = self._rows(name, hints, forms=True)
            # ranked now; where the compiled answer is none, the ranking only says why
            return (self._first(name, rows, hints) if best is SLOW else None), _status(rows)
        code, rows = self._read(name, hints)
        if code is not None:
            return code[0], "matched"
        return self._first(name, rows, hints), _status(rows)

    def resolve_many(self, names: Iterable[str], **hints: object) -> list[Match | None]:
        """``resolve`` over a batch; repeated names cost one lookup."""
        return [self.resolve(n, **hints) for n in names]  # type: ignore[arg-type]

    def text_lookup(self, query: str) -> Lookup:
        """Every candidate of a bare query, ranked, with its ``resolve`` answer: one call for a
        caller that weighs candidates further (the extractor). Text is not read for codes: in
        prose "IT", "IN" and "OR" are words, so a query in capitals gets its answer as a name."""
        rows = tuple(self._rows(query, NO_HINTS))
        top = self._match(query, rows[0], NO_HINTS) if rows else None
        answer = self._plain(query) if isinstance(query, str) and code_shaped(query) else self.resolve(query)
        answer_row = self.index.row_of(answer.place.id) if answer is not None else -1
        return Lookup(query, answer, rows, top, answer_row, rows[0].place if rows else -1)

    def reach(self, lookup: Lookup) -> frozenset[int]:
        """Rows of every candidate of ``lookup``, their countries and ancestors."""
        return reach(self.index, lookup.rows)

    def resolve_in_context(
        self,
        name: str | Lookup,
        context: Mapping[int, float],
        *,
        need_support: bool = False,
        word: bool = False,
        proper: bool = False,
        placed: bool = False,
        implied: Collection[int] = (),
        local: frozenset[int] = frozenset(),
    ) -> Match | None:
        """Resolve ``name`` using evidence from its surroundings, e.g. other places in the same text.

        ``context`` maps index rows of places mentioned nearby to weights (see
        :func:`.context.supported`). The one candidate with the most support wins, even over a
        ``[[prefer]]`` entry or a stop rule (a text about France may say "Nice"); ties in support
        fall back to :meth:`resolve`. With ``need_support`` a name without any support answers
        ``None`` (for names that are also ordinary words). A name the text ``placed`` in a region
        written after it ("London, Ky."), or in a region it is ``local`` to, may be a place its
        first answer overshadows. The ``implied`` rows of ``context`` (regions holding a place named
        nearby, not named themselves) move no city of a million to a far smaller town, nor a
        ``proper`` name to a village.
        """
        lookup = name if isinstance(name, Lookup) else None
        query = lookup.query if lookup is not None else name
        if not isinstance(query, str):
            return None
        rows = lookup.rows if lookup is not None else tuple(self._rows(query, NO_HINTS))
        if not rows:
            return None
        found = supported(
            self.index, rows, context, word=word, proper=proper, placed=placed, implied=frozenset(implied), local=local
        )
        if found is not None:
            pos, weight = found
            return self._settled(query, rows, rows[pos], weight)
        if need_support or rows[0].tied or rows[0].stopped:
            return None
        return self._match(query, rows[0], NO_HINTS)

    def candidate(self, lookup: Lookup, row: int) -> Match | None:
        """``lookup``'s query as the place at ``row``, one of its candidates (``None`` when it is
        none), explained as settled by context: for a caller that knows the place by other means
        (the town written before a region's name settles which region it is)."""
        found = next((r for r in lookup.rows if r.place == row), None)
        return None if found is None else self._settled(lookup.query, lookup.rows, found, 1.0)

    def _settled(self, query: str, rows: tuple[Ranked, ...], r: Ranked, weight: float) -> Match:
        """``query`` as candidate ``r`` of ``rows``, explained as settled by context of ``weight``."""
        return replace(self._match(query, r, NO_HINTS), explanation=Explanation("context", len(rows), context=weight))

    def clear_cache(self) -> None:
        self._cache.clear()
        self._regions.clear()

    def display_name(self, match: Match, *, lang: str | None = None, perspective: str | None = None) -> str:
        """The name to write for ``match``'s place as ``perspective`` or ``lang`` would."""
        side = self.perspective_id(perspective) if perspective else None
        return match.place.name_for(perspective=side, lang=lang)

    def country_id(self, hint: str) -> str:
        """The ID of the country a ``country`` hint names (``us``, ``USA``, ``840``, ``Japan``, ``UK``);
        :class:`~toponym.errors.HintError` when it names none."""
        return self.index.places.ids[side_row(self.index, hint, "country", self._country_named)]

    def perspective_id(self, hint: str) -> str:
        """The ID of the side a ``perspective`` hint names (``ja`` is Japan's usage, as for a
        language tag; else as :meth:`country_id`)."""
        return side_id(self.index, hint, self._country_named)

    # --- internals ------------------------------------------------------------------------------

    def _hints(
        self,
        lang: str | None,
        country: str | None,
        kinds: Collection[str] | None,
        perspective: str | None,
        demonyms: bool = False,
    ) -> Hints:
        if lang is None and country is None and kinds is None and perspective is None and not demonyms:
            return NO_HINTS
        return make_hints(self.index, lang, country, kinds, perspective, self._country_named, demonyms)

    def _country_named(self, text: str) -> int | None:
        """The row of the country a hint names by name ("Japan"; "uk" and "UK" are acronyms)."""
        found = self._countries.get(text, _MISS)
        if found is _MISS:
            query = text.strip()
            query = query.upper() if len(query) <= 3 and query.isascii() else query
            best = self._answer(query, _COUNTRIES)
            found = self.index.row_of(best.place.id) if best is not None else None
            if len(self._countries) < 4096:
                self._countries[text] = found
        return found  # type: ignore[return-value]

    def _plain(self, name: str) -> Match | None:
        """A bare query's answer as a name, from the compiled answers where they answer it."""
        if len(name) > MAX_QUERY:
            return None
        best = self._stored(name)
        if best is NotImplemented:
            best = self._fast.unstored(name)
        return self._slow(name, NO_HINTS) if best is SLOW else best

    def _read(self, name: str, hints: Hints) -> tuple[tuple[Match, int] | None, list[Ranked]]:
        """One ranking of ``name``: the place it names as an ISO 3166-1 or 3166-2 code (a query in
        capitals, when the hints allow that place), with its row; then its ranked candidates. A query in
        capitals reaches only stored names written in capitals ("UK", "РФ"), never a name it
        matches when case is ignored ("Ita", "Civ")."""
        if not code_first(self.index, name):
            return None, self._rows(name, hints, forms=True)
        codes = code_table(self.index)
        rows = self._rows(name, hints, codes.acronym)
        found = codes.country_code(name)
        if found is None or not self._allowed(found[0], hints):
            return None, town_held(self.index, name, rows, hints)
        row, scheme = found
        if rows and rows[0].place == row and not rows[0].tied and not rows[0].stopped:
            return None, rows  # a stored acronym of that very place explains it best: "USA"
        others = sum(r.place != row for r in rows)
        return (code_match(self.index, name, row, scheme, others), row), rows

    def _allowed(self, row: int, hints: Hints) -> bool:
        """Does the place at ``row`` fit the hints (its kind, in the country as ``in_country`` reads it)?"""
        places = self.index.places
        if hints.kinds is not None and places.kind[row] not in hints.kinds:
            return False
        c = hints.country
        return c is None or c == row or places.country[row] == c or c in self.index.ancestors(row)

    def _answer(self, name: str, hints: Hints) -> Match | None:
        """What ``resolve`` answers, ranked now: the code's place, else the first candidate."""
        code, rows = self._read(name, hints)
        return code[0] if code is not None else self._first(name, rows, hints)

    def _slow(self, name: str, hints: Hints) -> Match | None:
        """Rank every candidate now, as a name (the compiled answers cannot answer)."""
        return self._first(name, self._rows(name, hints, forms=True), hints)

    def _first(self, name: str, rows: list[Ranked], hints: Hints) -> Match | None:
        """The first candidate, unless it ties with the next or a stop rule keeps it back."""
        if rows and not rows[0].tied and not rows[0].stopped:
            return self._match(name, rows[0], hints)
        return None

    def _rows(
        self, query: object, hints: Hints, keep: Callable[[Candidate], bool] | None = None, forms: bool = False
    ) -> list[Ranked]:
        """The ranked candidates of ``query``; with ``forms``, a query that matches no stored name
        is read as a written form (:mod:`.forms`) before it is matched fuzzily."""
        if not isinstance(query, str) or len(query) > MAX_QUERY or not query.strip():
            return []
        q = Query.of(query)
        reached = cands = gather(self.index, q)
        if keep is not None:
            cands = [c for c in cands if keep(c)]
        if forms and not cands:
            found = read_forms(self.index, each_reading(query), hints, self._rows, self._regions)
            if found:
                return found
        if not reached and self.fuzzy:  # a typo only when no stored name is reached, kept or not
            cands = misspelt(self.index, q, self._spelling)
            allowance = fuzzy_allowance(readings(query)) if forms and cands else None
            if allowance is not None:  # a typo is read in the core of "X County", not in its admin word
                cands = [c for c in cands if c.spelled <= allowance]
            if keep is not None:
                cands = [c for c in cands if keep(c)]
        return rank(self.index, q, cands, hints, query.islower()) if cands else []

    def _spelling(self, n: int) -> int | None:
        """The place a bare query spelling name ``n`` exactly resolves to; ``None`` when that is
        no one place (ambiguous, a stop rule)."""
        names = self.index.names
        answer = names.answer[n]
        if not names.method[n] & METHOD_SPELLED:
            if answer >= 0:
                return names.place[answer]
            if answer == NO_ANSWER:
                return None
        # its key ranks at query time (a dictionary word, a short key): rank the key now
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


def _status(rows: list[Ranked]) -> Status:
    """What ``lookup`` says of a ranking without a code's answer."""
    if not rows:
        return "no-match"
    return "stopped" if rows[0].stopped else "ambiguous" if rows[0].tied else "matched"

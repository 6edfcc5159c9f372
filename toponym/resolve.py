"""Resolver: a string (+ hints) → ranked, explained matches, or nothing.

The cascade, strictest first: the normalised key, the accent-folded key, the transliterated key,
then fuzzy matching over blocked candidates. Ranking rules, in order (docs/architecture.md has the full list):

1. a ``country`` hint the place lies in;
2. match quality (exact and normalised count as one bucket);
3. a ``[[prefer]]`` entry of ``gazetteer/policy.toml`` for the name;
4. a ``lang`` hint matching the language of the matched name;
5. fuzzy only: the nearest spelling with accents counted, then a place that spelling means when
   typed exactly (a typo is read as the stored spelling it is nearest to);
6. a reviewed (curated) name over a generated one (fuzzy: how well the name vouches for its place,
   then relative closeness, then how many near spellings the place has);
7. prominence: countries, then seas and macro-regions, then first-level subdivisions, then
   physical features and cities by population; a city outranks the subdivision of its own name
   that contains it (Lima, Córdoba, New York).

If the top two are still alike after these rules (same kind, prominence within a factor of
1.5), the name is **ambiguous**: ``resolve`` answers ``None``; ``resolve_all`` lists them all. A
bare typo of a spelling that alone resolves to no one place ("Springfeld") gets no answer either.
"""

from __future__ import annotations

import functools
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from rapidfuzz.distance import OSA

from . import _accel
from ._make import make_match
from .index import NO_FUZZY_SCRIPTS, TIER_FOLDED, TIER_NORMAL, TIER_TRANSLIT, Index, key_edits
from .model import NAME_TYPES, Explanation, Match, Rule
from .normalize import HAN_RANGES, fold_key, normalize_name, script_of, translit_key

__all__ = ["Resolver"]

SCORE = {"exact": 100.0, "normalized": 98.0, "folded": 95.0, "transliterated": 90.0}
FUZZY_MAX = 89.0
MAX_QUERY = 256  # longer strings are not names: answer None without work
AMBIGUITY_RATIO = 1.5

#: Kinds answered even when their name is a common word ("Turkey", "Chad", "Jordan").
MAJOR_KINDS = frozenset({"country", "territory", "former-country", "ocean", "sea", "macro-region"})
_PROMINENCE = {
    "country": 1e12,
    "territory": 5e11,
    "ocean": 3e11,
    "macro-region": 2e11,
    "sea": 1e11,
    "former-country": 5e10,
    "gulf": 1e9,
    "strait": 1e9,
}
_SUBDIVISION_L1 = 5e6  # a first-level subdivision counts like a city of five million
_SUBDIVISION_DEEP = 5e5
_PHYSICAL = 2e6  # curated islands, island groups, peninsulas, regions without a population
_MISSPELLING = NAME_TYPES.index("misspelling")
_EXACT_LOCK = threading.Lock()
#: Bare queries answered in Python before the C path for stored spellings is built.
EXACT_PATH_AFTER = 256
_WHOLE_WORD_CHAR = re.compile(f"[\uac00-\ud7a3{HAN_RANGES}]")
#: ``Index.key_count`` of a key whose compiled answer is its ``[[prefer]]`` entry's place.
COUNT_POLICY = 0xFE
COUNT_SATURATED = 0xFF


@dataclass(frozen=True, slots=True)
class _Hints:
    lang: str | None = None
    country: int | None = None
    kinds: frozenset[str] | None = None
    perspective: str | None = None

    @property
    def empty(self) -> bool:
        return self.lang is None and self.country is None and self.kinds is None and self.perspective is None


_NO_HINTS = _Hints()


class _Slow:
    """Marker: the compiled defaults cannot answer this query; rank it now."""


SLOW = _Slow()
_MISS = object()
_METHOD_OF_TIER = {TIER_NORMAL: "normalized", TIER_FOLDED: "folded", TIER_TRANSLIT: "transliterated"}


@dataclass(slots=True)
class _Cand:
    place: int
    name: int
    method: str
    score: float
    weak: bool = False
    """Listed by ``resolve_all`` but never the answer of a bare ``resolve`` (see ``_candidates``)."""
    support: int = 0
    """Fuzzy only: how many stored spellings of this place lie near the query."""
    spelled: int = 0
    """Fuzzy only: edits between the query and the name with accents and apostrophes kept."""
    endorsed: bool = True
    """Fuzzy only: a closest spelling means this place when typed exactly (or means no one place)."""
    open: bool = False
    """Fuzzy only: every closest spelling means no one place typed exactly (ambiguous, stopped)."""


@dataclass(slots=True)
class _Row:
    place: int
    cand: _Cand
    reason: Explanation
    tied: bool
    stopped: bool


class Resolver:
    """Resolve place names against one :class:`Index`. Thread-safe; results are immutable.

    The module-level :func:`toponym.resolve` uses a shared default instance; build your own to
    use another index::

        from toponym import Gazetteer, Resolver
        resolver = Resolver(Gazetteer.from_folder("my-gazetteer").index)
    """

    def __init__(self, index: Index, *, fuzzy: bool = True, cache_size: int = 100_000) -> None:
        self.index = index
        self.fuzzy = fuzzy
        self._cache: dict[str, Match | None] = {}
        self._cache_get = self._cache.get
        self._first_lang = [tags.split(",")[0] for tags in index.langs]
        self._cache_size = cache_size
        # the C path for stored spellings is built once EXACT_PATH_AFTER bare queries have asked
        # for it: a script that resolves a few names, or a resolver used only for ranking (the
        # compiler's), never pays the ~0.1 s its tables take to build
        self._exact: Callable[[str], Any] | None = (
            self._warm_up if _accel.SPEEDUPS is not None and len(index.name_text) else None
        )
        self._asked = 0

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
            exact = self._exact
            best = exact(name) if exact is not None else NotImplemented
            if best is NotImplemented:  # not a stored spelling the compiled path can answer alone
                fast = self._fast(name) if len(name) <= MAX_QUERY else None
                best = self._slow(name, _NO_HINTS) if isinstance(fast, _Slow) else fast
            if len(self._cache) >= self._cache_size:
                self._cache.clear()
            self._cache[name] = best
            return best
        hints = self._hints(lang, country, kinds, perspective)
        if hints is None or not isinstance(name, str):
            return None
        return self._slow(name, hints)

    def _slow(self, name: str, hints: _Hints) -> Match | None:
        """Rank every candidate now (hints given, or the compiled defaults cannot answer)."""
        if len(name) > MAX_QUERY or not name.strip():
            return None
        folded, cands = self._candidates(name)
        rows = self._rank(folded, cands, hints, name.islower())
        if rows and not rows[0].tied and not rows[0].stopped:
            return self._match(name, rows[0].place, rows[0].cand, hints, rows[0].reason)
        return None

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
        """Every candidate for ``name``, best first (see the module docstring for the rules)."""
        hints = self._hints(lang, country, kinds, perspective)
        if hints is None:
            return []
        ranked = [m for m, _ in self._ranked(name, hints)]
        return ranked[:limit] if limit is not None else ranked

    def resolve_many(self, names: Iterable[str], **hints: object) -> list[Match | None]:
        """``resolve`` over a batch; repeated names cost one lookup."""
        return [self.resolve(n, **hints) for n in names]  # type: ignore[arg-type]

    def resolve_in_context(
        self, name: str, context: Mapping[int, float], *, need_support: bool = False
    ) -> Match | None:
        """Resolve ``name`` using evidence from its surroundings, e.g. other places in the same text.

        ``context`` maps index rows of places mentioned nearby to weights. A candidate's support is
        the weight of itself, its country and its ancestors: "Georgia" beside "Atlanta" has the
        support of ``us`` and ``us-ga``, beside "Tbilisi" that of ``ge``. The one candidate with the
        most support wins, even over a ``[[prefer]]`` entry or a stop rule (a text about France may
        say "Nice"); ties in support fall back to :meth:`resolve`. With ``need_support`` a name
        without any support answers ``None`` (for names that are also ordinary words).
        """
        ranked = self._ranked(name, _Hints())
        if not ranked:
            return None
        idx = self.index
        scored: list[tuple[float, Match]] = []
        for match, _tied in ranked:
            p = idx.place_index(match.place.id)
            support = context.get(p, 0.0)
            country = idx.place_country[p]
            if country >= 0 and country != p:
                support += context.get(country, 0.0)
            for anc in idx.ancestors(p):
                if anc != country:
                    support += context.get(anc, 0.0)
            scored.append((support, match))
        top = max(s for s, _ in scored)
        if top > 0:
            winners = [m for s, m in scored if s == top]
            if len(winners) == 1:
                explanation = Explanation("context", len(ranked), context=top)
                return replace(winners[0], explanation=explanation)
        if need_support:
            return None
        best, tied = ranked[0]
        if tied or best.explanation.rule == "stop":
            return None
        return best

    def clear_cache(self) -> None:
        self._cache.clear()

    # --- internals ------------------------------------------------------------------------------

    def _hints(
        self, lang: str | None, country: str | None, kinds: Collection[str] | None, perspective: str | None
    ) -> _Hints | None:
        """Hints as row numbers; ``None`` when a hint names nothing we know (nothing can match)."""
        idx = self.index
        country_row = None
        if country:
            code = idx.perspective_alias.get(country.lower(), country.lower())
            try:
                country_row = idx.place_index(code)
            except LookupError:
                return None
        if perspective:
            perspective = idx.perspective_alias.get(perspective.lower(), perspective.lower())
        kind_set = frozenset(kinds) if kinds is not None else None
        return _Hints(
            lang=lang.split("-")[0].lower() if lang else None,
            country=country_row,
            kinds=kind_set,
            perspective=perspective,
        )

    def _candidates(self, query: str) -> tuple[str, list[_Cand]]:
        idx = self.index
        norm = normalize_name(query)
        if not norm:
            return norm, []
        found: list[_Cand] = []
        folded = fold_key(norm)
        is_word = folded in idx.words
        upper = query.isupper()
        # an English word typed in ASCII ("my", "non") is not a name that needs accents or another
        # script to match ("Mỹ", "Ньон"); a single letter is no name at all on its own, but one
        # Hangul syllable or Han character is a whole word (괌 is Guam, 呉 Kure)
        strict = is_word and query.isascii()
        letter = len(norm) < 2 and not _WHOLE_WORD_CHAR.match(norm)
        for code in _codes(idx, norm):
            n, tier = code >> 2, code & 3
            text = idx.name_text[n]
            # "us" is a word, "US" a country; "uk" is not "UK": short acronyms need capitals
            if not upper and _is_acronym(text) and (is_word or _letters(text) <= 2):
                continue
            weak = letter or (strict and tier != TIER_NORMAL)
            if tier == TIER_NORMAL:
                method = "exact" if text == query else "normalized"
            else:
                method = "folded" if tier != TIER_TRANSLIT else "transliterated"
            found.append(_Cand(idx.name_place[n], n, method, SCORE[method], weak))
        if folded != norm:  # "i've" reaches "IVe" only by dropping its apostrophe: weak for a word
            for code in _codes(idx, folded):
                n, tier = code >> 2, code & 3
                method = "folded" if tier != TIER_TRANSLIT else "transliterated"
                found.append(_Cand(idx.name_place[n], n, method, SCORE[method], strict))
        if not found:
            trans = translit_key(folded)
            if trans and trans != folded:
                for code in _codes(idx, trans):
                    n = code >> 2
                    found.append(_Cand(idx.name_place[n], n, "transliterated", SCORE["transliterated"], strict))
        if not found and self.fuzzy:
            found = self._fuzzy(query, folded)
        return folded, found

    def _fuzzy(self, query: str, folded: str) -> list[_Cand]:
        idx = self.index
        # searched with one more letter's allowance: the query may be a longer name cut short;
        # each stored key found is then held to what its own length tolerates
        edits = key_edits(len(folded) + 1) if len(folded) >= 5 else 0
        if not edits or folded in idx.no_fuzzy_words:
            return []
        if not folded.isascii() and script_of(folded) in NO_FUZZY_SCRIPTS:
            return []
        # each stored key tolerates what its own length allows: a five-letter query may be a
        # six-letter name with a letter dropped (two edits), a five-letter name takes one
        hits = [h for h in idx.fuzzy_near(folded, edits) if h[1] <= key_edits(h[2])]
        if not hits:
            return []
        keys = idx.keys
        best = hits[0][1]
        norm = normalize_name(query)
        by_place: dict[int, _Cand] = {}  # one candidate per place: its closest, best-vouched spelling
        near: dict[int, int] = {}  # place -> how many of its keys lie within the allowed distance
        closest: dict[int, list[int]] = {}  # place -> its names at the least accent-aware distance
        name_place, name_rank, name_text, codes_at = idx.name_place, idx.name_rank, idx.name_text, keys.codes_at
        for row, dist, length in hits:
            codes = codes_at(row)  # fuzzy positions are key rows
            places = {name_place[code >> 2] for code in codes}
            for place in places:
                near[place] = near.get(place, 0) + 1
            if dist != best:
                continue
            score = min(FUZZY_MAX, 100.0 * (1.0 - dist / max(length, len(folded))))
            for code in codes:
                n = code >> 2
                place = name_place[n]
                # accents and apostrophes count here, as an exact query's do: "Lobtasė" is nearer
                # the "Lobatsė" of the district than the "Lobatse" of the town
                spelled = OSA.distance(norm, normalize_name(name_text[n]))
                have = by_place.get(place)
                order = (spelled, -score, -name_rank[n])
                if have is None or order < (have.spelled, -have.score, -name_rank[have.name]):
                    by_place[place] = _Cand(place, n, "fuzzy", score, spelled=spelled)
                    if have is None or spelled < have.spelled:
                        closest[place] = []
                if by_place[place].spelled == spelled:
                    closest[place].append(n)
        for place, cand in by_place.items():
            # a place that several near spellings point to is the likelier intent of a typo
            cand.support = near[place]
            # a typo means what its closest spelling means typed exactly
            answers = {self._spelling_answer(n) for n in closest[place]}
            cand.endorsed = place in answers or None in answers
            cand.open = answers == {None}
        return list(by_place.values())

    def _spelling_answer(self, n: int) -> int | None:
        """The place a bare query spelling name ``n`` exactly resolves to; ``None`` when that is
        no one place (ambiguous, a stop rule)."""
        idx = self.index
        norm = normalize_name(idx.name_text[n])
        row = idx.keys.index_of(norm)
        code = idx.key_best[row] if row >= 0 else -2
        if code == -2:  # ranked at query time (a dictionary word, a short key): rank it now
            code = self.default_code(norm)[0]
        return idx.name_place[code >> 2] if code >= 0 else None

    def _ranked(self, query: object, hints: _Hints) -> list[tuple[Match, bool]]:
        """Matches best first, each with a flag: is it tied with the next one (ambiguous)?"""
        if not isinstance(query, str) or len(query) > MAX_QUERY or not query.strip():
            return []
        folded, cands = self._candidates(query)
        rows = self._rank(folded, cands, hints, query.islower())
        return [(self._match(query, r.place, r.cand, hints, r.reason), r.tied) for r in rows]

    def _rank(self, folded: str, cands: list[_Cand], hints: _Hints, lower: bool = False) -> list[_Row]:
        """Candidates grouped by place and sorted by the rules of the module docstring."""
        if not cands:
            return []
        idx = self.index
        best: dict[int, _Cand] = {}
        for c in cands:
            have = best.get(c.place)
            if have is None or _better(idx, c, have, hints):
                best[c.place] = c
        if hints.kinds is not None:
            best = {p: c for p, c in best.items() if idx.place_kind[p] in hints.kinds}
        preferred = idx.prefer.get(folded)
        pref_reason: dict[int, str] = {}
        keyed = []
        for p, c in best.items():
            in_country = hints.country is not None and (
                p == hints.country or idx.place_country[p] == hints.country or hints.country in idx.ancestors(p)
            )
            lang_ok = hints.lang is not None and hints.lang in _primaries(idx.langs[idx.name_lang[c.name]])
            is_pref = preferred is not None and preferred[0] == p
            if is_pref and preferred is not None:
                pref_reason[p] = preferred[1]
            elif c.method == "fuzzy":  # "Sakhalni" is a typo of the preferred "Sakhalin"
                near_pref = idx.prefer.get(fold_key(normalize_name(idx.name_text[c.name])))
                if near_pref is not None and near_pref[0] == p:
                    is_pref, pref_reason[p] = True, near_pref[1]
            # exact and normalised are one bucket; fuzzy candidates all share the best distance,
            # so their similarity scores must not outrank prominence ("Frnace" is France)
            quality = 100.0 if c.score >= SCORE["normalized"] else (0.0 if c.method == "fuzzy" else c.score)
            key = (
                in_country,
                not c.weak,
                quality,
                is_pref,
                lang_ok,
                -c.spelled,
                # fuzzy: a typo of a spelling means what that spelling means typed exactly ("Sikaso"
                # for the stored "Sikasso" is the city, as "Sikasso" is, not the region of that name)
                c.endorsed,
                # fuzzy: how well the near spelling vouches for its place; otherwise only whether a
                # person reviewed it (an exonym of a big place, "Roma", beats a small place's own name)
                idx.name_rank[c.name] if c.method == "fuzzy" else 2 * idx.name_curated[c.name],
                # at one edit distance, the longer (relatively closer) spelling wins
                c.score if c.method == "fuzzy" else 0.0,
                c.support,
                _prominence(idx, p, folded, best),
            )
            keyed.append((key, p, c))
        # best first; equal keys by place ID (two stable sorts: no negated copy of every key)
        keyed.sort(key=lambda r: idx.place_ids[r[1]])
        keyed.sort(key=lambda r: r[0], reverse=True)

        stop_reason = idx.stop.get(folded)
        common = folded in idx.common_words
        rows: list[_Row] = []
        for pos, (key, p, c) in enumerate(keyed):
            tied = False
            if pos + 1 < len(keyed):
                nxt, q = keyed[pos + 1][0], keyed[pos + 1][1]
                tied = (
                    key[:-1] == nxt[:-1]
                    and idx.place_kind[p] == idx.place_kind[q]
                    and key[-1] < nxt[-1] * AMBIGUITY_RATIO
                )
            reason = _reason(key, pref_reason.get(p), tied, len(keyed))
            n = len(keyed)
            stopped = False
            if hints.empty and pos == 0:
                if c.weak:
                    reason, stopped = _stop(n, "an English word, not this accented or transliterated name"), True
                elif c.open:  # "Springfeld" is as ambiguous as "Springfield", "Nicee" as "Nice"
                    reason = _stop(n, f"a typo of {idx.name_text[c.name]!r}, which alone resolves to no one place")
                    stopped = True
                elif stop_reason is not None:
                    reason, stopped = _stop(n, stop_reason), True
                elif (
                    common
                    and not (c.method == "exact" and _is_acronym(idx.name_text[c.name]))  # "US", "IN" in capitals
                    and (lower or idx.place_kind[p] not in MAJOR_KINDS or idx.name_rank[c.name] < 1)
                ):
                    # "china" is porcelain, "Nice" an adjective, "Here" only a bulk source's alias of GB;
                    # "China", "Turkey", "Chad" are their countries' own names
                    reason = _stop(n, "a common English word; give a hint (country, kinds) to resolve it")
                    stopped = True
            rows.append(_Row(p, c, reason, tied, stopped))
        return rows

    def default_code(self, key: str) -> tuple[int, int]:
        """Compile time: (winning entry code, ``key_count``) for a bare query spelling ``key``.

        The code is -1 when a bare query gets no answer (stop word, ambiguous). The query is
        ranked as a non-exact spelling of the key; ``_fast`` upgrades an exact spelling at query
        time. The count is the number of places, or ``COUNT_POLICY`` when a ``[[prefer]]`` entry
        chose the answer (its reason is the explanation), saturating at ``COUNT_SATURATED``.
        """
        folded, rows = self._bare_rows(key)
        count = len(rows) if len(rows) < COUNT_POLICY else COUNT_SATURATED
        if not rows or rows[0].tied or rows[0].stopped:
            return -1, count
        c = rows[0].cand
        tier = {"normalized": TIER_NORMAL, "folded": TIER_FOLDED, "transliterated": TIER_TRANSLIT}[c.method]
        preferred = self.index.prefer.get(folded)
        if preferred is not None and preferred[0] == c.place:
            count = COUNT_POLICY
        return c.name * 4 + tier, count

    def _bare_rows(self, key: str) -> tuple[str, list[_Row]]:
        """(folded key, ranked rows) of a bare query spelling ``key``, not exactly a stored name."""
        folded, cands = self._candidates(key + "\x00")
        return folded, self._rank(folded, cands, _NO_HINTS)

    def _compiled_reason(self, key: str, count: int) -> Explanation:
        """The explanation of ``key``'s compiled answer, from its ``key_count``."""
        if count < COUNT_POLICY:
            return _count_reason(count)
        if count == COUNT_POLICY:
            return _policy_reason(self.index.prefer[fold_key(key)][1])
        return self._bare_rows(key)[1][0].reason  # saturated: count them

    def _fast(self, query: str) -> Match | _Slow | None:
        """``resolve`` without hints from the compiled default, or ``SLOW`` to rank at query time.

        The hot path of the library: one key lookup, then a :class:`Match` from stored fields.
        """
        idx = self.index
        norm = normalize_name(query)
        if not norm:
            return SLOW
        keys = idx.keys
        row = keys.index_of(norm)
        if row < 0:
            return SLOW
        code = idx.key_best[row]
        if code < 0:
            return SLOW if code == -2 else None
        n = code >> 2
        place = idx.name_place[n]
        name_text = idx.name_text
        if name_text.equals(n, query):  # the commonest case: the query is the stored spelling itself
            method, matched = "exact", query
        else:
            tier = code & 3
            method, matched = _METHOD_OF_TIER[tier], ""
            # an exact spelling of the same place beats the compiled (normalised) choice
            codes = keys.codes_at(row)
            if len(codes) > 1 or tier == TIER_NORMAL:
                first = idx.place_first_name
                lo, hi = bisect_left(codes, first[place] * 4), bisect_left(codes, first[place + 1] * 4)
                for entry in codes[lo:hi]:
                    if not entry & 3 and name_text.equals(entry >> 2, query):
                        n, method, matched = entry >> 2, "exact", query
                        break
            if not matched:
                matched = name_text[n]
        count = idx.key_count[row]
        reason = _count_reason(count) if count < COUNT_POLICY else self._compiled_reason(norm, count)
        return make_match(
            idx.place(place),
            SCORE[method],
            method,
            matched,
            self._first_lang[idx.name_lang[n]],
            query,
            NAME_TYPES[idx.name_type[n]],
            idx.perspectives[idx.name_persp[n]],
            reason,
        )

    def _warm_up(self, query: str) -> Any:  # Match | None | NotImplemented
        self._asked += 1
        if self._asked < EXACT_PATH_AFTER:
            return NotImplemented  # the Python path answers
        with _EXACT_LOCK:
            if self._exact == self._warm_up:
                self._exact = self._exact_path()
        assert self._exact is not None
        return self._exact(query)

    def _exact_path(self) -> Callable[[str], Any]:
        """``_fast`` for a query that is a stored spelling, in C (``toponym._speedups``).

        A stored spelling needs no normalising: its name row gives its key row. The C path
        answers only what ``_fast`` would answer the same way without ranking or the policy
        text (a compiled answer spelt as the query, explained by its count); for anything else
        it returns ``NotImplemented`` and ``_fast`` runs.
        """
        c, idx = _accel.SPEEDUPS, self.index
        assert c is not None
        import numpy as np  # deferred: only the C path's build needs it

        text = idx.name_text
        slots, row_bits = c.hash_strings(text._buffer, text._base, text._offsets)
        # keys a [[prefer]] entry answers are explained by its text, read here once per key
        reasons = [_count_reason(count) for count in range(COUNT_POLICY)]
        policy: dict[int, int] = {}
        for row in np.flatnonzero(np.frombuffer(idx.key_count, dtype=np.uint8) == COUNT_POLICY).tolist():
            policy[row] = len(reasons)
            reasons.append(self._compiled_reason(idx.keys.key_at(row), COUNT_POLICY))
        return c.ExactPath(  # type: ignore[no-any-return]
            names=c.StringTable(text._buffer, text._base, text._offsets, memoryview(slots).cast("I"), row_bits),
            name_key=idx.name_keys(),
            key_best=idx.key_best,
            key_count=idx.key_count,
            name_place=idx.name_place,
            name_lang=idx.name_lang,
            name_type=idx.name_type,
            name_persp=idx.name_persp,
            nplaces=len(idx),
            place=idx.place,
            make=make_match,
            first_lang=tuple(self._first_lang),
            name_types=NAME_TYPES,
            perspectives=idx.perspectives,
            reasons=tuple(reasons),
            policy=policy,
            method="exact",
            score=SCORE["exact"],
            max_len=MAX_QUERY,
        )

    def _match(self, query: str, p: int, c: _Cand, hints: _Hints, reason: Explanation) -> Match:
        idx = self.index
        lang = self._first_lang[idx.name_lang[c.name]]
        if hints.lang:
            tags = idx.langs[idx.name_lang[c.name]].split(",")
            lang = next((t for t in tags if t.split("-")[0] == hints.lang), lang)
        return make_match(
            idx.place(p),
            round(c.score, 2),
            c.method,
            idx.name_text[c.name],
            lang,
            query,
            NAME_TYPES[idx.name_type[c.name]],
            idx.perspectives[idx.name_persp[c.name]],
            reason,
        )

    def display_name(self, match: Match, *, lang: str | None = None, perspective: str | None = None) -> str:
        """The name to write for ``match``'s place as ``perspective`` or ``lang`` would."""
        if perspective:
            perspective = self.index.perspective_alias.get(perspective.lower(), perspective.lower())
        return match.place.name_for(perspective=perspective, lang=lang)


def _letters(name: str) -> int:
    return sum(ch.isalpha() for ch in name)


def _is_acronym(name: str) -> bool:
    """``US``, ``U.S.``, ``USSR``: upper-case letters, optionally dotted, six at most."""
    return name.isupper() and _letters(name) <= 6 and name.replace(".", "").replace(" ", "").isalpha()


def _codes(idx: Index, key: str) -> Sequence[int]:
    row = idx.keys.index_of(key)
    return idx.keys.codes_at(row) if row >= 0 else ()


def _primaries(tags: str) -> set[str]:
    return {t.split("-")[0] for t in tags.split(",")}


def _better(idx: Index, c: _Cand, have: _Cand, hints: _Hints) -> bool:
    """Between two names of one place, which explains the match best."""
    if c.weak != have.weak:
        return not c.weak
    if c.score != have.score:
        return c.score > have.score
    if hints.lang:
        a = hints.lang in _primaries(idx.langs[idx.name_lang[c.name]])
        b = hints.lang in _primaries(idx.langs[idx.name_lang[have.name]])
        if a != b:
            return a
    ca, cb = idx.name_curated[c.name], idx.name_curated[have.name]
    if ca != cb:
        return bool(ca)
    ma, mb = idx.name_type[c.name] == _MISSPELLING, idx.name_type[have.name] == _MISSPELLING
    if ma != mb:
        return not ma
    return c.name < have.name


def _prominence(idx: Index, p: int, folded: str, rivals: dict[int, _Cand]) -> float:
    kind = idx.place_kind[p]
    pop: int = idx.place_population[p]
    if kind in _PROMINENCE:
        return _PROMINENCE[kind] + max(pop, 0)
    if kind == "subdivision":
        top = idx.place_parent[p] < 0 or idx.place_kind[idx.place_parent[p]] in ("country", "territory")
        return (_SUBDIVISION_L1 if top else _SUBDIVISION_DEEP) + max(pop, 0) * 1e-3
    if kind == "city":
        value = float(max(pop, 0))
        # a city outranks a same-named subdivision that contains it: "Lima" is the city
        for anc in idx.ancestors(p):
            if anc in rivals and idx.place_kind[anc] == "subdivision":
                value = max(value, _prominence(idx, anc, folded, {}) + 1.0)
        return value
    return float(pop) if pop > 0 else _PHYSICAL


@functools.lru_cache(maxsize=256)
def _count_reason(count: int) -> Explanation:
    """How a first candidate among ``count`` explains itself (one object per count, made once)."""
    return Explanation("only", 1) if count == 1 else Explanation("ranked", count)


@functools.lru_cache(maxsize=1024)
def _policy_reason(reason: str) -> Explanation:
    return Explanation("policy", 1, policy=reason)


def _stop(count: int, why: str) -> Explanation:
    return Explanation("stop", count, detail=why)


def _reason(key: tuple[object, ...], preferred: str | None, tied: bool, count: int) -> Explanation:
    in_country, is_pref, lang_ok = key[0], key[3], key[4]
    hints: tuple[Literal["country", "lang"], ...] = ()
    if in_country:
        hints += ("country",)
    if lang_ok:
        hints += ("lang",)
    policy = preferred if is_pref and preferred is not None else None
    if policy is None and not hints and not tied:
        return _count_reason(count)
    rule: Rule = "policy" if policy is not None else "hint" if hints else "ambiguous"
    return Explanation(rule, count, policy=policy, hints=hints, ambiguous=tied)

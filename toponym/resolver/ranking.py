"""Ranking: candidates grouped by place and ordered by a named rank key; ties and stop rules.

Pure functions of the index and the candidates: the build ranks every key with them to compile
the default answers, and queries rank with them at run time. The fields of :class:`RankKey` are
the ranking rules, in order (docs/architecture.md lists them; a test holds the two together).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Literal, NamedTuple

from ..index import Index
from ..model import Explanation, Rule
from ..normalize import fold_key, normalize_name
from ..surface import is_acronym
from ..vocab import MAJOR_KINDS, METROPOLIS, NAME_LEVELS, NAME_TYPES
from .candidates import SCORE, Candidate, Query
from .hints import Hints

__all__ = [
    "DEMONYM",
    "RankKey",
    "Ranked",
    "city_over_unit",
    "count_explanation",
    "credible",
    "policy_explanation",
    "rank",
    "tied",
]

_MISSPELLING = NAME_TYPES.index("misspelling")
#: The name type of a demonym: a query reaches its place only when the caller asks for demonyms.
DEMONYM = NAME_TYPES.index("demonym")
#: A name of this level or above (a major language's, or reviewed) is a place's own name.
_VOUCHING = NAME_LEVELS.index("major-language")
#: The score of a match spelt as stored, but for case and spacing (exact or normalised).
_SPELT = SCORE["normalized"]


class RankKey(NamedTuple):
    """The ranking rules, in order: a larger key ranks first."""

    in_country: bool
    """A ``country`` hint the place lies in."""
    strong: bool
    """Not a weak match (an English word typed in ASCII that reaches the place only through
    accents or another script, or a single letter), nor a typo of a little-known place
    (policy.toml ``[fuzzy]``)."""
    quality: float
    """Match quality: exact and normalised one bucket, then folded, transliterated, fuzzy."""
    preferred: bool
    """A ``[[prefer]]`` entry for the name (for a fuzzy match: for the stored name it is closest to)."""
    lang: bool
    """A ``lang`` hint matching the matched name's language."""
    spelled: int
    """Fuzzy only: minus the edits to the nearest spelling with accents and apostrophes counted."""
    endorsed: bool
    """Fuzzy only: a place the nearest spelling means when typed exactly."""
    vouched: int
    """Fuzzy only: how much the nearest spelling vouches for its place (``name_rank``)."""
    closeness: float
    """Fuzzy only: relative closeness (one edit in a longer name is a smaller slip)."""
    support: int
    """Fuzzy only: how many stored spellings of the place lie near the query."""
    prominence: float
    """How likely a reader means the place by this name: its prominence (policy.toml
    ``[prominence]``: countries first, then seas and world regions, first-level subdivisions by
    their people, cities by population; a city outranks the unit of its name that contains it)
    times the weight of the matched name (``[name_weight]``: a reviewed or major-language name
    weighs most, a minority language's alias least)."""


@dataclass(slots=True)
class Ranked:
    """One place among a query's candidates, with where and why it ranks."""

    place: int
    cand: Candidate
    key: RankKey
    explanation: Explanation
    tied: bool
    """As likely as the next candidate."""
    stopped: bool
    """A stop rule keeps a bare ``resolve`` from answering this (first) candidate."""


@functools.lru_cache(maxsize=1024)
def count_explanation(count: int) -> Explanation:
    """How the first of ``count`` candidates explains itself (one object per count, made once)."""
    return Explanation("only", 1) if count == 1 else Explanation("ranked", count)


@functools.lru_cache(maxsize=4096)
def policy_explanation(reason: str, count: int) -> Explanation:
    """A first candidate chosen by a ``[[prefer]]`` entry with this reason."""
    return Explanation("policy", count, policy=reason)


def _explain(key: RankKey, policy: str | None, tied: bool, count: int) -> Explanation:
    hints: tuple[Literal["country", "lang"], ...] = ()
    if key.in_country:
        hints += ("country",)
    if key.lang:
        hints += ("lang",)
    policy = policy if key.preferred else None
    if not hints and not tied:
        return count_explanation(count) if policy is None else policy_explanation(policy, count)
    rule: Rule = "policy" if policy is not None else "hint" if hints else "ambiguous"
    return Explanation(rule, count, policy=policy, hints=hints, ambiguous=tied)


def _primaries(tags: str) -> set[str]:
    return {t.split("-")[0] for t in tags.split(",")}


def better(index: Index, c: Candidate, have: Candidate, hints: Hints) -> bool:
    """Between two names of one place, which explains the match best."""
    if c.weak != have.weak:
        return not c.weak
    if c.score != have.score:
        return c.score > have.score
    names = index.names
    if hints.lang:
        a = hints.lang in _primaries(names.langs[names.lang[c.name]])
        b = hints.lang in _primaries(names.langs[names.lang[have.name]])
        if a != b:
            return a
    ca, cb = names.curated[c.name], names.curated[have.name]
    if ca != cb:
        return bool(ca)
    ma, mb = names.type_code[c.name] == _MISSPELLING, names.type_code[have.name] == _MISSPELLING
    if ma != mb:
        return not ma
    # the name that vouches most for its place speaks for it ("Rio de Janeiro", the city's own
    # name, not an untagged alternate of the same key)
    ra, rb = names.rank[c.name], names.rank[have.name]
    if ra != rb:
        return ra > rb
    return c.name < have.name


def _plain(name: str) -> str:
    return fold_key(normalize_name(name))


#: The share of a first-level unit's people a city holds when the unit is the city's own area,
#: and the least people of such a city (the people of smaller units are less well counted).
_AREA = 0.9
_AREA_CITY = 100_000


def city_over_unit(index: Index, keyed: list[tuple[RankKey, int, Candidate]]) -> None:
    """A city outranks a subdivision of its name that contains it ("Lima", "Zurich" are the cities),
    unless that unit is a first-level one more than ``1/share`` times as populous as the city
    ("Quebec" is the province); a city more prominent than such a unit counts ``city_seat`` times
    its people. Applied to the weighted likelihoods: sources tag a city's names less often than a
    province's, so the name weights must not decide this."""
    places, share, seat = index.places, index.policy.city_over_unit, index.policy.city_seat
    kind = places.kind
    units = [p for _, p, _ in keyed if kind[p] == "subdivision"]
    if not units:
        return
    keys = {p: key for key, p, _ in keyed}  # as ranked before any city is lifted
    # each unit's name, read once, and the name the query reached it by
    reached = {p: c.name for _, p, c in keyed}
    owns = [(unit, _plain(places.name[unit]), _plain(index.names.text[reached[unit]])) for unit in units]
    for pos, (key, p, c) in enumerate(keyed):
        if places.kind[p] != "city":
            continue
        city = _plain(places.name[p])
        # the unit must be named after the city ("Lima", New York City in New York State, Tokyo
        # in Tokyo Metropolis), or be reached by the city's own name where its own is spelt
        # otherwise ("Samarkand" reaches the region Samarqand); an old alias of a capital is no
        # claim on its state ("Bahia" for Salvador, "Pará" for Belém)
        # ... or be a large city's own area, a first-level unit nearly all of whose people are the
        # city's (Amanat al-Asimah, "the capital's secretariat", is Sanaa)
        people = places.population[p]
        area = people >= _AREA_CITY
        named = [
            unit
            for unit, own, by in owns
            if city in own
            or own in city
            or city == by
            or (area and places.top_level(unit) and people >= _AREA * places.people[unit])
        ]
        if not named:
            continue
        ancestors = set(index.ancestors(p))
        seated = False
        for unit in named:
            if keys[unit].quality < key.quality:
                continue  # a unit reached only through another script's letters ("Ъспарта") says nothing
            parent = places.parent[unit]
            first_level = places.top_level(unit)
            # the sources file cities under their first-level unit only: a second-level unit of
            # the city's name under that unit is the city's own (the province of Florence), not a
            # village's (the department of Doubs is the river's)
            if unit not in ancestors and (first_level or parent not in ancestors or places.village(p)):
                continue
            if keys[unit].prominence < key.prominence:
                # the city is the more prominent already: a coded unit named after it says the name
                # is its own (Aberdeen, Scotland over Aberdeen, Hong Kong; Venice, Italy over
                # Florida's); not a municipality, which every Brazilian town has
                if not seated and places.iso_coded(unit):
                    key, seated = key._replace(prominence=key.prominence * seat), True
                    keyed[pos] = (key, p, c)
                continue
            if not first_level or places.population[p] >= share * places.people[unit]:
                key = key._replace(prominence=keys[unit].prominence + 1.0)
                keyed[pos] = (key, p, c)


def _key(index: Index, p: int, c: Candidate, hints: Hints, preferred: bool, vouch: int) -> RankKey:
    names = index.names
    in_country = hints.country is not None and (
        p == hints.country or index.places.country[p] == hints.country or hints.country in index.ancestors(p)
    )
    lang_ok = hints.lang is not None and hints.lang in _primaries(names.langs[names.lang[c.name]])
    fuzzy = c.method == "fuzzy"
    # exact and normalised are one bucket; fuzzy candidates all share the best distance, so their
    # similarity scores must not outrank prominence ("Frnace" is France)
    quality = 100.0 if c.score >= SCORE["normalized"] else (0.0 if fuzzy else c.score)
    return RankKey(
        in_country,
        not c.weak and credible(index, c),
        quality,
        preferred,
        lang_ok,
        -c.spelled,
        # fuzzy: a typo of a spelling means what that spelling means typed exactly ("Sikaso" for the
        # stored "Sikasso" is the city, as "Sikasso" is, not the region of that name)
        c.endorsed,
        # fuzzy: how well the near spelling vouches for its place (an exact match weighs it with
        # its place's prominence, below: an exonym of a big place, "Roma", beats a village's own name)
        names.rank[c.name] if fuzzy else 0,
        # at one edit distance, the longer (relatively closer) spelling wins
        c.score if fuzzy else 0.0,
        c.support,
        index.places.prominence[p] * index.policy.name_weight[vouch],
    )


def tied(index: Index, a: tuple[RankKey, int], b: tuple[RankKey, int]) -> bool:
    """Are candidates ``a`` and ``b`` (rank key, row) as likely as each other (:class:`Ranked.tied`)?"""
    (ka, pa), (kb, pb) = a, b
    kind = index.places.kind
    return ka[:-1] == kb[:-1] and kind[pa] == kind[pb] and ka.prominence < kb.prominence * index.policy.ambiguity


def credible(index: Index, c: Candidate) -> bool:
    """May ``c`` answer a bare query? A fuzzy candidate only when its place is as prominent as
    policy.toml ``[fuzzy]`` asks for a typo of its number of edits, or a person added or reviewed
    the place (a curated record, an overlay's: the places its texts are about)."""
    if c.method != "fuzzy" or index.places.curated[c.place]:
        return True
    return index.places.prominence[c.place] >= index.policy.fuzzy_floor[min(max(c.spelled, 1), 2) - 1]


def _stop(index: Index, c: Candidate, key: RankKey, q: Query, lower: bool) -> str | None:
    """Why a bare ``resolve`` must not answer with its first candidate, or ``None``."""
    names = index.names
    folded = q.folded
    p = c.place
    if c.weak:
        return "reached only without accents, another script's letters or an abbreviation's dot, as a word or given name is by chance; give a hint to accept it"
    if c.open:  # "Springfeld" is as ambiguous as "Springfield", "Nicee" as "Nice"
        return f"a typo of {names.text[c.name]!r}, which alone resolves to no one place"
    if not key.strong:
        # "Innisfail" is no typo of the town Innisfil: a name near a little-known place is more
        # likely another place the index lacks
        return f"near {names.text[c.name]!r}, a little-known place; give a hint to accept the typo"
    if c.method == "exact" and names.text[c.name].endswith("."):
        return None  # an abbreviation typed with its dot is no word ("Mass.", "Man.")
    preferred = index.policy.prefer.get(folded)
    if preferred is not None and preferred[0] == p:
        return None  # policy.toml says whose name it is, with a reason: no word ("Korea", "Macedonië")
    stop = index.policy.stop.get(folded)
    if stop is not None:
        return stop
    if (
        folded in index.policy.common_words
        and q.ascii  # a word typed with accents is none of English's ("Gênes" is Genoa, not "genes")
        and not (c.method == "exact" and is_acronym(names.text[c.name]))  # "US", "IN" in capitals
        and (lower or index.places.kind[p] not in MAJOR_KINDS or names.rank[c.name] < _VOUCHING)
        and not (not lower and c.score >= _SPELT and _metropolis(index, p) and names.rank[c.name] > _VOUCHING)
    ):
        # "china" is porcelain, "Nice" an adjective, "Here" only a bulk source's alias of GB;
        # "China", "Turkey", "Chad" are their countries' own names, "Phoenix" and "Queens" a
        # metropolis's own name written with its capital
        return "a common English word; give a hint (country, kinds) to resolve it"
    # an acronym typed in capitals is no word ("RF" for РФ), whatever script it is stored in
    if q.norm in index.policy.ordinary and not ((c.method == "exact" or q.upper) and is_acronym(names.text[c.name])):
        # "un", "Ende", "Но": frequent words of some language that name no prominent place in it
        return "an ordinary word in some language; give a hint (country, kinds) to resolve it"
    return None


def _metropolis(index: Index, p: int) -> bool:
    places = index.places
    return places.kind[p] == "city" and places.population[p] >= METROPOLIS


def _adjective(index: Index, p: int, adjective: frozenset[int]) -> str | None:
    """ "German" is Germany's adjective before it is a parish on the Isle of Man: a query that is a
    country's demonym answers no other place without a hint."""
    if not adjective or p in adjective:
        return None
    names = ", ".join(sorted(index.places.name[a] for a in adjective))
    return f"the adjective of {names}; pass demonyms=True to read it so, or a hint for another place"


def rank(index: Index, q: Query, cands: list[Candidate], hints: Hints, lower: bool = False) -> list[Ranked]:
    """``cands`` of query ``q`` grouped by place (each by its best name) and sorted by :class:`RankKey`,
    best first."""
    adjective: frozenset[int] = frozenset()  # places the query is the adjective of, typed in full
    if not hints.demonyms:  # "Russian" names Russia only when the caller asks for demonyms
        type_code = index.names.type_code
        demonyms = [c for c in cands if type_code[c.name] == DEMONYM]
        if demonyms:
            adjective = frozenset(c.place for c in demonyms if c.score >= SCORE["normalized"])
            cands = [c for c in cands if type_code[c.name] != DEMONYM]
    if not cands:
        return []
    folded = q.folded
    best: dict[int, Candidate] = {}
    # the most a place's names of the best match quality vouch for it: an exact spelling picked to
    # explain the match must not weigh less than the same key's own name ("La-Mesa", "La Mesa")
    vouch: dict[int, int] = {}
    rank_of, top = index.names.rank, SCORE["normalized"]
    for c in cands:
        have = best.get(c.place)
        if have is None or better(index, c, have, hints):
            best[c.place] = c
        if c.score >= top and not c.weak:
            vouch[c.place] = max(vouch.get(c.place, 0), rank_of[c.name])
    if hints.kinds is not None:
        best = {p: c for p, c in best.items() if index.places.kind[p] in hints.kinds}
    # a typo means what its nearest spelling means typed exactly: when that is a little-known
    # place, no other place of the spelling answers instead ("Lobtase" is not the district)
    endorsed = [c for c in best.values() if c.method == "fuzzy" and c.endorsed]
    doubtful = bool(endorsed) and not any(credible(index, c) for c in endorsed)
    prefer = index.policy.prefer
    preferred = prefer.get(folded)
    policy: dict[int, str] = {}
    keyed: list[tuple[RankKey, int, Candidate]] = []
    for p, c in best.items():
        is_pref = preferred is not None and preferred[0] == p
        if is_pref and preferred is not None:
            policy[p] = preferred[1]
        elif c.method == "fuzzy":  # "Sakhalni" is a typo of the preferred "Sakhalin"
            near = prefer.get(fold_key(normalize_name(index.names.text[c.name])))
            if near is not None and near[0] == p:
                is_pref, policy[p] = True, near[1]
        key = _key(index, p, c, hints, is_pref, vouch.get(p, index.names.rank[c.name]))
        if doubtful and c.method == "fuzzy":
            key = key._replace(strong=False)
        keyed.append((key, p, c))
    city_over_unit(index, keyed)
    # best first; equal keys by place ID, which is row order (the index stores places sorted by
    # ID); two stable sorts: no negated copy of every key
    if len(keyed) > 1:
        keyed.sort(key=lambda r: r[1])
        keyed.sort(key=lambda r: r[0], reverse=True)

    count = len(keyed)
    out: list[Ranked] = []
    for pos, (key, p, c) in enumerate(keyed):
        tied_next = pos + 1 < count and tied(index, (key, p), (keyed[pos + 1][0], keyed[pos + 1][1]))
        explanation = _explain(key, policy.get(p), tied_next, count)
        stopped = False
        if hints.empty and pos == 0:
            why = _stop(index, c, key, q, lower) or _adjective(index, p, adjective)
            if why is not None:
                explanation, stopped = Explanation("stop", count, detail=why), True
        out.append(Ranked(p, c, key, explanation, tied_next, stopped))
    return out

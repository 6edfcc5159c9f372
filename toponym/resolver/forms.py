"""Written forms: a query that names a place in a form no source stores, read as a core name under a
constraint. "Russia's" is Russia; "Adair County", "Province of Córdoba", "Aichi-ken", "Landkreis
Harz" and "محافظة إدلب" are subdivisions of those names, "City of Hamilton" and "Sapporo-shi" cities;
"Portland, OR", "Paris, France" and "London (Ontario)" a place of that name inside that region;
"75001 Paris" and "Paris (75)" the town of a postal address; "Central African Rep." the name with
its abbreviated words written out; "Eswatini (Swaziland)" the place both names name.

The resolver reads a query so only when the query itself matches no stored name (exactly, or with
case, accents or script set aside): a stored "Kansas City" or "Orange County" is its own answer.
A constraint that leaves no candidate leaves no answer: "Dallas County" is never the city of
Dallas, and "Springfield, Narnia" nothing at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Final

from ..index import Index
from ..index.blocking import key_edits
from ..model import Explanation
from ..normalize import fold_key, normalize_name
from ..vocab import COUNTRY_KINDS, KINDS, Kind
from .candidates import Candidate, Query, gather
from .codes import code_shaped, code_table
from .fastpath import MAX_QUERY
from .hints import Hints
from .ranking import DEMONYM, Ranked, credible

__all__ = ["Reading", "Regions", "each_reading", "fuzzy_allowance", "read", "readings", "region_rows"]

_UNIT: Final[frozenset[Kind]] = frozenset({"subdivision"})
_CITY: Final[frozenset[Kind]] = frozenset({"city"})
_MAX_REGIONS: Final = 8
#: What a place named as the region of "City, Region" may be.
_REGIONS: Final = frozenset({"country", "territory", "former-country", "subdivision", "island", "island-group"})

# Administrative words, by what they name. Suffixes follow the name after a space (English
# "Adair County", Russian "Хабаровский край" is stored whole and never reaches here); prefixes
# precede it. Each list holds the word as written, compared without regard to case.
_UNIT_SUFFIXES = (
    "county", "co.", "co", "parish", "borough", "district", "province", "prefecture", "region", "state",
    "oblast", "krai", "kray", "okrug", "governorate", "department", "canton", "municipality",
    "voivodeship", "emirate", "territory", "raion", "rayon", "oblys", "область", "край", "район",
    "округ", "ken", "fu", "-ken", "-fu", "landkreis", "kreis",
)  # fmt: skip
_CITY_SUFFIXES = ("city", "shi", "-shi", "stadt")
_UNIT_PREFIXES = (
    "province of", "state of", "county of", "department of", "governorate of", "prefecture of",
    "region of", "canton of", "emirate of", "municipality of", "district of", "oblast of",
    "provincia de", "provincia di", "provincia del", "provincia della", "província de", "província do",
    "província da", "departamento de", "departamento del", "estado de", "estado do", "región de",
    "región del", "comunidad de", "comunidad autónoma de", "région", "région de", "département de",
    "département du", "département des", "département de la", "canton de", "wilaya de",
    "gouvernorat de", "regione", "landkreis", "kreis", "bezirk", "kanton", "bundesland", "land",
    "республика", "محافظة", "ولاية", "إقليم", "منطقة",
)  # fmt: skip
_CITY_PREFIXES = (
    "city of",
    "town of",
    "ciudad de",
    "città di",
    "cidade de",
    "ville de",
    "stadt",
    "город",
    "г.",
    "مدينة",
)
# Han and Hangul unit and city characters, glued to the name: 愛知県, 北京市, 경기도, 수원시
_CJK_UNIT = "省県縣州府道都区區县盟旗도군구"
_CJK_CITY = "市시"
_CJK = frozenset(_CJK_UNIT + _CJK_CITY)
_POSSESSIVE = re.compile(r"(?:['’]s|(?<=s)['’])$", re.IGNORECASE)
#: Abbreviated first words of names, as English copy writes them ("Mt Kilimanjaro", "Ft. Myers",
#: "Pt. Reyes", "St Helens"), with the words sources store ("Mount Kilimanjaro"); "St" may be
#: German "Sankt" too ("St. Pölten").
_ABBREVIATED: Final = {
    "mt": ("Mount",),
    "ft": ("Fort",),
    "pt": ("Point",),
    "st": ("Saint", "Sankt"),
    "ste": ("Sainte",),
}
#: Words of official names that statistical tables abbreviate anywhere in the name, with their
#: dot ("Central African Rep.", "Rep. of Moldova", "Lao People's Dem. Rep.", "Micronesia (Fed.
#: States of)", "Fed. Rep. of Germany"): the words sources store, each reading tried in turn.
_OFFICIAL_WORDS: Final = {
    "rep": ("Republic",),
    "dem": ("Democratic",),
    "fed": ("Federal", "Federated"),
    "sts": ("States",),
}
_OFFICIAL_CHOICES: Final = max(map(len, _OFFICIAL_WORDS.values()))
_OFFICIAL = re.compile(r"(?<![\w.])(Rep|Dem|Fed|Sts)\.(?=[\s,)]|$)", re.IGNORECASE)
#: What English names with its article where no source stores it so ("the Congo", "the Maldives",
#: "the Crimea"): no town ("The Times", "The Sun" are papers) nor landmark.
_ARTICLED: Final = frozenset(k for k in KINDS if k not in ("city", "landmark"))
_PARENS = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<tail>[^()]+)\)$")
#: A town with its postal code, as addresses write it ("75001 Paris", "Lyon 69003", "10115
#: Berlin"), or with its French department's number ("Paris (75)", "Ajaccio (2A)").
_POSTAL = re.compile(
    r"^(?:(?P<code>\d{4,6})\s+(?P<town>[^\W\d_].*?)|(?P<head>[^\W\d_].*?)\s+(?P<tail>\d{4,6})"
    r"|(?P<name>[^\W\d_][^()]*?)\s*\((?P<dept>\d{2,3}|2[AB])\))$"
)


@dataclass(frozen=True, slots=True)
class Reading:
    """One reading of a query: a core name, what it may be, and where it lies."""

    core: str
    form: str
    """How the query was read, in words (the match's explanation says it)."""
    kinds: frozenset[Kind] | None = None
    region: str | None = None
    """The name or code of the region the place lies in ("City, Region")."""
    alias: str | None = None
    """Another name of the same place, written after it in parentheses ("Eswatini (Swaziland)")."""


def _affixed(query: str) -> list[Reading]:
    out: list[Reading] = []
    if " " in query or "-" in query:  # an admin word follows a space or a hyphen
        _worded(query, out)
    last = query[-1:]
    if len(query) > 2 and last in _CJK:
        kinds = _CITY if last in _CJK_CITY else _UNIT
        out.append(Reading(query[:-1], f"{query[:-1]!r} as a {next(iter(kinds))} ({last})", kinds))
    return out


def _by_first_word() -> dict[str, list[tuple[str, frozenset[Kind]]]]:
    """The prefixes by their first word, unit words before city words (the order they are tried)."""
    out: dict[str, list[tuple[str, frozenset[Kind]]]] = {}
    for words, kinds in ((_UNIT_PREFIXES, _UNIT), (_CITY_PREFIXES, _CITY)):
        for word in words:
            out.setdefault(word.split()[0], []).append((word, kinds))
    return out


# a suffix is the query's last word (after a space, or a hyphen for "-ken"); a prefix is looked up
# by the query's first word: no query is compared with every admin word
_SUFFIXES: Final = {w: k for ws, k in ((_UNIT_SUFFIXES, _UNIT), (_CITY_SUFFIXES, _CITY)) for w in ws}
_PREFIXES: Final = _by_first_word()


def _worded(query: str, out: list[Reading]) -> None:
    low = query.casefold()
    for sep, glue in ((" ", ""), ("-", "-")):
        head, found, last = low.rpartition(sep)
        ok = found and not last.startswith("-") and len(low) > len(glue + last) + 1
        kinds = _SUFFIXES.get(glue + last) if ok else None
        if kinds is not None:
            core = query[: len(head)].rstrip(" ,-")
            out.append(Reading(core, f"{core!r} as a {next(iter(kinds))} ({last})", kinds))
    for word, kinds in _PREFIXES.get(low.split(" ", 1)[0], ()):
        if low.startswith(word + " ") and len(low) > len(word) + 1:
            core = query[len(word) + 1 :].lstrip(" ,")
            out.append(Reading(core, f"{core!r} as a {next(iter(kinds))} ({word})", kinds))


def readings(query: str) -> list[Reading]:
    """Every reading of ``query`` as a written form, in the order they are tried.

    >>> [(r.core, r.kinds and sorted(r.kinds), r.region) for r in readings("Adair County")]
    [('Adair', ['subdivision'], None)]
    >>> [(r.core, r.region) for r in readings("Portland, OR")]
    [('Portland', 'OR')]
    >>> [r.core for r in readings("Russia's")]
    ['Russia']
    >>> [r.core for r in readings("Mt. Kilimanjaro")]
    ['Mount Kilimanjaro']
    >>> [(r.core, r.kinds) for r in readings("75001 Paris")]
    [('Paris', frozenset({'city'}))]
    """
    return list(each_reading(query))


def each_reading(query: str) -> Iterator[Reading]:
    """:func:`readings`, one at a time: the resolver stops at the first that names a place, and a
    "City, Region" query, the commonest in data columns, is read by its first."""
    if query.isalnum() and query[-1] not in _CJK:  # one bare word: no comma, space, hyphen or apostrophe
        return
    query = " ".join(query.split())
    if not query:
        return
    head, comma, tail = query.rpartition(",")
    if comma and head.strip() and tail.strip():
        yield Reading(head.strip(), f"{head.strip()!r} in {tail.strip()!r}", region=tail.strip())
    elif parens := _PARENS.match(query):
        head, tail = parens["head"], parens["tail"]
        yield Reading(head, f"{head!r} in {tail!r}", region=tail)
        yield Reading(head, f"{head!r}, also named {tail!r}", alias=tail)
    possessive = _POSSESSIVE.search(query)
    if possessive and possessive.start() > 1:
        yield Reading(query[: possessive.start()], f"{query[: possessive.start()]!r} (possessive)")
    postal = _POSTAL.match(query)
    if postal:
        town = postal["town"] or postal["head"] or postal["name"]
        number = postal["code"] or postal["tail"] or postal["dept"]
        yield Reading(town, f"{town!r} (its postal code or department {number})", _CITY)
    first, _, rest = query.partition(" ")
    if rest and first.casefold() == "the":
        yield Reading(rest, f"{rest!r} after its article", _ARTICLED)
    for word in _ABBREVIATED.get(first.rstrip(".").casefold(), ()) if rest else ():
        yield Reading(f"{word} {rest}", f"{first!r} as {word!r}")
    written_out: list[str] = []
    for choice in range(_OFFICIAL_CHOICES) if rest and _OFFICIAL.search(query) else ():
        written = _written_out(query, choice)
        if written not in written_out:  # no earlier reading of these has this core
            written_out.append(written)
            yield Reading(written, f"{query!r} with its abbreviations written out")
    yield from (r for r in _affixed(query) if r.core)


def _written_out(query: str, choice: int) -> str:
    """``query`` with each abbreviation of :data:`_OFFICIAL` written out as the ``choice``-th of
    its words (its last where it has fewer)."""

    def word(m: re.Match[str]) -> str:
        words = _OFFICIAL_WORDS[m.group(1).casefold()]
        return words[min(choice, len(words) - 1)]

    return _OFFICIAL.sub(word, query)


def fuzzy_allowance(found: Sequence[Reading]) -> int | None:
    """The edits a fuzzy match of a whole query with these :func:`readings` may make when it
    carries an administrative word or a region: what its shortest core allows ("Adair County" is
    no typo of "Zadar County": two edits in a five-letter core); ``None`` when it carries neither."""
    cores = [r.core for r in found if r.kinds is not None or r.region is not None]
    if not cores:
        return None
    return key_edits(min(len(fold_key(normalize_name(core))) for core in cores))


#: ``rows(query, hints, keep)``: the ranked candidates of ``query`` (no written forms read).
Rows = Callable[[str, Hints, "Callable[[Candidate], bool] | None"], list[Ranked]]


def region_rows(index: Index, text: str, rows: Rows) -> frozenset[int]:
    """Rows of the places ``text`` may name as a region: by ISO code (a country's alpha-2 or -3, or
    the part of a subdivision's ISO 3166-2 code after the country: "OR" is Oregon) or a name stored
    in capitals ("UK"), else by name."""
    kind = index.places.kind
    if code_shaped(text):
        codes = code_table(index)
        found = set(codes.subdivision_suffix(text))
        country = codes.country_code(text)
        if country is not None:
            found.add(country[0])
        # ... or a region stored under those capitals: "UK", "UAE", "DRC" are no ISO codes
        found.update(c.place for c in gather(index, Query.of(text)) if kind[c.place] in _REGIONS and codes.acronym(c))
        return frozenset(found)
    # every region the text may name, not only the likeliest: the place named before it says which
    # ("Winnipeg, Man." is in Manitoba, not on the Isle of Man)
    if text.strip() and len(text) <= MAX_QUERY:
        # most name a few: those, unranked (ranking only orders them, as it leaves out demonyms);
        # a text that reaches no stored name is ranked below, as a typo
        type_code = index.names.type_code
        reached = gather(index, Query.of(text))
        found = {c.place for c in reached if kind[c.place] in _REGIONS and type_code[c.name] != DEMONYM}
        if reached and len(found) <= _MAX_REGIONS:
            return frozenset(found)
    return frozenset(
        r.place for r in rows(text, Hints(kinds=_REGIONS), None)[:_MAX_REGIONS] if kind[r.place] in _REGIONS
    )


class Regions:
    """:func:`region_rows` over one index, remembered for up to 4,096 region texts: a column of
    "City, State" names a few states a million times."""

    def __init__(self, index: Index, rows: Rows) -> None:
        self.index, self.rows = index, rows
        self._found: dict[str, frozenset[int]] = {}

    def __call__(self, text: str) -> frozenset[int]:
        found = self._found.get(text)
        if found is None:
            found = region_rows(self.index, text, self.rows)
            if len(self._found) < 4096:
                self._found[text] = found
        return found

    def clear(self) -> None:
        self._found.clear()


def _within(index: Index, regions: frozenset[int]) -> Callable[[Candidate], bool]:
    places = index.places
    kind, parent = places.kind, places.parent
    # a city is filed under its first-level unit, not its province: "Sestao (Vizcaya)" is the
    # Sestao filed under the Basque Country, which holds the province of Biscay
    above = {parent[r] for r in regions if parent[r] >= 0 and kind[parent[r]] not in COUNTRY_KINDS}

    def keep(c: Candidate) -> bool:
        p = c.place
        if p in regions:
            return False
        if places.country[p] in regions or not regions.isdisjoint(index.ancestors(p)):
            return True
        return kind[p] == "city" and parent[p] in above

    return keep


def _among(places: set[int]) -> Callable[[Candidate], bool]:
    return lambda c: c.place in places


def read(
    index: Index, written: Iterable[Reading], hints: Hints, rows: Rows, regions_of: Callable[[str], frozenset[int]]
) -> list[Ranked]:
    """The ranked candidates of the first of a query's :func:`readings` that has any (see the
    module); ``regions_of`` is :func:`region_rows` over ``index`` and ``rows``, as :class:`Regions`
    keeps its answers."""
    for reading in written:
        kinds: frozenset[str] | None = reading.kinds
        if hints.kinds is not None:
            kinds = hints.kinds & kinds if kinds is not None else hints.kinds
            if not kinds:
                continue
        keep: Callable[[Candidate], bool] | None = None
        country = hints.country
        if reading.region is not None:
            regions = regions_of(reading.region)
            if not regions:
                continue
            keep = _within(index, regions)
            country = country if country is not None else min(regions)
        elif reading.alias is not None:
            named = {r.place for r in rows(reading.alias, hints, None)}
            if not named:
                continue
            keep = _among(named)
        # a reading is a hint in itself: no stop rule holds back "Nice, France" or "Reading's"
        read_hints = Hints(hints.lang, country, kinds, hints.perspective, hints.demonyms)
        # a typo of the core is read under the constraint ("Kamcvhatka Krai" is a krai), of a
        # place prominent enough to be typed so ("Adair County" is no typo of Agadir's prefecture)
        found = rows(reading.core, read_hints if not read_hints.empty else hints, keep)
        found = [r for r in found if credible(index, r.cand)]
        if found:
            detail = f"read as {reading.form}"
            for r in found:  # each ranked afresh for this reading: set in place, as built directly
                e = r.explanation
                r.explanation = Explanation(e.rule, e.candidates, e.policy, e.hints, e.ambiguous, detail, e.context)
            return found
    return []

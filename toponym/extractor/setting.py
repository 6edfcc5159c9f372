"""Where a text is set: the places it names and what holds them, the countries it names often
enough to be set in, the country it is written from, and what of that settles an ambiguous name
of it (:mod:`.linking` reads these; :func:`toponym.resolver.context.supported` weighs them)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

from ..index import Index
from ..normalize import fold_key, normalize_name
from ..vocab import COUNTRY_KINDS, MAJOR_KINDS, METROPOLIS

__all__ = ["Regions", "Supports", "focus_of", "home_of", "implied", "local_to", "setting", "supports", "widened"]

#: Mentions of a country that make it the setting of a text (see :func:`setting`).
FOCUS_MENTIONS = 2
#: Places a text names in one country that make it the country the text is written from, when
#: the text's language is spoken there (see :func:`home_of`).
HOME_PLACES = 3
#: That country's support for a town of it: less than a region's, which still settles between
#: two towns of one name (Brugg in Aargau, Brügg in the canton of Bern).
HOME_WEIGHT = 0.5
#: The most people a region may have to support the places of a text inside it that another
#: place named in the text lies in too (measured on the development sets: 5 million let England's
#: and California's towns support each other, in English news mostly wrongly).
REGION_SUPPORT = 2_000_000


def setting(named: Mapping[int, float]) -> dict[int, float]:
    """The countries a text is set in, of the countries it names (``named``, by weight): those it
    names again and again. Named once, a country is one of the places the text speaks of
    ("Canada's prime minister visited London and Paris")."""
    return {row: w for row, w in named.items() if w >= FOCUS_MENTIONS}


def focus_of(
    index: Index,
    row: int,
    named: Mapping[int, float],
    countries: Mapping[int, float],
    expanded: dict[int, float],
    *,
    query: str,
) -> dict[int, float]:
    """What settles an ambiguous name ``query`` of a text that may stand alone, whose answer
    without context is ``row`` (-1: none): the places the text names below country level and what
    contains them (``expanded``), and the countries it is set in (``countries``, :func:`setting`)
    when that answer lies in none of the countries it names at all (``named``), or when it has
    none for a tie or for being a word, not for a ``[[stop]]`` of the policy; when it does, that
    country as often as the text names it. Three "London" in a text that names Canada twice and
    not the UK are the one in Ontario, "SAN JOSE" in a text about Costa Rica its capital (a tie
    with the city in California); beside "Ukraine" and "Russia", "Crimea" keeps the policy's
    answer; "White House" (a stop: the president's house) stays unanswered in a text about the
    United States, where a town of that name is in Tennessee."""
    if not countries:
        return expanded
    if row < 0:
        stopped = fold_key(normalize_name(query)) in index.policy.stop
        return expanded if stopped else {**countries, **expanded}
    places = index.places
    home = row if places.kind[row] in COUNTRY_KINDS else places.country[row]
    if home in named:
        # its own country named in the text weighs for it as much as it is named: a text that
        # names the United States keeps "WASHINGTON" in it, though England is named below it too
        # (a country's own name, "Georgia", is no evidence for itself)
        return expanded if home == row else {home: named[home], **expanded}
    return {**countries, **expanded}


def implied(index: Index, explicit: Mapping[int, float], expanded: Mapping[int, float]) -> frozenset[int]:
    """The regions of ``expanded`` the text names no place in but a city of a million people, nor
    names themselves (see :func:`~toponym.resolver.context.supported`): "Dallas" implies Texas, which says nothing of where a
    "Paris" beside it is; "Tyler" (100,000 people) makes Texas the text's region."""
    places = index.places
    kind, people = places.kind, places.people
    local = {a for r in explicit if not (kind[r] == "city" and people[r] >= METROPOLIS) for a in index.ancestors(r)}
    return frozenset(r for r in expanded if r not in explicit and r not in local)


def local_to(index: Index, named: Mapping[int, float]) -> frozenset[int]:
    """The first-level units whose second-level units a text names (``named``): a text that names
    counties of Kentucky ("Laurel County") is local news from there, and a town of Kentucky a famous
    namesake overshadows ("London") is the town there (:func:`~toponym.resolver.context.supported`)."""
    kind, parent = index.places.kind, index.places.parent
    return frozenset(
        parent[r] for r in named if kind[r] == "subdivision" and parent[r] >= 0 and kind[parent[r]] == "subdivision"
    )


class Regions:
    """The regions a text only implies (:func:`implied`) and those it is local to
    (:func:`local_to`), found on first need: a text of thousands of places asks once, not once a name."""

    __slots__ = ("_expanded", "_explicit", "_implied", "_index", "_local")

    def __init__(self, index: Index, explicit: dict[int, float], expanded: dict[int, float]) -> None:
        self._index, self._explicit, self._expanded = index, explicit, expanded
        self._implied: frozenset[int] | None = None
        self._local: frozenset[int] | None = None

    def implied(self) -> frozenset[int]:
        if self._implied is None:
            self._implied = implied(self._index, self._explicit, self._expanded)
        return self._implied

    def local(self) -> frozenset[int]:
        if self._local is None:
            self._local = local_to(self._index, self._explicit)
        return self._local


def widened(index: Index, held: set[int], expanded: dict[int, float]) -> dict[int, float] | None:
    """``expanded`` with the places ``held`` and the regions holding them below country level, once
    each; ``None`` when that adds nothing. The towns a text keeps on support or places by the region
    written after them ("Clacton, Essex") widen the places it names, for a second look at the
    names its focus settled before them."""
    kind = index.places.kind
    more = {r for p in held for r in (p, *index.ancestors(p)) if kind[r] not in MAJOR_KINDS}
    return None if more.issubset(expanded) else {**dict.fromkeys(more, 1.0), **expanded}


class Supports(NamedTuple):
    """What lends support in a text (:func:`supports`)."""

    local: dict[int, float]
    """The places it names below country level, and the regions holding them up to
    :data:`REGION_SUPPORT` people."""
    homed: dict[int, float]
    """``local`` and the country it is written from (:func:`home_of`); ``local`` itself when none."""
    named: dict[int, float]
    """The countries it names."""
    countries: dict[int, float]
    """The countries it is set in (:func:`setting`)."""


def supports(
    index: Index, explicit: dict[int, float], expanded: dict[int, float], spoken: Callable[[], frozenset[int]]
) -> Supports:
    """What lends support in a text whose strong mentions name ``explicit`` (and ``expanded``: those
    and what holds them), written in a language spoken in ``spoken()``.

    A country named anywhere in the text does not vouch for a word-like minor place ("US" in a
    text does not make "Basic" or "Loop" places in the US); a place below country level does, and
    so does the region of a place named: a text naming Lausanne supports Yverdon (both in the
    canton of Vaud); a region the size of England or California supports nothing."""
    kind, people = index.places.kind, index.places.people
    local = {
        row: w
        for row, w in expanded.items()
        if kind[row] not in COUNTRY_KINDS and (row in explicit or people[row] <= REGION_SUPPORT)
    }
    named = {row: w for row, w in explicit.items() if kind[row] in COUNTRY_KINDS}
    home = home_of(index, explicit, spoken)
    return Supports(local, {**local, **home} if home else local, named, setting(named))


def home_of(index: Index, named: Mapping[int, float], spoken: Callable[[], frozenset[int]]) -> dict[int, float]:
    """The country a text is written from, as support (:data:`HOME_WEIGHT`): one where its language
    is spoken (``spoken()``, asked only when needed), in which the text names at least
    :data:`HOME_PLACES` distinct places below country level (``named``). A Swiss paper in French
    names Lausanne, Yverdon and Aarau and seldom Switzerland; its "Sion" and "Delémont" are Swiss
    towns. English is spoken too widely to say where a text is from (no country is returned)."""
    places = index.places
    country, kind = places.country, places.kind
    counts: dict[int, int] = {}
    for row in named:
        if kind[row] not in COUNTRY_KINDS and (c := country[row]) >= 0:
            counts[c] = counts.get(c, 0) + 1
    many = [c for c, n in counts.items() if n >= HOME_PLACES]
    if not many:
        return {}
    where = spoken()
    return {c: HOME_WEIGHT for c in many if c in where}

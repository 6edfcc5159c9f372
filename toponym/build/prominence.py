"""How likely a reader means each place by its bare name: its people, and its prominence as an
equivalent population (policy.toml ``[prominence]``)."""

from __future__ import annotations

from array import array
from collections.abc import Callable, Sequence

from ..vocab import VILLAGE
from .merge import MergedPlace
from .records import PROMINENCE_CLASSES, Ranking

__all__ = ["MAX_DEPTH", "counted", "misspelt", "people_of", "prominence", "prominences", "shares", "village"]

#: The deepest chain of parents a place may have (a guard against a cycle).
MAX_DEPTH = 32


def people_of(places: list[MergedPlace], parent: array[int]) -> array[int]:
    """Each place's population; a subdivision without one counts the people of its towns."""
    people = array("q", (p.src.population if p.src.population is not None else -1 for p in places))
    summed = [0] * len(places)
    for i, p in enumerate(places):
        if p.src.kind == "city" and counted(people[i]):
            node = parent[i]
            for _ in range(MAX_DEPTH):
                if node < 0:
                    break
                summed[node] += people[i]
                node = parent[node]
    for i, p in enumerate(places):
        if people[i] < 0 and p.src.kind == "subdivision" and summed[i]:
            people[i] = summed[i]
    return people


def village(kind: str, population: int | None) -> bool:
    """Is a place of ``kind`` with ``population`` (``None`` or -1: unknown) a village?"""
    return kind == "city" and population is not None and 0 <= population < VILLAGE


def misspelt(kind: str, population: int | None, curated: bool) -> bool:
    """May a typo of the place's names be read as the place (are they fuzzy keys)? Not a village's
    from a source: a reader misspells what is well known, and a hundred thousand villages would
    answer every unknown word. A curated place is one its users know (Kurilsk, an overlay's)."""
    return curated or not village(kind, population)


def counted(population: int) -> bool:
    """Does a city count toward the people of a unit without a population? A town does, not a
    village (:data:`~toponym.vocab.VILLAGE`): the rules of ranking were measured on towns' sums."""
    return population >= VILLAGE


def listed(p: MergedPlace) -> bool:
    """Does a standard list the place, or a person? A unit without an ISO 3166-2 code (GeoNames
    ADM2, a territory's parish) is unlisted."""
    return p.curated or "iso3166_2" in p.src.codes


def prominence(
    kind: str, parent_kind: str | None, people: int, ranking: Ranking, listed: bool = True, share: float | None = None
) -> float:
    """How likely a reader means a place of ``kind`` (under a place of ``parent_kind``) with
    ``people`` by its bare name, as an equivalent population (policy.toml ``[prominence]``); a
    second-level unit no standard lists counts as ``unlisted-subdivision``, a first-level one as
    ``subdivision``. ``share`` is, for a first-level unit, its country's people over its number
    of first-level units: where that is below the floor, the rule's ``least`` is the floor instead
    (a district of Belize is no state of a large country: "Toledo" is not Belize's)."""
    floor_cap = None
    if kind == "subdivision":
        if parent_kind in (None, "country", "territory"):
            # a first-level unit no standard lists is a territory's parish or municipio ("San
            # Sebastián", Puerto Rico; "Patrick", Isle of Man): it counts as its people do
            kind = "first-level" if listed else "subdivision"
            floor_cap = share if listed else None
        else:
            kind = "subdivision" if listed else "unlisted-subdivision"
    elif kind not in PROMINENCE_CLASSES:
        kind = "physical"
    rule = ranking.of(kind)
    floor = rule.floor
    if floor_cap is not None and rule.least is not None and floor_cap < floor:
        # one lower floor for all such units, not each its own estimate: units of unknown size
        # in small countries stay tied with one another (Saint Mary is Jamaica's parish and
        # Antigua's)
        floor = rule.least
    return max(floor, rule.per_person * max(people, 0))


def shares(
    parent: Sequence[int], kind: Sequence[str], people: Sequence[int], is_listed: Callable[[int], bool]
) -> dict[int, float]:
    """Each country's (or territory's) row -> its people over its number of listed first-level
    units (``is_listed`` of a row): what one such unit of unknown size counts for at most."""
    units: dict[int, int] = {}
    for row, up in enumerate(parent):
        if up >= 0 and kind[row] == "subdivision" and kind[up] in ("country", "territory") and is_listed(row):
            units[up] = units.get(up, 0) + 1
    return {c: int(people[c]) / n for c, n in units.items() if people[c] > 0}


def prominences(places: list[MergedPlace], parent: array[int], people: array[int], ranking: Ranking) -> array[float]:
    """How likely a reader means each place by its bare name, as an equivalent population (policy.toml)."""
    kinds = [p.src.kind for p in places]
    share = shares(parent, kinds, people, lambda row: listed(places[row]))
    out = array("d")
    for i, p in enumerate(places):
        up = parent[i]
        out.append(prominence(p.src.kind, kinds[up] if up >= 0 else None, people[i], ranking, listed(p), share.get(up)))
    return out

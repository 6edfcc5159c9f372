"""Evidence from a query's surroundings: which candidate the other places of a text support."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..index import Index
from ..vocab import COUNTRY_KINDS, MAJOR_KINDS, METROPOLIS, RENOWNED_CITY
from .ranking import Ranked, tied

__all__ = ["OVERSHADOWED", "SETTING_OVERSHADOWED", "peer_countries", "reach", "shared_by_countries", "supported"]

#: Context does not move a name to a place this many times smaller than its first answer: three
#: towns of Pennsylvania in a list of ball clubs do not make "Houston" a village there (a region
#: written after the name still does, "Houston, Pa.").
OVERSHADOWED = 100
#: A country's support does not move the name of a city of a million people to a place of that
#: country this many times less prominent: "Paris" in news set in the United States is France's
#: capital, not the town of 25,000 in Texas, unless the text names a place of Texas (London,
#: Ontario, a twentieth of London, still takes Canada's; measured on the development sets: 30
#: moves only such capitals back, in English, French and the linked news).
SETTING_OVERSHADOWED = 30
#: What a unit's namesake town takes over the unit from the same support (see :func:`supported`).
_SEAT = 1e-6
_FEATURES = frozenset({"river", "lake", "mountain", "mountain-range", "desert", "island", "island-group"})


def reach(index: Index, rows: Sequence[Ranked]) -> frozenset[int]:
    """Rows of every candidate, their countries and their ancestors: what can lend them support."""
    return frozenset(index.reach(r.place for r in rows))


def supported(
    index: Index,
    rows: Sequence[Ranked],
    context: Mapping[int, float],
    *,
    word: bool = False,
    proper: bool = False,
    placed: bool = False,
    implied: frozenset[int] = frozenset(),
    local: frozenset[int] = frozenset(),
) -> tuple[int, float] | None:
    """The one candidate (position in ``rows``) with the most support from ``context``, and that
    support; ``None`` when none has any or several share the most.

    ``context`` maps rows of places mentioned nearby to weights. A candidate's support is the
    weight of itself, its country and its ancestors: "Georgia" beside "Atlanta" has the support of
    ``us`` and ``us-ga``, beside "Tbilisi" that of ``ge``.

    A village (fewer than :data:`~toponym.vocab.VILLAGE` people) takes no support from its country
    unless the text names a region holding it (a town or unit of the name there still goes
    first); none when the name is a ``word`` or a given name ("Carlos Moya ( Spain )", "Clinton").
    A village whose name also names the unit holding it (a candidate too) is that unit's town: it
    takes the support the unit takes, and a little more ("Valletta ( Malta )" is the capital).
    A place :data:`OVERSHADOWED` by the first takes none, unless the text ``placed`` the name in
    its region ("London, Ky.") or is ``local`` to the region (it names its counties: "Laurel
    County"); one :data:`SETTING_OVERSHADOWED` by a first that is a city of a million people takes
    none from its country, nor from the regions of ``context`` that are ``implied`` (they hold a
    place the text names, and are not named themselves): "Paris" beside "Dallas" is France's
    capital, beside "Texas" the town there. Nor do those regions lend to a namesake of a
    :data:`~toponym.vocab.RENOWNED_CITY` ("Washington" beside "London"), or to a village by a famous city's
    ``proper`` name ("London" makes no "Berkeley" the English village). A name with no answer
    of its own (a stop or a tie) that countries share takes the support of the places in each.
    Among candidates supported alike, a region the text names outweighs one it only ``implied``.
    """
    places = index.places
    country_of, people = places.country, places.people
    first = people[rows[0].place] if rows and not rows[0].tied else 0
    inside = within(index, context) if shared_by_countries(index, rows) else {}
    peers = _peers(index, rows, context)
    muted = _named_for_first(index, rows)
    scores: list[tuple[float, float]] = []  # (support, support the country lends towns only)
    held = {r.place for r in rows}
    prominence = places.prominence
    metropolis = prominence[rows[0].place] if first >= METROPOLIS and places.kind[rows[0].place] == "city" else 0.0
    renowned = rows[0].place if first >= RENOWNED_CITY and places.kind[rows[0].place] == "city" else -1
    for r in rows:
        p = r.place
        ancestors = tuple(index.ancestors(p))
        if (not placed and 0 <= people[p] * OVERSHADOWED < first and local.isdisjoint(ancestors)) or p in muted:
            scores.append((0.0, 0.0))
            continue
        village = places.village(p)
        # a village whose name also names the unit holding it is that unit's town, as much the
        # country's as the unit, and a word it spells is that place's name ("Valletta ( Malta )"
        # is the capital, not its local council)
        seat = village and not held.isdisjoint(ancestors)
        if village and word and not seat:
            scores.append((0.0, 0.0))
            continue
        support = context.get(p, 0.0) + inside.get(p, 0.0) + peers.get(p, 0.0)
        country = country_of[p]
        far = prominence[p] * SETTING_OVERSHADOWED < metropolis
        aside = far or (village and proper) or -1 < renowned != p  # "Washington and London": not England's
        regional = 0.0
        for anc in ancestors:
            if anc != country and not (aside and anc in implied):
                regional += context.get(anc, 0.0)
        # a village the text names a region of takes its country's support as a town does: "the
        # United States" thrice and "Massachusetts" once make "Plymouth" the town there; between
        # such a village and a town or unit of that region, the country goes to the town alone
        # ("Acatepec" in Guerrero is the municipality, not one of its villages of that name)
        lends = country >= 0 and country != p and not far
        lent = context.get(country, 0.0) if lends else 0.0
        support += regional
        if not village or seat:
            support += lent + (_SEAT if seat and lends else 0.0)
            scores.append((support, support))
        else:
            scores.append((support + lent if regional else support, support))
    return _winner(index, rows, scores, context, implied)


def _winner(
    index: Index,
    rows: Sequence[Ranked],
    scores: list[tuple[float, float]],
    context: Mapping[int, float],
    implied: frozenset[int],
) -> tuple[int, float] | None:
    """The candidate of :func:`supported` that the ``scores`` of ``rows`` make the one, and its
    support: the only one with the most, or the one a rule picks among those that share it."""
    if not scores:
        return None
    best = max(scores)
    top = best[0]
    winners = [i for i, s in enumerate(scores) if s == best]
    if top > 0 and len(winners) > 1 and implied:
        winners = _named_over_implied(index, rows, winners, context, implied)
    if top > 0 and len(winners) == 1:
        return winners[0], top
    town = _named_after(index, tied := [rows[i].place for i in winners]) if top > 0 else -1
    if town < 0 and top > 0:
        town = _over_villages(index, tied)
    if town < 0 and top > 0 and _ranked_first(index, rows, winners):
        town = 0
    return (winners[town], top) if town >= 0 else None


def _named_over_implied(
    index: Index, rows: Sequence[Ranked], winners: list[int], context: Mapping[int, float], implied: frozenset[int]
) -> list[int]:
    """Of candidates supported alike, those least supported by regions the text only ``implied``
    (through a city of a million people it names): "Kimberley" beside "Western Australia" and
    "London" is the region in Western Australia, not a town of England."""
    places = [(rows[i].place, *index.ancestors(rows[i].place)) for i in winners]
    only = [sum(context.get(a, 0.0) for a in held if a in implied) for held in places]
    least = min(only)
    return [i for i, o in zip(winners, only, strict=True) if o == least]


def _named_for_first(index: Index, rows: Sequence[Ranked]) -> frozenset[int]:
    """Candidates that bear the name of the first, which takes the support: a place inside a
    country ("Mexico" beside "Mexico City", its alias), a local unit (no ISO code) named after a
    river, a range or an island ("Murray River" beside "New South Wales", not its council)."""
    if not rows or rows[0].tied:
        return frozenset()
    places = index.places
    first, kind, country = rows[0].place, places.kind, places.country
    if kind[first] in COUNTRY_KINDS:
        return frozenset(r.place for r in rows if r.place != first and country[r.place] == first)
    if kind[first] not in _FEATURES:
        return frozenset()
    return frozenset(
        r.place
        for r in rows
        if kind[r.place] == "subdivision" and not places.iso_coded(r.place) and country[r.place] == country[first]
    )


def _states(index: Index, rows: Sequence[Ranked]) -> tuple[int, frozenset[int]]:
    """A country's name that is a state's of a country in another part of the world too
    ("Georgia"): the country (the first answer) and those states; ``(-1, {})`` for any other
    name. A state of a neighbour by the country's name is a claim on the same land (China's
    province of Taiwan, Serbia's of Kosovo), which the text's other places say nothing about."""
    places = index.places
    kind, country_of, top_level, part_of = places.kind, places.country, places.top_level, places.part_of
    if not rows or kind[rows[0].place] not in COUNTRY_KINDS:
        return -1, frozenset()
    first = rows[0].place
    region = set(part_of.get(first, ()))
    states = frozenset(
        r.place
        for r in rows[1:]
        if kind[r.place] == "subdivision"
        and top_level(r.place)
        and (c := country_of[r.place]) != first
        and region
        and region.isdisjoint(part_of.get(c, ()))
    )
    return (first, states) if states else (-1, frozenset())


def peer_countries(index: Index, rows: Sequence[Ranked]) -> frozenset[int]:
    """The countries whose places lend support by :func:`_peers` to a name's candidates ``rows``."""
    first, states = _states(index, rows)
    return frozenset({first, *(index.places.country[s] for s in states)}) if states else frozenset()


def _peers(index: Index, rows: Sequence[Ranked], context: Mapping[int, float]) -> dict[int, float]:
    """Where a country's name is a state's of another country too ("Georgia"), the support each
    of the two takes from its peers in the text: the state from the other states of its country
    ("Alabama, Georgia and Tennessee", "Miami ... Georgia": Florida), the country from other
    countries and the places inside it ("Georgia and Armenia", "Georgia ... Tbilisi"). Not from any
    place of the state's country: a text on the country cites Washington as often ("Russia
    invaded Georgia, Washington said": a country against a state, and the country stays)."""
    first, states = _states(index, rows)
    if not states:
        return {}
    places = index.places
    kind, country_of, top_level = places.kind, places.country, places.top_level
    peers = dict.fromkeys((first, *states), 0.0)
    for row, weight in context.items():
        c = country_of[row]
        if row != first and (c == first or kind[row] in COUNTRY_KINDS):
            peers[first] += weight
        elif kind[row] == "subdivision" and top_level(row) and row not in states:
            for state in states:
                if country_of[state] == c:
                    peers[state] += weight
    return peers


def _ranked_first(index: Index, rows: Sequence[Ranked], winners: list[int]) -> bool:
    """Does a tie in support (``winners``, positions in ``rows``) go to the first of them, which
    the ranking puts above the next of them ("Fairview, Texas": the town of 10,000 before a village
    there, though a town of California is as likely as it alone)? Only where the name's own first
    answer is no country and no stop, and it has no answer (a tie with a place elsewhere: "San Jose" in a text
    about Costa Rica is its capital, not the province or the town of 31,000 there), or that answer
    is among them, or they all lie in one region below country level ("La Rioja" beside
    "Calahorra": Spain's region, not its province, nor the city in Argentina)."""
    kind = index.places.kind
    first, second = rows[winners[0]], rows[winners[1]]
    if tied(index, (first.key, first.place), (second.key, second.place)):
        return False  # as likely as the next of them (the next of all may be a place elsewhere)
    if rows[0].stopped or kind[rows[0].place] in MAJOR_KINDS:
        return False
    if rows[0].tied or winners[0] == 0:
        return True
    common: set[int] | None = None
    for i in winners:
        p = rows[i].place
        area = {a for a in (p, *index.ancestors(p)) if kind[a] not in COUNTRY_KINDS}
        common = area if common is None else common & area
    return bool(common)


def _over_villages(index: Index, tied: Sequence[int]) -> int:
    """The one town among ``tied`` places whose others are all villages (position in ``tied``),
    else ``-1``: a reader knows a village from where the text puts it, and where a text puts two
    places of one name alike ("Waterloo" in a text on Iowa and Wisconsin) the town of 68,000 is
    meant, not the village of 3,000."""
    places = index.places
    towns = [i for i, p in enumerate(tied) if places.kind[p] == "city" and not places.village(p)]
    if len(towns) != 1 or not all(places.kind[p] == "city" for p in tied):
        return -1
    return towns[0]


def _named_after(index: Index, tied: Sequence[int]) -> int:
    """The one city among ``tied`` places whose others are all local units of its name in its
    region (position in ``tied``), else ``-1``: such a unit is named after the city, and "Cairns"
    beside "Queensland" is the city, not the Cairns Region around it. A unit with an ISO code
    ("Quebec", "Castellón") is a reader's region in its own right."""
    places = index.places
    cities = [i for i, p in enumerate(tied) if places.kind[p] == "city"]
    if len(cities) != 1:
        return -1
    city = tied[cities[0]]
    around = set(index.ancestors(city))  # its parent first
    units = (p for p in tied if p != city)
    local = all(
        places.kind[p] == "subdivision" and not places.iso_coded(p) and (p in around or places.parent[p] in around)
        for p in units
    )
    return cities[0] if local else -1


def shared_by_countries(index: Index, rows: Sequence[Ranked]) -> frozenset[int]:
    """The countries among the candidates ``rows`` of a name with no answer of its own (its first
    candidate stopped or tied) that two or more countries share ("Kongo"); else none."""
    if not rows or not (rows[0].stopped or rows[0].tied):
        return frozenset()
    kind = index.places.kind
    countries = frozenset(r.place for r in rows if kind[r.place] in COUNTRY_KINDS)
    return countries if len(countries) > 1 else frozenset()


def within(index: Index, context: Mapping[int, float]) -> dict[int, float]:
    """The weight of the places of ``context`` inside each country (by row)."""
    country_of = index.places.country
    inside: dict[int, float] = {}
    for row, weight in context.items():
        country = country_of[row]
        if country >= 0 and country != row:
            inside[country] = inside.get(country, 0.0) + weight
    return inside

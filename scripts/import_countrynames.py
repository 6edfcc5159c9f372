"""Variant country names from countrynames' ``data.yaml`` (MIT).

Reads ``countrynames/data.yaml`` from the wheel with PyYAML (a build-time dependency; countrynames
itself, which pulls in PyICU, is never installed or imported).

Keys used: ISO 3166-1 alpha-2 codes known to pycountry plus ``XK`` (countries); ISO 3166-3 codes
(``SUHH``, ``YUCS``, ``CSHH``, ``CSXX``) and the withdrawn alpha-2 codes of ISO 3166-3 entries
(``DD`` → ``ddde``, ``AN`` → ``anhh``, ``ZR`` → ``zrcd``) (former countries); ISO 3166-2 codes
known to pycountry (``GB-SCT``, ``CN-SH``) (subdivisions). Other keys (``UA-CRI``, ``UA-DPR``,
``CY-TRNC``, ``MD-PMR``, ``FAIL``, ``EU``...) are disputed areas, groupings or rejects whose
handling belongs to the curated layer. The aliases are untagged (``und``).

Filters (scripts/filters.py): generic checks; aliases that are names of cities or subdivisions
(``Tokyo``, ``Moscow``, ``Hokkaidō``, ``Donetsk Oblast``) or carry an administrative word;
demonyms (``Japanese``, ``Ukrainians``); two-letter codes equal to the key (``JP``).
"""

from __future__ import annotations

import filters
import yaml
from _common import Output, Source, wheel


def read(source: Source) -> dict[str, list[str]]:
    data = yaml.safe_load(wheel(source).read("countrynames/data.yaml").decode("utf-8"))
    return {str(k): [str(v) for v in (vals or [])] for k, vals in data.items()}


def emit(ctx, source: Source) -> Output:
    raw = ctx.raw[source.name]
    out = Output(source)
    country_ids = ctx.all_country_ids
    city_names = ctx.city_name_keys
    region_names = ctx.subdivision_name_keys
    out.examples = {}
    historic = {}
    for h in ctx.raw["pycountry"]["historic"]:
        historic[h["alpha_4"]] = h["alpha_4"].lower()
        historic.setdefault(h["alpha_2"], h["alpha_4"].lower())
    for code in sorted(raw):
        pid = code.lower()
        if pid in country_ids:
            trusted = ctx.trusted_country_names.get(pid, set())
            regions = region_names
        elif code in historic and pid not in country_ids:
            pid = historic[code]
            trusted = {h["name"] for h in ctx.raw["pycountry"]["historic"] if h["alpha_4"].lower() == pid}
            regions = region_names
        elif pid in ctx.iso_subdivision_ids:
            trusted = ctx.subdivision_names.get(pid, set())
            regions = set()
        else:
            out.drop("key-not-a-place", len(raw[code]))
            continue
        for alias in raw[code]:
            alias = " ".join(alias.split())
            reason = filters.reject_reason(alias)
            if reason is None and alias.upper() == code:
                reason = "country-code"
            if reason is None and filters.is_lowercase_abbreviation(alias):
                reason = "lower-case abbreviation"
            if reason is None and filters.is_city_or_region_alias(alias, trusted, city_names, regions):
                reason = "city-or-region-alias"
            if reason is None and filters.is_demonym(alias, trusted):
                reason = "demonym"
            if reason:
                out.drop(reason)
                out.examples.setdefault(reason, []).append(f"{alias}→{code}")
                continue
            out.add_name(pid, alias, "und", "official")
    return out

"""CLDR 41 subdivision names from Debian's unicode-cldr-core package.

``apt-get download unicode-cldr-core=41-0.1``, checksum, ``dpkg -x``, then read
``usr/share/unicode/cldr/common/subdivisions/<locale>.xml``. Babel does not expose these files; this
is the only offline source of subdivision names in ~90 languages (サハリン州, Сахалинская область).

CLDR subdivision codes are ISO 3166-2 codes lower-cased without the hyphen (``rusak`` = RU-SAK,
``jp01`` = JP-01). A CLDR code is mapped to the ISO code whose hyphen-less lower-case form is
equal; codes that pycountry's ISO 3166-2 list does not have (renamed or withdrawn since CLDR 41)
are skipped and counted. In a country that ISO renumbered after CLDR 41 took its codes (Iran),
a code goes to the unit its English name names (``Context.cldr_renumbering``). Entries marked ``draft="unconfirmed"`` are skipped as well: CLDR itself
does not publish them as settled data.

Writes names only (the places are ISO subdivisions owned by pycountry), each marked as CLDR's
display name of the subdivision in the languages of its row (the ``display`` column).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import filters
from _common import Output, Source, bcp47, deb_extract

SUBDIR = Path("usr/share/unicode/cldr/common/subdivisions")


def read(source: Source) -> dict[str, dict[str, tuple[str, str]]]:
    """locale → CLDR code → (name, draft status)."""
    root = deb_extract(source) / SUBDIR
    data: dict[str, dict[str, tuple[str, str]]] = {}
    for path in sorted(root.glob("*.xml")):
        tree = ET.parse(path)
        entries = {}
        for el in tree.iter("subdivision"):
            code = el.get("type")
            if code and el.text:
                entries[code] = (el.text.strip(), el.get("draft", "approved"))
        if entries:
            data[path.stem] = entries
    return data


def english_names(raw: dict, cldr_to_iso: dict[str, str]) -> dict[str, str]:
    """ISO 3166-2 code → CLDR English name (used as display name of the subdivision)."""
    out = {}
    for code, (name, draft) in raw.get("en", {}).items():
        iso = cldr_to_iso.get(code)
        if iso and draft != "unconfirmed" and not filters.reject_reason(name):
            out[iso] = name
    return out


def emit(ctx, source: Source) -> Output:
    raw = ctx.raw[source.name]
    out = Output(source)
    cldr_to_iso = ctx.cldr_to_iso
    for locale in sorted(raw):
        tag = bcp47(locale)
        if tag is None:
            out.drop("bad-locale", len(raw[locale]))
            continue
        for code, (name, draft) in sorted(raw[locale].items()):
            iso = cldr_to_iso.get(code)
            if iso is None:
                renumbered = any(c[:2] == code[:2] for c in ctx.cldr_renumbering)
                out.drop("renumbered-since-cldr-unmatched" if renumbered else "code-not-in-iso3166-2")
                continue
            if draft == "unconfirmed":
                out.drop("draft-unconfirmed")
                continue
            out.add_name_unless(filters.display_reject_reason(name), iso.lower(), name, tag, display=True)
    return out

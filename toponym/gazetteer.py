"""Read the gazetteer sources (curated TOML, generated TSV, policy) into records with provenance.

Parsing only: every record keeps the ``file:line`` it came from so that :mod:`toponym.validate`
can point at it. Nothing here judges whether the data is right.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import GazetteerError, Problem

__all__ = ["Policy", "Prefer", "Same", "SourceName", "SourcePlace", "Sources", "Stop", "read_gazetteer"]

_CODE_KEYS = frozenset(
    {
        "iso3166_1_alpha2",
        "iso3166_1_alpha3",
        "iso3166_1_numeric",
        "iso3166_2",
        "iso3166_3",
        "geonames",
        "wikidata",
        "m49",
    }
)


@dataclass(slots=True)
class SourceName:
    name: str
    lang: str
    type: str = "official"
    perspective: tuple[str, ...] = ()
    display: bool = False
    source: str = ""
    file: str = ""
    line: int = 0


@dataclass(slots=True)
class SourcePlace:
    id: str
    kind: str
    name: str
    file: str
    line: int
    curated: bool
    parent: str | None = None
    country: str | None = None
    part_of: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    examples: list[str] = field(default_factory=list)
    note: str = ""
    drop_names: list[str] = field(default_factory=list)
    names: list[SourceName] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Prefer:
    name: str
    place: str
    reason: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Stop:
    name: str
    reason: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Same:
    """Two IDs the sources give one entity: ``also`` is folded into ``place`` at compile time."""

    place: str
    also: str
    reason: str
    file: str
    line: int


@dataclass(slots=True)
class Policy:
    prefer: list[Prefer] = field(default_factory=list)
    stop: list[Stop] = field(default_factory=list)
    same: list[Same] = field(default_factory=list)
    perspective_alias: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class Sources:
    """Everything read from one gazetteer folder, before validation."""

    curated: list[SourcePlace]
    generated: list[SourcePlace]
    policy: Policy
    digest: str
    """SHA-256 over every source file, so a compiled index can name what it was built from."""
    files: list[str]
    problems: list[Problem]
    """Syntax problems found while reading; validation adds the semantic ones."""


def read_gazetteer(root: str | Path) -> Sources:
    """Read a gazetteer folder: ``curated/*.toml``, ``generated/*.tsv``, ``policy.toml``."""
    root = Path(root)
    if not root.is_dir():
        raise GazetteerError([Problem(str(root), 0, "not a directory: expected a gazetteer folder")])
    problems: list[Problem] = []
    digest = hashlib.sha256()
    curated_files = sorted((root / "curated").glob("**/*.toml"))
    generated_files = _ordered_generated(root / "generated")
    policy_file = root / "policy.toml"
    all_files = [*curated_files, *generated_files, *([policy_file] if policy_file.exists() else [])]
    for path in all_files:
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")

    curated: list[SourcePlace] = []
    for path in curated_files:
        curated.extend(_read_toml_places(path, _rel(path, root), problems))
    generated: list[SourcePlace] = []
    by_id: dict[str, SourcePlace] = {}
    for path in generated_files:
        if path.name.endswith(".places.tsv"):
            for place in _read_places_tsv(path, _rel(path, root), problems):
                if place.id in by_id:
                    _merge_generated(by_id[place.id], place)
                else:
                    by_id[place.id] = place
                    generated.append(place)
    for path in generated_files:
        if path.name.endswith(".names.tsv"):
            _read_names_tsv(path, _rel(path, root), by_id, problems)
    policy = _read_policy(policy_file, _rel(policy_file, root), problems) if policy_file.exists() else Policy()
    return Sources(curated, generated, policy, digest.hexdigest(), [_rel(p, root) for p in all_files], problems)


def _rel(path: Path, root: Path) -> str:
    return (root.name + "/" + path.relative_to(root).as_posix()) if root.name else str(path)


def _ordered_generated(folder: Path) -> list[Path]:
    """Generated files in priority order: a ``# priority: N`` header, then the file name."""
    if not folder.is_dir():
        return []

    def priority(path: Path) -> tuple[int, str]:
        with path.open(encoding="utf-8") as f:
            for line in f:
                if not line.startswith("#"):
                    break
                m = re.match(r"#\s*priority:\s*(-?\d+)", line)
                if m:
                    return int(m.group(1)), path.name
        return 1000, path.name

    return sorted(folder.glob("*.tsv"), key=priority)


def _merge_generated(into: SourcePlace, other: SourcePlace) -> None:
    """A later source fills only what earlier ones left empty; codes and names are unions."""
    for attr in ("parent", "country", "population"):
        if getattr(into, attr) in (None, "") and getattr(other, attr) not in (None, ""):
            setattr(into, attr, getattr(other, attr))
    for key, value in other.codes.items():
        into.codes.setdefault(key, value)
    into.names.extend(other.names)


# --- curated TOML -------------------------------------------------------------------------------

_TOML_LINE = re.compile(r"at line (\d+)")


def _load_toml(path: Path, rel: str, problems: list[Problem]) -> tuple[dict[str, Any] | None, str]:
    """The parsed file and its text; a syntax error becomes a problem at its line."""
    text = path.read_text(encoding="utf-8")
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        problems.append(Problem(rel, int(m.group(1)) if m else 0, f"TOML syntax: {exc}"))
        return None, text


def _read_toml_places(path: Path, rel: str, problems: list[Problem]) -> list[SourcePlace]:
    data, text = _load_toml(path, rel, problems)
    if data is None:
        return []
    lines = text.splitlines()
    starts = [i + 1 for i, line in enumerate(lines) if line.strip().startswith("[[place]]")]
    unknown = set(data) - {"place"}
    for key in sorted(unknown):
        problems.append(Problem(rel, 1, f"unknown top-level key {key!r} (expected [[place]] tables)"))
    places: list[SourcePlace] = []
    for n, raw in enumerate(data.get("place", [])):
        start = starts[n] if n < len(starts) else 1
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(lines)
        place = _curated_place(raw, rel, start, lines[start - 1 : end], problems)
        if place is not None:
            places.append(place)
    return places


_PLACE_KEYS = frozenset(
    {
        "id",
        "kind",
        "name",
        "parent",
        "country",
        "part_of",
        "members",
        "codes",
        "population",
        "lat",
        "lon",
        "examples",
        "note",
        "drop_names",
        "names",
    }
)
_NAME_KEYS = frozenset({"name", "lang", "type", "perspective", "display", "source", "note"})


def _line_of(block: list[str], start: int, needle: str, key: str = "name") -> int:
    quoted = f'"{needle}"'
    for pattern in (f"{key} = {quoted}", quoted):
        for offset, line in enumerate(block):
            if pattern in line:
                return start + offset
    return start


def _str_list(value: Any) -> list[str] | None:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return None


def _curated_place(
    raw: dict[str, Any], rel: str, start: int, block: list[str], problems: list[Problem]
) -> SourcePlace | None:
    pid, kind, name = raw.get("id"), raw.get("kind"), raw.get("name")
    where = _line_of(block, start, pid, key="id") if isinstance(pid, str) else start
    missing = [k for k, v in (("id", pid), ("kind", kind), ("name", name)) if not isinstance(v, str) or not v]
    if missing:
        problems.append(Problem(rel, where, f"place is missing {', '.join(missing)}"))
        return None
    assert isinstance(pid, str) and isinstance(kind, str) and isinstance(name, str)
    for key in sorted(set(raw) - _PLACE_KEYS):
        problems.append(Problem(rel, where, f"{pid}: unknown field {key!r}"))
    place = SourcePlace(id=pid, kind=kind, name=name, file=rel, line=where, curated=True)
    for attr in ("parent", "country", "note"):
        value = raw.get(attr)
        if value is not None and not isinstance(value, str):
            problems.append(Problem(rel, where, f"{pid}: {attr} must be a string"))
        elif value is not None:
            setattr(place, attr, value)
    for attr in ("part_of", "members", "examples", "drop_names"):
        if attr in raw:
            values = _str_list(raw[attr])
            if values is None:
                problems.append(Problem(rel, where, f"{pid}: {attr} must be a list of strings"))
            else:
                setattr(place, attr, values)
    population = raw.get("population")
    if population is not None:
        if isinstance(population, int) and not isinstance(population, bool) and population >= 0:
            place.population = population
        else:
            problems.append(Problem(rel, where, f"{pid}: population must be a non-negative integer"))
    for attr, bound in (("lat", 90.0), ("lon", 180.0)):
        value = raw.get(attr)
        if value is None:
            continue
        if isinstance(value, int | float) and not isinstance(value, bool) and -bound <= value <= bound:
            setattr(place, attr, float(value))
        else:
            problems.append(Problem(rel, where, f"{pid}: {attr} must be a number from {-bound:g} to {bound:g}"))
    if (place.lat is None) != (place.lon is None):
        problems.append(Problem(rel, where, f"{pid}: give both lat and lon, or neither"))
    codes = raw.get("codes", {})
    if not isinstance(codes, dict):
        problems.append(Problem(rel, where, f"{pid}: codes must be a table"))
        codes = {}
    for key, value in codes.items():
        if key not in _CODE_KEYS:
            problems.append(Problem(rel, where, f"{pid}: unknown code key {key!r}"))
        else:
            place.codes[key] = str(value)
    names = raw.get("names", [])
    if not isinstance(names, list):
        problems.append(Problem(rel, where, f"{pid}: names must be an array of tables"))
        names = []
    for entry in names:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(Problem(rel, where, f"{pid}: every name needs a string 'name'"))
            continue
        line = _line_of(block, start, entry["name"])
        for key in sorted(set(entry) - _NAME_KEYS):
            problems.append(Problem(rel, line, f"{pid}: name {entry['name']!r}: unknown field {key!r}"))
        lang = entry.get("lang")
        if not isinstance(lang, str):
            problems.append(Problem(rel, line, f"{pid}: name {entry['name']!r} needs a lang tag"))
            continue
        perspective = _str_list(entry.get("perspective", []))
        if perspective is None:
            problems.append(Problem(rel, line, f"{pid}: perspective must be a code or list of codes"))
            perspective = []
        place.names.append(
            SourceName(
                name=entry["name"],
                lang=lang,
                type=str(entry.get("type", "official")),
                perspective=tuple(perspective),
                display=bool(entry.get("display", False)),
                source=str(entry.get("source", "")),
                file=rel,
                line=line,
            )
        )
    return place


# --- generated TSV ------------------------------------------------------------------------------


def _tsv_rows(path: Path) -> Any:
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            yield lineno, line.rstrip("\n").split("\t")


def _read_places_tsv(path: Path, rel: str, problems: list[Problem]) -> list[SourcePlace]:
    places: list[SourcePlace] = []
    for lineno, cols in _tsv_rows(path):
        if cols[:2] == ["id", "kind"]:  # optional column-header row
            continue
        if len(cols) != 7:
            problems.append(Problem(rel, lineno, f"expected 7 tab-separated columns, got {len(cols)}"))
            continue
        pid, kind, name, parent, country, population, codes = cols
        place = SourcePlace(
            id=pid,
            kind=kind,
            name=name,
            file=rel,
            line=lineno,
            curated=False,
            parent=parent or None,
            country=country or None,
        )
        if population:
            try:
                place.population = int(population)
            except ValueError:
                problems.append(Problem(rel, lineno, f"{pid}: population {population!r} is not an integer"))
        for item in filter(None, codes.split(";")):
            key, _, value = item.partition("=")
            if key not in _CODE_KEYS or not value:
                problems.append(Problem(rel, lineno, f"{pid}: bad code {item!r}"))
            else:
                place.codes[key] = value
        places.append(place)
    return places


def _read_names_tsv(path: Path, rel: str, by_id: dict[str, SourcePlace], problems: list[Problem]) -> None:
    for lineno, cols in _tsv_rows(path):
        if cols[:2] == ["id", "name"]:  # optional column-header row
            continue
        if len(cols) != 4:
            problems.append(Problem(rel, lineno, f"expected 4 tab-separated columns, got {len(cols)}"))
            continue
        pid, name, langs, kind = cols
        place = by_id.get(pid)
        if place is None:
            problems.append(Problem(rel, lineno, f"name {name!r} for unknown place {pid!r}"))
            continue
        place.names.append(SourceName(name=name, lang=langs or "und", type=kind or "official", file=rel, line=lineno))


# --- policy -------------------------------------------------------------------------------------


def _read_policy(path: Path, rel: str, problems: list[Problem]) -> Policy:
    data, text = _load_toml(path, rel, problems)
    if data is None:
        return Policy()
    lines = text.splitlines()

    def line_of(section: str, n: int) -> int:
        seen = -1
        for i, line in enumerate(lines):
            if line.strip() == f"[[{section}]]":
                seen += 1
                if seen == n:
                    return i + 1
        return 1

    policy = Policy()
    for key in sorted(set(data) - {"prefer", "stop", "same", "perspective_alias"}):
        problems.append(Problem(rel, 1, f"unknown policy section {key!r}"))

    def entries(section: str, fields: tuple[str, ...]) -> Iterator[tuple[dict[str, Any], int]]:
        """The ``[[section]]`` entries whose ``fields`` are non-empty strings, with their lines."""
        for n, entry in enumerate(data.get(section, [])):
            line = line_of(section, n)
            if not all(isinstance(entry.get(k), str) and entry.get(k) for k in fields):
                wanted = f"{', '.join(fields[:-1])} and {fields[-1]}"
                problems.append(Problem(rel, line, f"[[{section}]] needs non-empty {wanted}"))
                continue
            yield entry, line

    for entry, line in entries("prefer", ("name", "place", "reason")):
        policy.prefer.append(Prefer(entry["name"], entry["place"], entry["reason"], rel, line))
    for entry, line in entries("stop", ("name", "reason")):
        policy.stop.append(Stop(entry["name"], entry["reason"], rel, line))
    for entry, line in entries("same", ("place", "also", "reason")):
        policy.same.append(Same(entry["place"], entry["also"], entry["reason"], rel, line))
    for alias, entry in data.get("perspective_alias", {}).items():
        if not isinstance(entry, dict) or not entry.get("to") or not entry.get("reason"):
            problems.append(Problem(rel, 1, f"perspective_alias {alias!r} needs 'to' and 'reason'"))
            continue
        policy.perspective_alias[alias] = str(entry["to"])
    return policy

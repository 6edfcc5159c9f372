"""Read the hand-written layer: ``curated/*.toml`` places and ``policy.toml``, with ``file:line``.

Parsing only, and forgiving: a malformed value becomes a problem at its line and the record goes on
(or is skipped), so one run reports every problem.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem
from ..vocab import CODE_KEYS
from .records import SourceName, SourcePlace

__all__ = ["load_toml", "place_blocks", "read_curated", "read_source"]

_TOML_LINE = re.compile(r"at line (\d+)")


def read_source(path: Path, rel: str, problems: list[Problem]) -> str | None:
    """The text of a source file, or ``None`` with a problem at the line of the first byte that is
    not UTF-8, or at line 0 when the file cannot be read (a folder, a dangling link, no permission)."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 0, f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        problems.append(Problem(rel, line, f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start}"))
        return None


def load_toml(path: Path, rel: str, problems: list[Problem]) -> tuple[dict[str, Any] | None, str]:
    """The parsed file and its text; a syntax error (or an unreadable file) becomes a problem at its line."""
    text = read_source(path, rel, problems)
    if text is None:
        return None, ""
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_LINE.search(str(exc))
        problems.append(Problem(rel, int(m.group(1)) if m else 0, f"TOML syntax: {exc}"))
        return None, text


def read_curated(path: Path, rel: str, problems: list[Problem]) -> list[SourcePlace]:
    data, text = load_toml(path, rel, problems)
    if data is None:
        return []
    unknown = set(data) - {"place"}
    for key in sorted(unknown):
        problems.append(Problem(rel, 1, f"unknown top-level key {key!r} (expected [[place]] tables)"))
    places: list[SourcePlace] = []
    for raw, start, block in place_blocks(data, text, rel, problems):
        place = _curated_place(raw, rel, start, block, problems)
        if place is not None:
            places.append(place)
    return places


def place_blocks(
    data: dict[str, Any], text: str, rel: str, problems: list[Problem]
) -> Iterator[tuple[dict[str, Any], int, list[str]]]:
    """Each ``[[place]]`` table of a parsed file, with its first line and the lines of its block;
    a ``place`` that is no list of tables is a problem at its line."""
    lines = text.splitlines()
    starts = [i + 1 for i, line in enumerate(lines) if line.strip().startswith("[[place]]")]
    entries = data.get("place", [])
    if not isinstance(entries, list):
        line = next((i + 1 for i, text in enumerate(lines) if text.strip().startswith("place")), 1)
        problems.append(Problem(rel, line, "place must be [[place]] tables"))
        return
    for n, raw in enumerate(entries):
        start = starts[n] if n < len(starts) else 1
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(lines)
        if not isinstance(raw, dict):
            problems.append(Problem(rel, start, "place must be [[place]] tables"))
            continue
        yield raw, start, lines[start - 1 : end]


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
    _place_fields(place, raw, problems)
    place.names = _names(raw.get("names", []), place, start, block, problems)
    return place


def _place_fields(place: SourcePlace, raw: dict[str, Any], problems: list[Problem]) -> None:
    """The optional scalar and list fields of a curated place, each checked for its type."""
    pid, rel, where = place.id, place.file, place.line
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
        if key not in CODE_KEYS:
            problems.append(Problem(rel, where, f"{pid}: unknown code key {key!r}"))
        else:
            place.codes[key] = str(value)


def _names(names: Any, place: SourcePlace, start: int, block: list[str], problems: list[Problem]) -> list[SourceName]:
    """The ``names = [...]`` of a curated place, each with its own line."""
    pid, rel = place.id, place.file
    if not isinstance(names, list):
        problems.append(Problem(rel, place.line, f"{pid}: names must be an array of tables"))
        return []
    out: list[SourceName] = []
    for entry in names:
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            problems.append(Problem(rel, place.line, f"{pid}: every name needs a string 'name'"))
            continue
        line = _line_of(block, start, entry["name"])
        for key in sorted(set(entry) - _NAME_KEYS):
            problems.append(Problem(rel, line, f"{pid}: name {entry['name']!r}: unknown field {key!r}"))
        lang = entry.get("lang")
        if not isinstance(lang, str):
            problems.append(Problem(rel, line, f"{pid}: name {entry['name']!r} needs a lang tag"))
            continue
        for key, kind in (("type", str), ("source", str), ("note", str), ("display", bool)):
            if key in entry and not isinstance(entry[key], kind):
                problems.append(Problem(rel, line, f"{pid}: name {entry['name']!r}: {key} must be a {kind.__name__}"))
        perspective = _str_list(entry.get("perspective", []))
        if perspective is None:
            problems.append(Problem(rel, line, f"{pid}: perspective must be a code or list of codes"))
            perspective = []
        out.append(
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
    return out

"""Read the generated layer: ``generated/*.places.tsv`` and ``*.names.tsv``, with ``file:line``.

Several files may describe one place: place fields come from the first file that gives them, in
the order of a ``# priority: N`` header line (lower first; files without one come last, by name);
codes and names are unions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import Problem
from ..vocab import CODE_KEYS
from .records import SourceName, SourcePlace

__all__ = ["merge_generated", "ordered_generated", "read_names_tsv", "read_places_tsv"]

_PLACE_COLUMNS = ("id", "kind", "name", "parent", "country", "population", "codes")
_NAME_COLUMNS = ("id", "name", "langs", "type")


def ordered_generated(folder: Path) -> list[Path]:
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


def merge_generated(into: SourcePlace, other: SourcePlace) -> None:
    """A later source fills only what earlier ones left empty; codes and names are unions."""
    for attr in ("parent", "country", "population"):
        if getattr(into, attr) in (None, "") and getattr(other, attr) not in (None, ""):
            setattr(into, attr, getattr(other, attr))
    for key, value in other.codes.items():
        into.codes.setdefault(key, value)
    into.names.extend(other.names)


def _tsv_rows(
    path: Path, rel: str, columns: tuple[str, ...], problems: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a TSV file that have ``len(columns)`` fields; comments, blank lines and an
    optional header row (the column names) are skipped, rows of another width are problems."""
    with path.open(encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            if cols[:2] == list(columns[:2]):
                continue
            if len(cols) != len(columns):
                problems.append(Problem(rel, lineno, f"expected {len(columns)} tab-separated columns, got {len(cols)}"))
                continue
            yield lineno, cols


def read_places_tsv(path: Path, rel: str, problems: list[Problem]) -> list[SourcePlace]:
    places: list[SourcePlace] = []
    for lineno, cols in _tsv_rows(path, rel, _PLACE_COLUMNS, problems):
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
            if key not in CODE_KEYS or not value:
                problems.append(Problem(rel, lineno, f"{pid}: bad code {item!r}"))
            else:
                place.codes[key] = value
        places.append(place)
    return places


def read_names_tsv(path: Path, rel: str, by_id: dict[str, SourcePlace], problems: list[Problem]) -> None:
    for lineno, cols in _tsv_rows(path, rel, _NAME_COLUMNS, problems):
        pid, name, langs, kind = cols
        place = by_id.get(pid)
        if place is None:
            problems.append(Problem(rel, lineno, f"name {name!r} for unknown place {pid!r}"))
            continue
        place.names.append(SourceName(name=name, lang=langs or "und", type=kind or "official", file=rel, line=lineno))

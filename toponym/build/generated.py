"""Read the generated layer: ``generated/*.places.tsv`` and ``*.names.tsv``, with ``file:line``.

Several files may describe one place: place fields (parent, country, population, the point) come
from the first file that gives them, in the order of a ``# priority: N`` header line (lower first;
files without one come last, by name); codes, groups (``part_of``) and names are unions. A names
row flagged ``display`` is the source's display name of the place in each language of the row.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import Problem
from ..vocab import CODE_KEYS
from .records import SourceName, SourcePlace

__all__ = ["merge_generated", "read_names_tsv", "read_places_tsv"]

_PLACE_COLUMNS = ("id", "kind", "name", "parent", "country", "population", "codes", "lat", "lon", "part_of")
_NAME_COLUMNS = ("id", "name", "langs", "type", "display")
#: Trailing columns a file may leave out: a places file of seven columns gives no points and no
#: groups, a names file of four no display names.
_PLACE_OPTIONAL = 3
_NAME_OPTIONAL = 1


#: CLDR writes a superscript digit after a subdivision's name that another unit of its country
#: bears too ("Île-de-France²", "Buenos Aires²"): its mark of the second of one name, no part of it.
_SECOND_OF_ONE_NAME = "²³⁴⁵⁶⁷⁸⁹"


def _unmarked(name: str) -> str:
    """``name`` without CLDR's mark of the second unit of one name ("Île-de-France²")."""
    return name.rstrip(_SECOND_OF_ONE_NAME).rstrip() if name[-1:] in _SECOND_OF_ONE_NAME and name else name


def merge_generated(into: SourcePlace, other: SourcePlace) -> None:
    """A later source fills only what earlier ones left empty; codes, groups and names are unions."""
    for attr in ("parent", "country", "population"):
        if getattr(into, attr) in (None, "") and getattr(other, attr) not in (None, ""):
            setattr(into, attr, getattr(other, attr))
    if into.lat is None and other.lat is not None:  # a point is one fact: both or neither
        into.lat, into.lon = other.lat, other.lon
    for key, value in other.codes.items():
        into.codes.setdefault(key, value)
    into.part_of.extend(g for g in other.part_of if g not in into.part_of)
    into.names.extend(other.names)


def _tsv_rows(
    path: Path, rel: str, columns: tuple[str, ...], optional: int, problems: list[Problem]
) -> Iterator[tuple[int, list[str]]]:
    """The data rows of a TSV file, padded to ``len(columns)`` fields (the last ``optional`` may be
    left out); comments, blank lines and an optional header row (the column names) are skipped,
    rows of another width are problems."""
    least = len(columns) - optional
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(Problem(rel, 0, f"cannot read the file: {exc.strerror or exc}"))
        return
    try:
        lines = data.decode("utf-8").split("\n")
    except UnicodeDecodeError:  # find the lines at fault; the others are read
        lines = []
        for lineno, raw in enumerate(data.split(b"\n"), 1):
            try:
                lines.append(raw.decode("utf-8"))
            except UnicodeDecodeError as exc:
                problems.append(Problem(rel, lineno, f"not UTF-8: byte 0x{raw[exc.start]:02x} in this line"))
                lines.append("")
    for lineno, line in enumerate(lines, 1):
        if line.startswith("#") or not line.strip():
            continue
        cols = line.rstrip("\r").split("\t")
        if cols[:2] == list(columns[:2]):
            continue
        if not least <= len(cols) <= len(columns):
            width = f"{least} to {len(columns)}" if optional else str(len(columns))
            problems.append(Problem(rel, lineno, f"expected {width} tab-separated columns, got {len(cols)}"))
            continue
        yield lineno, cols + [""] * (len(columns) - len(cols))


def _point(place: SourcePlace, lat: str, lon: str, rel: str, lineno: int, problems: list[Problem]) -> None:
    if not lat and not lon:
        return
    try:
        place.lat, place.lon = float(lat), float(lon)
    except ValueError:
        problems.append(Problem(rel, lineno, f"{place.id}: lat/lon {lat!r}, {lon!r} are not both numbers"))
        return
    if not (-90 <= place.lat <= 90 and -180 <= place.lon <= 180):
        problems.append(Problem(rel, lineno, f"{place.id}: lat/lon {lat}, {lon} lie off the globe"))
        place.lat = place.lon = None


def read_places_tsv(path: Path, rel: str, problems: list[Problem]) -> list[SourcePlace]:
    places: list[SourcePlace] = []
    for lineno, cols in _tsv_rows(path, rel, _PLACE_COLUMNS, _PLACE_OPTIONAL, problems):
        pid, kind, name, parent, country, population, codes, lat, lon, part_of = cols
        place = SourcePlace(
            id=pid,
            kind=kind,
            name=_unmarked(name),
            file=rel,
            line=lineno,
            curated=False,
            parent=parent or None,
            country=country or None,
            part_of=[g for g in part_of.split(",") if g],
        )
        if population:
            try:
                place.population = int(population)
            except ValueError:
                problems.append(Problem(rel, lineno, f"{pid}: population {population!r} is not an integer"))
        _point(place, lat, lon, rel, lineno, problems)
        for item in filter(None, codes.split(";")):
            key, _, value = item.partition("=")
            if key not in CODE_KEYS or not value:
                problems.append(Problem(rel, lineno, f"{pid}: bad code {item!r}"))
            else:
                place.codes[key] = value
        places.append(place)
    return places


def read_names_tsv(path: Path, rel: str, by_id: dict[str, SourcePlace], problems: list[Problem]) -> None:
    for lineno, cols in _tsv_rows(path, rel, _NAME_COLUMNS, _NAME_OPTIONAL, problems):
        pid, name, langs, kind, display = cols
        place = by_id.get(pid)
        if place is None:
            problems.append(Problem(rel, lineno, f"name {name!r} for unknown place {pid!r}"))
            continue
        if display not in ("", "1"):
            problems.append(Problem(rel, lineno, f"{pid}: display must be 1 or empty, not {display!r}"))
        source = SourceName(name=_unmarked(name), lang=langs or "und", type=kind or "official", file=rel, line=lineno)
        source.display = display == "1"
        place.names.append(source)

"""Your own places on top of a compiled index: read overlay files and check them against it.

An overlay is one or more TOML files (or folders of them) holding ``[[place]]`` records as in
``gazetteer/curated/``, and ``[[prefer]]`` / ``[[stop]]`` entries as in ``policy.toml``. A record
with ``kind`` and ``name`` adds a place, whose ``parent``, ``country``, ``part_of``, ``members`` and
perspectives may name places of the base index; a record of ``id`` and ``names`` alone (``note``
and ``examples`` allowed) adds names to a place of the base index. An overlay only adds: it never
removes or changes a place or a name of the base. Every problem is reported at once, as
``file:line`` (:mod:`.patch` compiles a checked overlay into the base index).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import GazetteerError, Problem
from ..index import Index
from ..normalize import fold_key, normalize_name
from .curated import _curated_place, _line_of, _names, load_toml, place_blocks
from .policy import policy_of
from .records import Policy, SourcePlace
from .tables import file_name
from .validate import _name_problems, _parent_cycles, _place_problems

__all__ = ["Overlay", "check_overlay", "overlay_files", "read_overlay"]

_TOP = frozenset({"place", "prefer", "stop"})
_ALIAS_KEYS = frozenset({"id", "names", "note", "examples"})


@dataclass(slots=True)
class Overlay:
    """What a set of overlay files holds, before it is checked against a base index."""

    places: list[SourcePlace] = field(default_factory=list)
    """New places (records with ``kind`` and ``name``)."""
    aliases: list[SourcePlace] = field(default_factory=list)
    """Names for places of the base (records of ``id`` and ``names``; ``kind`` and ``name`` empty)."""
    policy: Policy = field(default_factory=Policy)
    """``[[prefer]]`` and ``[[stop]]`` entries; nothing else."""
    files: list[str] = field(default_factory=list)
    digest: str = ""
    """SHA-256 over the files' names and bytes."""
    problems: list[Problem] = field(default_factory=list)


def overlay_files(paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
    """Each overlay file with the name problems give it: a file as given, a folder's ``*.toml``
    files (in its subfolders too) as ``folder/relative/path``."""
    out: list[tuple[Path, str]] = []
    for given in paths:
        path = Path(given)
        if path.is_dir():
            out.extend(
                (p, f"{path.name or path}/{p.relative_to(path).as_posix()}") for p in sorted(path.rglob("*.toml"))
            )
        else:
            out.append((path, str(given)))
    return out


def read_overlay(paths: Iterable[str | Path]) -> Overlay:
    """Parse overlay files and folders; syntax problems go to ``problems`` (see :func:`check_overlay`)."""
    overlay = Overlay()
    digest = hashlib.sha256()
    files = overlay_files(paths)
    if not files:
        overlay.problems.append(Problem("<overlay>", 0, "no overlay file: give TOML files or folders holding them"))
    for path, rel in files:
        if not path.is_file():
            overlay.problems.append(Problem(rel, 0, "no such file"))
            continue
        overlay.files.append(rel)
        digest.update(rel.encode() + b"\0" + path.read_bytes() + b"\0")
        _read_file(path, rel, overlay)
    overlay.digest = digest.hexdigest()
    return overlay


def _read_file(path: Path, rel: str, overlay: Overlay) -> None:
    problems = overlay.problems
    data, text = load_toml(path, rel, problems)
    if data is None:
        return
    for key in sorted(set(data) - _TOP):
        what = "an overlay file holds [[place]], [[prefer]] and [[stop]] tables"
        if key in ("same", "perspective_alias", "ambiguity", "city_over_unit", "prominence", "name_weight"):
            what = "it changes how the places of the base index rank: only the base's policy.toml may say it"
        problems.append(Problem(rel, _line_at(text, key), f"{key!r} is not allowed here: {what}"))
    for raw, start, block in place_blocks(data, text, rel, problems):
        if "kind" in raw or "name" in raw:
            place = _curated_place(raw, rel, start, block, problems)
            if place is not None:
                overlay.places.append(place)
        else:
            alias = _alias(raw, rel, start, block, problems)
            if alias is not None:
                overlay.aliases.append(alias)
    policy = policy_of({k: data[k] for k in ("prefer", "stop") if k in data}, text, rel, problems)
    overlay.policy.prefer.extend(policy.prefer)
    overlay.policy.stop.extend(policy.stop)


def _line_at(text: str, key: str) -> int:
    for i, line in enumerate(text.splitlines()):
        if line.strip().lstrip("[").startswith(key):
            return i + 1
    return 1


def _alias(raw: dict[str, Any], rel: str, start: int, block: list[str], problems: list[Problem]) -> SourcePlace | None:
    """A record of ``id`` and ``names``: names for a place of the base."""
    pid = raw.get("id")
    if not isinstance(pid, str) or not pid:
        problems.append(Problem(rel, start, "place is missing id"))
        return None
    where = _line_of(block, start, pid, key="id")
    for key in sorted(set(raw) - _ALIAS_KEYS):
        problems.append(
            Problem(
                rel,
                where,
                f"{pid}: a record without kind and name adds names to a place of the base index: "
                f"it holds only id, names, note and examples, not {key!r}",
            )
        )
    place = SourcePlace(id=pid, kind="", name="", file=rel, line=where, curated=True)
    note, examples = raw.get("note", ""), raw.get("examples", [])
    place.note = note if isinstance(note, str) else ""
    if isinstance(examples, list) and all(isinstance(e, str) for e in examples):
        place.examples = list(examples)
    else:
        problems.append(Problem(rel, where, f"{pid}: examples must be a list of strings"))
    if "names" not in raw:
        problems.append(Problem(rel, where, f"{pid}: no names to add (a new place needs kind and name)"))
    place.names = _names(raw.get("names", []), place, start, block, problems)
    return place


def check_overlay(overlay: Overlay, base: Index) -> list[Problem]:
    """Every problem of ``overlay`` on top of ``base``: its syntax problems and the data rules."""
    problems = list(overlay.problems)
    shipped = set(base.places.ids.decode_rows()) | set(base.policy.id_alias)
    new: dict[str, SourcePlace] = {}
    for place in overlay.places:
        if place.id in shipped:
            problems.append(
                Problem(
                    place.file,
                    place.line,
                    f"duplicate id {place.id!r}: a place of the base index; to add names to it, give only id and names",
                )
            )
        elif place.id in new:
            first = new[place.id]
            problems.append(
                Problem(place.file, place.line, f"duplicate id {place.id!r} (first at {first.file}:{first.line})")
            )
        else:
            new[place.id] = place
    known = shipped | set(new)
    tags: dict[str, list[str]] = {}
    for place in new.values():
        if place.drop_names:
            problems.append(Problem(place.file, place.line, f"{place.id}: drop_names: an overlay removes no name"))
        problems.extend(_place_problems(place, known, {}))
        problems.extend(_name_problems(place, known, tags))
    problems.extend(_parent_cycles(new))
    problems.extend(_codes(base, list(new.values())))
    for alias in overlay.aliases:
        if alias.id not in shipped:
            where = "a place of the overlay: give its names in its record" if alias.id in new else "no such place"
            problems.append(
                Problem(
                    alias.file, alias.line, f"unknown place {alias.id!r} ({where}); a new place needs kind and name"
                )
            )
            continue
        problems.extend(_name_problems(alias, known, tags))
        problems.extend(_alias_names(base, alias))
    problems.extend(_policy(base, overlay, new, known))
    return problems


def _alias_names(base: Index, alias: SourcePlace) -> list[Problem]:
    """A name the base place has already, or a second display name for one side and language."""
    row = base.row_of(alias.id)
    have = {base.names.text[n] for n in base.places.names_of(row)}
    display = base.places.display.get(row, {})
    out: list[Problem] = []
    for name in alias.names:
        if name.name.strip() in have:
            out.append(Problem(name.file, name.line, f"{alias.id}: already has the name {name.name!r}"))
        if name.display:
            primary = name.lang.split("-")[0]
            for key in [f"{side}:{primary}" for side in name.perspective] or [primary]:
                if key in display:
                    out.append(
                        Problem(
                            name.file,
                            name.line,
                            f"{alias.id}: two display names for {key!r} ({display[key]!r} in the base index)",
                        )
                    )
    return out


def _codes(base: Index, places: list[SourcePlace]) -> list[Problem]:
    """A code of a new place that a place of the base (or another new place) carries already."""
    owner: dict[tuple[str, str], str] = {}
    for pid, codes in zip(base.places.ids.decode_rows(), base.places.codes.decode_rows(), strict=True):
        for pair in filter(None, codes.split(";")):
            key, _, value = pair.partition("=")
            owner[key, value.lower()] = pid
    out: list[Problem] = []
    for place in places:
        for key, value in sorted(place.codes.items()):
            other = owner.setdefault((key, value.lower()), place.id)
            if other != place.id:
                out.append(Problem(place.file, place.line, f"{place.id}: code {key}={value} is {other}'s already"))
    return out


def _policy(base: Index, overlay: Overlay, new: dict[str, SourcePlace], known: set[str]) -> list[Problem]:
    """A ``[[prefer]]`` names a place that has the name (in the base or the overlay), once."""
    out: list[Problem] = []
    seen: dict[str, int] = {}
    added: dict[str, list[str]] = {pid: [p.name, *(n.name for n in p.names)] for pid, p in new.items()}
    for alias in overlay.aliases:
        added.setdefault(alias.id, []).extend(n.name for n in alias.names)
    for entry in overlay.policy.prefer:
        key = fold_key(normalize_name(entry.name))
        if key in seen:
            out.append(
                Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r} repeats the entry at line {seen[key]}")
            )
        seen[key] = entry.line
        if entry.place not in known:
            out.append(Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r}: unknown place {entry.place!r}"))
            continue
        names = list(added.get(entry.place, ()))
        if entry.place not in new:
            names += [base.names.text[n] for n in base.places.names_of(base.row_of(entry.place))]
        keys = {k for text in names for k in file_name(text)[0]}
        norm = normalize_name(entry.name)
        if not {norm, fold_key(norm)} & keys:
            out.append(Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r}: {entry.place} has no such name"))
    return out


def checked_overlay(paths: Iterable[str | Path], base: Index) -> Overlay:
    """Read overlay files and check them against ``base``; ``GazetteerError`` lists every problem."""
    overlay = read_overlay(paths)
    problems = check_overlay(overlay, base)
    if problems:
        raise GazetteerError(problems)
    return overlay

"""Read ``policy.toml``: ambiguity preferences, stop words, folded IDs, perspective aliases, and the
ranking parameters, each entry with a reason, with ``file:line``."""

from __future__ import annotations

import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import Problem
from .curated import load_toml
from .records import NAME_LEVELS, PROMINENCE_CLASSES, Policy, Prefer, Prominence, Ranking, Same, Stop

__all__ = ["policy_of", "read_policy"]

_RANKING = ("ambiguity", "city_over_unit", "fuzzy", "prominence", "name_weight")


def read_policy(path: Path, rel: str, problems: list[Problem]) -> Policy:
    data, text = load_toml(path, rel, problems)
    return Policy() if data is None else policy_of(data, text, rel, problems)


def policy_of(data: dict[str, Any], text: str, rel: str, problems: list[Problem]) -> Policy:
    """The policy in the parsed ``data`` of a file whose ``text`` gives the lines."""
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
    for key in sorted(set(data) - {"prefer", "stop", "same", "perspective_alias", *_RANKING}):
        problems.append(Problem(rel, 1, f"unknown policy section {key!r}"))

    def entries(section: str, fields: tuple[str, ...]) -> Iterator[tuple[dict[str, Any], int]]:
        """The ``[[section]]`` entries whose ``fields`` are non-empty strings, with their lines."""
        found = data.get(section, [])
        if not isinstance(found, list):
            problems.append(Problem(rel, line_of(section, 0), f"{section} must be [[{section}]] tables"))
            return
        for n, entry in enumerate(found):
            line = line_of(section, n)
            if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) and entry.get(k) for k in fields):
                wanted = f"{', '.join(fields[:-1])} and {fields[-1]}"
                problems.append(Problem(rel, line, f"[[{section}]] needs non-empty {wanted}"))
                continue
            _unknown(entry, fields[:-1], f"[[{section}]]", problems, rel, line)
            yield entry, line

    for entry, line in entries("prefer", ("name", "place", "reason")):
        policy.prefer.append(Prefer(entry["name"], entry["place"], entry["reason"], rel, line))
    for entry, line in entries("stop", ("name", "reason")):
        policy.stop.append(Stop(entry["name"], entry["reason"], rel, line))
    for entry, line in entries("same", ("place", "also", "reason")):
        policy.same.append(Same(entry["place"], entry["also"], entry["reason"], rel, line))
    aliases = data.get("perspective_alias", {})
    if not isinstance(aliases, dict):
        problems.append(Problem(rel, 1, "[perspective_alias] must be a table"))
        aliases = {}
    for alias, entry in aliases.items():
        if not isinstance(entry, dict) or not entry.get("to") or not entry.get("reason"):
            problems.append(Problem(rel, 1, f"perspective_alias {alias!r} needs 'to' and 'reason'"))
            continue
        _unknown(entry, ("to",), f"perspective_alias {alias!r}", problems, rel, 1)
        policy.perspective_alias[alias] = str(entry["to"])
    policy.ranking = _ranking(data, rel, lines, problems)
    return policy


def _unknown(entry: dict[str, Any], known: tuple[str, ...], where: str, problems: list[Problem], rel: str,
             line: int) -> None:  # fmt: skip
    """A problem for each key of ``entry`` that is not one of ``known`` (a typo would be ignored)."""
    for key in sorted(set(entry) - {*known, "reason"}):
        problems.append(Problem(rel, line, f"{where}: unknown key {key!r} (expected {', '.join(known)} and reason)"))


def _number(entry: dict[str, Any], field: str, where: str, problems: list[Problem], rel: str, line: int) -> float:
    value = entry.get(field)
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value < math.inf:
        problems.append(Problem(rel, line, f"{where}: {field} must be a finite number >= 0"))
        return 1.0
    return float(value)


def _table(data: dict[str, Any], name: str, names: tuple[str, ...], rel: str, lines: list[str],
           problems: list[Problem]) -> Iterator[tuple[str, dict[str, Any], int]]:  # fmt: skip
    """The entries of ``[name.<entry>]`` tables, each with a reason and its line; unknown entries are problems."""
    table = data.get(name, {})
    if not isinstance(table, dict):
        problems.append(Problem(rel, 1, f"[{name}] must be a table of tables"))
        return
    for entry_name, entry in table.items():
        line = next((i + 1 for i, text in enumerate(lines) if text.strip() == f"[{name}.{entry_name}]"), 1)
        if entry_name not in names:
            problems.append(Problem(rel, line, f"[{name}.{entry_name}]: unknown, expected one of {', '.join(names)}"))
        elif not isinstance(entry, dict) or not isinstance(entry.get("reason"), str) or not entry["reason"]:
            problems.append(Problem(rel, line, f"[{name}.{entry_name}] needs a reason"))
        else:
            yield entry_name, entry, line


def _ranking(data: dict[str, Any], rel: str, lines: list[str], problems: list[Problem]) -> Ranking:
    """The ranking parameters: ``[ambiguity]``, ``[city_over_unit]``, ``[fuzzy]``, ``[prominence.*]``, ``[name_weight.*]``."""
    ranking = Ranking()
    fuzzy = data.get("fuzzy")
    if fuzzy is not None:
        line = next((i + 1 for i, text in enumerate(lines) if text.strip() == "[fuzzy]"), 1)
        if not isinstance(fuzzy, dict) or not isinstance(fuzzy.get("reason"), str) or not fuzzy["reason"]:
            problems.append(Problem(rel, line, "[fuzzy] needs one_edit, two_edits and a reason"))
        else:
            _unknown(fuzzy, ("one_edit", "two_edits"), "[fuzzy]", problems, rel, line)
            one = _number(fuzzy, "one_edit", "[fuzzy]", problems, rel, line)
            ranking.fuzzy_floor = (one, _number(fuzzy, "two_edits", "[fuzzy]", problems, rel, line))
    for section, field in (("ambiguity", "ratio"), ("city_over_unit", "share")):
        entry = data.get(section)
        if entry is None:
            continue
        line = next((i + 1 for i, text in enumerate(lines) if text.strip() == f"[{section}]"), 1)
        if not isinstance(entry, dict) or not isinstance(entry.get("reason"), str) or not entry["reason"]:
            problems.append(Problem(rel, line, f"[{section}] needs {field} and a reason"))
            continue
        optional = ("seat",) if section == "city_over_unit" else ()
        _unknown(entry, (field, *optional), f"[{section}]", problems, rel, line)
        value = _number(entry, field, f"[{section}]", problems, rel, line)
        if section == "ambiguity":
            ranking.ambiguity = value
        else:
            ranking.city_over_unit = value
            if "seat" in entry:
                ranking.city_seat = _number(entry, "seat", f"[{section}]", problems, rel, line)
    for kind, entry, line in _table(data, "prominence", PROMINENCE_CLASSES, rel, lines, problems):
        where = f"[prominence.{kind}]"
        _unknown(
            entry, ("floor", "per_person", *(("least",) if kind == "first-level" else ())), where, problems, rel, line
        )
        floor = _number(entry, "floor", where, problems, rel, line)
        least = _number(entry, "least", where, problems, rel, line) if "least" in entry else None
        ranking.prominence[kind] = Prominence(floor, _number(entry, "per_person", where, problems, rel, line), least)
    for level, entry, line in _table(data, "name_weight", NAME_LEVELS, rel, lines, problems):
        _unknown(entry, ("weight",), f"[name_weight.{level}]", problems, rel, line)
        ranking.name_weight[level] = _number(entry, "weight", f"[name_weight.{level}]", problems, rel, line)
    return ranking

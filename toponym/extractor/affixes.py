"""Affix rules and elided articles, read from ``lexicons/*.toml`` (data with reasons, not code).

A rule file names a script and lists prefixes and suffixes of written forms with what the stored
name has in their place (Russian "е" → "а": Москве → Москва; Arabic "ب" → "": بلبنان → لبنان;
German "s" → "": Deutschlands → Deutschland; Korean "에서" → "": 서울에서 → 서울). The scanner tries
every combination of a matching prefix and a matching suffix on a word of that script and keeps a
form only when it is a key. Which places a form may stand for (any, or only prominent ones) is the
file's ``base``, applied by the linker.
"""

from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from .chars import SCRIPTS

__all__ = ["Affixes", "Group", "affixes"]

#: ``(form, base)``: a written prefix or suffix and what the stored name has instead.
Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class Group:
    """The rules of one language."""

    lang: str
    script: int
    """Index into :data:`~.chars.SCRIPTS`."""
    prefixes: tuple[Pair, ...]
    suffixes: tuple[Pair, ...]
    min_stem: int
    always: bool
    """Tried on a word that is a key itself too (a Russian genitive spelt like a village)."""
    base: Literal["any", "prominent"]

    def rule(self) -> tuple[int, tuple[Pair, ...], tuple[Pair, ...], int, bool]:
        """What the scanner reads: ``(script, prefixes, suffixes, min_stem, always)``."""
        return self.script, self.prefixes, self.suffixes, self.min_stem, self.always


@dataclass(frozen=True, slots=True)
class Affixes:
    groups: tuple[Group, ...]
    elisions: tuple[str, ...]


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8"))


def _pairs(entries: list[dict[str, Any]]) -> list[Pair]:
    return [(e["form"], base) for e in entries for base in e["base"]]


def _group(lang: str, data: dict[str, Any]) -> Group:
    prefixes = _pairs(data.get("prefix", []))
    initials = _pairs(data.get("initial", []))
    if initials:
        # a first letter's variants, after each prefix (or none) that leaves the name's own start
        prefixes += [(pf + f, pt + t) for pf, pt in [("", ""), *prefixes] if not pt for f, t in initials]
    return Group(
        lang=lang,
        script=SCRIPTS.index(data["script"]),
        prefixes=tuple(dict.fromkeys(prefixes)),
        suffixes=tuple(dict.fromkeys(_pairs(data.get("suffix", [])))),
        min_stem=int(data["min_stem"]),
        always=bool(data["always"]),
        base=data["base"],
    )


@functools.cache
def affixes() -> Affixes:
    folder = resources.files(__package__).joinpath("lexicons")
    groups = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = _load(entry.name)
            if "script" in data:
                groups.append(_group(entry.name.removesuffix(".toml"), data))
    return Affixes(tuple(groups), tuple(_load("elision.toml")["words"]))

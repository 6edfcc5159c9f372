"""Affix rules and elided articles, read from ``lexicons/*.toml`` (data with reasons, not code).

A rule file names a script and lists prefixes and suffixes of written forms with what the stored
name has in their place (Russian "е" → "а": Москве → Москва; Arabic "ب" → "": بلبنان → لبنان;
German "s" → "": Deutschlands → Deutschland; Korean "에서" → "": 서울에서 → 서울). The scanner tries
every combination of a matching prefix and a matching suffix on a word of that script and keeps a
form only when it is a key. Which places a form may stand for (any, or only prominent ones) is the
file's ``base``, applied by the linker.

A language that shares its script with others (Polish, Czech, Finnish...) is read "for its own
names" (``own``): a form counts only when its key is a name of the language (``names``: its tags),
only in a text that holds one of its ``letters`` and none of the ``unless`` letters of languages
that share them, and never in a text told to be in another language than it or its ``kin``; the
endings of its ``adjectives`` are no case forms. ``span`` says whether the mention is the whole
word (a fused ending) or the name only (a particle of its own).
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, Literal

from ..vocab import KINDS
from .chars import SCRIPTS

__all__ = ["Affixes", "Group", "affixes", "unread"]

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
    own: bool
    """Only the language's own names: a name tagged with it, or a place's untagged name in a
    country that speaks it (a Polish ending taken off an English word reaches no village whose
    name is of no language)."""
    span: Literal["word", "name"]
    """What a form's mention covers: the whole word (an ending fused with the name, Russian
    "Москве"), or the stored name only (a particle that is a word of its own, Korean "서울에서":
    the mention is 서울 and a rewrite keeps 에서)."""
    names: frozenset[str]
    """The language tags of the names the group reads (its language's; Serbo-Croatian's names are
    tagged "hr", "sr" or "bs")."""
    readers: frozenset[str]
    """The languages in whose text the group's forms count: its own and its kin's (Czech forms
    in Slovak text; ``kin`` in the file)."""
    adjectives: tuple[str, ...]
    """Endings of the language's adjectives: a word that ends in one is no case form of a name
    ("Hrvatski", Croatian, is no form of Hrvatska; its genitive is "Hrvatske")."""
    letters: str
    """Letters of the language, one of which a text must hold for the rules to be read in it
    (empty: any text). Polish endings are no use in English text, which holds no "ł" or "ę"."""
    unless: str
    """Letters of other languages that share :attr:`letters`, none of which the text may hold
    ("ü" and "ß" tell German from Finnish, which share "ä" and "ö")."""
    within: frozenset[Pair] = frozenset()
    """Suffixes read only on a word that begins a name of several words (German "-en" of an
    adjective: "Vereinigten Staaten"), or on a country's name in the plural ("Niederlanden"), never
    on another name of one word ("Seinen" is no form of the Seine, "Wesen" none of the Weser)."""
    last: bool = False
    """The ending goes on the last word of a name of several words ("Saudi-Arabiens", "Sri Lankas"
    are German genitives): a word that begins longer keys is read on with the group's forms, even
    when it is a key itself ("Baden" in "Baden-Württembergs")."""
    places: frozenset[str] = frozenset()
    """Prepositions of place of the language, in lower case: a case form right after one ("w
    Kłodzku", "в Кимрах") is as specific as a name of several words, as "in Bayreuth" is."""
    kinds: frozenset[str] = frozenset()
    """The kinds of place a form may stand for (empty: any): a direction compound names a part of
    a country or region, never of a river ("Nordrhein")."""
    literal: frozenset[str] = frozenset()
    """Words, in lower case, that the group never reads ("Ostindien", the East Indies, is no part
    of India)."""
    prefixed: bool = False
    """Its suffixes go only on a word that takes one of its prefixes: a direction compound's
    genitive ("Nordtysklands"), never a name's own ("Luxemburgs" is Dutch "Luxembourgish")."""

    def rule(self) -> tuple[int, tuple[Pair, ...], tuple[Pair, ...], int, bool, bool]:
        """What the scanner reads: ``(script, prefixes, suffixes, min_stem, always, last)``."""
        return self.script, self.prefixes, self.suffixes, self.min_stem, self.always, self.last


@dataclass(frozen=True, slots=True)
class Affixes:
    groups: tuple[Group, ...]
    elisions: tuple[str, ...]


def unread(groups: tuple[Group, ...]) -> Callable[[str, int, int], int]:
    """What tells the rule groups not read in ``text[lo:hi]``: bit ``g`` for a group whose letters
    (:attr:`Group.letters`, :attr:`Group.unless`) it lacks or holds (``off`` of the scan)."""

    def cased(letters: str) -> set[str]:
        # a capital that is the letter's own: "ß" has none of one letter ("SS"), and Turkish
        # dotless "ı" shares "I" with "i" (every text with a capital I would look Turkish)
        return set(letters) | {ch.upper() for ch in letters if len(ch.upper()) == 1 and ch.upper().lower() == ch}

    marked = tuple(
        (1 << g, cased(group.letters), cased(group.unless)) for g, group in enumerate(groups) if group.letters
    )
    every = sum(bit for bit, _, _ in marked)
    letters = "".join(sorted({ch for _, mine, others in marked for ch in mine | others}))
    # one pass over the text for every letter: most texts hold none (English, Spanish, Russian)
    findall = re.compile(f"[{re.escape(letters)}]").findall if letters else None

    def off(text: str, lo: int, hi: int) -> int:
        if findall is None or text.isascii():
            return every
        hits = findall(text, lo, hi)
        if not hits:
            return every
        found = set(hits)
        return sum(bit for bit, mine, others in marked if found.isdisjoint(mine) or not found.isdisjoint(others))

    return off


def _load(name: str) -> dict[str, Any]:
    return tomllib.loads(resources.files(__package__).joinpath("lexicons", name).read_text(encoding="utf-8"))


def _pairs(entries: list[dict[str, Any]]) -> list[Pair]:
    return [(e["form"], base) for e in entries for base in e["base"]]


def _group(name: str, data: dict[str, Any]) -> Group:
    if data.get("span", "word") not in ("word", "name") or data["base"] not in ("any", "prominent"):
        raise ValueError(f"lexicons/{name}.toml: span is 'word' or 'name', base 'any' or 'prominent'")
    if not set(data.get("kinds", ())) <= set(KINDS):
        raise ValueError(f"lexicons/{name}.toml: kinds must be among {', '.join(KINDS)}")
    lang = str(data.get("lang", name))  # a file named for what it reads says its language
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
        own=bool(data.get("own", False)),
        span=data.get("span", "word"),
        names=frozenset(data.get("names", [lang])),
        readers=frozenset([lang, *data.get("kin", [])]),
        adjectives=tuple(data.get("adjectives", ())),
        letters=str(data.get("letters", "")),
        unless=str(data.get("unless", "")),
        within=frozenset(_pairs([e for e in data.get("suffix", []) if e.get("within", False)])),
        last=bool(data.get("last", False)),
        places=frozenset(word.casefold() for word in data.get("places", ())),
        kinds=frozenset(data.get("kinds", ())),
        literal=frozenset(word.casefold() for word in data.get("literal", ())),
        prefixed=bool(data.get("prefixed", False)),
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

"""Units a language names by a noun and an adjective in lower case, declined in text (``declined``
in ``lexicons/units.toml``): Polish "w województwie mazowieckim" is the Masovian Voivodeship,
stored as "województwo mazowieckie". No capital starts such a name, so the scan never reads it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lookups import Lookups
from .raw import Raw, replaced
from .wordlists import load_lexicon

__all__ = ["Declined"]


@dataclass(frozen=True, slots=True)
class _Unit:
    noun: str
    forms: frozenset[str]
    endings: tuple[tuple[str, str], ...]


class Declined:
    """Finds the declined names of units that begin with a noun in lower case."""

    def __init__(self, lookups: Lookups) -> None:
        self.lookups = lookups
        entries = load_lexicon("units.toml").get("declined", [])
        self._units = [_Unit(e["noun"], frozenset(e["forms"]), tuple((a, b) for a, b in e["endings"])) for e in entries]
        self._of = {form: unit for unit in self._units for form in unit.forms}
        stems = sorted({form for unit in self._units for form in unit.forms}, key=len, reverse=True)
        # the noun (capitalised at a sentence's start), a space, the adjective: words joined by hyphens
        self._found = re.compile(
            rf"(?<![\w-])({'|'.join(map(re.escape, stems))})\s+([^\W\d_]+(?:-[^\W\d_]+)*)(?![\w-])", re.IGNORECASE
        )
        # a text without the noun's first letters, in either case, holds none: one look for most texts
        self._hints = tuple(sorted({h for form in stems for h in (form[:5].lower(), form[:5].capitalize())}))

    def find(self, text: str, lo: int, hi: int, raws: list[Raw]) -> list[Raw]:
        """``raws`` with each such name of ``text[lo:hi]`` that, in the nominative, is a stored name
        answering a place, in place of the candidates inside it."""
        if not any(h in text for h in self._hints):
            return raws
        found = []
        for m in self._found.finditer(text, lo, hi):
            unit = self._of.get(m.group(1).lower())
            adjective = m.group(2)
            if unit is None or not adjective.islower():
                continue
            for ending, nominative in unit.endings:
                if adjective.endswith(ending):
                    query = f"{unit.noun} {adjective[: len(adjective) - len(ending)]}{nominative}"
                    if self.lookups.get(query).answer is not None:
                        found.append(Raw(m.start(), m.end(), query, inflected=True, specific=True))
                    break
        return replaced(raws, found)

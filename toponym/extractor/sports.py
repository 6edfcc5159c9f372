"""Sports reports: a city's name written bare there stands for its team (``lexicons/sports.toml``).

"Milan's new coach", "Marseille beat Lens 2-1", "a homer for Milwaukee": a report names clubs by
their cities, and those names are the clubs. A name the report places stays a place: after a
preposition of place ("in Milan", "between Haarlem and Almere"), first on its line (a dateline, a
venue's line of results), before a comma, a colon or a bracket (its region: "MANCHESTER, England";
a venue: "Leicester : Somerset 83"; a player's country in results), in capitals, or in brackets.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .language import Told
from .patterns import first_on_line
from .wordlists import load_lexicon, names

__all__ = ["Sports", "Teams", "sports", "team_before"]

#: How much of a text's start says whether it is a sports report.
OPENING = 1500
#: A word, as the (English) cues are compared (in lower case; "half-time" is one).
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
#: A score or a result: "2-1", "6-4", "24-17" (not a date's "1996-08-22").
_SCORE = re.compile(r"(?<![\d.-])\d{1,3}-\d{1,3}(?![\d-])")
#: What places the name before it: a preposition of place, or an opening bracket.
_PLACED_BEFORE = re.compile(r"(?:\b(?:in|at|from|to|near|of|between)\s+|\(\s*)\Z", re.IGNORECASE)
#: What places the name after it: a comma, a colon or a bracket (its region, a venue), or a date.
_PLACED_AFTER = re.compile(r"\s*[(:,]|\s+\d{4}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class Sports:
    """The cues of sports reports, and the rule for the cities named in them."""

    cues: frozenset[str]
    """Cue words, in lower case."""
    min_words: int
    density: float

    def report(self, text: str) -> bool:
        """Is ``text`` a sports report: long enough, and dense with cues and scores in its first
        :data:`OPENING` characters (a report says what it is from its start; a long text is not
        read whole for it)?"""
        opening = text[:OPENING]
        if opening.count(" ") + 1 < self.min_words:  # a word count's bound, cheap: most texts stop here
            return False
        words = _WORD.findall(opening.lower())
        if len(words) < self.min_words:
            return False
        found = sum(map(self.cues.__contains__, words))
        need = self.density * len(words) / 100
        if found < need <= found + opening.count("-"):  # scores can tip it: count them
            found += len(_SCORE.findall(opening))
        return found >= need

    @staticmethod
    def team(text: str, start: int, end: int) -> bool:
        """Is the city's name at ``text[start:end]``, in a sports report, its team: written bare,
        as nothing of the above places it?"""
        return not (
            first_on_line(text, start)
            or text[start:end].isupper()
            or _PLACED_BEFORE.search(text, max(0, start - 10), start) is not None
            or _PLACED_AFTER.match(text, end) is not None
        )


@functools.cache
def sports() -> Sports:
    data = load_lexicon("sports.toml")
    return Sports(frozenset(w.lower() for w in data["cues"]), int(data["min_words"]), float(data["density"]))


class Teams:
    """Where one text names a club by its city: after an article that makes it the club ("el
    Valencia", "il Napoli": ``lexicons/names.toml``), or written bare in an English sports report
    (:meth:`Sports.team`), even where the dateline placed it ("LEEDS, England ... Leeds won"). The
    report's language and cues are read on first need (most texts name no city bare); the cues are
    English words, and annotation that marks a club by its city's name as the place (French
    historical news does) is no reason to read other languages so."""

    __slots__ = ("_sports", "_text", "_told")

    def __init__(self, text: str, told: Told) -> None:
        self._text, self._told = text, told
        self._sports: bool | None = None

    def club(self, start: int, end: int) -> bool:
        """Is the city's name at ``[start, end)`` its club's?"""
        if names().club(self._text, start):
            return True
        if not Sports.team(self._text, start, end):
            return False
        if self._sports is None:
            self._sports = sports().report(self._text) and "en" in self._told.leading()
        return self._sports


def team_before(text: str, end: int) -> bool:
    """Does the word ending at ``end`` (before " v ") end a team's name, as in "Arsenal v Chelsea"?
    Not a word in lower case: Czech and Slovak "v" is "in" ("je v Německu"; the case form after it,
    "Situace v Rusku", tells it too)."""
    start = end
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return not text[start:end].islower()

"""Numbers after a name that make it no place: a date's ("in March 2009") or a team's in sports
figures (results, standings, league tables, fixtures, cricket scores)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Collection

from .patterns import line_around
from .raw import Raw

__all__ = ["in_figures"]

#: A score after a name: a number of one to three digits followed by the next name, a bracket or
#: the end of the line (not by another number, as a weather table's temperatures are).
_SCORE = re.compile(r"[ \t]+\d{1,3}(?=[ \t]*(?:$|\r?\n|\(|[A-Z]))", re.MULTILINE)
_TEAM_SCORE = re.compile(r"[^\W\d_][\w.'-]*[ \t]+\d{1,3}(?=[ \t]*(?:$|\r?\n|\(|[A-Z]))", re.MULTILINE)


#: A line of standings after a name: won, lost, then a percentage as a decimal ("72 53 .576").
_STANDINGS = re.compile(r"[ \t]+\d{1,3}[ \t]+\d{1,3}[ \t]+\.\d{3}\b")
#: A row of a league table after a name: played, won, drawn, lost, goals... at least four small
#: numbers (or dashes for none) to the end of the line ("Rochdale 3 0 1 2 2 4 1", "Pecs 3 1 - 2 3
#: 5 3"); a weather table gives two or three.
_TABLE = re.compile(r"(?:[ \t]+(?:\d{1,3}|-)){4,}[ \t]*$", re.MULTILINE)
#: A cricket side's score after a name: runs, or runs-wickets, then a bracket, "and" the second
#: innings, "declared", "for" wickets or "points" ("Warwickshire 310 ( A. Giles 83", "Hampshire
#: 81-7 .", "Essex 24 points"); a town's figures are not written so.
_INNINGS = re.compile(
    r"[ \t]+\d{1,3}(?:-\d{1,2}\s+(?:\.|,|\(|and\b|declared\b)|\s+(?:\(|and[ \t]+\d|declared\b|points?\b|for[ \t]+\d))"
)
#: A fixture: two teams with "v" between them ("Stirling v Dundee"; a court case has "v.").
_FIXTURE = re.compile(r"[ \t]+v[ \t]+[A-Z]")


def _results_line(text: str, i: int) -> bool:
    """Is the line around ``text[i]`` a line of sports results or standings (two or more names
    each followed by a score)?"""
    lo, hi = line_around(text, i, i)
    return next(itertools.islice(_TEAM_SCORE.finditer(text, lo, hi), 1, None), None) is not None


def in_figures(text: str, r: Raw, calendar: Collection[str], national: Callable[[str], bool]) -> bool:
    """Is ``r``, before a number, a dash or a "v", no place but part of a date or of sports
    figures? (``calendar``: the months and days; ``national`` tells a country's or a first-level
    division's name)"""
    if r.query in calendar and text[r.end + 1 : r.end + 2].isdigit():
        return True  # a date: "in March 2009" (March, Cambridgeshire), "May 5"
    if (_SCORE.match(text, r.end) and _results_line(text, r.start)) or _STANDINGS.match(text, r.end):
        return True  # a team in a line of results or standings: "Chicago 4 Milwaukee 10"
    if _TABLE.match(text, r.end) or _FIXTURE.match(text, r.end):
        return True  # a team in a league table or a fixture: "Rochdale 3 0 1 2", "Stirling v Dundee"
    # a county's or a city's side in a cricket score; a nation's side is read as the nation, as
    # news annotators read "Pakistan 339" or "England 326 and 74-0"
    return _INNINGS.match(text, r.end) is not None and not national(r.query)

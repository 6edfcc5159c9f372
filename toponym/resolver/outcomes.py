"""What a name comes to, from one ranking: the :class:`~toponym.outcome.Outcome` of ``lookup``."""

from __future__ import annotations

from collections.abc import Callable

from .._make import make_match
from ..index import Index
from ..model import Explanation, Match
from ..outcome import Outcome
from .codes import code_query, code_shaped, scheme_label
from .fastpath import MAX_QUERY
from .hints import Hints
from .ranking import Ranked

__all__ = ["code_match", "invalid", "outcome", "town_held"]


def invalid(query: object) -> Outcome | None:
    """The outcome of something that is not a name at all, or ``None`` for a name."""
    if not isinstance(query, str):
        return Outcome(repr(query), "invalid", reason=f"not a string but {type(query).__name__}: give a name")
    if not query.strip():
        return Outcome(query, "invalid", reason="nothing to look up: the name is empty or white space")
    if len(query) > MAX_QUERY:
        return Outcome(query, "invalid", reason=f"longer than {MAX_QUERY} characters: not a name")
    return None


def code_match(index: Index, query: str, row: int, scheme: str, others: int) -> Match:
    """The answer to a query in capitals that is the ISO code of the place at ``row``."""
    code = query.strip()
    explanation = Explanation("code", 1 + others, detail=f"the {scheme_label(scheme)} {code}")
    # a code is written in no language: zxx ("no linguistic content") says so in BCP 47
    return make_match(index.place(row), 100.0, "exact", code, "zxx", query, "short", (), explanation)


def town_held(index: Index, query: str, rows: list[Ranked], hints: Hints) -> list[Ranked]:
    """``rows`` of a query in capitals that is no country's code, a town's stored abbreviation
    first ("NY", "KL", "SF") held back unless a hint settles it: two or three capitals in a data
    column are a code (a subdivision's, an airport's, a club's) far more often than a town's
    short name, and the sources record such abbreviations for a few towns only, by chance."""
    if not rows or not hints.empty or not code_shaped(query):
        return rows
    top = rows[0]
    if top.stopped or index.places.kind[top.place] != "city":
        return rows
    why = f"{query.strip()!r} in capitals reads as a code, and names no country; a town's abbreviation answers with a hint (country, kinds)"
    held = Ranked(top.place, top.cand, top.key, Explanation("stop", len(rows), detail=why), top.tied, True)
    return [held, *rows[1:]]


def outcome(
    query: str,
    code: tuple[Match, int] | None,
    rows: list[Ranked],
    match_of: Callable[[Ranked], Match],
    hints: Hints,
    every: bool = True,
) -> Outcome:
    """The outcome of ``query`` from its one ranking: the place its code names (``code``, with its
    row), then its ranked candidates ``rows``. Without ``every``, a match is listed alone."""
    if code is not None:
        found, row = code
        candidates = (found, *(match_of(r) for r in rows if every and r.place != row))
        return Outcome(query, "matched", found, candidates, found.reason)
    if not rows:
        return Outcome(query, "no-match", reason=_nothing(query, hints))
    top = rows[0]
    if not every and not top.stopped and not top.tied:
        found = match_of(top)
        return Outcome(query, "matched", found, (found,), found.reason)
    candidates = tuple(match_of(r) for r in rows)
    if top.stopped:
        return Outcome(query, "stopped", None, candidates, top.explanation.text)
    if top.tied:
        tied = 1
        while tied < len(rows) and rows[tied - 1].tied:
            tied += 1
        some = ", ".join(m.place.id for m in candidates[: min(tied, 5)]) + (", ..." if tied > 5 else "")
        reason = f"ambiguous: {tied} candidates as likely as each other ({some}); give a hint (country, kinds)"
        return Outcome(query, "ambiguous", None, candidates, reason)
    return Outcome(query, "matched", candidates[0], candidates, candidates[0].reason)


def _nothing(query: str, hints: Hints) -> str:
    if code_query(query):
        return "no place has this ISO code or stored acronym (a query in capitals is not read as a name)"
    return "no place of the kinds asked for has this name" if hints.kinds is not None else "no place has this name"

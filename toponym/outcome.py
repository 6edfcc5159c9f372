"""What a name comes to: :class:`Outcome`, the result of ``toponym.lookup``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .model import Match, Place
from .vocab import Status

__all__ = ["Outcome"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a name comes to, from one ranking: ``toponym.lookup`` tells "no such place" from
    "several, none dominant" and from "a word ``resolve`` declines on purpose".

    >>> Outcome("Qxzvtplkwj", "no-match", reason="no place has this name").to_dict()["status"]
    'no-match'
    """

    query: str
    """The name looked up (``repr`` of it when it was not a string)."""
    status: Status
    """One of :data:`~toponym.vocab.STATUSES`: ``matched`` (``match`` is the answer), ``ambiguous``
    (candidates tie: none dominant), ``stopped`` (candidates exist, but a bare ``resolve`` declines
    on purpose: an ordinary word, a stop rule), ``no-match`` (no place has this name) or ``invalid``
    (not a name: not a string, blank, or longer than 256 characters)."""
    match: Match | None = None
    """What ``resolve`` answers with the same hints: set exactly when ``status`` is ``matched``."""
    candidates: tuple[Match, ...] = ()
    """Every candidate, best first (what ``resolve_all`` lists); ``match.place`` gives each
    candidate's ``country`` and ``parent``."""
    reason: str = ""
    """Why, in words: the match's reason, the stop rule, the tie, or why nothing matched."""

    @property
    def contenders(self) -> tuple[Match, ...]:
        """The leading candidates as likely as each other (the ambiguity), or the match alone."""
        if self.match is not None:
            return (self.match,)
        if self.status != "ambiguous":
            return ()
        n = 1
        while n < len(self.candidates) and self.candidates[n - 1].explanation.ambiguous:
            n += 1
        return self.candidates[:n]

    def to_dict(self) -> dict[str, Any]:
        """Plain data: status, reason, the match and the contenders (id, name, kind, country, parent)."""
        return {
            "query": self.query,
            "status": self.status,
            "reason": self.reason,
            "id": self.match.place.id if self.match is not None else None,
            "candidates": [_brief(m.place) for m in self.contenders],
        }


def _brief(place: Place) -> dict[str, Any]:
    return {"id": place.id, "name": place.name, "kind": place.kind, "country": place.country, "parent": place.parent}

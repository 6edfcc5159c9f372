"""What a bare query reaches, for callers that rank further (the extractor)."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Match
from .ranking import Ranked

__all__ = ["Lookup"]


@dataclass(frozen=True, slots=True)
class Lookup:
    """Everything a bare query reaches, for callers that rank further (the extractor)."""

    query: str
    answer: Match | None
    """What a bare ``resolve(query)`` answers."""
    rows: tuple[Ranked, ...]
    """Every candidate place, best first."""
    top: Match | None
    """The first candidate as a match (even when ``answer`` is ``None``: tied or stopped)."""
    answer_row: int = -1
    """The row of ``answer``'s place."""
    top_row: int = -1
    """The row of ``top``'s place."""

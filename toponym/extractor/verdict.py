"""The context-free verdict on a candidate mention (:meth:`.linking.Linker.first_pass`)."""

from __future__ import annotations

from typing import NamedTuple

from ..model import Match
from .raw import Raw

__all__ = ["FirstPass", "adjective_shaped"]


class FirstPass(NamedTuple):
    """The context-free verdict on a candidate mention."""

    match: Match | None
    candidates: int
    """How many places the name may mean."""
    alone: bool
    """May it stand without support from other places of the text?"""
    explicit: tuple[int, ...]
    """The place it names, when it stands (for the text's context)."""
    expanded: tuple[int, ...]
    """... and the places below country level that contain it."""
    never: bool = False
    """Not a place whatever the text says (an adjective of a country's name)."""
    home: int = -1
    """The country of a town that stands in a text in its language (:meth:`.Standing.home`)."""
    described: bool = False
    """A unit named by its side of a country ("Eastern Region"): the country named supports it."""


def adjective_shaped(raw: Raw, first: FirstPass) -> bool:
    """May ``raw`` be a country's adjective (for ``demonyms=True``)? It names no place, as written."""
    return (first.never or first.match is None) and raw.group < 0

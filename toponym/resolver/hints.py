"""Hints a caller gives the resolver, checked once and turned into row numbers.

A hint that names nothing usable is an error (:class:`~toponym.errors.HintError`), never silently
ignored: ``country="Atlantis"``, ``country="us-ga"`` (a subdivision), ``kinds={"town"}``.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from ..errors import AmbiguousCodeError, HintError, UnknownPlaceError
from ..index import Index
from ..vocab import COUNTRY_KINDS, KINDS
from .codes import code_table

__all__ = ["NO_HINTS", "Hints", "make_hints", "side_id", "side_row"]


@dataclass(frozen=True, slots=True)
class Hints:
    """Hints as the ranking reads them: a primary language subtag, a place row, a kind set."""

    lang: str | None = None
    country: int | None = None
    kinds: frozenset[str] | None = None
    perspective: str | None = None
    demonyms: bool = False
    """Demonyms and adjectives may name their places ("Russian" is Russia)."""

    @property
    def empty(self) -> bool:
        return (
            self.lang is None
            and self.country is None
            and self.kinds is None
            and self.perspective is None
            and not self.demonyms
        )


NO_HINTS = Hints()
#: ``by_name(text)``: the row of the country a name means ("Japan", "UK"), or ``None``.
ByName = Callable[[str], "int | None"]


def side_row(index: Index, text: object, what: str, by_name: ByName) -> int:
    """The row of the country ``text`` names, for the hint ``what`` (``country``, ``perspective``).

    Read as a place ID or a code of any scheme (``us``, ``USA``, ``usa``, ``840``), then as a name
    (``Japan``, ``UK``), then as a language tag aliased to a side in policy.toml (``ja`` is Japan's
    usage); anything else, or a place that is no country, raises :class:`~toponym.errors.HintError`.
    """
    if not isinstance(text, str) or not text.strip():
        raise HintError(f"{what}={text!r}: give a country as a code or an ID (us, USA, 840) or by its name")
    row: int | None = None
    try:  # a place's own ID needs no code table (built on first use, a tenth of a second)
        row = index.row_of(text)
    except UnknownPlaceError:
        try:
            row = code_table(index).find(text)
        except (UnknownPlaceError, AmbiguousCodeError):
            row = by_name(text)
    if row is None:
        alias = index.policy.perspective_alias.get(text.strip())
        row = index.row_of(alias) if alias is not None else None
    if row is None:
        raise HintError(
            f"{what}={text!r} names no country; give an ISO 3166-1 code (us, USA, 840), a country's ID, or its name"
        )
    kind = index.places.kind[row]
    if kind not in COUNTRY_KINDS:
        pid, name = index.places.ids[row], index.places.name[row]
        article = "an" if kind[0] in "aeiou" else "a"
        raise HintError(
            f"{what}={text!r} is {name} ({pid}), {article} {kind}, not a country; give a country (us, USA, 840)"
        )
    return row


def _kinds(kinds: Collection[str]) -> frozenset[str]:
    try:
        given = frozenset((kinds,) if isinstance(kinds, str) else kinds)  # one kind may be given bare
    except TypeError:
        raise HintError(f"kinds={kinds!r}: give a collection of kinds, e.g. {{'city'}}") from None
    bad = sorted(repr(k) for k in given if k not in KINDS)
    if bad:
        raise HintError(f"kinds: {', '.join(bad)} not a kind of place; the kinds are {', '.join(KINDS)}")
    return given


def make_hints(
    index: Index,
    lang: str | None,
    country: str | None,
    kinds: Collection[str] | None,
    perspective: str | None,
    by_name: ByName,
    demonyms: bool = False,
) -> Hints:
    """Hints as row numbers; :class:`~toponym.errors.HintError` when one names nothing usable."""
    return Hints(
        lang=lang.split("-")[0].lower() if lang else None,
        country=side_row(index, country, "country", by_name) if country else None,
        kinds=_kinds(kinds) if kinds is not None else None,
        perspective=side_id(index, perspective, by_name) if perspective else None,
        demonyms=bool(demonyms),
    )


def side_id(index: Index, perspective: object, by_name: ByName) -> str:
    """A ``perspective`` as a country ID: a language tag aliased to a side first (``ja`` is Japan's
    usage, ``uk`` Ukraine's: written in lower case, as language tags are), then as a country."""
    alias = index.policy.perspective_alias.get(perspective) if isinstance(perspective, str) else None
    return alias or index.places.ids[side_row(index, perspective, "perspective", by_name)]

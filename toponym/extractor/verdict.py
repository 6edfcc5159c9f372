"""The context-free verdict on a candidate mention (:meth:`.linking.Linker.first_pass`)."""

from __future__ import annotations

from typing import NamedTuple

from ..index import Index
from ..model import Match
from ..normalize import fold_key, normalize_name
from ..vocab import MAJOR_KINDS
from .language import Told
from .lookups import Lookups
from .raw import Raw
from .standing import Standing

__all__ = ["FirstPass", "abroad", "adjective_shaped", "below_country"]


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


def abroad(raw: Raw, first: FirstPass, told: Told, lookups: Lookups, standing: Standing, index: Index) -> FirstPass:
    """``first``, or for a common English word after a preposition of place in a text told to be in
    another language, where it is no word, the verdict that it stands: "à Nice", "in Split" name the
    towns as "in Gent" does (in English, "in Reading" may be the word: :meth:`.Standing.alone` and
    the stop on the name hold it back). Not where the text may be English."""
    if not raw.specific or first.match is not None or first.never:
        return first
    if raw.group >= 0:
        return _case_form(raw, first, lookups, index)
    if standing.uncommon(raw.query):
        return first  # no English word: its answer, or its want of one (a tie), stands
    if normalize_name(raw.query) in index.policy.function_words:
        return first  # one of the commonest words of some language: Dutch "Van" begins a surname
    leading = told.leading()
    if not leading or "en" in leading:
        return first
    lookup = lookups.get(raw.query)
    top, row = lookup.top, lookup.top_row
    if top is None or row < 0 or not standing.alone(raw, top, row, english=False):
        return first
    return FirstPass(top, len(lookup.rows), True, (row,), below_country(index, row))


def _case_form(raw: Raw, first: FirstPass, lookups: Lookups, index: Index) -> FirstPass:
    """``first``, or for a case form after its language's preposition of place that stands but gets
    no answer only because its name is a word (of English, or of some language: "u Splitu", "v
    Přerově"), the verdict that it names its first candidate: the ending and the preposition say it
    is that language's name of a place, as no word of English or of the language is inflected so and
    capitalised. Not a name a curated stop holds back, nor one several places share alike."""
    if not raw.inflected or not first.alone:
        return first  # a form the group may not read for this place (its ``_form_ok``) stays out
    lookup = lookups.get(raw.query)
    top, row = lookup.top, lookup.top_row
    if top is None or row < 0 or lookup.rows[0].tied or lookup.rows[0].cand.weak:
        return first
    policy, norm = index.policy, normalize_name(raw.query)
    folded = fold_key(norm)
    if folded in policy.stop or not (norm in policy.ordinary or folded in policy.common_words):
        return first
    return FirstPass(top, len(lookup.rows), True, (row,), below_country(index, row))


def below_country(index: Index, row: int) -> tuple[int, ...]:
    """The place at ``row`` and the places holding it, below country level: a mention's
    :attr:`FirstPass.expanded`."""
    kind = index.places.kind
    return tuple(dict.fromkeys(r for r in (row, *index.ancestors(row)) if r >= 0 and kind[r] not in MAJOR_KINDS))

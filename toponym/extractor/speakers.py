"""Names that the words beside them say are a person's or a news agency's, not a place's: "according
to Xinhua", "según Moreno", "Solana añadió", "Salou, who plays for Duisburg", and in English a
common surname that speaks ("Fraser says", "Flores adds", '"...," says Austin.'). Part of
:func:`.proper.proper`."""

from __future__ import annotations

import functools
import re

from ..vocab import COUNTRY_KINDS
from .evidence import Evidence
from .patterns import sentence_initial
from .raw import Raw
from .wordlists import Names, load_lexicon

__all__ = ["spoken_of"]

#: Words before a name that make it the place something is in or comes from, whatever follows it
#: ("a grazier in Fraser, says", "Scott Wilson from Henderson said").
_PLACED = tuple(
    w
    for word in (" in", " of", " from", " at", " near", " to", " for", " around", " outside", " across")
    for w in (word, word.title())
)


@functools.cache
def _surname_speaks() -> re.Pattern[str]:
    verbs = load_lexicon("names.toml")["surname_speaks"]
    return re.compile(rf",? (?:{'|'.join(map(re.escape, verbs))})\b")


@functools.cache
def _spoken_after() -> re.Pattern[str]:
    """A verb of saying right before the name, the name ending the clause: the attribution after a
    quotation ("... for decades," says Austin.)."""
    verbs = load_lexicon("names.toml")["surname_speaks"]
    return re.compile(rf"(?:^|[,\"”’'] )(?:{'|'.join(map(re.escape, verbs))}) \Z")


def spoken_of(text: str, r: Raw, words: Names, ask: Evidence) -> bool:
    """Is ``r`` a news agency's name the text reports through ("according to Xinhua"), or a
    person's that the words beside it say is one: a comma and Spanish "quien" after it ("Moreno ,
    quien"), or a Spanish verb of saying or "según" before a town's or a unit's name, or a verb of
    saying after it ("según Moreno", "dijo Rangel", "Solana añadió"; not a country's: a state
    speaks), or an English one after a common surname (:func:`_surname_speaks`)?"""
    return (
        (r.query in words.agencies and words.reports(text, r.start, r.end))
        or (text.startswith((",", " ,"), r.end) and _personal(text, r, words, ask))
        or (
            words.speaks(text, r.start, r.end)
            and ask.kind(r.query) in ("city", "subdivision")
            and not ask.metropolis(r.query)  # a capital speaks for its state: "Pekín calificó"
        )
        or _surname_speaking(text, r, ask)
    )


def _surname_speaking(text: str, r: Raw, ask: Evidence) -> bool:
    """Is ``r`` one of the commonest surnames, written right before an English verb of saying
    ("Fraser says", "But, Flores adds,", "Ken Henderson from Best Bottlers says" is read at the
    given name), and not the place a word before it puts something in? A country, and a city of
    a million that speaks for its state, may say: "Canberra says"."""
    if " " in r.query:
        return False
    if _surname_speaks().match(text, r.end) is None:  # the words first: most names have none beside them
        before = _spoken_after().search(text, max(0, r.start - 16), r.start)
        if before is None or not text.startswith((".", ","), r.end):
            return False
    if not ask.surname(r.query):
        return False
    if text.endswith(_PLACED, 0, r.start - 1):
        return False
    kind = ask.kind(r.query)
    return kind is not None and kind not in COUNTRY_KINDS and not ask.metropolis(r.query)


def _personal(text: str, r: Raw, words: Names, ask: Evidence) -> bool:
    """Does a relative pronoun said of people follow ``r`` and its comma: Spanish "quien" after any
    name, English "who" after a town's name of one word that begins its sentence ("Salou, who
    plays for Duisburg", "Porto, who are fighting"; not "a man from Geelong, who was charged";
    not a metropolis, which speaks for its state)?"""
    if words.personal.match(text, r.end) is not None:
        return True
    return (
        words.personal_town.match(text, r.end) is not None
        and " " not in r.query
        and (r.start == 0 or text[r.start - 1].isspace())  # no part of a word ("Nebraska-Lincoln")
        and sentence_initial(text, r.start)
        and ask.kind(r.query) == "city"
        and not ask.metropolis(r.query)
    )

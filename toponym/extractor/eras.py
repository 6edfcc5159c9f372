"""Dotted abbreviations of places that stand for something else where they are written
(``lexicons/dotted.toml``): an era after a year or a century ("500 B.C.", Italian "1 D.C."), an
editors' note at the head of a sentence ("N.B. All spaces…")."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .patterns import sentence_initial
from .wordlists import load_lexicon

__all__ = ["no_place"]

#: A number, then spaces, right before an abbreviation.
_NUMBER = re.compile(r"\d[ \u00a0]+$")
#: The word after an abbreviation, one space on.
_NEXT = re.compile(r"[ \u00a0]+([^\W\d_]+)")


@functools.cache
def _lexicon() -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    data = load_lexicon("dotted.toml")
    return frozenset(data["eras"]), tuple(w + " " for w in data["era_words"]), frozenset(data["notes"])


def no_place(text: str, s: int, e: int, function_word: Callable[[str], bool]) -> bool:
    """Is the dotted abbreviation at ``text[s:e]`` an era or a note rather than its place?
    ``function_word`` tells one of a language's commonest words ("by", "and", "sono")."""
    eras, era_words, notes = _lexicon()
    surface = text[s:e]
    if surface in notes:
        return sentence_initial(text, s)
    if surface not in eras:
        return False
    if text.endswith(era_words, max(0, s - 16), s):
        return True  # "the 3rd century B.C."
    if _NUMBER.search(text, max(0, s - 4), s) is None:
        return False
    after = _NEXT.match(text, e)
    return after is None or function_word(after.group(1))  # "500 B.C. by", "1 D.C. sono"; "2017 B.C. election" stays

"""Surface-form rules the resolver and the extractor share: what a written form says by itself."""

from __future__ import annotations

import re

from .charclass import HAN_RANGES

__all__ = ["is_acronym", "letters", "whole_word_char"]

#: One Hangul syllable or Han character is a whole word (괌 is Guam, 呉 Kure); a single letter of
#: an alphabet is not.
_WHOLE_WORD_CHAR = re.compile(f"[\uac00-\ud7a3{HAN_RANGES}]")


def letters(text: str) -> int:
    """How many letters ``text`` has."""
    return sum(ch.isalpha() for ch in text)


def is_acronym(name: str) -> bool:
    """``US``, ``U.S.``, ``USSR``: upper-case letters, optionally dotted, six at most.

    >>> [is_acronym(s) for s in ("US", "U.S.", "USSR", "Us", "NEW YORK", "ABCDEFG")]
    [True, True, True, False, False, False]
    """
    return name.isupper() and letters(name) <= 6 and name.replace(".", "").replace(" ", "").isalpha()


def whole_word_char(text: str) -> bool:
    """Does ``text`` start with a character that is a word on its own (Hangul, Han)?"""
    return bool(_WHOLE_WORD_CHAR.match(text))

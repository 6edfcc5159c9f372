"""Prepositions of place that are one only in a text told to be in their language (``told`` of
``lexicons/locative.toml``): Italian "a" before a town ("a Cleveland"), which in Spanish and
Portuguese heads people and firms as often."""

from __future__ import annotations

import functools

from .language import Told
from .wordlists import load_lexicon

__all__ = ["told_locative"]


@functools.cache
def _endings() -> dict[str, tuple[str, ...]]:
    """Language -> its prepositions as they end the text before a name (" a ")."""
    return {lang: tuple(f" {w} " for w in words) for lang, words in load_lexicon("locative.toml")["told"].items()}


def told_locative(text: str, start: int, told: Told) -> bool:
    """Is the word at ``start`` written right after a preposition of place of the text's language?"""
    ends = tuple(e for group in _endings().values() for e in group)
    if not text.endswith(ends, 0, start):
        return False
    lang = told.language()
    return lang is not None and text.endswith(_endings().get(lang, ()), 0, start)

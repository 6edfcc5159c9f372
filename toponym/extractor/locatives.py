"""Prepositions of place that are one only in a text told to be in their language (``told`` of
``lexicons/locative.toml``): Italian "a" before a town ("a Cleveland"), which in Spanish and
Portuguese heads people and firms as often."""

from __future__ import annotations

import functools

from .language import Told
from .wordlists import load_lexicon

__all__ = ["told_locative"]


@functools.cache
def _endings() -> tuple[dict[str, tuple[str, ...]], tuple[str, ...]]:
    """Language -> its prepositions as they end the text before a name (" a "), and all of them."""
    by_lang = {lang: tuple(f" {w} " for w in words) for lang, words in load_lexicon("locative.toml")["told"].items()}
    return by_lang, tuple(e for ends in by_lang.values() for e in ends)


def told_locative(text: str, start: int, told: Told) -> bool:
    """Is the word at ``start`` written right after a preposition of place of the text's language?"""
    by_lang, every = _endings()
    if not text.endswith(every, 0, start):
        return False  # the cheap test first: the text's language is told only where one is written
    lang = told.language()
    return lang is not None and text.endswith(by_lang.get(lang, ()), 0, start)

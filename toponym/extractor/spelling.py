"""How a mention is written against the stored name it matched: the place's own name or its first
words, its letters, accents the stored spelling lacks."""

from __future__ import annotations

from ..normalize import fold_key
from .casing import token_key

__all__ = ["accents_dropped", "is_own_name", "letters_of"]


def is_own_name(surface: str, name: str, shortest: int = 4, joins: str = " -") -> bool:
    """Is ``surface`` the place's own name ``name``, or (``shortest`` letters or more) its first
    words before one of ``joins`` ("Pineda" for Pineda de Mar, "Yverdon" for Yverdon-les-Bains)?"""
    if surface == name or fold_key(token_key(surface)) == fold_key(token_key(name)):
        return True
    if "-" in name and surface == name.replace("-", " "):
        return True  # a hyphen written as a space: "Saint Denis" is Saint-Denis
    if " / " in name:  # a name in two languages: "Gasteiz / Vitoria", "Donostia / San Sebastián"
        return any(is_own_name(surface, part, shortest, joins) for part in name.split(" / "))
    return len(surface) >= shortest and name.startswith(surface) and name[len(surface) : len(surface) + 1] in joins


def letters_of(text: str) -> str:
    """The letters and digits of ``text``, without spaces, dots and marks ("U.K." is "UK")."""
    return "".join(ch for ch in text if ch.isalnum())


def accents_dropped(surface: str, matched: str) -> bool:
    """Is ``matched`` (a stored spelling) written without accents that ``surface`` carries? Such a
    spelling reaches the word only by dropping them ("Kolína" reaches the stored "Kolina")."""
    return matched.isascii() and not surface.isascii()

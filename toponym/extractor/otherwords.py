"""A name in other languages that is a common word of the text's: Dutch "Indien" ("if") is India
only in German, Danish and Swedish; Spanish "Para" ("for") is Pará only in French, Lithuanian and
more; Polish "Po" ("after") is the river only in English (Polish says Pad). Read in a text told to
be in that language, such a word is the word."""

from __future__ import annotations

from ..index import Index
from ..model import Match
from ..normalize import fold_key, normalize_name
from .language import Languages, Told
from .raw import Raw

__all__ = ["OtherWords"]

#: A name English writes is the word only among the text language's commonest words: "Paris",
#: "Texas" are frequent Dutch words because Dutch news writes them.
_CORE = 1_000
#: The end of the Latin letters: a script with case endings of its own (Russian "Америки",
#: Macedonian's America, is Russian's genitive of Америка) is read by its forms' rules instead.
_LATIN_END = "\u0250"


class OtherWords:
    """Tells a place's name in other languages that is a common word of the text's (see the module)."""

    def __init__(self, index: Index, languages: Languages) -> None:
        self.index = index
        self.languages = languages

    def word(self, raw: Raw, match: Match, told: Told) -> bool:
        """Is ``raw``, a name of ``match``'s place in other languages only, one of the commonest words
        of the text's language, which names the place otherwise and is not spoken there?"""
        surface = raw.query
        if raw.inflected or raw.specific or surface.isupper() or max(surface) >= _LATIN_END:
            return False  # an acronym ("USA" in German), a form, a name of several words
        lang = told.language()
        key = normalize_name(surface)
        if lang is None or lang == "en" or normalize_name(match.matched) != key:
            return False
        rank = self.languages.foreign_name(key, lang)
        if rank is None:
            return False
        row = self.index.row_of(match.place.id)
        if self.index.places.country[row] in told.homeland():
            return False  # a town where the language is spoken bears its own name: Spanish "Rota"
        names, folded, english = self.index.names, fold_key(key), key == normalize_name(match.place.name)
        for n, _tier in self.index.keys.lookup(key):
            if names.place[n] != row:
                continue
            tags = names.languages(n)
            if normalize_name(names.text[n]) == key:
                if tags <= {"und"} or lang in tags:
                    return False  # a name some source gives untagged, or the language's own
                english = english or "en" in tags
            elif lang in tags and rank >= _CORE and fold_key(normalize_name(names.text[n])) == folded:
                return False  # the language's name without its accents ("Egypte"), no core word
        return rank < _CORE or not english

"""A name in other languages that is a common word of the text's: Dutch "Indien" ("if") is India
only in German, Danish and Swedish; Spanish "Para" ("for") is Pará only in French, Lithuanian and
more; Polish "Po" ("after") is the river only in English (Polish says Pad). Read in a text told to
be in that language, such a word is the word; and so is one of the language's 1,000 commonest
words that a lesser place abroad bears in no tag of it (German "Ihren", "your", a town of
Ukraine). So are a letter that one language names a country by (Vietnamese "Ý", Italy) in text in
any other, and two capitals that a source lists for a country in no language (the former codes
"SU", "YU"): a letter, a code or an acronym there ("DE SU USO"). At the head of a sentence, a
common word is the word even where a city of a million people abroad bears it (Finnish "Jos")."""

from __future__ import annotations

from ..index import Index
from ..model import Match
from ..normalize import fold_key, normalize_name
from ..vocab import COUNTRY_KINDS, MAJOR_KINDS, METROPOLIS, word_lists
from .language import Languages, Told
from .patterns import sentence_initial
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

    def word(self, raw: Raw, match: Match, told: Told, text: str) -> bool:
        """Is ``raw`` a common word of the text's language rather than ``match``'s place: a name in
        other languages only (:meth:`_foreign`), or one of the language's 1,000 commonest words that
        a lesser place where it is not spoken bears in no tag of that language ("in Ihren
        Skripten": German "your", a town of Ukraine), or a city of a million people there at the
        head of a sentence of ``text``, where its capital tells nothing (Finnish "Jos", "if", is
        the city of Nigeria)?"""
        surface = raw.query
        if raw.inflected or " " in surface:
            return False  # a form, a name of several words
        if len(surface) == 1 or (len(surface) == 2 and surface.isupper()):
            return self._letters(raw, match, told)
        if surface.isupper():
            return False  # an acronym: "USA" in German
        key = normalize_name(surface)
        if key not in self.languages.word_names:
            return False  # no language's common word: the text's language need not be told
        langs = told.leading()  # one language, or two alike ("id" and "ms"): the word of each
        if not langs or "en" in langs or normalize_name(match.matched) != key:
            return False
        row = self.index.row_of(match.place.id)
        if self.index.places.country[row] in told.homeland():
            return False  # a town where the language is spoken bears its own name: Spanish "Rota", "nach Füssen"
        return all(self._word_of(raw, lang, key, row, match, text) for lang in langs)

    def _word_of(self, raw: Raw, lang: str, key: str, row: int, match: Match, text: str) -> bool:
        """:meth:`word` for a text in ``lang``, of a word ``key`` that the place at ``row`` bears."""
        # another language's name (in Latin letters: in a script with case endings of its own,
        # Macedonian's "Америки", America, is Russian's genitive of Америка, read by its rules)
        rank = None if raw.specific or max(key) >= _LATIN_END else self.languages.foreign_name(key, lang)
        if rank is not None:
            return self._foreign(key, lang, rank, row, match)
        if not self.languages.core_name(key, lang):
            return False
        # at the head of a sentence, where its capital tells nothing, even a name the language
        # gives a town or unit (Dutch "Kent", "knows", is the English county's Dutch name too)
        kind, initial = self.index.places.kind[row], sentence_initial(text, raw.start)
        if self._tagged(key, lang, row) and not (initial and kind in ("city", "subdivision")):
            return False
        if not self._renowned(row):
            return True
        return kind == "city" and initial

    def _foreign(self, key: str, lang: str, rank: int, row: int, match: Match) -> bool:
        """Is ``key``, of ``lang``'s commonest words at ``rank``, a name of the place at ``row`` in
        other languages only, and a core word of ``lang`` or a name English does not write?"""
        names, folded, english = self.index.names, fold_key(key), key == normalize_name(match.place.name)
        for n in self._names(key, row):
            tags = word_lists(names.languages(n))  # "Beč" tagged Serbian and Croatian is Serbo-Croatian's
            if normalize_name(names.text[n]) == key:
                if tags <= {"und"} or lang in tags:
                    return False  # a name some source gives untagged, or the language's own
                english = english or "en" in tags
            elif lang in tags and rank >= _CORE and fold_key(normalize_name(names.text[n])) == folded:
                return False  # the language's name without its accents ("Egypte"), no core word
        return rank < _CORE or not english

    def _tagged(self, key: str, lang: str, row: int) -> bool:
        """Does a source tag ``lang`` on the name ``key`` of the place at ``row``?"""
        names = self.index.names
        return any(
            lang in word_lists(names.languages(n)) and normalize_name(names.text[n]) == key
            for n in self._names(key, row)
        )

    def _renowned(self, row: int) -> bool:
        """Is the place at ``row`` a country or the like, a city or a first-level unit of a million
        people: a place a reader knows by the name, whatever the language's word? (Narrower than
        :meth:`.Asking.renowned`, which counts a place of any kind of a million people, a unit below
        the first level too.)"""
        places = self.index.places
        kind = places.kind[row]
        if kind in MAJOR_KINDS:
            return True
        big = places.people[row] >= METROPOLIS
        return big and (kind == "city" or (kind == "subdivision" and places.top_level(row)))

    def _names(self, key: str, row: int) -> list[int]:
        """The names of the place at ``row`` filed under ``key``."""
        names = self.index.names
        return [n for n, _tier in self.index.keys.lookup(key) if names.place[n] == row]

    def _letters(self, raw: Raw, match: Match, told: Told) -> bool:
        """Is ``raw``, of one or two letters, a letter that only other languages than the text's
        name the place by, or two capitals that name a country in no language?"""
        surface, row = raw.query, self.index.row_of(match.place.id)
        if len(surface) == 2 and match.place.kind not in COUNTRY_KINDS:
            return False
        names = self.index.names
        spelled = [word_lists(names.languages(n)) for n in self._names(normalize_name(surface), row)]
        if len(surface) == 2:
            return all(tags <= {"und"} for tags in spelled)
        lang = told.language()
        return not any(lang in tags for tags in spelled)

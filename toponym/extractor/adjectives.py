"""A place's English names and demonyms, read from the index's name table without building them.

The linker asks whether a word is one of a country's English names ("Turkey" for Türkiye) and
whether it is an adjective made from one ("Israeli", "Serb"). A country has hundreds of names; the
answers need only the English ones, picked by their language code and type, once per place.
"""

from __future__ import annotations

from ..index import Index
from ..memo import BoundedMemo
from ..normalize import fold_key, normalize_name
from ..vocab import NAME_TYPES

__all__ = ["EnglishNames"]

#: How an English adjective or demonym is made from a country's English name: the name and an
#: ending ("Israeli", "Iraqi", "Indian", "Japanese"), the name less its last letter and an ending
#: ("German", "Italian", "Chinese"; a name less its last "s" or "n" alone: "Philippine", "Swede"),
#: or the name in "ia" less "ia"/"a" ("Serb", "Somali"). A name less another last letter is another
#: language's name of the country, no adjective ("Surinam", Turkish "Eritre").
_ADJ_AFTER = ("i", "n", "an", "ian", "ese", "ish")
_ADJ_INSTEAD = ("", "an", "ian", "ese", "ish")
_ADJ_SHORT = ("ia", "a")

#: A place's English names (any type), its English names that are no demonym, and its demonyms.
_Names = tuple[frozenset[str], tuple[str, ...], frozenset[str]]


class EnglishNames:
    """The English names of the places of one index (each place read on first use)."""

    def __init__(self, index: Index) -> None:
        self.index = index
        names = index.names
        # a name is English when one of its language tags is ("en", "en-GB"); an empty list of
        # tags reads as one empty tag, as ``PlaceName.langs`` does
        self._english = frozenset(
            code
            for code, tags in enumerate(names.langs)
            if "en" in tags and any(t.split("-")[0] == "en" for t in tags.split(","))
        )
        self._demonym = NAME_TYPES.index("demonym")
        self._memo: BoundedMemo[int, _Names] = BoundedMemo()

    def _of(self, row: int) -> _Names:
        found = self._memo.get(row)
        if found is None:
            names = self.index.names
            rows = self.index.places.names_of(row)
            lang, kind, english, demonym = names.lang, names.type_code, self._english, self._demonym
            texts = names.text.span(rows.start, rows.stop) if len(rows) > 8 else [names.text[n] for n in rows]
            every: list[str] = []
            plain: list[str] = []
            demonyms: list[str] = []
            for n, text in zip(rows, texts, strict=True):
                if kind[n] == demonym:
                    demonyms.append(text)
                if lang[n] in english:
                    every.append(text)
                    if kind[n] != demonym:
                        plain.append(text)
            found = self._memo.put(row, (frozenset(every), tuple(plain), frozenset(demonyms)))
        return found

    def is_english(self, row: int, name: str) -> bool:
        """Is ``name`` one of the English names of the place at ``row``?"""
        return name in self._of(row)[0]

    def named_otherwise(self, row: int, surface: str) -> bool:
        """Does English name the place at ``row`` otherwise than ``surface``, accents aside ("Bayern"
        is Bavaria)? ``False`` for a place with no English name."""
        every = self._of(row)[0]
        key = fold_key(normalize_name(surface))
        return bool(every) and all(fold_key(normalize_name(name)) != key for name in every)

    def adjective_in_english(self, row: int, surface: str) -> bool:
        """Is ``surface`` an English name of the place at ``row`` less its "a" and with an "e"
        ("Argentine" of Argentina: the adjective in English text, the country's name in French)?"""
        return surface.endswith("ine") and any(name == surface[:-1] + "a" for name in self._of(row)[1])

    def adjective(self, row: int, surface: str) -> bool:
        """Is ``surface`` an English adjective of a name of the place at ``row`` rather than one of
        its English names? (Some sources file "Israeli", "Serb" or "South African" as names of the
        country; in English text they are adjectives and people.)"""
        if not surface.isascii() or not surface[:1].isupper():
            return False
        _every, english, demonyms = self._of(row)
        if surface in demonyms:
            return True  # stored as the place's demonym (answered on request, never in text)
        if surface in english:
            return False
        for name in english:
            if len(name) < 4 or not name.isascii():
                continue
            if surface.startswith(name) and surface[len(name) :] in _ADJ_AFTER:
                return True
            ending = surface[len(name) - 1 :]
            if (
                surface.startswith(name[:-1])
                and ending in _ADJ_INSTEAD
                and surface != name
                and (ending or name.endswith(("s", "n")))
            ):
                return True
            if name.startswith(surface) and name[len(surface) :] in _ADJ_SHORT and name.endswith("ia"):
                return True  # "Somali"; not Turkish "Eritre" (Eritrea)
        return False

"""The table of languages the extractor reads (:class:`~toponym.extractor.language.Languages`):
each language's commonest words, to tell a text's language, and the countries where it is spoken."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..normalize import normalize_name

if TYPE_CHECKING:
    from ..index import Index

__all__ = ["compiled_languages", "core_names", "foreign_names", "word_list"]

#: The commonest words of each language read to tell it ("und", "der", "het", "les").
_WORDS = 100
#: How many of a language's commonest words are read as its words where another language's name of
#: a place spells one (Dutch "indien", "if", is German's India: :func:`foreign_names`).
FOREIGN_TOP = 5_000
#: How many of a language's commonest words are read as its words where a place elsewhere bears one
#: as its name in no language the text's (German "Ihren", "your", is a town of Ukraine: :func:`core_names`).
CORE_TOP = 1_000
#: Languages that tell nothing of where a text is about: English is written of every country.
_WORLD = frozenset({"en"})
#: CLDR's languages that one word list covers: wordfreq's "sh" is Serbo-Croatian, which CLDR
#: names Croatian, Serbian and Bosnian (where it is spoken).
_MACRO = {"hr": "sh", "sr": "sh", "bs": "sh"}


def word_list(lang: str) -> str:
    """The language of the word list that covers CLDR's language ``lang`` ("hr" -> "sh")."""
    return _MACRO.get(lang, lang)


def compiled_languages(frequent: Mapping[str, Sequence[str]], spoken: Mapping[str, Sequence[str]]) -> dict[str, object]:
    """What the build stores: each language's :data:`_WORDS` commonest words (``frequent``, in
    rank order) and the countries where it is spoken (``spoken``: territory -> languages)."""
    where: dict[str, list[str]] = {}
    for territory, langs in sorted(spoken.items()):
        for lang in dict.fromkeys(word_list(lang) for lang in langs):
            where.setdefault(lang, []).append(territory)
    return {
        "words": {lang: list(words[:_WORDS]) for lang, words in sorted(frequent.items())},
        # every language's, not only those told by their words: the case endings of a language with
        # no word list (Estonian, Kazakh) are read where it is spoken
        "spoken": {lang: where[lang] for lang in sorted(where) if lang not in _WORLD},
    }


def foreign_names(index: Index, frequent: Mapping[str, Sequence[str]]) -> dict[str, dict[str, int]]:
    """Per language: those of its :data:`FOREIGN_TOP` commonest words (``frequent``, normalised, in
    rank order) that a name of a place spells whose sources tag it with other languages only, and
    the word's rank ("indien" in Dutch, Danish and Swedish India; "para" Pará in French, Lithuanian
    and more). Untagged names tell nothing: a source gives them in no language."""
    table: dict[str, dict[str, int]] = {}
    for lang, ranked in sorted(frequent.items()):
        found: dict[str, int] = {}
        for rank, word in enumerate(ranked[:FOREIGN_TOP]):
            if any((tags := index.names.languages(n) - {"und"}) and lang not in tags for n in _spelling(index, word)):
                found[word] = rank
        if found:
            table[lang] = found
    return table


def core_names(index: Index, frequent: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Per language: those of its :data:`CORE_TOP` commonest words (``frequent``, normalised, in
    rank order) that some place's name spells ("ihren" in German; "engels" in Dutch, English,
    a Russian town)."""
    table: dict[str, list[str]] = {}
    for lang, ranked in sorted(frequent.items()):
        if found := [w for w in ranked[:CORE_TOP] if _spelling(index, w)]:
            table[lang] = found
    return table


def _spelling(index: Index, word: str) -> list[int]:
    """The stored names that spell ``word`` (normalised) exactly, not only under its key."""
    names = index.names
    return [n for n, _tier in index.keys.lookup(word) if normalize_name(names.text[n]) == word]

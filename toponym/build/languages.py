"""The table of languages the extractor reads (:class:`~toponym.extractor.language.Languages`):
each language's commonest words, to tell a text's language, and the countries where it is spoken."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

__all__ = ["compiled_languages", "word_list"]

#: The commonest words of each language read to tell it ("und", "der", "het", "les").
_WORDS = 100
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

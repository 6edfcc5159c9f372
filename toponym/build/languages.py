"""The table of languages the extractor reads (:class:`~toponym.extractor.language.Languages`):
each language's commonest words, to tell a text's language, and the countries where it is spoken."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from ..normalize import normalize_name
from ..vocab import word_list, word_lists

if TYPE_CHECKING:
    from ..index import Index

__all__ = ["compiled_languages", "core_names", "foreign_names"]

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
#: Serbian's Latin letters and digraphs in its Cyrillic, which is written letter for letter.
_SERBIAN_CYRILLIC = {
    "lj": "љ", "nj": "њ", "dž": "џ", "a": "а", "b": "б", "c": "ц", "č": "ч", "ć": "ћ", "d": "д", "đ": "ђ",
    "e": "е", "f": "ф", "g": "г", "h": "х", "i": "и", "j": "ј", "k": "к", "l": "л", "m": "м", "n": "н",
    "o": "о", "p": "п", "r": "р", "s": "с", "š": "ш", "t": "т", "u": "у", "v": "в", "z": "з", "ž": "ж",
}  # fmt: skip


def _serbian_cyrillic(word: str) -> str | None:
    """``word`` of the Serbo-Croatian list in Serbian Cyrillic; ``None`` where a letter has none."""
    out, i = [], 0
    while i < len(word):
        pair = word[i : i + 2]
        if pair in _SERBIAN_CYRILLIC:
            out.append(_SERBIAN_CYRILLIC[pair])
            i += 2
        elif word[i] in _SERBIAN_CYRILLIC:
            out.append(_SERBIAN_CYRILLIC[word[i]])
            i += 1
        else:
            return None
    return "".join(out)


def ranked(frequent: Mapping[str, Sequence[str]], lang: str) -> list[tuple[int, str]]:
    """``lang``'s commonest words with their ranks; Serbo-Croatian's in Serbian Cyrillic too, each
    at the rank of its Latin spelling (wordfreq lists Serbian in Latin letters only, and Serbian
    news is as often in Cyrillic: "ово", "this", is Owo in Nigeria by a Russian name)."""
    words = list(enumerate(frequent[lang]))
    if lang != "sh":
        return words
    twins = [(rank, twin) for rank, word in words if (twin := _serbian_cyrillic(word)) is not None]
    return sorted(words + twins, key=lambda item: item[0])


def compiled_languages(frequent: Mapping[str, Sequence[str]], spoken: Mapping[str, Sequence[str]]) -> dict[str, object]:
    """What the build stores: each language's :data:`_WORDS` commonest words (``frequent``, in
    rank order) and the countries where it is spoken (``spoken``: territory -> languages)."""
    where: dict[str, list[str]] = {}
    for territory, langs in sorted(spoken.items()):
        for lang in dict.fromkeys(word_list(lang) for lang in langs):
            where.setdefault(lang, []).append(territory)
    return {
        "words": {lang: [w for r, w in ranked(frequent, lang) if r < _WORDS] for lang in sorted(frequent)},
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
    for lang in sorted(frequent):
        found: dict[str, int] = {}
        for rank, word in ranked(frequent, lang):
            if rank < FOREIGN_TOP and any(
                (tags := word_lists(index.names.languages(n)) - {"und"}) and lang not in tags
                for n in _spelling(index, word)
            ):
                found[word] = rank
        if found:
            table[lang] = found
    return table


def core_names(index: Index, frequent: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """Per language: those of its :data:`CORE_TOP` commonest words (``frequent``, normalised, in
    rank order) that some place's name spells ("ihren" in German; "engels" in Dutch, English,
    a Russian town)."""
    table: dict[str, list[str]] = {}
    for lang in sorted(frequent):
        if found := [w for r, w in ranked(frequent, lang) if r < CORE_TOP and _spelling(index, w)]:
            table[lang] = found
    return table


def _spelling(index: Index, word: str) -> list[int]:
    """The stored names that spell ``word`` (normalised) exactly, not only under its key."""
    names = index.names
    return [n for n, _tier in index.keys.lookup(word) if normalize_name(names.text[n]) == word]

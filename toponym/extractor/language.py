"""The language a text is written in, told by its commonest words, and the countries that speak it.

A town of a few tens of thousands rarely stands alone in world news; in a text written in German,
Dutch or French it is most often the German, Belgian or Swiss town of that name ("in Zwickau",
"à Davos", "Ieper"). The build stores each language's commonest words (wordfreq) and the countries
where it is spoken (CLDR), in ``index.meta.extra``; :class:`Languages` reads them.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import chain

from ..index import Index

__all__ = ["META_KEY", "Languages", "Told"]

#: The key of the compiled table in ``index.meta.extra``.
META_KEY = "languages"
#: The start of a text read to tell its language: enough for a few dozen of its common words.
_HEAD = 2000
#: The distinct common words a text needs, and how many times as many as the next language's.
_ENOUGH, _AHEAD = 3, 1.5
_WORD = re.compile(r"\w+")
#: ASCII bytes in lower case, every byte that is no word character (``\w``) a space.
_ASCII_WORDS = bytes(ord(chr(b).lower()) if chr(b).isalnum() or b == ord("_") else 32 for b in range(128)) + bytes(
    range(128, 256)
)


class Languages:
    """Tells a text's language and the countries (index rows) that speak it."""

    def __init__(self, index: Index) -> None:
        stored = index.meta.extra.get(META_KEY) or {}
        listed = stored.get("words") or {}
        self._langs: dict[str, tuple[str, ...]] = {}
        for lang, words in sorted(listed.items()):
            for word in words:
                self._langs[word] = (*self._langs.get(word, ()), lang)
        self._words = frozenset(self._langs)
        self._listed = frozenset(listed)  # the languages with a word list
        self._foreign: dict[str, dict[str, int]] = stored.get("foreign") or {}
        self._core = {lang: frozenset(words) for lang, words in (stored.get("core") or {}).items()}
        #: Every word of either table: most names are none, and need no look at the text's language.
        self.word_names = frozenset().union(*self._foreign.values(), *self._core.values())
        ids = index.places.ids
        self._spoken = {
            lang: frozenset(r for r in (ids.row_of(t) for t in territories) if r >= 0)
            for lang, territories in (stored.get("spoken") or {}).items()
        }
        #: Countries some language that tells (not English) is spoken in: a town elsewhere needs
        #: no look at the text's language.
        self.homes = frozenset().union(*(rows for lang, rows in self._spoken.items() if lang in self._listed))

    def leading(self, text: str) -> tuple[str, ...]:
        """The language of which the start of ``text`` holds the most distinct common words, when
        it holds enough of them; with every other that holds nearly as many (Spanish and Catalan
        share most of their commonest words: "la", "de", "del", "un"; "do", "a", "i" are Polish,
        Czech, Slovak and more); else none."""
        return self.leading_of(self.common(text))

    def common(self, text: str) -> frozenset[str]:
        """The commonest words of any language that the start of ``text`` holds."""
        head = text[:_HEAD]
        if head.isascii():  # the same words, split at every other byte in C: twice as fast
            return self._words.intersection(head.encode().translate(_ASCII_WORDS).decode().split())
        return self._words.intersection(_WORD.findall(head.lower()))

    def leading_of(self, common: frozenset[str]) -> tuple[str, ...]:
        """:meth:`leading`, of a text's :meth:`common` words."""
        # each common word counts once for each language that has it: found and counted in C
        counts = Counter(chain.from_iterable(map(self._langs.__getitem__, common)))
        # in the order of the languages' codes where counts tie: the common words are a set, whose
        # order changes from process to process
        top = max(counts.values(), default=0)
        if top < _ENOUGH:
            return ()
        return tuple(sorted((lang for lang, n in counts.items() if top < _AHEAD * n), key=lambda x: (-counts[x], x)))

    def uses(self, common: frozenset[str], lang: str) -> bool:
        """Is one of a text's :meth:`common` words one of ``lang``'s? (A short text's hint of its
        language where :meth:`leading` tells none.) A language with no common words listed
        (Estonian, Kazakh) is not ruled out: its letters are all that tell it."""
        return lang not in self._listed or any(lang in self._langs[word] for word in common)

    def foreign_name(self, word: str, lang: str) -> int | None:
        """The rank among ``lang``'s commonest words of ``word`` (normalised) where only other
        languages' names of places spell it ("indien" in Dutch), else ``None``."""
        return self._foreign.get(lang, {}).get(word)

    def core_name(self, word: str, lang: str) -> bool:
        """Is ``word`` (normalised) one of ``lang``'s commonest words and some place's name?"""
        return word in self._core.get(lang, ())

    def language(self, text: str) -> str | None:
        """The language of ``text`` when one clearly leads (:meth:`leading`); else ``None``."""
        return self.told(self.leading(text))

    @staticmethod
    def told(leading: tuple[str, ...]) -> str | None:
        return leading[0] if len(leading) == 1 else None

    def homeland(self, text: str) -> frozenset[int]:
        """The countries that speak the language of ``text``, or either of two alike (none when
        English, or an unknown language, is one)."""
        return self.spoken(self.leading(text))

    def spoken(self, leading: tuple[str, ...]) -> frozenset[int]:
        """The countries that speak a language of ``leading`` (none when one is English, or
        unknown): a text in Spanish or Catalan is from where either is spoken."""
        where: list[frozenset[int]] = []
        for lang in leading:
            spoken = self._spoken.get(lang)
            if spoken is None:
                return frozenset()
            where.append(spoken)
        return frozenset().union(*where)

    def teller(self, text: str) -> Told:
        """The language of ``text`` and its countries, told on first need and then remembered."""
        return Told(self, text)


class Told:
    """One text's language, told once on first need (a text is read for it only if a rule asks)."""

    __slots__ = ("_common", "_languages", "_leading", "_text")

    def __init__(self, languages: Languages, text: str) -> None:
        self._languages, self._text = languages, text
        self._common: frozenset[str] | None = None
        self._leading: tuple[str, ...] | None = None

    def _words(self) -> frozenset[str]:
        if self._common is None:
            self._common = self._languages.common(self._text)
        return self._common

    def leading(self) -> tuple[str, ...]:
        if self._leading is None:
            self._leading = self._languages.leading_of(self._words())
        return self._leading

    def elsewhere(self, readers: frozenset[str]) -> bool:
        """Is the text told to be in a language none of ``readers`` (a rule group's) is?"""
        return bool(leading := self.leading()) and readers.isdisjoint(leading)

    def language(self) -> str | None:
        return self._languages.told(self.leading())

    def homeland(self) -> frozenset[int]:
        return self._languages.spoken(self.leading())

    def spoken(self, lang: str) -> frozenset[int]:
        """The countries that speak ``lang`` (whatever the text's language)."""
        return self._languages.spoken((lang,))

    def uses(self, lang: str) -> bool:
        """Does the text hold one of the commonest words of ``lang`` (:meth:`Languages.uses`)?
        Read from the words the language was told by, not the text again."""
        return self._languages.uses(self._words(), lang)

"""What to do with a candidate word, given the word after it: memoised, with memories of misses.

A word that is no key's first token is a miss (unless it could still be an inflected or misspelt
name). A word that starts keys of several words but is not a key itself ("The", "Isle") goes on
only if the word after it forms the start of a key ("The Hague"); a word and the word after it
that lead nowhere are a dead pair. Misses and dead pairs are remembered, as strings and (from the
vectorised scan) as hashes, so the scan dismisses them before any Python-level step; other
verdicts depend on the word and the next word only and are memoised.
"""

from __future__ import annotations

from typing import Final

from ..normalize import normalize_name
from .casing import Casing
from .lexicon import Lexicon
from .memo import MAX_MEMO, BoundedMemo
from .patterns import APOSTROPHES
from .vectorscan import HashSet

__all__ = ["ALONE", "ALONE_WORD", "HEADLINE", "LONGER", "SKIP", "UPPER", "Verdicts"]

# Verdicts are plain ints (the scan's inner loop tests them): one of SKIP, ALONE, ALONE_WORD,
# HEADLINE and LONGER, with UPPER added to ALONE or ALONE_WORD.
SKIP: Final = 0
"""Nothing to find here."""
ALONE: Final = 1
"""A mention of the word alone."""
ALONE_WORD: Final = 2
"""A mention of the word alone, which is an ordinary word when written in lower case."""
HEADLINE: Final = 4
"""A long word in capitals: the capitalisation policy is applied at its place in the text."""
LONGER: Final = 8
"""Look for the longest mention starting with the word."""
UPPER: Final = 16
"""Added to ALONE or ALONE_WORD for an acronym: dropped when glued to an identifier."""


class Verdicts:
    """The verdict memo and the memories of misses and dead pairs (strings and hashes)."""

    def __init__(self, lexicon: Lexicon, casing: Casing) -> None:
        self.lexicon = lexicon
        self.casing = casing
        # memories as dicts of strings: the garbage collector stops tracking them (a set it walks
        # at every full collection)
        self.miss: dict[str, None] = {}
        self.dead: dict[tuple[str, str | None], None] = {}
        self.miss_h = HashSet()  # hashes of the words of ``miss`` as written (see vector_scan)
        self.dead_h = HashSet()  # hashes of the dead pairs, with what separates them
        self.memo: BoundedMemo[tuple[str, str | None], int] = BoundedMemo()
        self._singles: BoundedMemo[str, int] = BoundedMemo()

    def _miss(self, low: str, hw: int | None) -> int:
        if len(self.miss) > MAX_MEMO:
            self.miss.clear()
            self.miss_h.clear()
        self.miss[low] = None
        if hw is not None:
            self.miss_h.add(hw)
        return SKIP

    def _dead(self, word: str, nxt: str | None, pair: int | None) -> int:
        if len(self.dead) > MAX_MEMO:
            self.dead.clear()
            self.dead_h.clear()
        self.dead[word, nxt] = None
        if pair is not None:
            self.dead_h.add(pair)
        return SKIP

    def _single(self, word: str) -> int:
        """ALONE, ALONE_WORD or SKIP for a word that is a key on its own, by the casing policy."""
        single = self._singles.get(word, -1)
        if single < 0:
            one = self.casing.raw(word, 0, len(word), word, 1)
            single = self._singles.put(word, 0 if one is None else ALONE_WORD if one.word else ALONE)
        return single

    def verdict(self, word: str, nxt: str | None, hw: int | None, pair: int | None) -> int:
        """What to do with the candidate ``word`` followed by ``nxt`` (see the module docstring)."""
        low = word.lower()
        if low in self.miss:
            if hw is not None:
                self.miss_h.add(hw)
            return SKIP
        if (word, nxt) in self.dead:
            if pair is not None:
                self.dead_h.add(pair)
            return SKIP
        ascii_word = word.isascii()
        if not ascii_word:
            low = normalize_name(word)
        code = self.lexicon.first[low]
        apostrophe = nxt in APOSTROPHES  # glued to the word: the peek gives it alone
        casing = self.casing
        if not code:
            # a miss unless a typo of a name (only the title-case form of ``low`` may be)
            if ascii_word and not apostrophe and not (casing.fuzzy_ok(word) and casing.fuzzy_hit(word)):
                return self._miss(low, hw)
            return self.memo.put((word, nxt), LONGER)
        if not ascii_word or apostrophe or (code != 3 and self.lexicon.pair(low, nxt)):
            return self.memo.put((word, nxt), LONGER)
        # the word alone is all there is (no key starts with it and the next word): whether it
        # stands depends on the word only, except for a long word in capitals (a headline) and an
        # acronym glued to an identifier, so a miss is remembered as a dead pair (``nxt`` holds
        # exactly what follows, so the pair decides alone)
        single = 0
        if code & 1:
            if word.isupper() and sum(map(str.isalpha, word)) >= 4:
                return self.memo.put((word, nxt), HEADLINE)
            single = self._single(word)
        if not single:
            return self._dead(word, nxt, pair)
        return self.memo.put((word, nxt), single | (UPPER if word.isupper() else 0))

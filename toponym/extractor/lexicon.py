"""The index's keys as the text scanner reads them: first tokens, word pairs, longest keys.

A table *first token → longest key in tokens*, built on first use from the key blob, bounds how far
a candidate is extended ("Russian Federation" over "Russian", "Kuril islands" over "Kuril");
n-grams are looked up from longest to shortest with the same :func:`~toponym.normalize.normalize_name`
policy that built the keys.
"""

from __future__ import annotations

import itertools
import threading
from bisect import bisect_left

from ..index import Index
from ..normalize import fold_key, normalize_name, translit_key
from .memo import BoundedMemo

__all__ = ["Lexicon", "token_key"]


def token_key(token: str) -> str:
    """A token as a key part: lower case for ASCII, normalised otherwise."""
    return token.lower() if token.isascii() else normalize_name(token)


class _FirstCodes(BoundedMemo[str, int]):
    """First token → (the most tokens a key starting with it has) << 1 | (is it a key itself), or 0
    when no key starts with it.

    Worked out on first use of a token, from the range of the sorted keys of several tokens that
    start with it and a lookup in the index (a table of every head, built up front, took most of
    a second).
    """

    __slots__ = ("_index", "_multi")

    def __init__(self, multi: tuple[str, ...], index: Index) -> None:
        super().__init__()
        self._multi, self._index = multi, index

    def __missing__(self, token: str) -> int:
        multi = self._multi
        lo = bisect_left(multi, token + " ")
        hi = bisect_left(multi, token + "!", lo)  # "!" follows " ": the keys "token ..." end here
        n = max(map(str.count, multi[lo:hi], itertools.repeat(" "))) + 1 if hi > lo else 0
        code = (max(n, 1) << 1 | 1) if token in self._index.keys else n << 1
        return self.put(token, code)


class Lexicon:
    """Key lookups for the scanner, each memoised."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._multi: tuple[str, ...] | None = None
        self._first: _FirstCodes | None = None
        self._lock = threading.Lock()
        self._pairs: BoundedMemo[tuple[str, str], bool] = BoundedMemo()
        self._longest: BoundedMemo[tuple[tuple[str, ...], int], tuple[int, bool]] = BoundedMemo()

    @property
    def first(self) -> _FirstCodes:
        """First token → ``max tokens << 1 | is a key`` (see :class:`_FirstCodes`)."""
        if self._first is None:
            with self._lock:
                if self._first is None:
                    self._first = _FirstCodes(self.multi, self.index)
        return self._first

    @property
    def multi(self) -> tuple[str, ...]:
        """Every key of two tokens or more, sorted: the keys that start with a prefix are a range.

        One decode of the key blob, a filter and a sort, all in C; a tuple of strings, which the
        garbage collector stops tracking (a full collection walked the 300,000 entries of a list:
        25 ms instead of 5).
        """
        if self._multi is None:
            names = self.index.keys.text.decode_rows()
            multi = list(itertools.compress(names, map(str.__contains__, names, itertools.repeat(" "))))
            del names
            multi.sort()
            self._multi = tuple(multi)
        return self._multi

    def has_key(self, key: str) -> bool:
        """Is ``key`` (or its folded or transliterated form) a key of the index?"""
        keys = self.index.keys
        if key in keys:
            return True
        if key.isascii():
            return False
        folded = fold_key(key)
        if folded in keys:
            return True
        trans = translit_key(folded)
        return trans is not None and trans != folded and trans in keys

    def starts_key(self, prefix: str) -> bool:
        """Is ``prefix`` a key of several tokens, or its start followed by a space?"""
        multi = self.multi
        i = bisect_left(multi, prefix)
        if i < len(multi) and multi[i] == prefix:
            return True
        longer = prefix + " "
        i = bisect_left(multi, longer, i)
        return i < len(multi) and multi[i].startswith(longer)

    def pair(self, a: str, b: str | None) -> bool:
        """Does some key start with the two tokens ``a b`` (or their folded or possessive-less forms)?"""
        if not b:
            return False
        found = self._pairs.get((a, b))
        if found is None:
            low = token_key(b)
            found = self.starts_key(f"{a} {low}")
            if not found and low.endswith("'s"):
                found = self.starts_key(f"{a} {low[:-2]}")
            if not found and not (a.isascii() and low.isascii()):
                found = self.starts_key(fold_key(f"{a} {low}"))
            self._pairs.put((a, b), found)
        return found

    def longest(self, tokens: tuple[str, ...], alone: int) -> tuple[int, bool]:
        """How many of ``tokens`` form the longest key (0: none), and whether only without a
        possessive "'s" on the last one ("South Korea's"). ``alone``: the first token is a key."""
        memo_key = (tokens, alone)
        found = self._longest.get(memo_key)
        if found is None:
            found = self._longest.put(memo_key, self._longest_key(tokens, alone))
        return found

    def _longest_key(self, tokens: tuple[str, ...], alone: int) -> tuple[int, bool]:
        for n in range(len(tokens), 0, -1):
            key = " ".join(tokens[:n])
            if (n > 1 or alone) and self.has_key(key):
                return n, False
            if n > 1 and key.endswith("'s") and self.has_key(key[:-2]):
                return n, True
        return 0, False

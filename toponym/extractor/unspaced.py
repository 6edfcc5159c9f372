"""Scripts without spaces (Han, kana, Thai, ...) and Hangul: the longest stored name at each position.

Guards against fragments come from ``lexicons/cjk.toml`` (see :func:`whole_word`). Hangul words take
particles, so a Hangul key must start a word and may be followed by anything.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from collections.abc import Container, Iterator
from operator import not_

from ..charclass import HANGUL_RANGES, UNSPACED_RANGES, is_han, is_hangul, is_katakana
from ..index import Index
from ..normalize import HAN_FOLD
from .patterns import class_of
from .raw import Raw
from .wordlists import cjk

__all__ = ["Unspaced", "whole_word"]

#: Longest CJK key tried at one position; longer names are rare and would slow the scan.
_CJK_MAX = 16


@functools.cache
def _cjk_key() -> re.Pattern[str]:
    """A key that the scan of scripts without spaces looks for."""
    return re.compile(f"[{class_of([*UNSPACED_RANGES, *HANGUL_RANGES])}]{{2,{_CJK_MAX}}}")


def whole_word(run: str, i: int, j: int, hangul: bool, keys: Container[str]) -> bool:
    """Guards against fragments for a key found at ``run[i:j]`` of a run without spaces.

    * Hangul: the key starts its word (checked by the caller) and may carry particles after it.
    * Katakana names must not continue a longer katakana word on either side (ロシア in
      ベラロシア would be a fragment).
    * A word-forming character right after the key makes another word (日本語, ロシア人).
    * A Han key glued to Han on the left is accepted only if it is long (≥ 3) or ends in a
      place suffix (島, 県, 市, ...); glued on the right only if it ends in such a suffix, is
      long, or is followed by a word that commonly follows a place name (政府, 首相, 沖, ...).
    """
    if hangul:
        return True
    words = cjk()
    piece = run[i:j]
    before = run[i - 1] if i > 0 else ""
    after = run[j] if j < len(run) else ""
    if after in words.word_forming:
        return False
    if piece[-1] in words.word_forming and len(piece) > 2 and piece[:-1] in keys:
        return False  # 日本語 and 日本人 are stored as names by some sources; they are words
    if is_katakana(piece[0]) and before and is_katakana(before):
        return False
    if is_katakana(piece[-1]) and after and is_katakana(after):
        return False
    suffixed = piece[-1] in words.suffix
    if (
        before
        and is_han(before)
        and is_han(piece[0])
        and before not in words.leaders
        and not (suffixed or len(piece) >= 3)
    ):
        return False
    if after and is_han(after) and is_han(piece[-1]):
        if suffixed or len(piece) >= 3:
            return True
        rest = run[j:]
        return any(rest.startswith(w) for w in words.followers)
    return True


class Unspaced:
    """Keys written wholly in scripts without spaces, and the scan of runs of them."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self._table: tuple[dict[str, None], tuple[int, ...]] | None = None
        self._lock = threading.Lock()

    def table(self) -> tuple[dict[str, None], tuple[int, ...]]:
        """The keys and their lengths (longest first); built on the first text that has such characters."""
        if self._table is None:
            with self._lock:
                if self._table is None:
                    names = self.index.keys.text.decode_rows()
                    candidates = itertools.compress(names, map(not_, map(str.isascii, names)))
                    keys = dict.fromkeys(filter(_cjk_key().fullmatch, candidates))
                    self._table = keys, tuple(sorted({len(k) for k in keys}, reverse=True))
        return self._table

    def scan(self, run: str, base: int) -> Iterator[Raw]:
        """Longest keys in a run of a script without spaces (``run`` starts at ``base``)."""
        original = run
        keys, lengths = self.table()
        if not keys:
            return
        # one form per Han character, as the keys have it (臺灣 is looked up as 台湾); the fold
        # maps a character to a character, so offsets in ``run`` stay those of the text
        run = run.translate(HAN_FOLD)
        i = 0
        hangul = is_hangul(run[0])
        while i < len(run) - 1:
            found = 0
            for length in lengths:
                if i + length > len(run):
                    continue
                piece = run[i : i + length]
                if piece in keys and whole_word(run, i, i + length, hangul, keys):
                    found = length
                    break
            if found:
                yield Raw(base + i, base + i + found, original[i : i + found], specific=True)
                i += found
            else:
                i += 1
            if hangul:  # a Hangul key must start its word: only position 0 of a run
                break

"""The vectorised word scan: long text split into candidate words with numpy instead of a regex.

One byte of character code per BMP code point says what the regex's character classes say, the
word starts and ends come from a few array operations, and each word gets a 64-bit polynomial hash
from a prefix sum. Known misses and dead pairs are remembered as hashes too and dismissed in the
same array operations, so on ordinary prose the words that cost a Python step are only those not
seen before and the names themselves. The result is the regex scan's, word for word
(tests/unit/test_extract_scan.py compares the two).
"""

from __future__ import annotations

import functools
import os
import re
from typing import TYPE_CHECKING

from ..charclass import HANGUL_RANGES, UNSPACED_RANGES
from .patterns import start_ranges

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["UNKNOWN", "VECTOR_MAX", "VECTOR_MIN", "Candidates", "HashSet", "vector_scan"]

#: Character codes, in an order that makes the tests ranges: up to ``_SEPCH`` a character may stand
#: before a word start, from ``_WORD`` on it is a word character (``\w``). ``_SPACE`` to ``_SEPCH``
#: are the characters a separator of two words of a name (``_SEP``) starts with.
_OTHER, _SPACE, _TAB, _NEWLINE, _HYPHEN, _SEPCH, _DOT, _IDENT, _APOSCH, _WORD, _START = range(11)
#: Added to the code of a character of a script without spaces (the class of ``_Patterns.unspaced``).
_UNSPACED_BIT = 16
#: Chunks of this many characters or more are split with numpy: below, its fixed cost per call (some
#: 60 array operations) outweighs the regex (the two cross between 16 and 24 K characters of English
#: prose); longer than ``VECTOR_MAX`` (text without spaces) they go to the regex, which keeps memory
#: bounded.
VECTOR_MIN = 20_000
VECTOR_MAX = 1 << 19
#: Words (or word pairs) longer than this are never dismissed by hash: polynomial hashes are
#: weakest on long strings.
_HASH_MAX = 48
_HASH_BASE = int.from_bytes(os.urandom(8), "little") | 1  # odd: invertible modulo 2**64
_HASH_LEN = 0x9E3779B97F4A7C15
_HASH_ALONE = 0xD1B54A32D192ED03  # marks "the word, with no word after it"
_HASH_SLOT = 0xBF58476D1CE4E5B9
#: The next word of a candidate whose separator the vectorised scan leaves to the peek regex.
UNKNOWN = "\x00"
#: Candidate words as columns: the words, their starts and ends in the text, the next words, the
#: words' hashes and the pairs' hashes (``None``: not known, in the regex scan or after an
#: unusual separator).
Candidates = tuple[list[str], list[int], list[int], list[str | None], list[int | None], list[int | None]]


@functools.cache
def _char_codes() -> NDArray[np.uint8]:
    """The code of every BMP code point (see ``_OTHER`` ... ``_START``), as the regexes read them."""
    import numpy as np

    codes = np.zeros(0x10000, dtype=np.uint8)
    for chars, code in (
        (" ", _SPACE),
        ("\t", _TAB),
        ("\n", _NEWLINE),
        ("-\u2010\u2011", _HYPHEN),
        ("\u00a0\u2009\u202f\r", _SEPCH),
        (".", _DOT),
        ("/\\@#$=", _IDENT),
        ("'’ʼ", _APOSCH),
    ):
        codes[[ord(ch) for ch in chars]] = code
    bmp = "".join(map(chr, range(0x10000)))
    for m in re.finditer(r"\w+", bmp):
        codes[m.start() : m.end()] = _WORD
    for a, b in start_ranges():
        codes[a : b + 1] = _START
    for a, b in (*UNSPACED_RANGES, *HANGUL_RANGES):
        if b < 0x10000:
            codes[a : b + 1] |= _UNSPACED_BIT
    return codes


@functools.cache
def _hash_powers() -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Powers of the hash base and of its inverse modulo 2**64, enough for the longest chunk."""
    import numpy as np

    out = []
    for base in (_HASH_BASE, pow(_HASH_BASE, -1, 1 << 64)):
        p = np.full(VECTOR_MAX + 2, base, dtype=np.uint64)
        p[0] = 1
        out.append(np.cumprod(p))  # wraps modulo 2**64
    return out[0], out[1]


class HashSet:
    """A set of word hashes, with an open-addressing table of them for a vectorised lookup."""

    __slots__ = ("_table", "items")

    def __init__(self) -> None:
        self.items: dict[int, None] = {}  # a dict of numbers: not tracked by the garbage collector
        # the table and the shift that takes a mixed hash to its slot: one attribute, so that a
        # thread never reads one table with another's shift
        self._table: tuple[NDArray[np.uint64], int] | None = None

    def add(self, h: int) -> None:
        self.items[h] = None
        self._table = None

    def clear(self) -> None:
        self.items.clear()
        self._table = None

    @staticmethod
    def _slots(values: NDArray[np.uint64], shift: int) -> NDArray[np.intp]:
        import numpy as np

        # the top bits after a multiplication by an odd constant: the low bits count too (the
        # hashes of one-letter words differ only there)
        return ((values * np.uint64(_HASH_SLOT)) >> np.uint64(shift)).astype(np.intp)

    def contains(self, values: NDArray[np.uint64]) -> NDArray[np.bool_]:
        """Which of ``values`` are in the set (0 never is: it marks an empty slot)."""
        import numpy as np

        table, shift = self._table or self._build()
        slot = self._slots(values, shift)
        got = table[slot]
        found = got == values
        pending = np.flatnonzero(~found & (got != 0))  # a slot taken by another value: probe on
        while len(pending):
            slot[pending] += 1
            got = table[slot[pending]]
            hit = got == values[pending]
            found[pending[hit]] = True
            pending = pending[~hit & (got != 0)]
        found &= values != 0
        return found  # type: ignore[no-any-return]

    def _build(self) -> tuple[NDArray[np.uint64], int]:
        import numpy as np

        values = np.array(list(self.items), dtype=np.uint64)  # list(): one step under the GIL
        bits = max(10, (8 * len(values)).bit_length())  # load at most 1/8: probes stay short
        shift = 64 - bits
        # room to probe past the end; no value lands more than 63 slots after its own, so a
        # lookup meets an empty slot before the end
        table = np.zeros((1 << bits) + 64, dtype=np.uint64)
        slot = self._slots(values, shift)
        probes = 0
        while len(values):
            if probes == 64:  # pragma: no cover - needs a clustering a multiplicative hash does not make
                raise RuntimeError("hash table overflow")
            free = table[slot] == 0
            table[slot[free]] = values[free]  # of several values for one slot, one lands
            placed = table[slot] == values
            values, slot = values[~placed], slot[~placed] + 1
            probes += 1
        self._table = table, shift
        return table, shift


def _codes(chunk: str) -> tuple[NDArray[np.uint16] | NDArray[np.uint32], NDArray[np.uint8], bool]:
    """The code units of ``chunk``, their character codes (see ``_OTHER`` ... ``_START``), and
    whether it has characters of a script without spaces."""
    import numpy as np

    n = len(chunk)
    data = chunk.encode("utf-16-le", "surrogatepass")
    units: NDArray[np.uint16] | NDArray[np.uint32]
    if len(data) == 2 * n:
        units = np.frombuffer(data, dtype=np.uint16)
        c = _char_codes().take(units)
    else:  # characters outside the BMP: one unit each in UTF-32, and their codes worked out here
        units = np.frombuffer(chunk.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        c = _char_codes().take(np.minimum(units, 0xFFFF))
        astral = np.flatnonzero(units > 0xFFFF)
        # a word character or not (the start class and the unspaced class hold BMP code points only)
        c[astral] = [_WORD if chr(cp).isalnum() else _OTHER for cp in units[astral].tolist()]
    unspaced = bool(c.max() >= _UNSPACED_BIT)
    if unspaced:
        c &= _UNSPACED_BIT - 1
    return units, c, unspaced


def _starts(c: NDArray[np.uint8]) -> NDArray[np.intp]:
    """Word starts, as the lookbehinds of the start regex: not after a word character or an
    apostrophe; after "./\\@#$=" only if that is not glued to a word."""
    import numpy as np

    s = np.flatnonzero(c == _START)
    before = c[s - 1]  # (at s = 0 the last character, and c[s - 2] below at s = 1: ruled out after)
    ok = (before <= _SEPCH) | (s == 0)
    glued = (before == _DOT) | (before == _IDENT)
    ok[glued] = (c[s[glued] - 2] < _WORD) | (s[glued] < 2)
    return s[ok]  # type: ignore[no-any-return]


def _followers(
    c: NDArray[np.uint8], breaks: NDArray[np.intp], s: NDArray[np.intp], e: NDArray[np.intp], length: NDArray[np.intp]
) -> tuple[NDArray[np.bool_], NDArray[np.bool_], NDArray[np.intp], NDArray[np.intp]]:
    """What the peek regex finds after each word, in the common cases (its alternatives, tried in
    order, decided by the next three characters): the word after one space, a line break or a
    hyphen, or after ". " or "- "; a glued apostrophe; or nothing. The rest is left to the regex.

    Returns which words are known to stand alone, which are known to be followed by the next word
    ``text[ns:ne]`` (the apostrophe alone when glued), and ``ns``, ``ne``.
    """
    import numpy as np

    n = len(c)
    inside = e + 3 <= n
    at = np.minimum(e, n - 3)
    a1, a2, a3 = c[at], c[at + 1], c[at + 2]
    word2, word3 = a2 >= _WORD, a3 >= _WORD
    blank2 = (a2 == _SPACE) | (a2 == _TAB)
    blank3 = (a3 == _SPACE) | (a3 == _TAB)
    space, newline, hyphen, dot = a1 == _SPACE, a1 == _NEWLINE, a1 == _HYPHEN, a1 == _DOT
    apostrophe = inside & (a1 == _APOSCH)
    one = (space | newline | hyphen) & word2  # the next word starts at e + 1
    two = (dot | hyphen) & blank2 & word3  # ... at e + 2
    alone = (a1 == _OTHER) | (a1 == _IDENT)
    alone |= space & ((a2 == _OTHER) | ((a2 >= _DOT) & (a2 <= _APOSCH)))
    alone |= dot & ~(blank2 & (word3 | blank3))
    alone |= newline & ~blank2 & ~word2
    alone |= hyphen & ~word2 & ~(blank2 & word3)
    alone &= inside & (length <= _HASH_MAX)
    ns = np.where(apostrophe, e, e + 1 + two)
    ne = breaks[np.minimum(np.searchsorted(breaks, np.minimum(ns, n)), len(breaks) - 1)]
    ne[apostrophe] = e[apostrophe] + 1
    # an apostrophe after the next word may extend it ("d'Ivoire"): left to the regex
    followed = inside & (((one | two) & (c[np.minimum(ne, n - 1)] != _APOSCH)) | apostrophe)
    followed &= ne - s <= _HASH_MAX
    return alone, followed, ns, ne


def vector_scan(chunk: str, lo: int, misses: HashSet, deads: HashSet) -> tuple[Candidates, bool] | None:
    """The candidate words of ``chunk`` (at ``lo`` in the text) that are not known misses or dead
    pairs (:data:`Candidates`), and whether the chunk has characters of a script without spaces
    (``None`` for fewer than three characters).

    The next word is what the peek regex would give, or :data:`UNKNOWN` when the separator is
    unusual; the pair hash is ``None`` then (the pair is checked by its strings only).
    """
    import numpy as np

    n = len(chunk)
    if n < 3:
        return None
    units, c, unspaced = _codes(chunk)
    s = _starts(c)
    empty: Candidates = ([], [], [], [], [], [])
    if not len(s):
        return empty, unspaced
    breaks = np.append(np.flatnonzero(c < _WORD), n)
    e = breaks[np.searchsorted(breaks, s)]
    # the hash of text[i:j] is (prefix[j] - prefix[i]) / base**i (a polynomial in the base, modulo
    # 2**64), plus the length; one pass over the chunk costs less than one over its words
    powers, inverses = _hash_powers()
    prefix = np.empty(n + 1, dtype=np.uint64)
    prefix[0] = 0
    np.multiply(units, powers[:n], out=prefix[1:])
    np.cumsum(prefix[1:], out=prefix[1:])
    length = e - s
    h = (prefix[e] - prefix[s]) * inverses[s] + length.astype(np.uint64) * np.uint64(_HASH_LEN)
    if misses.items:
        keep = (length > _HASH_MAX) | ~misses.contains(h)
        if not keep.all():
            s, e, h, length = s[keep], e[keep], h[keep], length[keep]
            if not len(s):
                return empty, unspaced
    alone, followed, ns, ne = _followers(c, breaks, s, e, length)
    known = alone | followed
    pair = np.where(
        alone,
        h ^ np.uint64(_HASH_ALONE),
        (prefix[ne] - prefix[s]) * inverses[s] + (ne - s).astype(np.uint64) * np.uint64(_HASH_LEN),
    )
    if deads.items:
        keep = ~(known & deads.contains(pair))
        if not keep.all():
            s, e, h, pair = s[keep], e[keep], h[keep], pair[keep]
            known, alone, ns, ne = known[keep], alone[keep], ns[keep], ne[keep]
    sl, el = s.tolist(), e.tolist()
    knowns = known.tolist()
    nexts = [
        (None if al else chunk[a:b]) if kn else UNKNOWN
        for kn, al, a, b in zip(knowns, alone.tolist(), ns.tolist(), ne.tolist(), strict=True)
    ]
    return (
        list(map(chunk.__getitem__, map(slice, sl, el))),
        [lo + i for i in sl],
        [lo + j for j in el],
        nexts,
        h.tolist(),
        [p if kn else None for p, kn in zip(pair.tolist(), knowns, strict=True)],
    ), unspaced

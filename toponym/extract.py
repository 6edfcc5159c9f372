"""Extractor: running text → place mentions with exact ``str`` offsets, each linked to a place.

Why it is built this way (details in docs/text.md):

* **Speed without a per-token resolver call.** Only word *starts* that can begin a mention in a
  cased script (an upper-case letter not glued to a preceding word) or any word of a caseless
  spaced script (Arabic, Devanagari, Georgian, ...) are candidates. Long text is split into them
  with numpy (:func:`_vector_scan`: a byte of character class per code point, a 64-bit hash per
  word from one prefix sum), short text with one regex; either way, words and word pairs already
  known to lead nowhere are dismissed before any Python-level step, and the verdict on a word and
  the word after it is memoised, so ordinary prose costs a few array operations per 128 K
  characters and a name costs one dict lookup and its mention.
* **Longest match over index keys.** A table *first token → longest key in tokens*, built on first
  use from :attr:`Index.keys` (one decode of the key blob), bounds how far a candidate is extended ("Russian Federation" over
  "Russian", "Kuril islands" over "Kuril"); n-grams are looked up from longest to shortest with
  the same :func:`~toponym.normalize.normalize_name` policy that built the keys.
* **Capitalisation is evidence in cased scripts.** Lower-case words never start a mention
  ("nice", "us"); an all-capitals short token must match a stored name letter for letter ("US");
  a capitalised dictionary word that names a minor place ("Reading", "Split") needs support from
  the other places of the same text, like the stop entries of ``policy.toml``.
* **Scripts without spaces** (Han, kana, Thai, ...) are scanned for the longest key at each
  position, with guards against fragments (see :func:`_cjk_ok`). Hangul words take particles, so
  a Hangul key must start a word and may be followed by anything.
* **Russian case forms** (в Москве, на Курилах, Японии) are mapped back to stored nominatives by
  replacing common endings (:data:`_RU_ENDINGS`); such matches report ``method="inflected"``.
* **Document context.** Ambiguous names ("Georgia", "Washington") are resolved in a second pass
  with :meth:`Resolver.resolve_in_context`, using every confidently resolved place of the text.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
import sys
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Container, Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from operator import not_
from typing import TYPE_CHECKING, cast

from rapidfuzz.distance import OSA

from ._make import make_mention
from .index import Index
from .model import Match, Mention
from .normalize import HAN_FOLD, fold_key, normalize_name, translit_key
from .resolve import MAJOR_KINDS, Resolver

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["Extractor", "render"]

#: Scripts written without spaces: scanned character by character (Hangul is handled apart).
_UNSPACED_RANGES = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3005, 0x3007),  # 々 〆 〇
    (0x3040, 0x30FF),  # hiragana, katakana (incl. ー)
    (0x31F0, 0x31FF),
    (0x3400, 0x4DBF),  # Han
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0xFF66, 0xFF9F),  # half-width katakana
    (0x20000, 0x323AF),
)
_HANGUL_RANGES = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_MAX_MEMO = 200_000
#: Characters of text split into words at a time by :meth:`Extractor._scan_spaced`.
_CHUNK = 1 << 17
_group = re.Match.group
#: Texts up to this long are first checked as a whole against the known misses (one findall and
#: one set operation in C); longer texts would rarely pass, so they go straight to the scan.
_GATE_MAX = 4096
#: A single-word city needs this population to stand alone in text (geotext uses 15,000 and is
#: noisy; a city that small rarely appears without its region or country nearby).
#: "Nice, France", "Paris (Texas)": the text between a place and the place that contains it.
_APPOSITION = re.compile(r"\s*,\s*|\s*\(\s*|\s+in\s+")
_COUNTRY_KINDS = frozenset({"country", "territory", "former-country"})
#: "U.S.", "U.A.E.": capitals each followed by a dot, not glued to a word on either side.
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?![\w])")
_DOTTED_HINT = re.compile(r"\.[A-Z]\.")
#: What follows an acronym that is part of an identifier ("US-ASCII", "UK_2"); "US-led" is a name.
_CODE_NEIGHBOUR = re.compile(r"[-_/.][A-Z0-9]")
_UNTAGGED_ALONE = 1_000_000  # population from which a city stands on an untagged alternate name
_CITY_ALONE = 100_000
#: A multi-word city name is more specific: this population is enough.
_CITY_ALONE_MULTI = 20_000
#: Verdicts on a candidate word and the word after it (:meth:`Extractor._verdict`): nothing; a
#: mention of the word alone (``_ALONE_WORD``: an ordinary word when in lower case), to be dropped
#: if ``_UPPER`` and glued to an identifier; the capitalisation policy to apply at the place (a
#: word in capitals); the longest mention starting with the word to look for.
_SKIP, _ALONE, _ALONE_WORD, _HEADLINE, _LONGER, _UPPER = 0, 1, 2, 4, 8, 16
#: Longest CJK key tried at one position; longer names are rare and would slow the scan.
_CJK_MAX = 16


def _with_folded(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` and the form each folds to: the scan reads runs with Han characters folded to one
    form (see :func:`toponym.normalize.fold_key`), so the guards must know both."""
    return tuple(dict.fromkeys(w for word in words for w in (word, word.translate(HAN_FOLD))))


#: Han characters that end a place name of their own kind: a match ending in one is a whole word.
_CJK_SUFFIX = frozenset(_with_folded(tuple("島県市州省区都府道町村郡湾海峡川江山岬半列諸国")))
#: What turns a country or city name into another word (language, people, style, product).
_CJK_WORD_FORMING = frozenset(_with_folded(tuple("語人風製産系式")))
#: Han characters that commonly stand right before a place name in Chinese and Japanese
#: running text (prepositions, conjunctions, verbs of going and meeting): "在北京", "到上海",
#: "和东京", "访问东京", "会见日本".
_CJK_LEADERS = frozenset(_with_folded(tuple("在到从從于於和与與及对對赴往自向经經由至离離了问問达達回见見")))
#: Words that commonly follow a place name in Japanese and Chinese news without a particle.
_CJK_FOLLOWERS = _with_folded(
    (
        "的",
        "和",
        "并",
        "並",
        "与",
        "與",
        "及",
        "会见",
        "會見",
        "举行",
        "舉行",
        "访问",
        "訪問",
        "表示",
        "发生",
        "發生",
        "召开",
        "召開",
        "时间",
        "時間",
        "政府",
        "側",
        "首相",
        "外相",
        "外務",
        "大統領",
        "軍",
        "国内",
        "国境",
        "近海",
        "沖",
        "周辺",
        "北部",
        "南部",
        "東部",
        "西部",
        "当局",
        "領",
        "全土",
        "経済",
        "政权",
        "总统",
        "外交",
        "代表",
        "大使",
        "国民",
        "議会",
    )
)

#: Russian endings and the nominative endings they may stand for (adjectives first: longest first).
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ыми", ("ые", "ый")),
    ("ими", ("ие", "ий")),
    ("ого", ("ый", "ое", "ой")),
    ("его", ("ий", "ее")),
    ("ому", ("ый", "ое", "ой")),
    ("ему", ("ий", "ее")),
    ("ией", ("ия",)),
    ("ами", ("ы", "и", "а", "")),
    ("ями", ("и", "я", "ь")),
    ("ых", ("ые", "ый", "ая", "ое")),
    ("их", ("ие", "ий", "яя", "ее")),
    ("ым", ("ый", "ые", "ое")),
    ("им", ("ий", "ие")),
    ("ой", ("ая", "ый", "ой", "а", "")),
    ("ей", ("яя", "я", "ь", "ия")),
    ("ую", ("ая",)),
    ("юю", ("яя",)),
    ("ах", ("ы", "и", "а", "")),
    ("ях", ("и", "я", "ь")),
    ("ам", ("ы", "и", "а", "")),
    ("ям", ("и", "я", "ь")),
    ("ом", ("", "о", "а", "ое", "ый", "ой")),
    ("ем", ("ь", "й", "е", "")),
    ("ии", ("ия", "ий", "ие")),
    ("ию", ("ия",)),
    ("ою", ("а",)),
    ("ею", ("я",)),
    ("ов", ("ы", "", "а")),
    ("ев", ("и", "ь", "й")),
    ("е", ("а", "я", "", "о", "ь", "й")),
    ("и", ("а", "я", "ь", "ы")),
    ("у", ("", "а", "о")),
    ("ю", ("я", "ь", "й")),
    ("а", ("", "о")),
    ("я", ("ь", "й", "е")),
    ("ы", ("а",)),
    ("", ("ы", "и", "а")),
)
_RU_MIN_STEM = 3
_INFLECTED_SCORE = 92.0
#: Kinds whose names stand alone in text even when they are also ordinary words.
_STRONG_KINDS = MAJOR_KINDS
#: Fuzzy matching in text: only long, title-case, non-dictionary tokens, and only these kinds.
_FUZZY_MIN_LEN = 8
_FUZZY_KINDS = frozenset({"country", "territory", "subdivision", "island", "island-group", "region", "sea", "ocean"})


def _class(ranges: list[tuple[int, int]]) -> str:
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" if a != b else re.escape(chr(a)) for a, b in ranges)


def _ranges(pred: object, stop: int = 0x32400) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = prev = -2
    for cp in range(stop):
        if pred(chr(cp)):  # type: ignore[operator]
            if cp != prev + 1:
                if start >= 0:
                    out.append((start, prev))
                start = cp
            prev = cp
    if start >= 0:
        out.append((start, prev))
    return out


def _in(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= cp <= b for a, b in ranges)


def _is_unspaced(ch: str) -> bool:
    return _in(ord(ch), _UNSPACED_RANGES)


def _is_hangul(ch: str) -> bool:
    return _in(ord(ch), _HANGUL_RANGES)


def _is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000 or cp in (0x3005, 0x3006)


def _is_katakana(ch: str) -> bool:
    cp = ord(ch)
    return 0x30A0 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F


@dataclass(frozen=True, slots=True)
class _Patterns:
    start: re.Pattern[str]
    """A word that may start a mention (for the C-level gate: ``findall`` gives plain strings)."""
    split: re.Pattern[str]
    """``start`` in a group, for ``split``: the text between words, and the words."""
    peek: re.Pattern[str]
    """Matched right after a word: in group 1 the next word (with an apostrophe part), or the
    apostrophe glued to the word ("Martha's"), or ``None`` (so that a word with its group 1 tells
    all that decides whether a word that may only start a longer key goes anywhere)."""
    unspaced: re.Pattern[str]


def _starts_word(ch: str) -> bool:
    """May ``ch`` start a mention in a spaced script?"""
    if not ch.isalpha() or _is_unspaced(ch) or _is_hangul(ch):
        return False
    # upper or title case, or a letter of a caseless script (lower() is upper() is itself)
    return ch.isupper() or ch.istitle() or (ch.lower() == ch and ch.upper() == ch)


@functools.cache
def _start_ranges() -> tuple[tuple[int, int], ...]:
    # BMP only: sre turns a BMP class into a bitmap, a class with astral ranges into a slow list
    # of ranges (80 MB/s against 1 MB/s); letters outside the BMP rarely start a place name.
    return tuple(_ranges(_starts_word, 0x10000))


@functools.cache
def _patterns() -> _Patterns:
    """The tokenizer regexes, built once from Unicode categories (upper case, caseless letters)."""
    start_class = _class(list(_start_ranges()))
    unspaced_class = _class([r for r in (*_UNSPACED_RANGES, *_HANGUL_RANGES) if r[1] < 0x10000])
    # A start is not glued to a word before it ("McDonald", "d'Ivoire") nor part of an identifier
    # ("os.Path", "self.Tokyo"); the lookbehinds sit after the first character so that the
    # regex engine can scan for the character class first.
    word = rf"[{start_class}](?<![\w'’ʼ].)(?<!\w[./\\@#$=].)\w*"
    # the word after a word, as :meth:`Extractor._match_at` reads it; peeked at only for the few
    # words that are not known misses (a lookahead in ``start`` costs a third more on every word;
    # one alternation with the unspaced runs would save a pass but measured slower: sre loses its
    # first-character scan)
    peek = re.compile(rf"(?:(?:{_SEP}(?=\w)|(?=['’ʼ]))(\w+(?:['’ʼ]\w+)?|['’ʼ]))?")
    return _Patterns(
        start=re.compile(word), split=re.compile(f"({word})"), peek=peek, unspaced=re.compile(f"[{unspaced_class}]+")
    )


#: What may separate two words of one name: spaces, a hyphen, "St. ", one line break.
_SEP = r"(?:[ \t\u00a0\u2009\u202f]{1,3}|[ \t]?[-\u2010\u2011][ \t]?|\.[ \t]{1,2}|[ \t]*\r?\n[ \t]*)"
_NEXT = re.compile(_SEP + r"(\w+)")
_APOSTROPHES = frozenset("'’ʼ")
_APOS = re.compile(r"['’ʼ](\w+)")
_SENTENCE_END = frozenset(".!?:;\"'“”«»()[]{}•*#>|-–—\n")


# --- vectorised word scan ---------------------------------------------------------------------------
#
# A long chunk of text is split into candidate words with numpy instead of the regex: one byte of
# character code per BMP code point says what the regex's character classes say, the word starts
# and ends come from a few array operations, and each word gets a 64-bit polynomial hash from a
# prefix sum. Known misses and dead pairs (see :meth:`Extractor._scan_spaced`) are remembered as
# hashes too and dismissed in the same array operations, so on ordinary prose the words that cost
# a Python step are only those not seen before and the names themselves. The result is the regex
# scan's, word for word (tests/test_extract_scan.py compares the two).

#: Character codes, in an order that makes the tests ranges: up to ``_SEPCH`` a character may stand
#: before a word start, from ``_WORD`` on it is a word character (``\w``). ``_SPACE`` to ``_SEPCH``
#: are the characters a separator of two words of a name (``_SEP``) starts with.
_OTHER, _SPACE, _TAB, _NEWLINE, _HYPHEN, _SEPCH, _DOT, _IDENT, _APOSCH, _WORD, _START = range(11)
#: Added to the code of a character of a script without spaces (the class of ``_Patterns.unspaced``).
_UNSPACED_BIT = 16
#: Chunks of this many characters or more are split with numpy: below, its fixed cost per call (some
#: 60 array operations) outweighs the regex (the two cross between 16 and 24 K characters of English
#: prose); longer than ``_VECTOR_MAX`` (text without spaces) they go to the regex, which keeps memory
#: bounded.
_VECTOR_MIN = 20_000
_VECTOR_MAX = 1 << 19
#: Words (or word pairs) longer than this are never dismissed by hash: polynomial hashes are
#: weakest on long strings.
_HASH_MAX = 48
_HASH_BASE = int.from_bytes(os.urandom(8), "little") | 1  # odd: invertible modulo 2**64
_HASH_LEN = 0x9E3779B97F4A7C15
_HASH_ALONE = 0xD1B54A32D192ED03  # marks "the word, with no word after it"
_HASH_SLOT = 0xBF58476D1CE4E5B9
#: The next word of a candidate whose separator the vectorised scan leaves to the peek regex.
_UNKNOWN = "\x00"
#: Candidate words as columns: the words, their starts and ends in the text, the next words, the
#: words' hashes and the pairs' hashes (``None``: not known, in the regex scan or after an
#: unusual separator).
_Candidates = tuple[list[str], list[int], list[int], list[str | None], list[int | None], list[int | None]]


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
    for a, b in _start_ranges():
        codes[a : b + 1] = _START
    for a, b in (*_UNSPACED_RANGES, *_HANGUL_RANGES):
        if b < 0x10000:
            codes[a : b + 1] |= _UNSPACED_BIT
    return codes


_POWERS: list[tuple[NDArray[np.uint64], NDArray[np.uint64]]] = []


def _hash_powers(n: int) -> tuple[NDArray[np.uint64], NDArray[np.uint64]]:
    """Powers of the hash base and of its inverse modulo 2**64, at least ``n`` of each."""
    import numpy as np

    if _POWERS and len(_POWERS[-1][0]) >= n:
        return _POWERS[-1]
    out = []
    for base in (_HASH_BASE, pow(_HASH_BASE, -1, 1 << 64)):
        p = np.full(max(n, _VECTOR_MAX + 2), base, dtype=np.uint64)
        p[0] = 1
        out.append(np.cumprod(p))  # wraps modulo 2**64
    _POWERS.append((out[0], out[1]))
    return _POWERS[-1]


class _HashSet:
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


def _vector_scan(chunk: str, lo: int, misses: _HashSet, deads: _HashSet) -> tuple[_Candidates, bool] | None:
    """The candidate words of ``chunk`` (at ``lo`` in the text) that are not known misses or dead
    pairs (:data:`_Candidates`), and whether the chunk has characters of a script without spaces
    (``None`` for fewer than three characters).

    The next word is what the peek regex would give, or :data:`_UNKNOWN` when the separator is
    unusual; the pair hash is ``None`` then (the pair is checked by its strings only).
    """
    import numpy as np

    n = len(chunk)
    if n < 3:
        return None
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
    # word starts, as the lookbehinds of the start regex: not after a word character or an
    # apostrophe; after "./\@#$=" only if that is not glued to a word
    s = np.flatnonzero(c == _START)
    before = c[s - 1]  # (at s = 0 the last character, and c[s - 2] below at s = 1: ruled out after)
    ok = (before <= _SEPCH) | (s == 0)
    glued = (before == _DOT) | (before == _IDENT)
    ok[glued] = (c[s[glued] - 2] < _WORD) | (s[glued] < 2)
    s = s[ok]
    empty: _Candidates = ([], [], [], [], [], [])
    if not len(s):
        return empty, unspaced
    breaks = np.append(np.flatnonzero(c < _WORD), n)
    e = breaks[np.searchsorted(breaks, s)]
    # the hash of text[i:j] is (prefix[j] - prefix[i]) / base**i (a polynomial in the base, modulo
    # 2**64), plus the length; one pass over the chunk costs less than one over its words
    powers, inverses = _hash_powers(n + 1)
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
    # what the peek regex finds after a word, in the common cases (its alternatives, tried in
    # order, decided by the next three characters): the word after one space, a line break or a
    # hyphen, or after ". " or "- "; a glued apostrophe; or nothing. The rest is left to the regex.
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
    # the next word: text[ns:ne] (the apostrophe alone when glued)
    ns = np.where(apostrophe, e, e + 1 + two)
    ne = breaks[np.minimum(np.searchsorted(breaks, np.minimum(ns, n)), len(breaks) - 1)]
    ne[apostrophe] = e[apostrophe] + 1
    # an apostrophe after the next word may extend it ("d'Ivoire"): left to the regex
    followed = inside & (((one | two) & (c[np.minimum(ne, n - 1)] != _APOSCH)) | apostrophe)
    followed &= ne - s <= _HASH_MAX
    known = alone | followed
    pair = np.where(
        alone,
        h ^ np.uint64(_HASH_ALONE),
        (prefix[ne] - prefix[s]) * inverses[s] + (ne - s).astype(np.uint64) * np.uint64(_HASH_LEN),
    )
    if deads.items:
        keep = ~(known & deads.contains(pair))
        if not keep.all():
            s, e, h, pair, known, alone, ns, ne = (a[keep] for a in (s, e, h, pair, known, alone, ns, ne))
    sl, el = s.tolist(), e.tolist()
    knowns = known.tolist()
    nexts = [
        (None if al else chunk[a:b]) if kn else _UNKNOWN
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


@dataclass(slots=True)
class _Tables:
    first: _FirstCodes
    """First token → (the most tokens a key starting with it has) << 1 | (is it a key)."""
    multi: tuple[str, ...]
    """Every key of two tokens or more, sorted: the keys that start with a prefix are a range."""


class _FirstCodes(dict[str, int]):
    """First token → (the most tokens a key starting with it has) << 1 | (is it a key itself), or 0
    when no key starts with it.

    Worked out on first use of a token, from the range of the sorted keys of several tokens that
    start with it and a lookup in the index (a table of every head, built up front, took most of
    a second).
    """

    __slots__ = ("_keys", "_multi")

    def __init__(self, multi: tuple[str, ...], keys: Mapping[str, object]) -> None:
        super().__init__()
        self._multi, self._keys = multi, keys

    def __missing__(self, token: str) -> int:
        multi = self._multi
        lo = bisect_left(multi, token + " ")
        hi = bisect_left(multi, token + "!", lo)  # "!" follows " ": the keys "token ..." end here
        n = max(map(str.count, multi[lo:hi], itertools.repeat(" "))) + 1 if hi > lo else 0
        code = (max(n, 1) << 1 | 1) if token in self._keys else n << 1
        if len(self) > _MAX_MEMO:
            self.clear()
        self[token] = code
        return code


def _all_keys(index: Index) -> tuple[str, ...]:
    """Every lookup key of ``index``, decoded a megabyte of the key blob at a time."""
    return index.keys.strings.decode_rows(len(index.keys))


@functools.cache
def _cjk_key() -> re.Pattern[str]:
    """A key that the scan of scripts without spaces looks for (see :meth:`Extractor._scan_run`)."""
    return re.compile(f"[{_class([*_UNSPACED_RANGES, *_HANGUL_RANGES])}]{{2,{_CJK_MAX}}}")


@dataclass(slots=True)
class _Raw:
    start: int
    end: int
    query: str
    """What the resolver sees: the surface text, or the nominative of an inflected form."""
    inflected: bool = False
    word: bool = False
    """The surface is an ordinary (dictionary) word when written in lower case."""
    fuzzy: bool = False
    tokens: int = 1


def _letters_of(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _key(token: str) -> str:
    return token.lower() if token.isascii() else normalize_name(token)


def _ru_forms(token: str) -> list[str]:
    """Nominative candidates of a lower-case Russian word form (the form itself first)."""
    out = [token]
    for ending, repl in _RU_ENDINGS:
        if token.endswith(ending) and len(token) - len(ending) >= _RU_MIN_STEM:
            stem = token[: len(token) - len(ending)] if ending else token
            for r in repl:
                form = stem + r
                if form not in out:
                    out.append(form)
    return out


#: UTF-8 lead bytes of the code points of scripts without spaces (U+0800 to U+1FFF, U+3000 to
#: U+DFFF, U+F000 to U+FFFF, the astral planes up to U+3FFFF); U+2000 to U+2FFF (punctuation,
#: box drawing) and Latin, Greek and Cyrillic text never have them.
_UNSPACED_LEADS = tuple(bytes([b]) for b in (0xE0, 0xE1, *range(0xE3, 0xEE), 0xEF, 0xF0))


def _maybe_unspaced(text: str) -> bool:
    """A fast test (bytes searches in C) that rules out most texts without unspaced scripts."""
    step = 1 << 20
    for i in range(0, len(text), step):
        data = text[i : i + step].encode("utf-8", "surrogatepass")
        if any(lead in data for lead in _UNSPACED_LEADS):
            return True
    return False


def _chunks(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of about :data:`_CHUNK` characters, each ending after a space (a word
    starting a piece then reads as it does in ``text``: the start regex looks back only for word
    characters and a few punctuation marks)."""
    lo, n = 0, len(text)
    while lo < n:
        hi = text.find(" ", lo + _CHUNK) + 1 or n
        yield lo, text[lo:hi]
        lo = hi


def _sentence_initial(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _headline(text: str, start: int, end: int) -> bool:
    """True when the line around ``start`` has no lower-case letter (a headline in capitals)."""
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", end)
    line = text[lo : hi if hi >= 0 else len(text)]
    return not any(ch.islower() for ch in line)


class Extractor:
    """Find place mentions in text with one :class:`Resolver`. Thread-safe for reading.

    >>> from toponym import Gazetteer
    >>> ex = Gazetteer.from_folder("tests/fixtures/gazetteer").extractor
    >>> [(m.text, m.place.id) for m in ex.extract("Kunashiri lies east of Hokkaido, in Russia.")]
    [('Kunashiri', 'kunashir'), ('Russia', 'ru')]
    """

    def __init__(self, resolver: Resolver, *, fuzzy: bool = True) -> None:
        self.resolver = resolver
        self.index: Index = resolver.index
        self.fuzzy = fuzzy
        self._tables: _Tables | None = None
        self._cjk: tuple[dict[str, None], tuple[int, ...]] | None = None
        # memories as dicts of strings: the garbage collector stops tracking them (a set it walks
        # at every full collection)
        self._miss: dict[str, None] = {}
        self._dead: dict[tuple[str, str | None], None] = {}
        self._miss_h = _HashSet()  # hashes of the words of ``_miss`` as written (see _vector_scan)
        self._dead_h = _HashSet()  # hashes of the dead pairs, with what separates them
        self._singles: dict[str, int] = {}
        self._verdicts: dict[tuple[str, str | None], int] = {}
        self._longest: dict[tuple[tuple[str, ...], int], tuple[int, bool]] = {}
        self._pairs: dict[tuple[str, str], bool] = {}
        self._memo: dict[str, tuple[Match | None, int, Match | None]] = {}
        self._reach_memo: dict[str, frozenset[int]] = {}
        self._context_memo: dict[tuple[str, bool, tuple[tuple[int, float], ...]], Match | None] = {}
        self._first_memo: dict[
            tuple[str, bool, bool, int], tuple[Match | None, int, bool, tuple[int, ...], tuple[int, ...]]
        ] = {}

    # --- tables -----------------------------------------------------------------------------------

    @property
    def tables(self) -> _Tables:
        if self._tables is None:
            self._tables = self._build_tables()
        return self._tables

    def _build_tables(self) -> _Tables:
        """The keys of several tokens, sorted (the first-token codes and the pair checks are
        worked out from them on first use of each token): one decode of the key blob, a filter and
        a sort, all in C."""
        names = _all_keys(self.index)
        multi = list(itertools.compress(names, map(str.__contains__, names, itertools.repeat(" "))))
        del names
        multi.sort()
        # a tuple of strings, which the garbage collector stops tracking (a full collection walked
        # the 300,000 entries of the list: 25 ms instead of 5)
        keys = tuple(multi)
        return _Tables(_FirstCodes(keys, self.index.keys), keys)

    def _cjk_table(self) -> tuple[dict[str, None], tuple[int, ...]]:
        """Keys written wholly in scripts without spaces, and their lengths (longest first); built
        on the first text that has such characters."""
        if self._cjk is None:
            names = _all_keys(self.index)
            candidates = itertools.compress(names, map(not_, map(str.isascii, names)))
            cjk = dict.fromkeys(filter(_cjk_key().fullmatch, candidates))
            self._cjk = cjk, tuple(sorted({len(k) for k in cjk}, reverse=True))
        return self._cjk

    # --- public -----------------------------------------------------------------------------------

    def extract(self, text: str, *, context: bool = True) -> list[Mention]:
        """Every place mention in ``text``, in order, without overlaps; longest match wins.

        ``context=False`` skips the second pass that resolves ambiguous names with the other
        places of the text (faster, fewer answers).
        """
        if not isinstance(text, str) or not text:
            return []
        raws = self._scan(text)
        if not raws:
            return []
        return self._link(text, raws, context)

    # --- scanning ---------------------------------------------------------------------------------

    def _scan(self, text: str) -> list[_Raw]:
        pats = _patterns()
        raws: list[_Raw] = []
        unspaced: bool | None = None  # does the text have characters of a script without spaces?
        if len(text) > _GATE_MAX or not all(map(self._miss.__contains__, map(str.lower, pats.start.findall(text)))):
            raws, unspaced = self._scan_spaced(text)
        if text.isascii():
            unspaced = False
        if (unspaced is None and _maybe_unspaced(text) and pats.unspaced.search(text)) or unspaced:
            for m in pats.unspaced.finditer(text):
                raws.extend(self._scan_run(m.group(), m.start()))
            raws.sort(key=lambda r: r.start)
        if "." in text:
            raws = self._dotted(text, raws)
        return raws

    def _dotted(self, text: str, raws: list[_Raw]) -> list[_Raw]:
        """Dotted acronyms ("U.S.", "U.K."), which the word scan splits into letters.

        Only a place stored under the same capitals counts ("U.K." is "UK"), so "i.e." stays a word.
        """
        found = []
        starts: list[int] = []
        reach: list[int] = []  # the furthest end of the raws up to each one
        last = -1
        for hint in _DOTTED_HINT.finditer(text):  # ".S." is rare and cheap to find; then look closer
            m = _DOTTED.match(text, hint.start() - 1) if hint.start() > last else None
            if m is None:
                continue
            s, e = m.span()
            last = e
            if raws and not starts:
                starts = [r.start for r in raws]
                reach = list(itertools.accumulate((r.end for r in raws), max))
            i = bisect_left(starts, e)  # the raws starting before the end of this one
            if i and reach[i - 1] > s:
                continue  # overlaps a mention found by the word scan
            top = self._resolve(m.group())[2]
            letters = m.group().replace(".", "")
            if top is not None and top.matched.replace(".", "").replace(" ", "") == letters:
                found.append(_Raw(s, e, m.group(), tokens=2))
        if not found:
            return raws
        return sorted([*raws, *found], key=lambda r: r.start)

    def _scan_spaced(self, text: str) -> tuple[list[_Raw], bool | None]:
        """Mentions in cased and spaced scripts, and whether the text has characters of a script
        without spaces (``None``: not known); most words are dismissed without Python work.

        Each chunk of text is split into candidate words, which are filtered against the known
        misses and dead pairs (see :meth:`_verdict`) in C (:meth:`_regex_candidates`) or with
        numpy (:func:`_vector_scan`), so on ordinary prose only a word not seen before, or a
        pair-starting word followed by a new word, costs a Python step; the verdict on the others
        is memoised per word and next word.
        """
        first = self.tables.first
        keys = self.index.keys
        miss, verdicts = self._miss, self._verdicts
        peek_re = _patterns().peek
        raws: list[_Raw] = []
        unspaced, unknown = False, False
        last = 0
        for lo, chunk in _chunks(text):
            found = None
            if _VECTOR_MIN <= len(chunk) <= _VECTOR_MAX:
                found = _vector_scan(chunk, lo, self._miss_h, self._dead_h)
            if found is None:
                unknown = True
                candidates: Iterable[tuple[str, int, int, str | None, int | None, int | None]]
                candidates = self._regex_candidates(text, lo, chunk)
            else:
                (words, starts, ends, nexts, hashes, pairs), seen = found
                candidates = zip(words, starts, ends, nexts, hashes, pairs, strict=True)
                unspaced = unspaced or seen
            for word, s, e, nxt, hw, pair in candidates:
                if s < last:
                    continue
                if nxt == _UNKNOWN:
                    if word.lower() in miss:
                        continue
                    nxt = peek_re.match(text, e).group(1)  # type: ignore[union-attr]
                verdict = verdicts.get((word, nxt))
                if verdict is None:
                    verdict = self._verdict(word, nxt, hw, pair)
                if verdict == _SKIP:
                    continue
                if verdict == _LONGER:
                    raw = self._match_at(text, s, e, word, first, keys)
                elif verdict == _HEADLINE:
                    raw = self._raw(text, s, e, word, 1)
                elif verdict & _UPPER and (_CODE_NEIGHBOUR.match(text, e) or (s and text[s - 1] in "-_/.")):
                    continue  # an acronym inside an identifier: "US-ASCII", "en-US"
                else:
                    raw = _Raw(s, e, word, False, bool(verdict & _ALONE_WORD))
                if raw is not None:
                    last = raw.end
                    raws.append(raw)
        return raws, True if unspaced else None if unknown else False

    def _verdict(self, word: str, nxt: str | None, hw: int | None, pair: int | None) -> int:
        """What to do with the candidate ``word`` followed by ``nxt`` (see ``_SKIP`` ... ``_UPPER``).

        A word that is no key's first token is a miss (unless it could still be an inflected or
        misspelt name). A word that starts keys of several words but is not a key itself ("The",
        "Isle") goes on only if the word after it forms the start of a key ("The Hague"); a word
        with the word after it that lead nowhere are a dead pair. Misses and dead pairs are
        remembered, as strings and (``hw``, ``pair``: from the vectorised scan) as hashes; other
        verdicts depend on the word and the next word only and are memoised.
        """
        miss, dead, singles = self._miss, self._dead, self._singles
        low = word.lower()
        if low in miss:
            if hw is not None:
                self._miss_h.add(hw)
            return _SKIP
        if (word, nxt) in dead:
            if pair is not None:
                self._dead_h.add(pair)
            return _SKIP
        ascii_word = word.isascii()
        if not ascii_word:
            low = normalize_name(word)
        code = self.tables.first[low]
        apostrophe = nxt in _APOSTROPHES  # glued to the word: the peek gives it alone
        verdict = _LONGER
        if not code:
            # a miss unless a typo of a name (only the title-case form of ``low`` may be)
            if ascii_word and not apostrophe and not (self._fuzzy_ok(word) and self._fuzzy_hit(word)):
                if len(miss) > _MAX_MEMO:
                    miss.clear()
                    self._miss_h.clear()
                miss[low] = None
                if hw is not None:
                    self._miss_h.add(hw)
                return _SKIP
        elif ascii_word and not apostrophe and (code == 3 or not self._pair(low, nxt)):
            # the word alone is all there is (no key starts with it and the next word):
            # whether it stands depends on the word only, except for a long word in capitals (a
            # headline) and an acronym glued to an identifier, so a miss is remembered as a dead
            # pair (``nxt`` holds exactly what follows, so the pair decides alone)
            single = 0
            if code & 1:
                if word.isupper() and sum(map(str.isalpha, word)) >= 4:
                    return self._remember(word, nxt, _HEADLINE)
                single = singles.get(word, -1)
                if single < 0:
                    one = self._raw(word, 0, len(word), word, 1)
                    single = 0 if one is None else _ALONE_WORD if one.word else _ALONE
                    if len(singles) > _MAX_MEMO:
                        singles.clear()
                    singles[word] = single
            if not single:
                if len(dead) > _MAX_MEMO:
                    dead.clear()
                    self._dead_h.clear()
                dead[word, nxt] = None
                if pair is not None:
                    self._dead_h.add(pair)
                return _SKIP
            verdict = single | (_UPPER if word.isupper() else 0)
        return self._remember(word, nxt, verdict)

    def _remember(self, word: str, nxt: str | None, verdict: int) -> int:
        if len(self._verdicts) > _MAX_MEMO:
            self._verdicts.clear()
        self._verdicts[word, nxt] = verdict
        return verdict

    def _regex_candidates(
        self, text: str, lo: int, chunk: str
    ) -> Iterator[tuple[str, int, int, str | None, int | None, int | None]]:
        """The candidate words of ``chunk`` (at ``lo`` in ``text``) that are not known misses or
        dead pairs, as :func:`_vector_scan` gives them, found with the split regex."""
        pats = _patterns()
        miss, dead = self._miss, self._dead
        # ``split`` gives the words and the text between them as plain strings (match objects
        # would cost more, in allocation and garbage collection); offsets are summed lengths
        parts = pats.split.split(chunk)
        if len(parts) < 3:
            return iter(())
        offsets = list(itertools.accumulate(map(len, parts), initial=lo))
        words = parts[1::2]
        # C-level filters first: known misses by word, then known dead pairs ("The" + "If")
        lows = map(str.lower, words)
        live = list(itertools.compress(range(len(words)), map(not_, map(miss.__contains__, lows))))
        if not live:
            return iter(())
        words = list(map(words.__getitem__, live))
        starts = list(map(offsets[1::2].__getitem__, live))
        ends = list(map(offsets[2::2].__getitem__, live))
        # the pattern matches everywhere (its group is optional)
        peek = cast("Callable[[int], re.Match[str]]", functools.partial(pats.peek.match, text))
        nexts = list(map(_group, map(peek, ends), itertools.repeat(1)))
        keep = map(not_, map(dead.__contains__, zip(words, nexts, strict=True))) if dead else itertools.repeat(True)
        none = itertools.repeat(None)
        return itertools.compress(zip(words, starts, ends, nexts, none, none, strict=False), keep)

    def _match_at(
        self, text: str, s: int, e: int, word: str, first: _FirstCodes, keys: Mapping[str, object]
    ) -> _Raw | None:
        """The longest mention starting with the word ``text[s:e]``, or ``None``."""
        # the word, with an apostrophe part ("Martha's", "N'Djamena") when one follows
        head_tok = word
        head_key = word.lower() if word.isascii() else normalize_name(word)
        code = 0
        if text[e : e + 1] in _APOSTROPHES:
            apos = _APOS.match(text, e)
            if apos:
                whole = word + text[e : apos.end()]
                k = _key(whole)
                code = first[k] or first[fold_key(k)]
                if code:
                    head_tok, head_key, e = whole, k, apos.end()
        if not code:
            code = first[head_key]
            if not code and not word.isascii():
                code = first[fold_key(head_key)]
        maxn, alone = code >> 1, code & 1
        cyrillic = not word.isascii() and bool(_CYRILLIC.match(word))
        if not maxn:
            if cyrillic:
                head_key, head_tok, maxn = _key(word), word, 3
            elif self._fuzzy_ok(word):
                return self._fuzzy_raw(text, s, e, word)
            else:
                return None
        # gather up to maxn tokens: (key, end); a second token only if some key starts with the pair
        parts = [(head_key, e)]
        pos = e
        while len(parts) < maxn:
            nxt = _NEXT.match(text, pos)
            if nxt is None:
                break
            tok = nxt.group(1)
            end = nxt.end()
            if text[end : end + 1] in _APOSTROPHES:
                apos = _APOS.match(text, end)
                if apos:
                    tok, end = tok + text[nxt.end() : apos.end()], apos.end()
            k = tok.lower() if tok.isascii() else normalize_name(tok)
            if len(parts) == 1 and not cyrillic and not self._pair(head_key, k):
                break
            parts.append((k, end))
            pos = end
        if not cyrillic:
            memo_key = (tuple(p[0] for p in parts), alone)
            found = self._longest.get(memo_key)
            if found is None:
                found = self._longest_key(memo_key[0], alone, keys)
                if len(self._longest) > _MAX_MEMO:
                    self._longest.clear()
                self._longest[memo_key] = found
            n, possessive = found
            if not n:
                return None
            return self._raw(text, s, parts[n - 1][1] - 2 * possessive, head_tok, n)
        for n in range(len(parts), 0, -1):
            key = " ".join(p[0] for p in parts[:n])
            end = parts[n - 1][1]
            if (n > 1 or alone) and self._has_key(key, keys):
                if cyrillic and n <= 3:
                    # "Китая" is stored as some village, but is the genitive of "Китай" (China):
                    # a case form of a major place wins over a minor place spelt like it
                    nominative = self._ru_nominative([p[0] for p in parts[:n]], keys)
                    if nominative is not None and self._major(nominative) and not self._major(text[s:end]):
                        return _Raw(s, end, nominative, inflected=True, tokens=n)
                return self._raw(text, s, end, head_tok, n)
            # possessive: "South Korea's", "Kuril Islands’s"
            if n > 1 and key.endswith("'s"):
                cut = key[:-2]
                if self._has_key(cut, keys):
                    return self._raw(text, s, end - 2, head_tok, n)
            if cyrillic and n <= 3:
                nominative = self._ru_nominative([p[0] for p in parts[:n]], keys)
                if nominative is not None:
                    return _Raw(s, end, nominative, inflected=True, tokens=n)
        return None

    def _longest_key(self, tokens: tuple[str, ...], alone: int, keys: Mapping[str, object]) -> tuple[int, bool]:
        """How many of ``tokens`` form the longest key (0: none), and whether only without a
        possessive "'s" on the last one ("South Korea's")."""
        for n in range(len(tokens), 0, -1):
            key = " ".join(tokens[:n])
            if (n > 1 or alone) and self._has_key(key, keys):
                return n, False
            if n > 1 and key.endswith("'s") and self._has_key(key[:-2], keys):
                return n, True
        return 0, False

    def _pair(self, a: str, b: str | None) -> bool:
        """Does some key start with the two tokens ``a b`` (or their folded or possessive-less forms)?"""
        if not b:
            return False
        found = self._pairs.get((a, b))
        if found is None:
            low = b.lower() if b.isascii() else normalize_name(b)
            found = self._starts_key(f"{a} {low}")
            if not found and low.endswith("'s"):
                found = self._starts_key(f"{a} {low[:-2]}")
            if not found and not (a.isascii() and low.isascii()):
                found = self._starts_key(fold_key(f"{a} {low}"))
            if len(self._pairs) > _MAX_MEMO:
                self._pairs.clear()
            self._pairs[a, b] = found
        return found

    def _starts_key(self, prefix: str) -> bool:
        """Is ``prefix`` a key of several tokens, or its start followed by a space?"""
        multi = self.tables.multi
        i = bisect_left(multi, prefix)
        if i < len(multi) and multi[i] == prefix:
            return True
        longer = prefix + " "
        i = bisect_left(multi, longer, i)
        return i < len(multi) and multi[i].startswith(longer)

    @staticmethod
    def _has_key(key: str, keys: Mapping[str, object]) -> bool:
        if key in keys:
            return True
        if key.isascii():
            return False
        folded = fold_key(key)
        if folded in keys:
            return True
        trans = translit_key(folded)
        return trans is not None and trans != folded and trans in keys

    def _ru_nominative(self, words: list[str], keys: Mapping[str, object]) -> str | None:
        options = [_ru_forms(w) if _CYRILLIC.match(w) else [w] for w in words]
        hits: list[str] = []
        for combo in itertools.islice(itertools.product(*options), 1, 256):  # skip the form as written
            key = " ".join(combo)
            if self._has_key(key, keys):
                hits.append(key)
        # several nominatives may exist ("Китая": Китай the country, Китае some village): a form
        # stored in Cyrillic beats one reached only by transliterating another language's name
        # ("Пекине" is Пекин, not the Latvian "Pekina"); then the one naming a major place, then
        # the first in ending order
        direct = [k for k in hits if k in keys or fold_key(k) in keys]
        for group in (direct, hits):
            major = next((k for k in group if self._major(k)), None)
            if major is not None:
                return major
        return direct[0] if direct else (hits[0] if hits else None)

    def _raw(self, text: str, s: int, e: int, head: str, n: int) -> _Raw | None:
        """Apply the capitalisation policy of cased scripts to a key hit."""
        surface = text[s:e]
        if n > 1:
            return _Raw(s, e, surface, tokens=n)
        letters = sum(ch.isalpha() for ch in surface)
        folded = fold_key(_key(surface))
        word = folded in self.index.words or folded in self.index.stop
        if head.isupper() and letters >= 2:
            # a headline in capitals reads like title case; elsewhere "US", "IT", "OR" must be
            # stored acronyms spelt exactly like this
            if _headline(text, s, e) and letters >= 4:
                return _Raw(s, e, surface, word=word)
            if _CODE_NEIGHBOUR.match(text, e) or (s > 0 and text[s - 1] in "-_/."):
                return None  # part of an identifier: "US-ASCII", "en-US", "ISO/IEC"
            return _Raw(s, e, surface) if self._acronym_ok(surface) else None
        if letters < 3 and not self._stored_exactly(surface):
            return None
        if any(ch.isupper() for ch in surface[1:]) and not self._stored_exactly(surface):
            return None  # "NaN", "GiB", "PyPI": inner capitals are spelling, not a variant of "Nan"
        top = self._resolve(surface)[2]
        if top is not None and len(top.matched) > 1 and top.matched.isupper() and top.matched != surface:
            return None  # "Mac" is not "MAC", "Usa" not "USA": an acronym is spelt in capitals
        return _Raw(s, e, surface, word=word)

    def _acronym_ok(self, surface: str) -> bool:
        """An all-capitals token is a place only as a stored acronym, and not as a bare ISO code.

        Data sources file ISO 3166 alpha-3 codes as names ("AND" for Andorra, "TLS") and local
        abbreviations of cities ("HH", "SF"); in prose these are words or technical acronyms. A
        country's acronym stands ("UK", "UAE", "USA") unless it is only its alpha-3 code; a
        smaller place's acronym needs an English name tag.
        """
        match = self._resolve(surface)[0]
        if match is None or match.matched != surface:
            return False
        english = any(n.name == surface and "en" in n.langs for n in match.place.names)
        if match.place.kind not in _STRONG_KINDS:
            return english
        return english or match.place.codes.get("iso3166_1_alpha3") != surface

    def _stored_exactly(self, surface: str) -> bool:
        match = self._resolve(surface)[0]
        return match is not None and match.matched == surface

    # --- fuzzy ------------------------------------------------------------------------------------

    def _fuzzy_ok(self, word: str) -> bool:
        return (
            self.fuzzy
            and self.resolver.fuzzy
            and len(word) >= _FUZZY_MIN_LEN
            and word.isalpha()
            and word.istitle()
            and fold_key(_key(word)) not in self.index.words
        )

    def _fuzzy_raw(self, text: str, s: int, e: int, word: str) -> _Raw | None:
        if _sentence_initial(text, s) or not self._fuzzy_hit(word):
            return None
        return _Raw(s, e, word, fuzzy=True)

    def _fuzzy_hit(self, word: str) -> bool:
        """Is ``word`` (written anywhere but at a sentence start) a typo of a place name?"""
        match = self._resolve(word)[0]
        if match is None or match.method != "fuzzy" or match.place.kind not in _FUZZY_KINDS:
            return False
        a, b = fold_key(_key(word)), fold_key(_key(match.matched))
        # one edit at most, and not a longer word built on the name: "Georgian", "Mongolian" and
        # "Indonesian" are one letter from their countries but are adjectives, not misspellings
        return not (" " in b or a.startswith(b) or b.startswith(a) or OSA.distance(a, b) > 1)

    # --- scripts without spaces -------------------------------------------------------------------

    def _scan_run(self, run: str, base: int) -> Iterator[_Raw]:
        """Longest keys in a run of a script without spaces (``run`` starts at ``base``)."""
        original = run
        cjk, lengths = self._cjk_table()
        if cjk:
            # one form per Han character, as the keys have it (臺灣 is looked up as 台湾); the
            # fold maps a character to a character, so offsets in ``run`` stay those of the text
            run = run.translate(HAN_FOLD)
            i = 0
            hangul = _is_hangul(run[0])
            while i < len(run) - 1:
                found = 0
                for length in lengths:
                    if i + length > len(run):
                        continue
                    piece = run[i : i + length]
                    if piece in cjk and _cjk_ok(run, i, i + length, hangul, cjk):
                        found = length
                        break
                if found:
                    yield _Raw(base + i, base + i + found, original[i : i + found], tokens=2)
                    i += found
                else:
                    i += 1
                if hangul:  # a Hangul key must start its word: only position 0 of a run
                    break

    # --- linking ----------------------------------------------------------------------------------

    def _resolve(self, query: str) -> tuple[Match | None, int, Match | None]:
        """The context-free answer for ``query``, its number of candidates, and the first of them."""
        memo = self._memo
        hit = memo.get(query)
        if hit is not None:
            return hit
        ranked = self.resolver.resolve_all(query, limit=2)
        best = self.resolver.resolve(query)
        value = (best, len(ranked), ranked[0] if ranked else None)
        if len(memo) > _MAX_MEMO:
            memo.clear()
        memo[query] = value
        return value

    def _in_context(
        self,
        query: str,
        context: dict[int, float],
        own: dict[int, float],
        *,
        need_support: bool,
        default: Match | None = None,
    ) -> Match | None:
        """:meth:`Resolver.resolve_in_context`, memoised on the part of the context that matters.

        Only the weights of rows that ``query``'s candidates can reach change the answer, so a
        name repeated through a long text is ranked once per distinct relevant context.
        """
        reach = self._reach(query)
        # weights capped at 3: beyond a few mentions, more of the same says nothing new (and the
        # memo stays small)
        relevant = tuple(sorted((r, min(3.0, context[r] - own.get(r, 0.0))) for r in reach.intersection(context)))
        relevant = tuple(item for item in relevant if item[1] > 0)
        if not relevant:
            return None if need_support else default
        memo_key = (query, need_support, relevant)
        if memo_key in self._context_memo:
            return self._context_memo[memo_key]
        found = self.resolver.resolve_in_context(query, dict(relevant), need_support=need_support)
        if len(self._context_memo) > _MAX_MEMO:
            self._context_memo.clear()
        self._context_memo[memo_key] = found
        return found

    def _major(self, query: str) -> bool:
        top = self._resolve(query)[2]
        return top is not None and top.place.kind in _STRONG_KINDS

    def _reach(self, query: str) -> frozenset[int]:
        """Rows of every candidate of ``query``, their countries and ancestors (memoised)."""
        hit = self._reach_memo.get(query)
        if hit is None:
            idx = self.index
            rows: set[int] = set()
            for m in self.resolver.resolve_all(query):
                p = idx.place_index(m.place.id)
                rows.update((p, idx.place_country[p], *idx.ancestors(p)))
            hit = frozenset(rows)
            if len(self._reach_memo) > _MAX_MEMO:
                self._reach_memo.clear()
            self._reach_memo[query] = hit
        return hit

    def _alone(self, raw: _Raw, match: Match) -> bool:
        """May this mention stand without support from other places of the text?

        Countries, seas and the like may, unless the word is an ordinary word that is not their
        English name ("Here" and "End" are names of the UK and India in some language; "Chad",
        "Turkey", "Jordan" are the countries). Curated places may, unless ordinary words. Cities
        and subdivisions may when prominent (population, first-level subdivision) and not ordinary
        words. Everything else ("Reading", "Union", "Set", a village named "Martin") needs another
        place of the text that contains it.
        """
        place = match.place
        kind = place.kind
        surface = raw.query
        if len(match.matched) > 1 and match.matched.isupper() and _letters_of(surface) != _letters_of(match.matched):
            return False  # "Mac" is not "MAC" (an acronym of Macau); "U.K." is "U K"
        own_name = surface == place.name or fold_key(_key(surface)) == fold_key(_key(place.name))
        if raw.word and not (own_name and kind in _STRONG_KINDS):
            return False
        tag = match.lang.split("-")[0]
        if match.method in ("folded", "transliterated") and surface.isascii() and kind not in _STRONG_KINDS:
            return False  # "Der" reaches Győr only as the Serbian "Đer": not without support
        if kind in _STRONG_KINDS:
            # a country's name in any tagged language stands ("Russland", "Giappone"): texts in
            # German or Italian name countries so; ordinary words were turned away above
            return True
        # reviewed names with a language are trusted ("Kunashiri", ja-Latn), and so are names a
        # source tags with a language ("Milano", "Moskau"); a place reached through an untagged
        # bulk alternate ("Sam" for Damascus, "Doodah" for Wichita) needs support; so does a small one
        if place.curated and tag != "und":
            return True
        if surface.isascii() and not own_name and tag == "und":
            # an untagged alternate stands only for a metropolis or a first-level region, and at a
            # real word length ("Milano", "Peking", "Kamchatka"), not "Sam" for Damascus or
            # "Doodah" for Wichita
            big = kind == "city" and (place.population or 0) >= _UNTAGGED_ALONE
            return (big or (kind == "subdivision" and self._top_level(place.parent))) and len(surface) >= 5
        if place.curated:
            return True
        pop = place.population or 0
        if kind == "city":
            return pop >= (_CITY_ALONE if raw.tokens == 1 else _CITY_ALONE_MULTI)
        if kind == "subdivision":
            return raw.tokens > 1 or self._top_level(place.parent)
        return raw.tokens > 1 or pop >= _CITY_ALONE

    def _top_level(self, parent: str | None) -> bool:
        if parent is None:
            return True
        idx = self.index
        return idx.place_kind[idx.place_index(parent)] in ("country", "territory")

    def _first_pass(self, raw: _Raw) -> tuple[Match | None, int, bool, tuple[int, ...], tuple[int, ...]]:
        """The context-free verdict on a raw mention: its match, number of candidates, whether it
        may stand alone, and the rows it adds to the explicit and expanded context (memoised: it
        depends on the query and the raw's flags only)."""
        memo_key = (raw.query, raw.word, raw.fuzzy, raw.tokens)
        hit = self._first_memo.get(memo_key)
        if hit is not None:
            return hit
        idx = self.index
        match, count, top = self._resolve(raw.query)
        if match is not None and raw.fuzzy and match.method != "fuzzy":
            match = None
        # ambiguous or a stop word: the best candidate decides whether the name may stand
        cand = match or top
        alone = cand is not None and self._alone(raw, cand)
        own_x: tuple[int, ...] = ()
        own_e: tuple[int, ...] = ()
        if match is not None and alone and not raw.fuzzy:
            p = idx.place_index(match.place.id)
            own_x = (p,)
            # ambiguity is settled by specific evidence: "Atlanta" (in us-ga) settles "Georgia",
            # a bare country does not ("Ukraine" next to "Crimea" is no reason to override the
            # gazetteer's policy); countries named in the text count only in ``explicit``
            own_e = tuple(
                dict.fromkeys(r for r in (p, *idx.ancestors(p)) if r >= 0 and idx.place_kind[r] not in _STRONG_KINDS)
            )
        value = (match, count, alone, own_x, own_e)
        if len(self._first_memo) > _MAX_MEMO:
            self._first_memo.clear()
        self._first_memo[memo_key] = value
        return value

    def _link(self, text: str, raws: list[_Raw], use_context: bool) -> list[Mention]:
        # the first pass depends on a raw mention's signature only: once per distinct signature
        sigs = [(raw.query, raw.word, raw.fuzzy, raw.tokens) for raw in raws]
        firsts = dict(zip(sigs, raws, strict=True))
        counts = dict.fromkeys(firsts, 0)
        for sig in sigs:
            counts[sig] += 1
        explicit: dict[int, float] = {}  # places named in the text (by strong mentions)
        expanded: dict[int, float] = {}  # ... and everything that contains them
        passes = {}
        for sig, raw in firsts.items():
            passes[sig] = found = self._first_pass(raw)
            weight = float(counts[sig])
            for row in found[3]:
                explicit[row] = explicit.get(row, 0.0) + weight
            for row in found[4]:
                expanded[row] = expanded.get(row, 0.0) + weight
        out: list[Mention] = []
        # A country named anywhere in the text does not vouch for a word-like minor place
        # ("US" in a text does not make "Basic" or "Loop" places in the US); only a place below
        # country level does, or the country written right after it ("Nice, France").
        idx = self.index
        local = {row: w for row, w in explicit.items() if idx.place_kind[row] not in _COUNTRY_KINDS}
        # within one text the verdict depends on the first pass only: once per distinct signature
        decided: dict[tuple[str, bool, bool, int], Match | None] = {}
        last = len(raws) - 1
        for i, (raw, sig) in enumerate(zip(raws, sigs, strict=True)):
            match, count, alone, rows_x, rows_e = passes[sig]
            support = local
            if not alone and i < last:
                nxt = raws[i + 1]
                if _APPOSITION.fullmatch(text, raw.end, nxt.start):
                    support = {**local, **dict.fromkeys(passes[sigs[i + 1]][3], 1.0)}
            if support is local and sig in decided:
                match = decided[sig]
            else:
                if not alone and (not use_context or self._reach(raw.query).isdisjoint(support)):
                    match = None  # nothing named in the text could support it: skip the ranking
                elif not alone:
                    # only a place named in the text that contains this one (or is it) lends support
                    match = self._in_context(raw.query, support, dict.fromkeys(rows_x, 1.0), need_support=True)
                elif use_context and (match is None or count > 1) and expanded:
                    own_e = dict.fromkeys(rows_e, 1.0)
                    match = self._in_context(raw.query, expanded, own_e, need_support=False, default=match)
                if support is local:
                    decided[sig] = match
            if match is None:
                continue
            if raw.inflected:
                match = replace(match, method="inflected", score=min(match.score, _INFLECTED_SCORE))
            surface = text[raw.start : raw.end]
            if match.query != surface:
                match = replace(match, query=surface)
            out.append(make_mention(raw.start, raw.end, surface, match))
        return out


def _cjk_ok(run: str, i: int, j: int, hangul: bool, cjk: Container[str]) -> bool:
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
    piece = run[i:j]
    before = run[i - 1] if i > 0 else ""
    after = run[j] if j < len(run) else ""
    if after in _CJK_WORD_FORMING:
        return False
    if piece[-1] in _CJK_WORD_FORMING and len(piece) > 2 and piece[:-1] in cjk:
        return False  # 日本語 and 日本人 are stored as names by some sources; they are words
    if _is_katakana(piece[0]) and before and _is_katakana(before):
        return False
    if _is_katakana(piece[-1]) and after and _is_katakana(after):
        return False
    suffixed = piece[-1] in _CJK_SUFFIX
    if (
        before
        and _is_han(before)
        and _is_han(piece[0])
        and before not in _CJK_LEADERS
        and not (suffixed or len(piece) >= 3)
    ):
        return False
    if after and _is_han(after) and _is_han(piece[-1]):
        if suffixed or len(piece) >= 3:
            return True
        rest = run[j:]
        return any(rest.startswith(w) for w in _CJK_FOLLOWERS)
    return True


def render(text: str, mentions: list[Mention], replacement: Mapping[int, str]) -> str:
    """``text`` with the mentions at the given positions (index into ``mentions``) replaced."""
    out: list[str] = []
    pos = 0
    for i, m in enumerate(mentions):
        new = replacement.get(i)
        if new is None:
            continue
        out.append(text[pos : m.start])
        out.append(new)
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def _unicode_version() -> str:  # pragma: no cover - informational
    return f"{unicodedata.unidata_version} (Python {sys.version_info.major}.{sys.version_info.minor})"

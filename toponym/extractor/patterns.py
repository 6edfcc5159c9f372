"""The tokenizer: which characters may start a mention, and the regexes built from them.

Only word *starts* that can begin a mention in a cased script (an upper-case letter not glued to a
preceding word) or any word of a caseless spaced script (Arabic, Devanagari, Georgian, ...) are
candidates. The character classes come from Unicode categories, built once on first use.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..charclass import HANGUL_RANGES, UNSPACED_RANGES, is_caseless, is_hangul, is_unspaced

__all__ = [
    "APOS",
    "APOSTROPHES",
    "CHUNK",
    "LINE",
    "NEXT",
    "SEP",
    "Patterns",
    "chunks",
    "headline",
    "line_around",
    "maybe_unspaced",
    "patterns",
    "sentence_initial",
    "start_ranges",
]

#: Characters of text split into words at a time (see :func:`chunks`).
CHUNK = 1 << 17
#: What may separate two words of one name: spaces, a hyphen, "St. ", one line break.
SEP = r"(?:[ \t\u00a0\u2009\u202f]{1,3}|[ \t]?[-\u2010\u2011][ \t]?|\.[ \t]{1,2}|[ \t]*\r?\n[ \t]*)"
NEXT = re.compile(SEP + r"(\w+)")
APOSTROPHES = frozenset("'’ʼ")
APOS = re.compile(r"['’ʼ](\w+)")
_SENTENCE_END = frozenset(".!?:;\"'“”«»()[]{}•*#>|-–—\n")


def class_of(ranges: list[tuple[int, int]]) -> str:
    """A regex character class body for code point ``ranges``."""
    return "".join(f"{re.escape(chr(a))}-{re.escape(chr(b))}" if a != b else re.escape(chr(a)) for a, b in ranges)


def _ranges(pred: Callable[[str], bool], stop: int = 0x32400) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    start = prev = -2
    for cp in range(stop):
        if pred(chr(cp)):
            if cp != prev + 1:
                if start >= 0:
                    out.append((start, prev))
                start = cp
            prev = cp
    if start >= 0:
        out.append((start, prev))
    return out


def _starts_word(ch: str) -> bool:
    """May ``ch`` start a mention in a spaced script?"""
    if not ch.isalpha() or is_unspaced(ch) or is_hangul(ch):
        return False
    # upper or title case, or a letter of a script written without case
    return ch.isupper() or ch.istitle() or is_caseless(ch)


@functools.cache
def start_ranges() -> tuple[tuple[int, int], ...]:
    # BMP only: sre turns a BMP class into a bitmap, a class with astral ranges into a slow list
    # of ranges (80 MB/s against 1 MB/s); letters outside the BMP rarely start a place name.
    return tuple(_ranges(_starts_word, 0x10000))


@dataclass(frozen=True, slots=True)
class Patterns:
    start: re.Pattern[str]
    """A word that may start a mention (for the C-level gate: ``findall`` gives plain strings)."""
    split: re.Pattern[str]
    """``start`` in a group, for ``split``: the text between words, and the words."""
    peek: re.Pattern[str]
    """Matched right after a word: in group 1 the next word (with an apostrophe part), or the
    apostrophe glued to the word ("Martha's"), or ``None`` (so that a word with its group 1 tells
    all that decides whether a word that may only start a longer key goes anywhere)."""
    unspaced: re.Pattern[str]


@functools.cache
def patterns() -> Patterns:
    """The tokenizer regexes, built once from Unicode categories (upper case, caseless letters)."""
    start_class = class_of(list(start_ranges()))
    unspaced_class = class_of([r for r in (*UNSPACED_RANGES, *HANGUL_RANGES) if r[1] < 0x10000])
    # A start is not glued to a word before it ("McDonald", "d'Ivoire") nor part of an identifier
    # ("os.Path", "self.Tokyo"); the lookbehinds sit after the first character so that the
    # regex engine can scan for the character class first.
    word = rf"[{start_class}](?<![\w'’ʼ].)(?<!\w[./\\@#$=].)\w*"
    # the word after a word, as the longest match reads it; peeked at only for the few words that
    # are not known misses (a lookahead in ``start`` costs a third more on every word; one
    # alternation with the unspaced runs would save a pass but measured slower: sre loses its
    # first-character scan)
    peek = re.compile(rf"(?:(?:{SEP}(?=\w)|(?=['’ʼ]))(\w+(?:['’ʼ]\w+)?|['’ʼ]))?")
    return Patterns(
        start=re.compile(word), split=re.compile(f"({word})"), peek=peek, unspaced=re.compile(f"[{unspaced_class}]+")
    )


#: UTF-8 lead bytes of the code points of scripts without spaces (U+0800 to U+1FFF, U+3000 to
#: U+DFFF, U+F000 to U+FFFF, the astral planes up to U+3FFFF); U+2000 to U+2FFF (punctuation,
#: box drawing) and Latin, Greek and Cyrillic text never have them.
_UNSPACED_LEADS = tuple(bytes([b]) for b in (0xE0, 0xE1, *range(0xE3, 0xEE), 0xEF, 0xF0))


def maybe_unspaced(text: str) -> bool:
    """A fast test (bytes searches in C) that rules out most texts without unspaced scripts."""
    step = 1 << 20
    for i in range(0, len(text), step):
        data = text[i : i + step].encode("utf-8", "surrogatepass")
        if any(lead in data for lead in _UNSPACED_LEADS):
            return True
    return False


def chunks(text: str) -> Iterator[tuple[int, str]]:
    """``text`` in pieces of about :data:`CHUNK` characters, each ending after a space (a word
    starting a piece then reads as it does in ``text``: the start regex looks back only for word
    characters and a few punctuation marks)."""
    lo, n = 0, len(text)
    while lo < n:
        hi = text.find(" ", lo + CHUNK) + 1 or n
        yield lo, text[lo:hi]
        lo = hi


def first_on_line(text: str, start: int) -> bool:
    """Is ``text[start]`` first on its line, with nothing but white space before it there? Read
    back over that space only: a text without line breaks is not copied up to ``start``."""
    i = start - 1
    while i >= 0 and text[i] != "\n" and text[i].isspace():
        i -= 1
    return i < 0 or text[i] == "\n"


def sentence_initial(text: str, start: int) -> bool:
    """Does a sentence begin at ``start``: after the text's start, a sentence's end or an opening
    mark, or after a heading or a dateline in capitals ("INFORMAR DE ERRORES Para informar",
    "DETROIT The U.S. ...")?"""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    if i < 0 or text[i] in _SENTENCE_END:
        return True
    if i < start - 1 and text[i].isupper():  # a word in capitals before the space: a heading's?
        j = i
        while j >= 0 and text[j].isalpha() and text[j].isupper():
            j -= 1
        return i - j >= 4 and (j < 0 or not text[j].isalnum())  # not an acronym: "МЧС России"
    return False


#: Characters of a line read on either side of a mention: a line longer than this (a text without
#: line breaks) is judged by its part around the mention, so each judgement costs a bounded time.
LINE = 2000


def line_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The line of ``text`` around ``text[start:end]``, at most :data:`LINE` characters either side."""
    lo = max(0, start - LINE)
    lo = text.rfind("\n", lo, start) + 1 or lo
    hi = min(len(text), end + LINE)
    k = text.find("\n", end, hi)
    return lo, k if k >= 0 else hi


def headline(text: str, start: int, end: int) -> bool:
    """True when the line around ``start`` has no lower-case letter (a headline in capitals)."""
    lo, hi = line_around(text, start, end)
    line = text[lo:hi]
    # a line in capitals is told in one call; one with lower case has one early
    return line.isupper() or not any(ch.islower() for ch in line)

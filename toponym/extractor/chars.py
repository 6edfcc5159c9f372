"""What each character is to the text scanner, as tables of the Basic Multilingual Plane.

The scanner (C's and its Python twin, :mod:`.textscan`) reads a character's class, its normalised
form and its folded form from here, so that both agree with :mod:`toponym.normalize` without
calling it per word:

* ``info``: class bits (``C_*``): part of a word; may start a mention; a script without spaces;
  an apostrophe; what separates the words of a name; a mark that continues a character.
* ``lower``: the character as :func:`~toponym.normalize.normalize_name` writes it inside a word,
  when that is one character and does not depend on its neighbours; else 0: a word with such a
  character ("ß", a combining mark, "İ") is normalised by Python (:data:`IRREGULAR`).
* ``fold``: the normalised character as :func:`~toponym.normalize.fold_key` writes it, 0 when that
  is not one character, :data:`DROP` when folding removes it (an apostrophe).
* ``script``: a small number per script that has affix rules (:data:`SCRIPTS`).

Characters outside the BMP are part of a word when they are letters or digits (or continue a
character: emoji modifiers, variation selectors, tags), start no mention, and make a word irregular.
"""

from __future__ import annotations

import functools
import unicodedata
from array import array
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .._unicode import MARKS
from ..charclass import UNSPACED_RANGES, WRITTEN_CASELESS_RANGES
from ..normalize import HAN_FOLD

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "ASTRAL_EXTENDERS",
    "C_APOS",
    "C_BLANK",
    "C_CR",
    "C_DOT",
    "C_HYPHEN",
    "C_IDENT",
    "C_MARK",
    "C_NEWLINE",
    "C_START",
    "C_UNSPACED",
    "C_WORD",
    "DROP",
    "HYPHENS",
    "SCRIPTS",
    "CharTables",
    "char_tables",
    "extends",
]  # fmt: skip

C_WORD = 1
C_START = 2
C_UNSPACED = 4
C_APOS = 8
C_BLANK = 16  # a space that may separate two words of a name
C_HYPHEN = 32
C_IDENT = 64  # "./\\@#$=": glued to a word before it, it makes an identifier ("os.Path")
C_NEWLINE = 128
C_DOT = 256
C_CR = 512
C_MARK = 1024  # continues the character before it (a combining mark, a joiner, a selector)

#: ``fold``: folding removes the character.
DROP = 0xFFFF
#: Scripts that affix rules name, as the ``script`` table numbers them (0: any other).
SCRIPTS = ("", "Latin", "Cyrillic", "Arabic", "Hangul", "Greek", "Hebrew", "Bengali", "Tamil", "Georgian")

_BLANKS = " \t\u00a0\u2009\u202f"
_APOSTROPHES = "'’ʼ"
#: The hyphens that join the words of a compound ("Baden-Württemberg", "Noord-Syrië").
HYPHENS = "-\u2010\u2011"
#: Characters that extend the one before them without being letters: joiners, variation
#: selectors (outside the BMP: tags and more selectors, emoji modifiers; see :func:`extends`).
_EXTENDERS = "\u200c\u200d" + "".join(map(chr, range(0xFE00, 0xFE10)))


def _astral_extenders() -> tuple[tuple[int, int], ...]:
    """Code point ranges outside the BMP that continue the character before them: combining marks
    (from the generated ``MARKS``), emoji modifiers, tags and variation selectors."""
    ranges = [(a, b) for a, b in _class_ranges(MARKS) if a >= 0x10000]
    return tuple(sorted({*ranges, (0x1F3FB, 0x1F3FF), (0xE0000, 0xE0FFF)}))


def _class_ranges(body: str) -> list[tuple[int, int]]:
    """The ranges of a regex class body of single characters and ``a-b`` ranges."""
    out, i = [], 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.append((ord(body[i]), ord(body[i + 2])))
            i += 3
        else:
            out.append((ord(body[i]), ord(body[i])))
            i += 1
    return out


ASTRAL_EXTENDERS = _astral_extenders()


def extends(cp: int) -> bool:
    """Does the code point continue the character before it (a combining mark, a joiner, a
    variation selector, an emoji modifier, a tag)? A span never ends or starts before one."""
    if cp < 0x10000:
        return bool(char_tables().info[cp] & C_MARK)
    return any(a <= cp <= b for a, b in ASTRAL_EXTENDERS)


@dataclass(frozen=True, slots=True)
class CharTables:
    info: array[int]
    lower: array[int]
    fold: array[int]
    script: bytes
    astral: tuple[tuple[int, int], ...]
    """Ranges of :func:`extends` outside the BMP (sorted)."""

    def scan_tables(self) -> tuple[array[int], array[int], array[int], bytes, tuple[tuple[int, int], ...]]:
        """What :class:`~.textscan.TextScan` reads."""
        return self.info, self.lower, self.fold, self.script, self.astral


def _one(text: str) -> int:
    """The code point of a one-character BMP string, else 0."""
    return ord(text) if len(text) == 1 and ord(text) < 0x10000 else 0


#: Blocks of the scripts that affix rules name (their letters; the rest of a block is no letter).
_SCRIPT_BLOCKS = {
    "Latin": ((0x41, 0x5A), (0x61, 0x7A), (0xC0, 0x24F), (0x1E00, 0x1EFF), (0x2C60, 0x2C7F), (0xA720, 0xA7FF),
              (0xAB30, 0xAB6F), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A)),
    "Cyrillic": ((0x400, 0x52F), (0x1C80, 0x1C8F), (0x2DE0, 0x2DFF), (0xA640, 0xA69F)),
    "Arabic": ((0x600, 0x6FF), (0x750, 0x77F), (0x8A0, 0x8FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    "Hangul": ((0xAC00, 0xD7AF), (0x3130, 0x318F)),
    "Greek": ((0x370, 0x3FF), (0x1F00, 0x1FFF)),
    "Hebrew": ((0x590, 0x5FF), (0xFB1D, 0xFB4F)),
    "Bengali": ((0x980, 0x9FF),),
    "Tamil": ((0xB80, 0xBFF),),
    "Georgian": ((0x10A0, 0x10FF), (0x1C90, 0x1CBF), (0x2D00, 0x2D2F)),
}  # fmt: skip


@functools.cache
def char_tables() -> CharTables:
    """The tables, built once per process with C-level maps over the 65,536 characters."""
    import numpy as np

    chars = "".join(map(chr, range(0xD800))) + "\x00" * 0x800 + "".join(map(chr, range(0xE000, 0x10000)))
    cats = list(map(unicodedata.category, chars))
    mark = np.array([c[0] == "M" for c in cats]) | np.isin(np.arange(0x10000), [ord(c) for c in _EXTENDERS])
    alnum = np.array(list(map(str.isalnum, chars)))
    alnum[ord("_")] = alnum[ord("ʼ")] = True
    letter = np.array(list(map(str.isalpha, chars)))
    cased = np.array(list(map(str.isupper, chars))) | np.array(list(map(str.istitle, chars)))
    caseless = np.array([a == b for a, b in zip(map(str.lower, chars), map(str.upper, chars), strict=True)])
    for a, b in WRITTEN_CASELESS_RANGES:
        caseless[a : b + 1] = True
    unspaced = np.zeros(0x10000, dtype=bool)
    for a, b in UNSPACED_RANGES:
        unspaced[a : min(b, 0xFFFF) + 1] = True
    info = np.zeros(0x10000, dtype=np.uint16)
    word = alnum & ~mark
    info[word] = C_WORD
    info[word & unspaced] |= C_UNSPACED
    info[word & ~unspaced & letter & (cased | caseless)] |= C_START
    info[mark] = C_WORD | C_MARK
    info[mark & unspaced] |= C_UNSPACED  # a Thai vowel or tone mark goes on its run (ญี่ปุ่น)
    for chars_of, bit in ((_BLANKS, C_BLANK), (_APOSTROPHES, C_APOS), (HYPHENS, C_HYPHEN),
                          ("./\\@#$=", C_IDENT), ("\n", C_NEWLINE), (".", C_DOT), ("\r", C_CR)):  # fmt: skip
        info[[ord(ch) for ch in chars_of]] |= bit
    lower = _lower(chars, word)
    fold = _fold(lower)
    for ch in _APOSTROPHES:
        lower[ord(ch)] = ord("'")
        fold[ord(ch)] = DROP
    script = np.zeros(0x10000, dtype=np.uint8)
    for name, blocks in _SCRIPT_BLOCKS.items():
        for a, b in blocks:
            script[a : b + 1] = SCRIPTS.index(name)
    script[~letter] = 0
    return CharTables(array("H", info.tobytes()), array("H", lower.tobytes()), array("H", fold.tobytes()),
                      script.tobytes(), ASTRAL_EXTENDERS)  # fmt: skip


def _lower(chars: str, word: NDArray[np.bool_]) -> NDArray[np.uint16]:
    """``lower`` (see the module docstring): NFKC, casefold, NFKC, when one stable character."""
    import numpy as np

    once = [unicodedata.normalize("NFKC", ch).casefold() for ch in chars]
    stable = [unicodedata.is_normalized("NFKC", o) for o in once]
    lower = np.array([_one(o) if ok else 0 for o, ok in zip(once, stable, strict=True)], dtype=np.uint16)
    lower[~word] = 0
    lower[0x1100:0x1200] = lower[0xA960:0xA980] = lower[0xD7B0:0xD800] = 0  # conjoining jamo
    lower[ord("_")] = 0
    # a character must normalise to a word character that is its own normal form
    bad = ~word[lower] | (lower[lower] != lower)
    lower[bad] = 0
    return lower


def _fold(lower: NDArray[np.uint16]) -> NDArray[np.uint16]:
    """``fold`` of each normalised character (see the module docstring)."""
    import numpy as np

    from ..normalize import fold_key

    fold = lower.copy()
    targets = np.unique(lower[lower > 0])
    chars = [chr(c) for c in targets.tolist()]
    changed = [ch for ch, d in zip(chars, (unicodedata.normalize("NFD", c) for c in chars), strict=True)
               if d != ch or ch.translate(HAN_FOLD) != ch or not ch.isascii()]  # fmt: skip
    table = np.arange(0x10000, dtype=np.uint16)
    for ch in changed:
        folded = fold_key.__wrapped__(ch)
        table[ord(ch)] = DROP if not folded else _one(folded)
    fold = table[lower]
    fold[lower == 0] = 0
    return fold


def hangul_jamo(cp: int) -> bool:
    """Conjoining jamo: NFKC joins a run of them into syllables, so a word with one is irregular."""
    return 0x1100 <= cp <= 0x11FF or 0xA960 <= cp <= 0xA97F or 0xD7B0 <= cp <= 0xD7FF

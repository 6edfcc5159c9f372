"""Which script a character or a text is written in: the one classifier every module asks.

Two views: :func:`script_of` names the script of a text's letters (from the Unicode character
names), and the range tables say which characters belong to scripts written without spaces (Han,
kana, Thai, ...) or to Hangul, which the text scanner treats apart.
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "CJK",
    "HAN",
    "HANGUL_RANGES",
    "HAN_RANGES",
    "KANA",
    "UNSPACED_RANGES",
    "WRITTEN_CASELESS_RANGES",
    "in_ranges",
    "is_caseless",
    "is_han",
    "is_hangul",
    "is_katakana",
    "is_sound_script",
    "is_unspaced",
    "script_of",
    "script_of_char",
]

#: Han characters (CJK unified ideographs, extensions, compatibility ideographs), as a regex class body.
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"

#: Scripts written without spaces: scanned character by character (Hangul is handled apart).
UNSPACED_RANGES: tuple[tuple[int, int], ...] = (
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
HANGUL_RANGES: tuple[tuple[int, int], ...] = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xAC00, 0xD7AF))
#: Letters Unicode gives capitals that running text never uses: Georgian Mkhedruli (its Mtavruli
#: capitals, since Unicode 11, are for all-caps titles), read as a script without case.
WRITTEN_CASELESS_RANGES: tuple[tuple[int, int], ...] = ((0x10D0, 0x10FF),)

# Scripts whose unidecode output is a fair romanisation.
_SOUND_SCRIPTS = frozenset({"Latin", "Greek", "Cyrillic", "Armenian", "Georgian", "Common"})
_BY_NAME = {
    "LATIN": "Latin",
    "GREEK": "Greek",
    "CYRILLIC": "Cyrillic",
    "ARMENIAN": "Armenian",
    "GEORGIAN": "Georgian",
    "HANGUL": "Hangul",
    "ARABIC": "Arabic",
    "HEBREW": "Hebrew",
}


@functools.lru_cache(maxsize=4096)
def script_of_char(ch: str) -> str:
    """The script of one character: ``Latin``, ``Cyrillic``, ``Han``, ``Kana``, ... ``Common`` for
    a non-letter, ``Unknown`` for an unassigned code point."""
    if ch.isascii():
        return "Latin" if ch.isalpha() else "Common"
    try:
        name = unicodedata.name(ch)
    except ValueError:
        return "Unknown"
    if not ch.isalpha():
        return "Common"
    head = name.split(" ", 1)[0]
    # "ー" (KATAKANA-HIRAGANA PROLONGED SOUND MARK) is as much kana as the letters around it
    if head in {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA"} or name.startswith("HALFWIDTH KATAKANA"):
        return "Han" if head == "CJK" else "Kana"
    return _BY_NAME.get(head, head.title())


def script_of(text: str) -> str:
    """The script of the letters of ``text``: one name, ``"Mixed"``, or ``"Common"`` if none.

    >>> script_of("Sakhalin"), script_of("Сахалин"), script_of("樺太"), script_of("サハリン州")
    ('Latin', 'Cyrillic', 'Han', 'Mixed')
    >>> script_of("トラフォード")  # the prolonged sound mark ー is kana too
    'Kana'
    """
    found = {script_of_char(ch) for ch in text if ch.isalpha()}
    if not found:
        return "Common"
    return found.pop() if len(found) == 1 else "Mixed"


def is_sound_script(text: str) -> bool:
    """True when every letter of ``text`` is in a script that transliterates soundly to ASCII."""
    return all(script_of_char(ch) in _SOUND_SCRIPTS for ch in text if ch.isalpha())


def in_ranges(cp: int, ranges: tuple[tuple[int, int], ...]) -> bool:
    return any(a <= cp <= b for a, b in ranges)


def is_caseless(text: str) -> bool:
    """Is ``text`` written without case (Arabic, Devanagari, Georgian...): nothing in its letters
    tells a name from a word?

    >>> is_caseless("თბილისი"), is_caseless("القاهرة"), is_caseless("Tbilisi"), is_caseless("tbilisi")
    (True, True, False, False)
    """
    return all(ch.upper() == ch.lower() or in_ranges(ord(ch), WRITTEN_CASELESS_RANGES) for ch in text)


def is_unspaced(ch: str) -> bool:
    """Is ``ch`` a character of a script written without spaces (Han, kana, Thai, ...)?"""
    return in_ranges(ord(ch), UNSPACED_RANGES)


def is_hangul(ch: str) -> bool:
    return in_ranges(ord(ch), HANGUL_RANGES)


def is_han(ch: str) -> bool:
    cp = ord(ch)
    return 0x3400 <= cp <= 0x9FFF or 0xF900 <= cp <= 0xFAFF or cp >= 0x20000 or cp in (0x3005, 0x3006)


def is_katakana(ch: str) -> bool:
    cp = ord(ch)
    return 0x30A0 <= cp <= 0x30FF or 0x31F0 <= cp <= 0x31FF or 0xFF66 <= cp <= 0xFF9F


#: Kana: a text with them is Japanese.
KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa]")
#: Han characters, as :func:`is_han` reads them.
HAN = re.compile("[\u3005\u3006\u3400-\u9fff\uf900-\ufaff\U00020000-\U0010ffff]")
#: Kana or Han: a text with neither needs none of the rules of Japanese and Chinese.
CJK = re.compile(f"{KANA.pattern}|{HAN.pattern}")

"""Names inside a run of Thai, which writes no space between words.

Thai spaces phrases, not words, so a name is most often glued to the words around it
("เดินทางไปญี่ปุ่น", "travelled to Japan"). The scan segments a run by the stored names and the
frequent Thai words (``words/th.frequent.txt``); a piece of the run it makes a name's may be one
only where the spelling lets a word begin and end there: no vowel or tone mark that belongs to the
letter before it begins it or follows it, and no vowel written before its consonant ends it or
stands before it. A word for a kind of place before a piece says it is a name (:func:`after_unit`).
"""

from __future__ import annotations

__all__ = ["MIN_INSIDE", "UNIT_WORDS", "after_unit", "inside", "southeast", "thai"]

#: Vowels and marks written after (above, below) the consonant they belong to.
_FOLLOWING = frozenset("\u0e30\u0e31\u0e32\u0e33\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e45") | frozenset(
    "\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e"
)
#: Vowels written before the consonant they follow in speech (เ แ โ ใ ไ).
_LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")
#: Characters a name inside a run has at least: a shorter key is a syllable of many words
#: ("วาน", Van in Turkey, ends "เมื่อวาน", "yesterday"; "จีน" is "Chinese" too).
MIN_INSIDE = 4
#: Words for kinds of places: province, district, town, country, capital, island, river. A name
#: after one may be short (ประเทศลาว, Laos; "ลาว" alone is "Lao" too) or an ordinary word.
UNIT_WORDS = ("จังหวัด", "อำเภอ", "เมือง", "ประเทศ", "กรุง", "เกาะ", "แม่น้ำ")


def thai(ch: str) -> bool:
    """Is ``ch`` a character of the Thai block?"""
    return "\u0e00" <= ch <= "\u0e7f"


def southeast(ch: str) -> bool:
    """A letter of Thai, Lao, Tibetan, Myanmar or Khmer (scripts written without spaces)."""
    return "\u0e00" <= ch <= "\u109f" or "\u1780" <= ch <= "\u17ff"


def after_unit(text: str, s: int) -> bool:
    """Does a word that names a kind of place ("province", "country", "city") end at ``s``? What
    follows it is a name, though a word too: จังหวัดแพร่ is Phrae province, แพร่ alone "to spread".
    (One character's test first: the scanner asks of every segment of Han and kana too.)"""
    return s > 0 and thai(text[s - 1]) and text.endswith(UNIT_WORDS, 0, s)


def inside(text: str, s: int, e: int) -> bool:
    """May a name of Thai run from ``s`` to ``e`` in ``text``, glued to Thai on either side?

    >>> inside("นายกรัฐมนตรีเดินทางไปญี่ปุ่น", 21, 28)  # Japan, after "ไป" (to)
    True
    >>> inside("ฉันไปตลาดเมื่อวาน", 14, 17)  # "วาน" is the end of a word: too short to be a name
    False
    >>> inside("เดินทางไปประเทศลาว", 15, 18)  # Laos, after "ประเทศ" (country)
    True
    """
    if e - s < (2 if after_unit(text, s) else MIN_INSIDE) or not (thai(text[s]) and thai(text[e - 1])):
        return False
    if text[s] in _FOLLOWING or text[e - 1] in _LEADING or (s > 0 and text[s - 1] in _LEADING):
        return False
    return not (e < len(text) and text[e] in _FOLLOWING)

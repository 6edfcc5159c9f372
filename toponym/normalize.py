"""The one text policy: how names become lookup keys, at compile time and at query time.

Three keys, from strict to loose; the resolver tries them in this order and reports which matched:

* :func:`normalize_name` — NFKC, casefold, one apostrophe, one space for dashes and punctuation.
* :func:`fold_key` — the normalised key with accents removed from Latin, Greek and Cyrillic letters
  (``Kraków`` → ``krakow``, ``Ёлка`` → ``елка``) and Han characters in one form (``臺灣`` →
  ``台湾``). Marks that carry meaning in other scripts (Japanese dakuten, Indic vowel signs) are kept.
* :func:`translit_key` — the folded key in ASCII, only for scripts whose transliteration is sound
  (Latin, Cyrillic, Greek, Armenian, Georgian). Han and kana would come out as Mandarin pinyin, so
  their romaji must be stored as names instead; for them this returns ``None``.

>>> normalize_name("  Yuzhno–Sakhalinsk ")
'yuzhno sakhalinsk'
>>> normalize_name("Côte d’Ivoire")
"côte d'ivoire"
>>> normalize_name("ＴＯＫＹＯ")
'tokyo'
>>> [fold_key(normalize_name(n)) for n in ("Kraków", "Ёлка", "がっこう")]
['krakow', 'елка', 'がっこう']
>>> translit_key("Кунашир"), translit_key("国後島")
('kunashir', None)
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ._han import FOLD_FROM, FOLD_TO
from ._unicode import MARKS
from .charclass import HAN_RANGES, is_sound_script, script_of, script_of_char

__all__ = [
    "HAN_FOLD",
    "HAN_RANGES",
    "WORD_CLASS",
    "b_row",
    "bare_alifs",
    "fold_key",
    "hangul_units",
    "is_sound_script",
    "normalize_name",
    "script_of",
    "translit_key",
]

# Apostrophe look-alikes (incl. the Cyrillic soft-sign romanisation ʹ) become one ASCII apostrophe.
_APOSTROPHE_CHARS = "\u2018\u2019\u201b\u02bb\u02bc\u02b9\u2032\u00b4`\uff07"
_APOSTROPHES = dict.fromkeys(map(ord, _APOSTROPHE_CHARS), "'")
_APOSTROPHE_LIKE = re.compile(f"[{_APOSTROPHE_CHARS}]")
# Every other punctuation or symbol separates words: "St. Petersburg" ~ "St Petersburg".
# ``\w`` leaves out combining marks, which are part of words (दिल्ली, decomposed accents).
WORD_CLASS = r"\w" + MARKS
_SEPARATORS = re.compile(rf"[^{WORD_CLASS}']+|_+")
_SPACES = re.compile(r"\s+")
# Latin letters that have no Unicode decomposition but an obvious base letter.
_LATIN_EXTRA = str.maketrans(
    {
        "ø": "o",
        "đ": "d",
        "ł": "l",
        "ħ": "h",
        "ı": "i",
        "ŧ": "t",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
        "ð": "d",
        "ŀ": "l",
        "ƒ": "f",
        "ŋ": "n",
        "ȿ": "s",
    }
)
_LATIN_EXTRA_CHARS = re.compile("[" + re.escape("".join(map(chr, _LATIN_EXTRA))) + "]")
# Han characters folded to one form (traditional and Japanese forms to simplified), see _han.py.
_HAN = re.compile(f"[{HAN_RANGES}]")
HAN_FOLD = str.maketrans(FOLD_FROM, FOLD_TO)
# Marks are dropped only after a letter of these scripts: elsewhere they are part of the spelling.
_FOLDABLE_SCRIPTS = frozenset({"Latin", "Greek", "Cyrillic"})


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """The lookup key of a name: NFKC, casefold, unified apostrophes and separators.

    Idempotent: ``normalize_name(normalize_name(x)) == normalize_name(x)``.

    >>> normalize_name("St. Petersburg"), normalize_name("KURIL  islands")
    ('st petersburg', 'kuril islands')
    >>> normalize_name("Kuril'sk") == normalize_name("Kurilʹsk")
    True
    >>> normalize_name("'''"), normalize_name("")
    ('', '')
    """
    if text.isascii():
        text = text.lower()
        if "`" in text:
            text = text.replace("`", "'")
    else:
        # each step is skipped when it would change nothing: the checks cost a fraction of the work
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
        text = text.casefold()
        if _APOSTROPHE_LIKE.search(text):
            text = text.translate(_APOSTROPHES)
        # casefold can leave sequences that NFKC composes differently (e.g. "İ"): settle both.
        if not unicodedata.is_normalized("NFKC", text):
            text = unicodedata.normalize("NFKC", text)
    if text.isalpha():  # the common case, "moscow", "москва": nothing else to do
        return text
    words = text.split()
    if "".join(words).isalpha():  # "new  york", "санкт петербург": letters and spaces only
        return " ".join(words)
    text = _SEPARATORS.sub(" ", text)
    if "  " in text:
        text = _SPACES.sub(" ", text)
    return text.strip(" '")


#: Arabic alifs with a hamza or a madda, as the bare alif (see :func:`bare_alifs`).
_BARE_ALIF = str.maketrans(dict.fromkeys(map(ord, "\u0622\u0623\u0625"), "\u0627"))


def bare_alifs(key: str) -> str:
    """``key`` with its Arabic alifs bare, as writers often leave the hamza off: "جنوب أفريقيا" is
    written "جنوب افريقيا". A name of several words is filed under this form too (one word is not:
    there the hamza tells a name from a word).

    >>> bare_alifs("أمريكا اللاتينية")
    'امريكا اللاتينية'
    """
    return key.translate(_BARE_ALIF) if not key.isascii() else key


#: Korean words for a kind of unit or feature that sources write after a name with a space ("캘리포니아
#: 주", "광둥 성", "마셜 제도"), which Korean spelling glues to a name from abroad ("캘리포니아주").
_HANGUL_UNITS = frozenset({
    "주", "준주", "성", "현", "부", "도", "시", "군", "구", "자치구", "자치시", "교구", "지구", "지역", "지방", "섬",
    "제도", "열도", "환초", "해협", "토후국",
})  # fmt: skip
#: ... and those a news text as often leaves off a state's, a province's or a prefecture's name ("캘리포니아").
_HANGUL_DROPPED = frozenset(["주", "성", "현"])


def hangul_units(key: str) -> tuple[str, str | None] | None:
    """The glued form of a Hangul name whose last word is a unit's, and the name without the
    unit where news leaves it off (``None`` otherwise); ``None`` for any other name.

    >>> hangul_units("캘리포니아 주")
    ('캘리포니아주', '캘리포니아')
    >>> hangul_units("마셜 제도")
    ('마셜제도', None)
    """
    head, _, unit = key.rpartition(" ")
    if not head or unit not in _HANGUL_UNITS or not all("\uac00" <= ch <= "\ud7a3" or ch == " " for ch in key):
        return None
    return head + unit, (head if unit in _HANGUL_DROPPED and len(head) >= 2 else None)


#: Katakana's "v" syllables and the "b" row that Japanese as often writes for them.
_VU = re.compile("\u30f4[\u30a1\u30a3\u30a7\u30a9]?")
_B_ROW = {
    "\u30f4\u30a1": "\u30d0",
    "\u30f4\u30a3": "\u30d3",
    "\u30f4": "\u30d6",
    "\u30f4\u30a7": "\u30d9",
    "\u30f4\u30a9": "\u30dc",
}


def b_row(key: str) -> str:
    """``key`` with katakana's "v" syllables written with the "b" row, as Japanese as often
    writes them: ヴェトナム is ベトナム, ヴァチカン バチカン.

    >>> b_row("ヴェトナム"), b_row("ヴァチカン"), b_row("ヴ")
    ('ベトナム', 'バチカン', 'ブ')
    """
    return _VU.sub(lambda m: _B_ROW[m.group()], key) if "\u30f4" in key else key


@functools.lru_cache(maxsize=65536)
def fold_key(key: str) -> str:
    """Remove accents from Latin, Greek and Cyrillic letters of a normalised key, and fold Han
    characters to one form (traditional and Japanese forms to simplified, from OpenCC's tables).

    >>> fold_key("são tomé"), fold_key("ελλάδα"), fold_key("йошкар ола")
    ('sao tome', 'ελλαδα', 'иошкар ола')
    >>> fold_key("臺灣"), fold_key("國後島"), fold_key("歯舞群島")
    ('台湾', '国后岛', '齿舞群岛')
    """
    if key.isascii():
        return key
    if _HAN.search(key):
        key = key.translate(HAN_FOLD)
    if _LATIN_EXTRA_CHARS.search(key):
        key = key.translate(_LATIN_EXTRA)
    decomposed = unicodedata.normalize("NFD", key)
    if any(map(unicodedata.combining, decomposed)):  # most keys of most scripts have no mark at all
        out: list[str] = []
        base = ""  # the letter the marks that follow sit on; its script is looked up only for them
        foldable = False
        for ch in decomposed:
            if not unicodedata.combining(ch):
                base = ch
            elif base:
                foldable, base = script_of_char(base) in _FOLDABLE_SCRIPTS, ""
                if foldable:
                    continue
            elif foldable:
                continue
            out.append(ch)
        decomposed = "".join(out)
    return unicodedata.normalize("NFC", decomposed).replace("'", "")


@functools.lru_cache(maxsize=65536)
def translit_key(key: str) -> str | None:
    """ASCII key of a folded key, or ``None`` where transliteration would be unsound.

    >>> translit_key("южно сахалинск"), translit_key("αθήνα"), translit_key("東京")
    ('iuzhno sakhalinsk', 'athena', None)
    """
    if key.isascii():
        return key.replace("'", "")
    if not is_sound_script(key):
        return None
    from unidecode import unidecode  # deferred: only non-ASCII queries pay for the import

    return normalize_name(unidecode(key)).replace("'", "")

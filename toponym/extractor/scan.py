"""The scan: running text → candidate mentions (:class:`.raw.Raw`).

:mod:`.textscan` reads each chunk of text once and reports its key hits (C's, or the Python twin);
this module turns them into candidates: the capitalisation policy for a word alone
(:mod:`.casing`), the stored form of an inflected word (:mod:`.affixes`), words the tables could
not normalise (read again with :func:`~toponym.normalize.normalize_name`), and dotted acronyms
("U.S."), which the word scan splits into letters.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from dataclasses import replace

from ..charclass import CJK, HAN, KANA, is_han
from ..index import Index
from ..normalize import fold_key, normalize_name
from .affixes import Affixes, affixes
from .casing import Casing
from .chars import char_tables, extends
from .chinese import abbreviations, organisations
from .contractions import Contractions
from .forms import Forms
from .locators import locators
from .lookups import Lookups
from .proper import forget_people, proper
from .raw import Raw
from .results import Results, merge
from .textscan import H_FOLDED, H_IRREGULAR, H_RULE, H_UNSPACED, PyTextScan, TextScan
from .units import UnitWords
from .villages import Villages
from .windows import OVERLAP
from .wordlists import cjk

__all__ = ["COSTS", "Scanner"]

#: Segmentation costs: an unknown character, a key, per rank class of a word, a word's base cost.
COSTS = (140, 60, 8, 20)
#: "U.S.", "U.A.E.": capitals each followed by a dot, not glued to a word on either side.
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?![\w])")
_DOTTED_HINT = re.compile(r"\.[A-Z]\.")
#: Units of administration that end a part of a Japanese address (国: a country, 中国上海市; 州 and
#: 省: of the US, China...).
_UNITS = frozenset("国都道府県州省市区郡町村")
#: The rest of an address after a known part: towns and wards no source has (三鷹市 after 東京都,
#: 中区 after 名古屋市), or a katakana town after a state (エイダ after オクラホマ州).
_ADDRESS_TAIL = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fc]{1,6}?[市区郡町村]|(?<=州)[\u30a1-\u30fc]{2,}")
#: A part of a place written after its name, as one noun with it (スペイン北部, 中国大陸, 九州南岸).
_PART = re.compile("(?:北東|北西|南東|南西|[北南東西中])部|大陸|[北南東西]岸|地方|地域")


def _katakana(ch: str) -> bool:
    """A katakana letter or the long-vowel mark (ー); not the middle dot (・), which parts words."""
    return ("\u30a1" <= ch <= "\u30fc" and ch != "\u30fb") or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


def _hiragana(ch: str) -> bool:
    return "\u3041" <= ch <= "\u3096"


def _latin(ch: str) -> bool:
    """A Latin letter (of a name written in Latin letters inside Japanese text)."""
    return ch.isascii() and ch.isalpha()


def _unspaced(raw: Raw) -> bool:
    """Is ``raw`` a segment of a run of Han or kana?"""
    head = raw.query[:1]
    return raw.specific and not raw.inflected and bool(head) and ("\u3040" <= head <= "\u30ff" or is_han(head))


def _dotted_name(text: str, s: int, e: int, starts: set[int], ends: set[int]) -> bool:
    """Is ``text[s:e]`` one word of a longer name in katakana whose words the middle dot parts
    (ニューヨーク・ヨット・クラブ, アトレティコ・マドリード, ロサンゼルス・レイカーズ): a katakana word
    that is no candidate itself across a dot? Two places so joined stay (アメリカ・サンフランシスコ)."""
    after = e + 1 < len(text) and text[e] == "\u30fb" and _katakana(text[e + 1]) and e + 1 not in starts
    before = s >= 2 and text[s - 1] == "\u30fb" and _katakana(text[s - 2]) and s - 1 not in ends
    return after or before


def japanese(text: str, raws: list[Raw]) -> list[Raw]:
    """Names in Japanese text (a text with kana), which writes compound nouns and addresses
    without a break:

    * An address is one name: a key ending in a unit of administration (県, 市, 区, ...) glued to
      the key after it makes one span with it (東京都千代田区 is one place, linked to the last).
    * A key glued to a Han or katakana character after it begins a longer noun (日本記録,
      東京オリンピック, 名古屋鉄道): not a name, unless it ends in a place suffix itself, or a
      word that commonly follows a place follows it (政府, 首相, 沖, ...), or it ends a list of places
      joined by the middle dot (フランス・スペイン国境). The head of the name of an
      organisation or a building (軍, 代表, 委員会, 駅) makes the whole that name (アメリカ軍,
      日本代表, 東京駅): no place.
    * A katakana word that the middle dot joins to another that is no place is a word of a longer
      name (:func:`_dotted_name`).
    """
    words = cjk()
    out: list[Raw] = []
    i, n = 0, len(raws)
    starts, ends = {r.start for r in raws}, {r.end for r in raws}
    while i < n:
        raw = raws[i]
        if not _unspaced(raw):
            out.append(raw)
            i += 1
            continue
        j = i
        while (
            j + 1 < n
            and raws[j + 1].start == raws[j].end
            and _unspaced(raws[j + 1])
            and raws[j].query[-1] in _UNITS
            and not _PART.fullmatch(raws[j + 1].query)  # 千葉県南部: the south of Chiba, no place 南部
        ):
            j += 1
        end = raws[j].end
        if _dotted_name(text, raw.start, end, starts, ends):
            i = j + 1
            continue
        if j == i and len(raw.query) >= 3 and raw.query[-1] == "国" and text[end : end + 1] in ("内", "外"):
            # 日本国内 is 日本 and 国内 ("inside the country"), though 日本国 is a name of Japan too
            raw, end = replace(raw, end=end - 1, query=raw.query[:-1]), end - 1
        if j > i and end < len(text) and text[end] in _UNITS:
            end += 1  # a key of an address right before a unit is the unit's name: 楊浦 + 区
        end = _address(text, end)
        if (part := _PART.match(text, end)) is not None:
            end = part.end()  # a part of the place is named with it: スペイン北部, 中国大陸, 東北地方
        after = text[end] if end < len(text) else ""
        before = text[raw.start - 1] if raw.start else ""
        if _katakana(before) or _latin(before) or _latin(after):
            # glued to a katakana or a Latin word: a longer name's (セレッソ大阪, FC東京, 横浜FC, アクロス福岡)
            i = j + 1
            continue
        glued = bool(after) and _glues(after)
        if glued and (text.startswith(words.heads, end) or _ends_in_head(text, end, words.heads)):
            i = j + 1
            continue
        # the last of a list of places joined by the middle dot shares the noun after it with the
        # others (フランス・スペイン国境, 日本・中国間): a place, as the first is
        listed = raw.start > 0 and text[raw.start - 1] == "・" and bool(out) and out[-1].end == raw.start - 1
        if glued and not listed and text[end - 1] not in words.suffix and not text.startswith(words.followers, end):
            i = j + 1
            continue
        if j > i:  # an address of several parts is no ordinary word, whatever its last key is alone (市川)
            out.append(replace(raws[j], start=raw.start, end=end, rank=0))
        else:
            out.append(raw if end == raw.end else replace(raw, end=end))
        i = j + 1
    return out


def _ends_in_head(text: str, end: int, heads: tuple[str, ...]) -> bool:
    """Does the run of Han and katakana glued after a name end with an organisation's head
    (アメリカ合衆国エネルギー省, 日本赤十字社)?"""
    k = end
    n = min(len(text), end + 12)
    while k < n and _glues(text[k]):
        k += 1
    return k > end and (k >= len(text) or not _glues(text[k])) and text.endswith(heads, end, k)


def _glues(ch: str) -> bool:
    """Is ``ch`` Han or katakana, which glue to a name without a break (日本記録, アメリカ軍)?"""
    return is_han(ch) or _katakana(ch)


def _address(text: str, end: int) -> int:
    """Where an address that reaches ``end`` ends: past the rest of it (:data:`_ADDRESS_TAIL`)
    while its last part is a unit. The whole address is the mention (東京都三鷹市), linked to its
    last known part."""
    while text[end - 1] in _UNITS and (m := _ADDRESS_TAIL.match(text, end)) is not None:
        end = m.end()
    return end


def _lowered(word: str) -> str | None:
    return normalize_name(word) or None


def _folded(word: str) -> str | None:
    return fold_key(normalize_name(word)) or None


class Scanner:
    """Finds candidate mentions; thread-safe for reading (its memories are per process)."""

    def __init__(self, index: Index, lookups: Lookups) -> None:
        self.index = index
        self.lookups = lookups
        self.casing = Casing(index, lookups)
        self.results = Results(index, lookups)
        self.contractions = Contractions(lookups, self.casing.ordinary)
        tables = char_tables()
        found: Affixes = affixes()
        self.groups = found.groups
        self.scan_args = args = (
            index.text.text.table,
            index.text.flags,
            index.text.rank,
            index.keys.text.table,
            tables.scan_tables(),
            tuple(g.rule() for g in found.groups),
            found.elisions,
            COSTS,
        )
        self.scanner = TextScan(*args)
        self._python = PyTextScan(*args)  # reads the words the tables cannot normalise
        self.forms = Forms(index, lookups, found.groups, self._python)
        self.units = UnitWords(lookups)
        self.villages = Villages(index)

    def scan(self, text: str) -> list[Raw]:
        """The candidates of ``text``, read as one window."""
        n = len(text)
        people: set[str] = set()
        raws = self.window(text, 0, n, n, None, people)[0]
        return list(forget_people(text, raws, people)) if people else raws

    @staticmethod
    def kana(text: str) -> bool:
        """Is ``text`` Japanese (see :func:`japanese`)?"""
        return not text.isascii() and KANA.search(text) is not None

    def window(
        self, text: str, lo: int, cut: int, hi: int, kana: bool | None, people: set[str]
    ) -> tuple[list[Raw], int]:
        """The candidates of ``text[lo:hi]``, read with the whole text around them, and where a
        scan of the whole text goes on after ``cut``: past the key hits that start before it.
        ``kana`` says whether the whole text is Japanese (``None``: the window is the text); the
        names the window gives people are added to ``people`` (:func:`.proper.forget_people`)."""
        hits = self.scanner.scan(text, lo, hi)
        goes_on = cut
        k = len(hits) - 4 if cut < hi else -1
        while k >= 0 and hits[k] > cut - OVERLAP:  # as textscan moves ``last`` past a key hit
            if hits[k] < cut and hits[k + 1] > goes_on and not hits[k + 3] & (H_IRREGULAR | H_UNSPACED | -H_RULE):
                goes_on = hits[k + 1]
            k -= 4
        raws: list[Raw] = []
        self._read(text, hits, hi, raws)
        whole = lo == 0 and hi == len(text)
        if (
            (".S." in text or ("." in text and _DOTTED_HINT.search(text)))
            if whole
            else _DOTTED_HINT.search(text, lo, hi)
        ):
            raws = self._dotted(text, raws, lo, hi)
        raws = self.contractions.find(text, lo, hi, raws)
        if kana is None:  # the window is the text: one scan tells whether it has kana or Han
            found = None if text.isascii() else CJK.search(text)
            kana, han = found is not None and KANA.search(text, found.start()) is not None, found is not None
        else:  # a name ends at ``hi`` at the latest: the head of an organisation may begin there
            han = not kana and not text.isascii() and HAN.search(text, lo, hi + 1) is not None
        if kana:
            raws = locators(text, japanese(text, raws), self.lookups) if raws else raws
            raws = abbreviations(text, lo, hi, raws, "ja.toml")  # "日米間", "訪日": one-character names
        elif han:
            raws = abbreviations(text, lo, hi, raws)  # "中美两国", "访华": Chinese one-character names
            raws = organisations(text, raws) if raws else raws  # "中国队", "北京大学"
        if raws:
            raws = self.units.extend(text, proper(text, raws, self, people))
        extra = self.results.find(text, lo, hi)  # "Finot ( Fra )" in sports results
        raws = merge(raws, extra) if extra else raws
        if text.isascii():  # no ASCII character continues another
            return raws, goes_on
        n = len(text)
        # a span never splits a character from the mark, joiner or selector that continues it
        return [r for r in raws if r.end >= n or not extends(ord(text[r.end]))], goes_on

    def _read(self, text: str, hits: list[int], hi: int, raws: list[Raw]) -> None:
        """Candidates from the hits of one chunk (``hi`` its end), appended to ``raws``."""
        last = raws[-1].end if raws else 0
        single = self.casing.single
        forms = self.forms
        i, n = 0, len(hits)
        while i < n:
            s, e, info = hits[i], hits[i + 1], hits[i + 3]
            j = i + 4
            while j < n and hits[j] == s:  # the forms of one word follow its own hit
                j += 4
            if s < last:
                i = j
                continue
            if info & H_IRREGULAR:
                more = self._python.match_at(text, s, hi, _lowered, _folded)
                if more and not more[3] & H_IRREGULAR:
                    self._read(text, more, hi, raws)
                    last = raws[-1].end if raws else last
                i = j
                continue
            raw: Raw | None = None
            if info & H_UNSPACED:
                raw = Raw(s, e, text[s:e], specific=True, rank=info // H_RULE) if self._whole(text, s, e) else None
            elif not info // H_RULE:
                if info & 15 == 1 and j == i + 4 and not info & H_FOLDED and self.villages.idle(hits[i + 2]):
                    i = j  # no candidate (and no end for the hits after it, as when it was no key)
                    continue
                raw = single(text, s, e) if info & 15 == 1 else self.casing.phrase(text, s, e)
                if raw is not None and j > i + 4 and forms.always(hits, i + 4, j):
                    raw = forms.over(text, raw, hits, i + 4, j) or raw
            else:
                raw = forms.form(text, hits, i, j, hi)
            if raw is not None:
                raws.append(raw)
                last = raw.end
            i = j

    def ordinary(self, surface: str) -> bool:
        """Is ``surface`` an ordinary word (or a stop entry) when written in lower case?"""
        return self.casing.ordinary(surface)

    def function_word(self, surface: str) -> bool:
        """Is ``surface`` one of the commonest words of some language ("Para", "Como", "Man")?"""
        return self.casing.function_word(surface)

    def frequent(self, word: str) -> bool:
        """Is ``word`` a frequent word of some language?"""
        return normalize_name(word) in self.index.policy.ordinary

    def exonym(self, query: str) -> bool:
        """Does ``query`` name a country by other than its English name ("Brasilien", not "Jordan",
        which is a given name too)?"""
        top = self.lookups.get(query).top if self.lookups.major(query) else None
        return top is not None and fold_key(normalize_name(query)) != fold_key(normalize_name(top.place.name))

    def kind(self, query: str) -> str | None:
        """The kind of the first place ``query`` names, if any."""
        top = self.lookups.get(query).top
        return None if top is None else top.place.kind

    def national(self, query: str) -> bool:
        """Does ``query`` name a country or the like, or a first-level division of one (England)?"""
        if self.lookups.major(query):
            return True
        lookup = self.lookups.get(query)
        top = lookup.top
        return top is not None and top.place.kind == "subdivision" and self.index.places.top_level(lookup.top_row)

    def named(self, word: str) -> bool:
        """Is ``word`` a stored name of some place other than a village (:meth:`.Villages.named`)?"""
        return self.villages.named(word)

    def given(self, word: str) -> bool:
        """Is ``word`` a given name that is none of the commonest English words ("Jesús", not "Mark")?"""
        return fold_key(normalize_name(word)) in self.index.policy.given_names

    def village(self, query: str) -> bool:
        """Is every place ``query`` names a village (:meth:`.Villages.village`)?"""
        return self.villages.village(query)

    @staticmethod
    def _whole(text: str, s: int, e: int) -> bool:
        """May a key segment of a run without spaces be a name? Not a single character (中, 北, 原
        are words and abbreviations far more often than the places stored under them), and not a
        piece of a longer katakana word (モン in ソロモン, コモ in ドコモ): katakana writes one
        foreign word at a time, so a name in it runs from one break to the next; nor of a run of
        hiragana."""
        if e - s < 2:
            return False
        if s > 0 and _katakana(text[s]) and _katakana(text[s - 1]):
            return False
        if e < len(text) and _katakana(text[e - 1]) and _katakana(text[e]):
            return False
        # a name in hiragana glued to hiragana is a piece of the words around it: "のみとなる" holds
        # no Mito (みと)
        return not (
            _hiragana(text[s]) and ((s > 0 and _hiragana(text[s - 1])) or (e < len(text) and _hiragana(text[e])))
        )

    def _dotted(self, text: str, raws: list[Raw], lo: int, hi: int) -> list[Raw]:
        """Dotted acronyms ("U.S.", "U.K."), which the word scan splits into letters.

        Only a place stored under the same capitals counts ("U.K." is "UK"), so "i.e." stays a word.
        """
        found = []
        starts: list[int] = []
        reach: list[int] = []  # the furthest end of the raws up to each one
        last = -1
        for hint in _DOTTED_HINT.finditer(text, lo, hi):  # ".S." is rare and cheap to find; then look closer
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
            top = self.lookups.get(m.group()).top
            letters = m.group().replace(".", "")
            if top is not None and top.matched.replace(".", "").replace(" ", "") == letters:
                found.append(Raw(s, e, m.group(), specific=True))
        if not found:
            return raws
        return sorted([*raws, *found], key=lambda r: r.start)

"""Names in Japanese text, which writes compound nouns and addresses without a break: which key
hits of a run of Han and kana are names, and how far each reaches (:func:`japanese`)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..charclass import is_han
from .raw import Raw, make_raw, replaced
from .wordlists import cjk

__all__ = ["JOINS", "dotted_names", "hiragana", "japanese", "kana_name", "katakana", "unit_nouns"]

#: Units of administration that end a part of a Japanese address (国: a country, 中国上海市; 州 and
#: 省: of the US, China...).
_UNITS = frozenset("国都道府県州省市区郡町村")
#: The rest of an address after a known part: towns and wards no source has (三鷹市 after 東京都,
#: 中区 after 名古屋市), or a katakana town after a state (エイダ after オクラホマ州).
_ADDRESS_TAIL = re.compile(r"[\u4e00-\u9fff\u30a1-\u30fc]{1,6}?[市区郡町村]|(?<=州)[\u30a1-\u30fc]{2,}")
#: The last part of an address after its municipality or ward: a district, a block, a lot number
#: (千代田区富士見, 鹿嶋市大字神向寺, 美郷町六郷字押切195, 伏見区京町北8丁目), which no source has, up to
#: the particle or the punctuation after it.
_NEIGHBOURHOOD = re.compile(
    r"(?:大?字)?[\u4e00-\u9fff\u30a1-\u30fc]{0,6}?(?:字[\u4e00-\u9fff]{1,4})?"
    r"(?:[0-9０-９]+(?:丁目|番地|番|号)?(?:[-－‐−][0-9０-９]+)*)*(?=[\u3041-\u3096、。，．（(]|$)"
)
#: What follows a municipality as a noun of its own, no district's name: its head, people, office,
#: assembly, police, governor (成田市長, 市民, 区役所, 市議会, 県警). Not "inside" (内): 松山市内 is
#: named whole.
_NO_DISTRICT = frozenset("長民役議警知庁立営政全在出")
#: The unit written after a name in katakana, as one word with it (ノヴィ・サド市, メルボルン市内,
#: レイテ島, ミシガン州), where no Han or katakana follows it: a name abroad that no source has so.
_KANA_UNIT = re.compile(r"(?:市内?|[町村区島州県])(?![\u4e00-\u9fff\u30a1-\u30fc])")
#: Words after a district that say "around it": no part of its name.
_AROUND = ("付近", "周辺", "近郊", "一帯")
#: A part of a place written after its name, as one noun with it (スペイン北部, 中国大陸, 九州南岸).
_PART = re.compile("(?:北東|北西|南東|南西|[北南東西中])部|大陸|[北南東西]岸|地方|地域")


def katakana(ch: str) -> bool:
    """A katakana letter or the long-vowel mark (ー); not the middle dot (・), which parts words."""
    return ("\u30a1" <= ch <= "\u30fc" and ch != "\u30fb") or "\u31f0" <= ch <= "\u31ff" or "\uff66" <= ch <= "\uff9f"


#: The marks that part the words of a name written in katakana (ノヴィ・サド, バーデン=ヴュルテンベルク).
JOINS = "・=＝"


def kana_name(name: str) -> bool:
    """Is ``name`` written in katakana (and the marks and spaces that part its words)?"""
    return all(katakana(ch) or ch in JOINS or ch == " " for ch in name)


def hiragana(ch: str) -> bool:
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
    after = e + 1 < len(text) and text[e] == "\u30fb" and katakana(text[e + 1]) and e + 1 not in starts
    before = s >= 2 and text[s - 1] == "\u30fb" and katakana(text[s - 2]) and s - 1 not in ends
    return after or before


#: Words of katakana joined by the middle dot or an equals sign: a name abroad of several words
#: (リオ・デ・ジャネイロ, ノヴィ・サド, バーデン=ヴュルテンベルク).
_DOTTED = re.compile(rf"[\u30a1-\u30fa\u30fc]+(?:[{JOINS}][\u30a1-\u30fa\u30fc]+)+")
#: The units written right after such a name, as part of it (ウッタル・プラデーシュ州, ラ・パンパ州).
_DOTTED_UNITS = frozenset("州県市区島")


def dotted_names(text: str, lo: int, hi: int, raws: list[Raw], named: Callable[[str], bool]) -> list[Raw]:
    """``raws`` with the names of several katakana words joined by the middle dot that ``named``
    knows as a whole (the scan reads each word alone: the stored name has a space where the text
    has the dot), with the unit written after them where the name holds it (ウッタル・プラデーシュ州),
    in place of the words' own hits."""
    found = []
    for m in _DOTTED.finditer(text, lo, hi):
        name, end = m.group(), m.end()
        if text[end : end + 1] in _DOTTED_UNITS and named(name + text[end]):
            found.append(make_raw(m.start(), end + 1, name + text[end], False, False, True, -1, 0))
        elif named(name):
            found.append(make_raw(m.start(), end, name, False, False, True, -1, 0))
    return replaced(raws, found)


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
            # after a municipality or a ward, a name without a unit is its district (千代田区富士見),
            # not the town Fujimi: read below as the address's last part
            and not (raws[j].query[-1] in "市区町村" and raws[j + 1].query[-1] not in _UNITS)
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
        if (j > i or end > raws[j].end) and text[end - 1] in "市区町村郡":
            end = _neighbourhood(text, end, words.heads)
        if (part := _PART.match(text, end)) is not None:
            end = part.end()  # a part of the place is named with it: スペイン北部, 中国大陸, 東北地方
        elif j == i and end == raw.end and (unit := _KANA_UNIT.match(text, end)) is not None and kana_name(raw.query):
            end = unit.end()  # a place abroad written in katakana with its unit: ノヴィ・サド市, レイテ島
        after = text[end] if end < len(text) else ""
        before = text[raw.start - 1] if raw.start else ""
        if katakana(before) or _latin(before) or _latin(after):
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


def unit_nouns(text: str, raws: list[Raw], same: Callable[[str, str], bool]) -> list[Raw]:
    """``raws`` with a municipality's or a prefecture's unit given to the noun after it: 成田市長 is
    成田 and 市長 (the mayor), 沖縄県民 沖縄 and 県民 (its people), where the name without its unit
    names the same place (``same``); 東京都知事 stays 東京都 and 知事."""
    out = []
    for raw in raws:
        unit, noun, name = text[raw.end - 1 : raw.end], text[raw.end : raw.end + 1], raw.query[:-1]
        if (
            ((noun == "長" and unit in "市町村区") or (noun == "民" and unit in "県市町村区"))
            and len(name) >= 2
            and raw.query.endswith(unit)
            and same(name, raw.query)
        ):
            raw = replace(raw, end=raw.end - 1, query=name)
        out.append(raw)
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
    return is_han(ch) or katakana(ch)


def _neighbourhood(text: str, end: int, heads: tuple[str, ...]) -> int:
    """Where an address of several parts that reaches ``end``, at a municipality or a ward, ends
    past its district and numbers (:data:`_NEIGHBOURHOOD`); not over a noun of the municipality's
    own (市長, 区役所) or the head of a name (駅, 大学)."""
    m = _NEIGHBOURHOOD.match(text, end)
    if m is None or m.end() == end or text[end] in _NO_DISTRICT or text.startswith(heads, end):
        return end
    # "the vicinity", "around" after the district is no part of it (三島市本町付近)
    return m.end() - 2 if text.endswith(_AROUND, end, m.end()) else m.end()


def _address(text: str, end: int) -> int:
    """Where an address that reaches ``end`` ends: past the rest of it (:data:`_ADDRESS_TAIL`)
    while its last part is a unit. The whole address is the mention (東京都三鷹市), linked to its
    last known part."""
    while text[end - 1] in _UNITS and (m := _ADDRESS_TAIL.match(text, end)) is not None:
        end = m.end()
    return end

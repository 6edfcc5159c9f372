"""Names in scripts without case (Han, kana, Hangul, Arabic): where nothing but the word tells a
place's name from an ordinary word, which names stand alone and which need another place of the
text. Part of :class:`~toponym.extractor.standing.Standing`'s policy."""

from __future__ import annotations

import functools
from collections.abc import Callable

from ..charclass import HAN, is_caseless, is_han
from ..index import Index
from ..model import Match
from ..normalize import normalize_name
from ..vocab import COUNTRY_KINDS
from .japanese import kana_name
from .raw import Raw
from .thai import thai
from .wordlists import load_lexicon

__all__ = ["Caseless", "homograph"]

#: A unit with fewer people, named by a word in a script without case, needs support or a
#: preposition of place (see :meth:`Caseless.worded_unit`).
_WORDED_UNIT = 2_000_000
#: Where a segment of Chinese is a province's or a river's name: the countries that write Chinese.
#: (Not Japanese: its prefectures' names are surnames too, 石川, 千葉.)
_CHINESE_COUNTRIES = frozenset({"cn", "tw", "hk", "mo", "sg"})
#: The countries that write their places' names in Han characters (Japanese writes others' in kana).
_HAN_COUNTRIES = _CHINESE_COUNTRIES | {"jp", "kr", "kp", "vn"}
#: Where a Hangul name of a first-level unit is of its own language (강원도, 충북, 제주특별자치도).
_KOREAN_COUNTRIES = frozenset({"kr", "kp"})
#: A Thai city of this many people stands on its Thai name, a frequent Thai word or not (พัทยา), and
#: a Thai name of this many characters, a frequent word or not (ภูเก็ต; not แพร่, "to spread").
_THAI_CITY, _THAI_LONG = 100_000, 5
#: A city abroad of this many people stands on the Chinese name a source gives it, a frequent
#: Chinese word or not (雅典, 日内瓦, 华盛顿: transliterations, frequent because news names them).
_HAN_CITY_ABROAD = 100_000
#: ... and on its Japanese name in katakana, a frequent Japanese word or not (アムステルダム,
#: チューリッヒ); fewer people and the name is as often a person's (ダーウィン).
_KANA_CITY_ABROAD = 300_000
#: A first-level unit abroad of this many people stands on its Chinese or Japanese name of three
#: characters or more (英格兰, 加泰罗尼亚, カリフォルニア, ハワイ); shorter ones are as often words
#: (サバ, mackerel, is Sabah; コム Qom), and smaller units' names too (チョコ, Chocó; プール, Pool).
_UNIT_ABROAD, _UNIT_ABROAD_CHARS = 1_000_000, 3
#: The units that end the whole name of a Japanese prefecture (東京都, 北海道, 大阪府, 千葉県).
_PREFECTURE_UNITS = frozenset("都道府県")
#: ... and of a first-level unit in Han characters anywhere (山東省, 加利福尼亚州, 大阪府).
_UNIT_NAMES = frozenset("都道府県省州")


def _city_abroad(match: Match, lang: str, home: frozenset[str], people: int, written: Callable[[str], bool]) -> bool:
    """Is ``match`` a city of ``people`` or more outside the countries of ``home``, by a name a
    source tags ``lang``, ``written`` in that language's script for places abroad?"""
    place = match.place
    return (
        place.kind == "city"
        and match.lang.split("-")[0] == lang
        and place.country not in home
        and (place.population or 0) >= people
        and written(match.matched)
    )


def homograph(surface: str) -> bool:
    """Is ``surface`` a word of a caseless script before it is a place (``lexicons/homographs.toml``)?"""
    return surface in _homographs()


def _hangul(surface: str) -> bool:
    return all("\uac00" <= ch <= "\ud7a3" for ch in surface)


@functools.cache
def _homographs() -> frozenset[str]:
    """Words of caseless scripts that are words before places (``lexicons/homographs.toml``)."""
    return frozenset(w for words in load_lexicon("homographs.toml").values() for w in words)


class Caseless:
    """What a caseless script's name says of its place, asked by the index."""

    def __init__(self, index: Index) -> None:
        self.index = index

    @staticmethod
    def word_first(raw: Raw, major: bool) -> bool:
        """Is ``raw`` a word before it is a place, whatever place it names? A homograph of its
        language (수단 is "means" before it is Sudan), or one Hangul syllable without a particle (빈
        is "empty", 빈 집, before it is Vienna; 칸 a "compartment" before Cannes; 빈에서 is the city)."""
        surface = raw.query
        if surface in _homographs():
            return True
        return len(surface) == 1 and raw.group < 0 and not major and _hangul(surface)

    def worded_unit(self, surface: str, match: Match, row: int) -> bool:
        """Is the unit at ``row`` one of fewer than :data:`_WORDED_UNIT` people, named in a script
        without case by a frequent word of some language (Arabic الشرقي "the eastern", a region of
        Burkina Faso; الجزيرة "the island", Al Jazeera, a state of Sudan)? Without case nothing
        tells the name from the word. (In a cased script the same test would take Navarra and
        Cantabria, frequent Spanish words because Spanish news names them, for words.) Not a
        Hangul name of a province of Korea: Korean's frequent words hold 강원도, 전북 and
        제주특별자치도 because news names them, as Chinese's hold 江西; the words that name a unit
        abroad stay words (머리 "head" for Moray, 파이프 "pipe" for Fife)."""
        places = self.index.places
        if (
            not is_caseless(surface)
            or places.people[row] >= _WORDED_UNIT
            or normalize_name(surface) not in self.index.policy.no_fuzzy_words
        ):
            return False
        return not (match.place.country in _KOREAN_COUNTRIES and places.top_level(row) and _hangul(surface))

    def named_otherwise_in_japanese(self, match: Match, row: int) -> bool:
        """Is ``match`` a Chinese name of a place (tagged Chinese, not Japanese) that Japanese writes
        otherwise, with Han characters too? In Japanese text the Han characters are Japanese words:
        東海 is the Tōkai region and 南海 the Nankai line, not the East and South China Seas (東シナ海,
        南シナ海); 北京 is Beijing, which Japanese writes so (ペキン is its reading). An untagged
        name is Chinese where it names a place abroad that has a katakana name (:meth:`_chinese_abroad`)."""
        if match.place.kind in COUNTRY_KINDS:
            return False  # a state's Chinese names are Japanese too, whatever name it has in kanji (中華民国)
        if match.lang == "und":
            return self._chinese_abroad(match, row)
        if not match.lang.startswith("zh"):
            return False
        names = self.index.names
        japanese = [n for n in self.index.places.names_of(row) if any(t.startswith("ja") for t in names.languages(n))]
        # a name in kana alone is how Japanese reads the Chinese one, not another name (ペキン, 北京)
        written = [n for n in japanese if HAN.search(names.text[n]) is not None]
        if not written:  # Japanese names it in katakana alone, if at all: 高地 is Highland in Chinese
            return self._chinese_abroad(match, row)
        return not any(names.text.equals(n, match.matched) for n in japanese)

    def _chinese_abroad(self, match: Match, row: int) -> bool:
        """Is ``match`` an untagged name in Han characters of a place outside the countries that
        write them, which has a name in katakana? Japanese writes a place abroad in katakana, so
        the Han name is Chinese: 万博 is Huambo in Chinese, the World Expo in Japanese (ウアンボ)."""
        if match.place.country in _HAN_COUNTRIES or not all(map(is_han, match.matched)):
            return False
        names = self.index.names
        return any(kana_name(names.text[n]) for n in self.index.places.names_of(row))

    def named_so_in_han(self, match: Match, row: int) -> bool:
        """Is the place a Chinese province, region or river named in Chinese (江西, 华南, 长江 are
        frequent Chinese words because they are names), a Japanese prefecture by its whole name
        (北海道) or a reviewed region or island of Japan (関西, 九州), or a first-level unit or region a
        Japanese name is given to with care (イングランド)?"""
        place = match.place
        tag = match.lang.split("-")[0]
        lands = (place.kind == "subdivision" and self.index.places.top_level(row)) or place.kind in (
            "river",
            "region",
            "island",
        )
        # a name in Han characters of a place in China or Japan is of its language, tagged so or not
        if tag in ("zh", "und") and (place.country or place.id) in _CHINESE_COUNTRIES:
            return lands
        if tag in ("ja", "zh", "und") and place.country == "jp":
            # by its whole name (北海道), or a reviewed one (九州, 関西); a prefecture's short name is
            # a surname too (石川, 千葉)
            return lands and (match.matched[-1:] in _PREFECTURE_UNITS or place.curated)
        return tag == "ja" and lands and place.curated  # not a Malawian region called 南部 ("the south")

    def unit_named(self, match: Match, row: int) -> bool:
        """Is a frequent word of a script without spaces a first-level unit's name with its unit
        (山東省, 雲南省: frequent because they are names)? Not a katakana name: the names of
        Thailand's Phrae and Afghanistan's Ghor are Japanese "play" and "goal" (プレー, ゴール)."""
        name = match.matched
        return name[-1:] in _UNIT_NAMES and match.place.kind == "subdivision" and self.index.places.top_level(row)

    def named_so_in_thai(self, match: Match, row: int) -> bool:
        """Is the place a province, region, island or river of Thailand, or one of its cities of
        :data:`_THAI_CITY` people, by a Thai name of :data:`_THAI_LONG` characters or more? Thai's
        frequent words hold ภูเก็ต and สงขลา because news names them, as Chinese's hold 江西; a
        shorter name is as often a word (แพร่ "to spread", ตาก "to dry", เลย "at all") and stands
        after its unit's word (จังหวัดแพร่) or with support."""
        place, name = match.place, match.matched
        if place.country != "th" or len(name) < _THAI_LONG or not any(thai(ch) for ch in name):
            return False
        if place.kind == "city":
            return (place.population or 0) >= _THAI_CITY
        return (place.kind == "subdivision" and self.index.places.top_level(row)) or place.kind in (
            "river",
            "region",
            "island",
        )

    @staticmethod
    def named_abroad_in_han(match: Match) -> bool:
        """Is the place a city of :data:`_HAN_CITY_ABROAD` people outside the countries that write
        Chinese, by a name a source tags Chinese? Such a name is a transliteration (雅典 Athens,
        日内瓦 Geneva, 华盛顿 Washington): a frequent word because news writes it. Not an untagged
        name, nor one of a Chinese city, which may be an ordinary word as well (安康, "well-being")."""
        return _city_abroad(match, "zh", _CHINESE_COUNTRIES, _HAN_CITY_ABROAD, lambda name: all(map(is_han, name)))

    @staticmethod
    def named_abroad_in_kana(match: Match) -> bool:
        """Is the place a city of :data:`_KANA_CITY_ABROAD` people outside the countries that write
        Han characters, by a name in katakana a source tags Japanese? Japanese writes a city abroad
        so (アムステルダム, エルサレム): a frequent word because news writes it, as 日内瓦 is Chinese's.
        Not a lesser place's: プレー and ゴール ("play", "goal") are a Thai town's and an Afghan province's."""
        return _city_abroad(match, "ja", _HAN_COUNTRIES, _KANA_CITY_ABROAD, kana_name)

    def unit_named_abroad(self, match: Match, row: int) -> bool:
        """Is the place a first-level unit of :data:`_UNIT_ABROAD` people outside the countries that
        write Han characters, by a name a source tags Chinese (in Han characters) or Japanese (in
        katakana) of :data:`_UNIT_ABROAD_CHARS` or more? A frequent word because news names it."""
        place, name = match.place, match.matched
        if (
            place.kind != "subdivision"
            or place.country in _HAN_COUNTRIES
            or len(name) < _UNIT_ABROAD_CHARS
            or self.index.places.people[row] < _UNIT_ABROAD
            or not self.index.places.top_level(row)
        ):
            return False
        tag = match.lang.split("-")[0]
        return (tag == "zh" and all(map(is_han, name))) or (tag == "ja" and kana_name(name))

    def frequent_because_named(self, match: Match, row: int) -> bool:
        """Is a segment that is a frequent word of its script a name that news writes so often
        that it became one (:meth:`named_so_in_han`, :meth:`named_abroad_in_han`,
        :meth:`named_abroad_in_kana`, :meth:`unit_named_abroad`, :meth:`unit_named`,
        :meth:`named_so_in_thai`)?"""
        return (
            self.named_so_in_han(match, row)
            or self.named_abroad_in_han(match)
            or self.named_abroad_in_kana(match)
            or self.unit_named_abroad(match, row)
            or self.unit_named(match, row)
            or self.named_so_in_thai(match, row)
        )

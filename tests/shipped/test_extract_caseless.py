"""Names in scripts without case, where only the word tells a place from an ordinary word.

The rules live in :mod:`toponym.extractor.caseless` and ``lexicons/homographs.toml``: a Korean
province named in Hangul stands alone though Korean's frequent words hold its name; a word that is
an ordinary word before it is a place (수단 "means", Sudan; الخبر "the news", Khobar; חלב "milk",
Aleppo) needs another
place of the text or "the city of" before it; an Arabic honorific after a name is no part of it.
"""

from __future__ import annotations

import pytest

import toponym


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in toponym.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("나는 어제 강원도에 갔다.", [("강원도", "kr-42")]),
        ("충북에 폭설이 내렸다.", [("충북", "kr-43")]),
        ("제주도 여행을 다녀왔다.", [("제주도", "kr-49")]),
        ("제주특별자치도는 관광객이 늘었다.", [("제주특별자치도", "kr-49")]),
        ("전라남도와 경상북도에 비가 내렸다.", [("전라남도", "kr-46"), ("경상북도", "kr-47")]),
    ],
)
def test_a_korean_province_named_in_hangul_stands_alone(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sources write a unit abroad with its unit's word after a space ("캘리포니아 주"); Korean
        # spelling glues it, and news as often leaves it off a state, a province or a prefecture
        ("캘리포니아주에서 산불이 났다.", [("캘리포니아주", "us-ca")]),
        ("캘리포니아에서 산불이 났다.", [("캘리포니아", "us-ca")]),
        ("광둥성 선전시에서 회의가 열렸다.", [("광둥성", "cn-gd"), ("선전시", "gn-1795565")]),
        ("아이치현 나고야시에서 지진이 났다.", [("아이치현", "jp-23"), ("나고야시", "gn-1856057")]),
        ("뉴욕주 정부는 새 법을 발표했다.", [("뉴욕주", "us-ny")]),
        ("뉴욕에서 회의가 열렸다.", [("뉴욕", "gn-5128581")]),  # the city keeps its own name
    ],
)
def test_a_unit_abroad_in_hangul_with_its_unit_glued_or_left_off(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "이를 수단으로 삼았다.",  # "used it as a means", not Sudan
        "목적과 수단을 혼동했다.",
        "화성 탐사선이 발사되었다.",  # a probe to Mars, not Hwaseong
        "경찰이 시위대를 저지했다.",  # "blocked", not Jersey
        "오만과 편견",  # "Pride and Prejudice", not Oman
        "빈 집이 많다.",  # "empty houses", not Vienna
        "머리가 아프다.",  # "head", not Moray
        "회의가 끝난 후에 기자회견이 열렸다.",  # "after" the meeting, not Huế
        "두 값은 콜론으로 구분한다.",  # "a colon", not Colón
        "여당에 대한 지지가 크게 올랐다.",  # "support", not Jijiga
        "강아지 세 마리가 뛰어놀았다.",  # the counter of animals, not Mary
        "실내 온도가 너무 높다.",  # "temperature", not Ondo
        "사진 저장에 실패했다.",  # "storage", not Zhejiang
    ],
)
def test_a_korean_word_is_no_place(text: str) -> None:
    assert found(text) == []


def test_the_east_of_a_country_is_no_region() -> None:
    # 동부, "the east", is the Eastern Province of Saudi Arabia by its Korean name
    assert found("미국 동부에 폭설이 내렸다.") == [("미국", "us")]


def test_a_korean_homograph_stands_where_a_place_of_the_text_holds_it() -> None:
    assert found("경기도 화성에서 사고가 났다.") == [("경기도", "kr-41"), ("화성", "gn-1843847")]
    # with its unit, the name is the city's alone
    assert found("화성시에서 사고가 났다.") == [("화성시", "gn-1843847")]
    # one syllable with a particle is the city
    assert found("오스트리아 빈에서 회의가 열렸다.") == [("오스트리아", "at"), ("빈", "gn-2761369")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الخبر إن الاجتماع انتهى مساء امس", []),  # "the news", not Khobar
        ("فتح الحارس الباب امس", []),  # "the door", not Al-Bab
        ("اغلقت بورصة طوكيو على ارتفاع", [("طوكيو", "gn-1850147")]),  # the stock exchange, not Bursa
        ("وقال المتحدث باسم البيت الابيض إن الزيارة الغيت", []),  # the White House, not El Obeid
        ("صاموا ثلاثين يوما", []),  # "they fasted", not Samoa
        ("فاز المنتخب لاول مرة منذ سنوات", []),  # "for the first time", not Laval
        ("نشرت الوكالة تقريرا بصور من الحدث", []),  # "with pictures", not "in Tyre"
        ("تم نقل كمية من الوقود", []),  # "a quantity", not "like Mie"
        ("قصفت الطائرات مدينة صور في جنوب لبنان", [("صور", "gn-267008"), ("لبنان", "lb")]),
        ("وصل الوفد الى مدينة الابيض", [("الابيض", "gn-379003")]),
        # after "the city of", the word is the city
        ("وصل الوفد الى مدينة الخبر", [("الخبر", "gn-109323")]),
    ],
)
def test_an_arabic_word_is_no_place_but_after_the_city_of(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("הוא נסע לכיוון הים אתמול.", []),  # "towards", not "to like Greece"
        ("הוא שתה חלב בבוקר.", []),  # "milk", not Aleppo
        ("קראתי בפרק השני של הספר.", []),  # "in the chapter", not Perak
        ("הוא טס מחר לקניה ולישראל.", [("ולישראל", "il")]),  # "purchase" first: Kenya needs a place of it
        ("השגריר בישראל נפגש עם נציגים מצרפת.", [("בישראל", "il"), ("מצרפת", "fr")]),
    ],
)
def test_a_hebrew_word_is_no_place(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


def test_an_arabic_honorific_after_a_citys_name_is_no_part_of_the_mention() -> None:
    # "Mecca the Honoured", "Jerusalem the Noble": the name is the word before the epithet
    assert found("وصل الحجاج الى مكة المكرمة امس") == [("مكة", "gn-104515")]
    assert found("زار الوفد القدس الشريف امس") == [("القدس", "gn-281184")]


def test_no_short_name_inside_a_run_of_thai() -> None:
    # วาน (Van, Turkey) is no name in เมื่อวาน ("yesterday"): a short key is a syllable of many words
    assert found("ฉันไปตลาด เมื่อวาน") == []
    # a name written apart is one, with its vowel and tone marks
    assert found("ไป เชียงใหม่ และ ภูเก็ต") == [("เชียงใหม่", "gn-1153671"), ("ภูเก็ต", "th-83")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Thai spaces phrases, not words: a name is glued to the words around it
        ("คณะนักธุรกิจเดินทางไปญี่ปุ่นและเกาหลีใต้เมื่อวานนี้", [("ญี่ปุ่น", "jp"), ("เกาหลีใต้", "kr")]),
        ("เที่ยวบินจากกรุงเทพฯไปโตเกียวล่าช้า", [("กรุงเทพฯ", "gn-1609350"), ("โตเกียว", "gn-1850147")]),
        # a province's long name stands though news made it a frequent word; a short one that is a
        # word too ("แพร่", to spread) after its unit's word ("จังหวัด", province)
        ("นักท่องเที่ยวจำนวนมากเดินทางไปภูเก็ตช่วงปีใหม่", [("ภูเก็ต", "th-83")]),
        ("ผู้ว่าราชการจังหวัดแพร่ประชุมเช้านี้", [("จังหวัดแพร่", "th-54")]),
        # a country's short name after "ประเทศ" (country); "จีน" alone is "Chinese" too
        ("รัฐมนตรีเยือนประเทศจีนและประเทศลาว", [("จีน", "cn"), ("ลาว", "la")]),
    ],
)  # fmt: skip
def test_a_name_glued_to_thai_words(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ลูกค้าใช้บริการของธนาคารทุกวัน",  # ริกา (Riga) inside บริการ ("service")
        "ปรากฏว่าเขาไม่มาประชุม",  # ปราก (Prague) inside ปรากฏ ("to appear")
        "การแพร่ระบาดของโรคยังไม่หยุด",  # แพร่ ("to spread"), Phrae province's name too
        "เขาพูดภาษาจีนได้คล่อง",  # จีน: "Chinese", too short to stand without "ประเทศ"
    ],
)
def test_the_letters_of_a_name_inside_thai_words_are_no_name(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a name of several words without the hamza on its alifs is the name ("جنوب أفريقيا")
        ("وصل الوفد الى جنوب افريقيا امس", [("جنوب افريقيا", "za")]),
        ("زار الرئيس دول امريكا اللاتينية", [("امريكا اللاتينية", "m49-419")]),
        ("غرقت السفينة في البحر الابيض المتوسط", [("البحر الابيض المتوسط", "mediterranean-sea")]),
        # ... not one word, where the hamza tells a name from a word: "بأمان", "safely"
        ("عاد الجميع بأمان", []),
    ],
)
def test_an_arabic_name_of_several_words_is_read_without_its_hamza(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ის ცხოვრობს თბილისი და ბათუმი.", [("თბილისი", "gn-611717"), ("ბათუმი", "gn-615532")]),
        ("საქართველო და რუსეთი", [("საქართველო", "ge"), ("რუსეთი", "ru")]),
        # ordinary words: "centre", "pig" (regions of France and Afghanistan by their Georgian names)
        ("ის წავიდა ცენტრი და ღორი.", []),
    ],
)
def test_georgian_is_read_as_a_script_without_case(text: str, expected: list[tuple[str, str]]) -> None:
    # Unicode gives Georgian letters capitals (Mtavruli) that running text never uses: read as
    # lower case, no word of a Georgian text could start a mention
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "وصل الوزير الى واشنطن امس في زيارة رسمية .",
        "ראש הממשלה נפגש בוושינגטון עם נשיא ארצות הברית.",
        "प्रधानमंत्री ने वाशिंगटन में राष्ट्रपति से मुलाकात की।",
    ],
)
def test_washington_by_its_bare_name_is_the_capital(text: str) -> None:
    # the sources give the bare name in these scripts to the state alone; news means the capital
    assert "gn-4140963" in {place for _, place in found(text)}
    assert "us-wa" not in {place for _, place in found(text)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("会议在日内瓦举行。", [("日内瓦", "gn-2660646")]),
        ("总统今天飞抵华盛顿。", [("华盛顿", "gn-4140963")]),
        ("代表团明天前往雅典。", [("雅典", "gn-264371")]),
        # a Chinese town's untagged name that is an ordinary word still needs a place beside it
        ("他们为民主奋斗了一生。", []),
    ],
)
def test_a_city_abroad_stands_on_its_chinese_name(text: str, expected: list[tuple[str, str]]) -> None:
    """A transliteration (日内瓦, 华盛顿) is among Chinese's frequent words because news writes it:
    a city abroad by the name a source tags Chinese stands alone, as it does in English."""
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("アムステルダムで会議が開かれた。", [("アムステルダム", "gn-2759794")]),
        ("チューリッヒに本社を置く銀行が発表した。", [("チューリッヒ", "gn-2657896")]),
        ("エルサレムで衝突があった。", [("エルサレム", "gn-281184")]),
        # a smaller city's katakana name is as often a person's: it needs a place beside it
        ("ダーウィンの進化論を読んだ。", []),
    ],
)
def test_a_city_abroad_stands_on_its_katakana_name(text: str, expected: list[tuple[str, str]]) -> None:
    """Japanese writes a city abroad in katakana, and its frequent words hold the names news
    writes (アムステルダム, エルサレム): a city of 300,000 people abroad stands on such a name."""
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("他去了英格兰。", [("英格兰", "gb-eng")]),
        ("在加泰罗尼亚，当局周一宣布了新措施。", [("加泰罗尼亚", "es-ct")]),
        ("カリフォルニアで山火事が起きた。", [("カリフォルニア", "us-ca")]),
        ("ハワイに旅行した。", [("ハワイ", "us-hi")]),
        # a short name is as often a word ("mackerel" is Sabah's), a small unit's too ("chocolate", Chocó)
        ("サバの味噌煮を食べた。", []),
        ("チョコを食べた。", []),
    ],
)
def test_a_large_unit_abroad_stands_on_its_chinese_or_japanese_name(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("在巴登-符腾堡，当局周一宣布了新措施。", [("巴登-符腾堡", "de-bw")]),
        ("在巴登－符腾堡，当局周一宣布了新措施。", [("巴登－符腾堡", "de-bw")]),  # a full-width hyphen
        ("北莱茵-威斯特法伦州举行选举。", [("北莱茵-威斯特法伦州", "de-nw")]),  # with its unit
        ("普罗旺斯-阿尔卑斯-蓝色海岸大区发生山火。", [("普罗旺斯-阿尔卑斯-蓝色海岸", "fr-pac")]),
        # two names joined by a hyphen stay two
        ("北京-上海高铁开通。", [("北京", "gn-1816670"), ("上海", "gn-1796236")]),
    ],
)
def test_a_chinese_name_of_words_joined_by_a_hyphen(text: str, expected: list[tuple[str, str]]) -> None:
    assert found(text) == expected


@pytest.mark.xfail(
    strict=True, reason="拉萨 is an untagged Chinese name and a frequent word, as 民主 and 奋斗 are of towns"
)
def test_lhasa_stands_on_its_chinese_name() -> None:
    assert found("他去了拉萨。") == [("拉萨", "gn-1280737")]


@pytest.mark.parametrize(
    "text",
    [
        "大数据时代已经到来。",  # 大数据, "big data": no 大数 (a source's name of Tarsus)
        "今天的车速比通常慢得多。",  # 通常, "usual": no 比通 (Bitung)
        "秘书长安南希望各方保持克制。",  # 安南 希望, "Annan hopes": no 南希 (Nancy)
    ],
)
def test_a_lesser_place_cut_out_of_a_common_word_is_no_name(text: str) -> None:
    assert toponym.extract(text) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("他住在郑州市中心。", "郑州市"),  # a unit's character ends the name: 市中心 does not cut it
        ("美国人喜欢篮球。", "美国"),  # a country stays though 国人 is a word
    ],
)
def test_a_name_beside_a_common_word_stays_where_it_should(text: str, name: str) -> None:
    assert name in [m.text for m in toponym.extract(text)]

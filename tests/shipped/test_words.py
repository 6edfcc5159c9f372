"""Ordinary words of twelve languages get no answer: the 1,000 most frequent words of each (wordfreq),
lower- and title-case, answer for at most 1 %, the words that are themselves names of countries,
first-level subdivisions or cities of 100,000+ in that language excepted (and printed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from toponym import Gazetteer, Place
from toponym.normalize import normalize_name

from ..conftest import SHIPPED

pytestmark = pytest.mark.world

LANGS = ("en", "es", "fr", "de", "it", "pt", "nl", "ru", "ja", "zh", "ko", "ar")
TOP = 1_000
RATE = 0.01
CITY_PEOPLE = 100_000


def _spoken(path: Path) -> dict[str, set[str]]:
    """Territory -> languages spoken there (the build's CLDR table)."""
    out: dict[str, set[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            territory, langs = line.split("\t")
            out[territory] = set(langs.split(","))
    return out


SPOKEN = _spoken(SHIPPED / "words" / "territory-languages.tsv")


def _prominent(gz: Gazetteer, p: Place) -> bool:
    if p.kind in ("country", "territory", "former-country"):
        return True
    if p.kind == "subdivision":
        parent = gz.get(p.parent) if p.parent else None
        return parent is None or parent.kind in ("country", "territory")
    return p.kind == "city" and (p.population or 0) >= CITY_PEOPLE


def _name_in(gz: Gazetteer, word: str, lang: str) -> Place | None:
    """The prominent place ``word`` names in ``lang``: its canonical name, a name tagged with the
    language, or an untagged name where the language is spoken ("Milano")."""
    for form in {word, word[:1].upper() + word[1:]}:
        key = normalize_name(form)
        for m in gz.resolve_all(form, limit=10):
            p = m.place
            if m.method == "fuzzy" or not _prominent(gz, p):
                continue
            if key == normalize_name(p.name):
                return p
            local = lang in SPOKEN.get(p.country or p.id, set())
            for n in p.names:
                tags = {t.split("-")[0] for t in n.langs}
                if normalize_name(n.name) == key and (lang in tags or (local and tags <= {"und"})):
                    return p
    return None


@pytest.mark.parametrize("lang", LANGS)
def test_frequent_words_get_no_answer(shipped: Gazetteer, lang: str) -> None:
    wordfreq = pytest.importorskip("wordfreq")
    counted, answered, names = 0, [], []
    for word in wordfreq.top_n_list(lang, TOP):
        place = _name_in(shipped, word, lang)
        if place is not None:
            names.append(f"{word}={place.id}")
            continue
        counted += 1
        for form in dict.fromkeys([word.lower(), word[:1].upper() + word[1:].lower()]):
            m = shipped.resolve(form)
            if m is not None:
                answered.append(f"{form} -> {m.place.id} ({m.method}, {m.matched!r})")
                break
    print(f"\n{lang}: {len(answered)} of {counted} words answered; names excepted: {', '.join(names)}")
    assert counted >= 0.9 * TOP
    assert len(answered) <= RATE * counted, answered


@pytest.mark.parametrize(("exonym", "english"), [("Florenz", "Florence"), ("Mailand", "Milan"), ("Neapel", "Naples")])
def test_exonyms_beyond_the_core_words_are_names(shipped: Gazetteer, exonym: str, english: str) -> None:
    """A frequent word beyond a language's 1,000 commonest that the sources give in that language
    to a coded subdivision and a prominent place has too (German "Mailand": the province of Milan
    in German, the city untagged) is a name, not an ordinary word: it resolves to the city."""
    city, found = shipped.resolve(english), shipped.resolve(exonym)
    assert city is not None and found is not None and found.place.id == city.place.id


@pytest.mark.parametrize("word", ["Nord", "Zuid", "Süd", "Oost", "Ouest", "Est", "Centrale"])
def test_a_word_that_first_level_units_of_many_countries_bear_describes_them(shipped: Gazetteer, word: str) -> None:
    """The French "Nord" is the North region of Uganda, Ghana, Zambia, Cameroon...: a reader of the
    bare word means none of them; a country hint still reaches one."""
    assert shipped.resolve(word) is None
    first = shipped.resolve_all(word)[0].place
    found = shipped.resolve(word, country=first.country)
    assert found is not None and found.place.country == first.country


@pytest.mark.parametrize(("word", "unit"), [("Sur", "bh-14"), ("Unidad", "ss-uy"), ("Golfo", "pg-gpk")])
def test_a_translated_common_word_is_no_units_own_name(shipped: Gazetteer, word: str, unit: str) -> None:
    """Bahrain's "Southern" governorate is "Sur" in Spanish, the word for south: a reader of the
    bare word means no unit; a country hint still reaches it, and its own name stays a name
    elsewhere ("Acre" is the Brazilian state, in Portuguese too)."""
    assert shipped.resolve(word) is None
    found = shipped.resolve(word, country=shipped.get(unit).country)
    assert found is not None and found.place.id == unit
    acre = shipped.resolve("Acre")
    assert acre is not None and acre.place.id == "br-ac"


def test_a_name_that_first_level_units_of_a_few_countries_bear_stays_a_name(shipped: Gazetteer) -> None:
    found = shipped.resolve("Florida")  # the state; departments of Uruguay and Puerto Rico share it
    assert found is not None and found.place.id == "us-fl"


@pytest.mark.parametrize(
    ("adjective", "country"), [("مصري", "eg"), ("لبناني", "lb"), ("سوري", "sy"), ("Nederlands", "nl")]
)
def test_an_adjective_a_source_gives_as_a_country_name_is_a_demonym(
    shipped: Gazetteer, adjective: str, country: str
) -> None:
    assert shipped.resolve(adjective) is None
    found = shipped.resolve(adjective, demonyms=True)
    assert found is not None and found.place.id == country and found.name_type == "demonym"


def test_the_cli_reads_demonyms_when_asked(shipped: Gazetteer) -> None:
    from click.testing import CliRunner

    from toponym.cli import main

    words = ["Russian", "German", "Japan"]
    want = [shipped.resolve(w, demonyms=True) for w in words]
    for flag, asked in (([], False), (["--demonyms"], True)):
        out = CliRunner().invoke(main, ["resolve", "--format", "csv", *flag, *words]).stdout.splitlines()
        ids = [row.split(",")[1] for row in out[1:]]
        assert ids == [m.place.id if m and (asked or m.name_type != "demonym") else "" for m in want]
        assert asked or ids[:2] == ["", ""]


def test_the_arabic_word_for_the_city_is_no_city(shipped: Gazetteer) -> None:
    assert shipped.resolve("المدينة") is None
    for query, hint in (("المدينة المنورة", None), ("المدينة", "SA")):
        found = shipped.resolve(query, country=hint)
        assert found is not None and found.place.id == "gn-109223"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("أميركا", "us"),
        ("أمريكا", "us"),
        ("إفريقيا", "m49-002"),
        ("تايلند", "th"),
        ("دارفور", "darfur"),
        ("الحجاز", "hejaz"),
    ],
)
def test_arabic_news_names(shipped: Gazetteer, name: str, place: str) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Mechelen", "gn-2791537"),
        ("Hasselt", "gn-2796491"),
        ("Aalst", "gn-2803448"),
        ("Oostende", "gn-2789786"),
        ("Olot", "gn-3115093"),
        ("Xàtiva", "gn-2516345"),
        ("Figueres", "gn-3122453"),
        ("Manresa", "gn-3117533"),
        # Croatian and Serbian, whose frequent words are one Serbo-Croatian list
        ("Osijek", "gn-3193935"),
        ("Kraljevo", "gn-789107"),
        ("Pančevo", "gn-787237"),
    ],
)
def test_a_towns_name_frequent_in_the_language_of_its_country_is_its_name(
    shipped: Gazetteer, name: str, place: str
) -> None:
    """Dutch news names Mechelen (77,000 people) so often that "mechelen" is a frequent Dutch word;
    so too Ostend by its Dutch name, "Oostende", which the source gives untagged. Catalan news
    names Olot, Xàtiva, Figueres and Manresa so: a name reviewed in Catalan
    (gazetteer/curated/es-town-names.toml) is the town's own in Catalan, and so is a town's
    canonical name from 50,000 people, Catalan being a language of Spain (official in a region)."""
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


@pytest.mark.parametrize("name", ["Roses", "Blanes"])
def test_a_towns_name_that_is_a_word_too_needs_a_hint(shipped: Gazetteer, name: str) -> None:
    """ "Roses" and "Blanes" are words of Catalan and other languages: the towns need a hint."""
    assert shipped.resolve(name) is None
    found = shipped.resolve(name, country="es")
    assert found is not None and found.place.country == "es"


@pytest.mark.parametrize(
    "name", ["Великобритания", "Großbritannien", "Grande-Bretagne", "Gran Bretaña", "Gran Bretagna"]
)
def test_great_britain_in_the_major_languages(shipped: Gazetteer, name: str) -> None:
    """Russian "Великобритания" is a frequent Bulgarian word too, where no source tags it: a
    country's name in a major language is its name in every language that writes it so."""
    found = shipped.resolve(name)
    assert found is not None and found.place.id == "gb"


@pytest.mark.parametrize(
    ("name", "place"),
    [("华南", "south-china"), ("华北", "north-china"), ("东北地区", "manchuria"), ("拉美", "m49-419")],
)
def test_chinese_news_names_of_regions(shipped: Gazetteer, name: str, place: str) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


@pytest.mark.parametrize(
    "word", ["Here", "War", "Oxon", "Herts", "Yorks", "Yorkshire", "Sussex", "Northamptonshire", "Greater London"]
)
def test_english_county_abbreviations_are_no_names_of_the_uk(shipped: Gazetteer, word: str) -> None:
    """A source files English counties and their abbreviations as names of the whole UK."""
    found = shipped.resolve(word)
    assert found is None or found.place.id != "gb"


def test_china_and_the_us_is_no_central_america(shipped: Gazetteer) -> None:
    assert shipped.resolve("中美") is None
    for query, hints in (("中美洲", {}), ("中美", {"kinds": {"macro-region"}})):
        found = shipped.resolve(query, **hints)
        assert found is not None and found.place.id == "m49-013"


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("Kyushu", "kyushu"), ("九州", "kyushu"), ("Кюсю", "kyushu"), ("Honshu", "honshu"), ("本州", "honshu"),
        ("Shikoku", "shikoku"), ("Kansai", "kansai"), ("Kinki", "kansai"), ("近畿地方", "kansai"),
        ("関東", "kanto"), ("Tōhoku", "tohoku"), ("東北地方", "tohoku"), ("Chubu", "chubu"), ("北陸", "hokuriku"),
        ("中国地方", "chugoku-region"), ("山陰", "san-in"),
    ],
)  # fmt: skip
def test_the_main_islands_and_regions_of_japan(shipped: Gazetteer, name: str, place: str) -> None:
    """Kansai was Kansas and Chubu Argentina's Chubut by fuzzy match; no source has the regions."""
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


@pytest.mark.parametrize(("name", "place"), [("中国", "cn"), ("Sanyo", None), ("东北", None), ("中部", None)])
def test_japanese_regions_leave_their_homonyms_alone(shipped: Gazetteer, name: str, place: str | None) -> None:
    """中国 is China (the region is 中国地方), Sanyo the electronics maker, 东北 and 中部 words."""
    found = shipped.resolve(name)
    assert (found.place.id if found else None) == place


@pytest.mark.parametrize(
    ("village", "place"), [("Payerne", "gn-2659243"), ("Zumaia", "gn-3104218"), ("Kronoby", "gn-650754")]
)
def test_a_village_is_a_place_of_its_own(shipped: Gazetteer, village: str, place: str) -> None:
    """Payerne is the Swiss village, not Bavaria, Zumaia not Zambia: the index carries GeoNames'
    places of 1,000 people and more."""
    found = shipped.resolve(village)
    assert found is not None and found.place.id == place and found.method == "exact"


@pytest.mark.parametrize("village", ["Genevad", "Bauple", "Gelfingen", "Lingreville", "Pakemitan", "Anadoly"])
def test_a_real_place_the_index_lacks_is_no_typo_of_a_place_it_carries(shipped: Gazetteer, village: str) -> None:
    """Genevad is not Geneva, Bauple not Naples, Pakemitan not Pakistan: GeoNames' places of 500 to
    999 people that the index does not carry (``words/geonames.elsewhere.txt``) get no answer."""
    assert shipped.resolve(village) is None


@pytest.mark.parametrize(
    ("typo", "place"), [("Frnace", "fr"), ("Germny", "de"), ("Zambai", "zm"), ("Iturupp", "iturup")]
)
def test_typos_of_places_it_carries_still_answer(shipped: Gazetteer, typo: str, place: str) -> None:
    found = shipped.resolve(typo)
    assert found is not None and found.place.id == place and found.method == "fuzzy"


@pytest.mark.parametrize(("typo", "place"), [("ქუთასი", "gn-613607"), ("Գյումր", "gn-616635")])
def test_a_minor_language_in_its_own_script_is_typed(shipped: Gazetteer, typo: str, place: str) -> None:
    """Georgian and Armenian names are of minor languages to the sources, but their readers type
    them: a typo of Kutaisi in Georgian letters, of Gyumri in Armenian letters, still answers."""
    found = shipped.resolve(typo)
    assert found is not None and found.place.id == place and found.method == "fuzzy"


@pytest.mark.parametrize(("name", "place"), [("Korea", "kr"), ("Macedonië", "mk"), ("Macedônia", "mk")])
def test_a_name_policy_gives_a_place_is_no_ordinary_word(shipped: Gazetteer, name: str, place: str) -> None:
    """The sources give these untagged, and some language has them among its commonest words (for
    naming the country); policy.toml says whose names they are, with a reason."""
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place and found.explanation.rule == "policy"
    # the word stays a word where policy says nothing: Spanish "silla" (chair), an alias of Korea
    assert shipped.resolve("Silla") is None


@pytest.mark.parametrize(
    ("name", "place"),
    [
        ("秩父市", "gn-1864637"),  # Chichibu, 60,000 people: three characters, its whole name
        ("稚内市", "gn-2127515"),  # Wakkanai
        ("行橋市", "gn-1848087"),  # Yukuhashi
        ("서귀포시", "gn-1836630"),  # Seogwipo, in Hangul
        ("أملج", "gn-100926"),  # Umluj, 34,000 people: Arabic writes its name in four letters
        ("الرس", "gn-108435"),  # Ar Rass
    ],
)
def test_a_town_s_name_with_its_unit_in_its_country_s_script_is_no_short_alias(
    shipped: Gazetteer, name: str, place: str
) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place


@pytest.mark.parametrize("name", ["山县", "原町", "日高"])
def test_a_short_han_name_without_a_unit_or_of_one_character_before_it_stays_dropped(
    shipped: Gazetteer, name: str
) -> None:
    """罗山县 and 岐山县 are counties of China, not 山县 (Yamagata, Gifu); 日高 is a surname as often."""
    found = shipped.resolve(name)
    assert found is None or found.place.kind != "city" or (found.place.population or 0) >= 100_000


@pytest.mark.parametrize("name", ["East Bengal", "West London"])
def test_a_name_of_real_words_is_no_typo_of_another(shipped: Gazetteer, name: str) -> None:
    """Each word of these is a word of its own: neither is a typo of West Bengal or of East London
    (South Africa), one short word replaced by another two edits off."""
    assert shipped.resolve(name) is None


@pytest.mark.parametrize(
    ("typo", "place"), [("Nwe York", "gn-5128581"), ("Rio de Janiero", "gn-3451190"), ("Sri Lnaka", "lk")]
)
def test_typos_in_a_name_of_several_words_still_answer(shipped: Gazetteer, typo: str, place: str) -> None:
    found = shipped.resolve(typo)
    assert found is not None and found.place.id == place and found.method == "fuzzy"

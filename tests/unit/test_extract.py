"""Extractor logic on the small fixture gazetteer: offsets, longest match, case policy, scripts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponym
from toponym import Gazetteer, Mention

from ..conftest import FIXTURE


@pytest.fixture(scope="module")
def gz() -> Gazetteer:
    return Gazetteer.from_folder(FIXTURE)


def found(gz: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in gz.extract(text)]


def test_offsets_are_str_offsets(gz: Gazetteer) -> None:
    text = "Le «Kunashiri» — 国後島, then Russia."
    for m in gz.extract(text):
        assert isinstance(m, Mention)
        assert text[m.start : m.end] == m.text
        assert m.match.query == m.text
    assert found(gz, text) == [("Kunashiri", "kunashir"), ("国後島", "kunashir"), ("Russia", "ru")]


def test_longest_match_wins(gz: Gazetteer) -> None:
    assert found(gz, "The Russian Federation said") == [("Russian Federation", "ru")]
    assert found(gz, "the Southern Kurils and the Northern\nTerritories") == [
        ("Southern Kurils", "southern-kurils"),
        ("Northern\nTerritories", "southern-kurils"),
    ]


def test_no_match_inside_words(gz: Gazetteer) -> None:
    assert found(gz, "Russias Peruvian JapanX xJapan Japan_1 os.Japan") == []


def test_possessive(gz: Gazetteer) -> None:
    assert found(gz, "Japan's and Russia’s claims") == [("Japan", "jp"), ("Russia", "ru")]


def test_lower_case_is_not_a_name_in_cased_scripts(gz: Gazetteer) -> None:
    assert found(gz, "japan and russia") == []
    assert found(gz, "What a nice day.") == []


def test_acronyms_need_the_stored_spelling(gz: Gazetteer) -> None:
    assert found(gz, "the USA and the Usa and usa") == [("USA", "us")]


def test_headline_in_capitals(gz: Gazetteer) -> None:
    assert found(gz, "RUSSIA AND JAPAN MEET\nThey met.") == [("RUSSIA", "ru"), ("JAPAN", "jp")]


def test_stop_word_needs_support(gz: Gazetteer) -> None:
    # "Nice" is a stop entry and an ordinary word: alone it is nothing; in a text that names the
    # country around it, it is the place
    assert found(gz, "Nice to meet you.") == []
    assert found(gz, "We flew to Nice, United States.") == [("Nice", "gn-2128295"), ("United States", "us")]


def test_context_settles_ambiguity(gz: Gazetteer) -> None:
    assert found(gz, "Georgia") == [("Georgia", "ge")]
    assert found(gz, "Springfield is in Georgia.") == [("Georgia", "ge")]  # two Springfields: no answer


def test_russian_case_forms(gz: Gazetteer) -> None:
    text = "в Москве, на Кунашире, в Японии и России, о Шикотане"
    got = gz.extract(text)
    assert [(m.text, m.place.id) for m in got] == [
        ("Кунашире", "kunashir"),
        ("Японии", "jp"),
        ("России", "ru"),
        ("Шикотане", "shikotan"),
    ]
    assert {m.method for m in got} == {"inflected"}
    assert all(m.score < 95 for m in got)


def test_russian_prefix_is_not_a_match(gz: Gazetteer) -> None:
    assert found(gz, "Крымский мост и Российский рубль") == []


def test_cjk_in_running_text(gz: Gazetteer) -> None:
    assert found(gz, "首相は国後島を訪問し、色丹島にも行った。") == [("国後島", "kunashir"), ("色丹島", "shikotan")]
    # a government is a political organisation, as Japanese annotation marks it
    assert found(gz, "北方領土の返還を日本政府が求めた") == [("北方領土", "southern-kurils")]


def test_cjk_fragments_are_guarded(gz: Gazetteer) -> None:
    assert found(gz, "日本語を話す") == []  # a language
    assert found(gz, "日本人と話す") == [("日本", "jp")]  # a country's people: the country


def test_empty_and_odd_input(gz: Gazetteer) -> None:
    assert gz.extract("") == []
    assert gz.extract("\x00\x00 \ufeff") == []
    assert found(gz, "Russia\x00Japan") == [("Russia", "ru"), ("Japan", "jp")]


def test_normalize_text(gz: Gazetteer) -> None:
    text = "Kunashiri and 色丹島 in Russia"
    assert gz.normalize_text(text, to="id") == "kunashir and shikotan in ru"
    assert gz.normalize_text(text, to="annotate") == "[[Kunashiri|kunashir]] and [[色丹島|shikotan]] in [[Russia|ru]]"
    assert gz.normalize_text(text) == "Kunashir and Shikotan in Russia"
    assert gz.normalize_text("Northern Territories", perspective="ru") == "Southern Kurils"
    with pytest.raises(ValueError, match="not one of"):
        gz.normalize_text(text, to="nonsense")


def test_inflected_forms_are_kept_when_already_canonical(gz: Gazetteer) -> None:
    assert gz.normalize_text("на Кунашире", lang="ru", perspective="ru") == "на Кунашире"


def test_module_level_one_liners() -> None:
    import toponym

    assert [m.place.id for m in toponym.extract("Kunashiri")] == ["kunashir"]
    assert toponym.normalize_text("Kunashiri", to="id") == "kunashir"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("Russia Japan 国後島日本 Кунашире,.'-\n\x00aZ"), max_size=60))
def test_mentions_are_ordered_disjoint_and_exact(text: str) -> None:
    gz = _shared()
    last = 0
    for m in gz.extract(text):
        assert text[m.start : m.end] == m.text
        assert m.start >= last and m.end > m.start
        last = m.end


_GZ: list[Gazetteer] = []


def _shared() -> Gazetteer:
    if not _GZ:
        _GZ.append(Gazetteer.from_folder(FIXTURE))
    return _GZ[0]


def test_segments_of_runs_without_spaces() -> None:
    # a name is a segment of the best segmentation of its run, not any substring
    assert [m.text for m in toponym.extract("他去北京。")] == ["北京"]
    # a single character is a word or an abbreviation before it is a place; a katakana name runs
    # from one break to the next (モン in ソロモン, コモ in ドコモ)
    assert toponym.extract("原典と北") == []
    assert toponym.extract("ソロモン宇宙協会とドコモ") == []
    # a segment that is an ordinary word names a lesser place only with support (ゴール "goal"
    # is a province of Afghanistan in Japanese)
    assert toponym.extract("左足でゴールを挙げた。") == []


def test_japanese_compounds_and_addresses() -> None:
    # a name glued to the noun after it begins a longer noun: the record, the games, the railway
    assert toponym.extract("日本記録を更新した。") == []
    assert toponym.extract("東京オリンピックと名古屋鉄道") == []
    # ... unless a word that follows place names follows it, or it is followed by a particle
    assert [m.text for m in toponym.extract("日本政府は東京で会見した。")] == ["東京"]
    # an address is one name, linked to its last part
    got = toponym.extract("神奈川県厚木市に本社を置く。")
    assert [(m.text, m.place.name) for m in got] == [("神奈川県厚木市", "Atsugi")]


def test_chinese_running_text_after_prepositions_and_before_verbs() -> None:
    text = "习近平在北京会见了俄罗斯总统，随后访问了上海和东京。"
    assert [m.text for m in toponym.extract(text)] == ["北京", "俄罗斯", "上海", "东京"]
    assert toponym.extract("北京大学の学生") == []  # the university, not the city


def test_names_in_german_and_italian_text() -> None:
    de = "Der Streit belastet die Beziehungen zwischen Japan und Russland, sagte man in Moskau."
    assert [m.place.id for m in toponym.extract(de)] == ["jp", "ru", "gn-524901"]
    it = "Il presidente è arrivato a Roma da Milano e poi è andato in Giappone."
    assert [m.text for m in toponym.extract(it)] == ["Roma", "Milano", "Giappone"]


def test_a_country_anywhere_does_not_vouch_for_word_like_places() -> None:
    assert [m.text for m in toponym.extract("Basic usage is covered in the US.")] == ["US"]
    assert [m.place.id for m in toponym.extract("We flew to Nice, France.")] == ["gn-2990440", "fr"]


def test_acronyms_inside_identifiers_are_not_places() -> None:
    assert toponym.extract("Set the charset to US-ASCII or LANG=en-US.") == []
    assert [m.text for m in toponym.extract("UK-based firms joined US-led talks.")] == ["UK", "US"]


def test_dotted_acronyms() -> None:
    assert [(m.text, m.place.id) for m in toponym.extract("U.S. officials met in the U.S.-Japan talks.")] == [
        ("U.S.", "us"),
        ("U.S.", "us"),
        ("Japan", "jp"),
    ]
    assert toponym.extract("e.g. A.B.C. and i.e. X.Y.") == []
    assert [m.place.id for m in toponym.extract("the U.K. and the U.A.E.")] == ["gb", "ae"]


def test_dotted_acronyms_among_many_mentions() -> None:
    text = "Russia and Japan met. " * 300 + "U.S. officials flew to the U.K. and the U.A.E. on Monday."
    found = [(m.text, m.place.id) for m in toponym.extract(text)]
    assert found.count(("Russia", "ru")) == 300
    assert found[-3:] == [("U.S.", "us"), ("U.K.", "gb"), ("U.A.E.", "ae")]


def test_han_forms_in_running_text() -> None:
    """Traditional characters are read as the simplified keys they fold to; offsets stay the text's."""
    text = "俄羅斯總統在莫斯科會見了日本首相，討論國後島和擇捉島的問題。"
    found = [(m.text, m.place.id) for m in toponym.extract(text)]
    assert found == [
        ("俄羅斯", "ru"),
        ("莫斯科", "gn-524901"),
        ("日本", "jp"),
        ("國後島", "kunashir"),
        ("擇捉島", "iturup"),
    ]
    assert all(text[m.start : m.end] == m.text for m in toponym.extract(text))


def test_a_cut_name_is_not_a_mention() -> None:
    """Sources that cut "Côte d’Ivoire" after the apostrophe gave a name "Côte d" (now filtered)."""
    assert toponym.extract("We met Cote d. Smith yesterday.") == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("外长访问东京并会见日本首相", [("东京", "gn-1850147"), ("日本", "jp")]),
        ("台北市長訪問東京", [("台北市", "gn-1668341"), ("東京", "gn-1850147")]),
        ("这个问题很复杂，意见很多，他回家了。", []),
    ],
)
def test_chinese_verbs_before_and_after_a_place(text: str, found: list[tuple[str, str]]) -> None:
    """A two-character Han name glued to a verb of going or meeting (访问, 会见) is a mention;
    the same characters inside ordinary words are not."""
    assert [(m.text, m.place.id) for m in toponym.extract(text)] == found


#: Characters that continue the one before them: a combining acute, a zero-width joiner, a
#: variation selector, an emoji skin tone, a supplementary variation selector.
_EXTENDERS = ["\u0301", "\u200d", "\ufe0f", "\U0001f3fb", "\U000e0100"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["Paris", "Russia", "Japan", "Tokyo", "Москва", "東京", "北京", "国後島", "Kunashiri"]),
            st.sampled_from(_EXTENDERS),
            st.sampled_from([" ", ", ", "に", "。", "\n", "-"]),
        ),
        max_size=12,
    )
)
def test_spans_never_split_a_grapheme_cluster(parts: list[str]) -> None:
    """A name followed by a combining mark, a joiner or a selector includes it or does not match
    (a span that stopped before it would cut a character in two)."""
    from toponym.extractor.chars import extends

    text = "".join(parts)
    for gz in (_shared(), toponym.default_gazetteer()):
        for m in gz.extract(text):
            assert not extends(ord(text[m.start])), (text, m)
            assert m.end == len(text) or not extends(ord(text[m.end])), (text, m)


def test_datelines_in_capitals() -> None:
    # the place a story is filed from, first on its line before a date, an agency or a dash
    for text, expected in [
        ("TOKYO (Kyodo) -- Japan said", ["TOKYO", "Japan"]),
        ("MOSCOW, Aug 3 (Reuters) - Russia said", ["MOSCOW", "Russia"]),
        ("Rugby.\nWELLINGTON 1996-08-22\nThe match was drawn.", ["WELLINGTON"]),
        ("Drugs.\nTORRINGTON — Mayor Ryan Bingham spoke on Monday .", ["TORRINGTON"]),
        ("DETROIT The Transportation Department issued guidelines on Wednesday .", ["DETROIT"]),
        # the story's first words may be a person's name: a name in capitals goes on in capitals
        ("WASHINGTON Barack Obama pardoned a turkey on Wednesday .", ["WASHINGTON"]),
        # an agency's dateline names a place though the name alone is a word ("soria")
        ("Soria , 23 may ( EFE ) .", ["Soria"]),
    ]:
        assert [m.text for m in toponym.extract(text)] == expected
    # a word in capitals elsewhere is not a dateline
    assert toponym.extract("He said WELLINGTON was fine.") == []


def test_a_country_keeps_its_english_name_that_is_a_word() -> None:
    assert [m.place.id for m in toponym.extract("Turkey said on Monday it would act.")] == ["tr"]


def test_a_leading_article_is_not_part_of_the_name() -> None:
    got = toponym.extract("The United States and The Hague.")
    assert [(m.text, m.start) for m in got] == [("United States", 4), ("The Hague", 22)]


def test_a_place_name_that_begins_a_longer_proper_name() -> None:
    # a person, a team, a newsroom: glued to a capitalised word that is no place and no word
    for text in ["Vladimir Putin said.", "He met Paris Hilton.", "the Boston Celtics won", "-- Sydney Newsroom 61-2"]:
        assert toponym.extract(text) == [], text
    # a hospital or a church named after a place: the Vancouver hospital is no place "St. Paul's"
    found = toponym.extract("Nurses at St. Paul's Hospital treated two hikers rescued outside Vancouver last night .")
    assert [m.text for m in found] == ["Vancouver"]
    # a news agency named like a place, where the text reports through it, there and after
    text = "Four were hurt in Sichuan , Xinhua reported . Pictures from Xinhua showed Hunan ."
    assert [m.text for m in toponym.extract(text)] == ["Sichuan", "Hunan"]
    assert [m.text for m in toponym.extract("Fars said on Monday that Shiraz , in Fars , agreed .")] == [
        "Shiraz",
        "Fars",
    ]
    # an organisation's branch or desk after its acronym and a hyphen, not a country after one
    assert [m.text for m in toponym.extract("EFE-Asturias Gijón , 9 jul ( EFE ) .")] == ["Gijón"]
    assert [m.text for m in toponym.extract("The EU-Canada trade deal was signed .")] == ["Canada"]
    # a breed named after its place, but not a country's or a state's trade
    assert [m.text for m in toponym.extract("They grow Angus beef cattle in Missouri .")] == ["Missouri"]
    assert [m.text for m in toponym.extract("Japan beef imports rose ; Texas cattle fell .")] == ["Japan", "Texas"]
    # ... and so is a reef or a rock formation named after a town (Leduc, Alberta)
    found = toponym.extract("Crews near Red Deer , Alberta found 40 metres of porous Leduc Reef in March .")
    assert [m.text for m in found] == ["Red Deer", "Alberta"]
    # ... and a landform named after a river or a town, which is not it (Mary is in Turkmenistan,
    # County Clare in Ireland)
    found = toponym.extract("A dam in the Mary Valley south of Gympie worries growers in the Clare Valley .")
    assert [m.text for m in found] == ["Gympie"]
    found = toponym.extract("Floods on the Victoria River cut roads ; Sydney Harbour was calm .")
    assert [m.text for m in found] == ["Sydney"]  # a city's harbour is the city's
    # calendar words, places and lower-case words after it leave it a place
    assert [m.text for m in toponym.extract("In Paris Saturday, he said")] == ["Paris"]
    assert [m.text for m in toponym.extract("In Tokyo Japan said")] == ["Tokyo", "Japan"]
    # a month before a number is a date, not March in Cambridgeshire
    found = toponym.extract("Orbis was formed in March 2009 in Cambridge , England .")
    assert [m.text for m in found] == ["Cambridge", "England"]
    # a headline in title case is left alone
    assert [m.text for m in toponym.extract("Russia Warns Japan Over Disputed Islands")] == ["Russia", "Japan"]


def test_a_town_after_a_given_name_is_a_surname() -> None:
    # the commonest given names are frequent words too ("Jesús", "Lindsay"): the census lists them
    # and a dictionary has some as rarer words ("john"): "John Bolton" is a person
    for text in ["dijo Jesús Medina , presidente", "Lindsay Davenport beat her", "Ambassador John Bolton said"]:
        assert toponym.extract(text) == [], text
    assert [m.text for m in toponym.extract("Viajó a Medina .")] == ["Medina"]
    # a given name that is a word ("Mark") is no evidence; a country after a given name is a
    # surname ("Michael Jordan": tests/shipped/test_extract_languages.py)
    assert [m.text for m in toponym.extract("Mark Bolivia")] == ["Bolivia"]
    # the person keeps the name elsewhere in the text, but not after a preposition of place
    text = "El general Lino Oviedo huyó . Oviedo negó todo . Vive en Oviedo ."
    assert [(m.text, m.start) for m in toponym.extract(text)] == [("Oviedo", text.rindex("Oviedo"))]


def test_a_news_agencys_name_is_no_place() -> None:
    # Xinhua, a town of Hunan, is the agency's name after a place in Hunan too
    found = toponym.extract("Homes in Hunan were buried , the Xinhua news agency reported .")
    assert [m.text for m in found] == ["Hunan"]
    assert [m.text for m in toponym.extract("He lives in Xinhua county .")] == ["Xinhua"]


def test_a_given_name_before_a_surname_is_a_person() -> None:
    # ... the person's alone later in the text, but after a preposition of place
    text = "Nine-year-old Georgia Stevens skates .\nGeorgia began skating at four . She trained in Georgia ."
    assert [(m.text, m.start) for m in toponym.extract(text)] == [("Georgia", text.rindex("Georgia"))]
    # ... not a city of millions' name, which news writes for the city, the person by her surname
    text = "Paris Hilton opened a shop .\nLater Hilton toured Paris ."
    assert [(m.text, m.start) for m in toponym.extract(text)] == [("Paris", text.rindex("Paris"))]
    # a town's name that is a given name, before a surname: a place too ("Houston") or not
    assert [m.text for m in toponym.extract("Helena Sukova beat Paola Suarez ( Argentina ) 6-4")] == ["Argentina"]
    assert toponym.extract("Brian McRae singled in Tyler Houston .") == []
    assert [m.text for m in toponym.extract("Lisa Raymond beat Lori McNeil ( Australia ) 7-6")] == ["Australia"]
    # a surname's particle after a given name: the place name after it is the rest of the surname,
    # there and alone later in the text; a place that begins so is stored whole
    assert toponym.extract("El gobernador Daniel De Lecce habló con De Lecce hijo .") == []
    assert [m.text for m in toponym.extract("Volaron a De Panne y luego a Lecce .")] == ["De Panne", "Lecce"]
    # a Spanish patronymic surname is a frequent word of Spanish, and still a surname
    assert toponym.extract("El concejal Salvador Méndez y la jueza Carolina Núñez votaron .") == []
    # a unit's name after a given name is a surname too, there and later in the text
    text = "Ayer Pedro Bono visitó Castilla-La Mancha y Bono prometió volver ."
    assert [m.text for m in toponym.extract(text)] == ["Castilla-La Mancha"]
    assert toponym.extract("He spoke with Secretary of State John Kerry .") == []
    # a name before a comma and Spanish "quien", said of people only, is a person's, there and later
    text = "Oviedo , quien negó todo , vive en Oviedo . Oviedo negó ."
    assert [(m.text, m.start) for m in toponym.extract(text)] == [("Oviedo", text.index("en Oviedo") + 3)]
    # ... and one a Spanish verb of saying or "según" names right before it, but a country
    text = "Según Moreno , las listas bajan , declaró Rangel , y según Venezuela no hay razón ."
    assert [m.text for m in toponym.extract(text)] == ["Venezuela"]
    # ... or right after it, where the name is the subject; not after a preposition, whose name is
    # no subject, nor a capital's, which speaks for its state
    text = "Toledo aseguró que Solana ha negado el plan ."
    assert toponym.extract(text) == []
    text = "El alcalde de Toledo ( Castilla-La Mancha ) aseguró que Madrid ha negado el plan ."
    assert [m.text for m in toponym.extract(text)] == ["Toledo", "Castilla-La Mancha", "Madrid"]
    # a title itself is no place (Príncipe, an island of São Tomé), but after a preposition of place
    assert toponym.extract("La Reina Margarita y el Príncipe consorte Henrik llegaron .") == []
    assert [m.text for m in toponym.extract("Los pescadores viven en Príncipe .")] == ["Príncipe"]
    # a given name before a town's name in German text too, where other capitalised words are nouns
    assert toponym.extract("Der Münchner setzt im Fasching auf Lady Gaga und Michael Jackson .") == []
    assert [m.text for m in toponym.extract("Die Residenzstadt Mannheim und die Stadt Kassel .")] == [
        "Mannheim",
        "Kassel",
    ]
    # a second surname after a given name and a surname, but not a byline's place before its dateline
    assert toponym.extract("la fiscal Lucía Pérez Castellón , que presidirá el tribunal .") == []
    # ... which names no person alone: the town elsewhere in the text stays
    text = "3. Charles Tschantfc Saint-Imier , 1 h. ; 1. E. Krebs , Saint-Imier ."
    assert [(m.text, m.start) for m in toponym.extract(text)] == [("Saint-Imier", text.rindex("Saint-Imier"))]
    text = "añadió . por Marta Ríos Bogotá , 11 feb ( EFE ) ."
    assert [m.text for m in toponym.extract(text)] == ["Bogotá"]
    # ... or before "and", another given name and the surname the couple shares
    text = "Retired workers Brent and Lynnette Hain say so . Brent told CTV Edmonton ."
    assert [m.text for m in toponym.extract(text)] == ["Edmonton"]
    assert [m.text for m in toponym.extract("Flights from Moscow and Ayse Wieting arrived .")] == ["Moscow"]
    # not before an ordinary word, nor a country's or a state's name, which news writes before titles
    assert [m.text for m in toponym.extract("Bonds of the Paris School District were sold .")] == ["Paris"]
    assert [m.text for m in toponym.extract("a bill signed by Virginia Governor Ralph Northam")] == ["Virginia"]
    # a country's or a state's name is a given name only before a surname that is no given name too
    assert toponym.extract("La diputada socialista Isabel Salazar presentó la propuesta .") == []
    assert [m.text for m in toponym.extract("said the representative for Georgia John Lewis .")] == ["Georgia"]


def test_a_place_name_inside_a_team_or_a_state_body() -> None:
    # a team's nickname (a plural word with a capital) and a word that heads state bodies and firms
    for text in [
        "the Chicago Cubs won again",
        "Detroit Tigers beat them",
        "the U.S. Navy said",
        "Israel Radio said",
        "The crash happened on Preston Road near the school",  # a street named after a town elsewhere
        "The shop on Madison Avenue closed",
        "Il habite au 12 rue de Lyon depuis 1990",  # ... and in lower case, in the languages that write so
        "Vive en la calle de Toledo desde 1990",
    ]:
        assert toponym.extract(text) == [], text
    # ... but one of a place's streets, after an indefinite article, is in that place
    assert [m.text for m in toponym.extract("Au hasard d'une rue de Tokyo on voit des enseignes")] == ["Tokyo"]
    # a plural in lower case, or a word that is no nickname, leaves the place alone
    assert [m.text for m in toponym.extract("In Chicago cubs were born.")] == ["Chicago"]
    # in a fixture list in capitals the visitors are a team, the place after AT is where they play
    got = toponym.extract("SCHEDULE OAKLAND AT BOSTON SEATTLE AT BALTIMORE")
    assert [m.text for m in got] == ["BOSTON", "BALTIMORE"]
    # a venue after "AT" with no place before it is a place
    assert [m.text for m in toponym.extract("RAIN STOPS PLAY AT LEEDS")] == ["LEEDS"]


def test_an_adjective_stored_as_a_subdivision_name_is_no_mention() -> None:
    # CLDR's English names of two Russian republics are adjectives: demonyms, not places in text
    assert [m.text for m in toponym.extract("Rebels entered the Chechen capital Grozny .")] == ["Grozny"]
    assert toponym.extract("Saudi officials and Jewish groups met .") == []
    assert toponym.resolve("Chechnya").place.id == "ru-ce"  # type: ignore[union-attr]
    assert toponym.get("ru-ce").name_for(lang="en") == "Chechnya"


def test_a_hyphen_written_as_a_space_is_the_places_own_name() -> None:
    # "Saint Denis" is Saint-Denis as written, not an untagged alias that needs support
    assert [m.text for m in toponym.extract("El tráfico hacia Saint Denis será difícil .")] == ["Saint Denis"]


def test_a_name_in_two_languages_is_the_places_own_name_in_each() -> None:
    from toponym.extractor.spelling import is_own_name

    # GeoNames writes a bilingual official name so: "Vitoria" is Gasteiz / Vitoria's own name
    assert is_own_name("Vitoria", "Gasteiz / Vitoria") and is_own_name("Gasteiz", "Gasteiz / Vitoria")
    assert is_own_name("San Sebastián", "Donostia / San Sebastián")
    assert not is_own_name("Nord", "Neustadt/Nord")  # a district's qualifier, no name of its own


def test_the_short_form_of_a_city_name_of_several_words() -> None:
    # "Frankfurt" is Frankfurt am Main's short form: its own name, not an untagged alternate
    assert [m.place.name for m in toponym.extract("Bonds fell in Frankfurt on Monday.")] == ["Frankfurt am Main"]


def test_teams_in_lines_of_results() -> None:
    # a place name followed by a score, in a line of two or more, is a team
    assert toponym.extract("DETROIT 7 Chicago 4 Milwaukee 10") == []
    assert toponym.extract("Munich 1 ( Schwabl 38 ) Hamburg 2") == []
    assert toponym.extract("NEW YORK 72 53 .576 -\nCHICAGO 69 59 .539") == []  # standings
    # a weather table's temperatures are not scores; a number in a sentence is not either
    weather = "Amsterdam 17 12 rainy Asunción 27 15 sunny"
    assert [m.text for m in toponym.extract(weather)] == ["Amsterdam", "Asunción"]
    sentence = "He lived in Paris 20 years ago and in London 3 years."
    assert [m.text for m in toponym.extract(sentence)] == ["Paris", "London"]


def test_adjectives_of_country_names_are_not_places() -> None:
    # some sources file "Israeli" or "South African" as names of the country: in text they are
    # adjectives and people, as "Peruvian" is ("Italia", "Russland" and "Niger" are names)
    for text in ["an Israeli envoy", "Iraqi Kurdish areas", "a Serb church", "the South African side"]:
        assert toponym.extract(text) == [], text
    assert [m.place.id for m in toponym.extract("Italia, Russland, Niger")] == ["it", "ru", "ne"]


def test_a_place_an_organisation_is_named_after() -> None:
    for text in [
        "Los tipos del Banco de España subieron .",
        "the Bank of England said",
        "la Junta de Andalucía aprobó",
        # the head further back, behind capitalised words of the organisation's name
        "El Colegio Oficial de Arquitectos de Madrid convocó un concurso .",
        "La Audiencia Provincial de Zaragoza rechazó el recurso .",
        "Caixa de Girona ha obtenido beneficios",  # a savings bank's, a statute's, an army's
        "el Estatuto Foral de Navarra",
        "El Ejército del Sur del Líbano abandonó sus posiciones .",
        # a stock exchange, an embassy, an official gazette
        "El índice de la Bolsa de Madrid subió .",
        "se refugió en la Embajada de Brasil .",
        "Lo recoge hoy el Boletín Oficial de Aragón en su edición .",
    ]:
        assert toponym.extract(text) == [], text
    # a word in lower case ends the organisation's name
    assert [m.text for m in toponym.extract("El Consejo aprobó la ley de Navarra .")] == ["Navarra"]
    assert [m.text for m in toponym.extract("Viajó a España .")] == ["España"]
    # a place whose own name begins so is matched whole
    assert [m.text for m in toponym.extract("Vive en la Comunidad de Madrid .")] == ["Comunidad de Madrid"]
    # a building, street or square named after a place right before it; further back, the place
    # is where the site is
    assert toponym.extract("La reunión tuvo lugar en el Palacio de Navarra .") == []
    assert toponym.extract("Los vecinos cortaron el tráfico en la Avenida de Extremadura .") == []
    assert [m.text for m in toponym.extract("marcharán sobre la Plaza de Armas de Lima .")] == ["Lima"]
    # ... unless the site is a landmark of its own (world-landmarks.toml)
    assert [m.text for m in toponym.extract("marcharán sobre la Plaza de Mayo de Buenos Aires .")] == [
        "Plaza de Mayo",
        "Buenos Aires",
    ]
    # an organisation named after a person is where the place after the person's name says
    assert [m.text for m in toponym.extract("Ingresó en el Hospital Carlos Haya de Málaga .")] == ["Málaga"]
    assert [m.text for m in toponym.extract("Fue trasladado al Hospital Virgen de la Arrixaca de Murcia .")] == [
        "Murcia"
    ]


def test_a_name_inside_a_compound_word() -> None:
    # Dutch and German join a name to a noun with a hyphen, into one word; English writes an
    # adjective of the place so
    text = "Het Rwanda-tribunaal zetelt in Arusha , de Hampshire-varkens zijn ziek ."
    assert [m.text for m in toponym.extract(text)] == ["Arusha"]
    english = "the U.S.-led coalition said on Monday that it would meet in Toronto"
    assert [m.text for m in toponym.extract(english)] == ["U.S.", "Toronto"]


def test_a_city_after_a_masculine_article_is_its_club() -> None:
    assert toponym.extract("la aventura del Valencia terminó") == []
    assert toponym.extract("El Valencia ganó ayer .") == []
    assert [m.text for m in toponym.extract("Vive en Valencia desde 1990 .")] == ["Valencia"]
    assert [m.text for m in toponym.extract("Llegó al Líbano ayer .")] == ["Líbano"]  # a country takes it


def test_one_of_the_commonest_words_of_a_language_that_begins_a_sentence() -> None:
    # Spanish "para", German "man": capitalised by the sentence, still the words (not Pará, Isle of Man)
    assert toponym.extract("Para asegurar la aprobación , votaron .") == []
    assert toponym.extract("Man sagt , es regnet .") == []
    assert [m.text for m in toponym.extract("Viajó a Pará .")] == ["Pará"]
    # a country's name, or a metropolis', is no such word though frequent in its language
    assert [m.text for m in toponym.extract("France et Allemagne .")] == ["France", "Allemagne"]
    assert [m.text for m in toponym.extract("Budapest és Bécs .")] == ["Budapest", "Bécs"]


def test_a_city_after_a_preposition_of_place_needs_no_support() -> None:
    # a town of 50,000 or 100,000 alone needs another place of the text; "in"/"à" say it is a place
    assert [m.text for m in toponym.extract("Der Sieg in Witten war knapp .")] == ["Witten"]
    assert toponym.extract("Witten war knapp .") == []
    assert [m.text for m in toponym.extract("Il vit à Colmar depuis 1990 .")] == ["Colmar"]
    assert toponym.extract("Colmar gagne encore .") == []
    # a town of 9,000 after one, or a name of several words of 5,000: no other place needed
    assert [m.text for m in toponym.extract("Mañana habrá una reunión en Navia con los afiliados .")] == ["Navia"]
    assert [m.text for m in toponym.extract("Pasó el verano en Tossa de Mar con sus hijos .")] == ["Tossa de Mar"]
    assert toponym.extract("Navia espera la reunión .") == []
    # so does a direction from it; "cairns" is an English word, Cairns a city of 150,000
    assert [m.text for m in toponym.extract("a house south of Cairns , he said")] == ["Cairns"]
    assert [m.text for m in toponym.extract("Il vit au nord de Colmar .")] == ["Colmar"]
    assert toponym.extract("a house with Cairns , he said") == []
    assert [m.text for m in toponym.extract("Das Weingut liegt zehn Kilometer nördlich von Montélimar .")] == [
        "Montélimar"
    ]
    # so does a postal code in an address (not a year in a sentence)
    assert [m.text for m in toponym.extract("Puitstraat 6, 8890 Moorslede .")] == ["Moorslede"]
    assert toponym.extract("Het jaar 8890 Moorslede .") == []
    # so does the kind of settlement it is, with an adjective between ("localidad francesa de")
    assert [m.text for m in toponym.extract("He ran in the Dutch town of Hengelo last June .")] == ["Hengelo"]
    assert [m.text for m in toponym.extract("Die Rentner folgten der Einladung der Stadt Gedern .")] == ["Gedern"]
    assert [m.text for m in toponym.extract("Hubo un atentado en la localidad francesa de Quevert .")] == ["Quevert"]
    assert [m.text for m in toponym.extract("Zo krijgt het stadje Millau veel geld .")] == ["Millau"]
    assert toponym.extract("He ran with Hengelo last June .") == []
    assert toponym.extract("Die Rentner folgten der Einladung Gedern .") == []
    # ... and its mayor or its residents: "the mayor of", "el alcalde de", "vecinos de"
    assert [m.text for m in toponym.extract("Dijo la alcaldesa de Quevert , Ana Ruiz .")] == ["Quevert"]
    assert [m.text for m in toponym.extract("Los vecinos de Gedern protestan .")] == ["Gedern"]
    assert [m.text for m in toponym.extract("He met the mayor of Hengelo on Monday .")] == ["Hengelo"]
    assert toponym.extract("Dijo la alcaldesa Quevert , Ana Ruiz .") == []


def test_a_metropolis_whose_name_is_an_english_word() -> None:
    # "shanghai" is an English verb: the city of 25 million is still named so, anywhere in a sentence
    assert [m.place.name for m in toponym.extract("Traders in Shanghai said on Thursday .")] == ["Shanghai"]
    assert [m.place.name for m in toponym.extract("Shanghai traders said .")] == ["Shanghai"]
    assert toponym.extract("Nice work , he said .") == []  # a city of 340,000 is not enough


def test_a_text_seen_before_is_answered_from_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    ex = Gazetteer.from_folder(FIXTURE).extractor
    read: list[str] = []
    extract = ex._extract

    def counted(text: str, context: bool, demonyms: bool, window: int) -> list[Mention]:
        read.append(text)
        return extract(text, context, demonyms, window)

    monkeypatch.setattr(ex, "_extract", counted)
    text = "Talks on Kunashiri, then Russia."
    first = ex.extract(text)
    first.clear()  # the caller's own list: the memory is not changed through it
    again = ex.extract(text)
    assert [m.text for m in again] == ["Kunashiri", "Russia"] and read == [text]
    assert [m.text for m in ex.extract(text, context=False)] == ["Kunashiri", "Russia"]
    assert read == [text, text], "the options are part of what is remembered"
    toponym.clear_caches()
    ex.extract(text)
    assert read == [text, text, text], "clear_caches forgets the texts too"


def test_the_memory_of_texts_starts_again_past_its_characters() -> None:
    from toponym.memo import TextMemo

    memo: TextMemo[str, int] = TextMemo(size=100, chars=10)
    memo.put_text("abcdef", "abcdef", 1)
    memo.put_text("ghij", "ghij", 2)
    assert memo == {"abcdef": 1, "ghij": 2} and memo.held == 10
    memo.put_text("k", "k", 3)  # one character more than it may hold: it starts again
    assert memo == {"k": 3} and memo.held == 1
    memo.clear()
    assert memo.held == 0


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a given name after "of" a country or a state begins the name of the person whose title it is
        ("El embajador de Guatemala Juan Pérez llegó ayer .", ["Guatemala"]),
        ("La senadora por Texas Ana Ruiz votó en contra .", ["Texas"]),
        # ... not after a country's name that is a given name itself, nor without "of"
        ("Jordan Henderson marcó dos goles .", []),
        ("Ayer Guatemala Juan Pérez ganó .", []),
    ],
)
def test_a_person_after_the_country_of_his_title_leaves_the_country(text: str, want: list[str]) -> None:
    assert [m.text for m in toponym.extract(text)] == want


def test_a_preposition_of_place_after_an_elided_word_places_the_name() -> None:
    # French "qu'à", "jusqu'à": the preposition after the apostrophe of an elided word
    assert [m.text for m in toponym.extract("Les troupes avancèrent jusqu'à Wissembourg .")] == ["Wissembourg"]
    assert [m.text for m in toponym.extract("La ligne est plus forte qu'à Wissembourg .")] == ["Wissembourg"]


def test_old_print_with_the_long_s_reads_f_as_s_in_names() -> None:
    text = "Le roi eft parti pour la Ruffie , & il eft auffi arrivé fur la frontière de la Weftphalie ."
    assert [(m.text, m.place.id) for m in toponym.extract(text)] == [("Ruffie", "ru"), ("Weftphalie", "westphalia")]
    # ... where the text shows it: in other text an "f" is an "f"
    assert toponym.extract("La Ruffie est en guerre avec la Weftphalie .") == []
    # ... and never for a word the "s" makes an ordinary word or a given name ("Fur ce point": "Sur")
    text = "Fur ce point le roi eft d'accord , & l'efcadre de Nelfon eft auffi partie ."
    assert toponym.extract(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Er wuchs in der Nähe von Cavaillon auf .",
        "Il incidente è avvenuto nei pressi di Varese .",
        "L'accident s'est produit aux environs de Cavaillon .",
    ],
)
def test_nearness_to_a_town_places_it(text: str) -> None:
    assert len(toponym.extract(text)) == 1


def test_argentine_is_an_adjective_in_english_and_the_country_in_french() -> None:
    text = "The Argentine striker signed a new contract with the club on Monday , his agent said ."
    assert toponym.extract(text) == []
    text = "Le joueur est parti pour l'Argentine lundi avec sa famille , a dit son agent ."
    assert [(m.text, m.place.id) for m in toponym.extract(text)] == [("Argentine", "ar")]


def test_a_state_named_in_its_own_language_in_an_english_sports_report_is_its_club() -> None:
    text = (
        "Goals from Helmer and Klinsmann gave Bayern a two-goal lead at halftime in the Bundesliga match on"
        " Saturday . The striker scored again after the break and the coach praised his team for the win ,"
        " which put them top of the league table with ten points from four games . Leverkusen scored a late"
        " goal in the second half but lost the match ."
    )
    assert toponym.extract(text) == []
    # ... not in German text, where it is the state
    text = "Die Regierung in Bayern hat am Montag neue Regeln für Schulen beschlossen , teilte das Ministerium mit ."
    assert [(m.text, m.place.id) for m in toponym.extract(text)] == [("Bayern", "de-by")]

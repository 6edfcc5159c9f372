"""Tests of the importers' noise filters (scripts/filters.py, not part of the package)."""

from __future__ import annotations

import sys

import pytest

from ..conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))

import filters


@pytest.mark.parametrize("name", ["AER", "TYO", "MOW", "UUEE"])
def test_iata_icao_codes_are_code_like(name):
    assert filters.is_code_like(name)
    assert filters.alternate_name_reject_reason(name) == "code-like"


@pytest.mark.parametrize("name", ["Aer", "Tokyo", "UK", "ROMANIA", "Ufa"])
def test_names_are_not_code_like(name):
    assert not filters.is_code_like(name)


@pytest.mark.parametrize(
    "name",
    [
        "dong jing",
        "mo si ke",
        "twkyw",
        "tokeiyw",
        "yujeunosahallinseukeu",
        "toki'o",
        "askalds-anګwrdany",
        "saniti ጁliya de loriya",
    ],
)
def test_machine_romanisations_are_dropped(name):
    assert filters.is_machine_romanization(name, primary="Tokyo")


@pytest.mark.parametrize("name", ["Tōkyō", "Moskva", "Tʻokʻio", "東京", "Москва", "モスクワ"])
def test_real_variants_are_not_machine_romanisations(name):
    assert not filters.is_machine_romanization(name, primary="Tokyo")


def test_lowercase_primary_name_is_kept():
    assert not filters.is_machine_romanization("les Escaldes", primary="les Escaldes")
    assert filters.is_machine_romanization("les escaldes", primary="les Escaldes")


@pytest.mark.parametrize(
    "name", ["Sochi - Soci", "Toquio - 東京", "esukarudesu=engorudani", "A / B", "Zerebaidyäan, Azerbaidyäan,"]
)
def test_glosses(name):
    assert filters.is_gloss(name)


@pytest.mark.parametrize("name", ["Stratford-upon-Avon", "Saint-Denis", "サン＝ドニ", "Washington, D.C."])
def test_not_glosses(name):
    assert not filters.is_gloss(name)


@pytest.mark.parametrize(
    ("name", "cut"),
    [("Côte d", True), ("Pakisadji l", True), ("Côte d’Ivoire", False), ("Iran, République islamique d'", False),
     ("Chak 38 L", False), ("The D", False)],
)  # fmt: skip
def test_cut_elision(name, cut):
    assert filters.is_cut_elision(name) is cut


# built from parts so that no literal address is written into the repository
_SCHEME = "http" + "://"


@pytest.mark.parametrize("name", [_SCHEME + "example.invalid/wiki/Tokyo", "www" + ".tokyo.jp", "tokyo" + ".com"])
def test_urls(name):
    assert filters.is_url(name)
    assert filters.reject_reason(name) == "url"


def test_generic_filters():
    assert filters.reject_reason("12345") == "pure-digits"
    assert filters.reject_reason("x" * 81) == "too-long"
    assert filters.reject_reason("Karafuto (Japanese name for Sakhalin)") == "parentheses"
    assert filters.reject_reason("   ") == "empty"
    assert filters.reject_reason("Kанадец") == "mixed-script"  # Latin K + Cyrillic
    assert filters.reject_reason("Sakhalin") is None
    assert filters.reject_reason("サハリン州") is None
    assert filters.reject_reason("ノルトライン＝ヴェストファーレン州") is None
    assert filters.reject_reason("1st Arrondissement") is None


def test_japanese_and_korean_mixes_are_not_mixed_script():
    assert not filters.is_mixed_script("東京都")
    assert not filters.is_mixed_script("さいたま市")
    assert not filters.is_mixed_script("オーストリア")
    assert not filters.is_mixed_script("沿海地方")
    assert filters.is_mixed_script("Москва City")


JP_TRUSTED = {"Japan", "日本", "Япония", "Japon", "Nippon"}
CITIES = {filters.fold(n) for n in ["Tokyo", "Moscow", "Singapore", "Osaka"]}
REGIONS = {filters.fold(n) for n in ["Hokkaidō", "Donetsk Oblast", "Sakhalin"]}


@pytest.mark.parametrize(
    "alias", ["Tokyo", "Moscow", "Hokkaido", "Hokkaidō", "Donetsk Oblast", "Luhansk Oblast", "Osaka Prefecture"]
)
def test_countrynames_city_and_region_aliases(alias):
    assert filters.is_city_or_region_alias(alias, JP_TRUSTED, CITIES, REGIONS)


@pytest.mark.parametrize("alias", ["Japan", "Nippon", "Empire of Japan", "Jepang", "日本"])
def test_countrynames_real_country_names(alias):
    assert not filters.is_city_or_region_alias(alias, JP_TRUSTED, CITIES, REGIONS)


def test_city_state_name_trusted_for_its_country():
    assert not filters.is_city_or_region_alias("Singapore", {"Singapore"}, CITIES, REGIONS)


@pytest.mark.parametrize(
    "alias,trusted",
    [
        ("Japanese", JP_TRUSTED),
        ("Ukrainians", {"Ukraine"}),
        ("Ukrainian", {"Ukraine"}),
        ("Angolan", {"Angola"}),
        ("Mexicans", {"Mexico"}),
        ("Afghani", {"Afghanistan"}),
    ],
)
def test_demonyms(alias, trusted):
    assert filters.is_demonym(alias, trusted)


@pytest.mark.parametrize(
    "alias,trusted",
    [
        ("Japan", JP_TRUSTED),
        ("Ukraina", {"Ukraine"}),
        ("Brunei", {"Brunei"}),
        ("Ukraine SSR", {"Ukraine"}),
        ("Azerbayán", {"Azerbaijan"}),
        ("Azebaegyan", {"Azerbaijan"}),
        ("Afgan", {"Afghanistan"}),
    ],
)
def test_not_demonyms(alias, trusted):
    assert not filters.is_demonym(alias, trusted)


REGION_NAMES = {
    filters.fold("Krym"): {"ua-43"},
    filters.fold("Crimea"): {"ua-43"},
    filters.fold("Amur"): {"ru-amu"},
    filters.fold("Primorskiy"): {"ru-pri"},
    filters.fold("Salzburg"): {"at-5"},
    filters.fold("Georgia"): {"ge", "us-ga"},
}


def test_homonym_village_loses_region_name():
    # village Krym, Rostov oblast (RU), pop 4475
    assert filters.is_region_homonym("Krym", 4475, False, REGION_NAMES, {"ru", "ru-ros"})
    # Amur, India
    assert filters.is_region_homonym("Amur", 20000, False, REGION_NAMES, {"in", "in-tg"})
    assert filters.is_region_homonym("Primorskiy", 3000, False, REGION_NAMES, {"ru", "ru-kgd"})


def test_homonym_rule_spares_contained_large_and_capital_cities():
    # Salzburg city lies in Salzburg state
    assert not filters.is_region_homonym("Salzburg", 20000, False, REGION_NAMES, {"at", "at-5"})
    # large city keeps its name
    assert not filters.is_region_homonym("Krym", 500_000, False, REGION_NAMES, {"ru", "ru-ros"})
    # national capital keeps its name
    assert not filters.is_region_homonym("Krym", 4475, True, REGION_NAMES, {"ru", "ru-ros"})
    # name of no region
    assert not filters.is_region_homonym("Sochi", 4475, False, REGION_NAMES, {"ru", "ru-kda"})
    # a name shared by two regions, one of them the city's own, is still dropped
    assert filters.is_region_homonym("Georgia", 5000, False, REGION_NAMES, {"us", "us-ga"})


def test_fold():
    assert filters.fold("Hokkaidō") == filters.fold("HOKKAIDO")
    assert filters.fold("Yuzhno-Sakhalinsk") == filters.fold("yuzhno sakhalinsk")


def test_control_characters_are_rejected() -> None:
    assert filters.reject_reason("\x9fAA¬²±") == "control characters"
    assert filters.reject_reason("Tbilisi\n") == "control characters"
    assert filters.reject_reason("Tbilisi") is None


def test_lowercase_abbreviations() -> None:
    assert filters.is_lowercase_abbreviation("uk")
    assert filters.is_lowercase_abbreviation("u.s")
    assert not filters.is_lowercase_abbreviation("UK")
    assert not filters.is_lowercase_abbreviation("peru")


@pytest.mark.parametrize(
    ("names", "bare"),
    [
        (["Adair County", "Condado de Adair", "Adair"], "Adair"),
        (["Los Angeles County", "Condado de Los Ángeles", "Los Angeles"], "Los Angeles"),
        (["Pune Division", "Pune"], "Pune"),
        (["Düsseldorf District", "Regierungsbezirk Düsseldorf", "Düsseldorf"], "Düsseldorf"),
        (["Amphoe Chiang Kham", "อำเภอเชียงคำ", "เชียงคำ"], "เชียงคำ"),
        (["Uozu Shi", "魚津市", "魚津"], "魚津"),
        (["Yongin-si", "Yongin"], "Yongin"),
        (["Bodens Kommun", "Boden"], "Boden"),
        (["Bristol, City of", "Bristol"], "Bristol"),
        (["District d’Andelfingen", "Andelfingen"], "Andelfingen"),
        (["玉树藏族自治州", "玉树"], "玉树"),
        (["Община Златоград", "Златоград"], "Златоград"),
    ],
)
def test_bare_unit_alias_is_dropped(names, bare):
    forms = filters.unit_bare_forms(names)
    assert filters.is_bare_unit_alias(bare, names[0], forms)


@pytest.mark.parametrize(
    ("names", "alias"),
    [
        (["Politischer Bezirk Schwaz", "Bezirk Schwaz"], "Bezirk Schwaz"),  # a full name, not the bare one
        (["Condado de Los Ángeles", "Los Angeles County"], "Los Angeles County"),
        (["Lower Bavaria", "Niederbayern"], "Niederbayern"),  # another name, not this one without a word
        (["Chernigovskiy Rayon", "Chernigovsky District"], "Chernigovsky District"),
        (["Ciudad Real", "Provincia de Ciudad Real"], "Provincia de Ciudad Real"),
    ],
)
def test_unit_names_that_are_not_bare_are_kept(names, alias):
    assert not filters.is_bare_unit_alias(alias, names[0], filters.unit_bare_forms(names))


def test_unit_primary_name_is_kept_even_when_bare():
    # the municipality of Uribia is named so; "Vellore district" does not take "Vellore" from it
    names = ["Vellore", "Vellore district"]
    assert not filters.is_bare_unit_alias("Vellore", "Vellore", filters.unit_bare_forms(names))
    assert filters.unit_bare_forms(["Comuna Mărtineşti"]) == {"martinesti"}
    assert filters.unit_bare_forms(["Uribia"]) == set()

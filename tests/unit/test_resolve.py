"""Resolver logic on the fixture gazetteer: cascade, ranking, hints, ambiguity, abstention."""

from __future__ import annotations

import pytest

from toponym import Gazetteer, HintError, UnknownPlaceError
from toponym.resolver import Resolver


def _id(resolver: Resolver, name: str, **hints: object) -> str | None:
    m = resolver.resolve(name, **hints)  # type: ignore[arg-type]
    return m.place.id if m else None


@pytest.mark.parametrize(
    ("query", "place", "method"),
    [
        ("Shikotan", "shikotan", "exact"),
        ("shikotan", "shikotan", "normalized"),
        ("SHIKOTAN-TO", "shikotan", "folded"),  # the stored name is "Shikotan-tō"
        ("Shokotan", "shikotan", "exact"),  # a curated misspelling
        ("Shikotann", "shikotan", "fuzzy"),
        ("Kunashiri", "kunashir", "exact"),
        ("Gruziia", "ge", "transliterated"),  # only stored in Cyrillic: Грузия
        ("国後島", "kunashir", "exact"),
        ("Northern Territories", "southern-kurils", "exact"),
        ("Southern Kurils", "southern-kurils", "exact"),
        ("ＵＳＳＲ", "suhh", "normalized"),
    ],
)
def test_cascade(fixture_resolver: Resolver, query: str, place: str, method: str) -> None:
    m = fixture_resolver.resolve(query)
    assert m is not None and m.place.id == place
    assert m.method == method
    assert 0 < m.score <= 100 and (m.score == 100) == (method == "exact")


def test_match_explains_itself(fixture_resolver: Resolver) -> None:
    m = fixture_resolver.resolve("Kunashiri")
    assert m is not None
    assert (m.matched, m.lang, m.name_type, m.perspective) == ("Kunashiri", "ja-Latn", "romanization", ("jp",))
    assert m.to_dict()["id"] == "kunashir"


def test_two_labels_one_place_not_the_members(fixture_resolver: Resolver) -> None:
    a, b = fixture_resolver.resolve("Southern Kurils"), fixture_resolver.resolve("Northern Territories")
    assert a and b and a.place == b.place
    assert a.place.id not in {"kunashir", "shikotan"}


@pytest.mark.parametrize(
    "query", ["the", "and", "can", "Qxzvtplkwj", "", "   ", "\x00\x01", "x" * 10_000, "nice", "people"]
)
def test_abstains(fixture_resolver: Resolver, query: str) -> None:
    assert fixture_resolver.resolve(query) is None


def test_stop_word_is_listed_but_not_answered(fixture_resolver: Resolver) -> None:
    assert fixture_resolver.resolve("Nice") is None
    candidates = fixture_resolver.resolve_all("Nice")
    assert [m.place.id for m in candidates] == ["gn-2128295"] and candidates[0].reason.startswith("stop")
    assert _id(fixture_resolver, "Nice", kinds={"city"}) == "gn-2128295"  # a hint lifts the stop


def test_kind_outranks(fixture_resolver: Resolver) -> None:
    assert _id(fixture_resolver, "Georgia") == "ge"
    assert [m.place.id for m in fixture_resolver.resolve_all("Georgia")] == ["ge", "us-ga"]


def test_country_hint_reranks(fixture_resolver: Resolver) -> None:
    assert _id(fixture_resolver, "Georgia", country="us") == "us-ga"
    assert _id(fixture_resolver, "Georgia", country="US") == "us-ga"


def test_a_hint_naming_nothing_is_an_error_not_a_silent_none(fixture_resolver: Resolver) -> None:
    with pytest.raises(HintError, match="names no country"):
        fixture_resolver.resolve("Georgia", country="zz")


def test_kinds_hint_narrows(fixture_resolver: Resolver) -> None:
    assert _id(fixture_resolver, "Georgia", kinds={"subdivision"}) == "us-ga"
    assert fixture_resolver.resolve("Georgia", kinds={"sea"}) is None


def test_city_beats_its_own_namesake_region(fixture_resolver: Resolver) -> None:
    assert _id(fixture_resolver, "Lima") == "gn-3936456"


def test_truly_ambiguous_is_not_guessed(fixture_resolver: Resolver) -> None:
    assert fixture_resolver.resolve("Springfield") is None
    ranked = fixture_resolver.resolve_all("Springfield")
    assert {m.place.id for m in ranked} == {"gn-4700000", "gn-4700001"}
    assert "ambiguous" in ranked[0].reason


def test_curated_island_beats_generated_settlement(fixture_resolver: Resolver) -> None:
    assert [m.place.id for m in fixture_resolver.resolve_all("Shikotan")][:2] == ["shikotan", "gn-6930874"]


def test_perspective_display(fixture_gazetteer: Gazetteer) -> None:
    r = fixture_gazetteer.resolver
    m = r.resolve("Southern Kurils")
    assert m is not None
    assert r.display_name(m, perspective="jp") == "Northern Territories"
    assert r.display_name(m, perspective="ja") == "Northern Territories"  # language alias from policy
    assert r.display_name(m, perspective="ru") == "Southern Kurils"
    assert r.display_name(m, perspective="jp", lang="ja") == "北方領土"
    assert r.display_name(m, lang="ru", perspective="ru") == "Южные Курилы"


def test_lang_hint_picks_variant_language(fixture_resolver: Resolver) -> None:
    m = fixture_resolver.resolve("Russia", lang="en")
    assert m is not None and m.lang == "en"


def test_get_and_unknown_id(fixture_gazetteer: Gazetteer) -> None:
    assert fixture_gazetteer.get("jp").codes["wikidata"] == "Q17"
    with pytest.raises(UnknownPlaceError):
        fixture_gazetteer.get("atlantis")
    with pytest.raises(LookupError):
        fixture_gazetteer.get("atlantis")


def test_results_are_frozen(fixture_resolver: Resolver) -> None:
    m = fixture_resolver.resolve("Japan")
    assert m is not None
    with pytest.raises(AttributeError):
        m.score = 1.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        m.place.codes["x"] = "y"  # type: ignore[index]


def test_non_string_input_is_no_match(fixture_resolver: Resolver) -> None:
    assert fixture_resolver.resolve(None) is None  # type: ignore[arg-type]
    assert fixture_resolver.resolve_all(42) == []  # type: ignore[arg-type]

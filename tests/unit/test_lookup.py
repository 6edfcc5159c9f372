"""Ambiguous is not unknown: ``lookup`` tells a match, a tie, a stop, nothing and bad input apart;
hints that name nothing are errors."""

from __future__ import annotations

import pickle

import pytest

from toponym import Gazetteer, HintError, Outcome
from toponym.vocab import STATUSES

NAMES = ["Shokotan", "Kunashiri", "Georgia", "Springfield", "Nice", "nice", "Lima", "USA", "JP", "JPN", "GE",
         "Qxzvtplkwj", "Frnace", "Springfeld", "Sakhalni", "us", "US", "国後島", "  ", "x" * 300]  # fmt: skip
HINTS: list[dict[str, object]] = [{}, {"country": "us"}, {"kinds": {"city"}}, {"lang": "ja"}, {"perspective": "jp"}]


@pytest.mark.parametrize("name", ["Shokotan", "Springfield", "nice", "Qxzvtplkwj", ""])
def test_each_status(fixture_gazetteer: Gazetteer, name: str) -> None:
    expected = {"Shokotan": "matched", "Springfield": "ambiguous", "nice": "stopped", "Qxzvtplkwj": "no-match"}
    assert fixture_gazetteer.lookup(name).status == expected.get(name, "invalid")


def test_matched(fixture_gazetteer: Gazetteer) -> None:
    o = fixture_gazetteer.lookup("Shokotan")
    assert o.match is not None and o.match.place.id == "shikotan" and o.contenders == (o.match,)
    assert o.candidates[0] == o.match and o.reason == o.match.reason


def test_ambiguous_lists_the_tied_candidates_with_their_country_and_parent(fixture_gazetteer: Gazetteer) -> None:
    o = fixture_gazetteer.lookup("Springfield")
    assert o.status == "ambiguous" and o.match is None
    assert [(m.place.id, m.place.country, m.place.parent) for m in o.contenders] == [
        ("gn-4700000", "us", "us-ga"),
        ("gn-4700001", "us", "us-ga"),
    ]
    assert o.reason.startswith("ambiguous: 2 candidates") and "hint" in o.reason
    assert o.to_dict()["candidates"][0] == {
        "id": "gn-4700000", "name": "Springfield", "kind": "city", "country": "us", "parent": "us-ga",
    }  # fmt: skip


def test_stopped_is_not_ambiguous(fixture_gazetteer: Gazetteer) -> None:
    """A stop rule declines on purpose: the candidate is there, nothing ties with it."""
    o = fixture_gazetteer.lookup("Nice")
    assert o.status == "stopped" and o.match is None and o.contenders == ()
    assert [m.place.id for m in o.candidates] == ["gn-2128295"] and o.reason.startswith("stop: ")
    assert fixture_gazetteer.lookup("Nice", kinds={"city"}).status == "matched"  # a hint lifts the stop


@pytest.mark.parametrize(("thing", "why"), [("", "empty"), (" \t", "empty"), ("x" * 300, "256"), (42, "int")])
def test_invalid_input_is_an_outcome_not_an_error(fixture_gazetteer: Gazetteer, thing: object, why: str) -> None:
    o = fixture_gazetteer.lookup(thing)  # type: ignore[arg-type]
    assert o.status == "invalid" and why in o.reason and o.candidates == ()


@pytest.mark.parametrize("hints", HINTS)
def test_the_outcome_agrees_with_resolve_and_resolve_all(
    fixture_gazetteer: Gazetteer, hints: dict[str, object]
) -> None:
    """One ranking: ``match`` is what ``resolve`` answers, ``candidates`` what ``resolve_all`` lists."""
    for name in NAMES:
        for query in {name, name.upper(), name.lower(), name.title()}:
            o = fixture_gazetteer.lookup(query, **hints)  # type: ignore[arg-type]
            assert o.status in STATUSES
            assert o.match == fixture_gazetteer.resolve(query, **hints), query  # type: ignore[arg-type]
            assert o.candidates == tuple(fixture_gazetteer.resolve_all(query, **hints)), query  # type: ignore[arg-type]
            assert (o.status == "matched") == (o.match is not None)
            quick = fixture_gazetteer.lookup(query, candidates=False, **hints)  # type: ignore[arg-type]
            assert (quick.status, quick.match, quick.reason) == (o.status, o.match, o.reason), query
            assert quick.candidates == ((o.match,) if o.match else o.candidates), query


def test_an_outcome_pickles(fixture_gazetteer: Gazetteer) -> None:
    for name in ("Springfield", "Shokotan", "Qxzvtplkwj"):
        o = fixture_gazetteer.lookup(name)
        assert pickle.loads(pickle.dumps(o)) == o
    assert Outcome("x", "no-match").contenders == ()


# --- hints are checked ----------------------------------------------------------------------------


@pytest.mark.parametrize("country", ["us", "US", "USA", "United States", " us "])
def test_a_country_hint_is_a_code_an_id_or_a_name(fixture_gazetteer: Gazetteer, country: str) -> None:
    m = fixture_gazetteer.resolve("Georgia", country=country)
    assert m is not None and m.place.id == "us-ga"


@pytest.mark.parametrize(
    ("hints", "message"),
    [
        ({"country": "Atlantis"}, "country='Atlantis' names no country"),
        ({"country": "zz"}, "names no country"),
        ({"country": "us-ga"}, "is Georgia \\(us-ga\\), a subdivision, not a country"),
        ({"country": "Shikotan"}, "an island, not a country"),
        ({"perspective": "Atlantis"}, "perspective='Atlantis' names no country"),
        ({"kinds": {"town"}}, "'town' not a kind of place"),
        ({"kinds": {"city", "village"}}, "'village' not a kind"),
        ({"kinds": 3}, "give a collection of kinds"),
    ],
)
def test_a_hint_naming_nothing_usable_is_a_value_error(
    fixture_gazetteer: Gazetteer, hints: dict[str, object], message: str
) -> None:
    for call in (fixture_gazetteer.resolve, fixture_gazetteer.resolve_all, fixture_gazetteer.lookup):
        with pytest.raises(HintError, match=message) as caught:
            call("Georgia", **hints)  # type: ignore[arg-type]
        assert isinstance(caught.value, ValueError)


def test_one_kind_may_be_given_bare(fixture_gazetteer: Gazetteer) -> None:
    assert fixture_gazetteer.resolve("Georgia", kinds="subdivision").place.id == "us-ga"  # type: ignore[union-attr]


def test_a_perspective_is_a_language_alias_or_a_country(fixture_gazetteer: Gazetteer) -> None:
    m = fixture_gazetteer.resolve("Southern Kurils")
    assert m is not None
    for side in ("jp", "JP", "JPN", "ja", "Japan"):
        assert fixture_gazetteer.display_name(m, perspective=side) == "Northern Territories", side
    with pytest.raises(HintError):
        fixture_gazetteer.display_name(m, perspective="Atlantis")

"""Second-level units (GeoNames ADM2: US counties, municipalities, districts) on the shipped
gazetteer: "X County" finds the county, and no bare name answers differently for them."""

from __future__ import annotations

import pytest

import toponym
from toponym import Gazetteer

#: Bare names a second-level unit also carries (or whose unit GeoNames names so), and their answers.
BARE = {
    "Paris": "gn-2988507",
    "Florida": "us-fl",
    "Washington": "gn-4140963",
    "Lincoln": "gn-5072006",
    "Los Angeles": "gn-5368361",
    "Essex": "gb-ess",  # England's county of 1.5 million (gb-counties.toml), not Essex County, New Jersey
    "Florence": "gn-3176959",
    "Pune": "gn-1259229",
    "Düsseldorf": "gn-2934246",
    "Bristol": "gn-2654675",
    "Brooklyn": "gn-5110302",
}


@pytest.mark.parametrize(("name", "place"), sorted(BARE.items()))
def test_a_bare_name_is_the_city_or_first_level_unit(shipped: Gazetteer, name: str, place: str) -> None:
    match = shipped.resolve(name)
    assert match is not None and match.place.id == place


@pytest.mark.parametrize("name", ["Orange", "Adair", "Kings", "Jefferson"])
def test_a_bare_name_of_a_county_alone_gets_no_county(shipped: Gazetteer, name: str) -> None:
    match = shipped.resolve(name)
    assert match is None or match.place.kind != "subdivision" or match.place.parent == match.place.country


@pytest.mark.parametrize("country", [None, "US"])
def test_a_county_of_one_name(shipped: Gazetteer, country: str | None) -> None:
    match = shipped.resolve("Los Angeles County", country=country)
    assert match is not None and match.place.id == "gn-5368381"


@pytest.mark.parametrize("country", [None, "US"])
def test_kings_county_is_brooklyn_s_county(shipped: Gazetteer, country: str | None) -> None:
    # GeoNames names Brooklyn "Kings County": the county is one with it and counts its people,
    # ahead of California's and Canada's Kings Counties
    match = shipped.resolve("Kings County", country=country)
    assert match is not None and match.place.id == "gn-6941775" and match.place.parent == "us-ny"


@pytest.mark.parametrize(("name", "country", "count"), [("Adair County", None, 4), ("Essex County", "US", 5)])
def test_counties_of_one_name_tie(shipped: Gazetteer, name: str, country: str | None, count: int) -> None:
    outcome = shipped.lookup(name, country=country)
    assert outcome.status == "ambiguous"
    tied = outcome.contenders
    assert len(tied) == count and all(m.place.country == "us" and m.place.kind == "subdivision" for m in tied)


def test_context_picks_the_county() -> None:
    text = "COLUMBIA, Ky. -- The Adair County fiscal court approved a new jail budget on Tuesday."
    found = {m.text: m.match.place.id for m in toponym.extract(text) if m.match is not None}
    assert found.get("Adair County") == "gn-4282211"  # Kentucky's


@pytest.mark.parametrize(
    ("query", "place"),
    [
        ("Madridejos (Toledo)", "gn-2514334"),  # the province of Toledo, in Castile-La Mancha
        ("Sestao (Vizcaya)", "gn-3109041"),  # Biscay, in the Basque Country
        ("Rho (Milano)", "gn-3169447"),  # the province of Milan, in Lombardy
        ("Paris, Texas", "gn-4717560"),
        ("Paris, Idaho", None),  # no Paris in Idaho is known
    ],
)
def test_a_town_with_its_province_is_the_town_the_province_s_region_holds(
    shipped: Gazetteer, query: str, place: str | None
) -> None:
    """A city is filed under its first-level unit, not its province: the province's region holds it."""
    found = shipped.resolve(query)
    assert (found.place.id if found is not None else None) == place

"""Villages (places of 1,000 to 9,999 people): answers to their names, read in text only where the
text places them, never at the cost of a town or a region of their name."""

from __future__ import annotations

import pytest

from toponym import Gazetteer
from toponym.vocab import VILLAGE


def _found(shipped: Gazetteer, text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in shipped.extract(text)]


@pytest.mark.parametrize(
    ("name", "place"),
    [("Tossa de Mar", "gn-3107661"), ("Grindelwald", "gn-2660498"), ("Bellpuig", "gn-3128336")],
)
def test_a_village_resolves_to_itself(shipped: Gazetteer, name: str, place: str) -> None:
    found = shipped.resolve(name)
    assert found is not None and found.place.id == place
    assert found.place.population is not None and found.place.population < VILLAGE


def test_a_village_is_read_where_a_town_of_its_region_is_named(shipped: Gazetteer) -> None:
    text = "Le marché de Payerne a lieu jeudi. Lausanne et Yverdon suivent."
    assert ("Payerne", "gn-2659243") in _found(shipped, text)


def test_a_village_is_not_placed_by_its_country_alone(shipped: Gazetteer) -> None:
    """A results line writes a player's country after his name: Moya is a village in Spain, and
    the country holds thousands."""
    text = "Men 's singles : Carlos Moya ( Spain ) beat Scott Draper ( Australia ) 6-4 6-0 ."
    assert _found(shipped, text) == [("Spain", "es"), ("Australia", "au")]


def test_a_village_named_like_a_person_is_the_person(shipped: Gazetteer) -> None:
    """Clinton is a village of Indiana, and Indiana is named: the president is still no place."""
    text = "President Bill Clinton spoke in Indianapolis , Indiana . Clinton then flew to Gary ."
    assert all(surface != "Clinton" for surface, _ in _found(shipped, text))


def test_a_village_does_not_take_a_citys_name_from_its_neighbours(shipped: Gazetteer) -> None:
    """Pennsylvania's Houston has a thousand people: Pittsburgh and Philadelphia named beside it
    do not make "Houston" that village rather than the city of two million."""
    text = "Pittsburgh beat Philadelphia 3-2 . Houston lost at home , as Pittsburgh had ."
    found = dict(_found(shipped, text))
    assert found.get("Houston") == "gn-4699066"


def test_a_village_name_after_a_city_is_part_of_a_longer_name(shipped: Gazetteer) -> None:
    """Stock is a village of Essex: "Karachi Stock Exchange" is still an exchange, not Karachi."""
    text = "The Karachi Stock Exchange fell 2 percent on Monday ."
    assert _found(shipped, text) == []


def test_a_department_outranks_a_village_of_its_name(shipped: Gazetteer) -> None:
    found = shipped.resolve("Doubs")
    assert found is not None and found.place.id == "fr-25"


def test_a_three_digit_code_is_a_country_before_a_geonames_id(shipped: Gazetteer) -> None:
    assert shipped.get("380").id == "it"
    assert shipped.get("380", scheme="geonames").id == "gn-380"


@pytest.mark.parametrize("typo", ["Payernee", "Grindelwalt"])
def test_a_typo_is_read_as_a_town_never_as_a_village(shipped: Gazetteer, typo: str) -> None:
    """A reader misspells what is well known; a hundred thousand villages would answer every
    unknown word."""
    assert shipped.resolve(typo) is None


def test_a_word_only_villages_bear_is_no_candidate(shipped: Gazetteer) -> None:
    """Thursday and Mark are villages' names and words of English: no context gives a word a
    village, so the scanner drops them before any rule reads them (and a village named by no
    word stays a candidate)."""
    text = "On Thursday , Mark drove from Payerne to Lausanne ."
    assert [r.query for r in shipped.extractor.scanner.scan(text)] == ["Payerne", "Lausanne"]
    assert [surface for surface, _ in _found(shipped, text)] == ["Payerne", "Lausanne"]


@pytest.mark.parametrize("typo", ["Kurilskk", "Yuzhno-Kurilskk"])
def test_a_typo_of_a_curated_village_is_read(shipped: Gazetteer, typo: str) -> None:
    """A curated place is one the gazetteer's users know: Kurilsk's few thousand people do not
    keep a misspelling of it from being read."""
    found = shipped.resolve(typo)
    assert found is not None and found.method == "fuzzy" and found.place.curated


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Shelbourne ( Ireland ) 1 Valletta ( Malta ) 1", "Valletta", "gn-2562305"),
        ("SOCCER - MALTA WIN . Valletta ( Malta ) beat Vaduz ( Liechtenstein ) 2-1 .", "Vaduz", "gn-3042030"),
    ],
)
def test_a_capital_of_few_people_is_the_town_its_unit_is_named_after(
    shipped: Gazetteer, text: str, name: str, place: str
) -> None:
    """Valletta has 7,000 people and names the local council that holds it: beside its country it
    is the capital, not the council (its name a frequent word of some language does not change that)."""
    assert (name, place) in _found(shipped, text)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("The Cairns police said on Monday that Queensland will act.", "Cairns", "gn-2172797"),
        ("JYVASKYLA , Finland 1996-08-24 Finland 's Juha Kankkunen leads .", "JYVASKYLA", "gn-655194"),
    ],
)
def test_a_city_is_read_before_the_local_unit_named_after_it(
    shipped: Gazetteer, text: str, name: str, place: str
) -> None:
    """Cairns is a city and a local government area of Queensland, both supported by "Queensland":
    the unit is named after the city, which a reader means."""
    assert (name, place) in _found(shipped, text)


def test_a_region_with_a_code_is_no_local_unit_of_its_city(shipped: Gazetteer) -> None:
    """Quebec is a province and its capital: the province keeps its own standing."""
    text = "Bike lanes doubled in Quebec over ten years ; Montreal added the most ."
    assert ("Quebec", "ca-qc") in _found(shipped, text)


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Im Sommer zogen die Eltern nach Franzburg zurück.", "Franzburg", "gn-2925488"),
        ("Le cortège est arrivé à Lungern vers midi.", "Lungern", "gn-2659828"),
    ],
)
def test_a_village_a_preposition_places_is_read(shipped: Gazetteer, text: str, name: str, place: str) -> None:
    """A preposition of place before one word says it is a place: a village of 1,000 people
    stands there (alone in the text) as a town does."""
    assert _found(shipped, text) == [(name, place)]


def test_a_village_of_several_words_still_needs_support(shipped: Gazetteer) -> None:
    """The village La Chambre in Savoy is, in French news, the Chamber of Deputies: a name of
    several words is no place on its own words alone."""
    assert _found(shipped, "Après le vote, La Chambre a levé la séance.") == []


@pytest.mark.parametrize(
    ("text", "name", "place"),
    [
        ("Le nouveau train ira jusqu'à Brigue en deux heures.", "Brigue", "gn-2661394"),
        ("Le concours a eu lieu à Saint-Moritz samedi.", "Saint-Moritz", "gn-2658813"),
    ],
)
def test_a_town_s_untagged_exonym_stands_after_a_preposition(
    shipped: Gazetteer, text: str, name: str, place: str
) -> None:
    """The bulk source tags no exonym: French "Brigue" (Brig, 5,000 people) and "Saint-Moritz" (St.
    Moritz) are untagged aliases, read as the towns after a preposition of place."""
    assert _found(shipped, text) == [(name, place)]


def test_an_untagged_alias_two_towns_bear_needs_a_large_town(shipped: Gazetteer) -> None:
    """The name "Wagga" is an untagged alias of Wagga Wagga and of a Sudanese town of 12,000: after a
    preposition it is neither, rather than the larger one by a guess."""
    assert _found(shipped, "Farmers met in Wagga today.") == []


def test_an_english_compound_word_is_no_town_of_two_words(shipped: Gazetteer) -> None:
    """The word "Cut-off" is no name: Cut Off, Louisiana, writes both words with capitals."""
    assert _found(shipped, "The Cut-off rate rose to 15.75 percent in Bombay.") == [("Bombay", "gn-1275339")]

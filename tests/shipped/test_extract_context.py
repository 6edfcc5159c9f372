"""How the rest of a text settles an ambiguous name, on the shipped gazetteer (sentences written
for these tests): the places it names below country level, and the country it is set in."""

from __future__ import annotations

import pytest

from toponym import Gazetteer

LONDON_UK, LONDON_ON = "gn-2643743", "gn-6058560"
PARIS_FR, PARIS_TX = "gn-2988507", "gn-4717560"


def ids(gz: Gazetteer, text: str, name: str) -> set[str]:
    return {m.place.id for m in gz.extract(text) if m.text == name}


def test_a_name_repeated_is_no_evidence_for_its_own_answer(shipped: Gazetteer) -> None:
    """Three "London" lend the London the name means alone no support against "Ontario"."""
    text = "The mayor of London opened a library. London councillors and London police came. Ontario paid for it."
    assert ids(shipped, text, "London") == {LONDON_ON}
    # read two ways ("in London" is specific, "London" is not), it is still one name
    text = "The mayor of London opened a library in London. London police came. Ontario paid for it."
    assert ids(shipped, text, "London") == {LONDON_ON}
    assert ids(shipped, "Paris police and Paris firefighters searched the woods with Texas rangers.", "Paris") == {
        PARIS_TX
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Refugees settled in London this spring. Canada took 40,000, and Canada will take more.", LONDON_ON),
        # named once, a country is a place the text speaks of, not where it is set
        ("The Prime Minister of Canada visited London on Monday.", LONDON_UK),
        # the country of the name's own answer is named too: nothing to settle
        ("Canada and Britain met in London. Canada hosts the next round.", LONDON_UK),
    ],
)
def test_a_country_named_again_and_again_is_where_the_text_is_set(shipped: Gazetteer, text: str, expected: str) -> None:
    assert ids(shipped, text, "London") == {expected}


def test_without_context_a_name_means_what_it_means_alone(shipped: Gazetteer) -> None:
    assert ids(shipped, "London and Paris.", "London") == {LONDON_UK}
    assert ids(shipped, "London and Paris.", "Paris") == {PARIS_FR}
    assert [m.place.id for m in shipped.extract("London", context=False)] == [LONDON_UK]

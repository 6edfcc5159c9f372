"""Countries of competitors in lines of sports results ("Janssens ( Bel )"), on the shipped gazetteer."""

from __future__ import annotations

import pytest

import toponym


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in toponym.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first letters of the country's name in the paper's language (here Dutch)
        ("Uitslag : 1. Peeters ( Dui ) 4u12:03 , 2. Dubois ( Fra ) z.t.", [("Dui", "de"), ("Fra", "fr")]),
        ("De winnaar was Svensson ( Zwe ) voor Keller ( Zwi ) .", [("Zwe", "se"), ("Zwi", "ch")]),
        # a capital starts each word of a name of two
        ("3. Miller ( VSt ) 1:47 , 4. Botha ( ZAf ) 1:49", [("VSt", "us"), ("ZAf", "za")]),
        # ISO codes in capitals on a line of results
        ("Ronda 3 : Marco Rossi ( ITA ) 2,5 - Jan Nowak ( POL ) 1,5", [("ITA", "it"), ("POL", "pl")]),
        ("Smith ( USA / 4 ) beat Jones ( AUS ) 6-3 6-2", [("USA", "us"), ("AUS", "au")]),
    ],
)
def test_competitors_countries(text: str, expected: list[tuple[str, str]]) -> None:
    assert [x for x in found(text) if x in expected] == expected


@pytest.mark.parametrize(
    "text",
    [
        "El Partido Revolucionario de los Trabajadores ( PRT ) convocó una huelga .",  # a party, not Portugal
        "Het voorstel van de partij ( PAN ) werd verworpen .",  # after a lower-case word
        "De Slowaak Kovac ( Slo ) werd derde .",  # Slovenië or Slowakije: no answer
        "He said ( Fra ) was the word.",
    ],
)
def test_no_country_without_its_shape(text: str) -> None:
    assert all(len(t) > 3 for t, _ in found(text))


def test_the_abbreviations_are_compiled_into_the_index_as_the_names_make_them(shipped: toponym.Gazetteer) -> None:
    """The build stores the table the extractor would otherwise make on first use (tens of
    milliseconds, on the first text with a bracket): the same table, read in a millisecond."""
    from toponym.extractor.lookups import Lookups
    from toponym.extractor.results import META_KEY, Results, compiled_table

    stored = shipped.index.meta.extra[META_KEY]
    made = Results(shipped.index, Lookups(shipped.resolver))
    assert len(stored) > 1000 and stored == compiled_table(made)
    assert made.table()["Fra"] == "France" and made.table()["ZWE"] == "Zimbabwe"


# A match report (written for this test): clubs named by their cities, the venue and the dateline
# (a name first on its line is left alone: a dateline's or a venue's).
REPORT = (
    "LONDON 1997-03-02\n"
    "On Saturday Leeds beat Everton 2-1 in the league, while Newcastle drew 1-1 with Chelsea. "
    "Leeds coach Tom Hale said his squad had played their best football of the season at the "
    "stadium in Liverpool. Newcastle 's goalkeeper saved a penalty before half-time, and the "
    "striker scored the winning goal for Leeds late in the match."
)


def test_a_city_written_bare_in_a_sports_report_is_its_team() -> None:
    """Annotated English news marks "Leeds beat Everton" as the clubs; the dateline and the venue
    after a preposition stay places."""
    assert found(REPORT) == [("LONDON", "gn-2643743"), ("Liverpool", "gn-2644210")]


@pytest.mark.parametrize(
    "text",
    [
        # the same names in news that is no sports report
        "Leeds and Newcastle reported more rain on Saturday, and officials in both cities said the "
        "rivers would stay high. Leeds council opened two shelters, while Newcastle closed schools "
        "and asked people to stay at home until the water falls, the agency said in a statement.",
        # a report in a language whose annotation marks a club's city as the place
        "Leeds a battu Newcastle 2-1 en championnat samedi. L'entraîneur de Leeds a salué son équipe "
        "et le gardien de Newcastle a arrêté un penalty avant la mi-temps. Le buteur de Leeds a marqué "
        "le but de la victoire à la fin du match, devant un stade plein, selon le club.",
    ],
)
def test_a_city_written_bare_outside_an_english_sports_report_is_the_place(text: str) -> None:
    assert {surface for surface, _ in found(text)} >= {"Leeds", "Newcastle"}


def test_a_county_written_bare_in_a_sports_report_is_its_side() -> None:
    """County cricket names its sides by their counties (written for this test)."""
    text = (
        "CRICKET - COUNTY CHAMPIONSHIP .\nOn the final day Essex beat Kent by an innings and 20 runs "
        "to go top of the championship table , while Somerset drew with Surrey after the bowlers took "
        "four wickets before tea . Essex captain Paul Grant said the victory was the best of the season "
        "for his players , and the match at the county ground in Chelmsford drew a big crowd ."
    )
    assert found(text) == [("Chelmsford", "gn-2653266")]

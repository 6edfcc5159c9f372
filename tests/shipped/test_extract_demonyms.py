"""``extract(..., demonyms=True)``: a country's or a continent's adjective read as a mention of it,
on the shipped gazetteer (sentences written for these tests)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

import toponym
from toponym import Gazetteer
from toponym.cli import main

SENTENCES = [
    "Russian troops left Kunashiri on Monday.",
    "The South African minister met European leaders in Paris.",
    "Turkish and Syrian officials spoke in Geneva about Aleppo.",
    "Russians and Americans watched the Canadian team win in Toronto.",
    "English lessons start in Jewish schools of Birobidzhan.",
    "A Texan rancher sold cattle in Mexico.",
]


def found(gz: Gazetteer, text: str, demonyms: bool) -> list[tuple[str, str, str]]:
    return [(m.text, m.place.id, m.match.name_type) for m in gz.extract(text, demonyms=demonyms)]


def test_by_default_an_adjective_names_no_place(shipped: Gazetteer) -> None:
    assert [t for t, _id, _type in found(shipped, SENTENCES[0], False)] == ["Kunashiri"]


@pytest.mark.parametrize(
    ("text", "adjective", "place"),
    [
        (SENTENCES[0], "Russian", "ru"),
        (SENTENCES[1], "South African", "za"),
        (SENTENCES[1], "European", "m49-150"),
        (SENTENCES[2], "Turkish", "tr"),
        (SENTENCES[2], "Syrian", "sy"),
        (SENTENCES[3], "Canadian", "ca"),
    ],
)
def test_an_adjective_names_its_country_or_continent(shipped: Gazetteer, text: str, adjective: str, place: str) -> None:
    assert (adjective, place, "demonym") in found(shipped, text, True)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        (SENTENCES[3], "Russians"),  # the people, not the country
        (SENTENCES[3], "Americans"),
        (SENTENCES[4], "English"),  # a region's adjective is a language's or a people's too
        (SENTENCES[4], "Jewish"),
        (SENTENCES[5], "Texan"),
    ],
)
def test_the_people_and_the_adjectives_of_regions_stay_words(shipped: Gazetteer, text: str, word: str) -> None:
    assert word not in [t for t, _id, _type in found(shipped, text, True)]


@pytest.mark.parametrize("text", SENTENCES)
def test_no_other_mention_changes(shipped: Gazetteer, text: str) -> None:
    plain = found(shipped, text, False)
    more = found(shipped, text, True)
    assert [m for m in more if m[2] != "demonym"] == plain


def test_batches_and_the_command_line_read_adjectives_on_request() -> None:
    rows = toponym.extract_many([SENTENCES[0], None], demonyms=True)
    assert [[m.place.id for m in row] for row in rows] == [["ru", "kunashir"], []]
    out = CliRunner().invoke(main, ["extract", "--demonyms", "--format", "jsonl", "-"], input=SENTENCES[0] + "\n")
    assert out.exit_code == 0
    assert [json.loads(line)["id"] for line in out.stdout.splitlines()] == ["ru", "kunashir"]
    plain = CliRunner().invoke(main, ["extract", "--format", "jsonl", "-"], input=SENTENCES[0] + "\n")
    assert [json.loads(line)["id"] for line in plain.stdout.splitlines()] == ["kunashir"]


def test_a_language_named_like_a_country_names_it_only_as_its_adjective(shipped: Gazetteer) -> None:
    # a source lists "Deutsch" (the German adjective and language) as an official name of Germany
    assert shipped.resolve("Deutsch") is None
    match = shipped.resolve("Deutsch", demonyms=True)
    assert match is not None and (match.place.id, match.name_type) == ("de", "demonym")
    assert shipped.resolve("Deutschland").place.id == "de"  # type: ignore[union-attr]


def test_spaniard_is_a_demonym_not_a_name_of_spain(shipped: Gazetteer) -> None:
    assert shipped.resolve("Spaniard") is None
    found = shipped.resolve("Spaniards", demonyms=True)
    assert found is not None and found.place.id == "es" and found.name_type == "demonym"
    assert shipped.extract("The Spaniard won the final in straight sets .") == []


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Sicilian mafia was blamed for the attack .", "Sicilian"),  # Sicily's adjective, not Italy
        ("Magyar voters went to the polls on Sunday .", "Magyar"),
        ("Hellenic Petroleum shares rose on Monday .", "Hellenic"),
    ],
)
def test_an_adjective_a_source_gives_a_country_is_no_mention(shipped: Gazetteer, text: str, word: str) -> None:
    assert shipped.extract(text) == []
    assert shipped.resolve(word) is None


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a name less its last "s" or "n" is the adjective or the people ("Philippine", "Swede")...
        ("The Philippine senate met on Monday .", []),
        ("The young Swede won in four sets .", []),
        # ... a name less another letter is the country's name in another language, or an old one
        ("Voters in Surinam went to the polls .", [("Surinam", "sr")]),
        ("Eritre hükümeti yeni önlemler açıkladı .", [("Eritre", "er")]),
        ("The Somali coast guard stopped the boat .", []),  # Somalia less its "a"
    ],
)
def test_a_name_shortened_is_an_adjective_only_as_english_makes_one(
    shipped: Gazetteer, text: str, want: list[tuple[str, str]]
) -> None:
    assert [(m.text, m.place.id) for m in shipped.extract(text)] == want

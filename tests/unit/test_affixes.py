"""The affix rule files: what each group is, and in which texts a group is read."""

from __future__ import annotations

import pytest

from toponym.extractor.affixes import _group, affixes, unread


def bits(langs: set[str]) -> int:
    return sum(1 << g for g, group in enumerate(affixes().groups) if group.lang in langs and group.letters)


#: The groups read only in a text with their letters.
LETTERED = {"pl", "cs", "fi", "uk", "sh", "hu", "ro", "sk", "lt", "lv", "sl", "sv", "da", "nb", "et", "az", "kk", "sq"}


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("Talks in Warsaw and Prague.", set()),  # ASCII: none of their letters
        ("Spotkanie w Łodzi.", {"pl"}),
        ("SPOTKANIE W ŁODZI.", {"pl"}),  # capitals too
        ("Sešli se v Praze, řekl.", {"cs", "sh", "sk", "lt", "sl"}),  # the languages that share "š"
        ("Kokous pidettiin Helsingissä.", {"fi", "sv"}),  # "ä": Finnish and Swedish (a Finnish text is told so)
        ("Die Straße in München.", set()),  # German's "ß" and "ü": no Finnish
        ("Sie wohnt in Köln. STRASSE", {"fi", "hu", "sv"}),  # "ß" has no one-letter capital: "SS" is no "ß"
        ("Mötet hölls i Göteborg på måndag.", {"fi", "sv", "da", "nb"}),  # "å": Swedish, Danish, Norwegian
        ("Mødet blev holdt i Århus.", {"da", "nb", "sv"}),
        ("Er wohnt in Köln und Mähren.", {"fi", "sv"}),  # "ä" is no Hungarian letter
        ("Le député a rencontré le maître à l'hôtel de Gênes.", set()),  # French "ô", "î", "ê"
        ("Зустріч у Києві.", {"uk"}),
        ("Встреча в Москве.", set()),  # Russian holds no "і", "ї", "є", "ґ"
        ("Întâlnirea a avut loc la București.", {"ro"}),
        ("A találkozót Budapesten tartották, ő mondta.", {"hu"}),
        ("La reunión en Málaga terminó.", set()),  # Spanish "ñ", "á", "ó": no Hungarian
        ("Valitsus kõneles Tallinnas.", {"et"}),  # Estonian's "õ"
        ("As negociações em Lisboa.", set()),  # ... which Portuguese writes before "es"
        ("Chính phủ nói rõ ở Hà Nội.", set()),  # ... and Vietnamese, with its own letters
        ("Prezident Bakıda görüşdü, Gəncəyə getdi.", {"az", "ro"}),  # "ə"; Romanian writes "ş" too
        ("Президент Астанаға барды.", {"kk"}),
        ("Kryeministri vizitoi Tiranën.", {"sq"}),
    ],
)
def test_a_group_with_letters_is_read_only_in_a_text_that_holds_one(text: str, read: set[str]) -> None:
    assert unread(affixes().groups)(text, 0, len(text)) == bits(LETTERED - read)


def test_the_window_is_what_is_read() -> None:
    text = "Warsaw " * 10 + "w Łodzi"
    read = unread(affixes().groups)
    assert read(text, 0, 70) == bits(LETTERED)
    assert read(text, 0, len(text)) == bits(LETTERED - {"pl"})


def test_groups_read_for_their_own_names() -> None:
    groups = {g.lang: g for g in affixes().groups if not g.kinds}  # the compass groups share their languages
    assert {lang for lang, g in groups.items() if g.own} == LETTERED | {"el", "he", "bn", "ta"}
    assert groups["ko"].span == "name" and groups["ru"].span == "word"
    latin = groups["pl"].script  # a group of a script of its own needs no letters (Greek, Ukrainian's "ї" aside)
    assert all(g.letters for g in groups.values() if g.own and g.script == latin)


def test_a_group_names_its_language_and_only_known_kinds() -> None:
    rules = {"script": "Latin", "min_stem": 4, "always": False, "base": "prominent", "lang": "de"}
    assert _group("compass", {**rules, "kinds": ["country", "region"]}).lang == "de"
    assert _group("compass", {**rules, "kinds": ["country", "region"]}).kinds == {"country", "region"}
    with pytest.raises(ValueError, match="kinds must be among"):
        _group("compass", {**rules, "kinds": ["valley"]})
    assert _group("compass", {**rules, "prefixed": True}).prefixed


def test_a_compass_groups_ending_goes_on_a_compound_only() -> None:
    """The German and Nordic direction compounds take the genitive's "-s" ("Süditaliens"); a name
    alone takes it by its language's own file, never by theirs (no "Deutschlands" of theirs)."""
    compass = [g for g in affixes().groups if g.kinds]
    assert {g.lang for g in compass} == {"de", "sv"}
    assert all(g.prefixed and g.suffixes and g.prefixes for g in compass)

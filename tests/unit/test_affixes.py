"""The affix rule files: what each group is, and in which texts a group is read."""

from __future__ import annotations

import pytest

from toponym.extractor.affixes import affixes, unread


def bits(langs: set[str]) -> int:
    return sum(1 << g for g, group in enumerate(affixes().groups) if group.lang in langs)


@pytest.mark.parametrize(
    ("text", "off"),
    [
        ("Talks in Warsaw and Prague.", {"pl", "cs", "fi", "uk"}),  # ASCII: none of their letters
        ("Spotkanie w Łodzi.", {"cs", "fi", "uk"}),
        ("SPOTKANIE W ŁODZI.", {"cs", "fi", "uk"}),  # capitals too
        ("Sešli se v Praze, řekl.", {"pl", "fi", "uk"}),
        ("Kokous pidettiin Helsingissä.", {"pl", "cs", "uk"}),
        ("Die Straße in München.", {"pl", "cs", "fi", "uk"}),  # German's "ß" and "ü": no Finnish
        ("Sie wohnt in Köln. STRASSE", {"pl", "cs", "uk"}),  # "ß" has no one-letter capital: "SS" is no "ß"
        ("Зустріч у Києві.", {"pl", "cs", "fi"}),
        ("Встреча в Москве.", {"pl", "cs", "fi", "uk"}),  # Russian holds no "і", "ї", "є", "ґ"
    ],
)
def test_a_group_with_letters_is_read_only_in_a_text_that_holds_one(text: str, off: set[str]) -> None:
    assert unread(affixes().groups)(text, 0, len(text)) == bits(off)


def test_the_window_is_what_is_read() -> None:
    text = "Warsaw " * 10 + "w Łodzi"
    read = unread(affixes().groups)
    assert read(text, 0, 70) == bits({"pl", "cs", "fi", "uk"})
    assert read(text, 0, len(text)) == bits({"cs", "fi", "uk"})


def test_groups_read_for_their_own_names() -> None:
    groups = {g.lang: g for g in affixes().groups}
    assert {lang for lang, g in groups.items() if g.own} == {"pl", "cs", "fi", "uk"}
    assert groups["ko"].span == "name" and groups["ru"].span == "word"
    assert all(g.letters for g in groups.values() if g.own)

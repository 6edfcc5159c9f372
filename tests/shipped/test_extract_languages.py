"""Place names in running text of languages other than English, on the shipped gazetteer."""

from __future__ import annotations

import pytest

import toponym


def found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.place.id) for m in toponym.extract(text)]


@pytest.mark.parametrize(
    "text",
    [
        "De werkloosheid daalt overal in Europa , zegt het rapport .",  # Dutch
        "Die Arbeitslosigkeit sinkt in ganz Europa .",  # German
        "Den økonomiske veksten i Europa er svak .",  # Norwegian: "Europa" is tagged "no" in the sources
    ],
)
def test_a_continent_named_in_its_own_language_is_no_ordinary_word(text: str) -> None:
    assert ("Europa", "m49-150") in found(text)

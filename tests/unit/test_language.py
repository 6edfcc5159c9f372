"""Telling a text's language from its commonest words, on a table built as the build builds it."""

from __future__ import annotations

import os
from typing import Any

import pytest

from toponym.build.languages import compiled_languages
from toponym.extractor.language import Languages

FREQUENT = {
    "de": ("der", "die", "und", "in", "den", "von", "zu", "das", "mit", "sich"),
    "fr": ("de", "la", "le", "et", "les", "des", "en", "un", "du", "une"),
    "en": ("the", "of", "and", "to", "a", "in", "is", "it", "that", "was"),
}
SPOKEN = {"de": ("de",), "at": ("de", "bar"), "ch": ("de", "fr", "it"), "fr": ("fr",), "gb": ("en",)}


class _Ids:
    def __init__(self, ids: list[str]) -> None:
        self.ids = ids

    def row_of(self, place_id: str) -> int:
        return self.ids.index(place_id) if place_id in self.ids else -1


class _Index:
    """The two things :class:`Languages` reads of an index."""

    def __init__(self, extra: dict[str, Any], ids: tuple[str, ...] = ("at", "ch", "de", "fr", "gb")) -> None:
        self.meta = type("Meta", (), {"extra": extra})()
        self.places = type("Places", (), {"ids": _Ids(list(ids))})()


@pytest.fixture
def languages() -> Languages:
    return Languages(_Index({"languages": compiled_languages(FREQUENT, SPOKEN)}))  # type: ignore[arg-type]


def test_the_table_holds_the_commonest_words_and_where_each_language_is_spoken() -> None:
    table = compiled_languages(FREQUENT, SPOKEN)
    assert table["words"]["de"][:3] == ["der", "die", "und"]  # type: ignore[index]
    # English tells nothing of where a text is about; Bavarian and Italian, with no words listed,
    # are stored for the case endings of a language read by its letters alone
    assert table["spoken"] == {"bar": ["at"], "de": ["at", "ch", "de"], "fr": ["ch", "fr"], "it": ["ch"]}


def test_a_language_without_common_words_is_not_ruled_out_and_makes_no_home(languages: Languages) -> None:
    common = languages.common("Der Mann und die Frau")
    assert languages.uses(common, "de") and not languages.uses(common, "fr")
    assert languages.uses(common, "it")  # no word tells Italian in, or out
    welsh = Languages(_Index({"languages": compiled_languages(FREQUENT, {**SPOKEN, "gb": ("en", "cy")})}))  # type: ignore[arg-type]
    assert welsh.homes == {0, 1, 2, 3}  # where German or French is spoken: not where Welsh is (gb, 4)


def test_a_text_is_told_by_its_commonest_words(languages: Languages) -> None:
    assert languages.language("Der Mann und die Frau sind in den Park von Zwickau gegangen, das mit sich") == "de"
    assert languages.language("Le maire et les habitants de la ville en ont parlé du projet une fois") == "fr"
    assert languages.language("The mayor and the people of the town said that it was fine to go") == "en"


def test_too_few_common_words_or_two_languages_alike_tell_nothing(languages: Languages) -> None:
    assert languages.language("Zwickau") is None
    assert languages.language("der die") is None  # fewer than three
    assert languages.language("der die und in den le la et les des") is None  # neither clearly ahead


def test_the_homeland_of_a_text(languages: Languages) -> None:
    assert languages.homeland("Der Mann und die Frau sind in den Park von Zwickau gegangen") == {0, 1, 2}
    assert languages.homeland("The mayor and the people of the town said that it was fine") == frozenset()
    assert Languages(_Index({})).homeland("der die und in den von") == frozenset()  # type: ignore[arg-type]


def test_a_sentence_is_told_by_three_of_its_commonest_words(languages: Languages) -> None:
    """One sentence of news holds few distinct common words: three tell it."""
    assert languages.language("Der Verein zog in den Norden") == "de"


def test_two_languages_alike_give_the_countries_of_either() -> None:
    """Spanish and Catalan share most of their commonest words: a sentence of either is from where
    either is spoken, though neither language is told."""
    frequent = {
        "es": ("de", "la", "el", "en", "del", "un", "ha", "que", "los", "por"),
        "ca": ("de", "la", "el", "en", "del", "un", "ha", "que", "els", "per"),
        "en": ("the", "of", "and", "to", "a", "in", "is", "it", "that", "was"),
    }
    spoken = {"es": ("es",), "ad": ("ca", "es"), "fr": ("fr",), "gb": ("en",)}
    table = {"languages": compiled_languages(frequent, spoken)}
    languages = Languages(_Index(table, ("ad", "es", "fr", "gb")))  # type: ignore[arg-type]
    text = "La asociación del centro de la ciudad ha pedido un plan"
    assert languages.leading(text) == ("es", "ca") or languages.leading(text) == ("ca", "es")
    assert languages.language(text) is None
    assert languages.homeland(text) == {0, 1}  # Andorra and Spain, not France
    # English among two alike tells nothing
    assert languages.homeland("the de la of el and en to a in") == frozenset()


def test_serbo_croatian_is_spoken_where_croatian_serbian_or_bosnian_is() -> None:
    table = compiled_languages({"sh": ("je", "u", "i")}, {"hr": ("hr",), "rs": ("sr",), "ba": ("bs", "hr", "sr")})
    assert table["spoken"] == {"sh": ["ba", "hr", "rs"]}


@pytest.mark.parametrize("seed", ["1", "4", "10", "11"])
def test_languages_alike_are_told_in_the_same_order_in_every_process(seed: str) -> None:
    # "sk" leads; "cs" and "sh" have nearly as many words in the text: ties go by the language's
    # code, not by the order of a set of words, which changes with the process's hash seed
    import subprocess
    import sys

    code = (
        "from tests.unit.test_language import _Index, compiled_languages, Languages\n"
        "t = compiled_languages({'sk': ('sa', 'v', 'a', 'do'), 'cs': ('ja', 'ty', 'on'),"
        " 'sh': ('ti', 'mi', 'oni')}, {})\n"
        "print(Languages(_Index({'languages': t})).leading('sa v a do ja ty on ti mi oni'))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        env={**os.environ, "PYTHONHASHSEED": seed},
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.strip() == "('sk', 'cs', 'sh')"


def test_every_language_as_likely_as_the_first_leads_with_it() -> None:
    """A short text's few common words are often shared by several languages: the order of their
    codes is no reason to keep two of them and call the text in neither of the others."""
    frequent = {"cs": ("do", "a", "i", "se"), "pl": ("do", "a", "i", "się"), "sk": ("do", "a", "i", "sa")}
    languages = Languages(_Index({"languages": compiled_languages(frequent, {})}))  # type: ignore[arg-type]
    assert languages.leading("wrócił do domu a potem i tak") == ("cs", "pl", "sk")
    assert languages.leading("wrócił do domu a potem się i tak") == ("pl", "cs", "sk")
    assert languages.language("wrócił do domu a potem się i tak") is None


def test_serbian_is_told_in_either_of_its_scripts() -> None:
    """wordfreq lists Serbo-Croatian in Latin letters; the build writes each word in Serbian
    Cyrillic too, at its rank ("lj", "nj", "dž" are one letter each)."""
    frequent = {**FREQUENT, "sh": ("je", "i", "u", "da", "se", "na", "ljudi", "njega", "džep", "za")}
    table = compiled_languages(frequent, {**SPOKEN, "rs": ("sr",)})
    assert table["words"]["sh"][:4] == ["je", "је", "i", "и"]  # type: ignore[index]
    assert {"људи", "њега", "џеп"} <= set(table["words"]["sh"])  # type: ignore[index]
    serbian = Languages(_Index({"languages": table}, ("at", "ch", "de", "fr", "gb", "rs")))  # type: ignore[arg-type]
    assert serbian.language("Он је рекао да се људи на југу и у граду за то не брину") == "sh"
    assert serbian.language("On je rekao da se ljudi na jugu i u gradu za to ne brinu") == "sh"

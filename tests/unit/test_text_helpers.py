"""Small readers of the text around a name, against what they replace: the word before a name
and German words near it."""

from __future__ import annotations

import re

import pytest

from toponym.extractor.proper import _German
from toponym.extractor.wordlists import _word_start

#: What ``_word_start`` reads, as a regular expression tried at each of the 16 places before a name.
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s\"'(«“]))([^\s\"'(«“]+) $", re.MULTILINE)


@pytest.mark.parametrize(
    "text",
    [
        "Queen Sofía",
        "in (Real Madrid",
        "«Real Madrid",
        "an extraordinarily Madrid",
        "J. Kennedy",
        "x\nRegent Park",
        "Real\u00a0Madrid",
        " Madrid",
        "Konstantinopolitanisch Bern",
    ],
)
def test_word_before_a_name(text: str) -> None:
    start = text.rindex(" ") + 1 if " " in text else 0
    m = _WORD_BEFORE.search(text, max(0, start - 16), start)
    assert _word_start(text, start - 1) == (m.start(1) if m else -1)


def test_word_before_reads_back_to_a_quote_or_a_space() -> None:
    assert _word_start("said “Queen Sofía", len("said “Queen")) == len("said “")
    assert _word_start("Queen Sofía", 5) == 0
    assert _word_start("an extraordinarily Madrid", len("an extraordinarily")) == 3  # 15 letters
    assert _word_start("Konstantinopolitanisch Bern", 22) == -1  # longer than 15


def test_german_words_near_a_name() -> None:
    text = "Die Residenzstadt Mannheim" + " x" * 300 + " Mannheim"
    german = _German(text)
    assert german.near(len("Die Residenzstadt "))  # "Die" at the start of the text
    assert not german.near(len(text) - len("Mannheim"))  # more than 400 characters away
    assert _German("Er ist in Köln").near(10)
    assert _German("ER IST in Köln").near(10)  # case does not matter
    assert not _German("Kiste Mannheim").near(6)  # a word, not part of one
    assert not _German("the die").near(4)  # needs the space after it

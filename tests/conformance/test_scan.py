"""The text scan gives the same hits in C and in Python, and the extractor the same mentions.

``TextScan`` (C) and :class:`~toponym.extractor.textscan.PyTextScan` read the same tables; these
tests hold them to the same hits, hit for hit, on random text over the characters that decide word
starts, word ends, separators, apostrophes and runs without spaces, and on real text.
"""

from __future__ import annotations

import functools
import random
import re
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toponym import Gazetteer, default_gazetteer
from toponym.extractor import Extractor
from toponym.extractor.affixes import affixes
from toponym.extractor.textscan import PyTextScan
from toponym.extractor.windows import WINDOW, cut_at
from toponym.index.strings import PyStringTable

from ..conftest import DATA, FIXTURE
from .conftest import C

#: Characters that decide word starts, word ends, separators and apostrophe parts.
ALPHABET = (
    "AaZzÄäßΣσЖжʼǅ"  # cased letters, a title-case digraph, a modifier letter apostrophe (a letter)
    "ابب"  # a caseless script
    "日本国後島カナ한국ไทย"  # scripts without spaces
    "0_ \t\n\r\u00a0\u2009\u202f-\u2010\u2011.,;:/\\@#$='’()\x00…—"
    "\u0301\u200d\ufe0f"  # a combining mark, a zero-width joiner, a variation selector
    "😀𠀋𝐀𝟘"  # outside the BMP: an emoji, a Han character, a letter and a digit
)
WORDS = [
    "The", "Hague", "Sea", "of", "Japan", "None", "It's", "d'Ivoire", "Côte", "US", "U.S.", "x", "Kuril",
    "Yuzhno", "Russia", "Russia's", "Москве", "Нижнем", "Новгороде", "بلبنان", "서울에서", "마셜", "제도에서는", "l'Allemagne",
    "Deutschlands", "北京", "他去北京。", "日本語", "東京都", "Bosnia", "and", "Herzegovina", "St.", "Petersburg",
]  # fmt: skip

needs_c = pytest.mark.skipif(C is None, reason="the C module is not built")


def _scanners(gz: Gazetteer) -> tuple[Any, PyTextScan]:
    """C's scan and Python's over the same tables (each over its own kind of string table)."""
    assert C is not None
    index = gz.resolver.index
    args = Extractor(gz.resolver).scanner.scan_args
    c_tables = (index.text.text.make_table(C.StringTable), index.keys.text.make_table(C.StringTable))
    py_tables = (index.text.text.make_table(PyStringTable), index.keys.text.make_table(PyStringTable))
    c_args = (c_tables[0], *args[1:3], c_tables[1], *args[4:])
    py_args = (py_tables[0], *args[1:3], py_tables[1], *args[4:])
    return C.TextScan(*c_args), PyTextScan(*py_args)


def check_same_hits(pair: tuple[Any, PyTextScan], text: str) -> None:
    c, py = pair
    lo = 0
    while lo < len(text):
        hi = cut_at(text, lo, WINDOW)
        assert c.scan(text, lo, hi) == py.scan(text, lo, hi), text[lo:hi]
        lo = hi


@functools.cache
def fixture_pair() -> tuple[Any, PyTextScan]:
    return _scanners(Gazetteer.from_folder(FIXTURE))


@functools.cache
def shipped_pair() -> tuple[Any, PyTextScan]:
    return _scanners(default_gazetteer())


@needs_c
@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=6), st.sampled_from(WORDS)), max_size=40))
@example(["The", " ", "Hague", ".", "\n\n", "None", ".  ", "X", "-", " ", "Y", "\n", "  ", "Z"])
@example(["os", ".", "Path", " ", "self", ".", "Tokyo", " ", ".", "NET", " ", "a", "'", "The", "’", "s"])
@pytest.mark.once
def test_c_and_python_scans_agree_on_the_fixture(parts: list[str]) -> None:
    check_same_hits(fixture_pair(), "".join(parts))


@needs_c
@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=6), st.sampled_from(WORDS)), max_size=40))
@pytest.mark.once
def test_c_and_python_scans_agree_on_the_shipped_gazetteer(parts: list[str]) -> None:
    check_same_hits(shipped_pair(), "".join(parts))


@needs_c
@pytest.mark.once
def test_c_and_python_scans_agree_on_real_text() -> None:
    pair = shipped_pair()
    check_same_hits(pair, (DATA / "prose_en.txt").read_text(encoding="utf-8")[:100_000])
    for path in sorted((DATA / "gold").glob("news_*.txt")):
        check_same_hits(pair, re.sub(r"\[\[([^|\]]+)\|[a-z0-9-]+\]\]", r"\1", path.read_text(encoding="utf-8")))


@needs_c
@pytest.mark.once
def test_c_and_python_scans_agree_on_names_inflected_in_a_later_word() -> None:
    check_same_hits(shipped_pair(), "в Нью-Йорке, Лос-Анджелеса; New Yorks Straßen, Нью-Дели нью йорке, Буэнос-Айресе")


@needs_c
# (Bengali is left out: its words carry vowel signs, irregular, read by the Python scan)
@pytest.mark.parametrize(
    "langs", [(), ("ar",), ("cs",), ("cs", "de", "fi", "pl"), ("ru", "uk", "el", "ko"), ("sv", "da", "he"), "all"]
)
@pytest.mark.once
def test_c_and_python_scans_agree_with_rule_groups_off(langs: tuple[str, ...] | str) -> None:
    groups = affixes().groups
    off = (1 << 64) - 1 if langs == "all" else sum(1 << g for g, group in enumerate(groups) if group.lang in langs)
    c, py = shipped_pair()
    text = (
        "w Warszawie, z Polski, Gdańska; v Praze, v České republice; у Києві, в Україні; Helsingissä, "
        "Suomessa; в Москве, Нью-Йорке; بلبنان; 서울에서; 마셜 제도에서; Deutschlands, der Vereinigten Staaten; της Ελλάδας; "
        "Sveriges, Danmarks. "
    ) * 3
    assert c.scan(text, 0, len(text), off) == py.scan(text, 0, len(text), off)
    assert (c.scan(text, 0, len(text), off) == c.scan(text, 0, len(text))) == (off == 0)


@needs_c
@pytest.mark.once
def test_c_and_python_scans_agree_outside_the_bmp() -> None:
    check_same_hits(
        shipped_pair(),
        "Tokyo 𠀋 Kyoto 😀 Osaka😀Nara 𝐀Kobe Sendai𝟘 Fukuoka 𠀋Sapporo Chiba. 🇯🇵 Japan 北京😀上海 " * 10,
    )


def long_text(seed: int, size: int, vocabulary: list[str]) -> str:
    rng = random.Random(seed)
    seps = [" "] * 20 + ["  ", "\n", "\n\n", ". ", ".  ", ", ", "-", " - ", "'s ", "’", "\t", "\u00a0", " (",
                         ") ", "/", " 😀 "]  # fmt: skip
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(vocabulary)
        w = w.upper() if rng.random() < 0.03 else w.capitalize() if rng.random() < 0.2 else w
        out += [w, rng.choice(seps)]
        n += len(w) + 2
    return "".join(out)


def test_threads_share_one_extractor() -> None:
    """Memories grow while other threads read them: answers do not change."""
    from concurrent.futures import ThreadPoolExecutor

    gz = Gazetteer.from_folder(FIXTURE)
    vocabulary = ["Russia", "Japan", "Kunashiri", "Iturup", "Kuril", "islands", "Nice", "the", "of", "The"]
    texts = [long_text(seed, 30_000, vocabulary + [f"Word{seed}x{i}" for i in range(300)]) for seed in range(8)]
    expected = [[(m.start, m.end, m.place.id) for m in Extractor(gz.resolver).extract(t)] for t in texts]
    shared = Extractor(gz.resolver)
    with ThreadPoolExecutor(4) as pool:
        for _ in range(2):
            got = list(pool.map(lambda t: [(m.start, m.end, m.place.id) for m in shared.extract(t)], texts))
            assert got == expected


def test_an_inflected_name_is_read_on_in_each_text_afresh() -> None:
    """What follows an inflected head decides where its name ends, in every text: a memory of
    another text with the same word at the same place does not ("Нижнем" once began "Нижнем
    Новгороде" here, then ran past the end of a shorter text)."""
    ex = Extractor(default_gazetteer().resolver)
    texts = ["Мы были в Нижнем Новгороде вчера.", "Мы были в Нижнем", "Мы были в Нижнем Тагиле вчера."]
    found = [[(m.start, m.end, m.text, m.place.id) for m in ex.extract(t)] for t in texts]
    assert found[0] == [(10, 26, "Нижнем Новгороде", "gn-520555")]
    assert found[1] == []
    assert found[2] == [(10, 23, "Нижнем Тагиле", "gn-520494")]

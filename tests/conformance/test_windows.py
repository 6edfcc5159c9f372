"""A long text read in windows gives the mentions of the same text read at once.

The window size is forced small so that many cuts fall inside names of several words, dotted
acronyms, inflected phrases and runs without spaces; the answers must not change, on whichever
implementation ``TOPONYM_IMPLEMENTATION`` selects.
"""

from __future__ import annotations

import random

import pytest

from toponym import Mention, default_gazetteer
from toponym.extractor import Extractor
from toponym.extractor.raw import Raw
from toponym.extractor.windows import OVERLAP, Candidates, cut_at

#: Names that span separators (and so a cut), with words around them that change how they read.
NAMES = [
    "Bosnia and Herzegovina", "New York", "St. Petersburg", "the United States", "U.S.", "Côte d'Ivoire",
    "Нижнем Новгороде", "в Москве", "東京都千代田区", "北京", "Paris, France", "Georgia", "Atlanta",
    "Reading", "Berkshire", "Vladimir Putin", "Sea of Japan", "Kuril Islands", "Paris\u0301", "l'Allemagne",
]  # fmt: skip
FILLER = ["the", "talks", "on", "and", "were", "held", "In", "a", "report", "from", "It", "said"]
SEPS = [" ", " ", " ", "  ", "\n", "\n\n", ". ", ", ", "\t"]


def generated(seed: int, size: int) -> str:
    """Names among filler; an odd seed writes no line breaks (a window is then cut at a space)."""
    rng = random.Random(seed)
    seps = [s for s in SEPS if "\n" not in s] if seed % 2 else SEPS
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(NAMES) if rng.random() < 0.3 else rng.choice(FILLER)
        sep = rng.choice(seps)
        out += [w, sep]
        n += len(w) + len(sep)
    return "".join(out)


def spans(mentions: list[Mention]) -> list[tuple[int, int, str, str, str]]:
    return [(m.start, m.end, m.text, m.place.id, m.method) for m in mentions]


def cuts(text: str, size: int) -> list[int]:
    out, lo = [], 0
    while lo < len(text):
        lo = cut_at(text, lo, size)
        out.append(lo)
    return out


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return default_gazetteer().extractor


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize("size", [23, 97, 400])
def test_windows_give_the_mentions_of_the_whole_text(extractor: Extractor, seed: int, size: int) -> None:
    text = generated(seed, 12_000)
    whole = extractor.extract(text, _window=len(text))
    windowed = extractor.extract(text, _window=size)
    assert spans(windowed) == spans(whole)
    assert windowed == whole
    if seed % 2:  # the test means something: names of several words were cut
        assert sum(m.start < c < m.end for m in whole for c in cuts(text, size)) >= 3


def test_names_straddling_each_cut(extractor: Extractor) -> None:
    """Each name after filler of every length, so that a cut falls at each place within it."""
    size, across = 24, 0
    for name in NAMES:
        for k in range(1, size):
            text = f"{'x' * k} {name} the {name}, In a report from {name}."
            whole = extractor.extract(text, _window=len(text))
            assert spans(extractor.extract(text, _window=size)) == spans(whole), text
            across += sum(m.start < c < m.end for m in whole for c in cuts(text, size))
    assert across >= 50


def test_japanese_without_breaks_is_cut_where_it_must_be(extractor: Extractor) -> None:
    text = ("東京都千代田区で会議。大阪市と北京の話。" * 50) + "日本" * OVERLAP
    assert spans(extractor.extract(text, _window=100)) == spans(extractor.extract(text, _window=len(text)))


def test_candidates_hold_raws_compactly() -> None:
    store = Candidates()
    raws = [Raw(0, 5, "Paris"), Raw(9, 15, "Москва", inflected=True, group=2), Raw(20, 25, "Paris")]
    for raw in raws:
        store.append(raw)
    assert list(store) == raws
    assert [store[i] for i in range(-3, 3)] == raws * 2
    assert store[1:] == raws[1:]
    assert len(store) == 3

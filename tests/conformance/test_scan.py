"""The vectorised word scan gives what the regex scan gives, word for word.

Long chunks of text are split into candidate words with numpy (``_vector_scan``), short ones with
the split regex; known misses and dead pairs are remembered as 64-bit hashes for the first and as
strings for the second. These tests hold the two paths to the same answers.
"""

from __future__ import annotations

import random
import re
from typing import Any

import numpy as np
from hypothesis import example, given, settings
from hypothesis import strategies as st

from toponym import Gazetteer, default_gazetteer
from toponym.extractor import Extractor
from toponym.extractor.patterns import patterns as _patterns
from toponym.extractor.vectorscan import _HASH_MAX, _HASH_SLOT
from toponym.extractor.vectorscan import UNKNOWN as _UNKNOWN
from toponym.extractor.vectorscan import HashSet as _HashSet
from toponym.extractor.vectorscan import vector_scan as _vector_scan

from ..conftest import DATA, FIXTURE

#: Characters that decide word starts, word ends and what the peek regex reads after a word.
ALPHABET = (
    "AaZzÄäßΣσЖжʼǅ"  # cased letters, a title-case digraph, a modifier letter apostrophe (a letter)
    "ابب"  # a caseless script
    "日本国後島カナ한국ไทย"  # scripts without spaces
    "0_ \t\n\r\u00a0\u2009\u202f-\u2010\u2011.,;:/\\@#$='’()\x00…—"
    "\u0301"  # a combining mark
    "😀𠀋𝐀𝟘"  # outside the BMP: an emoji, a Han character, a letter and a digit (not word starts)
)
WORDS = ["The", "Hague", "Sea", "of", "Japan", "None", "It's", "d'Ivoire", "US", "U.S.", "x", "Kuril", "Yuzhno"]


def regex_scan(text: str) -> list[tuple[str, int, int, str | None]]:
    pats = _patterns()
    return [(m.group(), m.start(), m.end(), pats.peek.match(text, m.end()).group(1)) for m in pats.start.finditer(text)]  # type: ignore[union-attr]


def scan_rows(text: str, misses: _HashSet, deads: _HashSet) -> tuple[list[tuple[Any, ...]], bool] | None:
    """What the vectorised scan gives, as rows (word, start, end, next word, hash, pair hash)."""
    got = _vector_scan(text, 0, misses, deads)
    return None if got is None else (list(zip(*got[0], strict=True)), got[1])


def check_same_words(text: str) -> None:
    got = scan_rows(text, _HashSet(), _HashSet())
    if got is None:
        assert len(text) < 3
        return
    items, unspaced = got
    expected = regex_scan(text)
    assert [(w, s, e) for w, s, e, *_ in items] == [(w, s, e) for w, s, e, _ in expected]
    for (word, _s, _e, nxt, _h, pair), (_w, _s2, _e2, peeked) in zip(items, expected, strict=True):
        if nxt == _UNKNOWN:
            assert pair is None
        else:
            assert nxt == peeked, (word, text)
            assert pair is not None
    assert unspaced == bool(_patterns().unspaced.search(text))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.text(alphabet=ALPHABET, max_size=6), st.sampled_from(WORDS)), max_size=40))
@example(["The", " ", "Hague", ".", "\n\n", "None", ".  ", "X", "-", " ", "Y", "\n", "  ", "Z"])
@example(["os", ".", "Path", " ", "self", ".", "Tokyo", " ", ".", "NET", " ", "a", "'", "The", "’", "s"])
def test_vector_scan_finds_the_regex_words_and_next_words(parts: list[str]) -> None:
    check_same_words("".join(parts))


def test_vector_scan_on_real_text() -> None:
    text = (DATA / "prose_en.txt").read_text(encoding="utf-8")[:200_000]
    news = [(DATA / "gold" / f"news_{lang}.txt").read_text(encoding="utf-8") for lang in ("en", "ru", "ja")]
    check_same_words(text)
    for t in news:
        check_same_words(re.sub(r"\[\[([^|\]]+)\|[a-z0-9-]+\]\]", r"\1", t))


def test_vector_scan_reads_characters_outside_the_bmp_as_the_regex_does() -> None:
    check_same_words("Tokyo 𠀋 Kyoto 😀 Osaka😀Nara 𝐀Kobe Sendai𝟘 Fukuoka 𠀋Sapporo Chiba. 🇯🇵 Japan " * 10)


def test_word_hashes_identify_words_and_pairs() -> None:
    text = "The Hague and The Hague, The Netherlands. The Hague? Sea of Japan. Sea of Azov; Sea. " * 20
    got = scan_rows(text, _HashSet(), _HashSet())
    assert got is not None
    by_hash: dict[int, str] = {}
    by_pair: dict[int, tuple[str, str | None]] = {}
    for word, _s, _e, nxt, h, pair in got[0]:
        assert by_hash.setdefault(h, word) == word
        if pair is not None:
            assert by_pair.setdefault(pair, (word, nxt)) == (word, nxt)
    assert len(set(by_hash.values())) == len(by_hash)  # different words, different hashes
    assert len(by_pair) >= 4


def test_known_misses_and_dead_pairs_are_dismissed() -> None:
    text = "Alpha Beta. Gamma Delta, Alpha Gamma. " * 200
    misses, deads = _HashSet(), _HashSet()
    first = scan_rows(text, misses, deads)
    assert first is not None
    for word, _s, _e, nxt, h, pair in first[0]:
        if word == "Alpha":
            misses.add(h)
        if word == "Gamma" and nxt == "Delta":
            assert pair is not None
            deads.add(pair)
    second = scan_rows(text, misses, deads)
    assert second is not None
    left = {(w, nxt) for w, _s, _e, nxt, _h, _p in second[0]}
    # "Beta. Gamma": a word after ". " is the next word; the last "Gamma. " is left to the regex
    assert left == {("Beta", "Gamma"), ("Delta", None), ("Gamma", "Alpha"), ("Gamma", _UNKNOWN)}


def test_long_words_are_never_dismissed_by_hash() -> None:
    # a polynomial hash is weakest on long strings: only words up to _HASH_MAX letters are
    # dismissed by theirs
    long_word = "Z" + "z" * (_HASH_MAX + 1)
    text = f"{long_word} Alpha. " * 50
    misses = _HashSet()
    first = scan_rows(text, misses, _HashSet())
    assert first is not None
    for _w, _s, _e, _n, h, _p in first[0]:
        misses.add(h)
    second = scan_rows(text, misses, _HashSet())
    assert second is not None
    assert {w for w, *_ in second[0]} == {long_word}


def test_a_dead_pair_does_not_hide_the_same_words_read_otherwise() -> None:
    # "Beta'Gamma" may be one word for the peek regex (an apostrophe part): the scan leaves it to
    # the regex, and a dead pair "Alpha Beta" must not dismiss it
    text = "Alpha Beta. Alpha Beta'Gamma. " * 100
    misses, deads = _HashSet(), _HashSet()
    first = scan_rows(text, misses, deads)
    assert first is not None
    for word, _s, _e, nxt, _h, pair in first[0]:
        if word == "Alpha" and nxt == "Beta":
            assert pair is not None
            deads.add(pair)
    second = scan_rows(text, misses, deads)
    assert second is not None
    left = [(w, nxt) for w, _s, _e, nxt, _h, _p in second[0] if w == "Alpha"]
    assert left == [("Alpha", _UNKNOWN)] * 100


def test_hash_set_lookup() -> None:
    rng = random.Random(5)
    hs = _HashSet()
    members = [rng.getrandbits(64) for _ in range(3000)]
    # values that all land in one slot (their products with the slot multiplier share the top
    # bits): the table must probe past each other
    inverse = pow(_HASH_SLOT, -1, 1 << 64)
    crowd = [((0xABCDEF << 40) + i) * inverse % (1 << 64) for i in range(80)]
    members += crowd[:40]
    for v in members:
        hs.add(v)
    others = [rng.getrandbits(64) for _ in range(3000)] + crowd[40:]
    values = np.array([*members, *others, 0], dtype=np.uint64)
    assert hs.contains(values).tolist() == [True] * len(members) + [False] * (len(others) + 1)
    hs.add(0)  # 0 marks an empty slot: never reported (a missed shortcut, not a wrong answer)
    assert not hs.contains(np.array([0], dtype=np.uint64))[0]
    hs.clear()
    assert not hs.contains(values).any()


def long_text(seed: int, size: int, vocabulary: list[str]) -> str:
    rng = random.Random(seed)
    seps = [" "] * 20 + [
        "  ",
        "\n",
        "\n\n",
        ". ",
        ".  ",
        ", ",
        "-",
        " - ",
        "'s ",
        "’",
        "\t",
        "\u00a0",
        " (",
        ") ",
        "/",
        " 😀 ",
    ]
    out: list[str] = []
    n = 0
    while n < size:
        w = rng.choice(vocabulary)
        w = w.upper() if rng.random() < 0.03 else w.capitalize() if rng.random() < 0.2 else w
        out += [w, rng.choice(seps)]
        n += len(w) + 2
    return "".join(out)


def both_paths(gz: Gazetteer, text: str) -> None:
    """The vectorised and the regex path give the same mentions, on a cold and on a warm extractor."""

    def run(vector_min: int) -> list[list[tuple[int, int, str, str]]]:
        extractor = Extractor(gz.resolver)
        extractor.scanner.vector_min = vector_min
        return [[(m.start, m.end, m.place.id, m.method) for m in extractor.extract(text)] for _ in range(2)]

    vector = run(0)  # numpy for every chunk, whatever its length
    regex = run(1 << 40)
    assert vector == regex
    assert vector[0]


def test_both_paths_agree_on_the_fixture_gazetteer() -> None:
    gz = Gazetteer.from_folder(FIXTURE)
    vocabulary = [
        *[
            "Russia",
            "Japan",
            "Kunashiri",
            "Iturup",
            "Kuril",
            "islands",
            "Southern",
            "Kurils",
            "Northern",
            "Territories",
        ],
        *[
            "Russian",
            "Federation",
            "Nice",
            "United",
            "States",
            "Georgia",
            "Springfield",
            "the",
            "and",
            "of",
            "in",
            "with",
            "on",
        ],
        *["Москве", "Кунашире", "Японии", "国後島", "日本語", "色丹島", "USA", "Usa"],
    ]
    for seed in range(2):
        both_paths(gz, long_text(seed, 20_000, vocabulary))


def test_both_paths_agree_on_the_shipped_gazetteer() -> None:
    prose = (DATA / "prose_en.txt").read_text(encoding="utf-8")[:150_000]
    news = re.sub(r"\[\[([^|\]]+)\|[a-z0-9-]+\]\]", r"\1", (DATA / "gold" / "news_en.txt").read_text(encoding="utf-8"))
    vocabulary = [*re.findall(r"\w+", news), "The", "Hague", "Sea", "None", "Set", "Union", "Reading", "Nice"]
    text = prose[:70_000] + "\n\n" + news + "\n\n" + prose[70_000:] + long_text(7, 40_000, vocabulary)
    both_paths(default_gazetteer(), text)


def test_threads_share_one_extractor() -> None:
    """Memories (and their hash tables) grow while other threads read them: answers do not change."""
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


def test_tables_and_memories_are_not_walked_by_the_garbage_collector() -> None:
    """The lookup tables and the memories grow to hundreds of thousands of entries: they hold only
    strings and numbers in containers the collector stops tracking, or every full collection would
    walk them."""
    import gc

    gz = Gazetteer.from_folder(FIXTURE)
    extractor = Extractor(gz.resolver)
    words = ["Russia", "Japan", "The", "Hague", "Alpha", "beta", "Sea", "of", "Russian", "Northern", "Southern"]
    extractor.extract(long_text(3, 30_000, words))
    gc.collect()
    verdicts = extractor.scanner.verdicts
    memories = (verdicts.miss, verdicts.dead, verdicts.miss_h.items, verdicts.dead_h.items)
    assert verdicts.miss and verdicts.dead and verdicts.miss_h.items
    assert not any(gc.is_tracked(x) for x in (extractor.lexicon.multi, *memories))

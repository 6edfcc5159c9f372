"""Blocking: fuzzy candidates and their verified distances.

On the fixture gazetteer every answer is checked against brute force (every fuzzy key's distance
computed); on the shipped index the implementations are held to each other (brute force over
466,000 keys per query would take minutes).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from toponym import Gazetteer
from toponym.index import Index
from toponym.index.blocking import (
    DIRECTORY_SHIFT,
    char_mask,
    key_edits,
    lookup_aids,
    packed_plan,
    segment_hash,
    segments,
)
from toponym.normalize import fold_key, normalize_name

from .conftest import IMPLEMENTATIONS, Impl

SEED = 20_261_123


def blocking(impl: Impl, index: Index) -> Any:
    """An ``impl`` blocking over the fuzzy keys of ``index``."""
    hashes, refs, masks = index.fuzzy._tables
    directory, bloom = lookup_aids(hashes)
    keys = index.keys.text
    table = impl.StringTable(keys._buffer, keys._base, keys._offsets)
    return impl.Blocking(hashes, refs, masks, directory, bloom, DIRECTORY_SHIFT, table)


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    ch = rng.choice(word + "aeiourstnkx")
    op = rng.choice("sdit")
    if op == "t" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "i":
        return word[:i] + ch + word[i:]
    return word[:i] + ch + word[i + 1 :]


def brute_force(fuzzy_keys: tuple[str, ...], key: str, edits: int) -> set[tuple[int, int]]:
    """(row, distance) of every fuzzy key within the edits both ``edits`` and its own length allow:
    what blocking must find."""
    found = ((row, OSA.distance(key, k), len(k)) for row, k in enumerate(fuzzy_keys))
    return {(r, d) for r, d, n in found if d <= min(edits, key_edits(n))}


def test_near_is_exact_on_the_fixture(impl: Impl, fixture_gazetteer: Gazetteer) -> None:
    index = fixture_gazetteer.index
    fuzzy_keys = index.keys.text.decode_rows(index.keys.fuzzy)
    b = blocking(impl, index)
    rng = random.Random(SEED)
    queries = [typo(typo(k, rng), rng) for k in fuzzy_keys for _ in range(5)] + list(fuzzy_keys)
    checked = 0
    for q in queries:
        for edits in (1, 2):
            got = b.near(q, packed_plan(len(q), edits), edits)
            assert brute_force(fuzzy_keys, q, edits) <= {(r, d) for r, d, _ in got}, q
            assert all(OSA.distance(q, fuzzy_keys[r]) == d <= edits and n == len(fuzzy_keys[r]) for r, d, n in got), q
            assert [h[1] for h in got] == sorted(h[1] for h in got)  # nearest first
            checked += bool(got)
    assert checked > len(queries) // 2


@pytest.fixture(scope="module")
def shipped_blockings(shipped: Gazetteer) -> Iterator[list[Any]]:
    yield [blocking(impl, shipped.index) for impl in IMPLEMENTATIONS]


def test_implementations_agree_on_the_shipped_index(shipped: Gazetteer, shipped_blockings: list[Any]) -> None:
    """Same positions in the same order (ranking ties follow that order), for typos of stored keys
    in every script, garbled strings, and both edit allowances."""
    if len(shipped_blockings) < 2:
        pytest.skip("one implementation built: nothing to hold it to")
    index = shipped.index
    rng = random.Random(SEED)
    keys = index.keys.text.decode_rows(index.keys.fuzzy)
    queries = [typo(k, rng) for k in rng.sample(keys, 2000) if len(k) >= 4]
    queries += [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 16))) for _ in range(300)
    ]
    queries += [fold_key(normalize_name(q)) for q in ("Южно-Сахалинск", "Αθήνα", "Kraków", "Ереван", "თბილისი")]
    found = near = 0
    for q in queries:
        for edits in (1, 2):
            plan = packed_plan(len(q), edits)
            got = [b.candidates(q, plan, edits) for b in shipped_blockings]
            assert all(g == got[0] for g in got), q
            hits = [b.near(q, plan, edits) for b in shipped_blockings]
            assert all(h == hits[0] for h in hits), q
            found += bool(got[0])
            near += bool(hits[0])
    assert found > len(queries) // 2 and near > len(queries) // 3, (found, near)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcdeé ßяﬁ", min_size=5, max_size=14), st.integers(min_value=0, max_value=3))
def test_any_text_verifies_alike(shipped_blockings: list[Any], text: str, edits: int) -> None:
    plan = packed_plan(len(text), edits)
    results = [b.near(text, plan, edits) for b in shipped_blockings]
    assert all(r == results[0] for r in results)
    assert all(dist <= edits for _, dist, _ in results[0])


def tiny_blocking(impl: Impl, keys: list[str]) -> Any:
    """An ``impl`` blocking over ``keys`` alone, laid out as the build lays out the fuzzy keys."""
    from array import array

    blob = "".join(f"{k}\n" for k in keys).encode()
    offsets = array("I", [0])
    for k in keys:
        offsets.append(offsets[-1] + len(k.encode()) + 1)
    pairs = sorted(
        (segment_hash(len(k), part, k[s:e]), row)
        for row, k in enumerate(keys)
        for part, (s, e) in enumerate(segments(len(k)))
    )
    hashes = array("I", (h for h, _ in pairs))
    directory, bloom = lookup_aids(hashes)
    masks = array("I", (char_mask(k) for k in keys))
    table = impl.StringTable(blob, 0, offsets)
    return impl.Blocking(hashes, array("I", (r for _, r in pairs)), masks, directory, bloom, DIRECTORY_SHIFT, table)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="abéяﬁ", min_size=58, max_size=70), st.data())
def test_long_and_non_ascii_keys_verify_alike(key: str, data: st.DataObject) -> None:
    # C verifies a query of up to 64 characters bit-parallel and a longer one cell by cell: keys
    # around that bound, in several scripts, with typos of every kind, are held to brute force
    rng = random.Random(data.draw(st.integers(0, 2**16)))
    keys = sorted({key, typo(key, rng), typo(typo(key, rng), rng), key[::-1]})
    blockings = [tiny_blocking(impl, keys) for impl in IMPLEMENTATIONS]
    for q in {key, typo(key, rng), typo(typo(key, rng), rng), key[:64], key[:63] + "x"}:
        for edits in (1, 2):  # what the blocking guarantees to find
            want = {(r, d) for r, k in enumerate(keys) if (d := OSA.distance(q, k)) <= edits}
            for b in blockings:
                got = b.near(q, packed_plan(len(q), edits), edits)
                assert {(r, d) for r, d, _ in got} == want, (q, edits)


def test_corrupt_tables_are_refused(impl: Impl) -> None:
    if impl.name == "python":
        pytest.skip("the Python blocking trusts an index that loaded (IndexFormatError catches the rest)")
    from array import array

    keys = impl.StringTable(b"abc\ndef\n", 0, array("I", [0, 4, 8]))
    empty = memoryview(bytes(4)).cast("I")
    with pytest.raises(ValueError):
        impl.Blocking(empty, empty, empty, empty, b"", DIRECTORY_SHIFT, keys)  # no bloom filter, no directory
    with pytest.raises(TypeError):
        impl.Blocking(empty, empty, empty, empty, bytes(1 << 21), DIRECTORY_SHIFT, b"abc")  # keys not a StringTable


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(0, 2**32 - 1), max_size=300))
def test_lookup_aids_agree_with_the_reference(values: list[int]) -> None:
    from array import array

    from toponym.index.blocking import py_lookup_aids

    from .conftest import C

    hashes = array("I", sorted(values))
    directory, bloom = py_lookup_aids(hashes)
    starts = array("I", directory)
    assert starts[-1] == len(values) and list(starts) == sorted(starts)
    for v in values:  # every hash lies in its bucket and sets its bit
        bucket = v >> DIRECTORY_SHIFT
        assert starts[bucket] <= sorted(values).index(v) < starts[bucket + 1]
        assert bloom[v >> 11] >> (v >> 8 & 7) & 1
    if C is not None:
        assert C.lookup_aids(hashes) == (directory, bloom)

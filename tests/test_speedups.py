"""The optional C module ``toponym._speedups`` against its pure-Python twins, on the shipped index.

Each C path must give exactly what the Python path gives: the same key rows, the same fuzzy
candidates in the same order, the same matches. The pure-Python side is built with
``toponym._accel.SPEEDUPS`` set to ``None``, as ``TOPONYM_PURE_PYTHON=1`` or a build without a C
compiler would have it.
"""

from __future__ import annotations

import os
import random
import zlib
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toponym import Gazetteer, _accel
from toponym._make import _descriptor, make_match, python_slot_maker
from toponym.index import Index, build_key_table
from toponym.model import Match, Mention
from toponym.normalize import fold_key, normalize_name
from toponym.resolve import EXACT_PATH_AFTER, Resolver

C = _accel.SPEEDUPS
pytestmark = pytest.mark.skipif(C is None, reason="toponym._speedups is not built (no C compiler at install)")
SEED = 20_261_123


@dataclass
class Twins:
    c_index: Index
    c_resolver: Resolver
    py_index: Index
    py_resolver: Resolver


@pytest.fixture(scope="module")
def twins(shipped: Gazetteer) -> Iterator[Twins]:
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_accel, "SPEEDUPS", None)
        py_index = Index.load(shipped.index.source)
        py_resolver = Resolver(py_index)
    c_resolver = Resolver(shipped.index)
    for _ in range(EXACT_PATH_AFTER):  # the C path for stored spellings is built after as many bare queries
        c_resolver.resolve("Kunashiri")
        c_resolver.clear_cache()
    assert type(c_resolver._exact).__name__ == "ExactPath"
    assert py_resolver._exact is None and c_resolver._exact is not None
    yield Twins(shipped.index, c_resolver, py_index, py_resolver)


def _signature(m: Match | None) -> tuple[object, ...] | None:
    return m and (m.place.id, m.method, m.score, m.matched, m.lang, m.query, m.name_type, m.perspective, m.reason)


def _typo(word: str, rng: random.Random) -> str:
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


def test_the_build_is_not_silently_pure() -> None:
    """CI sets TOPONYM_REQUIRE_SPEEDUPS=1: there a build that skipped the C module fails here."""
    if os.environ.get("TOPONYM_REQUIRE_SPEEDUPS") != "1":
        pytest.skip("TOPONYM_REQUIRE_SPEEDUPS is not set")
    assert C is not None


@given(st.binary(max_size=200), st.integers(min_value=0, max_value=2**32 - 1))
def test_crc32_is_zlibs(data: bytes, seed: int) -> None:
    assert C is not None
    assert C.crc32(data, seed) == zlib.crc32(data, seed)
    assert C.crc32(data) == zlib.crc32(data)


def test_every_key_has_the_same_row(twins: Twins) -> None:
    c_keys, py_keys = twins.c_index.keys, twins.py_index.keys
    keys = c_keys.strings.decode_rows(len(c_keys))
    rows = [c_keys.index_of(k) for k in keys]
    assert rows == list(range(len(keys)))
    assert [py_keys.index_of(k) for k in keys] == rows
    rng = random.Random(SEED)
    absent = [k + rng.choice("qxz") for k in rng.sample(keys, 5000)] + ["", " ", "\x00", "ʹ"]
    assert [c_keys.index_of(k) for k in absent] == [py_keys.index_of(k) for k in absent]


def test_hash_table_built_in_c_is_the_compiled_one(twins: Twins) -> None:
    assert C is not None
    strings = twins.c_index.keys.strings
    slots, row_bits = C.hash_strings(strings._buffer, strings._base, strings._offsets)
    assert bytes(slots) == build_key_table(list(strings.decode_rows(len(strings)))).tobytes()
    assert row_bits == twins.c_index.keys._row_bits


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_has_the_same_row(twins: Twins, text: str) -> None:
    try:
        expected = twins.py_index.keys.index_of(text)
    except UnicodeEncodeError:  # a lone surrogate: both refuse it alike
        with pytest.raises(UnicodeEncodeError):
            twins.c_index.keys.index_of(text)
        return
    assert twins.c_index.keys.index_of(text) == expected


def test_stored_strings_compare_alike(twins: Twins) -> None:
    rng = random.Random(SEED)
    c_text, py_text = twins.c_index.name_text, twins.py_index.name_text
    for _ in range(20_000):
        i, j = rng.randrange(len(c_text)), rng.randrange(len(c_text))
        text = c_text[j]
        assert c_text.equals(i, text) == py_text.equals(i, text) == (c_text[i] == text)
    with pytest.raises(IndexError):
        c_text.equals(len(c_text), "x")


def test_fuzzy_candidates_and_near_keys_are_the_same_lists(twins: Twins) -> None:
    """Same positions in the same order (ranking ties follow that order), for typos of stored
    keys in every script, garbled strings, and both edit allowances."""
    rng = random.Random(SEED)
    keys = twins.c_index.fuzzy_keys()
    queries = [_typo(k, rng) for k in rng.sample(keys, 3000) if len(k) >= 4]
    queries += [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(5, 16))) for _ in range(500)
    ]
    queries += [fold_key(normalize_name(q)) for q in ("Южно-Сахалинск", "Αθήνα", "Kraków", "Ереван", "თბილისი")]
    compared = found = near = 0
    for q in queries:
        for edits in (1, 2):
            got = twins.c_index.fuzzy_candidates(q, edits)
            assert got == twins.py_index.fuzzy_candidates(q, edits), q
            # verified: the C distance against rapidfuzz's, nearest first, ties in candidate order
            hits = twins.c_index.fuzzy_near(q, edits)
            assert hits == twins.py_index.fuzzy_near(q, edits), q
            compared += 1
            found += bool(got)
            near += bool(hits)
    # the comparisons are not between empty lists
    assert found > compared // 3 and near > compared // 4, (compared, found, near)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="abcdeé ßяﬁ", min_size=5, max_size=14), st.integers(min_value=0, max_value=3))
def test_the_c_distance_is_rapidfuzzs(twins: Twins, text: str, edits: int) -> None:
    """Every key that shares a blocking segment with ``text``, verified both ways."""
    assert twins.c_index.fuzzy_near(text, edits) == twins.py_index.fuzzy_near(text, edits)


def test_resolve_answers_alike(twins: Twins) -> None:
    """Stored spellings in every case form, typos and absent strings: the C paths (exact
    spellings, key rows, fuzzy blocking) answer exactly as the pure-Python resolver does."""
    rng = random.Random(SEED)
    text = twins.c_index.name_text
    names = [text[rng.randrange(len(text))] for _ in range(40_000)]
    queries = names + [n.upper() for n in names[:3000]] + [n.lower() for n in names[:3000]]
    queries += [_typo(n, rng) for n in names[:2000] if len(n) >= 6]
    queries += [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 14))) for _ in range(1000)
    ]
    queries += ["", " ", "\ud800", "x" * 300, "Shokotan", "国後島", "广州", "広州"]
    answered_in_c = 0
    assert twins.c_resolver._exact is not None
    for q in queries:
        assert _signature(twins.c_resolver.resolve(q)) == _signature(twins.py_resolver.resolve(q)), q
        answered_in_c += twins.c_resolver._exact(q) is not NotImplemented
    assert answered_in_c > 0.8 * len(names)  # most stored spellings never reach the Python path


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=20))
def test_any_text_resolves_alike(twins: Twins, text: str) -> None:
    assert _signature(twins.c_resolver.resolve(text)) == _signature(twins.py_resolver.resolve(text))


def test_slot_maker_builds_what_the_python_maker_builds(twins: Twins, monkeypatch: pytest.MonkeyPatch) -> None:
    assert C is not None
    fields = tuple(_descriptor(Mention, f) for f in ("start", "end", "text", "match"))
    c_make = C.SlotMaker(Mention, fields, ())
    py_make = python_slot_maker(Mention, fields)
    assert type(c_make) is not type(py_make)
    m = twins.c_resolver.resolve("Kunashiri")
    assert m is not None
    a, b = c_make(3, 12, "Kunashiri", m), py_make(3, 12, "Kunashiri", m)
    assert a == b == Mention(3, 12, "Kunashiri", m) and repr(a) == repr(b) and hash(a) == hash(b)
    with pytest.raises(TypeError):
        c_make(1, 2, 3)
    with pytest.raises(TypeError):
        c_make(1, 2, 3, 4, text="x")
    assert C is not None
    with pytest.raises(TypeError):
        C.SlotMaker(Match, (Mention.__dict__["start"],), ())  # another class's slot
    with pytest.raises(TypeError):
        C.SlotMaker(Match, (Match.to_dict,), ())  # not a slot
    assert make_match.__class__ is C.SlotMaker


def test_corrupt_tables_are_refused() -> None:
    assert C is not None
    blob = b"abc\ndef\n"
    with pytest.raises(ValueError):
        C.StringTable(blob, 0, memoryview(bytes(4) + (100).to_bytes(4, "little")).cast("I"))
    with pytest.raises(TypeError):
        C.StringTable(blob, 0, b"\x00\x00")  # not 4-byte items
    with pytest.raises(ValueError):
        C.StringTable(blob, 0, memoryview(bytes(8)).cast("I"), memoryview(bytes(12)).cast("I"), 3)  # 3 slots
    keys = C.StringTable(
        blob, 0, memoryview(bytes(4) + (4).to_bytes(4, "little") + (8).to_bytes(4, "little")).cast("I")
    )
    with pytest.raises(ValueError):
        C.Blocking(*(memoryview(bytes(4)).cast("I"),) * 4, b"", 14, keys)  # no bloom filter, no directory
    with pytest.raises(TypeError):
        C.Blocking(*(memoryview(bytes(4)).cast("I"),) * 4, bytes(1 << 21), 14, blob)  # keys not a StringTable

"""StringTable: strings in a blob and the hash table over them, on the shipped index's keys and names."""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toponym import Gazetteer
from toponym.index.strings import build_table, line_starts, row_bits

from .conftest import Impl

SEED = 20_261_123


@pytest.fixture(scope="module")
def keys(shipped: Gazetteer) -> tuple[str, ...]:
    return shipped.index.keys.text.decode_rows()


def test_every_key_has_its_row_and_absent_strings_none(impl: Impl, keys: tuple[str, ...]) -> None:
    decoded = keys
    blob = "".join(f"{k}\n" for k in decoded).encode("utf-8")
    slots = build_table(decoded)
    table = impl.StringTable(blob, 0, line_starts(blob), slots, row_bits(len(decoded)))
    assert [table.row(k) for k in decoded] == list(range(len(decoded)))
    rng = random.Random(SEED)
    known = set(decoded)
    absent = [k + rng.choice("qxz") for k in rng.sample(decoded, 5000)] + ["", " ", "\x00", "ʹ", "\ud800", "a\udfff"]
    assert all(table.row(k) == -1 for k in absent if k not in known)


def test_strings_read_and_compare(impl: Impl, shipped: Gazetteer) -> None:
    names = shipped.index.names.text
    sample = [names[i] for i in range(0, len(names), 97)]
    blob = "".join(f"{s}\n" for s in sample).encode("utf-8")
    table = impl.StringTable(blob, 0, line_starts(blob))
    rng = random.Random(SEED)
    for _ in range(5000):
        i, j = rng.randrange(len(sample)), rng.randrange(len(sample))
        assert table.equals(i, sample[j]) == (sample[i] == sample[j])
        assert table.string(i) == sample[i]
    assert not table.equals(0, "\ud800")  # a lone surrogate equals nothing
    with pytest.raises(IndexError):
        table.equals(len(sample), "x")
    with pytest.raises(IndexError):
        table.string(-1)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(max_size=12), max_size=30, unique=True), st.text(max_size=12))
def test_any_strings_are_found(strings: list[str], probe: str) -> None:
    from .conftest import IMPLEMENTATIONS

    strings = [s for s in strings if "\n" not in s and not any(0xD800 <= ord(c) <= 0xDFFF for c in s)]
    blob = "".join(f"{s}\n" for s in strings).encode("utf-8")
    slots = build_table(strings)
    for impl in IMPLEMENTATIONS:
        table = impl.StringTable(blob, 0, line_starts(blob), slots, row_bits(len(strings)))
        assert [table.row(s) for s in strings] == list(range(len(strings)))
        assert table.row(probe) == (strings.index(probe) if probe in strings else -1)


def test_corrupt_tables_are_refused(impl: Impl) -> None:
    from array import array

    blob = b"abc\ndef\n"
    with pytest.raises(ValueError):  # offsets past the end of the buffer
        impl.StringTable(blob, 0, array("I", [0, 100]))
    with pytest.raises(TypeError):  # not 4-byte items
        impl.StringTable(blob, 0, b"\x00\x00")
    with pytest.raises(ValueError):  # three slots: not a power of two
        impl.StringTable(blob, 0, array("I", [0, 4, 8]), array("I", [0, 0, 0]), 3)

"""The passes an index makes over whole columns when it opens, on random columns of every item
format the index stores and on the shipped index's own sections."""

from __future__ import annotations

import itertools
import random
import sys
from array import array
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toponym import Gazetteer
from toponym.index.schema import SECTIONS

from .conftest import IMPLEMENTATIONS, PYTHON, Impl

# item format -> (least, greatest) value it holds
RANGES = {"B": (0, 255), "H": (0, 65535), "I": (0, 2**32 - 1), "i": (-(2**31), 2**31 - 1), "q": (-(2**63), 2**63 - 1)}


def _column(code: str, values: list[int]) -> memoryview:
    return memoryview(array(code, values).tobytes()).cast(code)  # type: ignore[call-overload]


@st.composite
def columns(draw: st.DrawFn) -> tuple[str, list[int]]:
    code = draw(st.sampled_from(sorted(RANGES)))
    lo, hi = RANGES[code]
    edge = st.sampled_from([lo, hi, 0, 1, -1 if lo < 0 else 2, lo + 1, hi - 1])
    return code, draw(st.lists(st.one_of(st.integers(lo, hi), edge), max_size=60))


def _sum_mod(values: list[int], bits: int) -> int:
    return sum(values) % (1 << bits)


@settings(max_examples=300, deadline=None)
@given(
    columns(), st.integers(-(2**40), 2**40), st.integers(-(2**40), 2**40), st.lists(st.integers(-3, 300), max_size=2)
)
def test_counts_bounds_order_and_sums(drawn: tuple[str, list[int]], low: int, high: int, allow: list[int]) -> None:
    for impl in IMPLEMENTATIONS:
        _check_column(impl, drawn, low, high, allow)


def _check_column(impl: Impl, drawn: tuple[str, list[int]], low: int, high: int, allow: list[int]) -> None:
    code, values = drawn
    col, passes = _column(code, values), impl.columns
    assert passes.strays(col, low, high, tuple(allow)) == sum(
        1 for v in values if not low <= v < high and v not in allow
    )
    assert passes.ascending(col) == all(a <= b for a, b in itertools.pairwise(values))
    assert passes.total(col) == sum(values)
    first = array(
        "I",
        passes.running_total(col) if code in "BH" else passes.running_total(_column("H", [v & 0xFFFF for v in values])),
    )
    counted = values if code in "BH" else [v & 0xFFFF for v in values]
    assert list(first) == [_sum_mod(counted[:i], 32) for i in range(len(counted) + 1)]
    if values:
        for mask in (-1, 0xFF, (1 << 20) - 1):
            masked = [v & mask for v in values]
            assert passes.bounds(col, mask) == (min(masked), max(masked))
    else:
        with pytest.raises(ValueError):
            passes.bounds(col, -1)


@settings(max_examples=300, deadline=None)
@given(
    st.binary(max_size=70_000) | st.builds(lambda n, b: bytes([b]) * n, st.integers(0, 100_000), st.integers(0, 255))
)
def test_checksum_and_line_starts_agree_with_the_reference(data: bytes) -> None:
    expected = [0] + [i + 1 for i, b in enumerate(data) if b == 10]
    for impl in IMPLEMENTATIONS:
        assert impl.columns.checksum(data) == PYTHON.columns.checksum(data)
        assert list(array("I", impl.columns.line_starts(data))) == expected


def test_checksum_sees_every_flipped_bit_and_moved_block(impl: Impl) -> None:
    data = bytearray(random.Random(5).randbytes(150_003))  # several 32 KB blocks and a tail
    base = impl.columns.checksum(bytes(data))
    # every bit of bytes in each block, the top bit of a word among them (byte 7 of a word): a
    # top bit's flip moved both sums by 2**63, which cancelled under odd block weights
    for at in (0, 7, 8, 15, 32_767, 32_768, 32_775, 65_543, 131_079, len(data) - 1):
        for bit in range(8):
            flipped = bytearray(data)
            flipped[at] ^= 1 << bit
            assert impl.columns.checksum(bytes(flipped)) != base, (at, bit)
    small = bytearray(random.Random(6).randbytes(144))  # a section under one block: only the rest
    for at in range(len(small)):
        flipped = bytearray(small)
        flipped[at] ^= 0x80
        assert impl.columns.checksum(bytes(flipped)) != impl.columns.checksum(bytes(small)), at
    moved = data[32_768:65_536] + data[:32_768] + data[65_536:]
    assert impl.columns.checksum(bytes(moved)) != base
    assert impl.columns.checksum(bytes(data[:-1])) != base


def test_the_shipped_sections_read_alike(impl: Impl, shipped: Gazetteer) -> None:
    index: Any = shipped.index
    view = memoryview(index._buffer)
    from toponym.index.format import read

    _, parts, _ = read(view, "shipped")
    for section in SECTIONS:
        part = parts[section.name]
        raw = memoryview(part).cast("B")
        assert impl.columns.checksum(raw) == PYTHON.columns.checksum(raw), section.name
        if section.typecode == "blob":
            assert impl.columns.line_starts(part) == PYTHON.columns.line_starts(part), section.name
        elif section.typecode != "d" and len(part):
            for fn in ("ascending", "total"):
                assert getattr(impl.columns, fn)(part) == getattr(PYTHON.columns, fn)(part), (fn, section.name)
            assert impl.columns.bounds(part, -1) == PYTHON.columns.bounds(part, -1), section.name


def test_refuses_what_is_no_integer_column(impl: Impl) -> None:
    for bad in (memoryview(array("d", [1.0])), memoryview(array("f", [1.0]))):
        with pytest.raises(TypeError):
            impl.columns.total(bad)
    assert sys.byteorder in ("little", "big")

"""Strings stored as one UTF-8 blob, and the open-addressing hash table that finds them.

A blob holds newline-ended strings; their offsets are found at load time (one vectorised pass)
rather than stored. Strings are decoded with U+FFFD for a byte that is not UTF-8: the build writes
none, and checking every blob at load would cost more than the checksums. A table slot holds ``row + 1`` in its low ``row_bits`` bits (0: empty) and the
top bits of the string's CRC-32 above them, so a probe compares stored text only when those agree.
:class:`PyStringTable` is the reference; C's ``StringTable`` has the same interface.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_right
from collections.abc import Callable, Sequence
from typing import Any

from .. import _accel
from . import columns

__all__ = ["PyStringTable", "StringTable", "Strings", "build_table", "decode_rows", "line_starts", "row_bits"]


def row_bits(n: int) -> int:
    """Bits of a table slot that hold ``row + 1``; the bits above them hold a hash tag."""
    return max(1, (n + 1).bit_length())


def _table_size(n: int) -> int:
    size = 8
    while size < n * 3 // 2:  # load factor <= 2/3: linear probes stay short
        size *= 2
    return size


def build_table(strings: Sequence[str]) -> array[int]:
    """Open-addressing slots for ``strings``, probing linearly; a string already in the table is
    not added again (its first row answers)."""
    slots = array("I", bytes(4 * _table_size(len(strings))))
    mask = len(slots) - 1
    bits = row_bits(len(strings))
    rows = (1 << bits) - 1
    for row, text in enumerate(strings):
        raw = text.encode("utf-8")
        h = zlib.crc32(raw)
        i = h & mask
        while slots[i]:
            if slots[i] >> bits == h >> bits and strings[(slots[i] & rows) - 1] == text:
                break
            i = (i + 1) & mask
        else:
            slots[i] = (row + 1) | (h >> bits) << bits
    return slots


def _items(buffer: Any, what: str) -> Any:
    """``buffer`` itself, when it holds 4-byte items (as C's table checks); a TypeError otherwise."""
    if memoryview(buffer).itemsize != 4:
        raise TypeError(f"{what} must be a buffer of 4-byte items")
    return buffer


def line_starts(blob: Any) -> memoryview:
    """Start of every newline-ended string in ``blob``, plus the end: ``len(strings) + 1`` offsets."""
    return memoryview(columns.line_starts(blob)).cast("I")


class PyStringTable:
    """The strings of a blob (``buffer`` at ``base``, with ``offsets``) and, given ``slots``, the
    hash table over them: ``row(text)`` finds a string, ``equals(i, text)`` compares one."""

    __slots__ = ("_base", "_buffer", "_mask", "_offsets", "_row_bits", "_slots")

    def __init__(self, buffer: Any, base: int, offsets: Any, slots: Any = None, row_bits: int = 0) -> None:
        offsets, slots = _items(offsets, "offsets"), _items(slots, "slots") if slots is not None else None
        if len(offsets) < 1 or base < 0 or base + offsets[-1] > len(buffer):
            raise ValueError("string offsets run past the end of the buffer")
        if slots is not None and (not len(slots) or len(slots) & (len(slots) - 1) or not 1 <= row_bits <= 31):
            raise ValueError("slots must be a power-of-two table and row_bits in 1..31")
        self._buffer, self._base, self._offsets = buffer, base, offsets
        self._slots = slots
        self._mask = len(slots) - 1 if slots is not None else 0
        self._row_bits = row_bits

    def _raw(self, i: int) -> bytes:
        at = self._base
        return self._buffer[at + self._offsets[i] : at + self._offsets[i + 1] - 1]  # type: ignore[no-any-return]

    def equals(self, i: int, text: str) -> bool:
        if not isinstance(text, str):
            raise TypeError("equals(i, text) takes a row and a str")
        if not 0 <= i < len(self._offsets) - 1:
            raise IndexError("string row out of range")
        try:
            return self._raw(i) == text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate equals no stored string
            return False

    def string(self, i: int) -> str:
        """String ``i``, decoded."""
        if not 0 <= i < len(self._offsets) - 1:
            raise IndexError("string row out of range")
        return self._raw(i).decode("utf-8", "replace")

    def decode(self, count: int) -> tuple[str, ...]:
        """The first ``count`` strings, decoded (Python only: the Python blocking verifies with them)."""
        return decode_rows(self._buffer, self._base, self._offsets, count)

    def row(self, text: str) -> int:
        """The row of ``text``, or -1."""
        if not isinstance(text, str):
            raise TypeError("key must be str")
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate is no stored string
            return -1
        slots, mask, bits = self._slots, self._mask, self._row_bits
        h = zlib.crc32(raw)
        tag, rows = h >> bits, (1 << bits) - 1
        i = h & mask
        for _ in range(mask + 1):  # a full table (only a damaged one is) ends the probe too
            slot: int = slots[i]
            if not slot:
                return -1
            if (
                slot >> bits == tag
                and 0 < slot & rows <= len(self._offsets) - 1
                and self._raw((slot & rows) - 1) == raw
            ):
                return (slot & rows) - 1
            i = (i + 1) & mask
        return -1


#: ``StringTable(buffer, base, offsets, slots=None, row_bits=0)``: C's, or :class:`PyStringTable`.
StringTable: Callable[..., Any] = _accel.implementation("StringTable", PyStringTable)


class Strings(Sequence[str]):
    """A read-only list of the strings of a blob; with a hash table, ``row_of`` finds one."""

    __slots__ = ("_base", "_bits", "_buffer", "_offsets", "_slots", "equals", "row_of", "table")

    equals: Callable[[int, str], bool]
    """``equals(i, text)``: whether string ``i`` is ``text`` (no string is decoded)."""
    row_of: Callable[[str], int]
    """``row_of(text)``: the row of ``text`` (-1 if absent); only with a hash table."""

    def __init__(self, buffer: Any, base: int, offsets: Any, slots: Any = None) -> None:
        self._buffer, self._base, self._offsets = buffer, base, offsets
        self._slots, self._bits = slots, row_bits(len(offsets) - 1) if slots is not None else 0
        table = self.make_table(StringTable)
        self.table: Any = table
        """The string table (C's or Python's) that C structures over these strings are built from."""
        self.equals = table.equals
        self.row_of = table.row

    def make_table(self, factory: Callable[..., Any]) -> Any:
        """A string table over these strings (and their hash table) made by ``factory``: C's
        ``StringTable`` or :class:`PyStringTable`."""
        return factory(self._buffer, self._base, self._offsets, self._slots, self._bits)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        return self.table.string(i)  # type: ignore[no-any-return]

    def span(self, first: int, last: int) -> list[str]:
        """Strings ``first`` to ``last`` (exclusive), decoded in one piece."""
        if first >= last:
            return []
        at, offsets = self._base, self._offsets
        return self._buffer[at + offsets[first] : at + offsets[last] - 1].decode("utf-8", "replace").split("\n")  # type: ignore[no-any-return]

    def decode_rows(self, count: int | None = None) -> tuple[str, ...]:
        """The first ``count`` strings (all by default), decoded a megabyte at a time."""
        return decode_rows(self._buffer, self._base, self._offsets, len(self) if count is None else count)


def decode_rows(buffer: Any, base: int, offsets: Any, count: int, chunk: int = 1 << 20) -> tuple[str, ...]:
    """The first ``count`` strings of a blob, decoded a megabyte at a time (no copy of the whole
    blob and no one giant string on the way: peak memory stays that of the result)."""
    out: list[str] = []
    first = 0
    while first < count:
        last = min(count, bisect_right(offsets, offsets[first] + chunk, first + 1, count + 1) - 1)
        last = max(last, first + 1)
        out += buffer[base + offsets[first] : base + offsets[last] - 1].decode("utf-8", "replace").split("\n")
        first = last
    return tuple(out)

"""Whole-column passes an index makes when it opens: section checksums, where each string of a blob
starts, and the counts, bounds, order and sums the structure checks hold a column to.

The functions here are the reference, in numpy; the C module has twins (``csrc/columns.c``), so a
process that only resolves names opens the index without importing numpy. A column is any buffer
of integers (a typed ``memoryview``, an ``array``, a numpy array); a blob is a buffer of bytes.

The checksum is a 64-bit sum of the bytes read as little-endian 64-bit words, mixed with a sum of
its 32 KB blocks weighted by position (even weights, so that no flip of a word's top bit cancels
between the two): one pass at memory speed (the shipped index of about 85 MB takes milliseconds,
where CRC-32 takes a tenth of a second), and it changes with any bit flipped, any truncation and
any block moved. It guards against damage, not against a forger (see
docs/architecture.md, "An index proves its integrity").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from .. import _accel

__all__ = ["ascending", "bounds", "checksum", "line_starts", "running_total", "strays", "total"]

_BLOCK: Final = 4096  # words per block of the position-weighted sum
_MIX: Final = 0x9E3779B97F4A7C15  # an odd constant: the two sums and the length never cancel
_MASK: Final = (1 << 64) - 1


def _values(column: Any) -> Any:
    import numpy as np

    values = np.asarray(memoryview(column))
    if values.dtype.kind not in "iu" or values.ndim != 1 or values.dtype == np.uint64:
        raise TypeError(f"a column must hold signed or unsigned integers, not {values.dtype}")
    return values


def py_checksum(data: Any) -> int:
    """The 64-bit checksum of a buffer (see the module docstring); deterministic on every platform."""
    import numpy as np

    raw = np.frombuffer(data, dtype=np.uint8)
    size = len(raw)
    count = size // 8
    words = raw[: count * 8].view("<u8")
    tail = int.from_bytes(raw[count * 8 :].tobytes(), "little")
    full = count // _BLOCK * _BLOCK
    blocks = words[:full].reshape(-1, _BLOCK).sum(axis=1, dtype=np.uint64)
    rest = (int(words[full:].sum(dtype=np.uint64)) + tail) & _MASK
    # even weights: with an odd one, a flip of a word's top bit moves ``plain`` and ``placed`` by
    # 2**63 each, and ``plain + _MIX * placed`` does not move at all
    weights = np.arange(2, 2 * len(blocks) + 1, 2, dtype=np.uint64)
    plain = (int(blocks.sum(dtype=np.uint64)) + rest) & _MASK
    placed = (int((blocks * weights).sum(dtype=np.uint64)) + rest * 2 * (len(blocks) + 1)) & _MASK
    return (plain + _MIX * placed + size * _MIX * _MIX) & _MASK


def py_line_starts(blob: Any) -> bytes:
    """The start of every newline-ended string in ``blob``, then the end, as native uint32 bytes."""
    import numpy as np

    if len(memoryview(blob).cast("B")) > 0xFFFFFFFF:
        raise ValueError("a blob over 4 GB has no 32-bit string offsets")
    ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == 10).astype(np.uint32) + 1
    return np.concatenate((np.zeros(1, dtype=np.uint32), ends)).tobytes()


def py_strays(column: Any, low: int, high: int, allow: tuple[int, ...]) -> int:
    """How many values lie outside ``low <= v < high`` and are none of ``allow`` (at most two)."""
    import numpy as np

    values = _values(column)
    bad = values[(values < low) | (values >= high)]
    return int(len(bad) - np.isin(bad, np.array(allow, dtype=np.int64)).sum())


def py_bounds(column: Any, mask: int) -> tuple[int, int]:
    """The least and the greatest of every value ``& mask`` (``-1``: the values themselves)."""
    values = _values(column).astype("i8")
    if not len(values):
        raise ValueError("an empty column has no bounds")
    if mask != -1:
        values &= mask
    return int(values.min()), int(values.max())


def py_ascending(column: Any) -> bool:
    """No value is smaller than the one before it."""
    values = _values(column)
    return not bool((values[1:] < values[:-1]).any())


def py_total(column: Any) -> int:
    """The sum of every value, exact."""
    values = _values(column)
    if values.dtype.itemsize <= 4 and len(values) < 1 << 31:  # no int64 sum of these overflows
        return int(values.sum(dtype="i8"))
    return int(values.astype(object).sum())


def py_running_total(column: Any) -> bytes:
    """The sum of the values before each row, then the total, as native uint32 bytes (modulo 2**32)."""
    import numpy as np

    first = np.zeros(len(memoryview(column)) + 1, dtype=np.uint32)
    np.cumsum(_values(column), out=first[1:], dtype=np.uint32)
    return first.tobytes()


checksum: Callable[[Any], int] = _accel.implementation("checksum", py_checksum)
line_starts: Callable[[Any], bytes] = _accel.implementation("line_starts", py_line_starts)
strays: Callable[[Any, int, int, tuple[int, ...]], int] = _accel.implementation("strays", py_strays)
bounds: Callable[[Any, int], tuple[int, int]] = _accel.implementation("bounds", py_bounds)
ascending: Callable[[Any], bool] = _accel.implementation("ascending", py_ascending)
total: Callable[[Any], int] = _accel.implementation("total", py_total)
running_total: Callable[[Any], bytes] = _accel.implementation("running_total", py_running_total)

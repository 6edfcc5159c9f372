"""The key sections of an index with an overlay's names filed in, and the keys to rank again.

The base's keys, entries and compiled answers are carried over with their rows renumbered (numpy,
no key is normalised again); only the overlay's names are filed, and only the keys their names or
places reach are ranked again (:func:`affected_keys`), with the build's own ranking.
"""

from __future__ import annotations

import zlib
from array import array
from bisect import bisect_left
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..index import Index
from ..index.blocking import char_mask, segment_hash, segments
from ..index.schema import ENTRY_TIER_BITS, NO_EXPLANATION, RANK_AT_QUERY, pack_entry
from ..index.strings import Strings, build_table, line_starts, row_bits
from ..index.strings import _table_size as table_size
from .tables import file_name

__all__ = ["KeyPatch", "affected_keys", "as_array", "patch_keys", "rebuild_blob", "remap_entries", "remap_slots"]

_DTYPE: dict[str, Any] = {"i": np.int32, "I": np.uint32, "q": np.int64, "d": np.float64, "H": np.uint16, "B": np.uint8}
_TIER_MASK = (1 << ENTRY_TIER_BITS) - 1


def as_array(typecode: str, values: Any) -> array[Any]:
    """``values`` (a numpy array or a sequence) as an :mod:`array` of ``typecode``, checked to fit."""
    data = np.asarray(values)
    out = data.astype(_DTYPE[typecode])
    if data.size and not np.array_equal(out, data):
        raise ValueError(f"values do not fit the section type {typecode!r}")
    return array(typecode, out.tobytes())


def remap_entries(values: Any, name_map: Any) -> Any:
    """Packed entries (``name_row << 2 | tier``; negative sentinels kept) with their name rows renumbered."""
    values = np.asarray(values, dtype=np.int64)
    names = name_map[np.maximum(values, 0) >> ENTRY_TIER_BITS]
    return np.where(values >= 0, (names << ENTRY_TIER_BITS) | (values & _TIER_MASK), values)


@dataclass(slots=True)
class KeyPatch:
    """The key sections of the patched index and what changed."""

    fuzzy: int
    """How many leading keys are fuzzy-matchable."""
    sections: dict[str, array[Any] | bytes]
    added: set[str]
    """Every key an overlay name is filed under."""


def patch_keys(
    base: Index, parts: dict[str, Any], name_map: Any, fresh: Iterable[tuple[int, str]], typo: Callable[[int], bool]
) -> KeyPatch:
    """The keys of ``base`` with its name rows renumbered by ``name_map`` and the ``fresh`` names
    (new row, text) filed in; a fresh name may be read from a typo where ``typo(its row)``."""
    added: list[tuple[str, int]] = []
    new_fuzzy: set[str] = set()
    for n, text in fresh:
        filed, fuzzy_key = file_name(text)
        added.extend((key, pack_entry(n, tier)) for key, tier in filed.items())
        if fuzzy_key is not None and typo(n):
            new_fuzzy.add(fuzzy_key)
    order = _KeyOrder(base.keys.text, base.keys.fuzzy, new_fuzzy, {k for k, _ in added})
    key_map, n_keys = order.key_map, len(order.src)
    ncodes = np.asarray(parts["key_ncodes"], dtype=np.int64)
    key_of = np.concatenate((np.repeat(key_map, ncodes), np.array([order.row(k) for k, _ in added], np.int64)))
    entries = np.concatenate((remap_entries(parts["key_codes"], name_map), np.array([e for _, e in added], np.int64)))
    by_key = np.lexsort((entries, key_of))  # by key, then by name row: the build files names in row order
    counts = np.bincount(key_of, minlength=n_keys)
    if counts.max(initial=0) > 0xFFFF:
        raise ValueError("a key has more than 65535 entries")
    best = np.full(n_keys, RANK_AT_QUERY, dtype=np.int64)
    best[key_map] = remap_entries(parts["key_best"], name_map)
    explain = np.full(n_keys, NO_EXPLANATION, dtype=np.int64)
    explain[key_map] = np.asarray(parts["key_explain"])
    old_text = base.keys.text
    new_keys = [(order.row(k), k) for k in order.fresh]
    slots = remap_slots(parts["key_slots"], len(old_text), key_map, n_keys, new_keys, lambda r: order.key(old_text, r))
    sections: dict[str, array[Any] | bytes] = {
        "keys_blob": rebuild_blob(parts["keys_blob"], order.src, order.fresh),
        "key_slots": slots if slots is not None else build_table(order.strings(old_text)),
        "key_ncodes": as_array("H", counts),
        "key_codes": as_array("I", entries[by_key]),
        "key_best": as_array("i", best),
        "key_explain": as_array("H", explain),
        **_fuzzy(parts, key_map[: base.keys.fuzzy], [(order.row(k), k) for k in order.fuzzy_added], order.n_fuzzy),
    }
    return KeyPatch(order.n_fuzzy, sections, {k for k, _ in added})


class _KeyOrder:
    """Where each key goes: the build orders fuzzy-matchable keys first, each part sorted. The
    base's parts are sorted already, so each added key is placed by bisection and each base key
    moves by the count of keys placed before it (no key of the base is decoded)."""

    def __init__(self, old: Strings, nf: int, new_fuzzy: set[str], added: set[str]) -> None:
        n_old = len(old)
        was = {k: old.row_of(k) for k in new_fuzzy | added}
        self.fuzzy_added = sorted(k for k in new_fuzzy if not 0 <= was[k] < nf)  # new, or moving up
        rest = sorted(k for k in added if was[k] < 0 and k not in new_fuzzy)
        moved = np.array(sorted(was[k] for k in self.fuzzy_added if was[k] >= 0), dtype=np.int64)
        fz_at = np.array([bisect_left(old, k, 0, nf) for k in self.fuzzy_added], dtype=np.int64)
        rs_at = np.array([bisect_left(old, k, nf, n_old) for k in rest], dtype=np.int64)
        self.n_fuzzy = nf + len(self.fuzzy_added)
        i = np.arange(n_old, dtype=np.int64)
        in_rest = self.n_fuzzy + (i - nf) - np.searchsorted(moved, i, "left") + np.searchsorted(rs_at, i, "right")
        self.key_map = np.where(i < nf, i + np.searchsorted(fz_at, i, "right"), in_rest)
        self._new: dict[str, int] = {}
        for t, k in enumerate(self.fuzzy_added):
            self._new[k] = int(fz_at[t]) + t
            if was[k] >= 0:
                self.key_map[was[k]] = self._new[k]
        for t, k in enumerate(rest):
            self._new[k] = self.n_fuzzy + int(rs_at[t]) - nf - int(np.searchsorted(moved, rs_at[t], "left")) + t
        self._was = was
        self.fresh = [k for k in self._new if was[k] < 0]
        """Keys the base does not have."""
        self.src = np.full(n_old + len(self.fresh), -1, dtype=np.int64)
        """New key row -> the base's row, or ``-(j + 1)`` for ``fresh[j]``."""
        self.src[self.key_map] = i
        for j, k in enumerate(self.fresh):
            self.src[self._new[k]] = -(j + 1)

    def row(self, key: str) -> int:
        """The new row of a key of the base or of an added name."""
        was = self._was.get(key, -1)
        return int(self.key_map[was]) if was >= 0 else self._new[key]

    def key(self, old: Strings, row: int) -> str:
        """The key at new ``row``."""
        was = int(self.src[row])
        return old[was] if was >= 0 else self.fresh[-was - 1]

    def strings(self, old: Strings) -> list[str]:
        return [old[s] if s >= 0 else self.fresh[-s - 1] for s in self.src.tolist()]


def rebuild_blob(blob: Any, src: Any, fresh: list[str]) -> bytes:
    """A strings blob in a new order (``src``: new row -> old row, or ``-(j + 1)`` for
    ``fresh[j]``), copied a run of consecutive old rows at a time."""
    if not len(src):
        return b""
    offsets = np.asarray(line_starts(blob), dtype=np.int64)
    view = memoryview(blob).cast("B")
    cuts = np.flatnonzero((np.diff(src) != 1) | (src[1:] < 0) | (src[:-1] < 0)) + 1
    out: list[Any] = []
    for s, e in zip([0, *cuts.tolist()], [*cuts.tolist(), len(src)], strict=True):
        first = int(src[s])
        if first >= 0:
            out.append(view[offsets[first] : offsets[int(src[e - 1]) + 1]])
        else:
            out.append((fresh[-first - 1] + "\n").encode("utf-8"))
    return b"".join(out)


def remap_slots(
    slots: Any, n_old: int, row_map: Any, n_new: int, added: Iterable[tuple[int, str]], text_of: Callable[[int], str]
) -> array[int] | None:
    """The hash table of a string table whose rows moved (``row_map``) and grew by ``added`` (new
    row, text; ``text_of`` gives the text of a new row), or ``None`` when it must be built afresh (a
    table of another size or slot layout). As in a fresh table, a string stored twice is found at
    its first row."""
    if table_size(n_new) != len(slots) or row_bits(n_new) != row_bits(n_old):
        return None
    bits = row_bits(n_new)
    rows = (1 << bits) - 1
    old = np.asarray(slots, dtype=np.int64)
    out = np.where(old != 0, (row_map[np.maximum((old & rows) - 1, 0)] + 1) | (old & ~rows), 0)
    mask = len(out) - 1
    for row, text in added:
        h = zlib.crc32(text.encode("utf-8"))
        i = h & mask
        while out[i]:
            have = int(out[i] & rows) - 1
            if int(out[i]) >> bits == h >> bits and text_of(have) == text:
                out[i] = min(have, row) + 1 | (h >> bits) << bits
                break
            i = (i + 1) & mask
        else:
            out[i] = (row + 1) | (h >> bits) << bits
    return as_array("I", out)


def _fuzzy(parts: dict[str, Any], moved: Any, new: list[tuple[int, str]], count: int) -> dict[str, array[Any] | bytes]:
    """The blocking sections: the base's segments under the keys' new rows (which keeps their
    order: rows only move up, in order), the new keys' segments merged in."""
    pairs = sorted(
        (segment_hash(len(k), part, k[s:e]) << 32 | row)
        for row, k in new
        for part, (s, e) in enumerate(segments(len(k)))
    )
    refs = moved[np.asarray(parts["fuzzy_ref"], dtype=np.int64)].astype(np.uint64)
    old = np.asarray(parts["fuzzy_hash"], dtype=np.uint64) << np.uint64(32) | refs
    added = np.array(pairs, dtype=np.uint64)
    both = np.insert(old, np.searchsorted(old, added), added)
    mask = np.zeros(count, dtype=np.int64)
    mask[moved] = np.asarray(parts["fuzzy_mask"])
    for row, key in new:
        mask[row] = char_mask(key)
    return {
        "fuzzy_hash": as_array("I", both >> np.uint64(32)),
        "fuzzy_ref": as_array("I", both & np.uint64(0xFFFFFFFF)),
        "fuzzy_mask": as_array("I", mask),
    }


def affected_keys(index: Index, added: Collection[str], places: Iterable[int]) -> set[int]:
    """The keys whose compiled answer the overlay may change: every key of a name filed under a key
    an overlay name (or policy entry) has (a bare query reaches candidates through its normalised,
    folded and transliterated keys), and every key of a place whose prominence changed."""
    keys, text = index.keys, index.names.text
    rows: set[int] = set()
    names: set[int] = set()
    for key in added:
        row = keys.row_of(key)
        if row >= 0:
            rows.add(row)
            names.update(n for n, _ in keys.entries(row))
    for place in places:
        names.update(index.places.names_of(place))
    for n in names:
        rows.update(keys.row_of(key) for key in file_name(text[n])[0])
    rows.discard(-1)
    return rows

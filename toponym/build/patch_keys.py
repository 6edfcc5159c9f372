"""The key sections of an index with an overlay's names filed in, and the keys to rank again.

The base's keys, entries and compiled answers are carried over with their rows renumbered (numpy,
no key is normalised again); only the overlay's names are filed, and only the keys their names or
places reach are ranked again (:func:`affected_keys`), with the build's own ranking.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..index import Index
from ..index.blocking import char_mask, segment_hash, segments
from ..index.schema import ENTRY_TIER_BITS, NO_EXPLANATION, RANK_AT_QUERY, pack_entry
from ..index.strings import build_table
from .tables import _blob, file_name

__all__ = ["KeyPatch", "affected_keys", "as_array", "patch_keys", "remap_entries"]

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

    ordered: list[str]
    """The keys in index order: fuzzy-matchable keys first, each part sorted (as the build orders them)."""
    fuzzy: int
    sections: dict[str, array[Any] | bytes]
    added: set[str]
    """Every key an overlay name is filed under."""


def patch_keys(base: Index, parts: dict[str, Any], name_map: Any, fresh: Iterable[tuple[int, str]]) -> KeyPatch:
    """The keys of ``base`` with its name rows renumbered by ``name_map`` and the ``fresh`` names
    (new row, text) filed in."""
    old_keys = base.keys.text.decode_rows()
    n_old_fuzzy = base.keys.fuzzy
    added: list[tuple[str, int]] = []
    new_fuzzy: set[str] = set()
    for n, text in fresh:
        filed, fuzzy_key = file_name(text)
        added.extend((key, pack_entry(n, tier)) for key, tier in filed.items())
        if fuzzy_key is not None:
            new_fuzzy.add(fuzzy_key)
    old_fuzzy = set(old_keys[:n_old_fuzzy])
    fuzzy = sorted(old_fuzzy | new_fuzzy)
    fuzzy_set = set(fuzzy)
    rest = {k for k in old_keys[n_old_fuzzy:] if k not in fuzzy_set} | {k for k, _ in added if k not in fuzzy_set}
    ordered = fuzzy + sorted(rest)
    pos = {key: row for row, key in enumerate(ordered)}
    key_map = np.fromiter((pos[k] for k in old_keys), dtype=np.int64, count=len(old_keys))

    ncodes = np.asarray(parts["key_ncodes"], dtype=np.int64)
    key_of = np.concatenate((np.repeat(key_map, ncodes), np.array([pos[k] for k, _ in added], dtype=np.int64)))
    entries = np.concatenate((remap_entries(parts["key_codes"], name_map), np.array([e for _, e in added], np.int64)))
    order = np.lexsort((entries, key_of))  # by key, then by name row: the build files names in row order
    counts = np.bincount(key_of, minlength=len(ordered))
    if counts.max(initial=0) > 0xFFFF:
        raise ValueError("a key has more than 65535 entries")
    best = np.full(len(ordered), RANK_AT_QUERY, dtype=np.int64)
    best[key_map] = remap_entries(parts["key_best"], name_map)
    explain = np.full(len(ordered), NO_EXPLANATION, dtype=np.int64)
    explain[key_map] = np.asarray(parts["key_explain"])
    sections: dict[str, array[Any] | bytes] = {
        "keys_blob": _blob(ordered),
        "key_slots": build_table(ordered),
        "key_ncodes": as_array("H", counts),
        "key_codes": as_array("I", entries[order]),
        "key_best": as_array("i", best),
        "key_explain": as_array("H", explain),
        **_fuzzy(parts, key_map[:n_old_fuzzy], [(pos[k], k) for k in fuzzy if k not in old_fuzzy], len(fuzzy)),
    }
    return KeyPatch(ordered, len(fuzzy), sections, {k for k, _ in added})


def _fuzzy(parts: dict[str, Any], moved: Any, new: list[tuple[int, str]], count: int) -> dict[str, array[Any] | bytes]:
    """The blocking sections: the base's segments under the keys' new rows, the new keys' added."""
    pairs = [
        (segment_hash(len(k), part, k[s:e]), row) for row, k in new for part, (s, e) in enumerate(segments(len(k)))
    ]
    hashes = np.concatenate(
        (np.asarray(parts["fuzzy_hash"], dtype=np.int64), np.array([h for h, _ in pairs], np.int64))
    )
    refs = np.concatenate(
        (moved[np.asarray(parts["fuzzy_ref"], dtype=np.int64)], np.array([r for _, r in pairs], np.int64))
    )
    order = np.lexsort((refs, hashes))
    mask = np.zeros(count, dtype=np.int64)
    mask[moved] = np.asarray(parts["fuzzy_mask"])
    for row, key in new:
        mask[row] = char_mask(key)
    return {
        "fuzzy_hash": as_array("I", hashes[order]),
        "fuzzy_ref": as_array("I", refs[order]),
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

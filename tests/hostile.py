"""Damaged copies of an index file: what a disk, a copy cut short or a careless tool makes of one.

:func:`damaged` derives, from the bytes of one intact index, a deterministic corpus of variants
(truncations, bit flips everywhere, header and section-table mutations, sections swapped, bytes
appended): each must be refused with ``IndexFormatError`` or, where the damage is invisible (a
flip in a byte no reader uses), answer as the intact index does. :func:`forged` makes variants
whose checksums are made valid again after the damage, as a tool that rewrites an index without
understanding it would: each must be refused or answer without any other error, hang or crash
(its answers may differ: an index is trusted for what it says, not for whether it holds).

:func:`text_damage` breaks the structure of the text lexicon's sections (the scan reads them in C)
and reseals the checksums: each must be refused, since a reader would index outside a table or
probe for ever.

``scripts/gen_hostile_indexes.py`` writes the corpora to a folder; ``tests/unit/test_hostile.py``
runs them.
"""

from __future__ import annotations

import random
import struct
from collections.abc import Iterator

from toponym.index.columns import checksum
from toponym.index.format import _ENTRY, _FIXED, _META_AT, _TABLE_AT
from toponym.index.schema import MAGIC, SECTIONS

__all__ = ["damaged", "forged", "reseal", "sections_of", "text_damage"]


def sections_of(data: bytes) -> list[tuple[int, int]]:
    """(offset, length) of every section, as the intact index's table gives them."""
    return [(start, length) for start, length, _ in _ENTRY.iter_unpack(data[_TABLE_AT:_META_AT])]


def _flip(data: bytes, at: int, bit: int = 0) -> bytes:
    out = bytearray(data)
    out[at] ^= 1 << bit
    return bytes(out)


def _put(data: bytes, at: int, raw: bytes) -> bytes:
    return data[:at] + raw + data[at + len(raw) :]


def _entry_at(i: int) -> int:
    return _TABLE_AT + _ENTRY.size * i


def _truncations(data: bytes, parts: list[tuple[int, int]]) -> Iterator[tuple[str, bytes]]:
    cuts = {
        0,
        1,
        len(MAGIC),
        len(MAGIC) + 4,
        _TABLE_AT,
        _TABLE_AT + 5,
        _META_AT,
        _META_AT + 1,
        len(data) - 1,
        len(data) - 8,
    }
    for start, length in parts[::3]:
        cuts |= {start, start + length // 2}
    for cut in sorted(c for c in cuts if 0 <= c < len(data)):
        yield f"truncated at {cut}", data[:cut]


def _flips(data: bytes, parts: list[tuple[int, int]], rng: random.Random) -> Iterator[tuple[str, bytes]]:
    for at in (len(MAGIC), len(MAGIC) + 4, len(MAGIC) + 12, _TABLE_AT + 3, _TABLE_AT + 8, _META_AT, _META_AT + 40):
        yield f"bit flipped at {at}", _flip(data, at, rng.randrange(8))
    for s, (start, length) in zip(SECTIONS, parts, strict=True):
        if not length:
            continue
        for at in {start, start + length // 2, start + length - 1}:
            yield f"bit flipped in {s.name} at {at}", _flip(data, at, rng.randrange(8))
    meta_end = parts[0][0]
    for _ in range(6):
        at = rng.randrange(_META_AT, meta_end)
        yield f"bit flipped in the meta at {at}", _flip(data, at, rng.randrange(8))
    for start, length in parts:
        if (start + length) % 8:  # a padding byte after a section
            yield f"bit flipped in padding at {start + length}", _flip(data, start + length, 0)
            break


def _header(data: bytes, parts: list[tuple[int, int]]) -> Iterator[tuple[str, bytes]]:
    fmt, meta_len, _ = _FIXED.unpack(data[len(MAGIC) : _TABLE_AT])
    yield "magic changed", b"X" + data[1:]
    for value in (0, fmt - 1, fmt + 1, 2**32 - 1):
        yield f"format {value}", _put(data, len(MAGIC), struct.pack("<I", value))
    for value in (0, 1, meta_len - 1, meta_len + 1, len(data), 2**31, 2**40, 2**64 - 1):
        yield f"meta length {value}", _put(data, len(MAGIC) + 4, struct.pack("<Q", value))
    yield "head checksum zeroed", _put(data, len(MAGIC) + 12, bytes(8))
    last = len(parts) - 1
    for i in (0, 1, last // 2, last):
        length = parts[i][1]
        at = _entry_at(i)
        for what, raw in (
            ("offset 0", struct.pack("<Q", 0)),
            ("offset past the end", struct.pack("<Q", len(data) + 8)),
            ("offset 2**62", struct.pack("<Q", 2**62)),
            ("length 2**40", struct.pack("<Q", 2**40)),
            ("length + 8", struct.pack("<Q", length + 8)),
        ):
            where = at if what.startswith("offset") else at + 8
            yield f"section {SECTIONS[i].name} {what}", _put(data, where, raw)


def _swaps(data: bytes, parts: list[tuple[int, int]]) -> Iterator[tuple[str, bytes]]:
    """Two table entries swapped, and the contents of two sections of one size swapped."""
    for i, j in ((0, 1), (6, 7), (20, 23), (31, 32)):
        a, b = _entry_at(i), _entry_at(j)
        row_a, row_b = data[a : a + _ENTRY.size], data[b : b + _ENTRY.size]
        yield f"table entries {SECTIONS[i].name} and {SECTIONS[j].name} swapped", _put(_put(data, a, row_b), b, row_a)
    by_size: dict[int, list[int]] = {}
    for i, (_, length) in enumerate(parts):
        by_size.setdefault(length, []).append(i)
    for same in by_size.values():
        if len(same) > 1 and parts[same[0]][1]:
            i, j = same[0], same[1]
            (sa, la), (sb, _) = parts[i], parts[j]
            swapped = _put(_put(data, sa, data[sb : sb + la]), sb, data[sa : sa + la])
            if swapped != data:
                yield f"sections {SECTIONS[i].name} and {SECTIONS[j].name} swapped", swapped


def damaged(data: bytes, seed: int = 14) -> list[tuple[str, bytes]]:
    """The damage corpus of the intact index ``data``: (what was done, the bytes)."""
    rng = random.Random(seed)
    parts = sections_of(data)
    out = [
        *_truncations(data, parts),
        *_flips(data, parts, rng),
        *_header(data, parts),
        *_swaps(data, parts),
        ("a byte appended", data + b"\0"),
        ("a page appended", data + bytes(4096)),
        ("empty", b""),
        ("all zero", bytes(len(data))),
        ("another file", b"#!/bin/sh\necho hello\n" * 50),
    ]
    for n in range(8):  # random bytes over a random stretch, anywhere
        at, size = rng.randrange(len(data)), rng.randrange(1, 64)
        out.append((f"{size} random bytes at {at} (#{n})", _put(data, at, rng.randbytes(size))[: len(data)]))
    return out


def reseal(data: bytes) -> bytes:
    """``data`` with every checksum recomputed (what a forger or a blind rewriting tool does)."""
    out = bytearray(data)
    _, meta_len, _ = _FIXED.unpack(out[len(MAGIC) : _TABLE_AT])
    for i, (start, length, _) in enumerate(_ENTRY.iter_unpack(bytes(out[_TABLE_AT:_META_AT]))):
        _ENTRY.pack_into(out, _entry_at(i), start, length, checksum(bytes(out[start : start + length])))
    head = checksum(bytes(out[_TABLE_AT : _META_AT + meta_len]))
    _FIXED.pack_into(out, len(MAGIC), *_FIXED.unpack(out[len(MAGIC) : _TABLE_AT])[:2], head)
    return bytes(out)


def forged(data: bytes, seed: int = 41) -> list[tuple[str, bytes]]:
    """Damage inside the sections with the checksums made valid again: every section's first,
    middle and last words set to extremes, and runs of random bytes."""
    rng = random.Random(seed)
    out = []
    for s, (start, length) in zip(SECTIONS, sections_of(data), strict=True):
        if not length:
            continue
        for value in (b"\xff" * 8, b"\x00" * 8, b"\x7f\xff\xff\xff" * 2):
            for at in {start, start + (length // 2) // 8 * 8}:
                raw = value[: min(8, start + length - at)]
                out.append((f"{s.name} at {at} set to {value[:4].hex()}, resealed", reseal(_put(data, at, raw))))
        at = start + rng.randrange(length)
        size = min(rng.randrange(1, 32), start + length - at)
        out.append((f"{size} random bytes in {s.name} at {at}, resealed", reseal(_put(data, at, rng.randbytes(size)))))
    return out


def _section(data: bytes, name: str) -> tuple[int, int, int]:
    """(table position, offset, length) of the section ``name``."""
    i = next(k for k, s in enumerate(SECTIONS) if s.name == name)
    start, length = sections_of(data)[i]
    return _entry_at(i), start, length


def _resized(data: bytes, name: str, length: int) -> bytes:
    at = _section(data, name)[0]
    return _put(data, at + 8, struct.pack("<Q", length))


def text_damage(data: bytes) -> list[tuple[str, bytes]]:
    """The text lexicon's sections made to disagree with each other, checksums resealed."""
    out: list[tuple[str, bytes]] = []
    _, blob, blob_len = _section(data, "text_blob")
    _, slots, slots_len = _section(data, "text_slots")
    _, flags, flags_len = _section(data, "text_flags")
    count = data[blob : blob + blob_len].count(b"\n")
    for name, length in (("text_flags", flags_len), ("text_rank", _section(data, "text_rank")[2])):
        out.append((f"{name} a row short", _resized(data, name, length - 1)))
        out.append((f"{name} empty", _resized(data, name, 0)))
    out.append(("text_slots not a power of two", _resized(data, "text_slots", slots_len - 4)))
    out.append(("text_slots empty", _resized(data, "text_slots", 0)))
    out.append(("text_slots without an empty slot", _put(data, slots, struct.pack("<I", 1) * (slots_len // 4))))
    out.append(("a text slot past the strings", _put(data, slots, struct.pack("<I", count + 1))))
    out.append(("a text slot at the largest row", _put(data, slots, struct.pack("<I", 2**31 - 1))))
    first = data.index(b"\n", blob)
    out.append(("a text string's end removed", _put(data, first, b"x")))
    out.append(("a text string's end added", _put(data, blob, b"\n")))
    out.append(("text_flags holding 255", _put(data, flags, b"\xff")))
    out.append(("text_flags holding 4", _put(data, flags + flags_len - 1, b"\x04")))
    return [(what, reseal(raw)) for what, raw in out]

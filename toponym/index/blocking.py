"""Fuzzy blocking: which stored keys may lie within a few edits of a query, found without a scan.

Each fuzzy-matchable key (5+ characters, not Han) is cut into three segments; a query within two
edits keeps one intact (pigeonhole), or, when one edit swaps the letters either side of a segment
boundary, keeps the first or last segment intact but for that letter (see :func:`probe_plan`). The
hash of every segment of every key is stored sorted, with the key it belongs to; a query looks up
the hashes of its probes. :class:`PyBlocking` is the reference; C's ``Blocking`` has the same
interface and also computes each candidate's distance straight from the key blob.
"""

from __future__ import annotations

import functools
import struct
import threading
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from typing import Any, TypeVar

from .. import _accel
from .schema import BLOOM_BYTES, BLOOM_SHIFT, CHAR_MASK_LETTERS, CHAR_MASK_OTHER, DIRECTORY_SHIFT

__all__ = [
    "FUZZY_MIN_LEN",
    "FUZZY_SEGMENTS",
    "Blocking",
    "FuzzyKeys",
    "PyBlocking",
    "char_mask",
    "key_edits",
    "packed_plan",
    "probe_hashes",
    "probe_plan",
    "segment_hash",
    "segments",
]

#: A key of length L is cut into this many segments; a query within ``FUZZY_SEGMENTS - 1`` edits
#: keeps at least one of them intact (pigeonhole principle).
FUZZY_SEGMENTS = 3
FUZZY_MIN_LEN = 5
#: Posting lists this short are gathered in Python; longer ones with numpy.
_PLAIN_GATHER = 64


def key_edits(length: int) -> int:
    """Edits a stored key of ``length`` characters tolerates: none below five, one at five, two
    from six (a five-letter name two edits off is two fifths another word)."""
    if length < FUZZY_MIN_LEN:
        return 0
    return 1 if length < 6 else 2


def segments(length: int) -> list[tuple[int, int]]:
    """Start and end of each blocking segment of a key of ``length`` characters.

    >>> segments(9)
    [(0, 3), (3, 6), (6, 9)]
    """
    bounds = [length * i // FUZZY_SEGMENTS for i in range(FUZZY_SEGMENTS + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(FUZZY_SEGMENTS)]


@functools.lru_cache(maxsize=1024)
def _segment_seed(length: int, part: int) -> int:
    return zlib.crc32(f"{length}\x1f{part}\x1f".encode())


def segment_hash(length: int, part: int, text: str) -> int:
    """Stable 32-bit hash of one blocking segment (Python's own ``hash`` is salted per process).

    Equal to CRC-32 of ``f"{length}\x1f{part}\x1f{text}"``, continued from a cached prefix.
    """
    return zlib.crc32(text.encode("utf-8"), _segment_seed(length, part))


def char_mask(text: str) -> int:
    """32-bit set of the characters in ``text`` (a-z exactly; every other character folded into 6 bits).

    One edit adds at most one bit to either side's set, so of two keys within ``k`` edits neither
    has more than ``k`` bits the other lacks: a cheap filter that never drops a true match.
    """
    mask = 0
    for ch in text:
        o = ord(ch)
        if 97 <= o <= 122:
            mask |= 1 << (o - 97)
        else:
            mask |= 1 << (CHAR_MASK_LETTERS + o % CHAR_MASK_OTHER)
    return mask


@functools.lru_cache(maxsize=256)
def probe_plan(n: int, max_edits: int) -> tuple[tuple[int, int, int, int], ...]:
    """Which pieces of a query of ``n`` characters to look up: ``(seed, start, end, swap)``.

    The probe text is ``query[start:end]`` when ``swap`` is 0. An intact segment of a stored key
    of length L sits in the query shifted by the length change the edits before it made, so the
    first segment cannot move, the last moves by exactly ``n - L``, and a middle one by ``s`` with
    ``|s| + |n - L - s| <= max_edits``.

    A transposition of the two letters either side of a segment boundary is one edit that breaks
    two segments, so with two edits all three may break ("chaunwagn" for "chuanwang"). Then the
    first segment is intact but for its last letter, which the query holds one place later, or
    the last segment is intact but for its first letter, which the query holds one place earlier
    (whichever boundary the transposition did not cross, or the first if it crossed both; the
    other edit is elsewhere). ``swap`` 1 probes ``query[start:end - 1] + query[end]`` for the
    first segment and ``swap`` -1 ``query[start - 1] + query[start + 1:end]`` for the last, which
    makes the blocking exact for every key within two optimal-string-alignment edits.
    """
    plan: list[tuple[int, int, int, int]] = []
    for length in range(max(FUZZY_MIN_LEN, n - max_edits), n + max_edits + 1):
        edits = min(max_edits, key_edits(length))  # a stored key tolerates what its own length allows
        d = n - length
        if abs(d) > edits:
            continue
        parts = segments(length)
        last = len(parts) - 1
        for part, (start, end) in enumerate(parts):
            if part == 0:
                shifts: range | tuple[int, ...] = (0,)
            elif part == last:
                shifts = (d,)
            else:
                shifts = range(-edits, edits + 1)
            for shift in shifts:
                pos = start + shift
                if abs(shift) + abs(d - shift) <= edits and pos >= 0 and pos + end - start <= n:
                    plan.append((_segment_seed(length, part), pos, pos + end - start, 0))
        # the transposition is one edit: the other may change the length by one at most
        if edits >= 2 and abs(d) <= edits - 1:
            (_, b1), (b2, _) = parts[0], parts[last]
            if b1 < n:
                plan.append((_segment_seed(length, 0), 0, b1, 1))
            if b2 + d >= 1:
                plan.append((_segment_seed(length, last), b2 + d, n, -1))
    return tuple(plan)


@functools.lru_cache(maxsize=256)
def packed_plan(n: int, max_edits: int) -> bytes:
    """:func:`probe_plan` as 32-bit quadruples (seed, start, end, swap), the form a Blocking reads."""
    return b"".join(struct.pack("=Iiii", *step) for step in probe_plan(n, max_edits))


@functools.lru_cache(maxsize=256)
def _unpacked(plan: bytes) -> tuple[tuple[int, int, int, int], ...]:
    return tuple(struct.iter_unpack("=Iiii", plan))


_Text = TypeVar("_Text", str, bytes)


def _probe_piece(text: _Text, start: int, end: int, swap: int) -> _Text:
    """A boundary-swap probe (``swap`` ±1, see :func:`probe_plan`); plain probes are plain slices."""
    if swap > 0:
        return text[start : end - 1] + text[end : end + 1]
    return text[start - 1 : start] + text[start + 1 : end]


def _plan_hashes(key: str, plan: tuple[tuple[int, int, int, int], ...]) -> list[int]:
    crc32 = zlib.crc32
    raw = key.encode("utf-8")
    if len(raw) == len(key):  # ASCII: character positions are byte positions
        return [crc32(raw[a:b] if not swap else _probe_piece(raw, a, b, swap), seed) for seed, a, b, swap in plan]
    return [
        crc32((key[a:b] if not swap else _probe_piece(key, a, b, swap)).encode("utf-8"), seed)
        for seed, a, b, swap in plan
    ]


def probe_hashes(key: str, max_edits: int) -> list[int]:
    """The :func:`segment_hash` of every blocking probe of ``key`` (see :func:`probe_plan`)."""
    return _plan_hashes(key, probe_plan(len(key), max_edits))


def py_lookup_aids(hashes: Any) -> tuple[bytes, bytes]:
    """A directory of where each value of the hashes' top bits begins (native uint32), and a bloom
    filter (one bit per value of bits 8–31, about 4 % of them set): a probe then bisects a handful
    of entries, and most probes of a garbled query stop at the filter. Built on first fuzzy use
    (3 MB); the C twin spares a process numpy."""
    import numpy as np

    sorted_hashes = np.frombuffer(hashes, dtype=np.uint32)
    # the bucket starts, all below 2**32: compared in the haystack's own dtype
    starts = np.arange(1 << (32 - DIRECTORY_SHIFT), dtype=np.uint64) << DIRECTORY_SHIFT
    directory = np.empty(len(starts) + 1, dtype=np.uint32)
    directory[:-1] = np.searchsorted(sorted_hashes, starts.astype(np.uint32))
    directory[-1] = len(sorted_hashes)
    # set bit (h >> 8) of a 2**24-bit map, built in 32-bit words (no 16 MB array of flags)
    words = np.zeros(BLOOM_BYTES // 4, dtype=np.uint32)
    bit = sorted_hashes >> BLOOM_SHIFT
    np.bitwise_or.at(words, bit >> 5, np.left_shift(np.uint32(1), bit & 31))
    return directory.tobytes(), words.astype("<u4").tobytes()


_lookup_aids: Callable[[Any], tuple[bytes, bytes]] = _accel.implementation("lookup_aids", py_lookup_aids)


def lookup_aids(hashes: Any) -> tuple[memoryview, bytes]:
    """:func:`py_lookup_aids` (or its C twin), the directory as a memoryview of uint32."""
    directory, bloom = _lookup_aids(hashes)
    return memoryview(directory).cast("I"), bloom


class PyBlocking:
    """The fuzzy candidates of a query and their verified distances (the reference implementation).

    ``keys`` is the string table of the key blob, whose leading rows are the fuzzy keys.
    """

    def __init__(self, hashes: Any, refs: Any, masks: Any, directory: Any, bloom: bytes, shift: int, keys: Any) -> None:
        self._hashes, self._refs, self._masks = hashes, refs, masks
        self._directory, self._bloom, self._shift = directory, bloom, shift
        self._keys = keys
        self._decoded: tuple[str, ...] | None = None

    def candidates(self, key: str, plan: bytes, max_edits: int) -> list[int]:
        """Fuzzy-list positions of stored keys that may lie within ``max_edits`` of ``key``: every
        probe of ``plan`` looked up, the runs gathered, the character-mask filter applied, first
        occurrences kept in order. A superset: verify each with a real distance."""
        hashes, refs, masks, directory, bloom = self._hashes, self._refs, self._masks, self._directory, self._bloom
        runs: list[tuple[int, int]] = []
        total = 0
        for h in _plan_hashes(key, _unpacked(plan)):
            if not bloom[h >> 11] >> (h >> BLOOM_SHIFT & 7) & 1:  # most probes of a garbled query end here
                continue
            b = h >> self._shift
            lo, hi = directory[b], directory[b + 1]
            i = bisect_left(hashes, h, lo, hi)
            if i == hi or hashes[i] != h:
                continue
            j = bisect_right(hashes, h, i + 1, hi)
            runs.append((i, j))
            total += j - i
        if not total:
            return []
        # each edit brings at most one character the other side lacks (a substitution one each
        # way, an insertion or deletion one way, a transposition none): at most ``max_edits`` bits
        # of either mask are missing from the other
        mask = char_mask(key)
        absent = ~mask & 0xFFFFFFFF
        if total <= _PLAIN_GATHER:
            return list(
                dict.fromkeys(
                    r
                    for i, j in runs
                    for r in refs[i:j]
                    if (masks[r] & absent).bit_count() <= max_edits and (mask & ~masks[r]).bit_count() <= max_edits
                )
            )
        import numpy as np  # deferred: exact lookups never pay for it

        np_refs, np_masks = np.frombuffer(refs, dtype=np.uint32), np.frombuffer(masks, dtype=np.uint32)
        found = np.concatenate([np_refs[i:j] for i, j in runs])
        theirs = np_masks[found]
        keep = np.bitwise_count(theirs & np.uint32(absent)) <= max_edits
        keep &= np.bitwise_count(np.uint32(mask) & ~theirs) <= max_edits
        return list(dict.fromkeys(found[keep].tolist()))

    def near(self, key: str, plan: bytes, max_edits: int) -> list[tuple[int, int, int]]:
        """``(position, distance, length)`` of every candidate within ``max_edits``
        optimal-string-alignment edits of ``key``, nearest first, ties in candidate order."""
        positions = self.candidates(key, plan, max_edits)
        if not positions:
            return []
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import extract

        pool = list(map(self._fuzzy_keys().__getitem__, positions))
        return [
            (positions[i], int(d), len(k))
            for k, d, i in extract(key, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=None)
        ]

    def _fuzzy_keys(self) -> tuple[str, ...]:
        """The fuzzy keys decoded once (about 35 MB: slicing each candidate out of the map instead
        cost a fifth of every fuzzy query)."""
        if self._decoded is None:
            self._decoded = self._keys.decode(len(self._masks))
        return self._decoded


#: ``Blocking(hashes, refs, masks, directory, bloom, shift, keys)``: C's, or :class:`PyBlocking`.
Blocking: Callable[..., Any] = _accel.implementation("Blocking", PyBlocking)


class FuzzyKeys:
    """The fuzzy-matchable keys of an index, with their blocking tables (aids built on first use)."""

    def __init__(self, hashes: Any, refs: Any, masks: Any, keys_table: Any) -> None:
        self._tables = (hashes, refs, masks)
        self._keys_table = keys_table
        self._blocking: Any = None
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._tables[2])

    def _get(self) -> Any:
        blocking = self._blocking
        if blocking is None:
            with self._lock:
                if self._blocking is None:
                    hashes, refs, masks = self._tables
                    directory, bloom = lookup_aids(hashes)
                    self._blocking = Blocking(hashes, refs, masks, directory, bloom, DIRECTORY_SHIFT, self._keys_table)
                blocking = self._blocking
        return blocking

    def candidates(self, key: str, max_edits: int) -> list[int]:
        """Key rows that may lie within ``max_edits`` of ``key`` (a superset; see :class:`PyBlocking`)."""
        return self._get().candidates(key, packed_plan(len(key), max_edits), max_edits)  # type: ignore[no-any-return]

    def near(self, key: str, max_edits: int) -> list[tuple[int, int, int]]:
        """``(key row, distance, key length)`` of every fuzzy key within ``max_edits`` of ``key``,
        nearest first."""
        return self._get().near(key, packed_plan(len(key), max_edits), max_edits)  # type: ignore[no-any-return]

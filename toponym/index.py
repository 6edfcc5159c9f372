"""The compiled index: read-only lookup tables, and the only module that knows how they are stored.

Layout of an index file::

    MAGIC | format (u32) | meta length (u64) | meta | sections...

``meta`` is a ``marshal`` blob of the small tables (one row per place, the policy) plus a table of
sections. The large tables — names, lookup keys, their entries, the fuzzy blocking arrays — are
flat sections read straight from a memory map, so opening an index costs milliseconds and
memory is shared with the page cache. Lookup keys live in an open-addressing hash table keyed by
CRC-32 of their UTF-8 bytes; ``marshal`` cannot run code when it loads, unlike ``pickle``.
"""

from __future__ import annotations

import functools
import marshal
import mmap
import re
import struct
import threading
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from . import _accel, registry
from ._make import make_place
from .errors import IndexFormatError, UnknownPlaceError
from .model import EMPTY, NAME_TYPES, Place, PlaceName, ReadOnlyDict

__all__ = [
    "FORMAT",
    "FUZZY_MIN_LEN",
    "NO_FUZZY_SCRIPTS",
    "TIER_FOLDED",
    "TIER_NORMAL",
    "TIER_TRANSLIT",
    "Index",
    "IndexTables",
    "format_of",
    "key_edits",
    "probe_hashes",
    "segment_hash",
    "segments",
]

FORMAT = 3
_MAGIC = b"TOPONYM-INDEX\n"

#: Which key of a stored name an entry was filed under (see :mod:`toponym.normalize`).
TIER_NORMAL, TIER_FOLDED, TIER_TRANSLIT = 0, 1, 2

#: Fuzzy blocking: a key of length L is cut into this many segments; a query within
#: ``FUZZY_SEGMENTS - 1`` edits keeps at least one of them intact (pigeonhole principle).
FUZZY_SEGMENTS = 3
FUZZY_MIN_LEN = 5
#: Scripts never fuzzy-matched: one Han character is a whole word, so an "edit" is another name.
NO_FUZZY_SCRIPTS = frozenset({"Han", "Mixed"})

_ARRAY_SECTIONS = {
    "place_parent": "i",
    "place_country": "i",
    "place_population": "q",
    "place_first_name": "I",
    "name_place": "I",
    "name_lang": "H",
    "name_persp": "H",
    "key_ncodes": "H",
    "key_codes": "I",
    "key_slots": "I",
    "key_best": "i",
    "key_count": "B",
    "fuzzy_hash": "I",
    "fuzzy_ref": "I",
    "fuzzy_mask": "I",
}
#: Fuzzy lookups start from a directory indexed by a probe hash's top bits (2**14 hashes per entry).
_DIRECTORY_SHIFT = 14
#: Posting lists this short are gathered in Python; longer ones with numpy.
_PLAIN_GATHER = 64
#: ``key=value;key=value``: a place's codes as stored.
_CODE = re.compile(r"([^=;]+)=([^;]*)")
_BLOB_SECTIONS = ("names_blob", "keys_blob", "name_type", "name_curated", "name_rank")


def key_edits(length: int) -> int:
    """Edits a stored key of ``length`` characters tolerates: none below five, one at five, two
    from six (a five-letter name two edits off is two fifths another word)."""
    if length < FUZZY_MIN_LEN:
        return 0
    return 1 if length < 6 else 2


@functools.lru_cache(maxsize=256)
def _probe_plan(n: int, max_edits: int) -> tuple[tuple[int, int, int, int], ...]:
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
def _packed_plan(n: int, max_edits: int) -> bytes:
    """:func:`_probe_plan` as 32-bit quadruples (seed, start, end, swap), the form the C blocking reads."""
    return b"".join(struct.pack("=Iiii", *step) for step in _probe_plan(n, max_edits))


def probe_hashes(key: str, max_edits: int) -> list[int]:
    """The :func:`segment_hash` of every blocking probe of ``key`` (see :func:`_probe_plan`).

    Which stored keys may lie within ``max_edits`` of ``key`` is this function's matter alone;
    :meth:`Index.fuzzy_candidates` only gathers the keys whose segments these hashes are.
    """
    crc32 = zlib.crc32
    plan = _probe_plan(len(key), max_edits)
    raw = key.encode("utf-8")
    if len(raw) == len(key):  # ASCII: character positions are byte positions
        return [
            crc32(raw[start:end] if not swap else _probe_piece(raw, start, end, swap), seed)
            for seed, start, end, swap in plan
        ]
    return [
        crc32((key[start:end] if not swap else _probe_piece(key, start, end, swap)).encode("utf-8"), seed)
        for seed, start, end, swap in plan
    ]


_Text = TypeVar("_Text", str, bytes)


def _probe_piece(text: _Text, start: int, end: int, swap: int) -> _Text:
    """A boundary-swap probe (``swap`` ±1, see :func:`_probe_plan`); plain probes are plain slices."""
    if swap > 0:
        return text[start : end - 1] + text[end : end + 1]
    return text[start - 1 : start] + text[start + 1 : end]


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
            mask |= 1 << (26 + o % 6)
    return mask


@dataclass(slots=True)
class IndexTables:
    """Everything :mod:`toponym.compile` hands to :meth:`Index.build`: plain Python values."""

    meta: dict[str, Any]
    arrays: dict[str, array[int]]
    blobs: dict[str, bytes]


class _Strings(Sequence[str]):
    """A read-only list of strings stored as one UTF-8 blob, each ended by a newline, plus offsets.

    Slices come straight from the buffer that holds the blob (a memory map or ``bytes``), at
    ``base`` bytes in: one slice is one ``bytes`` object, with no intermediate view.
    """

    __slots__ = ("_base", "_buffer", "_offsets", "equals")

    equals: Callable[[int, str], bool]
    """``equals(i, text)``: whether string ``i`` is ``text`` (no string is decoded)."""

    def __init__(self, buffer: Any, base: int, offsets: Any) -> None:
        self._buffer, self._base, self._offsets = buffer, base, offsets
        c = _accel.SPEEDUPS
        self.equals = c.StringTable(buffer, base, offsets).equals if c else self._equals

    def _equals(self, i: int, text: str) -> bool:
        return self.raw(i) == text.encode("utf-8")

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:  # type: ignore[override]
        at = self._base
        return self._buffer[at + self._offsets[i] : at + self._offsets[i + 1] - 1].decode("utf-8")  # type: ignore[no-any-return]

    def raw(self, i: int) -> bytes:
        at = self._base
        return self._buffer[at + self._offsets[i] : at + self._offsets[i + 1] - 1]  # type: ignore[no-any-return]

    def decode_rows(self, count: int, chunk: int = 1 << 20) -> tuple[str, ...]:
        """The first ``count`` strings, decoded a megabyte at a time (no copy of the whole blob and
        no one giant string on the way: peak memory stays that of the result)."""
        out: list[str] = []
        offsets, at, first = self._offsets, self._base, 0
        while first < count:
            last = min(count, bisect_right(offsets, offsets[first] + chunk, first + 1, count + 1) - 1)
            last = max(last, first + 1)
            out += self._buffer[at + offsets[first] : at + offsets[last] - 1].decode("utf-8").split("\n")
            first = last
        return tuple(out)


class _Keys(Mapping[str, "int | tuple[int, ...]"]):
    """Lookup key → entry codes (``name_row * 4 + tier``), in an open-addressing hash table."""

    __slots__ = ("_codes", "_first", "_mask", "_row_bits", "_slots", "index_of", "strings")

    index_of: Callable[[str], int]
    """``index_of(key)``: the row of ``key`` in the key table, or -1."""

    def __init__(self, strings: _Strings, slots: Any, first: Any, codes: Any) -> None:
        self.strings, self._slots, self._first, self._codes = strings, slots, first, codes
        self._mask = len(slots) - 1
        self._row_bits = _row_bits(len(strings))
        c = _accel.SPEEDUPS
        if c is not None:
            table = c.StringTable(strings._buffer, strings._base, strings._offsets, slots, self._row_bits)
            self.index_of = table.row
        else:
            self.index_of = self._index_of

    def _index_of(self, key: str) -> int:
        raw = key.encode("utf-8")
        slots, mask, row_bits = self._slots, self._mask, self._row_bits
        h = zlib.crc32(raw)
        tag, rows = h >> row_bits, (1 << row_bits) - 1
        i = h & mask
        while True:
            slot: int = slots[i]
            if not slot:
                return -1
            # the slot's high bits hold the top bits of its key's hash: most other keys differ there
            if slot >> row_bits == tag and self.strings.raw((slot & rows) - 1) == raw:
                return (slot & rows) - 1
            i = (i + 1) & mask

    def codes_at(self, row: int) -> Any:
        return self._codes[self._first[row] : self._first[row + 1]]

    def get(self, key: str, default: Any = None) -> Any:
        row = self.index_of(key)
        if row < 0:
            return default
        codes = self.codes_at(row)
        return codes[0] if len(codes) == 1 else tuple(codes)

    def __getitem__(self, key: str) -> int | tuple[int, ...]:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.index_of(key) >= 0

    def __len__(self) -> int:
        return len(self.strings)

    def __iter__(self) -> Iterator[str]:
        return iter(self.strings)

    def key_at(self, row: int) -> str:
        return self.strings[row]


def _table_size(n: int) -> int:
    size = 8
    while size < n * 3 // 2:  # load factor <= 2/3: linear probes stay short
        size *= 2
    return size


def format_of(path: str | Path) -> int | None:
    """The format number in the header of an index file, or ``None`` when it is not one."""
    with open(path, "rb") as f:
        head = f.read(len(_MAGIC) + 4)
    if len(head) < len(_MAGIC) + 4 or not head.startswith(_MAGIC):
        return None
    return int.from_bytes(head[len(_MAGIC) :], "little")


def _row_bits(n: int) -> int:
    """Bits of a key-table slot that hold ``row + 1``; the bits above them hold a hash tag."""
    return max(1, (n + 1).bit_length())


def build_key_table(keys: list[str]) -> array[int]:
    """Open-addressing slots for ``keys``, probing linearly: ``row + 1`` (0 = empty) in the low
    bits, the top bits of the key's CRC-32 above them, so a probe rarely reads a key it does not want."""
    slots = array("I", bytes(4 * _table_size(len(keys))))
    mask = len(slots) - 1
    row_bits = _row_bits(len(keys))
    for row, key in enumerate(keys):
        h = zlib.crc32(key.encode("utf-8"))
        i = h & mask
        while slots[i]:
            i = (i + 1) & mask
        slots[i] = (row + 1) | (h >> row_bits) << row_bits
    return slots


class Index:
    """Read-only lookup tables built by :mod:`toponym.compile`; open one with :meth:`load`."""

    def __init__(self, buffer: Any, *, source: str = "<memory>") -> None:
        self._buffer = buffer  # keeps the memory map (or bytes) alive
        self.source = source
        view = memoryview(buffer)
        head = len(_MAGIC) + 12
        if len(view) < head or bytes(view[: len(_MAGIC)]) != _MAGIC:
            raise IndexFormatError(f"{source} is not a toponym index; rebuild it with `toponym compile`.")
        version = int.from_bytes(view[len(_MAGIC) : len(_MAGIC) + 4], "little")
        if version != FORMAT:
            raise IndexFormatError(
                f"{source} is an index of format {version}, this toponym reads {FORMAT}; rebuild it with `toponym compile`."
            )
        meta_len = int.from_bytes(view[len(_MAGIC) + 4 : head], "little")
        try:
            meta = marshal.loads(view[head : head + meta_len])
            sections: dict[str, tuple[int, int]] = meta.pop("_sections")
            parts: dict[str, Any] = {}
            for name, (start, length) in sections.items():
                part = view[start : start + length]
                if len(part) != length:
                    raise ValueError(f"section {name} is truncated")
                parts[name] = part.cast(_ARRAY_SECTIONS[name]) if name in _ARRAY_SECTIONS else part  # type: ignore[call-overload]
        except (ValueError, EOFError, TypeError, KeyError) as exc:
            raise IndexFormatError(f"{source} is corrupt ({exc}); rebuild it with `toponym compile`.") from exc

        # Large tables are tuples and dicts of strings, never lists or sets: the garbage collector
        # stops tracking those once it sees they hold only strings, so its full collections do
        # not walk half a million entries while a caller resolves names.
        self.header: dict[str, Any] = meta["header"]
        self.place_ids: tuple[str, ...] = tuple(meta["place_ids"])
        self.place_kind: tuple[str, ...] = tuple(meta["place_kind"])
        self.place_name: tuple[str, ...] = tuple(meta["place_name"])
        self.place_codes: tuple[str, ...] = tuple(meta["place_codes"])
        self.place_curated: bytes = meta["place_curated"]
        self.place_part_of: dict[int, tuple[int, ...]] = meta["place_part_of"]
        self.place_display: dict[int, dict[str, str]] = meta["place_display"]
        self.langs: tuple[str, ...] = tuple(meta["langs"])
        self.perspectives: tuple[tuple[str, ...], ...] = tuple(tuple(p) for p in meta["perspectives"])
        self.prefer: dict[str, tuple[int, str]] = meta["prefer"]
        self.stop: dict[str, str] = meta["stop"]
        self.words: Mapping[str, None] = dict.fromkeys(meta["words"])
        self.common_words: Mapping[str, None] = dict.fromkeys(meta["common_words"])
        self.no_fuzzy_words: Mapping[str, None] = dict.fromkeys(meta["no_fuzzy_words"])
        self.perspective_alias: dict[str, str] = meta["perspective_alias"]
        self.id_alias: dict[str, str] = meta.get("id_alias", {})

        self.place_parent = parts["place_parent"]
        self.place_country = parts["place_country"]
        self.place_population = parts["place_population"]
        self.place_first_name = parts["place_first_name"]
        self.name_place = parts["name_place"]
        self.name_lang = parts["name_lang"]
        self.name_persp = parts["name_persp"]
        self.name_type = parts["name_type"]
        self.name_curated = parts["name_curated"]
        self.name_rank = parts["name_rank"]  # 2 reviewed or canonical, 1 language-tagged, 0 untagged
        # offsets are not stored (they would cost 2 MB of the wheel): one vectorised pass finds them
        self.name_text = _Strings(buffer, sections["names_blob"][0], _line_starts(parts["names_blob"]))
        self.keys = _Keys(
            _Strings(buffer, sections["keys_blob"][0], _line_starts(parts["keys_blob"])),
            parts["key_slots"],
            _cumulative(parts["key_ncodes"]),
            parts["key_codes"],
        )
        # per key: the entry code a bare query equal to the key resolves to; -1 none, -2 not computed
        self.key_best = parts["key_best"]
        self.key_count = parts["key_count"]  # places filed under each key (for explanations)
        self.fuzzy_hash = parts["fuzzy_hash"]
        self.fuzzy_ref = parts["fuzzy_ref"]  # position in the fuzzy list
        self.fuzzy_mask = parts["fuzzy_mask"]  # fuzzy list position -> char_mask of the key
        self._fuzzy_aids: tuple[memoryview, bytes] | None = None
        self._blocking: Any = None  # the C twin of fuzzy_candidates, when toponym._speedups is built
        self._fuzzy_keys: tuple[str, ...] | None = None

        self._by_id: dict[str, int] = {}
        self._places: dict[int, Place] = {}
        self._members: dict[int, tuple[int, ...]] | None = None
        self._lock = threading.Lock()
        registry.register(self)

    # --- storage -------------------------------------------------------------------------------

    @staticmethod
    def serialize(tables: IndexTables) -> bytes:
        """The bytes of an index file holding ``tables``."""
        meta = dict(tables.meta)
        chunks: list[tuple[str, bytes]] = [(k, v.tobytes()) for k, v in sorted(tables.arrays.items())]
        chunks += sorted(tables.blobs.items())
        # offsets depend on the meta length, which depends on the offsets: size the meta first
        meta["_sections"] = {name: (0, len(data)) for name, data in chunks}
        meta_len = len(marshal.dumps(meta, 4)) + 16 * len(chunks) + 64
        head = len(_MAGIC) + 12
        pos = _align(head + meta_len)
        sections: dict[str, tuple[int, int]] = {}
        for name, data in chunks:
            sections[name] = (pos, len(data))
            pos = _align(pos + len(data))
        meta["_sections"] = sections
        meta_blob = marshal.dumps(meta, 4)
        if len(meta_blob) > meta_len:
            raise AssertionError("index meta outgrew its reserved space")  # pragma: no cover
        out = bytearray(pos)
        out[: len(_MAGIC)] = _MAGIC
        out[len(_MAGIC) : head] = FORMAT.to_bytes(4, "little") + len(meta_blob).to_bytes(8, "little")
        out[head : head + len(meta_blob)] = meta_blob
        for name, data in chunks:
            start, length = sections[name]
            out[start : start + length] = data
        return bytes(out)

    def to_bytes(self) -> bytes:
        """The index file's bytes."""
        return bytes(self._buffer)

    @classmethod
    def build(cls, tables: IndexTables) -> Index:
        return cls(cls.serialize(tables))

    def dump(self, path: str | Path) -> None:
        """Write the index to ``path`` atomically (temporary file, then rename)."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        try:
            tmp.write_bytes(bytes(self._buffer))
            tmp.replace(path)
        finally:
            tmp.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: str | Path) -> Index:
        """Open an index file written by :meth:`dump`; refuse anything else with a remedy."""
        try:
            with open(path, "rb") as f:
                try:
                    buffer: Any = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
                except ValueError:  # an empty file cannot be mapped
                    buffer = f.read()
        except OSError as exc:
            raise IndexFormatError(
                f"cannot read index {path}: {exc}. Run `toponym compile GAZETTEER -o {path}`."
            ) from exc
        return cls(buffer, source=str(path))

    # --- lookups -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.place_ids)

    @property
    def digest(self) -> str:
        return str(self.header.get("digest", ""))

    def fuzzy_candidates(self, key: str, max_edits: int) -> list[int]:
        """Fuzzy-list positions of stored keys that may lie within ``max_edits`` of ``key``.

        A superset: verify each with a real distance. Survivors of the segment lookup (see
        :func:`_probe_plan`) then pass the :func:`char_mask` filter. Each probe finds its run in
        the sorted hash array through a directory of the hashes' top bits and a short bisection;
        long posting lists are gathered and filtered with numpy, short ones in plain Python (with
        ``toponym._speedups`` built, all of it in one C call that gives the same list).
        """
        hashes, refs, masks, directory, bloom = self._fuzzy_tables()
        if self._blocking is not None:
            return self._blocking.candidates(key, _packed_plan(len(key), max_edits), max_edits)  # type: ignore[no-any-return]
        probes = probe_hashes(key, max_edits)
        if not probes:
            return []
        runs: list[tuple[int, int]] = []
        total = 0
        for h in probes:
            if not bloom[h >> 11] >> (h >> 8 & 7) & 1:  # most probes of a garbled query end here
                continue
            b = h >> _DIRECTORY_SHIFT
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

        np_refs, np_masks = self._fuzzy_numpy()
        found = np.concatenate([np_refs[i:j] for i, j in runs])
        theirs = np_masks[found]
        keep = np.bitwise_count(theirs & np.uint32(absent)) <= max_edits
        keep &= np.bitwise_count(np.uint32(mask) & ~theirs) <= max_edits
        return list(dict.fromkeys(found[keep].tolist()))

    def fuzzy_near(self, key: str, max_edits: int) -> list[tuple[int, int, int]]:
        """``(position, distance, length)`` of every stored fuzzy key within ``max_edits``
        optimal-string-alignment edits of ``key``, nearest first, ties in candidate order.

        Positions are key rows; ``length`` is the stored key's length in characters. The C path
        verifies candidates straight from the key blob; the Python path decodes the fuzzy keys
        once (35 MB) and verifies them with rapidfuzz.
        """
        self._fuzzy_tables()
        if self._blocking is not None:
            return self._blocking.near(key, _packed_plan(len(key), max_edits), max_edits)  # type: ignore[no-any-return]
        positions = self.fuzzy_candidates(key, max_edits)
        if not positions:
            return []
        from rapidfuzz.distance import OSA
        from rapidfuzz.process import extract

        pool = list(map(self.fuzzy_keys().__getitem__, positions))
        return [
            (positions[i], int(d), len(k))
            for k, d, i in extract(key, pool, scorer=OSA.distance, score_cutoff=max_edits, limit=None)
        ]

    def _fuzzy_tables(self) -> tuple[Any, Any, Any, Any, bytes]:
        """The blocking arrays, plus two lookup aids built on first use (3 MB in all).

        The directory says where the hashes with each value of their top bits begin, so a probe
        bisects a handful of entries; the bloom filter (one bit per value of bits 8–31, 4 % of
        them set) turns most probes that find nothing away before that.
        """
        if self._fuzzy_aids is None:
            import numpy as np

            with self._lock:
                if self._fuzzy_aids is None:
                    hashes = np.frombuffer(self.fuzzy_hash, dtype=np.uint32)
                    # the bucket starts, all below 2**32: compared in the haystack's own dtype
                    starts = np.arange(1 << (32 - _DIRECTORY_SHIFT), dtype=np.uint64) << _DIRECTORY_SHIFT
                    directory = np.empty(len(starts) + 1, dtype=np.uint32)
                    directory[:-1] = np.searchsorted(hashes, starts.astype(np.uint32))
                    directory[-1] = len(hashes)
                    # set bit (h >> 8) of a 2**24-bit map, built in 32-bit words (no 16 MB array of flags)
                    words = np.zeros(1 << 19, dtype=np.uint32)
                    bit = hashes >> 8
                    np.bitwise_or.at(words, bit >> 5, np.left_shift(np.uint32(1), bit & 31))
                    bloom = words.astype("<u4").tobytes()
                    c = _accel.SPEEDUPS
                    if c is not None:
                        keys = self.keys.strings
                        self._blocking = c.Blocking(
                            self.fuzzy_hash,
                            self.fuzzy_ref,
                            self.fuzzy_mask,
                            directory,
                            bloom,
                            _DIRECTORY_SHIFT,
                            c.StringTable(keys._buffer, keys._base, keys._offsets),
                        )
                    self._fuzzy_aids = (memoryview(directory), bloom)  # type: ignore[arg-type]
        directory_view, bloom_bits = self._fuzzy_aids
        return self.fuzzy_hash, self.fuzzy_ref, self.fuzzy_mask, directory_view, bloom_bits

    def fuzzy_keys(self) -> tuple[str, ...]:
        """The fuzzy-matchable keys (the leading rows of the key table), decoded in one pass on
        first use (35 MB; a tuple of strings, which the garbage collector stops tracking). Slicing
        each candidate out of the memory map instead cost a fifth of every fuzzy query."""
        if self._fuzzy_keys is None:
            with self._lock:
                if self._fuzzy_keys is None:
                    self._fuzzy_keys = self.keys.strings.decode_rows(self.header.get("fuzzy_keys", 0))
        return self._fuzzy_keys

    def name_keys(self) -> memoryview:
        """Name row → row of the key it is filed under unchanged (its normalised spelling), or
        ``0xFFFFFFFF``; read off the key entries in one vectorised pass (2.4 MB, not kept)."""
        import numpy as np

        codes = np.frombuffer(self.keys._codes, dtype=np.uint32)
        first = np.frombuffer(self.keys._first, dtype=np.uint32)
        rows = np.repeat(np.arange(len(first) - 1, dtype=np.uint32), np.diff(first))
        normal = (codes & 3) == TIER_NORMAL
        out = np.full(len(self.name_text), 0xFFFFFFFF, dtype=np.uint32)
        out[codes[normal] >> 2] = rows[normal]
        return memoryview(out)  # type: ignore[arg-type]

    def _fuzzy_numpy(self) -> tuple[Any, Any]:
        import numpy as np

        return np.frombuffer(self.fuzzy_ref, dtype=np.uint32), np.frombuffer(self.fuzzy_mask, dtype=np.uint32)

    def place_index(self, place_id: str) -> int:
        if not self._by_id:
            with self._lock:
                if not self._by_id:
                    by_id = {pid: i for i, pid in enumerate(self.place_ids)}
                    # an ID folded into another by a [[same]] policy entry names that place
                    by_id.update((alias, by_id[pid]) for alias, pid in self.id_alias.items() if pid in by_id)
                    self._by_id = by_id
        try:
            return self._by_id[place_id]
        except KeyError:
            raise UnknownPlaceError(
                f"no place has the ID {place_id!r}; use resolve() to look a place up by name"
            ) from None

    def members_of(self, i: int) -> tuple[int, ...]:
        if self._members is None:
            members: dict[int, list[int]] = {}
            for child, groups in self.place_part_of.items():
                for group in groups:
                    members.setdefault(group, []).append(child)
            self._members = {g: tuple(sorted(c)) for g, c in members.items()}
        return self._members.get(i, ())

    def name_row(self, n: int) -> PlaceName:
        langs = tuple(self.langs[self.name_lang[n]].split(","))
        return PlaceName(
            name=self.name_text[n],
            lang=langs[0],
            type=NAME_TYPES[self.name_type[n]],
            perspective=self.perspectives[self.name_persp[n]],
            langs=langs,
        )

    def place_names(self, row: int) -> tuple[PlaceName, ...]:
        """Every stored name of the place at ``row`` (what ``Place.names`` reads on first use)."""
        return tuple(self.name_row(n) for n in self.names_of(row))

    def origin_token(self) -> tuple[str, str | None] | None:
        """How a pickled place names this index (``None``: only in memory, places pickle whole)."""
        if not self.digest or self.source.startswith("<"):
            return None
        return self.digest, self.source

    def row_of(self, place_id: str) -> int:
        """The row of the place with this ID (or an ID folded into it); ``UnknownPlaceError`` if none."""
        return self.place_index(place_id)

    def names_of(self, i: int) -> range:
        return range(self.place_first_name[i], self.place_first_name[i + 1])

    def place(self, i: int) -> Place:
        """The :class:`Place` at row ``i``, built once and cached."""
        place = self._places.get(i)
        if place is not None:
            return place
        ids = self.place_ids
        parent, country, population = self.place_parent[i], self.place_country[i], self.place_population[i]
        codes = self.place_codes[i]
        part_of, display = self.place_part_of.get(i), self.place_display.get(i)
        place = make_place(
            ids[i],
            self.place_kind[i],
            self.place_name[i],
            ids[parent] if parent >= 0 else None,
            ids[country] if country >= 0 else None,
            ReadOnlyDict(_CODE.findall(codes)) if codes else EMPTY,
            population if population >= 0 else None,
            tuple(ids[g] for g in part_of) if part_of else (),
            tuple(ids[m] for m in self.members_of(i)),
            ReadOnlyDict(display) if display else EMPTY,
            bool(self.place_curated[i]),
            self,
            i,
        )
        self._places[i] = place
        return place

    def ancestors(self, i: int) -> Iterator[int]:
        """Parents of row ``i`` up to the top, nearest first."""
        seen = 0
        parent = self.place_parent[i]
        while parent >= 0 and seen < 32:  # the validator forbids cycles; the bound is a guard
            yield parent
            parent = self.place_parent[parent]
            seen += 1

    def counts(self) -> Mapping[str, int]:
        return {"places": len(self.place_ids), "names": len(self.name_text), "keys": len(self.keys)}


def _line_starts(blob: Any) -> memoryview:
    """Start of every newline-ended string in ``blob``, plus the end: ``len(strings) + 1`` offsets."""
    import numpy as np

    ends = np.flatnonzero(np.frombuffer(blob, dtype=np.uint8) == 10).astype(np.uint32) + 1
    return memoryview(np.concatenate((np.zeros(1, dtype=np.uint32), ends)))  # type: ignore[arg-type]


def _cumulative(counts: Any) -> memoryview:
    import numpy as np

    first = np.zeros(len(counts) + 1, dtype=np.uint32)
    np.cumsum(np.frombuffer(counts, dtype=np.uint16), out=first[1:])
    return memoryview(first)  # type: ignore[arg-type]


def _align(n: int) -> int:
    return (n + 7) & ~7

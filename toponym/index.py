"""The compiled index: read-only lookup tables, and the only module that knows how they are stored.

Storage is one ``marshal`` blob of plain types (``marshal`` cannot run code when loaded, and loads
a dict of a million keys faster than any text format). A small header carries the format version
and a digest of the gazetteer sources, so a stale or foreign file is refused with a remedy.
"""

from __future__ import annotations

import marshal
import threading
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import Any

from .errors import IndexFormatError, UnknownPlaceError
from .model import NAME_TYPES, Place, PlaceName

__all__ = ["FORMAT", "TIER_FOLDED", "TIER_NORMAL", "TIER_TRANSLIT", "Entry", "Index", "segment_hash", "segments"]

FORMAT = 1
_MAGIC = b"TOPONYM-INDEX\n"

#: Which key of a stored name an entry was filed under (see :mod:`toponym.normalize`).
TIER_NORMAL, TIER_FOLDED, TIER_TRANSLIT = 0, 1, 2

#: Fuzzy blocking: a key of length L is cut into this many segments; a query within
#: ``FUZZY_SEGMENTS - 1`` edits keeps at least one of them intact (pigeonhole principle).
FUZZY_SEGMENTS = 3
FUZZY_MIN_LEN = 5


def segments(length: int) -> list[tuple[int, int]]:
    """Start and end of each blocking segment of a key of ``length`` characters.

    >>> segments(9)
    [(0, 3), (3, 6), (6, 9)]
    """
    bounds = [length * i // FUZZY_SEGMENTS for i in range(FUZZY_SEGMENTS + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(FUZZY_SEGMENTS)]


def segment_hash(length: int, part: int, text: str) -> int:
    """Stable 32-bit hash of one blocking segment (Python's own ``hash`` is salted per process)."""
    return zlib.crc32(f"{length}\x1f{part}\x1f{text}".encode())


@dataclass(frozen=True, slots=True)
class Entry:
    """One stored name reachable from a lookup key."""

    name: int
    """Row in the names table."""
    tier: int
    """``TIER_NORMAL``, ``TIER_FOLDED`` or ``TIER_TRANSLIT``: which key of the name this is."""


@dataclass(slots=True)
class Index:
    """Read-only lookup tables built by :mod:`toponym.compile`."""

    header: dict[str, Any]
    place_ids: list[str]
    place_kind: list[str]
    place_name: list[str]
    place_parent: array[int]  # int per place, -1 for none
    place_country: array[int]
    place_population: array[int]  # -1 when unknown
    place_curated: bytes
    place_codes: list[str]  # "key=value;key=value"
    place_part_of: dict[int, tuple[int, ...]]
    place_display: dict[int, dict[str, str]]
    place_first_name: array[int]  # names of place i: first[i] .. first[i+1]
    name_place: array[int]
    name_text: list[str]
    name_lang: array[int]  # index into langs
    name_type: bytes  # index into NAME_TYPES
    name_persp: array[int]  # index into perspectives
    name_curated: bytes
    langs: list[str]
    perspectives: list[tuple[str, ...]]
    keys: dict[str, int | tuple[int, ...]]  # key -> name*4+tier, or a tuple of them
    prefer: dict[str, tuple[int, str]]  # folded key -> (place, reason)
    stop: dict[str, str]  # folded key -> reason
    words: frozenset[str]  # dictionary words: never fuzzy-matched
    common_words: frozenset[str]  # frequent words: a minor place of that name is not answered alone
    perspective_alias: dict[str, str]
    fuzzy_keys: list[str]
    fuzzy_hash: array[int]  # sorted
    fuzzy_ref: array[int]  # parallel to fuzzy_hash: index into fuzzy_keys
    _by_id: dict[str, int] = field(default_factory=dict)
    _places: dict[int, Place] = field(default_factory=dict)
    _members: dict[int, tuple[int, ...]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # --- storage -------------------------------------------------------------------------------

    _ARRAYS = (
        "place_parent",
        "place_country",
        "place_population",
        "place_first_name",
        "name_place",
        "name_lang",
        "name_persp",
        "fuzzy_hash",
        "fuzzy_ref",
    )

    def dump(self, path: str | Path) -> None:
        """Write the index to ``path`` atomically (temporary file, then rename)."""
        payload: dict[str, Any] = {}
        for name in self.__dataclass_fields__:
            if name.startswith("_"):
                continue
            value = getattr(self, name)
            if isinstance(value, array):
                payload[name] = (value.typecode, value.tobytes())
            elif isinstance(value, frozenset):
                payload[name] = sorted(value)
            else:
                payload[name] = value
        blob = marshal.dumps(payload, 4)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_bytes(_MAGIC + FORMAT.to_bytes(4, "little") + blob)
        tmp.replace(path)

    @classmethod
    def load(cls, path: str | Path) -> Index:
        """Read an index written by :meth:`dump`; refuse anything else with a remedy."""
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            raise IndexFormatError(
                f"cannot read index {path}: {exc}. Run `toponym compile GAZETTEER -o {path}`."
            ) from exc
        head = len(_MAGIC) + 4
        if not data.startswith(_MAGIC) or int.from_bytes(data[len(_MAGIC) : head], "little") != FORMAT:
            raise IndexFormatError(
                f"{path} is not a toponym index of format {FORMAT}; rebuild it with `toponym compile`."
            )
        try:
            payload = marshal.loads(memoryview(data)[head:])
            for name in cls._ARRAYS:
                typecode, raw = payload[name]
                arr = array(typecode)
                arr.frombytes(raw)
                payload[name] = arr
            payload["words"] = frozenset(payload["words"])
            payload["common_words"] = frozenset(payload["common_words"])
            return cls(**payload)
        except (ValueError, EOFError, TypeError, KeyError) as exc:
            raise IndexFormatError(f"{path} is corrupt ({exc}); rebuild it with `toponym compile`.") from exc

    # --- lookups -------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.place_ids)

    @property
    def digest(self) -> str:
        return str(self.header.get("digest", ""))

    def lookup(self, key: str) -> list[Entry]:
        """Entries filed under ``key`` (a normalised, folded or transliterated key)."""
        found = self.keys.get(key)
        if found is None:
            return []
        if isinstance(found, int):
            return [Entry(found >> 2, found & 3)]
        return [Entry(code >> 2, code & 3) for code in found]

    def fuzzy_candidates(self, key: str, max_edits: int) -> list[str]:
        """Stored keys that may lie within ``max_edits`` edits of ``key`` (a superset; verify them)."""
        n = len(key)
        found: set[int] = set()
        hashes, refs = self.fuzzy_hash, self.fuzzy_ref
        for length in range(max(FUZZY_MIN_LEN, n - max_edits), n + max_edits + 1):
            for part, (start, end) in enumerate(segments(length)):
                size = end - start
                for pos in range(max(0, start - max_edits), min(n - size, start + max_edits) + 1):
                    h = segment_hash(length, part, key[pos : pos + size])
                    lo = bisect_left(hashes, h)
                    if lo < len(hashes) and hashes[lo] == h:
                        found.update(refs[lo : bisect_right(hashes, h, lo)])
        keys = self.fuzzy_keys
        return [keys[i] for i in found]

    def place_index(self, place_id: str) -> int:
        if not self._by_id:
            with self._lock:
                if not self._by_id:
                    self._by_id = {pid: i for i, pid in enumerate(self.place_ids)}
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
        return PlaceName(
            name=self.name_text[n],
            lang=self.langs[self.name_lang[n]],
            type=NAME_TYPES[self.name_type[n]],
            perspective=self.perspectives[self.name_persp[n]],
        )

    def names_of(self, i: int) -> range:
        return range(self.place_first_name[i], self.place_first_name[i + 1])

    def place(self, i: int) -> Place:
        """The :class:`Place` at row ``i``, built once and cached."""
        place = self._places.get(i)
        if place is not None:
            return place
        ids = self.place_ids
        parent, country, population = self.place_parent[i], self.place_country[i], self.place_population[i]
        codes = dict(item.split("=", 1) for item in self.place_codes[i].split(";") if item)
        place = Place(
            id=ids[i],
            kind=self.place_kind[i],
            name=self.place_name[i],
            parent=ids[parent] if parent >= 0 else None,
            country=ids[country] if country >= 0 else None,
            codes=MappingProxyType(codes),
            population=population if population >= 0 else None,
            part_of=tuple(ids[g] for g in self.place_part_of.get(i, ())),
            members=tuple(ids[m] for m in self.members_of(i)),
            names=tuple(self.name_row(n) for n in self.names_of(i)),
            display=MappingProxyType(dict(self.place_display.get(i, {}))),
            curated=bool(self.place_curated[i]),
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

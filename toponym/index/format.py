"""Bytes of an index file: header, section table, JSON meta, and the flat sections of :mod:`.schema`.

Layout::

    MAGIC | format (u32) | meta length (u64) | head checksum (u64)
    section table: (offset u64, length u64, checksum u64) for each of SECTIONS, in their order
    meta (UTF-8 JSON) | sections...

The head checksum covers the section table and the meta; each section has its own
(:func:`.columns.checksum`). :func:`read` checks every size against the file before it reads
or allocates anything, every checksum before it parses the meta or hands a section on, and
refuses what does not hold with :class:`~toponym.errors.IndexFormatError`. The meta is JSON, which
builds nothing but plain values and never more than its bytes can describe (``marshal``, used up
to format 7, could be made to allocate gigabytes from a few bytes). Sections are 8-byte aligned
so that they can be cast in place from a memory map; the bytes between them are zero.
"""

from __future__ import annotations

import json
import struct
from array import array
from dataclasses import asdict, dataclass, field
from typing import Any, Final

from ..errors import IndexFormatError
from .columns import checksum
from .integrity import IntegrityError
from .schema import FORMAT, MAGIC, SECTION, SECTIONS

__all__ = ["IndexMeta", "IndexTables", "format_of_bytes", "read", "serialize"]

_FIXED: Final = struct.Struct("<IQQ")  # format, meta length, head checksum
_ENTRY: Final = struct.Struct("<QQQ")  # offset, length, checksum of one section
_TABLE_AT: Final = len(MAGIC) + _FIXED.size
_META_AT: Final = _TABLE_AT + _ENTRY.size * len(SECTIONS)
#: The largest meta a reader parses: the shipped index's is about 3 MB.
MAX_META: Final = 1 << 28
_ITEM: Final = {"i": 4, "I": 4, "q": 8, "d": 8, "H": 2, "B": 1, "blob": 1}


@dataclass(slots=True)
class IndexMeta:
    """The small tables of an index, kept as JSON in its header (plain Python values)."""

    header: dict[str, Any]
    """format_version, toponym_version, digest, files, places, names, fuzzy_keys, ..."""
    place_curated: bytes
    place_part_of: dict[int, tuple[int, ...]]
    place_display: dict[int, dict[str, str]]
    """Curated display names: place row -> ``"ru"``, ``"jp"``, ``"jp:ja"`` -> name."""
    display_tags: list[str]
    """Language tags of the display names a source gives, indexed by the ``display_tag`` section."""
    langs: list[str]
    first_langs: list[str]
    """The tag shown for each entry of :attr:`langs` (:func:`toponym.vocab.shown_tag`, at build time)."""
    """Comma-joined language tags, indexed by ``name_lang``."""
    perspectives: list[tuple[str, ...]]
    prefer: dict[str, tuple[int, str]]
    """Folded key -> (place row, reason) of each ``[[prefer]]`` entry."""
    stop: dict[str, str]
    """Folded key -> reason of each ``[[stop]]`` entry."""
    perspective_alias: dict[str, str]
    id_alias: dict[str, str]
    explanations: list[tuple[str, int, str | None]]
    """``(rule, candidates, policy reason)`` of the compiled answers; entry 0 is unused."""
    ranking: dict[str, Any]
    """``ambiguity``, ``city_over_unit``, ``fuzzy_floor``, ``name_weight`` (by name level) of policy.toml."""
    extra: dict[str, Any] = field(default_factory=dict)
    """Room for small tables added without a format change."""


@dataclass(slots=True)
class IndexTables:
    """Everything an index file holds: the meta and every section of :data:`.schema.SECTIONS`."""

    meta: IndexMeta
    sections: dict[str, array[Any] | bytes]

    def check(self) -> None:
        """Every declared section present, with its declared element type, and nothing else."""
        names = set(self.sections)
        declared = set(SECTION)
        if names != declared:
            raise ValueError(f"sections missing {sorted(declared - names)}, undeclared {sorted(names - declared)}")
        for s in SECTIONS:
            data = self.sections[s.name]
            kind = "blob" if isinstance(data, bytes | bytearray) else data.typecode
            if kind != s.typecode:
                raise ValueError(f"section {s.name} holds {kind!r}, the schema declares {s.typecode!r}")


def _align(n: int) -> int:
    return (n + 7) & ~7


def _meta_json(meta: IndexMeta) -> bytes:
    """The meta as JSON: bytes as a string of 0 and 1, integer keys as strings (:func:`_meta_of`
    turns them back)."""
    raw = asdict(meta)
    raw["place_curated"] = meta.place_curated.translate(_TO_DIGITS).decode("ascii")
    for key in ("place_part_of", "place_display"):
        raw[key] = {str(k): v for k, v in raw[key].items()}
    return json.dumps(raw, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


_TO_DIGITS: Final = bytes.maketrans(b"\x00\x01", b"01")
_FROM_DIGITS: Final = bytes.maketrans(b"01", b"\x00\x01")
_META_TYPES: Final = {
    "header": dict, "place_curated": str, "place_part_of": dict, "place_display": dict, "display_tags": list, "langs": list, "first_langs": list,
    "perspectives": list, "prefer": dict, "stop": dict, "perspective_alias": dict, "id_alias": dict,
    "explanations": list, "ranking": dict, "extra": dict,
}  # fmt: skip


def _meta_of(raw: Any) -> IndexMeta:
    """:class:`IndexMeta` from parsed JSON, each field checked for its type (a ``ValueError`` if not)."""
    if not isinstance(raw, dict) or set(raw) != set(_META_TYPES):
        raise ValueError("the meta does not hold the fields of an index")
    for key, kind in _META_TYPES.items():
        if not isinstance(raw[key], kind):
            raise ValueError(f"the meta's {key} is not a {kind.__name__}")
    raw["place_curated"] = raw["place_curated"].encode("ascii").translate(_FROM_DIGITS)
    raw["place_part_of"] = {int(k): tuple(v) for k, v in raw["place_part_of"].items()}
    raw["place_display"] = {int(k): v for k, v in raw["place_display"].items()}
    raw["prefer"] = {k: (int(row), str(reason)) for k, (row, reason) in raw["prefer"].items()}
    raw["perspectives"] = [tuple(p) for p in raw["perspectives"]]
    raw["explanations"] = [(str(rule), int(n), reason) for rule, n, reason in raw["explanations"]]
    if "name_weight" in raw["ranking"]:
        raw["ranking"]["name_weight"] = tuple(raw["ranking"]["name_weight"])
    return IndexMeta(**raw)


def serialize(tables: IndexTables) -> bytearray:
    """The bytes of an index file holding ``tables``."""
    tables.check()
    meta = _meta_json(tables.meta)
    chunks = [d if isinstance(d := tables.sections[s.name], bytes) else d.tobytes() for s in SECTIONS]
    pos = _align(_META_AT + len(meta))
    entries = []
    for data in chunks:
        entries.append(_ENTRY.pack(pos, len(data), checksum(data)))
        pos = _align(pos + len(data))
    table = b"".join(entries)
    out = bytearray(pos)
    out[: len(MAGIC)] = MAGIC
    out[len(MAGIC) : _TABLE_AT] = _FIXED.pack(FORMAT, len(meta), checksum(table + meta))
    out[_TABLE_AT:_META_AT] = table
    out[_META_AT : _META_AT + len(meta)] = meta
    for data, entry in zip(chunks, entries, strict=True):
        start = _ENTRY.unpack(entry)[0]
        out[start : start + len(data)] = data
    return out


def format_of_bytes(head: bytes) -> int | None:
    """The format number in the first bytes of an index file, or ``None`` when it is not one."""
    if len(head) < len(MAGIC) + 4 or not head.startswith(MAGIC):
        return None
    return int.from_bytes(head[len(MAGIC) : len(MAGIC) + 4], "little")


def _layout(view: memoryview) -> tuple[int, list[tuple[int, int, int]]]:
    """The meta length and the section table, each size held to the file before anything is read
    at an offset it gives; an ``IntegrityError`` naming what does not hold."""
    size = len(view)
    if size < _META_AT:
        raise IntegrityError(f"the file ends inside its header ({size} bytes)")
    _, meta_len, head_sum = _FIXED.unpack(view[len(MAGIC) : _TABLE_AT])
    if meta_len > min(MAX_META, size - _META_AT):
        raise IntegrityError(f"the header claims {meta_len} bytes of meta, more than the file holds")
    if checksum(view[_TABLE_AT : _META_AT + meta_len]) != head_sum:
        raise IntegrityError("the header's checksum does not match (the section table or the meta is damaged)")
    entries = list(_ENTRY.iter_unpack(view[_TABLE_AT:_META_AT]))
    pos = _align(_META_AT + meta_len)
    for s, (start, length, _) in zip(SECTIONS, entries, strict=True):
        if start != pos or length % _ITEM[s.typecode] or length > size - start:
            raise IntegrityError(f"section {s.name} lies outside the file or where no section may start")
        pos = _align(start + length)
        if any(view[start + length : pos]):
            raise IntegrityError(f"the bytes after section {s.name} are not zero")
    if pos != size:
        raise IntegrityError(f"the file holds {size} bytes, its sections end at {pos} (truncated or extended)")
    return meta_len, entries


def read(buffer: Any, source: str) -> tuple[IndexMeta, dict[str, Any], dict[str, int]]:
    """The meta, the sections as typed memoryviews (blobs as byte views), and where each section
    starts in ``buffer``; ``IndexFormatError`` naming the remedy for anything that is not an intact
    index of this format."""
    view = memoryview(buffer)
    version = format_of_bytes(bytes(view[: len(MAGIC) + 4]))
    if version is None:
        raise IndexFormatError(f"{source} is not a toponym index; rebuild it with `toponym compile`.")
    if version != FORMAT:
        raise IndexFormatError(
            f"{source} is an index of format {version}, this toponym reads {FORMAT}; rebuild it with `toponym compile`."
        )
    try:
        meta_len, entries = _layout(view)
        parts: dict[str, Any] = {}
        for s, (start, length, expected) in zip(SECTIONS, entries, strict=True):
            part = view[start : start + length]
            if checksum(part) != expected:
                raise IntegrityError(f"section {s.name} is damaged (its checksum does not match)")
            parts[s.name] = part if s.typecode == "blob" else part.cast(s.typecode)  # type: ignore[call-overload]
        if any(view[_META_AT + meta_len : _align(_META_AT + meta_len)]):
            raise IntegrityError("the bytes after the meta are not zero")
        meta = _meta_of(json.loads(bytes(view[_META_AT : _META_AT + meta_len]).decode("utf-8")))
    except (ValueError, TypeError, KeyError, RecursionError) as exc:
        raise IndexFormatError(f"{source} is corrupt ({exc}); rebuild it with `toponym compile`.") from exc
    return meta, parts, {s.name: start for s, (start, _, _) in zip(SECTIONS, entries, strict=True)}

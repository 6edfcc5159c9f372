"""Bytes of an index file: header, ``marshal`` meta, and the flat sections of :mod:`.schema`.

Layout::

    MAGIC | format (u32) | meta length (u64) | meta | sections...

``meta`` is a ``marshal`` blob of the small tables (one row per place, the policy) plus the table
of sections; ``marshal`` cannot run code when it loads, unlike ``pickle``. Sections are 8-byte
aligned so that they can be cast in place from a memory map.
"""

from __future__ import annotations

import marshal
from array import array
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import IndexFormatError
from .schema import FORMAT, MAGIC, SECTION, SECTIONS

__all__ = ["IndexMeta", "IndexTables", "format_of_bytes", "read", "serialize"]

_HEAD = len(MAGIC) + 12


@dataclass(slots=True)
class IndexMeta:
    """The small tables of an index, kept in its ``marshal`` header (plain Python values)."""

    header: dict[str, Any]
    """format_version, toponym_version, digest, files, places, names, fuzzy_keys, ..."""
    place_ids: list[str]
    place_kind: list[str]
    place_name: list[str]
    place_codes: list[str]
    """``key=value;key=value``."""
    place_curated: bytes
    place_part_of: dict[int, tuple[int, ...]]
    place_display: dict[int, dict[str, str]]
    """Curated display names: place row -> ``"ru"``, ``"jp"``, ``"jp:ja"`` -> name."""
    display_tags: list[str]
    """Language tags of the display names a source gives, indexed by the ``display_tag`` section."""
    langs: list[str]
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


def serialize(tables: IndexTables) -> bytearray:
    """The bytes of an index file holding ``tables`` (a bytearray: the build fills in the answers
    it ranks with the index itself, in place)."""
    tables.check()
    meta = asdict(tables.meta)
    chunks = [(s.name, d if isinstance(d := tables.sections[s.name], bytes) else d.tobytes()) for s in SECTIONS]
    # offsets depend on the meta length, which depends on the offsets: size the meta first
    meta["_sections"] = {name: (0, len(data)) for name, data in chunks}
    reserved = len(marshal.dumps(meta, 4)) + 16 * len(chunks) + 64
    pos = _align(_HEAD + reserved)
    sections: dict[str, tuple[int, int]] = {}
    for name, data in chunks:
        sections[name] = (pos, len(data))
        pos = _align(pos + len(data))
    meta["_sections"] = sections
    blob = marshal.dumps(meta, 4)
    if len(blob) > reserved:
        raise AssertionError("index meta outgrew its reserved space")  # pragma: no cover
    out = bytearray(pos)
    out[: len(MAGIC)] = MAGIC
    out[len(MAGIC) : _HEAD] = FORMAT.to_bytes(4, "little") + len(blob).to_bytes(8, "little")
    out[_HEAD : _HEAD + len(blob)] = blob
    for name, data in chunks:
        start, length = sections[name]
        out[start : start + length] = data
    return out


def format_of_bytes(head: bytes) -> int | None:
    """The format number in the first bytes of an index file, or ``None`` when it is not one."""
    if len(head) < len(MAGIC) + 4 or not head.startswith(MAGIC):
        return None
    return int.from_bytes(head[len(MAGIC) : len(MAGIC) + 4], "little")


def read(buffer: Any, source: str) -> tuple[IndexMeta, dict[str, Any], dict[str, int]]:
    """The meta, the sections as typed memoryviews (blobs as byte views), and where each section
    starts in ``buffer``; ``IndexFormatError`` naming the remedy for anything that is not an index
    of this format."""
    view = memoryview(buffer)
    version = format_of_bytes(bytes(view[:_HEAD]))
    if version is None or len(view) < _HEAD:
        raise IndexFormatError(f"{source} is not a toponym index; rebuild it with `toponym compile`.")
    if version != FORMAT:
        raise IndexFormatError(
            f"{source} is an index of format {version}, this toponym reads {FORMAT}; rebuild it with `toponym compile`."
        )
    meta_len = int.from_bytes(view[len(MAGIC) + 4 : _HEAD], "little")
    try:
        if meta_len > len(view) - _HEAD:
            raise ValueError("the header claims more meta data than the file holds")
        raw = marshal.loads(view[_HEAD : _HEAD + meta_len])
        layout: dict[str, tuple[int, int]] = raw.pop("_sections")
        parts: dict[str, Any] = {}
        for s in SECTIONS:
            start, length = layout[s.name]
            part = view[start : start + length]
            if start < _HEAD or len(part) != length:
                raise ValueError(f"section {s.name} is truncated")
            parts[s.name] = part if s.typecode == "blob" else part.cast(s.typecode)  # type: ignore[call-overload]
        meta = IndexMeta(**raw)
    except (ValueError, EOFError, TypeError, KeyError) as exc:
        raise IndexFormatError(f"{source} is corrupt ({exc}); rebuild it with `toponym compile`.") from exc
    return meta, parts, {name: start for name, (start, _) in layout.items()}

"""The CLI's only reads of index and resolver internals, one small function each.

Everything else in ``toponym.cli`` goes through the public ``Gazetteer`` methods, results and
their ``to_dict()``. When the index API moves, these functions are re-pointed and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import Gazetteer, Match
from ..index import Index
from ..vocab import COUNTRY_KINDS


# internal: re-pointed when the index API moves
def country_id(gz: Gazetteer, code: str) -> str | None:
    """``code`` as a country hint (ISO 3166-1 alpha-2 or a stored alias, any case), or ``None``."""
    key = code.strip().lower()
    if not key:
        return None
    idx = gz.index
    try:
        row = idx.row_of(idx.policy.perspective_alias.get(key, key))
    except LookupError:
        return None
    return key if idx.places.kind[row] in COUNTRY_KINDS else None


# internal: re-pointed when the index API moves
def display_name(gz: Gazetteer, match: Match, lang: str | None, perspective: str | None) -> str:
    """The name to write for ``match``'s place as ``perspective`` / ``lang`` would."""
    return gz.display_name(match, lang=lang, perspective=perspective)


# internal: re-pointed when the index API moves
def index_summary(gz: Gazetteer) -> tuple[str, Mapping[str, int], dict[str, int]]:
    """The index's digest, its counts, and the number of places of each kind."""
    idx = gz.index
    kinds: dict[str, int] = {}
    for kind in idx.places.kind:
        kinds[kind] = kinds.get(kind, 0) + 1
    return idx.digest, idx.counts(), kinds


# internal: re-pointed when the index API moves
def compiled_counts(index: Index) -> Mapping[str, int]:
    """Places, names and keys in a freshly compiled index."""
    return index.counts()


# internal: re-pointed when the index API moves
def compiled_bytes(index: Index) -> bytes:
    """A freshly compiled index's bytes, to be written through ``textio.output_sink``."""
    return index.to_bytes()

"""The CLI's only reads of index and resolver internals, one small function each.

Everything else in ``toponym.cli`` goes through the public ``Gazetteer`` methods, results and
their ``to_dict()``. When the index API moves, these functions are re-pointed and nothing else.
"""

from __future__ import annotations

from collections.abc import Mapping

from .. import Gazetteer, HintError, Match
from ..index import Index


# internal: re-pointed when the index API moves
def country_id(gz: Gazetteer, code: str) -> str | None:
    """``code`` as a country hint, read as the library reads one (an ISO 3166-1 code in any case,
    alpha-2, alpha-3 or numeric, a country's ID or its name), or ``None`` when it names no country."""
    if not code.strip():
        return None
    try:
        return gz.resolver.country_id(code)
    except HintError:
        return None


# internal: re-pointed when the index API moves
def perspective_id(gz: Gazetteer, code: str) -> str | None:
    """``code`` as a perspective (a country, or a language tag aliased to one), or ``None``."""
    try:
        return gz.resolver.perspective_id(code)
    except HintError:
        return None


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

"""The compiled indexes this process has open, so that a pickled place finds its own again.

A place built by an index pickles as ``(token, id)``, the token being the index's source digest and
file path. Loading it looks for an open index with that digest; failing that, opens the file at
that path or the default index, whichever has that digest. A worker process of
:mod:`multiprocessing`, Dask or Spark therefore receives a few dozen bytes per place and shares the
memory-mapped index with every other worker on its machine.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import IndexFormatError

if TYPE_CHECKING:
    from .index import Index
    from .model import Place

__all__ = ["Token", "find_index", "rebind_place", "register"]

#: ``(digest, path)``: names an index across processes (``path`` may be ``None``).
Token = tuple[str, str | None]

_open: weakref.WeakValueDictionary[str, Index] = weakref.WeakValueDictionary()
_kept: dict[str, Any] = {}  # indexes opened here to re-bind places: kept for the life of the process
_lock = threading.Lock()


def register(index: Index) -> None:
    """Note that ``index`` is open (indexes register themselves when they are built)."""
    if not index.digest:
        return
    have = _open.get(index.digest)
    # an index read from a file wins over one compiled in memory: a pickled place names the file
    if have is None or (have.origin_token() is None and index.origin_token() is not None):
        _open[index.digest] = index


def find_index(token: Token) -> Index:
    """The open index ``token`` names, opening it if need be; ``IndexFormatError`` if none can be."""
    digest, path = token
    found = _open.get(digest)
    if found is not None:
        return found
    with _lock:
        found = _open.get(digest)
        if found is not None:
            return found
        from .api import default_gazetteer  # deferred: the facade imports this module
        from .index import Index

        candidates: list[Callable[[], Index]] = []
        if path is not None and Path(path).is_file():
            candidates.append(lambda: Index.load(path))
        candidates.append(lambda: default_gazetteer().index)
        for open_one in candidates:
            try:
                index = open_one()
            except (IndexFormatError, OSError):
                continue
            if index.digest == digest:
                _kept[digest] = index
                register(index)
                return index
    raise IndexFormatError(
        f"cannot re-bind a pickled place: it came from the index with digest {digest[:16]}... ({path}), which "
        "this process cannot open. Install the same toponym version here, or set TOPONYM_INDEX to that index."
    )


def rebind_place(token: Token, place_id: str) -> Place:
    """Unpickle a place: the same place of the same index (see the module docstring)."""
    index = find_index(token)
    return index.place(index.row_of(place_id))

"""A source checkout keeps its bundled index current: rebuilt when its inputs' digest changes.

An installed wheel carries the index built at packaging time and never rebuilds. In a checkout
(``gazetteer/`` beside the package) the bundled index is stale when the digest of the gazetteer's
files and the build code differs from the one it was built from. A stamp beside the index
remembers the sizes and times of the inputs at the last check, so an unchanged checkout costs a
few ``stat`` calls, not a digest.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from pathlib import Path

from .errors import IndexFormatError
from .index import FORMAT, Index, format_of

__all__ = ["BUNDLED", "SOURCE_GAZETTEER", "default_index", "default_index_path", "ensure_current", "stale"]

_PACKAGE = Path(__file__).resolve().parent
BUNDLED = _PACKAGE / "_data" / "index.bin"
# In a source checkout the gazetteer sits beside the package; an installed wheel has none.
SOURCE_GAZETTEER = _PACKAGE.parent / "gazetteer"


def default_index_path() -> Path:
    """``$TOPONYM_INDEX`` if set, else the index bundled in the package."""
    env = os.environ.get("TOPONYM_INDEX")
    return Path(env) if env else BUNDLED


def default_index() -> tuple[Path, tuple[str, int, int, int, int]]:
    """The default index file (made current first, in a checkout) and what tells its present
    version from another (a file replaced or rewritten differs); ``IndexFormatError`` if none."""
    path = default_index_path()
    ensure_current(path)
    if not path.exists():
        raise IndexFormatError(
            f"no compiled index at {path}. Reinstall toponym, or run "
            "`toponym compile gazetteer -o toponym/_data/index.bin` in a source checkout."
        )
    st = path.stat()
    return path, (str(path), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _stamp_path(index_path: Path) -> Path:
    return index_path.with_name(index_path.name + ".stamp")


def _stats() -> dict[str, list[int]]:
    from .build.inputs import build_code, source_files  # deferred: only checkouts read the sources

    files = [*source_files(SOURCE_GAZETTEER), *build_code()]
    return {str(p): [p.stat().st_size, p.stat().st_mtime_ns] for p in files}


def stale(index_path: Path) -> bool:
    """In a source checkout: was the bundled index built from other sources or other build code?"""
    if not SOURCE_GAZETTEER.is_dir() or index_path != BUNDLED:
        return False
    if not index_path.exists() or format_of(index_path) != FORMAT:
        return True
    with contextlib.suppress(OSError, ValueError):
        if json.loads(_stamp_path(index_path).read_text(encoding="utf-8")) == _stats():
            return False
    from .build.inputs import digest_of

    try:
        built_from = Index.load(index_path).digest
    except IndexFormatError:
        return True
    if built_from != digest_of(SOURCE_GAZETTEER):
        return True
    _write_stamp(index_path)
    return False


def _write_stamp(index_path: Path) -> None:
    with contextlib.suppress(OSError):  # a read-only checkout: the digest is checked again next time
        _stamp_path(index_path).write_text(json.dumps(_stats()), encoding="utf-8")


def ensure_current(index_path: Path) -> None:
    """Rebuild the bundled index of a source checkout when it is stale."""
    if stale(index_path):
        from .build import compile_gazetteer

        print(f"toponym: compiling {SOURCE_GAZETTEER} -> {index_path}", file=sys.stderr)
        compile_gazetteer(SOURCE_GAZETTEER, index_path)
        _write_stamp(index_path)

"""Gazetteer sources → index: read, validate, merge, build the tables, compile the answers.

Never imported on the query path. Deterministic: the same sources give the same bytes.

>>> from toponym.build import compile_gazetteer
>>> index = compile_gazetteer("tests/fixtures/gazetteer")
>>> index.places.ids[index.row_of("kunashir")]
'kunashir'
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from ..index import Index
from ..index.format import serialize
from .audit import Audit, apply, audit
from .defaults import compile_answers
from .merge import merge
from .overlay import checked_overlay
from .patch import apply_overlay
from .sources import Sources, read_gazetteer
from .tables import build_tables
from .validate import validate

__all__ = ["audit_gazetteer", "compile_gazetteer", "compile_overlay", "compile_sources"]


def compile_sources(sources: Sources) -> Index:
    """An :class:`~toponym.index.Index` of ``sources``; ``GazetteerError`` lists every problem first."""
    validate(sources)
    places = merge(sources)
    checked = audit(places, sources.words)
    apply(places, checked)
    tables = build_tables(places, sources, checked.ordinary)
    # the answers are ranked with the index the tables make, by the resolver's own pure functions
    answers = compile_answers(Index(serialize(tables)))
    tables.sections.update(answers.sections())
    tables.meta.explanations = answers.explanations
    return Index(serialize(tables))


def compile_gazetteer(root: str | Path, out: str | Path | None = None) -> Index:
    """Read, validate and compile a gazetteer folder; write the index to ``out`` when given."""
    index = compile_sources(read_gazetteer(Path(root)))
    if out is not None:
        index.dump(out)
    return index


def audit_gazetteer(root: str | Path) -> Audit:
    """The alias audit of a gazetteer folder: every name it drops or demotes, with its rule."""
    sources = read_gazetteer(Path(root))
    validate(sources)
    return audit(merge(sources), sources.words)


def compile_overlay(base: Index, paths: Iterable[str | Path], out: str | Path | None = None) -> Index:
    """``base`` with the overlay files or folders ``paths`` compiled in (see :mod:`.overlay`); write
    the index to ``out`` when given. ``GazetteerError`` lists every problem, as ``file:line``."""
    index = apply_overlay(base, checked_overlay(paths, base))
    if out is not None:
        index.dump(out)
    return index

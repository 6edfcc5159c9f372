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
from typing import TYPE_CHECKING

from ..index import Index

if TYPE_CHECKING:
    from .audit import Audit
    from .sources import Sources

# The steps are imported by the functions that run them: a source checkout asks
# ``toponym.build.sources`` whether its index is stale on every first load, and that must not
# import the whole build (NumPy with it).

__all__ = ["audit_gazetteer", "compile_gazetteer", "compile_overlay", "compile_sources"]


def compile_sources(sources: Sources) -> Index:
    """An :class:`~toponym.index.Index` of ``sources``; ``GazetteerError`` lists every problem first."""
    from ..extractor.language import META_KEY as LANGUAGES_KEY
    from ..extractor.lookups import Lookups
    from ..extractor.phones import META_KEY as AREA_CODES_KEY
    from ..extractor.results import META_KEY as RESULTS_KEY
    from ..extractor.results import Results, compiled_table
    from ..index.format import serialize
    from ..resolver import Resolver
    from .audit import apply, audit
    from .defaults import compile_answers
    from .languages import compiled_languages, core_names, foreign_names
    from .merge import merge
    from .tables import build_tables
    from .validate import validate

    validate(sources)
    places = merge(sources)
    checked = audit(places, sources.words)
    apply(places, checked)
    tables = build_tables(places, sources, checked.ordinary, checked.function, checked.caseless)
    # the answers are ranked with the index the tables make, by the resolver's own pure functions
    answers = compile_answers(Index(serialize(tables)))
    tables.sections.update(answers.sections())
    tables.meta.explanations = answers.explanations
    index = Index(serialize(tables))
    # what extraction would otherwise work out from the names on first use, once per process
    tables.meta.extra[RESULTS_KEY] = compiled_table(Results(index, Lookups(Resolver(index))))
    languages = compiled_languages(sources.words.frequent, sources.words.territory_langs)
    languages["foreign"] = foreign_names(index, sources.words.frequent)
    languages["core"] = core_names(index, sources.words.frequent)
    tables.meta.extra[LANGUAGES_KEY] = languages
    known = set(index.places.ids)
    tables.meta.extra[AREA_CODES_KEY] = {  # the places of the index only (a test gazetteer has few)
        code: kept for code, ids in sorted(sources.words.area_codes.items()) if (kept := [i for i in ids if i in known])
    }
    return Index(serialize(tables))


def compile_gazetteer(root: str | Path, out: str | Path | None = None) -> Index:
    """Read, validate and compile a gazetteer folder; write the index to ``out`` when given."""
    from .sources import read_gazetteer

    index = compile_sources(read_gazetteer(Path(root)))
    if out is not None:
        index.dump(out)
    return index


def audit_gazetteer(root: str | Path) -> Audit:
    """The alias audit of a gazetteer folder: every name it drops or demotes, with its rule."""
    from .audit import audit
    from .merge import merge
    from .sources import read_gazetteer
    from .validate import validate

    sources = read_gazetteer(Path(root))
    validate(sources)
    return audit(merge(sources), sources.words)


def compile_overlay(base: Index, paths: Iterable[str | Path], out: str | Path | None = None) -> Index:
    """``base`` with the overlay files or folders ``paths`` compiled in (see :mod:`.overlay`); write
    the index to ``out`` when given. ``GazetteerError`` lists every problem, as ``file:line``."""
    from .overlay import checked_overlay
    from .patch import apply_overlay

    index = apply_overlay(base, checked_overlay(paths, base))
    if out is not None:
        index.dump(out)
    return index

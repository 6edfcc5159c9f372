"""Arrow tables out of a column of names or texts (``pip install 'toponym-ids[arrow]'``).

:func:`resolve` turns a string array into a table of typed columns (``id``, ``name``, ``kind``,
``country``, ``score``, ``method``, ``status``, then the code keys asked for); :func:`extract`
turns a column of texts into a long table of mentions, one row per mention. No Python objects are
left in either: strings, 64-bit floats and integers, nulls where nothing matched.

>>> import pyarrow as pa
>>> t = resolve(pa.array(["Kunashiri", None, "Кунашир"]), codes=["wikidata"])
>>> t.column("id").to_pylist(), t.column("status").to_pylist()
(['kunashir', None, 'kunashir'], ['matched', 'empty', 'matched'])
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .api import Gazetteer
from .batch import Batch, Column, TextBatch, extract_batch, per_row, resolve_batch, resolve_distinct
from .batch.work import take_columns

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["extract", "resolve", "table_of_matches", "table_of_mentions"]


def _pyarrow() -> Any:
    try:
        import pyarrow
    except ImportError as e:  # an optional extra
        raise ImportError("toponym.arrow needs pyarrow: pip install 'toponym-ids[arrow]'") from e
    return pyarrow


def resolve(
    names: Column,
    *,
    lang: str | Column | None = None,
    country: str | Column | None = None,
    kinds: str | Collection[str] | Column | None = None,
    perspective: str | Column | None = None,
    demonyms: bool = False,
    codes: Sequence[str] = (),
    categorical: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
) -> pa.Table:
    """One row per name, in order; hints and options as for :func:`toponym.resolve_many`.
    ``categorical=True`` dictionary-encodes the text columns (each distinct string stored once,
    rows taken as integers; pandas reads them as ``category``, polars as ``Categorical``)."""
    pa = _pyarrow()
    import pyarrow.compute as pc

    options: dict[str, Any] = {"demonyms": demonyms, "n_jobs": n_jobs, "progress": progress, "gazetteer": gazetteer}
    hints: dict[str, Any] = {"lang": lang, "country": country, "kinds": kinds, "perspective": perspective}
    if isinstance(names, pa.ChunkedArray):
        names = names.combine_chunks()
    strings = isinstance(names, pa.Array) and (pa.types.is_string(names.type) or pa.types.is_large_string(names.type))
    if strings and not per_row(**hints):
        # factorise in Arrow's own code: each distinct string once, nulls after them
        encoded = pc.dictionary_encode(names)
        distinct = encoded.dictionary.to_pylist()
        rows = encoded.indices.fill_null(len(distinct)).to_numpy(zero_copy_only=False).astype(np.intp)
        batch = resolve_distinct([*distinct, None], rows, **hints, **options)
    else:
        batch = resolve_batch(names, **hints, **options)
    return table_of_matches(batch, codes, categorical=categorical)


def table_of_matches(batch: Batch, codes: Sequence[str] = (), *, categorical: bool = False) -> pa.Table:
    """A :class:`~toponym.batch.Batch` as a table: each distinct answer's values taken by row."""
    pa = _pyarrow()
    take = pa.array(batch.rows)
    distinct = {}
    for key, values in batch.fields(codes).items():
        if key == "score":
            distinct[key] = pa.array(values, type=pa.float64())
        else:
            array = pa.array(values, type=pa.string())
            distinct[key] = array.dictionary_encode() if categorical else array
    columns = take_columns(list(distinct.values()), lambda values: values.take(take), len(batch.rows))
    return pa.table(dict(zip(distinct, columns, strict=True)))


def extract(
    texts: Column,
    *,
    context: bool = True,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    documents: bool | Column = False,
) -> pa.Table:
    """A long table of mentions: ``row`` (position of the text), ``start``, ``end`` (``str``
    offsets), ``text``, ``id``, ``name``, ``kind``, ``country``, ``score``, ``method``.
    ``documents`` reads the texts of one document together, as :func:`toponym.extract_many` does."""
    _pyarrow()
    return table_of_mentions(
        extract_batch(
            texts,
            context=context,
            demonyms=demonyms,
            n_jobs=n_jobs,
            progress=progress,
            gazetteer=gazetteer,
            documents=documents,
        )
    )


def table_of_mentions(batch: TextBatch) -> pa.Table:
    """A :class:`~toponym.batch.TextBatch` as a long table, one row per mention."""
    pa = _pyarrow()
    row, flat = batch.long()
    take = pa.array(flat.pop("take"), type=pa.int64())
    columns: dict[str, Any] = {"row": pa.array(row, type=pa.int64())}
    for key, values in flat.items():
        kind = pa.int64() if key in ("start", "end") else pa.float64() if key == "score" else pa.string()
        columns[key] = pa.array(values, type=kind).take(take)
    return pa.table(columns)

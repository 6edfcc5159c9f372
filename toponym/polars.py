"""polars columns out of a column of names or texts (``pip install 'toponym-ids[polars]'``).

The same tables as :mod:`toponym.pandas`: :func:`resolve` gives one row per name (``id``,
``name``, ``kind``, ``country``, ``score``, ``method``, ``status`` and the code keys asked for),
:func:`extract` one row per mention; strings, floats and nulls only.

>>> import polars as pl
>>> resolve(pl.Series(["Kunashiri", None, "Кунашир"]))["id"].to_list()
['kunashir', None, 'kunashir']
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .api import Gazetteer
from .batch import Batch, Column, TextBatch, extract_batch, per_row, resolve_batch, resolve_distinct

if TYPE_CHECKING:
    import polars as pl

__all__ = ["extract", "frame_of_matches", "frame_of_mentions", "resolve"]


def _polars() -> Any:
    try:
        import polars
    except ImportError as e:  # an optional extra
        raise ImportError("toponym.polars needs polars: pip install 'toponym-ids[polars]'") from e
    return polars


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
) -> pl.DataFrame:
    """One row per name, in order; hints and options as for :func:`toponym.resolve_many`.
    ``categorical=True`` gives the text columns the ``Categorical`` dtype (each distinct string
    stored once, rows taken as integers)."""
    lib = _polars()
    options: dict[str, Any] = {"demonyms": demonyms, "n_jobs": n_jobs, "progress": progress, "gazetteer": gazetteer}
    hints: dict[str, Any] = {"lang": lang, "country": country, "kinds": kinds, "perspective": perspective}
    if isinstance(names, lib.Series) and names.dtype == lib.String and not per_row(**hints):
        # factorise in polars' own code: the distinct values (null among them), and each row's
        frame = names.rename("value").to_frame()
        distinct = frame.unique(maintain_order=True).with_row_index("code")
        codes_of_rows = frame.join(distinct, on="value", how="left", nulls_equal=True, maintain_order="left")
        rows = codes_of_rows["code"].to_numpy().astype(np.intp)
        batch = resolve_distinct(distinct["value"].to_list(), rows, **hints, **options)
    else:
        batch = resolve_batch(names, **hints, **options)
    return frame_of_matches(batch, codes, categorical=categorical)


def frame_of_matches(batch: Batch, codes: Sequence[str] = (), *, categorical: bool = False) -> pl.DataFrame:
    """A :class:`~toponym.batch.Batch` as a DataFrame: each distinct answer's values taken by row."""
    lib = _polars()
    text = lib.Categorical if categorical else lib.String
    distinct = lib.DataFrame(
        [
            lib.Series(key, values, dtype=lib.Float64 if key == "score" else text)
            for key, values in batch.fields(codes).items()
        ]
    )
    # every column taken by row in one query: polars takes them side by side on its threads
    frame: pl.DataFrame = distinct.select(lib.all().gather(lib.Series(batch.rows)))
    return frame


def extract(
    texts: Column,
    *,
    context: bool = True,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    documents: bool | Column = False,
) -> pl.DataFrame:
    """A long DataFrame of mentions: ``row`` (position of the text), ``start``, ``end`` (``str``
    offsets), ``text``, ``id``, ``name``, ``kind``, ``country``, ``score``, ``method``.
    ``documents`` reads the texts of one document together, as :func:`toponym.extract_many` does."""
    _polars()
    return frame_of_mentions(
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


def frame_of_mentions(batch: TextBatch) -> pl.DataFrame:
    """A :class:`~toponym.batch.TextBatch` as a long DataFrame, one row per mention."""
    lib = _polars()
    row, flat = batch.long()
    take = np.asarray(flat.pop("take"), dtype=np.intp)
    columns = [lib.Series("row", row, dtype=lib.Int64)]
    for key, values in flat.items():
        dtype = lib.Int64 if key in ("start", "end") else lib.Float64 if key == "score" else lib.String
        columns.append(lib.Series(key, values, dtype=dtype).gather(take))
    frame: pl.DataFrame = lib.DataFrame(columns)
    return frame

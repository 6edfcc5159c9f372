"""pandas columns out of a column of names or texts (``pip install 'toponym-ids[pandas]'``).

:func:`resolve` turns a Series of names into a DataFrame of typed columns with the same index:
``id``, ``name``, ``kind``, ``country``, ``method``, ``status`` and the code keys asked for as
strings, ``score`` as a nullable float; :func:`extract` turns a Series of texts into a long
DataFrame of mentions. Each distinct value is answered once, then spread over the rows by
vectorised takes, so a column of a million rows costs what its distinct values cost.

>>> import pandas as pd
>>> df = pd.DataFrame({"city": ["Kunashiri", None, "Georgia", "Georgia"], "cc": ["ru", "ru", "us", None]})
>>> resolve(df["city"], country=df["cc"])[["id", "status"]].to_dict("list")
{'id': ['kunashir', None, 'us-ga', 'ge'], 'status': ['matched', 'empty', 'matched', 'matched']}
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .api import Gazetteer
from .batch import Batch, Column, TextBatch, extract_batch, per_row, resolve_batch, resolve_distinct
from .batch.work import take_columns

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["extract", "frame_of_matches", "frame_of_mentions", "resolve"]


def _pandas() -> Any:
    try:
        import pandas
    except ImportError as e:  # an optional extra
        raise ImportError("toponym.pandas needs pandas: pip install 'toponym-ids[pandas]'") from e
    return pandas


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
) -> pd.DataFrame:
    """One row per name, with the index of ``names``; hints and options as for
    :func:`toponym.resolve_many` (a hint may be a Series beside ``names``). ``categorical=True``
    gives the text columns the ``category`` dtype: each distinct string stored once, a million
    rows taken as integers (several times faster, and a fraction of the memory)."""
    pd = _pandas()
    options: dict[str, Any] = {"demonyms": demonyms, "n_jobs": n_jobs, "progress": progress, "gazetteer": gazetteer}
    hints: dict[str, Any] = {"lang": lang, "country": country, "kinds": kinds, "perspective": perspective}
    batch: Batch | None = None
    if not per_row(**hints):
        try:  # factorise in pandas' own code; missing values get the code -1, moved after the rest
            rows, distinct = pd.factorize(pd.Series(names) if not isinstance(names, pd.Series) else names)
        except TypeError:  # unhashable values (lists): the generic path marks them invalid
            pass
        else:
            rows = np.where(rows < 0, len(distinct), rows).astype(np.intp)
            batch = resolve_distinct([*distinct.tolist(), None], rows, **hints, **options)  # no per-item iteration
    if batch is None:
        batch = resolve_batch(names, **hints, **options)
    index = names.index if isinstance(names, pd.Series) else None
    return frame_of_matches(batch, codes, index=index, categorical=categorical)


def frame_of_matches(
    batch: Batch, codes: Sequence[str] = (), *, index: Any = None, categorical: bool = False
) -> pd.DataFrame:
    """A :class:`~toponym.batch.Batch` as a DataFrame: each distinct answer's values taken by row."""
    pd = _pandas()
    distinct = {}
    for key, values in batch.fields(codes).items():
        if key == "score":
            distinct[key] = pd.array(values, dtype="Float64")
        elif categorical:
            distinct[key] = pd.Categorical(values)
        else:
            distinct[key] = pd.array(values, dtype=pd.StringDtype())
    rows = batch.rows
    columns = take_columns(list(distinct.values()), lambda values: values.take(rows), len(rows))
    return pd.DataFrame(dict(zip(distinct, columns, strict=True)), index=index)


def extract(
    texts: Column,
    *,
    context: bool = True,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    documents: bool | Column = False,
) -> pd.DataFrame:
    """A long DataFrame of mentions: ``row`` (the index label of the text), ``start``, ``end``
    (``str`` offsets), ``text``, ``id``, ``name``, ``kind``, ``country``, ``score``, ``method``.
    ``documents`` reads the texts of one document together, as :func:`toponym.extract_many` does."""
    pd = _pandas()
    batch = extract_batch(
        texts,
        context=context,
        demonyms=demonyms,
        n_jobs=n_jobs,
        progress=progress,
        gazetteer=gazetteer,
        documents=documents,
    )
    return frame_of_mentions(batch, index=texts.index if isinstance(texts, pd.Series) else None)


def frame_of_mentions(batch: TextBatch, *, index: Any = None) -> pd.DataFrame:
    """A :class:`~toponym.batch.TextBatch` as a long DataFrame, one row per mention; ``row`` holds
    the label in ``index`` of each mention's text (its position when there is no index)."""
    pd = _pandas()
    row, flat = batch.long()
    take = np.asarray(flat.pop("take"), dtype=np.intp)
    labels = pd.Index(index).take(row) if index is not None else row.astype(np.int64)
    columns: dict[str, Any] = {"row": labels}
    for key, values in flat.items():
        dtype = "Int64" if key in ("start", "end") else "Float64" if key == "score" else pd.StringDtype()
        columns[key] = pd.array(values, dtype=dtype).take(take)
    return pd.DataFrame(columns)

"""Dask helpers: resolve or extract a column of a Dask DataFrame partition by partition
(``pip install 'toponym-ids[dask]'``).

Each partition goes through :mod:`toponym.pandas` in a worker, which opens the index once per
process (:func:`toponym.batch.open_gazetteer`) and answers each distinct value of its partition
once; only the index path travels to the workers. The results are Dask DataFrames with the same
typed columns as :func:`toponym.pandas.resolve` and :func:`toponym.pandas.extract` (``meta`` set,
so nothing is computed to learn them).

With ``dedupe="column"``, :func:`resolve` first gathers the distinct values of the whole column,
answers each once somewhere in the cluster, and hands the (small) table of answers to every
partition: on a column with a long tail of distinct values, no two workers look up the same value.
On a column of mostly distinct values the table is as large as the column: keep the default
``dedupe="partition"`` there.

>>> import dask.dataframe as dd, pandas as pd
>>> names = dd.from_pandas(pd.Series(["Kunashiri", None, "Кунашир", "Japan"]), npartitions=2)
>>> resolve(names)["id"].compute().fillna("-").tolist()
['kunashir', '-', 'kunashir', 'jp']
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from .batch import HINTS, Batch, TextBatch, check_codes, open_gazetteer

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

__all__ = ["extract", "resolve"]


def _dask() -> Any:
    try:
        import dask.dataframe
    except ImportError as e:  # an optional extra
        raise ImportError("toponym.dask needs dask: pip install 'toponym-ids[dask]'") from e
    return dask.dataframe


def _pandas() -> Any:
    import pandas

    return pandas


def _resolve_partition(
    names: pd.Series,
    *columns: pd.Series,
    per_row: tuple[str, ...],
    fixed: dict[str, Any],
    codes: tuple[str, ...],
    index: str | None,
) -> pd.DataFrame:
    from . import pandas as tp

    hints = {**fixed, **dict(zip(per_row, columns, strict=True))}
    return tp.resolve(names, **hints, codes=codes, gazetteer=open_gazetteer(index))


def _extract_partition(texts: pd.Series, *, context: bool, demonyms: bool, index: str | None) -> pd.DataFrame:
    from . import pandas as tp

    return tp.extract(texts, context=context, demonyms=demonyms, gazetteer=open_gazetteer(index))


def _answer_partition(
    values: pd.Series, *, fixed: dict[str, Any], codes: tuple[str, ...], index: str | None
) -> pd.DataFrame:
    """Answers to distinct values, with the values beside them (``dedupe="column"``)."""
    from . import pandas as tp

    frame = tp.resolve(values, **fixed, codes=codes, gazetteer=open_gazetteer(index)).reset_index(drop=True)
    frame.insert(0, "value", values.reset_index(drop=True))
    return frame


def _take_answers(
    names: pd.Series, table: pd.DataFrame, *, fixed: dict[str, Any], codes: tuple[str, ...], index: str | None
) -> pd.DataFrame:
    """Each name's row of ``table``, taken by position: no lookup, no Python loop over the rows."""
    pd = _pandas()
    values = pd.Index(table["value"])
    if not values.is_unique:  # None and NaN in an object column: one answer each is enough
        table = table[~values.duplicated()]
        values = pd.Index(table["value"])
    positions = values.get_indexer(names)
    if (positions < 0).any():  # not in the table (cannot happen, unless values compare oddly): answer here
        return _resolve_partition(names, per_row=(), fixed=fixed, codes=codes, index=index)
    out = table.drop(columns="value").take(positions)
    out.index = names.index
    return out


def resolve(
    names: dd.Series,
    *,
    lang: str | dd.Series | None = None,
    country: str | dd.Series | None = None,
    kinds: str | Collection[str] | None = None,
    perspective: str | dd.Series | None = None,
    demonyms: bool = False,
    codes: Sequence[str] = (),
    index: str | os.PathLike[str] | None = None,
    dedupe: Literal["partition", "column"] = "partition",
) -> dd.DataFrame:
    """One row per name, with the index of ``names``; a hint is one value or a Dask Series
    partitioned like ``names``. ``index`` is the path of a compiled index (``None``: the default).
    ``dedupe="column"`` answers each distinct value of the whole column once (see the module
    docstring); hints given as a Series answer partition by partition. ``demonyms=True`` reads a
    demonym as its place (as :func:`toponym.resolve`)."""
    ddf = _dask()
    from . import pandas as tp

    if dedupe not in ("partition", "column"):
        raise ValueError(f"dedupe={dedupe!r}: choose 'partition' or 'column'")
    given = {"lang": lang, "country": country, "kinds": kinds, "perspective": perspective}
    per_row = tuple(k for k in HINTS if isinstance(given[k], ddf.Series))
    fixed = {k: v for k, v in given.items() if k not in per_row} | {"demonyms": bool(demonyms)}
    codes = check_codes(codes)
    meta = tp.frame_of_matches(Batch(np.empty(0, dtype=np.intp), (), (), ()), codes)
    path = os.fspath(index) if index is not None else None
    if dedupe == "column" and not per_row:
        column: Any = names  # dask's own annotations stop short of drop_duplicates
        # distinct values by a tree reduction (no shuffle of a million rows), then shared out again
        # so that every worker answers its part of them
        distinct = column.drop_duplicates(split_out=1).repartition(npartitions=column.npartitions)
        table_meta = meta.copy()
        table_meta.insert(0, "value", _pandas().Series([], dtype=names.dtype))
        answers = distinct.map_partitions(_answer_partition, fixed=fixed, codes=codes, index=path, meta=table_meta)
        # one partition: map_partitions hands it whole to every partition of the names
        table = answers.repartition(npartitions=1)
        taken: dd.DataFrame = ddf.map_partitions(
            _take_answers, names, table, fixed=fixed, codes=codes, index=path, meta=meta, align_dataframes=False
        )
        return taken
    matches: dd.DataFrame = ddf.map_partitions(
        _resolve_partition, names, *(given[k] for k in per_row),
        per_row=per_row, fixed=fixed, codes=codes, index=path, meta=meta,
    )  # fmt: skip
    return matches


def extract(
    texts: dd.Series, *, context: bool = True, demonyms: bool = False, index: str | os.PathLike[str] | None = None
) -> dd.DataFrame:
    """A long table of mentions (columns as :func:`toponym.pandas.extract`; ``row`` is the index
    label of each mention's text), partitioned like ``texts``."""
    ddf = _dask()
    from . import pandas as tp

    pd = _pandas()
    # ``row`` holds index labels of ``texts``: its dtype is that of their index
    meta = tp.frame_of_mentions(TextBatch(np.empty(0, dtype=np.intp), ()), index=pd.Index([], dtype=texts.index.dtype))
    path = os.fspath(index) if index is not None else None
    mentions: dd.DataFrame = ddf.map_partitions(
        _extract_partition, texts, context=context, demonyms=demonyms, index=path, meta=meta
    )
    return mentions

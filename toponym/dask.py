"""Dask helpers: resolve or extract a column of a Dask DataFrame partition by partition
(``pip install 'toponym[dask]'``).

Each partition goes through :mod:`toponym.pandas` in a worker, which opens the index once per
process (:func:`toponym.batch.open_gazetteer`) and answers each distinct value of its partition
once; only the index path travels to the workers. The results are Dask DataFrames with the same
typed columns as :func:`toponym.pandas.resolve` and :func:`toponym.pandas.extract` (``meta`` set,
so nothing is computed to learn them).

>>> import dask.dataframe as dd, pandas as pd
>>> names = dd.from_pandas(pd.Series(["Kunashiri", None, "Кунашир", "Japan"]), npartitions=2)
>>> resolve(names)["id"].compute().fillna("-").tolist()
['kunashir', '-', 'kunashir', 'jp']
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

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
        raise ImportError("toponym.dask needs dask: pip install 'toponym[dask]'") from e
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


def _extract_partition(texts: pd.Series, *, context: bool, index: str | None) -> pd.DataFrame:
    from . import pandas as tp

    return tp.extract(texts, context=context, gazetteer=open_gazetteer(index))


def resolve(
    names: dd.Series,
    *,
    lang: str | dd.Series | None = None,
    country: str | dd.Series | None = None,
    kinds: str | Collection[str] | None = None,
    perspective: str | dd.Series | None = None,
    codes: Sequence[str] = (),
    index: str | os.PathLike[str] | None = None,
) -> dd.DataFrame:
    """One row per name, with the index of ``names``; a hint is one value or a Dask Series
    partitioned like ``names``. ``index`` is the path of a compiled index (``None``: the default)."""
    ddf = _dask()
    from . import pandas as tp

    given = {"lang": lang, "country": country, "kinds": kinds, "perspective": perspective}
    per_row = tuple(k for k in HINTS if isinstance(given[k], ddf.Series))
    fixed = {k: v for k, v in given.items() if k not in per_row}
    codes = check_codes(codes)
    meta = tp.frame_of_matches(Batch(np.empty(0, dtype=np.intp), (), (), ()), codes)
    path = os.fspath(index) if index is not None else None
    matches: dd.DataFrame = ddf.map_partitions(
        _resolve_partition, names, *(given[k] for k in per_row),
        per_row=per_row, fixed=fixed, codes=codes, index=path, meta=meta,
    )  # fmt: skip
    return matches


def extract(texts: dd.Series, *, context: bool = True, index: str | os.PathLike[str] | None = None) -> dd.DataFrame:
    """A long table of mentions (columns as :func:`toponym.pandas.extract`; ``row`` is the index
    label of each mention's text), partitioned like ``texts``."""
    ddf = _dask()
    from . import pandas as tp

    pd = _pandas()
    # ``row`` holds index labels of ``texts``: its dtype is that of their index
    meta = tp.frame_of_mentions(TextBatch(np.empty(0, dtype=np.intp), ()), index=pd.Index([], dtype=texts.index.dtype))
    path = os.fspath(index) if index is not None else None
    mentions: dd.DataFrame = ddf.map_partitions(_extract_partition, texts, context=context, index=path, meta=meta)
    return mentions

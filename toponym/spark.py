"""Spark: Arrow-backed pandas UDFs that resolve or extract a column (``pip install 'toponym-ids[spark]'``).

Use::

    place = resolve_udf(hints=["country"], codes=["wikidata"])
    df.select("city", place("city", "cc").alias("place")).select("city", "place.*")

:func:`resolve_udf` returns a struct per row (``id``, ``name``, ``kind``, ``country``,
``score``, ``method``, ``status``, then the code keys asked for); :func:`resolve_column` adds the
same struct to a DataFrame, resolving each distinct value of the whole column once;
:func:`extract_udf` returns an array of structs, one per mention (``start``, ``end``, ``text``,
``id``, ``name``, ``kind``, ``country``, ``score``, ``method``). Each Arrow batch goes through :mod:`toponym.pandas`, which answers each distinct
value of the batch once; each executor's Python process opens the memory-mapped index once
(:func:`toponym.batch.open_gazetteer`) and keeps it, with its caches, for every later batch. Only
the index path travels: the default index, or a compiled index file present on every executor.
docs/pipelines.md runs both on a local session.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

from .batch import HINTS, MATCH_FIELDS, MENTION_FIELDS, check_codes, extract_batch, open_gazetteer

if TYPE_CHECKING:
    import pandas as pd
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["extract_udf", "match_schema", "mention_schema", "resolve_column", "resolve_udf"]


def _pyspark() -> Any:
    try:
        import pyspark.sql.functions
        import pyspark.sql.types
    except ImportError as e:  # an optional extra
        raise ImportError("toponym.spark needs pyspark: pip install 'toponym-ids[spark]'") from e
    return pyspark.sql


def match_schema(codes: Sequence[str] = ()) -> StructType:
    """The struct :func:`resolve_udf` returns."""
    t = _pyspark().types
    fields = [*MATCH_FIELDS, *check_codes(codes)]
    schema: StructType = t.StructType(
        [t.StructField(k, t.DoubleType() if k == "score" else t.StringType()) for k in fields]
    )
    return schema


def mention_schema() -> StructType:
    """The struct of each mention in the array :func:`extract_udf` returns."""
    t = _pyspark().types
    kinds = {"start": t.LongType(), "end": t.LongType(), "score": t.DoubleType()}
    schema: StructType = t.StructType([t.StructField(k, kinds.get(k, t.StringType())) for k in MENTION_FIELDS])
    return schema


def resolve_udf(
    *,
    hints: Sequence[str] = (),
    lang: str | None = None,
    country: str | None = None,
    kinds: str | Collection[str] | None = None,
    perspective: str | None = None,
    demonyms: bool = False,
    codes: Sequence[str] = (),
    index: str | os.PathLike[str] | None = None,
) -> Any:
    """A pandas UDF: ``udf(names)`` or, with ``hints=["country"]``, ``udf(names, countries)`` (one
    column per hint named, in that order); the other hints apply to every row, and
    ``demonyms=True`` reads a demonym as its place (as :func:`toponym.resolve`)."""
    sql = _pyspark()
    import pandas as pd

    unknown = [h for h in hints if h not in HINTS]
    if unknown:
        raise ValueError(f"hints={unknown}: each is one of {', '.join(HINTS)}")
    per_row = tuple(hints)
    fixed = {"lang": lang, "country": country, "kinds": kinds, "perspective": perspective, "demonyms": demonyms}
    codes = check_codes(codes)
    path = os.fspath(index) if index is not None else None

    def resolve_batch(names: pd.Series, *columns: pd.Series) -> pd.DataFrame:
        from . import pandas as tp

        given = {**fixed, **dict(zip(per_row, columns, strict=True))}
        frame = tp.resolve(names, **given, codes=codes, gazetteer=open_gazetteer(path))
        return frame.reset_index(drop=True)

    # Spark reads the evaluation type from the annotations: give it the classes, not strings
    resolve_batch.__annotations__ = {"names": pd.Series, "columns": pd.Series, "return": pd.DataFrame}
    return sql.functions.pandas_udf(resolve_batch, returnType=match_schema(codes))


def resolve_column(
    df: DataFrame,
    column: str,
    *,
    into: str = "place",
    lang: str | None = None,
    country: str | None = None,
    kinds: str | Collection[str] | None = None,
    perspective: str | None = None,
    demonyms: bool = False,
    codes: Sequence[str] = (),
    index: str | os.PathLike[str] | None = None,
    partitions: int | None = None,
) -> DataFrame:
    """``df`` with a struct column ``into`` (as :func:`resolve_udf` returns) answering ``column``,
    each distinct value of the whole column resolved once, in ``partitions`` tasks (by default one
    per core of the cluster).

    The distinct values go through the UDF, and their answers are broadcast to every partition
    and joined back (a null name joins the answer for null: status ``empty``). Where the tasks of
    a column with a long tail of distinct values would each look up much of the tail, this looks
    each up once; on a column of mostly distinct values, use :func:`resolve_udf` directly.
    """
    functions = _pyspark().functions
    key = f"__toponym_{column}"
    udf = resolve_udf(
        lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms, codes=codes, index=index
    )
    # adaptive execution coalesces the (small) distinct values into one partition, which one Python
    # worker would answer alone: share them out over every core
    distinct = df.select(functions.col(column).alias(key)).distinct().repartition(partitions or _cores(df))
    answers = distinct.select(key, udf(key).alias(into))
    on = functions.col(column).eqNullSafe(functions.col(key))
    joined: DataFrame = df.join(functions.broadcast(answers), on, "left").drop(key)
    return joined


def _cores(df: DataFrame) -> int:
    """The cluster's default parallelism (its cores), or 2 where no SparkContext is at hand (Spark Connect)."""
    try:
        return max(1, int(df.sparkSession.sparkContext.defaultParallelism))
    except Exception:  # Spark Connect sessions have no SparkContext
        return 2


def extract_udf(*, context: bool = True, demonyms: bool = False, index: str | os.PathLike[str] | None = None) -> Any:
    """A pandas UDF: ``udf(texts)`` gives each row's mentions as an array of structs."""
    sql = _pyspark()
    import pandas as pd

    path = os.fspath(index) if index is not None else None
    schema = sql.types.ArrayType(mention_schema())

    def extract_batch_udf(texts: pd.Series) -> pd.Series:
        batch = extract_batch(texts, context=context, demonyms=demonyms, gazetteer=open_gazetteer(path))
        # one list of plain dicts per distinct text, shared by the rows that repeat it
        found = [[_mention_row(m) for m in mentions] for mentions in batch.found]
        return pd.Series([found[i] for i in batch.rows.tolist()], dtype=object)

    extract_batch_udf.__annotations__ = {"texts": pd.Series, "return": pd.Series}
    return sql.functions.pandas_udf(extract_batch_udf, returnType=schema)


def _mention_row(m: Any) -> dict[str, Any]:
    place = m.match.place
    return {
        "start": m.start, "end": m.end, "text": m.text, "id": place.id, "name": place.name,
        "kind": place.kind, "country": place.country, "score": float(m.match.score), "method": m.match.method,
    }  # fmt: skip

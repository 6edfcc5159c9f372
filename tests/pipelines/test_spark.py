"""Spark local mode: the UDFs give, row for row, what a plain loop over resolve / extract gives."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from tests import corpus
from tests.extras import need, need_java
from tests.pipelines.test_batch import demonym_column
from tests.pipelines.test_frames import CODES, loop_mentions, loop_rows
from toponym import Gazetteer

pyspark = need("pyspark", "spark")
pd = need("pandas", "spark")
need_java()

import toponym.spark as ts  # noqa: E402

pytestmark = [
    pytest.mark.cluster,
    # pyspark warns about pandas releases newer than it was tested with; the answers are checked here
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable  # the executors' Python: this one, with toponym
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")  # Spark's own address: the loopback
    session = (
        SparkSession.builder.master("local[2]")
        .appName("toponym-tests")
        .config("spark.driver.host", "127.0.0.1")  # all of it on the loopback
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "500")  # several Arrow batches per task
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def test_resolve_udf_equals_a_loop(spark: Any, shipped: Gazetteer) -> None:
    names = demonym_column(shipped, [*corpus.column(shipped, 1500, distinct=500), None, "", "x" * 300])
    countries = [("us", None, "jp", "ru", "")[i % 5] for i in range(len(names))]
    df = spark.createDataFrame(pd.DataFrame({"i": range(len(names)), "city": names, "cc": countries})).repartition(4)
    by_row = ts.resolve_udf(hints=["country"], codes=CODES)
    fixed = ts.resolve_udf(kinds={"country"}, demonyms=True)
    out = sorted(df.select("i", by_row("city", "cc").alias("a"), fixed("city").alias("b")).collect())
    assert [r["i"] for r in out] == list(range(len(names))), "every row comes back"
    want_a = [loop_rows([n], country=c or None)[0] for n, c in zip(names, countries, strict=True)]
    assert [r["a"].asDict() for r in out] == want_a
    assert [r["b"]["id"] for r in out] == [r["id"] for r in loop_rows(names, kinds={"country"}, demonyms=True)]


def test_resolve_column_answers_each_distinct_value_once_and_equals_a_loop(spark: Any, shipped: Gazetteer) -> None:
    names = [*corpus.column(shipped, 2000, distinct=500), None, "", "x" * 300]
    df = spark.createDataFrame(list(enumerate(names)), "i long, city string").repartition(4)
    out = sorted(ts.resolve_column(df, "city", codes=CODES, into="p").collect())
    assert [r["i"] for r in out] == list(range(len(names))) and [r["city"] for r in out] == names
    assert [r["p"].asDict() for r in out] == loop_rows(names)
    three = sorted(ts.resolve_column(df, "city", codes=CODES, into="p", partitions=3).collect())
    assert three == out, "the distinct values answered in three tasks: the same rows"


def test_extract_udf_equals_a_loop(spark: Any, shipped: Gazetteer) -> None:
    texts = corpus.texts(shipped, 300)
    df = spark.createDataFrame(
        pd.DataFrame({"i": range(len(texts)), "text": texts}), "i long, text string"
    ).repartition(3)
    rows = df.select("i", ts.extract_udf()("text").alias("m")).collect()
    got = sorted((r["i"], *m) for r in rows for m in r["m"])
    assert got == loop_mentions(texts) and got


def test_hints_are_checked_before_spark_runs() -> None:
    with pytest.raises(ValueError, match="hints=\\['city'\\]"):
        ts.resolve_udf(hints=["city"])
    assert [f.name for f in ts.match_schema(["wikidata"]).fields][-2:] == ["status", "wikidata"]

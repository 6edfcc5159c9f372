"""Rows per second through the pipeline helpers, beside a naive map, in one run.

    python benchmarks/bench_pipelines.py [--rows 1000000] [--distinct 2000,20000] [--texts 30000]
                                         [--no-spark] [--no-dask]

The column is generated from the shipped gazetteer (tests/corpus.py): names of countries,
subdivisions and cities in ten languages, ISO codes, "City, Region" strings, typos, unknown words,
blanks and missing values, drawn with a Zipf law over ``--distinct`` values (one column for each
number given: a national city column has a few thousand, a global one tens of thousands). Each approach starts
from a fresh default gazetteer (its caches empty, the index mapped), so none profits from another's
warm cache. Spark and Dask run each way twice, with two workers and with one, on the same
partitions, each on a new session or cluster after a small warm-up job that starts their Python
workers; their figures leave out loading the input. For Dask the CPU time of the workers is printed
too: on a machine whose cores other processes share, it tells extra work from waiting.
Answers are checked against the naive map's. Last, a column of short texts goes through
extraction, which costs tens of microseconds a text: work that more workers can share.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import toponym  # noqa: E402
from tests import corpus  # noqa: E402

PARTITIONS = 8


def fresh() -> toponym.Gazetteer:
    """A default gazetteer with empty caches, its index mapped and its exact path built."""
    toponym.clear_caches()
    gz = toponym.default_gazetteer()
    for i in range(300):
        gz.resolve(f"warm-up {i}")
    return gz


def warm_up() -> None:
    import toponym.pandas

    toponym.pandas.resolve(["Japan", "Kunashiri"])
    toponym.extract("Talks on Kunashiri")  # the extractor's tables, built once per process


def timed(label: str, rows: int, fn: Callable[[], Any], base: float | None = None) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    seconds = time.perf_counter() - start
    ratio = f"  {base / seconds:5.1f}x the naive map" if base else ""
    print(f"{label:<36} {seconds:7.2f} s {rows / seconds:>12,.0f} rows/s{ratio}", flush=True)
    return seconds, out


def spark_session(workers: int) -> Any:
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    spark = (
        SparkSession.builder.master(f"local[{workers}]")
        .config("spark.driver.host", "127.0.0.1")  # all of it on the loopback
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.execution.arrow.pyspark.enabled", "true")
        .config("spark.driver.memory", "4g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    return spark


def bench_spark(pdf: Any, rows: int) -> dict[tuple[str, int], float]:
    """Each way on a new session: its Python workers start without answers kept from another run."""
    import toponym.spark as ts

    seconds = {}
    for way in ("resolve_udf", "resolve_column"):
        for workers in (2, 1):
            spark = spark_session(workers)
            df = spark.createDataFrame(pdf).repartition(PARTITIONS).cache()
            df.count()
            udf = ts.resolve_udf()
            # warm-up: a few rows of every partition start each Python worker and open its index
            df.sample(fraction=0.002, seed=1).select(udf("city").alias("p")).write.format("noop").mode(
                "overwrite"
            ).save()

            def run(df: Any = df, udf: Any = udf, way: str = way) -> None:
                out = df.select(udf("city").alias("p")) if way == "resolve_udf" else ts.resolve_column(df, "city")
                out.write.format("noop").mode("overwrite").save()

            seconds[way, workers], _ = timed(f"Spark local[{workers}], {way}", rows, run)
            spark.stop()
    return seconds


def worker_cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def bench_dask(series: Any, rows: int) -> dict[tuple[str, int], float]:
    """Each way on a new cluster: its workers start without answers kept from another run."""
    import dask.dataframe as dd
    import distributed

    import toponym.dask as td

    seconds = {}
    for dedupe in ("partition", "column"):
        for workers in (2, 1):
            with (
                distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                column = client.persist(dd.from_pandas(series, npartitions=PARTITIONS))
                distributed.wait(column)
                client.run(warm_up)  # each worker imports toponym and opens its index
                before = client.run(worker_cpu)

                def run(column: Any = column, dedupe: Any = dedupe) -> None:
                    td.resolve(column, dedupe=dedupe).status.count().compute()

                label = f"Dask {workers} worker(s), dedupe={dedupe!r}"
                seconds[dedupe, workers], _ = timed(label, rows, run)
                used = sum(client.run(worker_cpu).values()) - sum(before.values())
                print(f"{'':<36} {used:7.2f} s of CPU in the workers", flush=True)
    return seconds


def bench_frames(gz: toponym.Gazetteer, rows: int, distinct: int, zipf: float) -> list[str | None]:
    import pandas as pd
    import polars as pl
    import pyarrow as pa

    import toponym.arrow
    import toponym.pandas
    import toponym.polars

    values = corpus.column(gz, rows, distinct=distinct, s=zipf)
    df = pd.DataFrame({"city": pd.Series(values, dtype="string")})
    seen = df["city"].nunique(dropna=False)
    blank = sum(1 for v in values if v is None or not v.strip()) / len(values)
    print(f"\n{rows:,} rows, {seen:,} distinct values (Zipf s={zipf} over {distinct:,}), {blank:.1%} blank or missing")

    fresh()
    naive, answers = timed("naive df[col].map(toponym.resolve)", rows, lambda: df["city"].map(toponym.resolve))
    want = [m.place.id if m else None for m in answers]
    print(f"{'':<36} {sum(1 for w in want if w) / len(want):.1%} of the rows resolve")
    fresh()
    _, frame = timed("toponym.pandas.resolve", rows, lambda: toponym.pandas.resolve(df["city"]), naive)
    assert frame["id"].astype(object).where(frame["id"].notna(), None).tolist() == want
    series = pl.Series("city", values, dtype=pl.String)
    toponym.polars.resolve(pl.Series(["Japan", None]))  # polars starts its thread pool on first use
    fresh()
    _, frame = timed("toponym.polars.resolve", rows, lambda: toponym.polars.resolve(series), naive)
    assert frame["id"].to_list() == want
    array = pa.array(values, type=pa.string())
    fresh()
    _, table = timed("toponym.arrow.resolve", rows, lambda: toponym.arrow.resolve(array), naive)
    assert table.column("id").to_pylist() == want
    fresh()
    timed("toponym.resolve_many", rows, lambda: toponym.resolve_many(values), naive)
    fresh()
    timed("toponym.resolve_many(n_jobs=2)", rows, lambda: toponym.resolve_many(values, n_jobs=2), naive)
    return values


def bench_texts(gz: toponym.Gazetteer, count: int, spark: bool, dask: bool) -> None:
    """Extraction costs tens of microseconds a text, nearly every text distinct: work to share out."""
    import pandas as pd

    texts = corpus.texts(gz, count)
    print(f"\n{count:,} short texts, {len(set(texts)):,} distinct (extraction)")
    fresh()
    toponym.extract("Talks on Kunashiri")  # the extractor's tables, built once
    timed("loop over toponym.extract", count, lambda: [toponym.extract(t) for t in texts if t])
    column = pd.Series(texts, dtype="string", name="text")
    if spark:
        import toponym.spark as ts

        seconds = {}
        for workers in (2, 1):
            session = spark_session(workers)
            df = session.createDataFrame(column.to_frame()).repartition(PARTITIONS).cache()
            df.count()
            udf = ts.extract_udf()
            df.sample(fraction=0.002, seed=1).select(udf("text").alias("m")).write.format("noop").mode(
                "overwrite"
            ).save()

            def run(df: Any = df, udf: Any = udf) -> None:
                df.select(udf("text").alias("m")).write.format("noop").mode("overwrite").save()

            seconds[workers], _ = timed(f"Spark local[{workers}], extract_udf", count, run)
            session.stop()
        print(f"{'':<36} Spark extract_udf: 2 workers {seconds[1] / seconds[2]:.2f}x one worker")
    if dask:
        import dask.dataframe as dd
        import distributed

        import toponym.dask as td

        seconds = {}
        for workers in (2, 1):
            with (
                distributed.LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                ) as cluster,
                distributed.Client(cluster) as client,
            ):
                persisted = client.persist(dd.from_pandas(column, npartitions=PARTITIONS))
                distributed.wait(persisted)
                client.run(warm_up)

                def run_dask(persisted: Any = persisted) -> None:
                    td.extract(persisted).row.count().compute()

                seconds[workers], _ = timed(f"Dask {workers} worker(s), extract", count, run_dask)
        print(f"{'':<36} Dask extract: 2 workers {seconds[1] / seconds[2]:.2f}x one worker")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--distinct",
        default="2000,20000",
        help="values the Zipf law draws from: one column for each number",
    )
    parser.add_argument("--zipf", type=float, default=1.1, help="exponent s: weight 1/rank**s")
    parser.add_argument("--texts", type=int, default=30_000, help="texts to extract from (0: none)")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()

    import pandas as pd

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"toponym {toponym.__version__}; {os.cpu_count()} cores; load average {load:.2f} at the start")
    gz = toponym.default_gazetteer()
    for distinct in (int(d) for d in args.distinct.split(",")):
        column = pd.Series(bench_frames(gz, args.rows, distinct, args.zipf), dtype="string", name="city")
        if not args.no_spark:
            spark = bench_spark(column.to_frame(), args.rows)
            for way in ("resolve_udf", "resolve_column"):
                print(f"{'':<36} Spark {way}: 2 workers {spark[way, 1] / spark[way, 2]:.2f}x one worker")
        if not args.no_dask:
            dask = bench_dask(column, args.rows)
            for way in ("partition", "column"):
                print(f"{'':<36} Dask dedupe={way!r}: 2 workers {dask[way, 1] / dask[way, 2]:.2f}x one worker")
    if args.texts:
        bench_texts(gz, args.texts, spark=not args.no_spark, dask=not args.no_dask)
    if hasattr(os, "getloadavg"):
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end (other processes share the cores)")


if __name__ == "__main__":
    main()

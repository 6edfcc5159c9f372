"""Rows per second through the pipeline helpers, beside a naive map, in one run.

    python benchmarks/bench_pipelines.py [--rows 1000000] [--distinct 2000,20000] [--repeat 3]
                                         [--texts 30000] [--no-spark] [--no-dask]

The column is generated from the shipped gazetteer (tests/corpus.py): names of countries,
subdivisions and cities in ten languages, ISO codes, "City, Region" strings, typos, unknown words,
blanks and missing values, drawn with a Zipf law over ``--distinct`` values (one column for each
number given: a national city column has a few thousand, a global one tens of thousands).

Every figure is the median of ``--repeat`` runs of the same whole job over the same rows, and every
run starts with no answer remembered: the dataframe helpers and the naive map each after
``toponym.clear_caches()``; Spark each run on a new session (its Python workers start empty),
timed from submitting the job to its last row written to a ``noop`` sink, after a warm-up job on
a sample that starts the Python workers and opens the index; Dask on one cluster per number of
workers, timed from building the graph to the count computed, the workers' answers cleared before
each run. Session or cluster start and loading the input are not timed; opening the index is done
in the warm-up, once per worker process. The one- and two-worker runs alternate, so both see the
same load from other processes; the CPU seconds each process used are printed beside the median
run, so that a second worker that had no second core to run on shows as such. Answers are
checked against the naive map's. Last, a column of short texts goes through extraction, which
costs tens of microseconds a text: work that more workers can share.
"""

from __future__ import annotations

import argparse
import gc
import os
import statistics
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
    """The default gazetteer with no answer remembered, its index mapped and its exact path built,
    and no garbage of an earlier run pending: a full collection it left due would land in the next
    timed run, whichever it is (``timeit`` turns the collector off for the same reason)."""
    toponym.clear_caches()
    gz = toponym.default_gazetteer()
    for i in range(300):
        gz.resolve(f"warm-up {i}")
    gc.collect()
    return gz


def warm_up() -> None:
    import toponym.pandas

    toponym.pandas.resolve(["Japan", "Kunashiri"])
    toponym.extract("Talks on Kunashiri")  # the extractor's tables, built once per process


def median_run(repeat: int, fn: Callable[[], Any], before: Callable[[], Any] = lambda: None) -> tuple[float, Any]:
    """The median seconds of ``repeat`` runs of ``fn`` (``before`` runs untimed ahead of each), and
    the last run's result."""
    seconds, out = [], None
    for _ in range(repeat):
        before()
        start = time.perf_counter()
        out = fn()
        seconds.append(time.perf_counter() - start)
    return statistics.median(seconds), out


def show(label: str, rows: int, seconds: float, base: float | None = None, note: str = "") -> None:
    ratio = f"  {base / seconds:5.1f}x the naive map" if base else ""
    print(f"{label:<44} {seconds:7.2f} s {rows / seconds:>12,.0f} rows/s{ratio}{note}", flush=True)


def cpu_seconds() -> dict[str, float]:
    """CPU seconds used so far by each child process of this one (the JVM, Spark's Python workers)."""
    import psutil

    out = {}
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
            out[f"{child.name()}:{child.pid}"] = float(times.user + times.system)
        except psutil.Error:  # ended meanwhile
            pass
    return out


def used(before: dict[str, float], after: dict[str, float]) -> str:
    """CPU seconds each process used meanwhile, by name: one entry per process (two Python workers, two entries)."""
    spent = sorted(((v - before.get(k, 0.0), k.split(":")[0]) for k, v in after.items()), reverse=True)
    return ", ".join(f"{name} {s:.2f}" for s, name in spent if s > 0.05) or "none"


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


def spark_run(pdf: Any, workers: int, way: str) -> tuple[float, str]:
    """One timed run on a new session: its Python workers start without answers from another run."""
    import toponym.spark as ts

    spark = spark_session(workers)
    df = spark.createDataFrame(pdf).repartition(PARTITIONS).cache()
    df.count()
    udf = ts.resolve_udf()
    # warm-up: a few rows of every partition start each Python worker and open its index
    df.sample(fraction=0.002, seed=1).select(udf("city").alias("p")).write.format("noop").mode("overwrite").save()
    before = cpu_seconds()
    start = time.perf_counter()
    out = df.select(udf("city").alias("p")) if way == "resolve_udf" else ts.resolve_column(df, "city")
    out.write.format("noop").mode("overwrite").save()
    seconds = time.perf_counter() - start
    spent = used(before, cpu_seconds())
    spark.stop()
    return seconds, spent


def bench_spark(pdf: Any, rows: int, repeat: int) -> dict[tuple[str, int], float]:
    seconds: dict[tuple[str, int], float] = {}
    for way in ("resolve_udf", "resolve_column"):
        runs: dict[int, list[tuple[float, str]]] = {2: [], 1: []}
        for _ in range(repeat):
            for workers in (2, 1):  # alternating: both see the same load from other processes
                runs[workers].append(spark_run(pdf, workers, way))
        for workers in (2, 1):
            ordered = sorted(runs[workers])
            seconds[way, workers], spent = ordered[len(ordered) // 2]
            show(f"Spark local[{workers}], {way}", rows, seconds[way, workers])
            print(f"{'':<44} CPU s of the median run: {spent}", flush=True)
    return seconds


def worker_cpu() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return float(times.user + times.system)


def bench_dask(series: Any, rows: int, repeat: int) -> dict[tuple[str, int], float]:
    """One cluster per number of workers; before each run its workers forget every answer."""
    import dask.dataframe as dd
    import distributed

    import toponym.dask as td

    seconds = {}
    clusters = {
        workers: distributed.LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        )
        for workers in (2, 1)
    }
    clients: dict[int, Any] = {}
    try:
        clients = {workers: distributed.Client(cluster, set_as_default=False) for workers, cluster in clusters.items()}
        columns = {}
        for workers, client in clients.items():
            columns[workers] = client.persist(dd.from_pandas(series, npartitions=PARTITIONS))
            client.compute(columns[workers].size).result()  # the partitions in the workers' memory
            client.run(warm_up)  # each worker imports toponym and opens its index
        for dedupe in ("partition", "column"):
            runs: dict[int, list[tuple[float, float]]] = {2: [], 1: []}
            for _ in range(repeat):
                for workers in (2, 1):  # alternating: both see the same load from other processes
                    client = clients[workers]
                    client.run(toponym.clear_caches)
                    before = client.run(worker_cpu)
                    start = time.perf_counter()
                    client.compute(td.resolve(columns[workers], dedupe=dedupe).status.count()).result()
                    took = time.perf_counter() - start
                    runs[workers].append((took, sum(client.run(worker_cpu).values()) - sum(before.values())))
            for workers in (2, 1):
                ordered = sorted(runs[workers])
                seconds[dedupe, workers], spent = ordered[len(ordered) // 2]
                show(f"Dask {workers} worker(s), dedupe={dedupe!r}", rows, seconds[dedupe, workers])
                print(f"{'':<44} {spent:7.2f} s of CPU in the workers (median run)", flush=True)
    finally:
        for client in clients.values():
            client.close()
        for cluster in clusters.values():
            cluster.close()
    return seconds


def bench_frames(gz: toponym.Gazetteer, rows: int, distinct: int, zipf: float, repeat: int) -> list[str | None]:
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
    print(f"{'':<44} (each figure: the median of {repeat} runs, each after toponym.clear_caches())")

    naive, answers = median_run(repeat, lambda: df["city"].map(toponym.resolve), fresh)
    show("naive df[col].map(toponym.resolve)", rows, naive)
    want = [m.place.id if m else None for m in answers]
    print(f"{'':<44} {sum(1 for w in want if w) / len(want):.1%} of the rows resolve")
    for categorical in (False, True):
        flag = ", categorical=True" if categorical else ""
        took, frame = median_run(repeat, lambda c=categorical: toponym.pandas.resolve(df["city"], categorical=c), fresh)
        show(f"toponym.pandas.resolve{flag}", rows, took, naive)
        assert frame["id"].astype(object).where(frame["id"].notna(), None).tolist() == want
    series = pl.Series("city", values, dtype=pl.String)
    toponym.polars.resolve(pl.Series(["Japan", None]))  # polars starts its thread pool on first use
    for categorical in (False, True):
        flag = ", categorical=True" if categorical else ""
        took, frame = median_run(repeat, lambda c=categorical: toponym.polars.resolve(series, categorical=c), fresh)
        show(f"toponym.polars.resolve{flag}", rows, took, naive)
        assert frame["id"].cast(pl.String).to_list() == want
    array = pa.array(values, type=pa.string())
    for categorical in (False, True):
        flag = ", categorical=True" if categorical else ""
        took, table = median_run(repeat, lambda c=categorical: toponym.arrow.resolve(array, categorical=c), fresh)
        show(f"toponym.arrow.resolve{flag}", rows, took, naive)
        assert table.column("id").to_pylist() == want
    show("toponym.resolve_many", rows, median_run(repeat, lambda: toponym.resolve_many(values), fresh)[0], naive)
    took = median_run(repeat, lambda: toponym.resolve_many(values, n_jobs=2), fresh)[0]
    show("toponym.resolve_many(n_jobs=2)", rows, took, naive)
    return values


def bench_texts(gz: toponym.Gazetteer, count: int, spark: bool, dask: bool) -> None:
    """Extraction costs tens of microseconds a text, nearly every text distinct: work to share out."""
    import pandas as pd

    texts = corpus.texts(gz, count)
    print(f"\n{count:,} short texts, {len(set(texts)):,} distinct (extraction; one run each)")
    fresh()
    toponym.extract("Talks on Kunashiri")  # the extractor's tables, built once
    start = time.perf_counter()
    for t in texts:
        if t:
            toponym.extract(t)
    show("loop over toponym.extract", count, time.perf_counter() - start)
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
            start = time.perf_counter()
            df.select(udf("text").alias("m")).write.format("noop").mode("overwrite").save()
            seconds[workers] = time.perf_counter() - start
            show(f"Spark local[{workers}], extract_udf", count, seconds[workers])
            session.stop()
        print(f"{'':<44} Spark extract_udf: 2 workers {seconds[1] / seconds[2]:.2f}x one worker")
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
                start = time.perf_counter()
                td.extract(persisted).row.count().compute()
                seconds[workers] = time.perf_counter() - start
                show(f"Dask {workers} worker(s), extract", count, seconds[workers])
        print(f"{'':<44} Dask extract: 2 workers {seconds[1] / seconds[2]:.2f}x one worker")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--distinct",
        default="2000,20000",
        help="values the Zipf law draws from: one column for each number",
    )
    parser.add_argument("--zipf", type=float, default=1.1, help="exponent s: weight 1/rank**s")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each job; the median is shown")
    parser.add_argument("--texts", type=int, default=30_000, help="texts to extract from (0: none)")
    parser.add_argument("--no-spark", action="store_true")
    parser.add_argument("--no-dask", action="store_true")
    args = parser.parse_args()

    import pandas as pd

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"toponym {toponym.__version__}; {os.cpu_count()} cores; load average {load:.2f} at the start")
    gz = toponym.default_gazetteer()
    for distinct in (int(d) for d in args.distinct.split(",")):
        column = pd.Series(bench_frames(gz, args.rows, distinct, args.zipf, args.repeat), dtype="string", name="city")
        if not args.no_spark:
            spark = bench_spark(column.to_frame(), args.rows, args.repeat)
            for way in ("resolve_udf", "resolve_column"):
                print(f"{'':<44} Spark {way}: 2 workers {spark[way, 1] / spark[way, 2]:.2f}x one worker")
        if not args.no_dask:
            dask = bench_dask(column, args.rows, args.repeat)
            for way in ("partition", "column"):
                print(f"{'':<44} Dask dedupe={way!r}: 2 workers {dask[way, 1] / dask[way, 2]:.2f}x one worker")
    if args.texts:
        bench_texts(gz, args.texts, spark=not args.no_spark, dask=not args.no_dask)
    if hasattr(os, "getloadavg"):
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end (other processes share the cores)")


if __name__ == "__main__":
    main()

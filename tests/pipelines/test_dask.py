"""Dask: the processes scheduler and a LocalCluster of two worker processes give, row for row, what
a plain loop over resolve / extract gives."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests import corpus
from tests.extras import need
from tests.pipelines.test_batch import demonym_column
from tests.pipelines.test_frames import CODES, loop_mentions, loop_rows
from toponym import Gazetteer

dd = need("dask.dataframe", "dask")
pd = need("pandas", "dask")
distributed = need("distributed", "dask")

import dask  # noqa: E402

import toponym.dask as td  # noqa: E402

pytestmark = pytest.mark.cluster


@pytest.fixture(scope="module")
def names(shipped: Gazetteer) -> list[Any]:
    # demonyms among the names: a bare resolve declines them, demonyms=True reads them
    return demonym_column(shipped, [*corpus.column(shipped, 1500, distinct=500), None, "", "   ", "x" * 300])


def plain(frame: Any) -> list[dict[str, Any]]:
    return frame.astype(object).where(frame.notna(), None).to_dict("records")  # type: ignore[no-any-return]


def check(names: list[Any], texts: list[Any], **compute: Any) -> None:
    countries = [("us", None, "jp", "ru")[i % 4] for i in range(len(names))]
    series = dd.from_pandas(pd.Series(names, dtype=object), npartitions=4)
    cc = dd.from_pandas(pd.Series(countries, dtype=object), npartitions=4)
    frame, fixed, whole, mentions = dask.compute(
        td.resolve(series, country=cc, codes=CODES),
        td.resolve(series, kinds={"country"}, demonyms=True),
        td.resolve(series, codes=CODES, dedupe="column"),
        td.extract(dd.from_pandas(pd.Series(texts), npartitions=3)),
        **compute,
    )
    assert list(frame.index) == list(range(len(names))) == list(whole.index)
    assert plain(frame) == [loop_rows([n], country=c)[0] for n, c in zip(names, countries, strict=True)]
    assert fixed["id"].tolist() == [r["id"] or pd.NA for r in loop_rows(names, kinds={"country"}, demonyms=True)]
    assert plain(whole) == loop_rows(names)
    got = [tuple(r) for r in mentions.astype(object).where(mentions.notna(), None).itertuples(index=False)]
    assert got == loop_mentions(texts) and got


def test_meta_is_what_a_partition_gives(names: list[Any]) -> None:
    series = dd.from_pandas(pd.Series(names[:50]), npartitions=2)
    for dedupe in ("partition", "column"):
        lazy = td.resolve(series, codes=CODES, dedupe=dedupe)  # type: ignore[arg-type]
        assert dict(lazy.dtypes) == dict(lazy.compute(scheduler="sync").dtypes)
    lazy_mentions = td.extract(series)
    assert dict(lazy_mentions.dtypes) == dict(lazy_mentions.compute(scheduler="sync").dtypes)


def test_the_processes_scheduler_equals_a_loop(names: list[Any], shipped: Gazetteer) -> None:
    check(names, corpus.texts(shipped, 200), scheduler="processes", num_workers=2)


def test_a_local_cluster_of_two_processes_equals_a_loop(names: list[Any], shipped: Gazetteer) -> None:
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        check(names, corpus.texts(shipped, 200))
        # asked of the scheduler itself: scheduler_info() returns a cache that the client's periodic
        # refresh (which asks for no workers) may have overwritten between the query and the read
        assert len(client.nthreads()) == 2


@pytest.fixture(autouse=True)
def _sync_by_default() -> Iterator[None]:
    with dask.config.set(scheduler="sync"):
        yield

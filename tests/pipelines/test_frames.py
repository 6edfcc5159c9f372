"""toponym.pandas, toponym.polars and toponym.arrow give, row for row, what a plain loop gives."""

from __future__ import annotations

import builtins
import importlib
from typing import Any

import pytest

import toponym
from tests import corpus
from tests.extras import need
from tests.pipelines.test_batch import BAD, POSTS, demonym_column, loop_status
from toponym import Gazetteer

CODES = ["iso3166_1_alpha2", "wikidata"]
MATCH_COLUMNS = ["id", "name", "kind", "country", "score", "method", "status", *CODES]
MENTION_COLUMNS = ["row", "start", "end", "text", "id", "name", "kind", "country", "score", "method"]


def loop_rows(values: list[Any], **hints: Any) -> list[dict[str, Any]]:
    """The table a plain loop over toponym.resolve makes."""
    rows = []
    for v in values:
        m = toponym.resolve(v, **hints) if isinstance(v, str) else None
        place = m.place if m else None
        rows.append(
            {
                "id": place.id if place else None,
                "name": place.name if place else None,
                "kind": place.kind if place else None,
                "country": place.country if place else None,
                "score": m.score if m else None,
                "method": m.method if m else None,
                "status": loop_status(v, hints),
                **{c: place.codes.get(c) if place else None for c in CODES},
            }
        )
    return rows


def loop_mentions(texts: list[Any]) -> list[tuple[Any, ...]]:
    return [
        (row, m.start, m.end, m.text, m.place.id, m.place.name, m.place.kind, m.place.country, m.score, m.method)
        for row, text in enumerate(texts)
        if isinstance(text, str)
        for m in toponym.extract(text)
    ]


@pytest.fixture(scope="module")
def names(shipped: Gazetteer) -> list[Any]:
    return [*corpus.column(shipped, 4000, distinct=800), None, "", "   ", "x" * 300]


@pytest.fixture(scope="module")
def texts(shipped: Gazetteer) -> list[Any]:
    return corpus.texts(shipped, 200)


def test_pandas_columns_are_typed_and_equal_a_loop(names: list[Any], texts: list[Any]) -> None:
    pd = need("pandas", "pandas")
    import toponym.pandas as tp

    series = pd.Series(names, index=[f"r{i}" for i in range(len(names))])
    frame = tp.resolve(series, codes=CODES)
    assert list(frame.columns) == MATCH_COLUMNS and list(frame.index) == list(series.index)
    assert all(str(t) in ("string", "Float64") for t in frame.dtypes), "no object columns"
    plain = frame.astype(object).where(frame.notna(), None).to_dict("records")
    assert plain == loop_rows(names)
    mixed = pd.Series([*names[:200], *BAD[:-1]], dtype=object)  # numbers, bytes, lists among the names
    assert tp.resolve(mixed)["id"].tolist() == [r["id"] or pd.NA for r in loop_rows(list(mixed))]
    countries = (["us", None, "jp", "ru"] * len(names))[: len(names)]
    got = tp.resolve(pd.Series(names), country=pd.Series(countries))  # None becomes NaN in a str Series
    want = [
        toponym.resolve(n, country=c) if isinstance(n, str) else None for n, c in zip(names, countries, strict=True)
    ]
    assert got["id"].astype(object).where(got["id"].notna(), None).tolist() == [m.place.id if m else None for m in want]
    long = tp.extract(pd.Series(texts, index=range(100, 100 + len(texts))))
    assert list(long.columns) == MENTION_COLUMNS
    want = [(r + 100, *rest) for r, *rest in loop_mentions(texts)]
    # a place without a country (a sea, a region) has a missing country: <NA> in the frame
    assert [tuple(r) for r in long.astype(object).where(long.notna(), None).itertuples(index=False)] == want


def test_polars_columns_are_typed_and_equal_a_loop(names: list[Any], texts: list[Any]) -> None:
    pl = need("polars", "polars")
    import toponym.polars as tp

    frame = tp.resolve(pl.Series(names, dtype=pl.String), codes=CODES)
    assert frame.columns == MATCH_COLUMNS
    assert set(frame.dtypes) == {pl.String, pl.Float64}
    assert frame.to_dicts() == loop_rows(names)
    objects = pl.Series([*names[:100], 5, None], dtype=pl.Object)  # the generic path
    assert tp.resolve(objects)["status"].to_list() == [r["status"] for r in loop_rows([*names[:100], 5, None])]
    assert tp.resolve(pl.Series(names), kinds={"city"})["id"].to_list() == [
        r["id"] for r in loop_rows(names, kinds={"city"})
    ]
    long = tp.extract(pl.Series(texts))
    assert long.columns == MENTION_COLUMNS and long.rows() == loop_mentions(texts)


def test_arrow_tables_are_typed_and_equal_a_loop(names: list[Any], texts: list[Any]) -> None:
    pa = need("pyarrow", "arrow")
    import toponym.arrow as tp

    table = tp.resolve(pa.chunked_array([names[:1000], names[1000:]], type=pa.large_string()), codes=CODES)
    assert table.column_names == MATCH_COLUMNS
    assert {str(t) for t in table.schema.types} == {"string", "double"}
    assert table.to_pylist() == loop_rows(names)
    assert tp.resolve(names, lang="ja", codes=CODES).to_pylist() == loop_rows(names, lang="ja")  # a plain list
    long = tp.extract(pa.array(texts))
    assert long.column_names == MENTION_COLUMNS
    assert [tuple(r.values()) for r in long.to_pylist()] == loop_mentions(texts)


def test_categorical_columns_hold_the_same_values(names: list[Any]) -> None:
    """``categorical=True``: the text columns stored as category / Categorical / dictionary, value
    for value what the plain loop gives."""
    want = loop_rows(names)
    pd = need("pandas", "pandas")
    import toponym.pandas

    frame = toponym.pandas.resolve(pd.Series(names), codes=CODES, categorical=True)
    assert {str(t) for t in frame.dtypes} == {"category", "Float64"}
    assert frame.astype(object).where(frame.notna(), None).to_dict("records") == want
    pl = need("polars", "polars")
    import toponym.polars

    frame = toponym.polars.resolve(pl.Series(names, dtype=pl.String), codes=CODES, categorical=True)
    assert all(t == pl.Categorical or t == pl.Float64 for t in frame.dtypes) and frame.to_dicts() == want
    pa = need("pyarrow", "arrow")
    import toponym.arrow

    table = toponym.arrow.resolve(pa.array(names, type=pa.string()), codes=CODES, categorical=True)
    assert {str(t) for t in table.schema.types} == {"dictionary<values=string, indices=int32, ordered=0>", "double"}
    assert table.to_pylist() == want


def test_demonyms_reach_every_frame_library(names: list[Any], shipped: Gazetteer) -> None:
    column = demonym_column(shipped, names[:300])
    want = loop_rows(column, demonyms=True)
    assert want != loop_rows(column)
    pd = need("pandas", "pandas")
    import toponym.pandas

    frame = toponym.pandas.resolve(pd.Series(column), codes=CODES, demonyms=True)
    assert frame.astype(object).where(frame.notna(), None).to_dict("records") == want
    by_row = toponym.pandas.resolve(column, country=[None] * len(column), codes=CODES, demonyms=True)
    assert by_row.astype(object).where(by_row.notna(), None).to_dict("records") == want
    pl = need("polars", "polars")
    import toponym.polars

    assert toponym.polars.resolve(pl.Series(column, dtype=pl.String), codes=CODES, demonyms=True).to_dicts() == want
    pa = need("pyarrow", "arrow")
    import toponym.arrow

    assert toponym.arrow.resolve(pa.array(column, type=pa.string()), codes=CODES, demonyms=True).to_pylist() == want


def read_together(texts: list[Any], keys: list[str]) -> list[tuple[Any, ...]]:
    found = toponym.extract_many(texts, documents=keys)
    return [(row, m.start, m.end, m.text, m.place.id) for row, ms in enumerate(found) for m in ms]


def test_documents_reach_every_frame_library() -> None:
    keys = ["a", "a", "b", "a", "b"]
    want = read_together(POSTS, keys)
    assert want != [m[:5] for m in loop_mentions(POSTS)], "read together, the rows differ from a loop"
    pd = need("pandas", "pandas")
    import toponym.pandas

    frame = toponym.pandas.extract(pd.Series(POSTS), documents=pd.Series(keys))
    assert list(frame[["row", "start", "end", "text", "id"]].itertuples(index=False, name=None)) == want
    pl = need("polars", "polars")
    import toponym.polars

    got = toponym.polars.extract(pl.Series(POSTS), documents=keys).select(["row", "start", "end", "text", "id"])
    assert got.rows() == want
    pa = need("pyarrow", "arrow")
    import toponym.arrow

    table = toponym.arrow.extract(pa.array(POSTS), documents=keys).select(["row", "start", "end", "text", "id"])
    assert [tuple(r.values()) for r in table.to_pylist()] == want


def test_unknown_code_keys_say_which_there_are() -> None:
    pa = need("pyarrow", "arrow")
    import toponym.arrow as tp

    with pytest.raises(ValueError, match=r"unknown code keys \['wikipedia'\]: choose among .*wikidata"):
        tp.resolve(pa.array(["Japan"]), codes=["wikipedia"])


@pytest.mark.parametrize(
    ("module", "library", "extra"),
    [("pandas", "pandas", "pandas"), ("polars", "polars", "polars"), ("arrow", "pyarrow", "arrow")],
)
def test_a_missing_library_names_the_extra_to_install(
    module: str, library: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args: Any, **kwargs: Any) -> Any:
        if name == library or name.startswith(library + "."):
            raise ImportError(f"No module named {name!r}")
        return real_import(name, *args, **kwargs)

    helper = importlib.import_module(f"toponym.{module}")  # importing the module needs no library
    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(ImportError, match=f"pip install 'toponym-ids\\[{extra}\\]'"):
        helper.resolve(["Japan"])


def test_a_long_column_taken_on_threads_equals_the_loop(names: list[Any]) -> None:
    """From THREADED_TAKE rows the columns are taken side by side on threads: row for row the same."""
    from toponym.batch.work import THREADED_TAKE

    long = names * (THREADED_TAKE // len(names) + 1)
    assert len(long) >= THREADED_TAKE
    want = loop_rows(names) * (THREADED_TAKE // len(names) + 1)
    pd = need("pandas", "pandas")
    import toponym.pandas

    for categorical in (False, True):
        frame = toponym.pandas.resolve(pd.Series(long), codes=CODES, categorical=categorical)
        assert frame.astype(object).where(frame.notna(), None).to_dict("records") == want
    pl = need("polars", "polars")
    import toponym.polars

    assert toponym.polars.resolve(pl.Series(long, dtype=pl.String), codes=CODES).to_dicts() == want
    pa = need("pyarrow", "arrow")
    import toponym.arrow

    assert toponym.arrow.resolve(pa.array(long, type=pa.string()), codes=CODES).to_pylist() == want

"""The batch API gives, row for row, what a plain loop over resolve / extract gives."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import toponym
from tests import corpus
from toponym import Gazetteer
from toponym.batch import MAX_NAME, STATUSES, Status, extract_batch, resolve_batch
from toponym.checkout import default_index_path


class Awkward:
    """A value whose comparisons raise, as some library scalars do."""

    def __ne__(self, other: object) -> bool:
        raise RuntimeError("no comparison")

    __hash__ = object.__hash__


BAD = [
    None,
    float("nan"),
    np.nan,
    42,
    3.5,
    b"Japan",
    ["Japan"],
    {"a": 1},
    Awkward(),
    "",
    "   ",
    "\x00",
    "\ud800",
    "x" * 10**6,
]


def loop_status(value: object, hints: dict[str, Any] | None = None) -> Status:
    """What the status of a row should be, from the definitions in STATUSES' documentation."""
    hints = hints or {}
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "empty"
    if not isinstance(value, str):
        return "invalid"
    if not value.strip():
        return "empty"
    if len(value) > MAX_NAME:
        return "invalid"
    if toponym.resolve(value, **hints) is not None:
        return "matched"
    if not toponym.resolve_all(value, **hints):
        return "no-match"
    # candidates, none answered: tied ones are ambiguous, the rest declined on purpose
    return "ambiguous" if toponym.resolve_all(value, **hints)[0].explanation.ambiguous else "stopped"


def loop_resolve(value: object, **hints: Any) -> toponym.Match | None:
    """A plain loop's answer; a row whose hint the resolver refuses (HintError) gets none."""
    if not isinstance(value, str):
        return None
    try:
        return toponym.resolve(value, **hints)
    except toponym.HintError:
        return None


@pytest.fixture(scope="module")
def names(shipped: Gazetteer) -> list[Any]:
    return corpus.column(shipped, 3000, distinct=600) + BAD


def demonym_column(gz: Gazetteer, names: list[Any]) -> list[Any]:
    """``names`` interleaved with the demonyms of the countries (each many times, as in a column),
    which a bare resolve declines and ``demonyms=True`` reads as their places."""
    countries = [gz.get(code) for code in ("ru", "de", "ch", "jp", "br")]
    words = [n.name for place in countries for n in place.names if n.type == "demonym" and n.lang == "en"]
    return [v for i, name in enumerate(names) for v in (name, words[i % len(words)])]


def test_resolve_many_is_a_loop_in_order(names: list[Any]) -> None:
    batch = resolve_batch(names)
    assert len(batch) == len(names) and len(batch.distinct) < len(names) / 2, "repeated names are resolved once"
    assert batch.matches() == [loop_resolve(n) for n in names]
    assert toponym.resolve_many(names) == batch.matches()
    assert batch.statuses() == [loop_status(n) for n in names]
    assert {"matched", "no-match", "empty", "invalid"} <= set(batch.statuses()) <= set(STATUSES)


def test_hints_per_row_beside_hints_for_every_row(names: list[Any]) -> None:
    countries = [("us", "jp", None, "ru", float("nan"), "zz")[i % 6] for i in range(len(names))]
    kinds = [({"city"}, None, "country", ["island", "city"], "no-such-kind")[i % 5] for i in range(len(names))]
    got = toponym.resolve_many(names, country=countries, kinds=kinds, lang="en")
    want = []
    for name, cc, kind in zip(names, countries, kinds, strict=True):
        hints = {"country": cc if isinstance(cc, str) else None, "kinds": {kind} if isinstance(kind, str) else kind}
        want.append(loop_resolve(name, lang="en", **hints))
    assert got == want
    ambiguous = ["Georgia", "Georgia", "Paris", "Paris"]
    ids = [m.place.id if m else None for m in toponym.resolve_many(ambiguous, country=["us", None, "us", "fr"])]
    loop = [toponym.resolve(n, country=c) for n, c in zip(ambiguous, ["us", None, "us", "fr"], strict=True)]
    assert ids == [m.place.id if m else None for m in loop]
    assert ids[0] != ids[1], "a per-row country re-ranks that row only"
    assert toponym.resolve_many(names[:50], kinds={"city"}) == [loop_resolve(n, kinds={"city"}) for n in names[:50]]


def test_demonyms_apply_to_every_row(names: list[Any], shipped: Gazetteer) -> None:
    column = demonym_column(shipped, names[:400] + BAD)
    got = toponym.resolve_many(column, demonyms=True)
    assert got == [loop_resolve(n, demonyms=True) for n in column]
    assert resolve_batch(column, demonyms=True).statuses() == [loop_status(n, {"demonyms": True}) for n in column]
    read = sum(m is not None and m.name_type == "demonym" for m in got)
    assert read >= 200 and got != toponym.resolve_many(column), "a demonym is read as its place only when asked"


def test_a_hint_column_of_the_wrong_length_says_so() -> None:
    with pytest.raises(ValueError, match="country: a column of 2 values for 3 names"):
        toponym.resolve_many(["a", "b", "c"], country=["us", "jp"])
    with pytest.raises(ValueError, match="applies to every row"):
        toponym.resolve_many(["a", "b", "c"], kinds=["city", "island"])
    with pytest.raises(TypeError, match="expected a column"):
        toponym.resolve_many("Japan")


def test_columns_of_other_libraries_and_empty_input() -> None:
    values = ["Japan", "Кунашир", "Japan", "国後島"]
    want = [toponym.resolve(v) for v in values]
    assert toponym.resolve_many(np.array(values)) == want  # numpy.str_ values
    assert toponym.resolve_many(tuple(values)) == want and toponym.resolve_many(iter(values)) == want
    assert toponym.resolve_many([]) == [] and toponym.extract_many([]) == []


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_worker_processes_give_what_one_process_gives(names: list[Any], method: str) -> None:
    small = names[::3]  # spawn starts fresh interpreters: keep the batch small
    batch = resolve_batch(small, n_jobs=2, mp_context=method)
    assert batch.matches() == [loop_resolve(n) for n in small]
    assert batch.statuses() == [loop_status(n) for n in small]
    texts = corpus.texts(toponym.default_gazetteer(), 60)
    assert toponym.extract_many(texts, n_jobs=2, mp_context=method) == [
        toponym.extract(t) if isinstance(t, str) else [] for t in texts
    ]


def test_extract_many_is_a_loop_in_order(shipped: Gazetteer) -> None:
    texts: list[Any] = [*corpus.texts(shipped, 300), *BAD]
    want = [toponym.extract(t) if isinstance(t, str) else [] for t in texts]
    batch = extract_batch(texts)
    assert batch.mentions() == want and toponym.extract_many(texts) == want
    assert len(batch.found) < len(texts), "repeated texts are scanned once"
    row, flat = batch.long()
    got = [(int(r), flat["start"][i], flat["end"][i], flat["id"][i]) for r, i in zip(row, flat["take"], strict=True)]
    assert got == [(r, m.start, m.end, m.place.id) for r, ms in enumerate(want) for m in ms]
    assert got, "the corpus names places"


#: Short texts of two documents: "Georgia" is the US state beside Atlanta, Cambridge the one
#: in Massachusetts beside Harvard and Boston; each alone is the country, or no answer.
POSTS = [
    "Floods hit Georgia on Monday.",
    None,
    "Storms reached Cambridge overnight.",
    "Roads out of Atlanta were closed.",
    "Harvard and Boston lost power.",
]


def ids(rows: list[list[Any]]) -> list[list[str]]:
    return [[m.place.id for m in row] for row in rows]


def test_texts_of_one_document_are_read_together() -> None:
    alone = ids(toponym.extract_many(POSTS))
    assert alone[0] == ["ge"] and alone[2] == [], "read alone, Georgia is the country and Cambridge ambiguous"
    together = toponym.extract_many(POSTS, documents=True)
    assert ids(together) == [["us-ga"], [], ["gn-4931972"], ["gn-4180439"], ["gn-4930956"]]
    for text, row in zip(POSTS, together, strict=True):  # offsets into each row's own text
        assert all(text is not None and text[m.start : m.end] == m.text for m in row)
    # a key per row: two documents, a row without a key read alone
    keyed = ids(toponym.extract_many(POSTS, documents=["a", "a", "b", "a", math.nan]))
    assert keyed == [["us-ga"], [], [], ["gn-4180439"], ["gn-4930956"]]
    assert toponym.extract_many(POSTS, documents=None) == toponym.extract_many(POSTS)


def test_no_name_runs_from_one_text_of_a_document_into_the_next() -> None:
    texts = ["The delegation left New", "York officials said nothing.", "Talks on Kunashiri"]
    assert "New\nYork" in [m.text for m in toponym.extract("\n".join(texts))], "one line break joins a name"
    together = toponym.extract_many(texts, documents=True)
    assert [[m.text for m in row] for row in together] == [[], ["York"], ["Kunashiri"]]


def test_document_keys_are_checked() -> None:
    with pytest.raises(ValueError, match="one key per text"):
        toponym.extract_many(POSTS, documents=["a"])
    with pytest.raises(TypeError, match="hashable"):
        toponym.extract_many(POSTS, documents=[["a"]] * len(POSTS))


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_documents_read_in_worker_processes_as_in_one(method: str) -> None:
    keys = ["a", "a", "b", "a", "b"]
    assert toponym.extract_many(POSTS, documents=keys, n_jobs=2, mp_context=method) == toponym.extract_many(
        POSTS, documents=keys
    )


def test_fields_are_plain_values_per_distinct_query() -> None:
    batch = resolve_batch(["Japan", "Qxzvtplkwj", None, "Japan"])
    fields = batch.fields(codes=["iso3166_1_alpha2", "wikidata"])
    take = batch.rows.tolist()
    japan = toponym.get("jp")
    assert [fields["id"][i] for i in take] == ["jp", None, None, "jp"]
    assert [fields["iso3166_1_alpha2"][i] for i in take] == [
        japan.codes.get("iso3166_1_alpha2"),
        None,
        None,
        japan.codes.get("iso3166_1_alpha2"),
    ]
    assert [fields["status"][i] for i in take] == ["matched", "no-match", "empty", "matched"]
    assert all(isinstance(v, str | float | type(None)) for column in fields.values() for v in column)


def test_progress_bar_only_where_asked_or_on_a_terminal(capsys: pytest.CaptureFixture[str]) -> None:
    names = [f"Japan{i}" for i in range(50)]
    toponym.resolve_many(names)  # stderr is not a terminal here
    assert capsys.readouterr().err == ""
    toponym.resolve_many(names, progress=True)
    err = capsys.readouterr().err
    assert "distinct names" in err and "50" in err
    assert not sys.stderr.isatty()


def test_an_index_file_is_opened_once_per_process(tmp_path: Path, shipped: Gazetteer) -> None:
    from toponym.batch import open_gazetteer

    # the default gazetteer itself (another test may have reloaded it since the fixture was made)
    assert open_gazetteer() is toponym.default_gazetteer()
    path = tmp_path / "copy.bin"
    path.write_bytes(Path(default_index_path()).read_bytes())
    first = open_gazetteer(path)
    assert open_gazetteer(str(path)) is first and first is not shipped
    assert first.resolve("Kunashiri") == shipped.resolve("Kunashiri")


def test_clear_caches_forgets_the_answers_a_batch_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    from toponym.batch import work

    asked: list[object] = []
    answer = work._answer
    monkeypatch.setattr(work, "_answer", lambda gz, q: asked.append(q.name) or answer(gz, q))
    toponym.clear_caches()
    toponym.resolve_many(["Japan", "Kunashiri", "Japan"])
    toponym.resolve_many(["Japan"])
    assert asked == ["Japan", "Kunashiri"], "a process answers each distinct query once"
    toponym.clear_caches()
    toponym.resolve_many(["Japan"])
    assert asked == ["Japan", "Kunashiri", "Japan"], "clear_caches forgets the batch's answers too"


@pytest.mark.parametrize("hints", [{}, {"country": "us"}, {"kinds": {"city"}}, {"lang": "de"}, {"demonyms": True}])
def test_one_ranking_gives_what_resolve_and_lookup_give(names: list[Any], hints: dict[str, Any]) -> None:
    resolver = toponym.default_gazetteer().resolver
    queries = [n for n in dict.fromkeys(names[:2000]) if isinstance(n, str) and len(n) < 1000]
    queries += ["USA", "CIV", "GA", "Georgia", "Springfield", "the", "Nice", "", "  "]
    got = [resolver.resolve_status(q, **hints) for q in queries]
    assert got == [(toponym.resolve(q, **hints), toponym.lookup(q, **hints).status) for q in queries]
    assert {"matched", "no-match", "invalid"} <= {s for _, s in got}
    if not hints:
        assert {"ambiguous", "stopped"} <= {s for _, s in got}

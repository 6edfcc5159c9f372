"""Batches: resolve a column of names, or extract from a column of texts, each distinct value once.

Real columns repeat themselves (a few thousand cities make a million rows), so a batch first
factorises its rows into distinct queries (a name and its hints), answers each once, in worker
processes if asked, and maps the answers back to the rows. Rows keep their order and their number;
a row that holds no usable string (``None``, NaN, a number, a 1 MB string) is answered ``None`` and
never fails the batch.

>>> import toponym
>>> [m.place.id if m else None for m in toponym.resolve_many(["Japan", None, "Georgia", "Japan"], country=[None, None, "us", "jp"])]
['jp', None, 'us-ga', 'jp']
>>> resolve_batch(["Japan", "", 42, "Qxzvtplkwj"]).statuses()
['matched', 'empty', 'invalid', 'no-match']
"""

from __future__ import annotations

import math
import os
import sys
import threading
import weakref
from collections.abc import Callable, Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any, Final, Literal, NamedTuple, TypeVar, get_args

import numpy as np
import numpy.typing as npt

from .api import Gazetteer, default_gazetteer
from .model import Match, Mention
from .vocab import CODE_KEYS

__all__ = [
    "MATCH_FIELDS",
    "MAX_NAME",
    "MENTION_FIELDS",
    "STATUSES",
    "Batch",
    "Query",
    "Status",
    "TextBatch",
    "check_codes",
    "extract_batch",
    "extract_many",
    "open_gazetteer",
    "per_row",
    "queries",
    "resolve_batch",
    "resolve_distinct",
    "resolve_many",
    "status",
]

Status = Literal["matched", "ambiguous", "no-match", "empty", "invalid"]
#: What became of a row: a place; several equally good ones (``resolve`` abstains, ``resolve_all``
#: lists them); none; a missing or blank value; a value that is no name (not a string, too long).
STATUSES: Final[tuple[Status, ...]] = get_args(Status)

#: Longer strings are not names: the resolver answers ``None`` for them without work.
MAX_NAME: Final = 256

Rows = npt.NDArray[np.intp]
T = TypeVar("T")
R = TypeVar("R")


class Query(NamedTuple):
    """One distinct question of a batch: a name and its hints (``None`` when not given)."""

    name: object
    lang: str | None = None
    country: str | None = None
    kinds: frozenset[str] | None = None
    perspective: str | None = None

    def hints(self) -> dict[str, Any]:
        return {"lang": self.lang, "country": self.country, "kinds": self.kinds, "perspective": self.perspective}


@dataclass(frozen=True, slots=True)
class Unusable:
    """Stands in a :class:`Query` for every row of one kind that holds no name."""

    status: Literal["empty", "invalid"]


EMPTY: Final = Unusable("empty")
INVALID: Final = Unusable("invalid")


def _missing(value: object) -> bool:
    """``None``, NaN, NaT or ``pandas.NA``: no value at all."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN and NaT differ from themselves
    except Exception:  # pandas.NA refuses bool(), an array is ambiguous, an odd object may raise anything
        return type(value).__name__ == "NAType"


def _unusable(value: object) -> Literal["empty", "invalid"] | None:
    """Why ``value`` is not looked up, or ``None`` when it is a name to look up."""
    if isinstance(value, Unusable):
        return value.status
    if not isinstance(value, str):
        return "empty" if _missing(value) else "invalid"
    if not value.strip():
        return "empty"
    return "invalid" if len(value) > MAX_NAME else None


def status(gazetteer: Gazetteer, name: object, match: Match | None, **hints: Any) -> Status:
    """The status of one row, given what ``resolve`` answered for it (see :data:`STATUSES`)."""
    unusable = _unusable(name)
    if unusable is not None:
        return unusable
    if match is not None:
        return "matched"
    return "ambiguous" if gazetteer.resolve_all(name, **hints) else "no-match"  # type: ignore[arg-type]


# --- rows to distinct queries ----------------------------------------------------------------------

#: A column of per-row values: a list, tuple, numpy array, pandas or polars Series, Arrow array.
Column = Any


def _values(column: Column) -> list[Any]:
    """A column as a list of Python values."""
    for method in ("to_pylist", "to_list", "tolist"):  # Arrow, polars, numpy and pandas
        convert = getattr(column, method, None)
        if callable(convert):
            return list(convert())
    if isinstance(column, str | bytes) or not isinstance(column, Collection | Iterator):
        raise TypeError(f"expected a column of values (a list, an array or a Series), not {type(column).__name__}")
    return list(column)


def _key(value: object) -> str | Unusable:
    """What a row is deduplicated by: its string, or one marker for all rows holding no string."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)  # numpy.str_ and other subclasses: the plain text
    return EMPTY if _missing(value) else INVALID


def _text_hint(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _kinds_hint(value: object) -> frozenset[str] | None:
    if isinstance(value, str):
        return frozenset((value,)) if value.strip() else None
    if isinstance(value, Collection):
        return frozenset(k for k in value if isinstance(k, str)) or None
    return None


HINTS: Final = ("lang", "country", "kinds", "perspective")
#: The columns of a resolved row (then the code keys asked for), and of a mention in a long table.
MATCH_FIELDS: Final = ("id", "name", "kind", "country", "score", "method", "status")
MENTION_FIELDS: Final = ("start", "end", "text", "id", "name", "kind", "country", "score", "method")


def _hint_column(name: str, hint: object, rows: int) -> tuple[Any, list[Any] | None]:
    """``(value for every row, None)`` or ``(None, one value per row)``.

    ``lang``, ``country`` and ``perspective`` apply to every row as a string or ``None``; anything
    else is a column. ``kinds`` applies to every row as a string or a set; a list, tuple or array is
    a column holding a kind, a collection of kinds or ``None`` for each row.
    """
    clean = _kinds_hint if name == "kinds" else _text_hint
    if _fixed(name, hint):
        return clean(hint), None
    values = _values(hint)
    if len(values) != rows:
        every = "; a set such as {'city', 'island'} applies to every row" if name == "kinds" else ""
        raise ValueError(f"{name}: a column of {len(values)} values for {rows} names{every}")
    return None, [clean(v) for v in values]


def per_row(**hints: object) -> bool:
    """Is any of ``hints`` a column (one value per row) rather than one value for every row?"""
    return not all(_fixed(k, h) for k, h in hints.items())


def _fixed(name: str, hint: object) -> bool:
    """One value for every row: a string or ``None``, or for ``kinds`` a set too."""
    return hint is None or isinstance(hint, str) or (name == "kinds" and isinstance(hint, AbstractSet))


def check_codes(codes: Sequence[str]) -> tuple[str, ...]:
    """``codes`` as a tuple, if each is a key of ``Place.codes`` (``ValueError`` naming them if not)."""
    codes = (codes,) if isinstance(codes, str) else tuple(codes)
    unknown = [c for c in codes if c not in CODE_KEYS]
    if unknown:
        raise ValueError(f"unknown code keys {unknown}: choose among {', '.join(sorted(CODE_KEYS))}")
    return codes


def queries(names: Column, **hints: object) -> tuple[Rows, list[Query]]:
    """Factorise rows: ``(rows, distinct)``, where ``distinct[rows[i]]`` is the query of row ``i``."""
    values = _values(names)
    n = len(values)
    columns = [_hint_column(k, hints.get(k), n) for k in HINTS]
    seen: dict[Any, int] = {}
    if all(per_row is None for _, per_row in columns):
        rows = np.fromiter((seen.setdefault(_key(v), len(seen)) for v in values), dtype=np.intp, count=n)
        fixed = [scalar for scalar, _ in columns]
        return rows, [Query(k, *fixed) for k in seen]
    per_rows = [per_row if per_row is not None else [scalar] * n for scalar, per_row in columns]
    keys = ((_key(v), *h) for v, *h in zip(values, *per_rows, strict=True))
    rows = np.fromiter((seen.setdefault(k, len(seen)) for k in keys), dtype=np.intp, count=n)
    return rows, [Query(*k) for k in seen]


# --- answering distinct queries, here or in worker processes ------------------------------------------


def _answer(gazetteer: Gazetteer, query: Query) -> tuple[Match | None, Status]:
    unusable = _unusable(query.name)
    if unusable is not None:
        return None, unusable
    hints = query.hints()
    try:
        match = gazetteer.resolve(query.name, **hints)  # type: ignore[arg-type]
        return match, status(gazetteer, query.name, match, **hints)
    except (ValueError, TypeError, LookupError):  # a hint the resolver refuses fails its row, not the batch
        return None, "invalid"


#: Answers (match and status) this process has given, per gazetteer: a column split into many
#: batches (Spark's Arrow batches, Dask's partitions) looks each distinct query up once per process.
_memo: weakref.WeakKeyDictionary[Gazetteer, dict[Query, tuple[Match | None, Status]]] = weakref.WeakKeyDictionary()
MEMO_SIZE: Final = 200_000


def _resolve_chunk(gazetteer: Gazetteer, chunk: list[Query]) -> list[tuple[Match | None, Status]]:
    memo = _memo.get(gazetteer)
    if memo is None:
        memo = _memo.setdefault(gazetteer, {})
    out = []
    for query in chunk:
        answer = memo.get(query)
        if answer is None:
            answer = _answer(gazetteer, query)
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            if not isinstance(query.name, str) or len(query.name) <= MAX_NAME:  # keep no megabyte strings
                memo[query] = answer
        out.append(answer)
    return out


def _extract_one(gazetteer: Gazetteer, text: object, context: bool) -> tuple[Mention, ...]:
    if not isinstance(text, str) or not text.strip():
        return ()
    try:
        return tuple(gazetteer.extract(text, context=context))
    except (ValueError, TypeError, LookupError):  # one odd text yields no mentions, the batch goes on
        return ()


def _extract_chunk(gazetteer: Gazetteer, chunk: list[tuple[object, bool]]) -> list[tuple[Mention, ...]]:
    return [_extract_one(gazetteer, text, context) for text, context in chunk]


_worker_gazetteer: Gazetteer | None = None


def _init_worker(gazetteer: Gazetteer) -> None:
    # the gazetteer arrives once per worker, pickled by its index path: each worker maps the same file
    global _worker_gazetteer
    _worker_gazetteer = gazetteer


def _in_worker(fn: Callable[[Gazetteer, list[T]], list[R]], chunk: list[T]) -> list[R]:
    assert _worker_gazetteer is not None, "_init_worker runs first in every worker"
    return fn(_worker_gazetteer, chunk)


def _jobs(n_jobs: int) -> int:
    """``n_jobs`` processes; 0 or less means one per core."""
    return n_jobs if n_jobs >= 1 else max(1, os.cpu_count() or 1)


@contextmanager
def _progress(total: int, label: str, progress: bool | None) -> Iterator[Callable[[int], None]]:
    """A progress bar on stderr: where it is a terminal, or whenever ``progress`` is True."""
    stream = sys.stderr
    show = progress if progress is not None else stream is not None and stream.isatty()
    if not show or not total or stream is None:
        yield lambda done: None
        return
    import click

    with click.progressbar(length=total, label=label, file=stream) as bar:
        yield bar.update


def _run(
    fn: Callable[[Gazetteer, list[T]], list[R]],
    items: list[T],
    gazetteer: Gazetteer,
    *,
    n_jobs: int,
    progress: bool | None,
    label: str,
    mp_context: str | BaseContext | None,
) -> list[R]:
    """``fn`` over ``items`` in chunks, in order: in this process, or in ``n_jobs`` worker processes."""
    jobs = min(_jobs(n_jobs), len(items))
    # a few chunks per worker balance the load; in one process, chunks only pace the progress bar
    size = max(1, math.ceil(len(items) / (jobs * 8))) if jobs > 1 else 1000
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    out: list[R] = []
    with _progress(len(items), label, progress) as advance:
        if jobs <= 1:
            for chunk in chunks:
                out.extend(fn(gazetteer, chunk))
                advance(len(chunk))
            return out
        import multiprocessing

        context = multiprocessing.get_context(mp_context) if isinstance(mp_context, str | None) else mp_context
        with ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(gazetteer,)) as pool:
            for chunk, answers in zip(chunks, pool.map(_in_worker, [fn] * len(chunks), chunks), strict=True):
                out.extend(answers)
                advance(len(chunk))
    return out


_opened: dict[str, Gazetteer] = {}
_opened_lock = threading.Lock()


def open_gazetteer(index: str | os.PathLike[str] | None = None) -> Gazetteer:
    """The gazetteer of the compiled index file ``index`` (``None``: the default one), opened once
    per process: a Spark executor or a Dask worker maps the file once and keeps its caches."""
    if index is None:
        return default_gazetteer()
    key = os.fspath(index)
    with _opened_lock:
        if key not in _opened:
            _opened[key] = Gazetteer.load(key)
        return _opened[key]


# --- public ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, eq=False)
class Batch:
    """A resolved column: each distinct query answered once, and for each row which answer is its own."""

    rows: Rows
    """One entry per input row: the index of its query in :attr:`distinct`."""
    distinct: tuple[Query, ...]
    found: tuple[Match | None, ...]
    """The answer to each distinct query."""
    states: tuple[Status, ...]
    """The status of each distinct query."""

    def __len__(self) -> int:
        return len(self.rows)

    def matches(self) -> list[Match | None]:
        """One match (or ``None``) per row, in input order."""
        found = self.found
        return [found[i] for i in self.rows.tolist()]

    def statuses(self) -> list[Status]:
        """One status per row, in input order."""
        states = self.states
        return [states[i] for i in self.rows.tolist()]

    def fields(self, codes: Sequence[str] = ()) -> dict[str, list[Any]]:
        """Plain columns over :attr:`distinct` (take them by :attr:`rows` for one value per row):
        id, name, kind, country, score, method, status, then each code key of ``codes``."""
        out: dict[str, list[Any]] = {k: [] for k in MATCH_FIELDS}
        code_columns = [(key, out.setdefault(key, [])) for key in check_codes(codes)]
        for match, state in zip(self.found, self.states, strict=True):
            out["status"].append(state)
            if match is None:
                for key in ("id", "name", "kind", "country", "score", "method"):
                    out[key].append(None)
                for _, column in code_columns:
                    column.append(None)
                continue
            place = match.place
            out["id"].append(place.id)
            out["name"].append(place.name)
            out["kind"].append(place.kind)
            out["country"].append(place.country)
            out["score"].append(float(match.score))
            out["method"].append(match.method)
            for key, column in code_columns:
                column.append(place.codes.get(key))
        return out


@dataclass(frozen=True, slots=True, eq=False)
class TextBatch:
    """Mentions in a column of texts: each distinct text scanned once."""

    rows: Rows
    """One entry per input row: the index of its text's mentions in :attr:`found`."""
    found: tuple[tuple[Mention, ...], ...]

    def __len__(self) -> int:
        return len(self.rows)

    def mentions(self) -> list[list[Mention]]:
        """One list of mentions per row, in input order."""
        found = self.found
        return [list(found[i]) for i in self.rows.tolist()]

    def long(self) -> tuple[Rows, dict[str, list[Any]]]:
        """A long table: ``(row, flat)`` with one mention per entry of ``row`` (its input row), and
        ``flat`` the mentions of the distinct texts as plain columns: take them by ``flat["take"]``."""
        counts = np.fromiter((len(f) for f in self.found), dtype=np.intp, count=len(self.found))
        starts = np.cumsum(counts) - counts
        per_row = counts[self.rows]
        row = np.repeat(np.arange(len(self.rows), dtype=np.intp), per_row)
        # the k-th mention of a row is the k-th of its text: its text's first flat index plus k
        first = np.repeat(starts[self.rows], per_row)
        nth = np.arange(len(row), dtype=np.intp) - np.repeat(np.cumsum(per_row) - per_row, per_row)
        flat: dict[str, list[Any]] = {key: [] for key in MENTION_FIELDS}
        for mentions in self.found:
            for m in mentions:
                place = m.match.place
                flat["start"].append(m.start)
                flat["end"].append(m.end)
                flat["text"].append(m.text)
                flat["id"].append(place.id)
                flat["name"].append(place.name)
                flat["kind"].append(place.kind)
                flat["country"].append(place.country)
                flat["score"].append(float(m.match.score))
                flat["method"].append(m.match.method)
        flat["take"] = (first + nth).tolist()
        return row, flat


def resolve_distinct(
    values: Column,
    rows: Rows,
    *,
    lang: str | None = None,
    country: str | None = None,
    kinds: str | Collection[str] | None = None,
    perspective: str | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> Batch:
    """Resolve a column that is already factorised (``values[rows[i]]`` is row ``i``; the
    dataframe helpers factorise natively); the hints apply to every row."""
    hints = _text_hint(lang), _text_hint(country), _kinds_hint(kinds), _text_hint(perspective)
    distinct = [Query(_key(v), *hints) for v in _values(values)]
    return _resolve(np.asarray(rows, dtype=np.intp), distinct, n_jobs, progress, gazetteer, mp_context)


def _resolve(
    rows: Rows,
    distinct: list[Query],
    n_jobs: int,
    progress: bool | None,
    gazetteer: Gazetteer | None,
    mp_context: str | BaseContext | None,
) -> Batch:
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    label = f"toponym: {len(distinct)} distinct names"
    answers = _run(_resolve_chunk, distinct, gz, n_jobs=n_jobs, progress=progress, label=label, mp_context=mp_context)
    found = tuple(m for m, _ in answers)
    states = tuple(s for _, s in answers)
    return Batch(rows, tuple(distinct), found, states)


def resolve_batch(
    names: Column,
    *,
    lang: str | Column | None = None,
    country: str | Column | None = None,
    kinds: str | Collection[str] | Column | None = None,
    perspective: str | Column | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> Batch:
    """Resolve a column of names into a :class:`Batch` (matches and statuses); see :func:`resolve_many`."""
    rows, distinct = queries(names, lang=lang, country=country, kinds=kinds, perspective=perspective)
    return _resolve(rows, distinct, n_jobs, progress, gazetteer, mp_context)


def resolve_many(
    names: Column,
    *,
    lang: str | Column | None = None,
    country: str | Column | None = None,
    kinds: str | Collection[str] | Column | None = None,
    perspective: str | Column | None = None,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> list[Match | None]:
    """``resolve`` over a column of names: one answer per row, in input order.

    Each distinct (name, hints) is resolved once. A hint is one value for every row or a column
    beside ``names`` (``country=df["cc"]``); ``kinds`` is a column when it is a list, tuple or
    array, and one value for every row when it is a string or a set. A row that holds no usable
    name (``None``, NaN, a number, an overlong string) is answered ``None`` and never fails the
    batch. ``n_jobs > 1`` answers in worker processes (``0`` or less: one per core); ``progress``
    shows a bar on stderr (by default only where stderr is a terminal). ``gazetteer`` defaults to
    :func:`toponym.default_gazetteer`.
    """
    return resolve_batch(
        names, lang=lang, country=country, kinds=kinds, perspective=perspective,
        n_jobs=n_jobs, progress=progress, gazetteer=gazetteer, mp_context=mp_context,
    ).matches()  # fmt: skip


def extract_batch(
    texts: Column,
    *,
    context: bool = True,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> TextBatch:
    """Scan a column of texts into a :class:`TextBatch`; see :func:`extract_many`."""
    seen: dict[str | Unusable, int] = {}
    values = _values(texts)
    rows = np.fromiter((seen.setdefault(_key(v), len(seen)) for v in values), dtype=np.intp, count=len(values))
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    items: list[tuple[object, bool]] = [(text, context) for text in seen]
    label = f"toponym: {len(items)} distinct texts"
    found = _run(_extract_chunk, items, gz, n_jobs=n_jobs, progress=progress, label=label, mp_context=mp_context)
    return TextBatch(rows, tuple(found))


def extract_many(
    texts: Column,
    *,
    context: bool = True,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> list[list[Mention]]:
    """``extract`` over a column of texts: one list of mentions per row, in input order.

    Repeated texts are scanned once; a row that holds no text (``None``, NaN, a number) has no
    mentions. ``n_jobs``, ``progress`` and ``gazetteer`` as for :func:`resolve_many`.

    >>> [[m.place.id for m in row] for row in extract_many(["Talks on Kunashiri", None, "Iturup and Kunashiri"])]
    [['kunashir'], [], ['iturup', 'kunashir']]
    """
    return extract_batch(
        texts, context=context, n_jobs=n_jobs, progress=progress, gazetteer=gazetteer, mp_context=mp_context
    ).mentions()

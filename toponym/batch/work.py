"""Answering distinct queries, here or in worker processes, with answers kept per process."""

from __future__ import annotations

import math
import os
import sys
import threading
import weakref
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from itertools import accumulate
from multiprocessing.context import BaseContext
from typing import Any, Final, TypeVar

from ..api import Gazetteer, default_gazetteer
from ..memo import BoundedMemo
from ..model import Match, Mention
from .rows import MAX_NAME, Query, Status, unusable

__all__ = [
    "DOCUMENT_BREAK",
    "MEMO_SIZE",
    "Answer",
    "documents_chunk",
    "extract_chunk",
    "open_gazetteer",
    "plain",
    "resolve_chunk",
    "run_chunks",
    "take_columns",
]

T = TypeVar("T")
R = TypeVar("R")

#: From this many rows, a table's columns are taken by row on threads: Arrow's takes (pandas' strings
#: are Arrow's) run outside the GIL, and each copies every row's string.
THREADED_TAKE: Final = 100_000


def take_columns(columns: Sequence[T], take: Callable[[T], R], rows: int) -> list[R]:
    """``take`` of each column (the column's values by row), side by side on up to one thread per
    core when there are ``rows`` enough to pay for the threads."""
    workers = min(len(columns), os.cpu_count() or 1)
    if rows < THREADED_TAKE or workers < 2:
        return [take(c) for c in columns]
    with ThreadPoolExecutor(workers) as pool:
        return list(pool.map(take, columns))


# --- answering distinct queries, here or in worker processes ------------------------------------------


#: A distinct query's answer: the match, the status, and the row of plain fields a table shows
#: (:data:`~.rows.MATCH_FIELDS`), made once per process rather than once per batch.
Answer = tuple[Match | None, Status, tuple[Any, ...]]


def plain(match: Match | None, state: Status) -> tuple[Any, ...]:
    """The plain values of :data:`~.rows.MATCH_FIELDS` for one answer."""
    if match is None:
        return None, None, None, None, None, None, state
    place = match.place
    return place.id, place.name, place.kind, place.country, float(match.score), match.method, state


def _answer(gazetteer: Gazetteer, query: Query) -> Answer:
    bad = unusable(query.name)
    if bad is not None:
        return None, bad, plain(None, bad)
    try:  # resolve's answer and lookup's status from one ranking
        match, state = gazetteer.resolver.resolve_status(query.name, **query.hints())  # type: ignore[arg-type]
    except (ValueError, TypeError, LookupError):  # a hint the resolver refuses fails its row, not the batch
        match, state = None, "invalid"
    return match, state, plain(match, state)


#: Answers (match and status) this process has given, per gazetteer: a column split into many
#: batches (Spark's Arrow batches, Dask's partitions) looks each distinct query up once per process.
#: Bounded memos, so ``toponym.clear_caches()`` forgets these answers too.
_memo: weakref.WeakKeyDictionary[Gazetteer, BoundedMemo[Query, Answer]] = weakref.WeakKeyDictionary()
MEMO_SIZE: Final = 200_000


def resolve_chunk(gazetteer: Gazetteer, chunk: list[Query]) -> list[Answer]:
    memo = _memo.get(gazetteer)
    if memo is None:
        memo = _memo.setdefault(gazetteer, BoundedMemo(MEMO_SIZE))
    out = []
    for query in chunk:
        answer = memo.get(query)
        if answer is None:
            answer = _answer(gazetteer, query)
            if not isinstance(query.name, str) or len(query.name) <= MAX_NAME:  # keep no megabyte strings
                memo.put(query, answer)
        out.append(answer)
    return out


def _extract_one(gazetteer: Gazetteer, text: object, context: bool, demonyms: bool) -> tuple[Mention, ...]:
    if not isinstance(text, str) or not text.strip():
        return ()
    try:
        return tuple(gazetteer.extract(text, context=context, demonyms=demonyms))
    except (ValueError, TypeError, LookupError):  # one odd text yields no mentions, the batch goes on
        return ()


def extract_chunk(gazetteer: Gazetteer, chunk: list[tuple[object, bool, bool]]) -> list[tuple[Mention, ...]]:
    return [_extract_one(gazetteer, text, context, demonyms) for text, context, demonyms in chunk]


#: What stands between the texts of one document read together: a blank line, across which no
#: name reads on, and after which a text begins a line, as when it is read alone.
DOCUMENT_BREAK: Final = "\n\n"


def _extract_together(
    gazetteer: Gazetteer, texts: tuple[object, ...], context: bool, demonyms: bool
) -> tuple[tuple[Mention, ...], ...]:
    """The mentions of each of ``texts``, read as one document (each text the others' context),
    with offsets into its own text."""
    parts = [t if isinstance(t, str) and t.strip() else "" for t in texts]
    starts = list(accumulate((len(p) + len(DOCUMENT_BREAK) for p in parts[:-1]), initial=0))
    found = _extract_one(gazetteer, DOCUMENT_BREAK.join(parts), context, demonyms)
    out: list[list[Mention]] = [[] for _ in parts]
    for m in found:
        k = bisect_right(starts, m.start) - 1
        if m.end <= starts[k] + len(parts[k]):  # within its text (a name never spans a blank line)
            out[k].append(replace(m, start=m.start - starts[k], end=m.end - starts[k]))
    return tuple(map(tuple, out))


def documents_chunk(
    gazetteer: Gazetteer, chunk: list[tuple[tuple[object, ...], bool, bool]]
) -> list[tuple[tuple[Mention, ...], ...]]:
    return [_extract_together(gazetteer, texts, context, demonyms) for texts, context, demonyms in chunk]


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


def run_chunks(
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

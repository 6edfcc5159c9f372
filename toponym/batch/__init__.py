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

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from multiprocessing.context import BaseContext
from typing import Any

import numpy as np

from ..api import Gazetteer, default_gazetteer
from ..model import Match, Mention
from .rows import (
    HINTS,
    MATCH_FIELDS,
    MAX_NAME,
    MENTION_FIELDS,
    STATUSES,
    Column,
    Query,
    Rows,
    Status,
    Unusable,
    check_codes,
    column_values,
    document_groups,
    kinds_hint,
    per_row,
    queries,
    row_key,
    status,
    text_hint,
)
from .work import documents_chunk, extract_chunk, open_gazetteer, plain, resolve_chunk, run_chunks

__all__ = [
    "HINTS",
    "MATCH_FIELDS",
    "MAX_NAME",
    "MENTION_FIELDS",
    "STATUSES",
    "Batch",
    "Column",
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
    plain: tuple[tuple[Any, ...], ...] = ()
    """The plain values of :data:`MATCH_FIELDS` for each distinct query (made from :attr:`found`
    and :attr:`states` when not given)."""

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
        keys = check_codes(codes)
        rows = self.plain if len(self.plain) == len(self.found) else tuple(map(plain, self.found, self.states))
        columns = zip(*rows, strict=True) if rows else ([] for _ in MATCH_FIELDS)
        out = {k: list(column) for k, column in zip(MATCH_FIELDS, columns, strict=True)}
        for key in keys:
            out[key] = [m.place.codes.get(key) if m is not None else None for m in self.found]
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
        each = counts[self.rows]
        row = np.repeat(np.arange(len(self.rows), dtype=np.intp), each)
        # the k-th mention of a row is the k-th of its text: its text's first flat index plus k
        first = np.repeat(starts[self.rows], each)
        nth = np.arange(len(row), dtype=np.intp) - np.repeat(np.cumsum(each) - each, each)
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
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> Batch:
    """Resolve a column that is already factorised (``values[rows[i]]`` is row ``i``; the
    dataframe helpers factorise natively); the hints apply to every row."""
    hints = text_hint(lang), text_hint(country), kinds_hint(kinds), text_hint(perspective), bool(demonyms)
    distinct = [Query(row_key(v), *hints) for v in column_values(values)]
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
    answers = run_chunks(
        resolve_chunk, distinct, gz, n_jobs=n_jobs, progress=progress, label=label, mp_context=mp_context
    )
    found, states, rows_of_fields = zip(*answers, strict=True) if answers else ((), (), ())
    return Batch(rows, tuple(distinct), found, states, rows_of_fields)


def resolve_batch(
    names: Column,
    *,
    lang: str | Column | None = None,
    country: str | Column | None = None,
    kinds: str | Collection[str] | Column | None = None,
    perspective: str | Column | None = None,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> Batch:
    """Resolve a column of names into a :class:`Batch` (matches and statuses); see :func:`resolve_many`."""
    rows, distinct = queries(
        names, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=bool(demonyms)
    )
    return _resolve(rows, distinct, n_jobs, progress, gazetteer, mp_context)


def resolve_many(
    names: Column,
    *,
    lang: str | Column | None = None,
    country: str | Column | None = None,
    kinds: str | Collection[str] | Column | None = None,
    perspective: str | Column | None = None,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
) -> list[Match | None]:
    """``resolve`` over a column of names: one answer per row, in input order.

    Each distinct (name, hints) is resolved once. A hint is one value for every row or a column
    beside ``names`` (``country=df["cc"]``); ``kinds`` is a column when it is a list, tuple or
    array, and one value for every row when it is a string or a set; ``demonyms=True`` reads a
    demonym as its place in every row (``"Russian"`` as Russia). A row that holds no usable
    name (``None``, NaN, a number, an overlong string) is answered ``None`` and never fails the
    batch. ``n_jobs > 1`` answers in worker processes (``0`` or less: one per core); ``progress``
    shows a bar on stderr (by default only where stderr is a terminal). ``gazetteer`` defaults to
    :func:`toponym.default_gazetteer`.
    """
    return resolve_batch(
        names, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms,
        n_jobs=n_jobs, progress=progress, gazetteer=gazetteer, mp_context=mp_context,
    ).matches()  # fmt: skip


def extract_batch(
    texts: Column,
    *,
    context: bool = True,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
    documents: bool | Column = False,
) -> TextBatch:
    """Scan a column of texts into a :class:`TextBatch`; see :func:`extract_many`."""
    values = column_values(texts)
    if documents is not False and documents is not None:
        return _documents_batch(values, documents, context, demonyms, n_jobs, progress, gazetteer, mp_context)
    seen: dict[str | Unusable, int] = {}
    rows = np.fromiter((seen.setdefault(row_key(v), len(seen)) for v in values), dtype=np.intp, count=len(values))
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    items: list[tuple[object, bool, bool]] = [(text, context, demonyms) for text in seen]
    label = f"toponym: {len(items)} distinct texts"
    found = run_chunks(extract_chunk, items, gz, n_jobs=n_jobs, progress=progress, label=label, mp_context=mp_context)
    return TextBatch(rows, tuple(found))


def _documents_batch(
    values: list[Any],
    documents: bool | Column,
    context: bool,
    demonyms: bool,
    n_jobs: int,
    progress: bool | None,
    gazetteer: Gazetteer | None,
    mp_context: str | BaseContext | None,
) -> TextBatch:
    """Each document's texts read together (:func:`~.work.documents_chunk`), a row's own mentions
    kept for each row: no row shares another's answer, as context may set them apart."""
    groups = document_groups(documents, len(values))
    gz = gazetteer if gazetteer is not None else default_gazetteer()
    items = [(tuple(values[i] for i in rows), context, demonyms) for rows in groups]
    label = f"toponym: {len(items)} documents"
    read = run_chunks(documents_chunk, items, gz, n_jobs=n_jobs, progress=progress, label=label, mp_context=mp_context)
    found: list[tuple[Mention, ...]] = [()] * len(values)
    for rows, mentions in zip(groups, read, strict=True):
        for i, own in zip(rows, mentions, strict=True):
            found[i] = own
    return TextBatch(np.arange(len(values), dtype=np.intp), tuple(found))


def extract_many(
    texts: Column,
    *,
    context: bool = True,
    demonyms: bool = False,
    n_jobs: int = 1,
    progress: bool | None = None,
    gazetteer: Gazetteer | None = None,
    mp_context: str | BaseContext | None = None,
    documents: bool | Column = False,
) -> list[list[Mention]]:
    """``extract`` over a column of texts: one list of mentions per row, in input order.

    Repeated texts are scanned once; a row that holds no text (``None``, NaN, a number) has no
    mentions. ``context`` and ``demonyms`` as for :func:`toponym.extract`. ``n_jobs``, ``progress`` and ``gazetteer`` as for :func:`resolve_many`.

    >>> [[m.place.id for m in row] for row in extract_many(["Talks on Kunashiri", None, "Iturup and Kunashiri"])]
    [['kunashir'], [], ['iturup', 'kunashir']]

    Short texts of one document (the sentences of an article, the posts of a thread) are read
    together with ``documents``: ``True`` makes all rows one document, a column gives each row's
    document key (rows with the same key are one document, in row order; a row without a key is
    read alone). Each text is then the others' context, as in a text read whole: a place named in
    one settles a name another shares with other places; each row keeps its own mentions, with
    offsets into its own text.

    >>> posts = ["Floods hit Georgia on Monday.", "Roads out of Atlanta were closed."]
    >>> [[m.place.id for m in row] for row in extract_many(posts)]
    [['ge'], ['gn-4180439']]
    >>> [[m.place.id for m in row] for row in extract_many(posts, documents=True)]
    [['us-ga'], ['gn-4180439']]
    """
    return extract_batch(
        texts,
        context=context,
        demonyms=demonyms,
        n_jobs=n_jobs,
        progress=progress,
        gazetteer=gazetteer,
        mp_context=mp_context,
        documents=documents,
    ).mentions()

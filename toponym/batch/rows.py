"""Rows to distinct queries: what a row holds (a usable name or not), its hints, and its status."""

from __future__ import annotations

from collections.abc import Collection, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from typing import Any, Final, Literal, NamedTuple, TypeVar, get_args

import numpy as np
import numpy.typing as npt

from ..api import Gazetteer
from ..model import Match
from ..vocab import CODE_KEYS

Status = Literal["matched", "ambiguous", "stopped", "no-match", "empty", "invalid"]
#: What became of a row: :func:`toponym.lookup`'s statuses (a place; several, none dominant;
#: candidates a bare ``resolve`` declines on purpose, such as an ordinary word; none; a value that
#: is no name: not a string, too long), and ``empty`` for a missing or blank value.
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
    demonyms: bool = False

    def hints(self) -> dict[str, Any]:
        return {
            "lang": self.lang, "country": self.country, "kinds": self.kinds,
            "perspective": self.perspective, "demonyms": self.demonyms,
        }  # fmt: skip


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


def unusable(value: object) -> Literal["empty", "invalid"] | None:
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
    bad = unusable(name)
    if bad is not None:
        return bad
    if match is not None:
        return "matched"
    return gazetteer.lookup(name, **hints).status  # type: ignore[arg-type]


# --- rows to distinct queries ----------------------------------------------------------------------

#: A column of per-row values: a list, tuple, numpy array, pandas or polars Series, Arrow array.
Column = Any


def column_values(column: Column) -> list[Any]:
    """A column as a list of Python values."""
    for method in ("to_pylist", "to_list", "tolist"):  # Arrow, polars, numpy and pandas
        convert = getattr(column, method, None)
        if callable(convert):
            return list(convert())
    if isinstance(column, str | bytes) or not isinstance(column, Collection | Iterator):
        raise TypeError(f"expected a column of values (a list, an array or a Series), not {type(column).__name__}")
    return list(column)


def document_groups(documents: object, rows: int) -> list[list[int]]:
    """The rows of each document, in row order, documents in the order they first appear:
    ``documents=True`` makes every row one document; a column gives each row's document key, and a
    row without one (``None``, NaN) is a document of its own."""
    if documents is True:
        return [list(range(rows))]
    keys = column_values(documents)
    if len(keys) != rows:
        raise ValueError(f"documents has {len(keys)} values for {rows} texts: give one key per text, or True")
    groups: dict[object, list[int]] = {}
    alone: list[list[int]] = []
    for i, key in enumerate(keys):
        if _missing(key):
            alone.append([i])
            continue
        try:
            groups.setdefault(key, []).append(i)
        except TypeError:
            raise TypeError(
                f"a document key must be hashable (a number or a string), not {type(key).__name__}"
            ) from None
    return sorted([*groups.values(), *alone], key=lambda rows_of: rows_of[0])


def row_key(value: object) -> str | Unusable:
    """What a row is deduplicated by: its string, or one marker for all rows holding no string."""
    if type(value) is str:
        return value
    if isinstance(value, str):
        return str(value)  # numpy.str_ and other subclasses: the plain text
    return EMPTY if _missing(value) else INVALID


def text_hint(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def kinds_hint(value: object) -> frozenset[str] | None:
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
    clean = kinds_hint if name == "kinds" else text_hint
    if _fixed(name, hint):
        return clean(hint), None
    values = column_values(hint)
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


def queries(names: Column, *, demonyms: bool = False, **hints: object) -> tuple[Rows, list[Query]]:
    """Factorise rows: ``(rows, distinct)``, where ``distinct[rows[i]]`` is the query of row ``i``;
    ``demonyms`` (read a demonym as its place) applies to every row."""
    values = column_values(names)
    n = len(values)
    columns = [_hint_column(k, hints.get(k), n) for k in HINTS]
    seen: dict[Any, int] = {}
    if all(per_row is None for _, per_row in columns):
        rows = np.fromiter((seen.setdefault(row_key(v), len(seen)) for v in values), dtype=np.intp, count=n)
        lang, country, kinds, perspective = (scalar for scalar, _ in columns)
        return rows, [Query(k, lang, country, kinds, perspective, demonyms) for k in seen]
    per_rows = [per_row if per_row is not None else [scalar] * n for scalar, per_row in columns]
    keys = ((row_key(v), *h, demonyms) for v, *h in zip(values, *per_rows, strict=True))
    rows = np.fromiter((seen.setdefault(k, len(seen)) for k in keys), dtype=np.intp, count=n)
    return rows, [Query(*k) for k in seen]

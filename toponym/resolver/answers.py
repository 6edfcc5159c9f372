"""The compiled answer to a query that is a stored spelling, read into a :class:`~toponym.model.Match`.

The build recorded, for every stored name, the name row a bare query spelling it resolves to, how
(a method code) and why (an explanation index): :mod:`toponym.build.defaults`. Answering such a
query is a hash-table probe and a few column reads; :class:`PyAnswers` is the reference, C's
``Answers`` has the same interface. A query that is no stored spelling, or whose answer is ranked
at query time, gets ``NotImplemented``: the caller answers it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import _accel
from ..index.schema import METHOD_EXACT, METHOD_MASK, RANK_AT_QUERY

__all__ = ["Answers", "PyAnswers"]


class PyAnswers:
    """``answers(query)``: a Match, ``None``, or ``NotImplemented`` (see the module docstring).

    ``columns``: per-name (answer, method, explain, place, lang, type, persp); ``tables``: what
    they index (methods, scores, langs, types, perspectives, explanations); ``places``: the
    places by row, ``None`` where not built yet (``build(row)`` builds one).
    """

    def __init__(
        self,
        names: Any,
        columns: tuple[Sequence[int], ...],
        tables: tuple[tuple[Any, ...], ...],
        places: list[Any],
        build: Callable[[int], Any],
        make: Callable[..., Any],
    ) -> None:
        self._row, self._string = names.row, names.string
        self._answer, self._method, self._explain, self._place, self._lang, self._type, self._persp = columns
        self._methods, self._scores, self._langs, self._types, self._perspectives, self._explanations = tables
        self._places, self._build, self._make = places, build, make

    def __call__(self, query: str) -> Any:
        if not isinstance(query, str):
            raise TypeError("answers(query) takes one str")
        row = self._row(query)
        if row < 0:
            return NotImplemented
        answer = self._answer[row]
        if answer == RANK_AT_QUERY:
            return NotImplemented
        if answer < 0:
            return None
        method = self._method[row] & METHOD_MASK
        p = self._place[answer]
        place = self._places[p]
        if place is None:
            place = self._build(p)
        return self._make(
            place,
            self._scores[method],
            self._methods[method],
            query if method == METHOD_EXACT else self._string(answer),
            self._langs[self._lang[answer]],
            query,
            self._types[self._type[answer]],
            self._perspectives[self._persp[answer]],
            self._explanations[self._explain[row]],
        )


#: ``Answers(names, columns, tables, places, build, make)``: C's, or :class:`PyAnswers`.
Answers: Callable[..., Any] = _accel.implementation("Answers", PyAnswers)

"""``resolve`` without hints from the answers compiled at build time: one or two lookups, no ranking.

A query that is a stored spelling needs no normalising: the names' hash table gives its row, and
the build recorded the answer a bare query spelling it gets. Any other query is normalised and
its key's compiled answer read. Keys whose answer depends on how the query is written (dictionary
words, short keys that may be acronyms) are ranked at query time instead (:data:`SLOW`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from .._make import make_match
from ..index import Index
from ..index.schema import METHOD_EXACT, RANK_AT_QUERY, TIER_NORMAL, TIER_TRANSLIT
from ..model import Match
from ..normalize import normalize_name
from ..vocab import NAME_TYPES, Method
from .answers import Answers
from .candidates import SCORE

__all__ = ["MAX_QUERY", "SLOW", "FastPath"]

#: Longer strings are not names: ``None`` without work.
MAX_QUERY: Final = 256


class _Slow:
    """Marker: the compiled answers cannot answer this query; rank it now."""

    __slots__ = ()


SLOW: Final = _Slow()
_METHOD: dict[int, Method] = {
    TIER_NORMAL: "normalized",
    1: "folded",
    TIER_TRANSLIT: "transliterated",
    METHOD_EXACT: "exact",
}


class FastPath:
    """The compiled answer to a bare query, as a :class:`~toponym.model.Match`, ``None`` or :data:`SLOW`."""

    def __init__(self, index: Index) -> None:
        names = index.names
        self.index = index
        methods = tuple(_METHOD[code] for code in range(len(_METHOD)))
        # the commonest case, a query spelt as stored, in one call (C's when it is built)
        self.stored = Answers(
            names.text.table,
            (names.answer, names.method, names.explain, names.place, names.lang, names.type_code, names.persp),
            (methods, tuple(SCORE[m] for m in methods), names.first_lang, NAME_TYPES, names.perspectives,
             index.explanations),
            index.places_cache(),
            index.place,
            make_match,
        )  # fmt: skip
        self._text = names.text
        self._place, self._lang, self._type, self._persp = names.place, names.lang, names.type_code, names.persp
        self._first_lang, self._perspectives = names.first_lang, names.perspectives
        self._explanations = index.explanations
        self._key_row, self._key_best, self._key_explain = index.keys.row_of, index.keys.best, index.keys.explain

    stored: Callable[[str], Any]
    """``stored(query)``: the answer when ``query`` is a stored spelling, else ``NotImplemented``."""

    def __call__(self, query: str) -> Match | _Slow | None:
        found = self.stored(query)
        return self.unstored(query) if found is NotImplemented else found

    def unstored(self, query: str) -> Match | _Slow | None:
        """The answer to a query that is no stored spelling (or one whose answer depends on its
        case): its normalised key's."""
        norm = normalize_name(query)
        key = self._key_row(norm) if norm else -1
        if key < 0:
            return SLOW
        code = self._key_best[key]
        if code < 0:
            return SLOW if code == RANK_AT_QUERY else None
        answer, tier = self.index.keys.decode(code)
        method, matched = _METHOD[tier], self._text[answer]
        explanation = self._explanations[self._key_explain[key]]
        return make_match(
            self.index.place(self._place[answer]),
            SCORE[method],
            method,
            matched,
            self._first_lang[self._lang[answer]],
            query,
            NAME_TYPES[self._type[answer]],
            self._perspectives[self._persp[answer]],
            explanation,
        )

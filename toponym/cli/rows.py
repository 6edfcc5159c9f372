"""One answer per input row for ``toponym resolve``: the match(es), a status, plain row data."""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, replace

from .. import Gazetteer, Match
from ._internal import country_id, display_name

#: Columns of ``--format tsv|csv`` (``name`` is the name as ``--lang``/``--perspective`` ask).
COLUMNS = ("query", "id", "name", "kind", "country", "score", "method", "matched", "lang", "status")

STATUSES = ("matched", "ambiguous", "no-match", "empty")


@dataclass(frozen=True, slots=True)
class RowHints:
    """The hints a row is resolved with."""

    lang: str | None = None
    country: str | None = None
    kinds: frozenset[str] | None = None
    perspective: str | None = None

    def resolve(self, gz: Gazetteer, query: str) -> Match | None:
        return gz.resolve(query, lang=self.lang, country=self.country, kinds=self.kinds, perspective=self.perspective)

    def resolve_all(self, gz: Gazetteer, query: str, limit: int | None = None) -> list[Match]:
        return gz.resolve_all(
            query, lang=self.lang, country=self.country, kinds=self.kinds, perspective=self.perspective, limit=limit
        )


def row_status(gz: Gazetteer, query: str, best: Match | None, hints: RowHints) -> str:
    """``matched``; ``ambiguous`` (no best answer, but candidates); ``no-match``; or ``empty``
    (nothing but white space to look up)."""
    if best is not None:
        return "matched"
    if not query.strip():
        return "empty"
    return "ambiguous" if hints.resolve_all(gz, query, limit=1) else "no-match"


@dataclass(frozen=True, slots=True)
class Answer:
    query: str
    matches: tuple[Match, ...]
    """The best match (or, with ``--all``, every candidate); empty when there is none."""
    status: str

    @property
    def unresolved(self) -> bool:
        """A name that found no place (an empty row is not a name)."""
        return self.status in ("no-match", "ambiguous")


class Answers:
    """Resolves rows with fixed hints and an optional per-row country; repeated rows are cached."""

    def __init__(
        self,
        gz: Gazetteer,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        show_all: bool = False,
    ) -> None:
        self.gz, self.lang, self.perspective, self.show_all = gz, lang, perspective, show_all
        self._hints = RowHints(lang, country, frozenset(kinds) if kinds else None, perspective)
        self.unresolved = 0
        self._answer = functools.lru_cache(maxsize=1 << 16)(self._compute)
        self._country = functools.lru_cache(maxsize=1 << 10)(self._country_hint)

    def __call__(self, query: str, country: str | None = None) -> Answer:
        """The answer for ``query``; ``country`` (a row's country cell) overrides ``--country``
        when it is a country code, and is ignored when it is not (blank, or a name)."""
        answer = self._answer(query, self._country(country) if country else None)
        self.unresolved += answer.unresolved
        return answer

    def _country_hint(self, cell: str) -> str | None:
        return country_id(self.gz, cell)

    def _compute(self, query: str, country: str | None) -> Answer:
        hints = replace(self._hints, country=country) if country else self._hints
        best = hints.resolve(self.gz, query)
        matches: tuple[Match, ...] = (best,) if best else ()
        if self.show_all:
            matches = tuple(hints.resolve_all(self.gz, query))
        return Answer(query, matches, row_status(self.gz, query, best, hints))

    def rows(self, answer: Answer) -> list[dict[str, object]]:
        """Flat rows (``COLUMNS``) for an answer: one per match, or one saying why there is none."""
        if not answer.matches:
            return [{"query": answer.query, "status": answer.status}]
        return [
            {
                "query": answer.query,
                "id": m.place.id,
                "name": display_name(self.gz, m, self.lang, self.perspective),
                "kind": m.place.kind,
                "country": m.place.country,
                "score": round(m.score, 2),
                "method": m.method,
                "matched": m.matched,
                "lang": m.lang,
                "status": answer.status,
            }
            for m in answer.matches
        ]

    def records(self, answer: Answer) -> list[dict[str, object]]:
        """JSON records: ``Match.to_dict()`` plus ``status`` (and ``display`` when a name was asked
        for); with no match, ``query`` and ``status`` beside null ``id, name, score, method``."""
        if not answer.matches:
            return [
                {
                    "query": answer.query,
                    "id": None,
                    "name": None,
                    "score": None,
                    "method": None,
                    "status": answer.status,
                }
            ]
        out = []
        for m in answer.matches:
            data = m.to_dict()
            if self.lang or self.perspective:
                data["display"] = display_name(self.gz, m, self.lang, self.perspective)
            data["status"] = answer.status
            out.append(data)
        return out

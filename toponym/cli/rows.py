"""One answer per input row for ``toponym resolve``: the match(es), a status, plain row data."""

from __future__ import annotations

import functools
from collections.abc import Collection
from dataclasses import dataclass, replace

from .. import Gazetteer, Match, Outcome
from ._internal import country_id, display_name

#: Columns of ``--format tsv|csv`` (``name`` is the name as ``--lang``/``--perspective`` ask;
#: ``candidates``, for an ambiguous name, the places it may mean).
COLUMNS = ("query", "id", "name", "kind", "country", "score", "method", "matched", "lang", "candidates", "status")

#: The library's statuses (``toponym.vocab.STATUSES``), and ``empty`` for a row with nothing to look up.
STATUSES = ("matched", "ambiguous", "stopped", "no-match", "invalid", "empty")


@dataclass(frozen=True, slots=True)
class RowHints:
    """The hints a row is resolved with."""

    lang: str | None = None
    country: str | None = None
    kinds: frozenset[str] | None = None
    perspective: str | None = None
    demonyms: bool = False

    def lookup(self, gz: Gazetteer, query: str, candidates: bool) -> Outcome:
        return gz.lookup(
            query, lang=self.lang, country=self.country, kinds=self.kinds, perspective=self.perspective,
            demonyms=self.demonyms, candidates=candidates,
        )  # fmt: skip


def row_status(query: str, outcome: Outcome) -> str:
    """The status of a row: the library's (``matched``, ``ambiguous``, ``stopped``, ``no-match``,
    ``invalid``), but ``empty`` for a row with nothing but white space (not a name at all)."""
    return "empty" if outcome.status == "invalid" and not query.strip() else outcome.status


def candidate_text(m: Match) -> str:
    """One candidate of an ambiguous name: ``id name (parent, country)``."""
    place = m.place
    where = ", ".join(dict.fromkeys(p for p in (place.parent, place.country) if p))
    return f"{place.id} {place.name}" + (f" ({where})" if where else "")


@dataclass(frozen=True, slots=True)
class Answer:
    query: str
    matches: tuple[Match, ...]
    """The best match (or, with ``--all``, every candidate); empty when there is none."""
    status: str
    candidates: tuple[Match, ...] = ()
    """For an ambiguous name: the candidates as likely as each other."""
    reason: str = ""

    @property
    def unresolved(self) -> bool:
        """A name that found no place (an empty row is not a name)."""
        return self.status in ("no-match", "ambiguous", "stopped", "invalid")


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
        demonyms: bool = False,
        show_all: bool = False,
    ) -> None:
        self.gz, self.lang, self.perspective, self.show_all = gz, lang, perspective, show_all
        self._hints = RowHints(lang, country, frozenset(kinds) if kinds else None, perspective, demonyms)
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
        # one ranking: the answer, the status, the candidates (every one only for --all)
        outcome = hints.lookup(self.gz, query, candidates=self.show_all)
        matches = outcome.candidates if self.show_all else (outcome.match,) if outcome.match else ()
        tied = outcome.contenders if outcome.status == "ambiguous" else ()
        return Answer(query, matches, row_status(query, outcome), tied, outcome.reason)

    def rows(self, answer: Answer) -> list[dict[str, object]]:
        """Flat rows (``COLUMNS``) for an answer: one per match, or one saying why there is none."""
        if not answer.matches:
            tied = "; ".join(candidate_text(m) for m in answer.candidates)
            return [{"query": answer.query, "candidates": tied, "status": answer.status}]
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
        for); with no match, ``query``, ``status`` and ``reason`` beside null ``id, name, score,
        method``, and ``candidates`` (id, name, kind, country, parent) for an ambiguous name."""
        if not answer.matches:
            return [
                {
                    "query": answer.query,
                    "id": None,
                    "name": None,
                    "score": None,
                    "method": None,
                    "status": answer.status,
                    "reason": answer.reason,
                    "candidates": [_brief(m) for m in answer.candidates],
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


def _brief(m: Match) -> dict[str, object]:
    p = m.place
    return {"id": p.id, "name": p.name, "kind": p.kind, "country": p.country, "parent": p.parent}

"""Answers: the compiled answer to a stored spelling equals what ranking at query time gives."""

from __future__ import annotations

import random
from typing import Any

import pytest

from toponym import Gazetteer
from toponym._make import make_match
from toponym.model import Match
from toponym.resolver.candidates import SCORE
from toponym.resolver.hints import NO_HINTS
from toponym.vocab import NAME_TYPES

from .conftest import Impl

SEED = 20_261_123
_METHODS = ("normalized", "folded", "transliterated", "exact")


def answers(impl: Impl, gz: Gazetteer) -> Any:
    index = gz.index
    names = index.names
    return impl.Answers(
        names.text.make_table(impl.StringTable),
        (names.answer, names.method, names.explain, names.place, names.lang, names.type_code, names.persp),
        (_METHODS, tuple(SCORE[m] for m in _METHODS), names.first_lang, NAME_TYPES, names.perspectives,
         index.explanations),
        index.places_cache(),
        index.place,
        make_match,
    )  # fmt: skip


def signature(m: Match | None) -> tuple[object, ...] | None:
    return m and (m.place.id, m.method, m.score, m.matched, m.lang, m.query, m.name_type, m.perspective, m.reason)


@pytest.mark.parametrize("gazetteer", ["fixture", "shipped"])
def test_stored_spellings_answer_as_ranking_does(impl: Impl, gazetteer: str, request: pytest.FixtureRequest) -> None:
    gz: Gazetteer = request.getfixturevalue(f"{gazetteer}_gazetteer" if gazetteer == "fixture" else "shipped")
    read = answers(impl, gz)
    text = gz.index.names.text
    rng = random.Random(SEED)
    rows = range(len(text)) if len(text) < 20_000 else [rng.randrange(len(text)) for _ in range(20_000)]
    answered = 0
    for row in rows:
        q = text[row]
        got = read(q)
        if got is NotImplemented:  # ranked at query time: the fast path's caller does it
            continue
        answered += 1
        assert signature(got) == signature(gz.resolver._slow(q, NO_HINTS)), q
    assert answered > 0.8 * len(rows)  # most stored spellings are answered from the records


def test_other_queries_are_left_to_the_caller(impl: Impl, fixture_gazetteer: Gazetteer) -> None:
    read = answers(impl, fixture_gazetteer)
    for q in ("kunashiri", "KUNASHIRI", "Qxzvtplkwj", "", "\ud800", "the"):
        assert read(q) is NotImplemented, q
    with pytest.raises(TypeError):
        read(3)


def test_spellings_of_keys_ranked_at_query_time_are_compiled_as_typed(impl: Impl, shipped: Gazetteer) -> None:
    """A stored spelling whose key ranks at query time ("Orange", "Faro": words of some language)
    is ranked as typed at build time, flagged METHOD_SPELLED; every one answers as ranking it now
    does, and the fuzzy matcher still reads such a spelling by its key's answer."""
    from toponym.index.schema import METHOD_SPELLED, RANK_AT_QUERY

    read = answers(impl, shipped)
    names, keys = shipped.index.names, shipped.index.keys
    spelled = [row for row in range(len(names)) if names.method[row] & METHOD_SPELLED]
    assert len(spelled) > 5_000
    for row in spelled:
        q = names.text[row]
        assert signature(read(q)) == signature(shipped.resolver._slow(q, NO_HINTS)), q
    from toponym.normalize import normalize_name

    for row in spelled[:: max(1, len(spelled) // 300)]:
        assert keys.best[keys.row_of(normalize_name(names.text[row]))] == RANK_AT_QUERY, names.text[row]

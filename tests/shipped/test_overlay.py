"""An overlay on the shipped index (docs/extending.md): compiled in seconds, its places and names
resolve, and every answer the shipped index gives stays the same."""

from __future__ import annotations

import time

import numpy as np
import pytest

from toponym import Gazetteer
from toponym.build import compile_overlay
from toponym.index import Index

from ..conftest import DATA

OVERLAY = DATA / "overlay" / "harbours.toml"
#: What "in seconds" means: the full build takes minutes.
SECONDS = 10.0


@pytest.fixture(scope="module")
def mine(shipped: Gazetteer) -> Gazetteer:
    start = time.perf_counter()
    index = compile_overlay(shipped.index, [OVERLAY])
    seconds = time.perf_counter() - start
    print(f"\noverlay of {OVERLAY.name} on the shipped index ({len(shipped):,} places): compiled in {seconds:.2f} s")
    assert seconds < SECONDS
    return Gazetteer(index)


def test_the_overlay_resolves(mine: Gazetteer, shipped: Gazetteer) -> None:
    assert shipped.resolve("Sikotan-zima") is None and shipped.resolve("Гавань Малокурильска") is None
    for name in ("Sikotan-zima", "Shikotan-jima", "Shikotan", "Шикотан"):
        assert mine.resolve(name).place.id == "shikotan", name  # type: ignore[union-attr]
    harbour = mine.resolve("Гавань Малокурильска")
    assert harbour is not None and harbour.place.id == "acme-malokurilsk-harbour"
    assert [p.id for p in mine.ancestors(harbour.place)] == ["ru-sak", "ru"] and harbour.place.country == "ru"
    assert mine.resolve("Malokurilsk Harbor").place.id == "acme-malokurilsk-harbour"  # type: ignore[union-attr]
    assert len(mine) == len(shipped) + 1


def _answers(index: Index) -> dict[str, tuple[str | int, int, object]]:
    """Every key's compiled answer as (place ID or sentinel, tier, explanation)."""
    best = np.asarray(index.keys.best, dtype=np.int64)
    place = np.asarray(index.names.place, dtype=np.int64)[np.maximum(best, 0) >> 2]
    ids = index.places.ids
    explanations = [index.explanations[e] for e in index.keys.explain]
    return {
        key: (ids[p] if b >= 0 else b, b & 3 if b >= 0 else 0, why)
        for key, b, p, why in zip(
            index.keys.text.decode_rows(), best.tolist(), place.tolist(), explanations, strict=True
        )
    }


def test_every_compiled_answer_of_the_shipped_index_stays(mine: Gazetteer, shipped: Gazetteer) -> None:
    before, after = _answers(shipped.index), _answers(mine.index)
    changed = [key for key, answer in before.items() if after[key] != answer]
    assert not changed, changed[:20]
    assert len(after) > len(before)


def test_a_sample_of_queries_is_answered_alike(mine: Gazetteer, shipped: Gazetteer) -> None:
    """Stored names, each as written, in lower case and with two letters swapped (fuzzy matching),
    through resolve and lookup: every 97th name of the shipped index."""
    names = shipped.index.names.text
    queries: list[str] = []
    for n in range(0, len(names), 97):
        text = names[n]
        queries += [text, text.lower()]
        if len(text) > 6:
            queries.append(text[:3] + text[4] + text[3] + text[5:])

    def seen(gz: Gazetteer, query: str) -> tuple[object, ...]:
        m, o = gz.resolve(query), gz.lookup(query)
        answer = (m.place.id, m.method, m.score, m.matched, m.explanation) if m else None
        return answer, o.status, [c.place.id for c in o.contenders]

    differ = [q for q in queries if seen(shipped, q) != seen(mine, q)]
    assert not differ, differ[:20]
    assert len(queries) > 15_000


@pytest.mark.parametrize("which", ["shipped", "overlay"])
def test_places_are_stored_in_id_order(which: str, mine: Gazetteer, shipped: Gazetteer) -> None:
    # the ranking breaks ties by row and places() lists by row: both rely on rows in ID order
    gz = shipped if which == "shipped" else mine
    ids = gz.index.places.ids
    rows = [ids[r] for r in range(len(gz))]
    assert rows == sorted(rows)

"""Extraction scored on hand-annotated news text (tests/data/gold): span F1 and linking accuracy.

The thresholds are the project's bar (issue: strict span F1 >= 0.95, linking >= 0.97); the
per-file figures are printed with ``pytest -s`` so a regression shows where it happened.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import toponym

from ..conftest import DATA

GOLD = DATA / "gold"
_MARK = re.compile(r"\[\[([^|\]]+)\|([a-z0-9-]+)\]\]")


def parse(marked: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Plain text and gold mentions (start, end, id) from ``[[text|id]]`` markup.

    >>> parse("in [[Москве|gn-524901]] today")
    ('in Москве today', [(3, 9, 'gn-524901')])
    """
    out: list[str] = []
    spans: list[tuple[int, int, str]] = []
    pos = length = 0
    for m in _MARK.finditer(marked):
        out.append(marked[pos : m.start()])
        length += m.start() - pos
        out.append(m.group(1))
        spans.append((length, length + len(m.group(1)), m.group(2)))
        length += len(m.group(1))
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def score(files: list[Path]) -> dict[str, float]:
    tp = fp = fn = linked = 0
    for path in files:
        text, gold = parse(path.read_text(encoding="utf-8"))
        found = {(m.start, m.end): m.place.id for m in toponym.extract(text)}
        spans = {(s, e): i for s, e, i in gold}
        hits = found.keys() & spans.keys()
        tp += len(hits)
        fp += len(found.keys() - spans.keys())
        fn += len(spans.keys() - found.keys())
        linked += sum(found[k] == spans[k] for k in hits)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"gold": tp + fn, "precision": precision, "recall": recall, "f1": f1, "linking": linked / tp if tp else 0.0}


def test_gold_has_enough_mentions() -> None:
    total = sum(len(parse(p.read_text(encoding="utf-8"))[1]) for p in GOLD.glob("*.txt"))
    assert total >= 100


@pytest.mark.parametrize("name", sorted(p.name for p in GOLD.glob("*.txt")))
def test_each_language_is_decent(name: str) -> None:
    result = score([GOLD / name])
    print(name, {k: round(v, 3) for k, v in result.items()})
    assert result["f1"] >= 0.85 and result["linking"] >= 0.9


def test_span_f1_and_linking_accuracy() -> None:
    result = score(sorted(GOLD.glob("*.txt")))
    print({k: round(v, 3) for k, v in result.items()})
    assert result["f1"] >= 0.95
    assert result["linking"] >= 0.97

"""Invariants and golden cases over the shipped gazetteer (the real data, not the fixture)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from toponym import Gazetteer
from toponym.build.sources import read_gazetteer
from toponym.build.validate import check

from ..conftest import CASES, SHIPPED

CASES: list[dict[str, Any]] = json.loads((CASES / "resolve.json").read_text("utf-8"))

#: The places the Russia–Japan curated layer must cover (issue: curated layer v1).
REGION = [
    "kuril-islands", "kunashir", "iturup", "shikotan", "habomai", "southern-kurils", "sakhalin", "ru-sak",
    "hokkaido", "jp-01", "ru-pri", "ru-amu", "ru-kha", "russian-far-east", "gn-491422", "gn-524901",
    "gn-1850147", "gn-2013348", "gn-2119441", "gn-2128975", "sea-of-japan", "sea-of-okhotsk", "black-sea",
    "crimea", "ru", "jp", "ua", "us", "cn", "kp", "kr", "mn", "suhh", "asia-pacific",
]  # fmt: skip


def _examples() -> list[tuple[str, str]]:
    sources = read_gazetteer(SHIPPED)
    return [(p.id, ex) for p in sources.curated for ex in p.examples]


@pytest.mark.once
def test_shipped_gazetteer_is_valid() -> None:
    assert check(read_gazetteer(SHIPPED)) == []


@pytest.mark.parametrize(("place", "example"), _examples())
def test_every_example_resolves_to_its_record(shipped: Gazetteer, place: str, example: str) -> None:
    m = shipped.resolve(example)
    assert m is not None and m.place.id == place, (example, m)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c['query']!r}{c.get('hints', '')}")
def test_golden(shipped: Gazetteer, case: dict[str, Any]) -> None:
    m = shipped.resolve(case["query"], **case.get("hints", {}))
    if "expect_country" in case:
        assert m is not None and m.place.country == case["expect_country"]
    elif case["expect"] is None:
        assert m is None, m
    else:
        assert m is not None and m.place.id == case["expect"], m


@pytest.mark.parametrize("place", REGION)
@pytest.mark.parametrize("lang", ["en", "ru", "ja"])
def test_region_place_resolves_from_each_language(shipped: Gazetteer, place: str, lang: str) -> None:
    record = shipped.get(place)
    assert record.curated
    names = [
        n.name
        for n in record.names
        if any(t == lang or (t.startswith(lang + "-") and "Latn" not in t) for t in n.langs)
    ]
    assert names, f"{place} has no {lang} name"
    hits = [n for n in names if (m := shipped.resolve(n)) is not None and m.place.id == place]
    assert hits, f"no {lang} name of {place} resolves to it: {names}"


def test_issue_examples_group_as_required(shipped: Gazetteer) -> None:
    ids = {q: m.place.id for q in ["Shikotan", "Shokotan", "Kunashiri", "Kunashir", "Кунашир", "国後島", "Etorofu",
                                    "Iturup", "Southern Kurils", "Northern Territories", "Kuril Islands"]
           if (m := shipped.resolve(q)) is not None}  # fmt: skip
    assert ids["Shikotan"] == ids["Shokotan"]
    assert ids["Kunashiri"] == ids["Kunashir"] == ids["Кунашир"] == ids["国後島"]
    assert ids["Etorofu"] == ids["Iturup"]
    assert ids["Southern Kurils"] == ids["Northern Territories"]
    islands = {ids["Shikotan"], ids["Kunashir"], ids["Iturup"], ids["Kuril Islands"]}
    assert ids["Southern Kurils"] not in islands and len(islands) == 4
    group = shipped.get(ids["Southern Kurils"])
    assert {"kunashir", "iturup", "shikotan", "habomai"} <= set(group.members)


def test_crimea_and_soviet_union_stand_alone(shipped: Gazetteer) -> None:
    def pid(q: str) -> str | None:
        m = shipped.resolve(q)
        return m.place.id if m else None

    assert pid("Crimea") not in {pid("Ukraine"), pid("Russia"), None}
    assert pid("Soviet Union") == pid("USSR") != pid("Russia")

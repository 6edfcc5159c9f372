"""Written forms: how a query that no source stores is read (a core name under a constraint)."""

from __future__ import annotations

import pytest

from toponym.index.blocking import key_edits
from toponym.resolver.forms import fuzzy_allowance, readings


@pytest.mark.parametrize(
    ("query", "core", "kinds", "region"),
    [
        ("Adair County", "Adair", {"subdivision"}, None),
        ("Province of Siena", "Siena", {"subdivision"}, None),
        ("Moscow Oblast", "Moscow", {"subdivision"}, None),
        ("Aichi-ken", "Aichi", {"subdivision"}, None),
        ("Landkreis Harz", "Harz", {"subdivision"}, None),
        ("محافظة إدلب", "إدلب", {"subdivision"}, None),
        ("Sapporo-shi", "Sapporo", {"city"}, None),
        ("Portland, OR", "Portland", None, "OR"),
        ("London (Ontario)", "London", None, "Ontario"),
        ("Russia's", "Russia", None, None),
    ],
)
def test_a_form_is_read_as_its_core(query: str, core: str, kinds: set[str] | None, region: str | None) -> None:
    first = readings(query)[0]
    assert (first.core, first.kinds, first.region) == (core, kinds and frozenset(kinds), region)


@pytest.mark.parametrize("query", ["Paris", "Kansas", "County", "Oblast", ", France", "()", ""])
def test_a_plain_name_or_a_bare_word_has_no_reading(query: str) -> None:
    assert [r for r in readings(query) if r.core.strip()] == []


def test_a_typo_is_allowed_only_in_the_core() -> None:
    # the edits a typo of "Adair" may have, not of "Adair County" (a plain name has no allowance:
    # its own length rules)
    assert fuzzy_allowance(readings("Adair County")) == key_edits(len("adair")) < key_edits(len("adair county"))
    assert fuzzy_allowance(readings("Paris")) is None

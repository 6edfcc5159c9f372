"""Each validation rule fires, with file:line, and all problems come in one error."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from toponym import GazetteerError
from toponym.build import compile_gazetteer
from toponym.build.sources import read_gazetteer
from toponym.build.validate import check
from toponym.vocab import is_language_tag

from ..conftest import FIXTURE


def _broken(tmp_path: Path, extra_toml: str, policy: str | None = None) -> Path:
    root = tmp_path / "gz"
    shutil.copytree(FIXTURE, root)
    (root / "curated" / "broken.toml").write_text(extra_toml, encoding="utf-8")
    if policy is not None:
        (root / "policy.toml").write_text(policy, encoding="utf-8")
    return root


def _messages(root: Path) -> list[str]:
    return [str(p) for p in check(read_gazetteer(root))]


def test_fixture_is_valid() -> None:
    assert check(read_gazetteer(FIXTURE)) == []


@pytest.mark.parametrize(
    ("toml", "expected"),
    [
        ('[[place]]\nid = "kunashir"\nkind = "island"\nname = "K"\n', "duplicate id 'kunashir'"),
        ('[[place]]\nid = "Bad_ID"\nkind = "island"\nname = "B"\n', "not in the ID scheme"),
        ('[[place]]\nid = "zzz-isle"\nkind = "isle"\nname = "Z"\n', "unknown kind 'isle'"),
        ('[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Z"\nparent = "nowhere"\n', "unknown parent 'nowhere'"),
        (
            '[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Z"\nnames = [\n  { name = "Zed", lang = "ja_JP" },\n]\n',
            "bad language tag 'ja_JP'",
        ),
        (
            '[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Z"\nnames = [\n  { name = "Zed", lang = "en", type = "nickname" },\n]\n',
            "unknown name type 'nickname'",
        ),
        ('[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Kunashir"\n', "is shared by kunashir, zzz-isle"),
        ('[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Z"\ndrop_names = ["Q"]\n', "drop_names needs a note"),
        ('[[place\nid = "x"\n', "TOML syntax"),
    ],
)
def test_rule_fires_with_location(tmp_path: Path, toml: str, expected: str) -> None:
    messages = _messages(_broken(tmp_path, toml))
    hits = [m for m in messages if expected in m]
    assert hits, messages
    assert hits[0].startswith("gz/curated/") and ":" in hits[0]


def test_parent_cycle(tmp_path: Path) -> None:
    toml = (
        '[[place]]\nid = "aaa-one"\nkind = "region"\nname = "A1"\nparent = "aaa-two"\n\n'
        '[[place]]\nid = "aaa-two"\nkind = "region"\nname = "A2"\nparent = "aaa-one"\n'
    )
    assert any("parent cycle" in m for m in _messages(_broken(tmp_path, toml)))


def test_policy_entry_settles_a_collision(tmp_path: Path) -> None:
    toml = '[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Kunashir"\n'
    policy = (FIXTURE / "policy.toml").read_text() + (
        '\n[[prefer]]\nname = "Kunashir"\nplace = "kunashir"\nreason = "test"\n'
    )
    assert _messages(_broken(tmp_path, toml, policy)) == []


def test_policy_needs_reason(tmp_path: Path) -> None:
    messages = _messages(_broken(tmp_path, "", '[[prefer]]\nname = "Georgia"\nplace = "ge"\n'))
    assert any("needs non-empty name, place and reason" in m for m in messages)


def test_all_problems_in_one_error(tmp_path: Path) -> None:
    toml = (
        '[[place]]\nid = "zzz-isle"\nkind = "isle"\nname = "Z"\nparent = "nowhere"\n\n'
        '[[place]]\nid = "yyy-isle"\nkind = "island"\nname = "Y"\nnames = [\n  { name = "Y", lang = "xx-YYYY-1" },\n]\n'
    )
    with pytest.raises(GazetteerError) as info:
        compile_gazetteer(_broken(tmp_path, toml))
    assert len(info.value.problems) >= 3
    assert isinstance(info.value, ValueError)
    assert "gz/curated/broken.toml:" in str(info.value)


def test_language_tags() -> None:
    assert all(is_language_tag(t) for t in ("en", "ja-Latn", "zh-Hant", "sr-Latn-RS", "es-419", "und", "de-CH-1996"))
    assert not any(is_language_tag(t) for t in ("EN", "ja_JP", "english", "", "ja-latn"))


def test_same_folds_one_entity_into_one_id(tmp_path: Path) -> None:
    """A [[same]] entry folds a second ID of one entity into the first: names are a union, codes
    merge, children follow, and the folded ID still names the place."""
    toml = (
        '[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Zedland"\ncodes = { wikidata = "Q1" }\n'
        'names = [\n  { name = "Zeddish Isle", lang = "en" },\n]\n\n'
        '[[place]]\nid = "zzz-twin"\nkind = "island"\nname = "Zed Island"\ncodes = { geonames = "7" }\n'
        'names = [\n  { name = "Остров Зед", lang = "ru" },\n]\n\n'
        '[[place]]\nid = "zzz-town"\nkind = "city"\nname = "Zedtown"\nparent = "zzz-twin"\n'
    )
    policy = (FIXTURE / "policy.toml").read_text() + (
        '\n[[same]]\nplace = "zzz-isle"\nalso = "zzz-twin"\nreason = "test: one island listed twice"\n'
    )
    root = _broken(tmp_path, toml, policy)
    assert _messages(root) == []
    from toponym import Gazetteer

    gz = Gazetteer(compile_gazetteer(root))
    isle = gz.get("zzz-isle")
    assert gz.get("zzz-twin") is isle
    assert dict(isle.codes) == {"wikidata": "Q1", "geonames": "7"}
    for name in ("Zedland", "Zed Island", "Остров Зед"):
        m = gz.resolve(name)
        assert m is not None and m.place.id == "zzz-isle", name
    assert gz.get("zzz-town").parent == "zzz-isle"
    assert "zzz-twin" not in {p.id for p in gz.places()}


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ('place = "zzz-isle"\nalso = "nowhere"\nreason = "r"', "unknown place 'nowhere'"),
        ('place = "kunashir"\nalso = "kunashir"\nreason = "r"', "only once, directly"),
        ('place = "kunashir"\nalso = "iturup"', "needs non-empty place, also and reason"),
    ],
)
def test_same_entry_problems(tmp_path: Path, entry: str, expected: str) -> None:
    toml = '[[place]]\nid = "zzz-isle"\nkind = "island"\nname = "Zedland"\n'
    policy = (FIXTURE / "policy.toml").read_text() + f"\n[[same]]\n{entry}\n"
    messages = _messages(_broken(tmp_path, toml, policy))
    assert any(expected in m for m in messages), messages

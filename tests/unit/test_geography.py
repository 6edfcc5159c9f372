"""Points, M49 groups, display names and the priority of generated files, on small gazetteers; the
navigation API on the fixture."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from toponym import Gazetteer, GazetteerError, UnknownPlaceError
from toponym.build.sources import read_gazetteer
from toponym.build.validate import check

from ..conftest import FIXTURE, ROOT

# A source ranked before the fixture's (priority 10): its place fields win, names and groups add up.
EARLY_PLACES = """\
# priority: 5
# columns: id\tkind\tname\tparent\tcountry\tpopulation\tcodes\tlat\tlon\tpart_of
jp\tcountry\tJapan\t\t\t1\t\t35.6895\t139.69171\tm49-030
m49-030\tmacro-region\tEastern Asia\t\t\t\tm49=030\t\t\t
gn-1\tcity\tSapporo\tjp\tjp\t1900000\tgeonames=1\t43.06667\t141.35\t
"""
EARLY_NAMES = """\
# priority: 5
jp\tЯпония\tru\tofficial\t1
jp\tJapón\tes,es-419\tofficial\t1
jp\t日本國\tzh-Hant\tofficial\t1
jp\tJapan\ten,de\tofficial\t1
jp\tСтрана восходящего солнца\tru\tofficial\t
jp\tNippon koku\tfi\tofficial\t
jp\tNipponia\tfi\tmisspelling\t
m49-030\tEastern Asia\ten\tofficial\t1
"""


def _gazetteer(tmp_path: Path, places: str = EARLY_PLACES, names: str = EARLY_NAMES) -> Path:
    root = tmp_path / "gz"
    shutil.copytree(FIXTURE, root)
    (root / "generated" / "early.places.tsv").write_text(places, encoding="utf-8")
    (root / "generated" / "early.names.tsv").write_text(names, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def gz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return Gazetteer.from_folder(_gazetteer(tmp_path_factory.mktemp("geo")))


def test_fields_come_from_the_file_of_the_lowest_priority_number(gz: Gazetteer) -> None:
    jp = gz.get("jp")
    assert jp.population == 1  # priority 5 beats the fixture's 125 000 000 (priority 10)
    assert jp.codes["iso3166_1_alpha2"] == "JP"  # codes are a union
    assert {"Japan", "日本", "Япония", "Japón"} <= {n.name for n in jp.names}


def test_points_reach_the_place_and_missing_ones_stay_none(gz: Gazetteer) -> None:
    jp, sapporo = gz.get("jp"), gz.get("gn-1")
    assert (jp.lat, jp.lon) == (35.6895, 139.69171)
    assert (sapporo.lat, sapporo.lon) == (43.06667, 141.35)
    assert gz.get("ru").lat is None and gz.get("ru").lon is None  # a seven-column row: no point
    assert jp.to_dict()["lat"] == 35.6895


def test_groups_of_the_generated_layer_give_members(gz: Gazetteer) -> None:
    assert gz.get("jp").part_of == ("m49-030",)
    assert gz.get("m49-030").members == ("jp",)


def test_display_names_come_from_the_flagged_rows(gz: Gazetteer) -> None:
    jp = gz.get("jp")
    assert jp.name_for(lang="ru") == "Япония"  # not the epithet, though it sorts first
    assert jp.name_for(lang="es") == jp.name_for(lang="es-419") == jp.name_for(lang="es-MX") == "Japón"
    assert jp.name_for(lang="zh-Hant-TW") == "日本國"  # falls back through zh-Hant
    assert jp.name_for(lang="de") == "Japan" and jp.display["de"] == "Japan"
    assert jp.name_for(lang="en") == jp.name_for() == "Japan"
    # no display name in Finnish: a stored Finnish name, never a misspelling
    assert jp.name_for(lang="fi") == "Nippon koku"
    assert "en" not in jp.display  # English is the place's own name


def test_a_curated_display_name_wins_over_a_sources(tmp_path: Path) -> None:
    root = _gazetteer(tmp_path)
    curated = root / "curated" / "jp.toml"
    curated.write_text(
        '[[place]]\nid = "jp"\nkind = "country"\nname = "Japan"\n'
        'names = [{ name = "Ниппон", lang = "ru", display = true }]\n',
        encoding="utf-8",
    )
    jp = Gazetteer.from_folder(root).get("jp")
    assert jp.name_for(lang="ru") == "Ниппон" and jp.name_for(lang="es") == "Japón"


def test_a_sides_english_name_is_not_a_language_of_the_same_code(tmp_path: Path) -> None:
    root = _gazetteer(tmp_path)
    (root / "curated" / "jp.toml").write_text(
        '[[place]]\nid = "jp"\nkind = "country"\nname = "Japan"\n'
        'names = [{ name = "Nippon State", lang = "en", perspective = "ru", display = true }]\n',
        encoding="utf-8",
    )
    jp = Gazetteer.from_folder(root).get("jp")
    assert jp.name_for(perspective="ru") == jp.display["ru:en"] == "Nippon State"
    assert jp.name_for(lang="ru") == "Япония"  # `ru` the language, not Russia's English


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("jp\tcountry\tJapan\t\t\t\t\t35.6\t\t", "not both numbers"),
        ("jp\tcountry\tJapan\t\t\t\t\t95\t10\t", "off the globe"),
        ("jp\tcountry\tJapan\t\t\t\t\t1\t2\tnowhere", "unknown place 'nowhere'"),
        ("jp\tcountry\tJapan\t\t\t", "7 to 10 tab-separated columns"),
    ],
)
def test_bad_points_and_groups_are_problems(tmp_path: Path, row: str, message: str) -> None:
    root = _gazetteer(tmp_path, places=f"# priority: 5\n{row}\n", names="")
    problems = [str(p) for p in check(read_gazetteer(root))]
    assert any(message in p and "early.places.tsv:2" in p for p in problems), problems


def test_two_display_names_for_one_tag_are_a_problem(tmp_path: Path) -> None:
    names = EARLY_NAMES + "jp\tЯпонское государство\tru\tofficial\t1\n"
    with pytest.raises(GazetteerError, match="two display names for 'ru'"):
        Gazetteer.from_folder(_gazetteer(tmp_path, names=names))


def test_ancestors_children_and_filters(gz: Gazetteer) -> None:
    assert [p.id for p in gz.ancestors("kunashir")] == ["ru-sak", "ru"]
    assert gz.ancestors(gz.get("ru")) == []
    assert [p.id for p in gz.children("jp")] == ["gn-1"]
    kids = gz.children("ru-sak", kind="island")
    assert kids and all(p.kind == "island" and p.parent == "ru-sak" for p in kids)
    assert gz.children("ru-sak", kind=["city"]) == [p for p in gz.children("ru-sak") if p.kind == "city"]
    countries = list(gz.places("country"))
    assert countries and all(p.kind == "country" for p in countries)
    in_ru = list(gz.places(country="ru"))
    assert gz.get("ru") in in_ru and all(p.country == "ru" for p in in_ru)
    assert [p.id for p in gz.places({"island", "city"}, country="ru")] == [
        p.id for p in gz.places() if p.kind in ("island", "city") and p.country == "ru"
    ]


def test_reach_is_every_row_with_its_country_and_ancestors(gz: Gazetteer) -> None:
    index = gz.index
    rows = [index.row_of(pid) for pid in ("kunashir", "shikotan", "ru-sak", "jp")]
    expected = {r for row in rows for r in (row, index.places.country[row], *index.ancestors(row))}
    assert index.reach(rows) == expected
    assert index.row_of("ru") in index.reach([index.row_of("kunashir")])
    assert index.reach([]) == set()


def test_navigation_refuses_what_it_cannot_mean(gz: Gazetteer) -> None:
    with pytest.raises(ValueError, match="unknown kind 'town'"):
        list(gz.places("town"))
    with pytest.raises(ValueError, match="not a country"):
        list(gz.places(country="ru-sak"))
    with pytest.raises(UnknownPlaceError):
        gz.children("atlantis")


def test_the_check_of_the_generated_layer_names_every_stale_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        from build_gazetteer import check as check_generated
    finally:
        sys.path.remove(str(ROOT / "scripts"))
    built, committed = tmp_path / "built", tmp_path / "committed"
    built.mkdir()
    committed.mkdir()
    for folder in (built, committed):
        (folder / "a.places.tsv").write_text("a\n")
    assert check_generated(built, committed) == 0
    (built / "b.names.tsv").write_text("b\n")
    (committed / "a.places.tsv").write_text("changed\n")
    (committed / "c.names.tsv").write_text("c\n")
    assert check_generated(built, committed) == 1
    out = capsys.readouterr().out
    assert all(name in out for name in ("a.places.tsv", "b.names.tsv", "c.names.tsv"))

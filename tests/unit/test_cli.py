from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from toponym.build import compile_gazetteer
from toponym.cli import main

from ..conftest import FIXTURE


@pytest.fixture(scope="module")
def index_file(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("idx") / "fixture.bin"
    compile_gazetteer(FIXTURE, path)
    return str(path)


def test_resolve_json(index_file: str) -> None:
    result = CliRunner().invoke(main, ["resolve", "--index", index_file, "--json", "Shokotan", "Qxzvtplkwj"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows[0]["id"] == "shikotan" and rows[0]["method"] == "exact" and rows[0]["query"] == "Shokotan"
    assert rows[0]["status"] == "matched"
    assert rows[1] == {
        "query": "Qxzvtplkwj",
        "id": None,
        "name": None,
        "score": None,
        "method": None,
        "status": "no-match",
        "reason": "no place has this name",
        "candidates": [],
    }


def test_resolve_stdin_keeps_blank_lines(index_file: str) -> None:
    result = CliRunner().invoke(main, ["resolve", "--index", index_file, "-"], input="Kunashiri\n\n国後島\n")
    assert result.exit_code == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert [r[:3] for r in rows] == [
        ["Kunashiri", "kunashir", "Kunashir"],
        ["", "-", "empty"],
        ["国後島", "kunashir", "Kunashir"],
    ]


def test_resolve_perspective(index_file: str) -> None:
    result = CliRunner().invoke(main, ["resolve", "--index", index_file, "--perspective", "jp", "Southern Kurils"])
    assert result.output.split("\t")[2] == "Northern Territories"


def test_usage_error_exits_2(index_file: str) -> None:
    assert CliRunner().invoke(main, ["resolve"]).exit_code == 2
    assert CliRunner().invoke(main, ["resolve", "--kind", "planet", "x"]).exit_code == 2


def test_bad_index_is_a_clean_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"nope")
    result = CliRunner().invoke(main, ["resolve", "--index", str(bad), "Japan"])
    assert result.exit_code == 1 and "toponym compile" in result.output


def test_validate_and_compile(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(main, ["validate", str(FIXTURE)])
    assert ok.exit_code == 0 and ok.output.startswith("ok:")
    out = tmp_path / "x.bin"
    done = runner.invoke(main, ["compile", str(FIXTURE), "-o", str(out)])
    assert done.exit_code == 0 and out.exists()
    info = runner.invoke(main, ["info", "--index", str(out)])
    assert info.exit_code == 0 and "places: " in info.output


def test_validate_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "curated").mkdir()
    (tmp_path / "curated" / "x.toml").write_text('[[place]]\nid = "Bad"\nkind = "blob"\nname = "B"\n')
    result = CliRunner().invoke(main, ["validate", str(tmp_path)])
    assert result.exit_code == 1
    assert "curated/x.toml:2" in result.output and "unknown kind 'blob'" in result.output


def test_compile_to_an_unwritable_place_is_a_clean_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(main, ["compile", str(FIXTURE), "-o", str(blocker / "sub" / "x.bin")])
    assert result.exit_code == 1 and "cannot write" in result.output
    assert not any(tmp_path.rglob("*.tmp"))


def test_unknown_country_hint_is_a_usage_error(index_file: str) -> None:
    result = CliRunner().invoke(main, ["resolve", "--index", index_file, "--country", "zz", "Georgia"])
    assert result.exit_code == 2 and "'zz' names no country" in result.output
    subdivision = CliRunner().invoke(main, ["resolve", "--index", index_file, "--country", "us-ga", "Springfield"])
    assert subdivision.exit_code == 2 and "names no country" in subdivision.output
    bad_side = CliRunner().invoke(main, ["resolve", "--index", index_file, "--perspective", "zz", "Kunashiri"])
    assert bad_side.exit_code == 2 and "--perspective" in bad_side.output


@pytest.mark.parametrize("hint", ["us", "US", "USA", "usa", "United States"])
def test_a_country_hint_is_any_code_or_name_of_the_country(index_file: str, hint: str) -> None:
    result = CliRunner().invoke(main, ["resolve", "--index", index_file, "--country", hint, "Georgia"])
    assert result.exit_code == 0, result.output
    assert result.output.split("\t")[1] == "us-ga"

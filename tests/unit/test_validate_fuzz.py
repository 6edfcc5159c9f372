"""Every malformed gazetteer folder (tests/badgazetteer.py) gives problems located as file:line,
or compiles: never a traceback, from the library or from ``toponym validate`` and ``compile``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from toponym.build import compile_sources
from toponym.build.sources import read_gazetteer
from toponym.cli import main
from toponym.errors import GazetteerError

from ..badgazetteer import variants
from ..conftest import FIXTURE


def outcome(root: Path) -> str:
    """``ok``, or the problems: each must name a file of the folder and a line."""
    try:
        compile_sources(read_gazetteer(root))
    except GazetteerError as exc:
        for p in exc.problems:
            assert p.file.startswith(root.name) or p.file == str(root), p
            assert p.line >= 0 and p.message, p
        return f"{len(exc.problems)} problems"
    return "ok"


@pytest.mark.once
def test_every_malformed_folder_gives_file_line_problems(tmp_path: Path) -> None:
    failures = []
    seen = 0
    for n, (what, edit) in enumerate(variants(FIXTURE)):
        root = tmp_path / f"g{n}" / "gazetteer"
        shutil.copytree(FIXTURE, root)
        edit(root)
        seen += 1
        try:
            outcome(root)
        except Exception as exc:
            failures.append(f"{what}: {type(exc).__name__}: {exc}")
        shutil.rmtree(root.parent)
    assert seen >= 300
    assert failures == [], "\n".join(failures[:40])


@pytest.mark.parametrize("command", ["validate", "compile"])
def test_the_cli_reports_a_malformed_folder_in_lines(tmp_path: Path, command: str) -> None:
    root = tmp_path / "gazetteer"
    shutil.copytree(FIXTURE, root)
    (root / "curated" / "kurils.toml").write_text('place = "x"\n', encoding="utf-8")
    args = [command, str(root)] + (["-o", str(tmp_path / "out.bin")] if command == "compile" else [])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "gazetteer/curated/kurils.toml:1:" in result.output
    assert not (tmp_path / "out.bin").exists()


def _policy_with(extra: str) -> str:
    return (FIXTURE / "policy.toml").read_text(encoding="utf-8").replace("[ambiguity]\nratio = 1.5\n", extra, 1)


@pytest.mark.parametrize(
    ("rel", "content", "where", "expected"),
    [
        ("curated/kurils.toml", b'place = "x"\n', "curated/kurils.toml:1", "[[place]] tables"),
        ("curated/kurils.toml", b'[[place]]\nid = "a"\n\xff\n', "curated/kurils.toml:3", "not UTF-8"),
        (
            "curated/kurils.toml",
            b'[[place]]\nid = "a"\nkind = "island"\nname = "A"\n'
            b'names = [{ name = "B", lang = "en", display = "yes" }]\n',
            "curated/kurils.toml:5",
            "display must be a bool",
        ),
        ("policy.toml", _policy_with("[ambiguity]\nratio = nan\n").encode(), "policy.toml:", "finite number"),
        ("policy.toml", _policy_with("[ambiguity]\nratio = inf\n").encode(), "policy.toml:", "finite number"),
        ("policy.toml", _policy_with("[ambiguity]\nratoi = 1.5\n").encode(), "policy.toml:", "unknown key 'ratoi'"),
        (
            "policy.toml",
            b'[[stop]]\nname = "nice"\nreason = "r"\nplace = "x"\n',
            "policy.toml:1",
            "unknown key 'place'",
        ),
        (
            "generated/10-fixture.places.tsv",
            b"ge\tcountry\tGeorgia\n\xfe\n",
            "generated/10-fixture.places.tsv:2",
            "not UTF-8",
        ),
        ("words/en.common.txt", b"the\nand\tcan\n", "words/en.common.txt:2", "control character"),
    ],
)
def test_a_malformed_input_is_refused_at_its_line(
    tmp_path: Path, rel: str, content: bytes, where: str, expected: str
) -> None:
    root = tmp_path / "gazetteer"
    shutil.copytree(FIXTURE, root)
    (root / rel).write_bytes(content)
    with pytest.raises(GazetteerError) as info:
        compile_sources(read_gazetteer(root))
    found = [str(p) for p in info.value.problems]
    assert any(where in p and expected in p for p in found), found


def test_a_folder_or_a_dangling_link_named_like_a_source_is_a_problem(tmp_path: Path) -> None:
    root = tmp_path / "gazetteer"
    shutil.copytree(FIXTURE, root)
    (root / "curated" / "more.toml").mkdir()
    (root / "curated" / "gone.toml").symlink_to("nowhere.toml")
    with pytest.raises(GazetteerError) as info:
        compile_sources(read_gazetteer(root))
    found = {p.file for p in info.value.problems if "not a file" in p.message}
    assert found == {"gazetteer/curated/more.toml", "gazetteer/curated/gone.toml"}

"""`toponym resolve` on rows: one output row per input row, stable columns, formats, status, exit 3."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from toponym.build import compile_gazetteer
from toponym.cli import main

from ..conftest import FIXTURE

# blank lines, white space only, a tab, a carriage return, control characters, a backslash
AWKWARD = [
    "Kunashiri",
    "",
    "  ",
    "Shoko\\ttan",
    "a\tb",
    "Georgia\r",
    "x\x0by\x1f",
    "Springfield",
    "back\\slash",
    "国後島",
]


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("idx") / "fx.bin"
    compile_gazetteer(FIXTURE, path)
    return str(path)


def run(*args: str, input: str | bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def unescape(field: str) -> str:
    """Reads back the CLI's TSV escapes (written here independently of the code under test)."""
    simple = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}

    def one(m: re.Match[str]) -> str:
        body = m.group(1)
        return simple[body] if body in simple else chr(int(body[1:], 16))

    return re.sub(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|[\\tnr])", one, field)


def stdin_of(queries: list[str]) -> str:
    # one query per line; "Georgia\r" is a CRLF line, which is read as "Georgia"
    return "".join(q + "\n" for q in queries)


def expected_queries(queries: list[str]) -> list[str]:
    return [q.removesuffix("\r") for q in queries]


@pytest.mark.parametrize("fmt", ["text", "tsv"])
def test_every_input_row_gives_one_row_and_columns_never_shift(index: str, fmt: str) -> None:
    code, out, _ = run("resolve", "--index", index, "--format", fmt, "-", input=stdin_of(AWKWARD))
    assert code == 0
    lines = out.split("\n")
    assert lines[-1] == ""  # every row ends with a line break, and there is nothing after the last
    rows = [line.split("\t") for line in lines[:-1]]
    if fmt == "tsv":
        assert rows[0][0] == "query" and rows[0][-1] == "status"
        rows = rows[1:]
        assert {len(r) for r in rows} == {len(rows[0])}
    assert [unescape(r[0]) for r in rows] == expected_queries(AWKWARD)


def test_csv_and_jsonl_keep_every_row(index: str) -> None:
    code, out, _ = run("resolve", "--index", index, "--format", "csv", "-", input=stdin_of(AWKWARD))
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out, newline="")))
    assert [r["query"] for r in table] == expected_queries(AWKWARD)
    code, out, _ = run("resolve", "--index", index, "--jsonl", "-", input=stdin_of(AWKWARD))
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in records] == expected_queries(AWKWARD)


def test_status_of_each_row(index: str) -> None:
    _, out, _ = run("resolve", "--index", index, "--format", "csv", "Kunashiri", "", "Springfield", "Qxzvtplkwj")
    rows = {r["query"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["Kunashiri"]["status"] == "matched" and rows["Kunashiri"]["id"] == "kunashir"
    assert rows[""]["status"] == "empty"
    assert rows["Springfield"]["status"] == "ambiguous" and rows["Springfield"]["id"] == ""
    assert rows["Qxzvtplkwj"]["status"] == "no-match"
    _, out, _ = run("resolve", "--index", index, "Springfield", "Qxzvtplkwj")
    tied = "gn-4700000 Springfield (us-ga, us); gn-4700001 Springfield (us-ga, us)"
    assert out.splitlines() == [f"Springfield\t-\tambiguous\t{tied}", "Qxzvtplkwj\t-\tno match"]
    assert rows["Springfield"]["candidates"] == tied and rows["Kunashiri"]["candidates"] == ""


def test_stopped_is_told_from_ambiguous_and_from_no_match(index: str) -> None:
    """A stop rule ("nice": an English adjective) declines on purpose: candidates exist, none tie."""
    _, out, _ = run("resolve", "--index", index, "--jsonl", "Nice", "Springfield", "Qxzvtplkwj")
    rows = {r["query"]: r for r in map(json.loads, out.splitlines())}
    assert rows["Nice"]["status"] == "stopped" and rows["Nice"]["reason"].startswith("stop:")
    assert rows["Nice"]["candidates"] == []
    assert rows["Springfield"]["status"] == "ambiguous" and rows["Springfield"]["reason"].startswith("ambiguous")
    assert [(c["id"], c["country"], c["parent"]) for c in rows["Springfield"]["candidates"]] == [
        ("gn-4700000", "us", "us-ga"),
        ("gn-4700001", "us", "us-ga"),
    ]
    assert rows["Qxzvtplkwj"]["status"] == "no-match"
    assert run("resolve", "--index", index, "--fail-on-missing", "Nice")[0] == 3  # stopped is unresolved
    _, text, _ = run("resolve", "--index", index, "Nice", "--kind", "city")
    assert text.split("\t")[:2] == ["Nice", "gn-2128295"]  # a hint lifts the stop


def test_all_gives_one_row_per_candidate(index: str) -> None:
    _, out, _ = run("resolve", "--index", index, "--all", "--jsonl", "Springfield", "Qxzvtplkwj")
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["query"], r["status"]) for r in rows] == [
        ("Springfield", "ambiguous"),
        ("Springfield", "ambiguous"),
        ("Qxzvtplkwj", "no-match"),
    ]
    assert {r["id"] for r in rows[:2]} == {"gn-4700000", "gn-4700001"}


def test_json_aliases_and_format_conflict(index: str) -> None:
    as_json = run("resolve", "--index", index, "--json", "Kunashiri")[1]
    assert run("resolve", "--index", index, "--jsonl", "Kunashiri")[1] == as_json
    assert run("resolve", "--index", index, "--format", "jsonl", "Kunashiri")[1] == as_json
    assert run("resolve", "--index", index, "--json", "--format", "csv", "Kunashiri")[0] == 2


def test_fail_on_missing_exits_3_after_writing_every_row(index: str) -> None:
    code, out, err = run("resolve", "--index", index, "--fail-on-missing", "-", input="Kunashiri\n\nQxzvtplkwj\n")
    assert code == 3 and len(out.splitlines()) == 3 and "1 name(s) unresolved" in err
    code, _, _ = run("resolve", "--index", index, "--fail-on-missing", "Springfield")
    assert code == 3  # ambiguous is unresolved too
    assert run("resolve", "--index", index, "--fail-on-missing", "Kunashiri", "")[0] == 0  # empty is not a name
    assert run("resolve", "--index", index, "Qxzvtplkwj")[0] == 0  # opt-in only
    _, help_text, _ = run("resolve", "--help")
    assert "--fail-on-missing" in help_text and "3 with --fail-on-missing" in " ".join(help_text.split())


def test_output_file(index: str, tmp_path: Path) -> None:
    out = tmp_path / "rows.tsv"
    code, stdout, _ = run("resolve", "--index", index, "--format", "tsv", "-o", str(out), "Kunashiri", "Qxz")
    assert code == 0 and stdout == ""
    assert out.read_text(encoding="utf-8").splitlines()[1].startswith("Kunashiri\tkunashir\t")


def test_undecodable_stdin_names_the_line(index: str) -> None:
    code, out, err = run("resolve", "--index", index, "-", input=b"Kunashiri\nbad \xff\n")
    assert code == 1 and out.startswith("Kunashiri\tkunashir")
    assert "-: invalid UTF-8 at line 2, byte offset 14 (byte 0xff)" in err and "Traceback" not in err
    code, out, _ = run("resolve", "--index", index, "--errors", "replace", "-", input=b"Kunashiri\nbad \xff\n")
    assert code == 0 and out.splitlines()[1] == "bad \ufffd\t-\tno match"


def test_usage_errors(index: str) -> None:
    assert run("resolve", "--index", index)[0] == 2
    assert run("resolve", "--index", index, "-", "-")[0] == 2
    assert run("resolve", "--index", index, "--column", "city", "x")[0] == 2
    assert run("resolve", "--index", index, "--csv", "a.csv")[0] == 2  # no --column
    assert run("resolve", "--index", index, "--csv", "a.csv", "--parquet", "b.parquet", "--column", "c")[0] == 2

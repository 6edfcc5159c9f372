"""`toponym resolve --csv/--parquet FILE --column NAME`: every row, the header and the quoting kept."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from toponym.build import compile_gazetteer
from toponym.cli import main

from ..conftest import FIXTURE

ADDED = ["toponym_id", "toponym_name", "toponym_kind", "toponym_score", "toponym_method", "toponym_status"]

# CRLF rows, a BOM, quotes, commas, a quoted line break, a tab, a blank line, a short row, no final newline
TABLE = (
    "\ufeffn,city,note\r\n"
    '1,Kunashiri,"a, b"\r\n'
    '2,"Shoko""tan",x\r\n'
    "\r\n"
    '3,"Kuna\nshiri",y\r\n'
    "4,\tKunashiri ,z\r\n"
    "5,Springfield\r\n"
    '6,Qxzvtplkwj,"said ""no"""'
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("idx") / "fx.bin"
    compile_gazetteer(FIXTURE, path)
    return str(path)


def run(*args: str, input: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout_bytes, result.stderr


def records(text: str) -> list[str]:
    """Raw records of a CSV text (quoted line breaks kept inside), split independently of the CLI."""
    out, current, quoted = [], "", False
    for ch in text:
        current += ch
        if ch == '"':
            quoted = not quoted
        elif ch == "\n" and not quoted:
            out.append(current)
            current = ""
    return [*out, current] if current else out


def test_csv_round_trip_keeps_every_row_byte_for_byte(index: str, tmp_path: Path) -> None:
    src, dst = tmp_path / "t.csv", tmp_path / "out.csv"
    src.write_bytes(TABLE.encode())
    code, out, err = run("resolve", "--index", index, "--csv", str(src), "--column", "city", "-o", str(dst))
    assert code == 0 and out == b"", err
    written = dst.read_bytes().decode()
    before, after = records(TABLE), records(written)
    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        body = old.rstrip("\r\n")
        assert new.startswith(body) and new.endswith(old[len(body) :])  # same cells, same line ending
    parsed_in = list(csv.reader(io.StringIO(TABLE, newline="")))
    parsed_out = list(csv.reader(io.StringIO(written, newline="")))
    assert parsed_out[0] == [*parsed_in[0], *ADDED]
    width = len(parsed_in[0])
    assert {len(r) for r in parsed_out} == {width + len(ADDED)}  # the blank line and the short row are padded
    for old, new in zip(parsed_in[1:], parsed_out[1:], strict=True):
        assert new[: len(old)] == old and all(c == "" for c in new[len(old) : width])
    by_n = {r[0]: dict(zip(parsed_out[0], r, strict=True)) for r in parsed_out[1:]}
    assert by_n["1"]["toponym_id"] == "kunashir" and by_n["1"]["toponym_status"] == "matched"
    assert by_n["2"]["toponym_id"] == "shikotan"
    assert by_n[""]["toponym_status"] == "empty"
    assert by_n["5"]["toponym_status"] == "ambiguous"
    assert by_n["6"]["toponym_status"] == "no-match" and by_n["6"]["note"] == 'said "no"'


def test_csv_to_stdout_and_from_stdin(index: str) -> None:
    code, out, _ = run("resolve", "--index", index, "--csv", "-", "--column", "city", input=TABLE.encode())
    assert code == 0 and len(records(out.decode())) == len(records(TABLE))


def test_country_column_is_a_hint_per_row(index: str, tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text("place;cc\nGeorgia;\nGeorgia;us\nGeorgia;US\nGeorgia;not a code\n", encoding="utf-8")
    code, out, _ = run(
        "resolve",
        "--index",
        index,
        "--csv",
        str(src),
        "--delimiter",
        ";",
        "--column",
        "place",
        "--country-column",
        "cc",
    )
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.decode()), delimiter=";"))
    assert [r["toponym_id"] for r in rows] == ["ge", "us-ga", "us-ga", "ge"]


def test_bad_tables_write_nothing(index: str, tmp_path: Path) -> None:
    dst = tmp_path / "out.csv"
    cases = {
        "wide.csv": ("a,b\nKunashiri,1\nx,y,z\n", "3 cells but the header has 2"),
        "quote.csv": ('a\n"open\n', "malformed CSV"),
        "bytes.csv": ("a\nKuna\udcffshiri\n", "invalid UTF-8 at line 2"),
    }
    for name, (text, message) in cases.items():
        src = tmp_path / name
        src.write_bytes(text.encode("utf-8", "surrogateescape"))
        for extra in ([], ["-o", str(dst)]):
            code, out, err = run("resolve", "--index", index, "--csv", str(src), "--column", "a", *extra)
            assert code == 1 and out == b"" and message in err and "Traceback" not in err, (name, err)
            assert not dst.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(cases)


def test_table_usage_errors(index: str, tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text("city\nKunashiri\n", encoding="utf-8")
    code, _, err = run("resolve", "--index", index, "--csv", str(src), "--column", "town")
    assert code == 2 and "no column 'town'" in err and "city" in err
    resolved = tmp_path / "r.csv"
    assert run("resolve", "--index", index, "--csv", str(src), "--column", "city", "-o", str(resolved))[0] == 0
    code, _, err = run("resolve", "--index", index, "--csv", str(resolved), "--column", "city")
    assert code == 2 and "already has toponym_id" in err
    assert run("resolve", "--index", index, "--csv", str(src), "--column", "city", "--format", "csv")[0] == 2
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, _, err = run("resolve", "--index", index, "--csv", str(empty), "--column", "city")
    assert code == 1 and "needs a header row" in err


def test_fail_on_missing_in_a_table(index: str, tmp_path: Path) -> None:
    src = tmp_path / "t.csv"
    src.write_text("city\nKunashiri\n\nQxzvtplkwj\n", encoding="utf-8")
    code, out, _ = run("resolve", "--index", index, "--csv", str(src), "--column", "city", "--fail-on-missing")
    assert code == 3 and len(out.decode().splitlines()) == 4


def test_parquet_round_trip(index: str, tmp_path: Path) -> None:
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    names = ["Kunashiri", None, "", "Springfield", "Qxzvtplkwj", "Georgia"] * 3
    table = pa.table(
        {"n": pa.array(range(len(names))), "city": pa.array(names, pa.string()), "cc": ["us"] * 9 + [None] * 9},
        metadata={b"origin": b"test"},
    )
    src, dst = tmp_path / "t.parquet", tmp_path / "out.parquet"
    pq.write_table(table, src, row_group_size=4)
    code, _, err = run(
        "resolve", "--index", index, "--parquet", str(src), "--column", "city", "--country-column", "cc", "-o", str(dst)
    )
    assert code == 0, err
    out = pq.read_table(dst)
    assert out.schema.names == [*table.schema.names, *ADDED]
    assert out.schema.metadata[b"origin"] == b"test"
    assert out.select(table.schema.names).equals(table.select(table.schema.names))
    assert out.schema.field("toponym_score").type == pa.float64()
    rows = out.to_pylist()
    assert [r["toponym_status"] for r in rows[:6]] == ["matched", "empty", "empty", "ambiguous", "no-match", "matched"]
    assert rows[0]["toponym_score"] == 100.0
    assert (rows[5]["toponym_id"], rows[11]["toponym_id"]) == ("us-ga", "ge")  # a country hint, then none
    code, out_bytes, _ = run("resolve", "--index", index, "--parquet", "-", "--column", "city", input=src.read_bytes())
    assert code == 0 and pq.read_table(io.BytesIO(out_bytes)).num_rows == len(names)


def test_not_a_parquet_file(index: str, tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    src = tmp_path / "t.parquet"
    src.write_text("city\nKunashiri\n", encoding="utf-8")
    code, _, err = run("resolve", "--index", index, "--parquet", str(src), "--column", "city")
    assert code == 1 and "not a Parquet file" in err and "Traceback" not in err

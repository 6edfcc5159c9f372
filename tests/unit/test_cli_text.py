"""`toponym extract` and `toponym normalize` through click's runner and as real processes."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from toponym.build import compile_gazetteer
from toponym.cli import main

from ..conftest import FIXTURE, ROOT

TEXT = "Talks on Kunashiri\r\nand 国後島 in Russia\x00 ok\n"


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("idx") / "fx.bin"
    compile_gazetteer(FIXTURE, path)
    return str(path)


def run(*args: str, input: bytes | None = None) -> tuple[int, bytes, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout_bytes, result.stderr


def test_extract_plain_and_jsonl(index: str, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT.encode())
    code, out, _ = run("extract", "--index", index, str(src))
    assert code == 0
    assert out.decode().splitlines()[0] == f"{src}:1:10\tkunashir\tKunashiri\tKunashir"  # columns count from 1
    code, out, _ = run("extract", "--index", index, "--jsonl", "-", input=TEXT.encode())
    rows = [json.loads(line) for line in out.decode().splitlines()]
    assert [(r["line"], r["column"], r["text"], r["id"]) for r in rows] == [
        (1, 10, "Kunashiri", "kunashir"),
        (2, 5, "国後島", "kunashir"),
        (2, 12, "Russia", "ru"),
    ]
    assert all(TEXT[r["start"] : r["end"]] == r["text"] for r in rows)  # start/end: 0-based offsets
    lines = TEXT.split("\n")
    assert all(lines[r["line"] - 1][r["column"] - 1 :].startswith(r["text"]) for r in rows)


def test_extract_several_files(index: str, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Russia\n", encoding="utf-8")
    b.write_text("Japan\n", encoding="utf-8")
    _code, out, _ = run("extract", "--index", index, "--jsonl", str(a), str(b))
    assert [(json.loads(x)["file"], json.loads(x)["id"]) for x in out.decode().splitlines()] == [
        (str(a), "ru"),
        (str(b), "jp"),
    ]


def test_normalize_keeps_every_other_byte(index: str, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT.encode())
    code, out, _ = run("normalize", "--index", index, "--to", "id", str(src))
    assert code == 0
    assert out == TEXT.replace("Kunashiri", "kunashir").replace("国後島", "kunashir").replace("Russia", "ru").encode()


def test_normalize_output_file_and_in_place(index: str, tmp_path: Path) -> None:
    src, dst = tmp_path / "a.txt", tmp_path / "out.txt"
    src.write_bytes(TEXT.encode())
    src.chmod(0o640)
    assert run("normalize", "--index", index, "--to", "annotate", str(src), "-o", str(dst))[0] == 0
    assert dst.read_text(encoding="utf-8").startswith("Talks on [[Kunashiri|kunashir]]")
    assert run("normalize", "--index", index, "--in-place", str(src))[0] == 0
    assert src.read_bytes() == TEXT.replace("Kunashiri", "Kunashir").replace("国後島", "Kunashir").encode()
    assert oct(src.stat().st_mode & 0o777) == oct(0o640)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.txt"]


def test_invalid_utf8_names_the_place_and_writes_nothing(index: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Russia\nJapan \xff here\n")
    code, out, err = run("normalize", "--index", index, str(bad))
    assert code == 1 and out == b""
    assert f"{bad}: invalid UTF-8 at line 2, byte offset 13 (byte 0xff)" in err
    dst = tmp_path / "out.txt"
    code, _, _ = run("normalize", "--index", index, str(bad), "-o", str(dst))
    assert code == 1 and not dst.exists()
    before = bad.read_bytes()
    assert run("normalize", "--index", index, "--in-place", str(bad))[0] == 1
    assert bad.read_bytes() == before
    code, out, _ = run("extract", "--index", index, str(bad))
    assert code == 1 and out == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.txt"]


def test_errors_replace(index: str, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Russia \xff\n")
    code, out, _ = run("normalize", "--index", index, "--errors", "replace", "--to", "id", str(bad))
    assert code == 0 and out == "ru \ufffd\n".encode()


def test_binary_empty_and_nul(index: str, tmp_path: Path) -> None:
    png = tmp_path / "x.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    code, _, err = run("extract", "--index", index, str(png))
    assert code == 1 and "binary" in err
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert run("extract", "--index", index, str(empty)) == (0, b"", "")
    assert run("normalize", "--index", index, "--in-place", str(empty))[0] == 0
    assert empty.read_bytes() == b""
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"\x00Russia\x00\x00")
    code, out, _ = run("normalize", "--index", index, "--to", "id", str(nul))
    assert code == 0 and out == b"\x00ru\x00\x00"


def test_ten_megabyte_single_line(index: str, tmp_path: Path) -> None:
    line = ("lorem ipsum Russia dolor " * 420_000).encode()  # 10.5 MB, no newline
    src = tmp_path / "long.txt"
    src.write_bytes(line)
    code, out, _ = run("normalize", "--index", index, "--to", "id", str(src))
    assert code == 0 and out == line.replace(b"Russia", b"ru")


def test_usage_errors(index: str, tmp_path: Path) -> None:
    assert run("normalize", "--index", index, "--in-place", "-")[0] == 2
    assert run("normalize", "--index", index, "a", "b", "-o", "c")[0] == 2
    assert run("normalize", "--index", index, "a", "-o", "c", "--in-place")[0] == 2


def test_no_progress_bar_in_a_pipe(index: str, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(TEXT.encode())
    proc = subprocess.run(
        [sys.executable, "-m", "toponym", "normalize", "--index", index, str(src)],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    assert proc.stderr == b""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
@pytest.mark.once
def test_kill_9_during_in_place_leaves_the_original(index: str, tmp_path: Path) -> None:
    """Kill the rewrite at several moments: the file is always the old one or the whole new one."""
    src = tmp_path / "big.txt"
    original = ("Talks on Kunashiri and 国後島 in Russia, line of text.\n" * 400_000).encode()  # ~24 MB
    expected = original.replace(b"Kunashiri", b"Kunashir").replace("国後島".encode(), b"Kunashir")
    digest = hashlib.sha256(original).hexdigest()
    killed_mid_run = 0
    for delay in (0.3, 0.8, 1.5, 2.5):
        src.write_bytes(original)
        proc = subprocess.Popen(
            [sys.executable, "-m", "toponym", "normalize", "--index", index, "--in-place", str(src)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            killed_mid_run += 1
        proc.wait()
        data = src.read_bytes()
        assert data == expected or hashlib.sha256(data).hexdigest() == digest
        for leftover in tmp_path.glob(".big.txt.*.toponym-tmp"):
            leftover.unlink()  # a killed run leaves its temporary file, never a damaged original
    assert killed_mid_run >= 1


def test_extract_formats_escape_and_locate(index: str) -> None:
    text = "Talks on the Southern\nKurils and Kunashiri\n"
    code, out, _ = run("extract", "--index", index, "--format", "tsv", "-", input=text.encode())
    assert code == 0
    header, *rows = [line.split("\t") for line in out.decode().splitlines()]
    assert header == ["file", "line", "column", "start", "end", "text", "id", "name", "kind", "score", "method"]
    assert [r[:6] for r in rows] == [
        ["-", "1", "14", "13", "28", "Southern\\nKurils"],  # a name across a line break stays on one row
        ["-", "2", "12", "33", "42", "Kunashiri"],
    ]
    code, out, _ = run("extract", "--index", index, "--format", "csv", "-", input=text.encode())
    table = list(csv.DictReader(io.StringIO(out.decode(), newline="")))
    assert [(r["text"], r["line"], r["column"]) for r in table] == [
        ("Southern\nKurils", "1", "14"),
        ("Kunashiri", "2", "12"),
    ]
    code, out, _ = run("extract", "--index", index, "-", input=text.encode())
    assert out.decode().splitlines()[0] == "-:1:14\tsouthern-kurils\tSouthern\\nKurils\tSouthern Kurils"


def test_columns_count_from_one_after_a_block_boundary_inside_a_line(index: str, tmp_path: Path) -> None:
    line = "lorem ipsum " * 8000 + "Russia " + "dolor " * 100  # one line longer than a block
    src = tmp_path / "long.txt"
    src.write_text("Japan\n" + line + "\n", encoding="utf-8")
    code, out, _ = run("extract", "--index", index, "--jsonl", str(src))
    rows = [json.loads(x) for x in out.decode().splitlines()]
    assert code == 0
    assert [(r["line"], r["column"], r["id"]) for r in rows] == [(1, 1, "jp"), (2, line.index("Russia") + 1, "ru")]


def test_jobs_keep_the_order_of_the_files(index: str, tmp_path: Path) -> None:
    files = []
    for i, text in enumerate(["Russia\n", "Japan and Kunashiri\n", "", "Talks on Shikotan\n" * 50]):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        files.append(str(path))
    stdin = b"Georgia\n"
    for fmt in ("text", "csv"):
        one = run("extract", "--index", index, "--format", fmt, *files, "-", input=stdin)
        two = run("extract", "--index", index, "--format", fmt, "-j", "3", *files, "-", input=stdin)
        assert one[0] == two[0] == 0 and one[1] == two[1] and one[1]
    one = run("normalize", "--index", index, "--to", "id", *files)
    two = run("normalize", "--index", index, "--to", "id", "-j", "2", *files)
    assert one[0] == two[0] == 0 and one[1] == two[1]


def test_jobs_write_nothing_when_one_input_is_bad(index: str, tmp_path: Path) -> None:
    good, bad = tmp_path / "good.txt", tmp_path / "bad.txt"
    good.write_text("Russia\n", encoding="utf-8")
    bad.write_bytes(b"Japan \xff\n")
    code, out, err = run("normalize", "--index", index, "-j", "2", str(good), str(bad))
    assert code == 1 and out == b"" and "bad.txt: invalid UTF-8" in err


@pytest.mark.skipif(sys.platform == "win32", reason="select() on pipes is POSIX")
def test_extract_from_a_pipe_prints_each_line_as_it_arrives(index: str) -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "toponym", "extract", "--index", index, "-"],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for text, expected in [(b"Talks on Kunashiri.\n", b"-:1:10\tkunashir"), (b"Then Russia.\n", b"-:2:6\tru")]:
            proc.stdin.write(text)
            proc.stdin.flush()  # the input stays open: the answer must come before its end
            ready, _, _ = select.select([proc.stdout], [], [], 30)
            assert ready, "no output while the input was still open"
            assert proc.stdout.readline().startswith(expected)
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        proc.kill()
        proc.wait()
        proc.stdout.close()
        if proc.stderr is not None:
            proc.stderr.close()

"""Streaming IO: exact decode errors, blocks that lose nothing, atomic replacement."""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import pytest

from toponym.errors import SpecialFileError
from toponym.textio import (
    MAX_PIECE,
    Input,
    LiveLines,
    TextDecodeError,
    atomic_output,
    check_utf8,
    output_is_stream,
    output_sink,
    read_blocks,
)


def blocks(data: bytes, **kw: int) -> list[str]:
    return [b.text for b in read_blocks(io.BytesIO(data), "mem", **kw)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"one line without newline",
        b"a\r\nb\rc\n\n",
        "ünïcödé 国後島\n".encode() * 5000,
        b"\xef\xbb\xbfBOM first\n",
        b"NUL\x00bytes\x00\n",
        ("x" * 200_000 + " tail\n").encode(),  # one long line, split at a space
        ("国" * 100_000).encode(),  # one long line without any space: split anywhere
    ],
)
def test_blocks_reassemble_exactly(data: bytes) -> None:
    assert "".join(blocks(data)).encode() == data


def test_block_positions() -> None:
    data = ("line\n" * 30_000 + "y " * 40_000).encode()
    text = data.decode()
    for b in read_blocks(io.BytesIO(data), "mem", block_chars=4096):
        assert text[b.offset : b.offset + len(b.text)] == b.text
        assert b.line == text.count("\n", 0, b.offset) + 1
        assert b.column == b.offset - (text.rfind("\n", 0, b.offset) + 1)


def test_long_line_splits_at_spaces() -> None:
    data = ("word " * 200_000).encode()  # 1 MB: blocks of about one 64 KiB read each
    parts = blocks(data, block_chars=1000)
    assert len(parts) > 10
    assert all(p.endswith(" ") for p in parts[:-1])


@pytest.mark.parametrize(
    ("data", "line", "offset", "byte"),
    [
        (b"ok\nok\nab\xffcd\n", 3, 8, 0xFF),
        (b"\x80", 1, 0, 0x80),
        ("é".encode() * 3 + b"\xc3", 1, 6, 0xC3),  # truncated sequence at the end
        (b"a" * (1 << 20) + b"\n\xe3\x81", 2, (1 << 20) + 1, 0xE3),  # across check chunks
    ],
)
def test_check_utf8_names_line_and_byte(data: bytes, line: int, offset: int, byte: int) -> None:
    with pytest.raises(TextDecodeError) as err:
        check_utf8(io.BytesIO(data), "f.txt")
    assert (err.value.line, err.value.offset, err.value.byte) == (line, offset, byte)
    assert f"f.txt: invalid UTF-8 at line {line}, byte offset {offset}" in str(err.value)


def test_binary_file_is_named_as_such() -> None:
    with pytest.raises(TextDecodeError, match="binary"):
        check_utf8(io.BytesIO(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\xff"), "img.png")


def test_valid_files_pass_the_check() -> None:
    check_utf8(io.BytesIO(b""), "empty")
    check_utf8(io.BytesIO("国後島\n".encode() * 100_000), "big")
    check_utf8(io.BytesIO(b"NUL\x00is valid UTF-8"), "nul")


def test_errors_replace_decodes_anyway() -> None:
    assert blocks(b"a\xffb", errors="replace") == ["a\ufffdb"]  # type: ignore[arg-type]


def test_atomic_output_keeps_mode_and_replaces(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    target.write_bytes(b"old")
    target.chmod(0o640)
    with atomic_output(target) as out:
        out.write(b"new")
        assert target.read_bytes() == b"old"  # nothing visible before the end
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]


def test_atomic_output_leaves_target_on_error(tmp_path: Path) -> None:
    target = tmp_path / "t.txt"
    target.write_bytes(b"old")
    with pytest.raises(RuntimeError), atomic_output(target) as out:
        out.write(b"partial")
        raise RuntimeError("boom")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.txt"]


def test_atomic_output_follows_symlinks(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    os.symlink(real, link)
    with atomic_output(link) as out:
        out.write(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_atomic_output_refuses_anything_but_a_regular_file(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    with pytest.raises(SpecialFileError, match="not a regular file"), atomic_output(fifo):
        pass
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_atomic_output_temporary_names_are_unpredictable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    names: list[str] = []
    real_replace = os.replace

    def spy(src: str, dst: str) -> None:
        names.append(os.path.basename(src))
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", spy)
    for _ in range(3):
        with atomic_output(tmp_path / "t.bin") as out:
            out.write(b"x")
    assert len(set(names)) == 3 and all(n.startswith(".t.bin.") and n.endswith(".toponym-tmp") for n in names)


def test_atomic_output_under_concurrent_writers(tmp_path: Path) -> None:
    target = tmp_path / "t.bin"
    barrier = threading.Barrier(16)
    errors: list[BaseException] = []

    def write(i: int) -> None:
        try:
            with atomic_output(target) as out:
                barrier.wait(10)  # every writer holds its temporary file at the same time
                out.write(bytes([i]) * 1000)
        except BaseException as exc:  # collected for the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    data = target.read_bytes()
    assert errors == [] and len(data) == 1000 and len(set(data)) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["t.bin"]


@pytest.mark.skipif(os.geteuid() != 0, reason="setting an owner needs root")
def test_atomic_output_keeps_owner_and_setuid(tmp_path: Path) -> None:
    target = tmp_path / "t"
    target.write_bytes(b"old")
    os.chown(target, 4321, 4321)
    target.chmod(0o6750)
    with atomic_output(target) as out:
        out.write(b"new")
    st = target.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4321, 0o6750)


def test_output_sink_writes_a_fifo_as_a_stream(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    assert output_is_stream(fifo) and not output_is_stream(tmp_path / "new.txt")
    with output_sink(fifo) as out:
        out.write(b"streamed")
    reader.join(10)
    assert got == [b"streamed"] and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    with pytest.raises(SpecialFileError, match="is a folder"):
        output_is_stream(tmp_path)


def test_a_fifo_input_is_opened_once(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"once\n"), daemon=True)
    writer.start()
    with Input(str(fifo)) as inp:
        assert inp.is_stream
        inp.check()  # spools it: the writer writes once, and it is read twice from the copy
        with inp.open() as (f, live):
            assert f.read() == b"once\n" and not live
    writer.join(10)
    assert not writer.is_alive()


def test_live_blocks_come_when_the_writer_pauses() -> None:
    r, w = os.pipe()
    with os.fdopen(r, "rb") as pipe_in, os.fdopen(w, "wb", buffering=0) as pipe_out:
        pipe_out.write("Kunashiri\nИтуруп\n".encode())
        blocks = read_blocks(pipe_in, "pipe", live=True)
        first = next(blocks)  # the pipe is still open: without live=True this would wait for its end
        assert first.text == "Kunashiri\nИтуруп\n" and (first.line, first.offset) == (1, 0)
        pipe_out.write(b"tail")
        pipe_out.close()
        assert [(b.text, b.line) for b in blocks] == [("tail", 3)]


def test_live_lines_read_lines_longer_than_a_piece() -> None:
    r, w = os.pipe()
    line = b"x" * (3 * MAX_PIECE) + b"\n"
    writer = threading.Thread(target=lambda: (os.write(w, line + b"next"), os.close(w)), daemon=True)
    writer.start()
    with os.fdopen(r, "rb") as pipe_in:
        lines = LiveLines(pipe_in)
        assert lines.readline() == line and lines.readline() == b"next" and lines.readline() == b""
    writer.join(10)

"""Streaming IO: exact decode errors, blocks that lose nothing, atomic replacement."""

from __future__ import annotations

import io
import os
import stat
from pathlib import Path

import pytest

from toponym.textio import TextDecodeError, atomic_output, check_utf8, read_blocks


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

"""Streaming text files for the CLI: exact decode errors, bounded blocks, atomic rewrites.

Three promises, and how they are kept:

* **Bounded memory on files of any size.** Input is read in binary lines of at most
  :data:`MAX_PIECE` bytes and decoded incrementally (a multi-byte character cut by the limit is
  completed by the next piece); decoded lines are grouped into blocks of about
  :data:`BLOCK_CHARS` characters. A block never ends inside a line unless the line itself is
  longer than a block, and then it ends at a space, so a mention is cut only in a line of
  megabytes without any space. Line endings and every other byte come back out unchanged.
* **A clear error, nothing written.** Undecodable input raises :class:`TextDecodeError` naming
  the file, the line and the byte offset. The CLI validates every input before it writes to
  standard output, and writes files through :func:`atomic_output`, so a bad input leaves no
  partial output behind.
* **In-place rewrites survive a crash.** :func:`atomic_output` writes a temporary file in the
  target's folder, flushes and fsyncs it, copies the permissions, and renames it over the
  target; a ``kill -9`` at any moment leaves either the old file or the new one, never a mix.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from .errors import ToponymError

__all__ = ["BLOCK_CHARS", "MAX_PIECE", "Block", "TextDecodeError", "atomic_output", "check_utf8", "read_blocks"]

#: Characters per block handed to the extractor (also the span of document context in the CLI).
BLOCK_CHARS = 1 << 16
#: Longest piece of one line read at a time, in bytes.
MAX_PIECE = 1 << 16
_CHECK_CHUNK = 1 << 20


class TextDecodeError(ToponymError, ValueError):
    """Input is not valid UTF-8. ``name``, ``line`` (1-based) and ``offset`` (bytes) locate it."""

    def __init__(self, name: str, line: int, offset: int, byte: int, binary: bool) -> None:
        self.name, self.line, self.offset, self.byte = name, line, offset, byte
        hint = " (it looks like a binary file)" if binary else ""
        super().__init__(
            f"{name}: invalid UTF-8 at line {line}, byte offset {offset} (byte 0x{byte:02x}){hint}; "
            "nothing was written. Convert the file to UTF-8, or pass --errors replace."
        )


@dataclass(frozen=True, slots=True)
class Block:
    """A run of whole lines (or a piece of a very long line) and where it sits in its file."""

    text: str
    offset: int
    """``str`` offset of the block in the decoded file."""
    line: int
    """1-based line number of the block's first character."""
    column: int
    """``str`` column of the block's first character in its line (non-zero only inside a long line)."""


def check_utf8(stream: BinaryIO, name: str) -> None:
    """Raise :class:`TextDecodeError` at the first byte of ``stream`` that is not UTF-8."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    fed = 0  # bytes handed to the decoder so far
    lines = 1
    nul = False
    while True:
        chunk = stream.read(_CHECK_CHUNK)
        final = not chunk
        pending = decoder.getstate()[0]
        try:
            decoder.decode(chunk, final)
        except UnicodeDecodeError as exc:
            data = pending + chunk
            offset = fed - len(pending) + exc.start
            lines += data[: exc.start].count(b"\n")
            nul = nul or b"\0" in data[: exc.start]
            raise TextDecodeError(name, lines, offset, data[exc.start], nul or b"\0" in data) from None
        if final:
            return
        fed += len(chunk)
        lines += chunk.count(b"\n")
        nul = nul or b"\0" in chunk


def read_blocks(
    stream: BinaryIO, name: str, *, errors: str = "strict", block_chars: int = BLOCK_CHARS
) -> Iterator[Block]:
    """Decoded blocks of ``stream``; see the module docstring. ``errors`` as for ``bytes.decode``."""
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    buf: list[str] = []
    size = 0
    offset = 0  # str offset of the first character in buf
    line = 1  # line of the first character in buf
    column = 0
    fed = 0
    lines_seen = 1
    while True:
        piece = stream.readline(MAX_PIECE)
        try:
            text = decoder.decode(piece, not piece)
        except UnicodeDecodeError as exc:
            data = decoder.getstate()[0] + piece  # best effort: the state after the error is not kept
            raise TextDecodeError(
                name, lines_seen, fed + exc.start, piece[exc.start] if exc.start < len(piece) else 0, b"\0" in data
            ) from None
        fed += len(piece)
        lines_seen += piece.count(b"\n")
        if text:
            buf.append(text)
            size += len(text)
        if size >= block_chars or not piece:
            if not buf:
                return
            joined = "".join(buf)
            cut = len(joined)
            if piece and not joined.endswith("\n"):
                # inside a long line: end the block at a space so that no word is cut in two
                space = max(joined.rfind(" "), joined.rfind("\t"))
                if space > 0:
                    cut = space + 1
            head, rest = joined[:cut], joined[cut:]
            yield Block(head, offset, line, column)
            newlines = head.count("\n")
            offset += len(head)
            line += newlines
            column = len(head) - head.rfind("\n") - 1 if newlines else column + len(head)
            buf = [rest] if rest else []
            size = len(rest)
            if not piece:
                if rest:
                    yield Block(rest, offset, line, column)
                return


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str], *, like: str | os.PathLike[str] | None = None) -> Iterator[BinaryIO]:
    """A binary file that replaces ``target`` only when the ``with`` block ends without error.

    The data goes to a temporary file in the same folder (so the final rename is atomic on one
    file system), is flushed and fsynced, gets the permissions (and, where allowed, the owner) of
    ``like`` or of the existing target, then is renamed over the target; the folder is fsynced so
    the rename itself survives a power cut. On any error, the temporary file is removed and the
    target is untouched. A symbolic link is followed: the file it points to is replaced.
    """
    path = Path(os.path.realpath(target))
    model = Path(like) if like is not None else path
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".toponym-tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        try:
            st = os.stat(model)
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        else:
            os.chmod(tmp, stat.S_IMODE(st.st_mode))
            with contextlib.suppress(OSError):
                os.chown(tmp, st.st_uid, st.st_gid)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a folder
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)

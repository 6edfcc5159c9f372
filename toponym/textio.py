"""Files for the CLI: inputs read once, exact decode errors, bounded blocks, safe outputs.

The promises, and how they are kept:

* **Bounded memory on files of any size.** Input is read in binary lines of at most
  :data:`MAX_PIECE` bytes and decoded incrementally (a multi-byte character cut by the limit is
  completed by the next piece); decoded lines are grouped into blocks of about
  :data:`BLOCK_CHARS` characters. A block never ends inside a line unless the line itself is
  longer than a block, and then it ends at a space, so a mention is cut only in a line of
  megabytes without any space. Line endings and every other byte come back out unchanged.
* **A pipe is read once.** An :class:`Input` that is not a regular file (standard input, a pipe
  given by path such as ``<(...)`` or ``/dev/stdin``, a named FIFO, a device) is never opened
  twice: it is read live (``read_blocks(live=True)`` hands a block on as soon as the writer
  pauses at a line end), or copied once to an anonymous temporary file when it must be checked
  before any output.
* **A clear error, nothing written.** Undecodable input raises :class:`TextDecodeError` naming
  the file, the line and the byte offset. The CLI validates inputs before it writes to a stream,
  and writes files through :func:`atomic_output`, so a bad input leaves no partial output behind.
* **Only regular files are replaced.** :func:`atomic_output` writes a temporary file with an
  unpredictable name (created exclusively, so a planted symbolic link is never followed) in the
  target's folder, fsyncs it, gives it the target's own owner and mode (setuid and setgid bits
  included, where the system allows), and renames it over the target; a ``kill -9`` at any
  moment leaves either the old file or the new one. :func:`output_sink` writes to a FIFO or a
  character device (``/dev/null``, ``/dev/stdout``) as a stream and refuses a folder, a socket
  or a block device, so a special file is never replaced by a regular one.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import secrets
import shutil
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

from .errors import SpecialFileError, TextDecodeError

__all__ = [
    "BLOCK_CHARS",
    "MAX_PIECE",
    "Block",
    "Input",
    "LiveLines",
    "TextDecodeError",
    "atomic_output",
    "check_utf8",
    "output_is_stream",
    "output_sink",
    "read_blocks",
]

#: Characters per block handed to the extractor (also the span of document context in the CLI).
BLOCK_CHARS = 1 << 16
#: Longest piece of one line read at a time, in bytes.
MAX_PIECE = 1 << 16
_CHECK_CHUNK = 1 << 20
_COPY_CHUNK = 1 << 20


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


class _Lines(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


class LiveLines:
    """``readline`` over a pipe that also tells when the writer has paused (:attr:`idle`): the last
    read returned less than asked and nothing is left buffered, so what was read can be handed on
    (and the output flushed) now, before waiting for more."""

    def __init__(self, stream: BinaryIO) -> None:
        self._read1 = getattr(stream, "read1", stream.read)
        self._buf = b""
        self._short = False

    @property
    def idle(self) -> bool:
        return self._short and not self._buf

    def readline(self, size: int = -1, /) -> bytes:
        limit = size if size >= 0 else sys.maxsize
        ask = min(limit, MAX_PIECE)
        parts: list[bytes] = []  # a line longer than the buffer, piece by piece
        while True:
            cut = self._buf.find(b"\n", 0, limit)
            if cut >= 0:
                n = cut + 1
            elif len(self._buf) >= limit:
                n = limit
            else:
                chunk = self._read1(ask)
                if chunk:
                    self._short = len(chunk) < ask
                    if len(self._buf) >= MAX_PIECE:
                        parts.append(self._buf)
                        limit -= len(self._buf)
                        self._buf = b""
                    self._buf += chunk
                    continue
                n = len(self._buf)  # end of input
            piece, self._buf = self._buf[:n], self._buf[n:]
            return b"".join([*parts, piece]) if parts else piece


def read_blocks(
    stream: BinaryIO, name: str, *, errors: str = "strict", block_chars: int = BLOCK_CHARS, live: bool = False
) -> Iterator[Block]:
    """Decoded blocks of ``stream``; see the module docstring. ``errors`` as for ``bytes.decode``.

    ``live`` is for a pipe read as it is written: a block is also handed on whenever the writer
    pauses at the end of a line, instead of only when it is full or the input ends. A decode
    error then says that the blocks before it were already used.
    """
    decoder = codecs.getincrementaldecoder("utf-8")(errors)
    live_lines = LiveLines(stream) if live else None
    reader: _Lines = live_lines or stream
    buf: list[str] = []
    size = 0
    offset = 0  # str offset of the first character in buf
    line = 1  # line of the first character in buf
    column = 0
    fed = 0
    lines_seen = 1
    while True:
        piece = reader.readline(MAX_PIECE)
        try:
            text = decoder.decode(piece, not piece)
        except UnicodeDecodeError as exc:
            data = decoder.getstate()[0] + piece  # best effort: the state after the error is not kept
            byte = piece[exc.start] if exc.start < len(piece) else 0
            written = "the output before it was already written" if live and offset else "nothing was written"
            raise TextDecodeError(name, lines_seen, fed + exc.start, byte, b"\0" in data, written) from None
        fed += len(piece)
        lines_seen += piece.count(b"\n")
        if text:
            buf.append(text)
            size += len(text)
        paused = live_lines is not None and live_lines.idle and bool(buf) and buf[-1].endswith("\n")
        if size >= block_chars or not piece or paused:
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


# --- inputs ---------------------------------------------------------------------------------------


class Input:
    """One input named on the command line: ``"-"`` is standard input, anything else a path.

    A regular file may be opened as often as needed (checked, then processed). Anything else is a
    stream that can be read only once: standard input, a pipe given by path (``<(...)``,
    ``/dev/stdin``), a named FIFO (opening it a second time would wait for a second writer), a
    character device. :meth:`open` reads a stream live, unless :meth:`spool` has copied it to an
    anonymous temporary file first. ``path`` may differ from ``name`` (a copy of a stream).
    """

    def __init__(self, name: str, path: str | None = None) -> None:
        self.name = name
        self.path = path if path is not None else (None if name == "-" else name)
        self._spooled: BinaryIO | None = None

    def kind(self) -> os.stat_result | None:
        """The path's status (``None`` for standard input); refuses a folder or a socket."""
        if self.path is None:
            return None
        st = os.stat(self.path)
        if stat.S_ISDIR(st.st_mode):
            raise SpecialFileError(f"{self.name} is a folder: give the files in it")
        if stat.S_ISSOCK(st.st_mode):
            raise SpecialFileError(f"{self.name} is a socket: toponym reads files, pipes and devices")
        return st

    @property
    def is_stream(self) -> bool:
        if self._spooled is not None:
            return False
        st = self.kind()
        return st is None or not stat.S_ISREG(st.st_mode)

    @contextlib.contextmanager
    def open(self) -> Iterator[tuple[BinaryIO, bool]]:
        """The input from its start, and whether it is read live (a stream not spooled)."""
        if self._spooled is not None:
            self._spooled.seek(0)
            yield self._spooled, False
        elif self.path is None:
            yield sys.stdin.buffer, True  # never closed here: it is the process's
        else:
            self.kind()
            with open(self.path, "rb") as f:
                yield f, not stat.S_ISREG(os.fstat(f.fileno()).st_mode)

    def spool(self) -> None:
        """Copy a stream to an anonymous temporary file, once, so it can be read twice."""
        if self._spooled is not None or not self.is_stream:
            return
        tmp = tempfile.TemporaryFile()  # noqa: SIM115 -- closed by close()
        try:
            with self.open() as (f, _):
                shutil.copyfileobj(f, tmp, _COPY_CHUNK)
        except BaseException:
            tmp.close()
            raise
        self._spooled = tmp

    def check(self) -> None:
        """Raise :class:`TextDecodeError` if the input is not UTF-8 (a stream is spooled first)."""
        self.spool()
        with self.open() as (f, _):
            check_utf8(f, self.name)

    def size(self, f: BinaryIO) -> int:
        """Bytes in ``f`` when it is a regular file (for a progress bar), else 0."""
        try:
            st = os.fstat(f.fileno())
        except (OSError, ValueError, AttributeError):
            return 0
        return st.st_size if stat.S_ISREG(st.st_mode) else 0

    def close(self) -> None:
        """Drop the spooled copy, if any (the input itself is opened and closed by :meth:`open`)."""
        if self._spooled is not None:
            self._spooled.close()
            self._spooled = None

    def __enter__(self) -> Input:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# --- outputs --------------------------------------------------------------------------------------


def output_is_stream(target: str | os.PathLike[str]) -> bool:
    """Whether ``target`` is written as a stream (a FIFO or a character device such as /dev/null
    or /dev/stdout) rather than replaced; refuses a folder, a socket and a block device."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return False
    mode = st.st_mode
    if stat.S_ISREG(mode):
        return False
    if stat.S_ISFIFO(mode) or stat.S_ISCHR(mode):
        return True
    what = "a folder" if stat.S_ISDIR(mode) else "a socket" if stat.S_ISSOCK(mode) else "a block device"
    raise SpecialFileError(f"{os.fspath(target)} is {what}: toponym writes regular files, pipes and character devices")


@contextlib.contextmanager
def output_sink(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """Where the CLI writes ``target``: a regular (or new) file through :func:`atomic_output`; a
    FIFO or a character device opened for writing as a stream (never created, truncated or
    replaced). A FIFO waits for its reader, as any writer to a FIFO does."""
    if not output_is_stream(target):
        with atomic_output(target) as out:
            yield out
        return
    fd = os.open(target, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0))
    if stat.S_ISREG(os.fstat(fd).st_mode):  # replaced by a regular file since it was looked at
        os.close(fd)
        with atomic_output(target) as out:
            yield out
        return
    with os.fdopen(fd, "wb") as out:
        yield out


def _create_temporary(folder: Path, name: str, mode: int) -> tuple[int, Path]:
    """A new file with an unpredictable name in ``folder``, created exclusively (``O_EXCL`` never
    follows a symbolic link planted at that name, and never opens an existing file)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
    flags |= getattr(os, "O_BINARY", 0)
    for _ in range(100):
        tmp = folder / f".{name[:180]}.{secrets.token_hex(8)}.toponym-tmp"
        try:
            return os.open(tmp, flags, mode), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")  # pragma: no cover


@contextlib.contextmanager
def atomic_output(target: str | os.PathLike[str]) -> Iterator[BinaryIO]:
    """A binary file that replaces the regular file ``target`` only when the ``with`` block ends
    without error; see the module docstring.

    A new target gets the mode the umask gives; an existing one keeps its own mode and, where
    allowed, its owner (the owner is set first: changing it clears setuid and setgid bits, which
    are then set again where the system allows). On any error the temporary file is removed and
    the target is untouched. A symbolic link is followed: the file it points to is replaced.
    Anything but a regular file as target raises :class:`SpecialFileError`.
    """
    path = Path(os.path.realpath(target))
    try:
        st: os.stat_result | None = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        raise SpecialFileError(f"{os.fspath(target)} is not a regular file: it is never replaced")
    # an existing file's data is private until its own mode is applied; a new one takes the umask
    fd, tmp = _create_temporary(path.parent, path.name, 0o600 if st is not None else 0o666)
    try:
        with os.fdopen(fd, "wb") as out:
            yield out
            out.flush()
            if st is not None:
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    with contextlib.suppress(OSError):
                        os.fchown(out.fileno(), st.st_uid, st.st_gid)
                os.fchmod(out.fileno(), stat.S_IMODE(st.st_mode))
            os.fsync(out.fileno())
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

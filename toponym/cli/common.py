"""What every command shares: errors as one line, standard output, options, loading the index."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
from collections.abc import Iterator
from typing import IO, Any, BinaryIO, NoReturn

import click

from .. import Gazetteer, default_gazetteer
from ..errors import ToponymError
from ..textio import output_is_stream, output_sink

#: Exit status when ``--fail-on-missing`` is given and some name stayed unresolved.
EXIT_MISSING = 3

# what to do about an operating-system error, by errno
_HINTS = {
    errno.ENOENT: "check the path",
    errno.EACCES: "check the permissions of the file and of its folder",
    errno.EPERM: "check the permissions of the file and of its folder",
    errno.EISDIR: "give a file, not a folder",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ENOSPC: "free some space and run again",
    errno.EDQUOT: "free some space (disk quota) and run again",
    errno.EROFS: "the file system is read-only: write somewhere else",
    errno.ENXIO: "nothing can be opened there (a socket, or a FIFO without a reader)",
    errno.ELOOP: "too many symbolic links in the path",
    errno.ENAMETOOLONG: "use a shorter name",
    errno.EMFILE: "too many open files: give fewer files, or raise the limit (ulimit -n)",
    errno.EIO: "the device reported an input/output error",
}


class Failure(click.ClickException):
    """A run that cannot go on: one line on standard error, ``toponym: ...``, exit status 1."""

    def show(self, file: IO[Any] | None = None) -> None:
        click.echo(f"toponym: {self.format_message()}", err=True)


def describe_os_error(exc: OSError, name: str | None = None, action: str | None = None) -> str:
    """One line: what could not be done to which file, why, and what to do."""
    name = name or (os.fsdecode(exc.filename) if exc.filename is not None else None)
    reason = exc.strerror or str(exc)
    if exc.strerror is None and exc.errno is None:
        return str(exc)  # toponym's own OSError subclasses carry a whole sentence
    what = f"cannot {action} {name}" if action and name else name or f"cannot {action or 'do that'}"
    hint = _HINTS.get(exc.errno or 0)
    return f"{what}: {reason}" + (f"; {hint}" if hint else "")


@contextlib.contextmanager
def io_errors(name: str, action: str, note: str = "") -> Iterator[None]:
    """Turn an operating-system error in the block into a :class:`Failure` naming ``name``.

    A broken pipe (the reader went away, as with ``| head``) is left to click, which exits quietly.
    """
    try:
        yield
    except OSError as exc:
        if exc.errno == errno.EPIPE:
            raise
        raise Failure(describe_os_error(exc, name, action) + note) from exc


class Output:
    """A binary output whose failed write becomes one line naming it (``note`` says what became
    of the target). Standard output is UTF-8 bytes whatever the locale says."""

    def __init__(self, raw: BinaryIO, name: str, note: str = "", *, stdout: bool = False) -> None:
        self._raw, self.name, self._note, self._stdout = raw, name, note, stdout

    def write(self, data: bytes) -> None:
        try:
            self._raw.write(data)
        except OSError as exc:
            self._fail(exc)

    def flush(self) -> None:
        try:
            self._raw.flush()
        except OSError as exc:
            self._fail(exc)

    def isatty(self) -> bool:
        return self._raw.isatty()

    # what a library writing to a file object (pyarrow) asks of it; it never closes an Output
    @property
    def closed(self) -> bool:
        return self._raw.closed

    def tell(self) -> int:
        return self._raw.tell()

    def close(self) -> None:
        self.flush()

    def _fail(self, exc: OSError) -> NoReturn:
        if exc.errno == errno.EPIPE:
            raise exc
        if self._stdout:
            # what is still buffered would fail again when Python flushes at exit: send it nowhere
            with contextlib.suppress(OSError, ValueError, AttributeError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._raw.fileno())
                os.close(devnull)
        raise Failure(describe_os_error(exc, self.name, "write") + self._note) from exc


@contextlib.contextmanager
def open_output(target: str | None) -> Iterator[Output]:
    """Standard output (``None``), or ``target`` through :func:`toponym.textio.output_sink`:
    a regular file is replaced atomically at the end, a FIFO or device written as a stream."""
    if target is None:
        out = Output(sys.stdout.buffer, "standard output", stdout=True)
        yield out
        out.flush()
        return
    note = "" if output_is_stream_checked(target) else f" ({target} was left as it was)"
    with io_errors(target, "write", note), output_sink(target) as raw:
        out = Output(raw, target, note)
        yield out
        out.flush()


def output_is_stream_checked(target: str) -> bool:
    """Whether ``target`` is written as a stream; a folder, socket or block device is refused."""
    with io_errors(target, "write"):
        return output_is_stream(target)


def load_gazetteer(index: str | None) -> Gazetteer:
    try:
        return Gazetteer.load(index) if index else default_gazetteer()
    except ToponymError as exc:
        raise Failure(str(exc)) from exc


index_option = click.option(
    "--index", type=click.Path(dir_okay=False), help="Compiled index to use instead of the bundled one."
)

errors_option = click.option(
    "--errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="Undecodable input: stop with an error naming the byte (strict), or decode it as U+FFFD (replace).",
)


def escape(value: str) -> str:
    """A field for one tab-separated line: backslash, tab, line breaks and other control
    characters are escaped (``\\\\ \\t \\n \\r``, else ``\\xNN`` / ``\\uNNNN``), so a field never
    shifts a column or splits a row, and the original can be read back."""
    if value.isprintable() and "\\" not in value:
        return value  # the common case, checked at C speed
    return value.translate(_ESCAPES)


def _escape_table() -> dict[int, str]:
    table = {ord("\\"): "\\\\", ord("\t"): "\\t", ord("\n"): "\\n", ord("\r"): "\\r"}
    for code in [*range(0x20), 0x7F, 0x85]:
        table.setdefault(code, f"\\x{code:02x}")
    for code in (0x2028, 0x2029):  # line breaks to str.splitlines
        table[code] = f"\\u{code:04x}"
    return table


_ESCAPES = _escape_table()


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; an undecodable byte of a command-line argument goes back out as itself."""
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        pass
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogatepass")

"""One input at a time for ``extract`` and ``normalize``: shared by the plain run and ``-j`` workers."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import BinaryIO

import click

from .. import Gazetteer
from ..errors import SpecialFileError, TextDecodeError
from ..textio import Block, Input, atomic_output, read_blocks
from .common import Failure, Output, describe_os_error, escape, io_errors, utf8
from .formats import RowWriter

#: Columns of ``extract --format tsv|csv``; ``line`` and ``column`` count from 1, ``start`` and
#: ``end`` are 0-based ``str`` offsets in the whole input.
EXTRACT_COLUMNS = ("file", "line", "column", "start", "end", "text", "id", "name", "kind", "score", "method")


@dataclass(frozen=True, slots=True)
class Rewrite:
    """What ``normalize`` writes in place of a mention, and how input is decoded."""

    to: str = "name"
    lang: str | None = None
    perspective: str | None = None
    errors: str = "strict"


def extract_line(row: Mapping[str, object]) -> str:
    """``FILE:LINE:COLUMN  id  text  name``, fields escaped so that a row stays one line."""
    where = f"{escape(str(row['file']))}:{row['line']}:{row['column']}"
    return "\t".join([where, escape(str(row["id"])), escape(str(row["text"])), escape(str(row["name"]))])


def mention_rows(gz: Gazetteer, name: str, block: Block, *, demonyms: bool = False) -> Iterator[dict[str, object]]:
    """The mentions of one block as rows, located by 1-based line and column (in characters)."""
    text = block.text
    line, line_start, pos = block.line, -block.column, 0  # line_start: where the current line begins
    for m in sorted(gz.extract(text, demonyms=demonyms), key=lambda m: m.start):
        newlines = text.count("\n", pos, m.start)
        if newlines:
            line += newlines
            line_start = text.rfind("\n", pos, m.start) + 1
        pos = m.start
        yield {
            "file": name,
            "line": line,
            "column": m.start - line_start + 1,
            "start": block.offset + m.start,
            "end": block.offset + m.end,
            "text": m.text,
            "id": m.place.id,
            "name": m.place.name,
            "kind": m.place.kind,
            "score": m.score,
            "method": m.method,
        }


def blocks(inp: Input, f: BinaryIO, *, live: bool, errors: str, progress: bool) -> Iterator[Block]:
    """Blocks of one input, with a progress bar on standard error when it is a terminal and the
    size is known (never in a pipe, never for a stream)."""
    total = inp.size(f)
    if not (progress and total and sys.stderr.isatty()):
        yield from read_blocks(f, inp.name, errors=errors, live=live)
        return
    with click.progressbar(length=total, label=inp.name, file=sys.stderr) as bar:
        done = 0
        for block in read_blocks(f, inp.name, errors=errors):
            yield block
            now = f.tell()
            bar.update(now - done)
            done = now


def extract_one(
    gz: Gazetteer, inp: Input, writer: RowWriter, *, errors: str, progress: bool, demonyms: bool = False
) -> None:
    """Write the mentions of ``inp``; a stream read live is flushed block by block as it arrives."""
    with io_errors(inp.name, "read"), inp.open() as (f, live):
        for block in blocks(inp, f, live=live, errors=errors, progress=progress):
            for row in mention_rows(gz, inp.name, block, demonyms=demonyms):
                writer.write(row)
            if live:
                writer.flush()


def normalize_one(gz: Gazetteer, inp: Input, out: Output, rw: Rewrite, *, progress: bool, live_out: bool) -> None:
    """Write ``inp`` with its mentions rewritten; ``live_out``: ``out`` is a stream, so a stream
    input is passed on block by block (only with ``--errors replace``: strict input is checked
    and spooled first)."""
    with io_errors(inp.name, "read"), inp.open() as (f, live):
        for block in blocks(inp, f, live=live and live_out, errors=rw.errors, progress=progress):
            text = block.text
            out.write(utf8(gz.rewrite(text, gz.extract(text), to=rw.to, lang=rw.lang, perspective=rw.perspective)))
            if live and live_out:
                out.flush()


def rewrite_file(gz: Gazetteer, inp: Input, rw: Rewrite, *, progress: bool) -> tuple[bool, str]:
    """Rewrite one file in place, atomically: (rewritten?, what to tell the user, or "")."""
    assert inp.path is not None
    try:
        st = inp.kind()
        if st is None or not stat.S_ISREG(st.st_mode):
            return False, f"{inp.name} is not a regular file: --in-place rewrites regular files only; use -o or a pipe"
        with atomic_output(inp.path) as raw:
            normalize_one(
                gz,
                inp,
                Output(raw, inp.name, f" ({inp.name} was left as it was)"),
                rw,
                progress=progress,
                live_out=False,
            )
    except (TextDecodeError, SpecialFileError) as exc:
        return False, str(exc)
    except Failure as exc:
        return False, exc.format_message()
    except OSError as exc:
        return False, describe_os_error(exc, inp.name, "rewrite") + f" ({inp.name} was left as it was)"
    return True, _lost_bits(inp.path, st.st_mode)


def _lost_bits(path: str, before: int) -> str:
    """A warning if the setuid/setgid bits could not be given to the rewritten file."""
    lost = before & (stat.S_ISUID | stat.S_ISGID) & ~os.stat(path).st_mode
    if not lost:
        return ""
    which = " and ".join(b for b, bit in (("setuid", stat.S_ISUID), ("setgid", stat.S_ISGID)) if lost & bit)
    return f"warning: {path} was rewritten but lost its {which} bit (not allowed here); restore it with chmod"

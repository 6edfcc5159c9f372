"""Rows out: the human ``text`` lines, ``tsv`` and ``csv`` with a header, or ``jsonl``."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

import click

from .common import escape, utf8

FORMATS = ("text", "tsv", "csv", "jsonl")


class Sink(Protocol):
    def write(self, data: bytes, /) -> object: ...
    def flush(self) -> object: ...


def format_option(help_text: str) -> Callable[[Callable[..., object]], Callable[..., object]]:
    return click.option("--format", "fmt", type=click.Choice(FORMATS), default=None, help=help_text)


def chosen_format(fmt: str | None, as_json: bool) -> str:
    """``--format``, with ``--json`` / ``--jsonl`` kept as names for ``--format jsonl``."""
    if as_json and fmt not in (None, "jsonl"):
        raise click.UsageError(f"--json/--jsonl asks for jsonl, --format for {fmt}: give one of them")
    return "jsonl" if as_json else fmt or "text"


def cell(value: object) -> str:
    """A value as a CSV or TSV cell: nothing for ``None``, numbers without trailing zeros."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


class RowWriter:
    """Writes rows (dicts) as ``fmt``: ``tsv``/``csv`` take ``columns`` in order under a header
    line, ``jsonl`` the whole dict, ``text`` whatever ``text_line`` makes of it (already escaped)."""

    def __init__(
        self, out: Sink, fmt: str, columns: Sequence[str], text_line: Callable[[Mapping[str, object]], str]
    ) -> None:
        self.out, self.fmt, self.columns, self._text_line = out, fmt, tuple(columns), text_line
        self._buf = io.StringIO()
        self._csv = csv.writer(self._buf, lineterminator="\n")

    def header(self) -> None:
        if self.fmt == "tsv":
            self._emit("\t".join(self.columns) + "\n")
        elif self.fmt == "csv":
            self._csv.writerow(self.columns)
            self._drain()

    def write(self, row: Mapping[str, object]) -> None:
        if self.fmt == "jsonl":
            line = json.dumps(row, ensure_ascii=False)
            if not line.isascii() and not _encodable(line):
                line = json.dumps(row)  # a lone surrogate (an undecodable argument) as a \u escape
            self._emit(line + "\n")
        elif self.fmt == "tsv":
            self._emit("\t".join(escape(cell(row.get(c))) for c in self.columns) + "\n")
        elif self.fmt == "csv":
            self._csv.writerow([cell(row.get(c)) for c in self.columns])
            self._drain()
        else:
            self._emit(self._text_line(row) + "\n")

    def flush(self) -> None:
        self.out.flush()

    def _drain(self) -> None:
        self._emit(self._buf.getvalue())
        self._buf.seek(0)
        self._buf.truncate()

    def _emit(self, text: str) -> None:
        self.out.write(utf8(text))


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True

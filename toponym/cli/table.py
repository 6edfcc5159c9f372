"""``toponym resolve --csv/--parquet FILE --column NAME``: every row kept, toponym's columns added.

A CSV row is written back as it was read, byte for byte (quoting, line endings, a BOM), with the
new cells appended before its line ending; a short row (a blank line included) is padded to the
header's width first so that the new columns line up. Parquet keeps the schema and its metadata
and appends typed columns. Neither format is read into memory whole.
"""

from __future__ import annotations

import contextlib
import csv
import io
import sys
from collections.abc import Iterator, Sequence
from typing import Any

import click

from ..textio import Input
from .common import Failure, io_errors, open_output, output_is_stream_checked
from .formats import cell
from .rows import Answer, Answers

#: The columns added to a table, in order.
ADDED = ("toponym_id", "toponym_name", "toponym_kind", "toponym_score", "toponym_method", "toponym_status")

_BATCH_ROWS = 1 << 16


def added_cells(
    answers: Answers, answer: Answer
) -> tuple[str | None, str | None, str | None, float | None, str | None, str]:
    row = answers.rows(answer)[0]
    score = row.get("score")
    return (
        _str(row.get("id")),
        _str(row.get("name")),
        _str(row.get("kind")),
        float(score) if isinstance(score, int | float) else None,
        _str(row.get("method")),
        answer.status,
    )


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _find(header: list[str], name: str, option: str, source: str) -> int:
    if name not in header:
        shown = ", ".join(header[:20]) + (", ..." if len(header) > 20 else "")
        raise click.BadParameter(f"{source} has no column {name!r} (its columns: {shown})", param_hint=option)
    return header.index(name)


def _refuse_rerun(header: list[str], source: str) -> None:
    clash = [c for c in ADDED if c in header]
    if clash:
        raise click.UsageError(f"{source} already has {', '.join(clash)}: it looks resolved already")


# --- CSV ------------------------------------------------------------------------------------------


class _RawLines:
    """Lines handed to ``csv.reader``, kept until :meth:`take`: the raw text of the record just read
    (the reader pulls exactly the lines of one record, quoted line breaks included)."""

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._taken: list[str] = []

    def __iter__(self) -> _RawLines:
        return self

    def __next__(self) -> str:
        line = next(self._lines)
        self._taken.append(line)
        return line

    def take(self) -> str:
        raw = "".join(self._taken)
        self._taken.clear()
        return raw


def _split_ending(raw: str) -> tuple[str, str]:
    for ending in ("\r\n", "\n", "\r"):
        if raw.endswith(ending):
            return raw[: -len(ending)], ending
    return raw, ""  # the last record of a file without a final line break


def resolve_csv(
    inp: Input,
    output: str | None,
    *,
    column: str,
    country_column: str | None,
    delimiter: str,
    answers: Answers,
    errors: str,
) -> None:
    """Copy a CSV table to ``output`` (standard output when ``None``) with :data:`ADDED` columns.

    When the output is a stream, the whole input is checked first (UTF-8 and CSV structure), so a
    bad table gives an error and no output; a regular file is replaced only at the end anyway."""
    csv.field_size_limit(sys.maxsize)
    stream_out = output is None or output_is_stream_checked(output)
    with io_errors(inp.name, "read"):
        if errors == "strict":
            inp.check()  # spools a stream: it is read twice
        elif stream_out:
            inp.spool()
    if stream_out:
        with _records(inp, errors, delimiter) as records:
            for _ in records:
                pass
    with _records(inp, errors, delimiter) as records:
        header = next(records, None)
        if header is None:
            raise Failure(f"{inp.name} is empty: a CSV table needs a header row")
        cells = header[1]
        names = [cells[0].removeprefix("\ufeff"), *cells[1:]] if cells else []
        col = _find(names, column, "--column", inp.name)
        ccol = _find(names, country_column, "--country-column", inp.name) if country_column else None
        _refuse_rerun(names, inp.name)
        row = _RowText(len(cells), delimiter)
        with open_output(output) as sink:
            sink.write(row(header[0], cells, ADDED))
            for raw, cells, _line in records:
                query = cells[col] if col < len(cells) else ""
                country = cells[ccol] if ccol is not None and ccol < len(cells) else None
                sink.write(row(raw, cells, [cell(v) for v in added_cells(answers, answers(query, country))]))


@contextlib.contextmanager
def _records(inp: Input, errors: str, delimiter: str) -> Iterator[Iterator[tuple[str, list[str], int]]]:
    """Records of a CSV input as (raw text, cells, line number): the raw text is the record exactly
    as in the file, quoted line breaks and line ending included."""
    with io_errors(inp.name, "read"), inp.open() as (f, _live):
        text = io.TextIOWrapper(f, encoding="utf-8", errors=errors, newline="")
        try:
            yield _parse(text, inp.name, delimiter)
        finally:
            text.detach()  # the file is closed by its owner (standard input never is)


def _parse(text: io.TextIOWrapper, name: str, delimiter: str) -> Iterator[tuple[str, list[str], int]]:
    raw = _RawLines(iter(text))
    reader = csv.reader(raw, delimiter=delimiter, strict=True)
    width: int | None = None
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise Failure(f"{name}:{reader.line_num}: malformed CSV ({exc}); fix the file") from exc
        if width is None:
            width = len(cells)
        elif len(cells) > width:
            raise Failure(
                f"{name}:{reader.line_num}: {len(cells)} cells but the header has {width}; "
                "toponym's columns would not line up: fix the row"
            )
        yield raw.take(), cells, reader.line_num


class _RowText:
    """A record written back as it was read, padded to the header's width, then the new cells."""

    def __init__(self, width: int, delimiter: str) -> None:
        self.width, self.delimiter = width, delimiter
        self._buf = io.StringIO()
        self._writer = csv.writer(self._buf, delimiter=delimiter, lineterminator="")

    def __call__(self, raw: str, cells: list[str], added: Sequence[str]) -> bytes:
        body, ending = _split_ending(raw)
        self._writer.writerow(added)
        tail = self._buf.getvalue()
        self._buf.seek(0)
        self._buf.truncate()
        pad = self.delimiter * (self.width - max(len(cells), 1))  # a blank line is one empty cell
        return (body + pad + self.delimiter + tail + ending).encode("utf-8")


# --- Parquet --------------------------------------------------------------------------------------


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise Failure("Parquet needs pyarrow: pip install 'toponym-ids[parquet]' (or pyarrow)") from exc
    return pa, pq


def resolve_parquet(
    inp: Input, output: str | None, *, column: str, country_column: str | None, answers: Answers
) -> None:
    """Copy a Parquet table to ``output`` with :data:`ADDED` columns, one row group at a time."""
    pa, pq = _pyarrow()
    if output is None and sys.stdout.isatty():
        raise click.UsageError("Parquet is binary: give -o FILE, or pipe the output")
    with io_errors(inp.name, "read"):
        inp.spool()  # Parquet is read from its end: a pipe is copied first
    with io_errors(inp.name, "read"), inp.open() as (f, _live):
        try:
            table = pq.ParquetFile(f)
        except (pa.ArrowInvalid, OSError) as exc:
            raise Failure(f"{inp.name}: not a Parquet file ({exc})") from exc
        schema = table.schema_arrow
        col = _find(schema.names, column, "--column", inp.name)
        ccol = _find(schema.names, country_column, "--country-column", inp.name) if country_column else None
        _refuse_rerun(schema.names, inp.name)
        types = [pa.string(), pa.string(), pa.string(), pa.float64(), pa.string(), pa.string()]
        for name, kind in zip(ADDED, types, strict=True):
            schema = schema.append(pa.field(name, kind))
        with open_output(output) as sink:
            writer = pq.ParquetWriter(sink, schema)
            for batch in table.iter_batches(batch_size=_BATCH_ROWS):
                queries = _texts(batch.column(col).to_pylist())
                countries = _texts(batch.column(ccol).to_pylist()) if ccol is not None else [None] * len(queries)
                rows = [added_cells(answers, answers(q or "", c)) for q, c in zip(queries, countries, strict=True)]
                added = [
                    pa.array(list(values), type=t) for values, t in zip(zip(*rows, strict=True), types, strict=True)
                ]
                if not rows:
                    added = [pa.array([], type=t) for t in types]
                writer.write_batch(pa.RecordBatch.from_arrays([*batch.columns, *added], schema=schema))
            writer.close()


def _texts(values: list[object]) -> list[str | None]:
    return [None if v is None else v if isinstance(v, str) else str(v) for v in values]

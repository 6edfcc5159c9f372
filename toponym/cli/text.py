"""``toponym extract`` and ``toponym normalize``: text in, mentions or rewritten text out."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterable, Iterator, Sequence

import click

from .. import Gazetteer
from ..textio import Input
from . import parallel
from ._internal import perspective_id
from .common import errors_option, index_option, io_errors, load_gazetteer, open_output, output_is_stream_checked
from .formats import RowWriter, chosen_format, format_option
from .work import EXTRACT_COLUMNS, Rewrite, extract_line, extract_one, normalize_one, rewrite_file

progress_option = click.option(
    "--progress/--no-progress", default=True, help="Progress bar on a terminal (never in a pipe)."
)
jobs_option = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Files handled at once, in worker processes (the output keeps the order of the files).",
)


@contextlib.contextmanager
def _inputs(files: Sequence[str]) -> Iterator[list[Input]]:
    """The inputs, closed (spooled copies dropped) when the command ends."""
    if list(files).count("-") > 1:
        raise click.UsageError("'-' (standard input) can be given only once")
    inputs = [Input(name) for name in files]
    try:
        yield inputs
    finally:
        for inp in inputs:
            inp.close()


def _check(inputs: Sequence[Input], *, streams: bool) -> None:
    """Check every input before anything is written (a bad byte anywhere means no output).
    ``streams``: check (and so spool) streams too; else they are read live, unchecked."""
    for inp in inputs:
        with io_errors(inp.name, "read"):
            if streams or not inp.is_stream:
                inp.check()


@click.command()
@click.argument("files", nargs=-1, required=True)
@format_option("Output: text (default: FILE:LINE:COLUMN, ID, text, name), tsv or csv (with a header), jsonl.")
@click.option("--jsonl", "--json", "as_json", is_flag=True, help="Same as --format jsonl.")
@click.option(
    "--demonyms", is_flag=True, help="Read a country's adjective as a mention of it too ('Russian' names Russia)."
)
@jobs_option
@progress_option
@errors_option
@index_option
def extract(
    files: tuple[str, ...],
    fmt: str | None,
    as_json: bool,
    demonyms: bool,
    jobs: int,
    progress: bool,
    errors: str,
    index: str | None,
) -> None:
    """Find place mentions in FILES (- for standard input).

    Plain output is one line per mention: FILE:LINE:COLUMN, ID, the text as written, and the
    place's name, tab-separated (a tab, line break or backslash in a field is escaped as \\t, \\n,
    \\\\). LINE and COLUMN count from 1, in characters (not bytes); --format tsv, csv and jsonl
    also give START and END, 0-based character offsets in the whole input (END exclusive).

    Files are checked first: a byte that is not UTF-8 stops the run with nothing written. A
    stream (standard input, a pipe) is read as it arrives and its mentions are printed as its
    lines come in; a bad byte there stops the run at that line.
    """
    fmt_name = chosen_format(fmt, as_json)
    gz = load_gazetteer(index)
    with _inputs(files) as inputs, open_output(None) as out:
        writer = RowWriter(out, fmt_name, EXTRACT_COLUMNS, extract_line)
        if errors == "strict":
            _check(inputs, streams=jobs > 1 and len(inputs) > 1)
        writer.header()
        if jobs > 1 and len(inputs) > 1:
            parallel.extract_files(inputs, writer, jobs=jobs, errors=errors, index=index, demonyms=demonyms)
            return
        for inp in inputs:
            extract_one(gz, inp, writer, errors=errors, progress=progress, demonyms=demonyms)


@click.command()
@click.argument("files", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (atomically) instead of stdout.")
@click.option("--in-place", is_flag=True, help="Rewrite each FILE atomically; an interruption leaves it intact.")
@click.option(
    "--to",
    type=click.Choice(["name", "id", "annotate"]),
    default="name",
    show_default=True,
    help="Replace each mention by its display name or ID, or annotate it as [[text|id]].",
)
@click.option("--lang", help="Write display names in this language (BCP 47), e.g. ru.")
@click.option("--perspective", help="Write display names as this side uses them (country code, e.g. jp).")
@jobs_option
@progress_option
@errors_option
@index_option
def normalize(
    files: tuple[str, ...],
    output: str | None,
    in_place: bool,
    to: str,
    lang: str | None,
    perspective: str | None,
    jobs: int,
    progress: bool,
    errors: str,
    index: str | None,
) -> None:
    """Rewrite place mentions in FILES (- for standard input), streaming, any size.

    Everything but the mentions is written back byte for byte (line endings, NUL bytes, a BOM).
    -o replaces a regular file atomically, and writes to a FIFO or a device (/dev/null,
    /dev/stdout) as a stream, never replacing it. --in-place rewrites regular files only, each
    atomically and keeping its owner and mode; a file that cannot be rewritten is reported and
    left as it was, the others are still rewritten, and the exit status is then 1.
    """
    if output and in_place:
        raise click.UsageError("give either -o/--output or --in-place, not both")
    if output and len(files) > 1:
        raise click.UsageError("-o/--output takes one input; use --in-place for several files")
    if in_place and "-" in files:
        raise click.UsageError("--in-place needs files, not standard input")
    gz = load_gazetteer(index)
    if perspective and perspective_id(gz, perspective) is None:
        raise click.BadParameter(f"{perspective!r} names no country or side (e.g. jp, ja)", param_hint="--perspective")
    rw = Rewrite(to=to, lang=lang, perspective=perspective, errors=errors)
    with _inputs(files) as inputs:
        if in_place:
            _in_place(gz, inputs, rw, jobs=jobs, progress=progress, index=index)
        else:
            _normalize(gz, inputs, output, rw, jobs=jobs, progress=progress, index=index)


def _normalize(
    gz: Gazetteer,
    inputs: Sequence[Input],
    output: str | None,
    rw: Rewrite,
    *,
    jobs: int,
    progress: bool,
    index: str | None,
) -> None:
    """To standard output, a FIFO or a device (inputs checked first), or a file (atomically)."""
    stream_out = output is None or output_is_stream_checked(output)
    if stream_out and rw.errors == "strict":
        _check(inputs, streams=True)  # a stream cannot be taken back: check first
    with open_output(output) as out:
        if jobs > 1 and len(inputs) > 1:
            parallel.normalize_files(inputs, out, rw, jobs=jobs, index=index)
            return
        for inp in inputs:
            normalize_one(gz, inp, out, rw, progress=progress, live_out=stream_out)


def _in_place(
    gz: Gazetteer, inputs: Sequence[Input], rw: Rewrite, *, jobs: int, progress: bool, index: str | None
) -> None:
    """Rewrite each file; report each one that fails and go on; exit 1 if any failed. Several files
    end with a line naming those rewritten and those left as they were, also when the run is stopped
    (an interrupt, an error that ends it): each file is rewritten whole or not at all."""
    results: Iterable[tuple[bool, str]]
    if jobs > 1 and len(inputs) > 1:
        results = parallel.rewrite_files(inputs, rw, jobs=jobs, index=index)
    else:
        results = (rewrite_file(gz, inp, rw, progress=progress) for inp in inputs)
    done: list[str] = []
    failed: list[str] = []
    try:
        for inp, (ok, message) in zip(inputs, results, strict=True):
            if message:
                click.echo(f"toponym: {message}", err=True)
            (done if ok else failed).append(inp.name)
    except BaseException:
        if len(inputs) > 1:
            rest = [inp.name for inp in inputs[len(done) + len(failed) :]]
            unsure = "each left as it was or rewritten whole"
            click.echo(
                f"toponym: stopped: {_report(done, failed, len(inputs))}; not done ({unsure}): {', '.join(rest)}",
                err=True,
            )
        raise
    if failed:
        if len(inputs) > 1:
            click.echo(f"toponym: {_report(done, failed, len(inputs))}", err=True)
        sys.exit(1)


def _report(done: Sequence[str], failed: Sequence[str], total: int) -> str:
    """``rewrote N of M files: ...; left as they were: ...``."""
    out = f"rewrote {len(done)} of {total} files" + (f": {', '.join(done)}" if done else "")
    return out + (f"; left as they were: {', '.join(failed)}" if failed else "")

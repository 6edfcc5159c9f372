"""The ``toponym`` command group, the index commands (validate, compile, info), and the rule
that no command ends in a Python traceback."""

from __future__ import annotations

import errno
import os
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._version import __version__
from ..build.audit import RULES
from ..checkout import default_index_path
from ..errors import GazetteerError, ToponymError
from ._internal import compiled_bytes, compiled_counts, index_summary
from .common import Failure, describe_os_error, escape, index_option, io_errors, load_gazetteer, open_output
from .common import output_is_stream_checked as _is_stream
from .resolve import resolve
from .text import extract, normalize

if TYPE_CHECKING:
    from ..index import Index


class _Group(click.Group):
    """Every error a command does not turn into a message itself becomes one line and exit status
    1: an operating-system error names its file and what to do; anything else is reported as a
    bug (``TOPONYM_DEBUG=1`` shows the traceback)."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                raise  # the reader went away (| head): click exits quietly
            raise Failure(describe_os_error(exc)) from exc
        except ToponymError as exc:
            raise Failure(str(exc)) from exc
        except Exception as exc:
            if os.environ.get("TOPONYM_DEBUG"):
                traceback.print_exc()
            raise Failure(
                f"internal error: {type(exc).__name__}: {exc}. This is a bug in toponym: please report it "
                "(TOPONYM_DEBUG=1 shows the details)"
            ) from exc


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="toponym")
def main() -> None:
    """Normalise place names in any language and script to stable IDs."""


def _compile(folder: str, base: str | None) -> Index:
    """Read, validate and compile a gazetteer folder (or an overlay on ``base``) in memory;
    problems as file:line, exit 1."""
    from ..build import compile_gazetteer, compile_overlay

    try:
        if base is not None:
            return compile_overlay(_base_index(base), [folder])
        if not Path(folder).is_dir():
            raise click.UsageError(f"{folder} is a file: a gazetteer is a FOLDER (an overlay file needs --base)")
        return compile_gazetteer(folder)
    except GazetteerError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)


def _base_index(base: str) -> Index:
    """The index an overlay goes on: the shipped one, or a compiled index file."""
    return load_gazetteer(None if base == "shipped" else base).index


base_option = click.option(
    "--base",
    metavar="shipped|FILE",
    help="Read SOURCE as an overlay on this compiled index: the shipped one, or an index file (docs/extending.md).",
)


@main.command()
@click.argument("folder", metavar="SOURCE", type=click.Path(exists=True))
@base_option
def validate(folder: str, base: str | None) -> None:
    """Check a gazetteer FOLDER, or with --base an overlay (a TOML file or a folder of them); list
    every problem as file:line (no index is built)."""
    from ..build.overlay import checked_overlay
    from ..build.sources import read_gazetteer
    from ..build.validate import validate as check_all

    try:
        if base is not None:
            overlay = checked_overlay([folder], _base_index(base))
            click.echo(
                f"ok: {len(overlay.places)} new places, names for {len(overlay.aliases)}, {len(overlay.files)} files"
            )
            return
        if not Path(folder).is_dir():
            raise click.UsageError(f"{folder} is a file: a gazetteer is a FOLDER (an overlay file needs --base)")
        sources = read_gazetteer(folder, fold_words=False)
        check_all(sources)
    except GazetteerError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    ids = {p.id for p in sources.generated} | {p.id for p in sources.curated}
    ids -= {s.also for s in sources.policy.same}
    records = sum(len(p.names) for p in (*sources.generated, *sources.curated))
    click.echo(f"ok: {len(ids)} places, {records} name records, {len(sources.files)} files")


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option(
    "--rule", "rules", multiple=True, type=click.Choice(RULES), help="Only decisions of this rule (repeatable)."
)
def audit(folder: str, rules: tuple[str, ...]) -> None:
    """List every decision of the alias audit of a gazetteer FOLDER, as TSV: rule, key, place,
    name, detail. Dropped aliases name their place; ordinary words (no bare answer) do not."""
    from ..build import audit_gazetteer

    try:
        decisions = audit_gazetteer(folder).decisions
    except GazetteerError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    out = sys.stdout
    out.write("rule\tkey\tplace\tname\tdetail\n")
    for d in decisions:
        if not rules or d.rule in rules:
            out.write("\t".join(escape(v or "") for v in (d.rule, d.key, d.place, d.name, d.detail)) + "\n")


@main.command(name="compile")
@click.argument("folder", metavar="SOURCE", type=click.Path(exists=True))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Index file to write.")
@base_option
def compile_command(folder: str, output: str, base: str | None) -> None:
    """Validate and compile a gazetteer FOLDER into an index file; with --base, an overlay (a TOML
    file or a folder of them: your own places and names) on top of a compiled index, in seconds.

    OUTPUT is replaced atomically (a new file under an unpredictable name in its folder, renamed
    over it), so a program reading the old index keeps reading it whole; a FIFO or a device
    (/dev/null) is written as a stream.
    """
    index = _compile(folder, base)
    if not _is_stream(output):
        with io_errors(output, "write"):
            Path(output).parent.mkdir(parents=True, exist_ok=True)
    with open_output(output) as out:
        out.write(compiled_bytes(index))
    counts = compiled_counts(index)
    click.echo(f"wrote {output}: {counts['places']} places, {counts['names']} names, {counts['keys']} keys")


@main.command()
@index_option
def info(index: str | None) -> None:
    """Version, index location, digest and counts."""
    digest, counts, kinds = index_summary(load_gazetteer(index))
    click.echo(f"toponym {__version__}")
    click.echo(f"index: {index or default_index_path()}")
    click.echo(f"digest: {digest}")
    for key, value in counts.items():
        click.echo(f"{key}: {value}")
    click.echo("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


main.add_command(resolve)
main.add_command(extract)
main.add_command(normalize)

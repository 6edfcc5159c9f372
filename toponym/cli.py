"""The ``toponym`` command: a thin click layer over the library."""

from __future__ import annotations

import contextlib
import json
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

import click

from ._version import __version__
from .api import Gazetteer, default_gazetteer, default_index_path
from .errors import GazetteerError, ToponymError
from .model import KINDS, Match
from .textio import Block, TextDecodeError, atomic_output, check_utf8, read_blocks

__all__ = ["main"]

_COUNTRY_KINDS = frozenset({"country", "territory", "former-country"})


def _gazetteer(index: str | None) -> Gazetteer:
    try:
        return Gazetteer.load(index) if index else default_gazetteer()
    except ToponymError as exc:
        raise click.ClickException(str(exc)) from exc


def _queries(names: tuple[str, ...]) -> Iterator[str]:
    for name in names:
        if name == "-":
            for line in sys.stdin:
                line = line.rstrip("\r\n")
                if line.strip():
                    yield line
        else:
            yield name


index_option = click.option(
    "--index", type=click.Path(dir_okay=False), help="Compiled index to use instead of the bundled one."
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="toponym")
def main() -> None:
    """Normalise place names in any language and script to stable IDs."""


@main.command()
@click.argument("names", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line per query.")
@click.option("--all", "show_all", is_flag=True, help="Every candidate, ranked, not just the best.")
@click.option("--lang", help="Language hint (BCP 47), e.g. ja.")
@click.option("--country", help="Country hint (ISO 3166-1 alpha-2), e.g. us.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only places of this kind (repeatable).")
@click.option("--perspective", help="Show names as this side uses them (country code, e.g. jp).")
@index_option
def resolve(
    names: tuple[str, ...],
    as_json: bool,
    show_all: bool,
    lang: str | None,
    country: str | None,
    kinds: tuple[str, ...],
    perspective: str | None,
    index: str | None,
) -> None:
    """Resolve NAMES (use - to read one name per line from stdin)."""
    gz = _gazetteer(index)
    if country:
        try:
            row = gz.index.place_index(gz.index.perspective_alias.get(country.lower(), country.lower()))
        except LookupError:
            row = -1
        if row < 0 or gz.index.place_kind[row] not in _COUNTRY_KINDS:
            raise click.BadParameter(
                f"{country!r} is not a country ID (ISO 3166-1 alpha-2, e.g. us)", param_hint="--country"
            )
    hints = {"lang": lang, "country": country, "kinds": set(kinds) if kinds else None, "perspective": perspective}
    for query in _queries(names):
        if show_all:
            matches = gz.resolver.resolve_all(query, **hints)  # type: ignore[arg-type]
        else:
            best = gz.resolver.resolve(query, **hints)  # type: ignore[arg-type]
            matches = [best] if best else []
        if as_json:
            if not matches:
                click.echo(
                    json.dumps(
                        {"query": query, "id": None, "name": None, "score": None, "method": None}, ensure_ascii=False
                    )
                )
            for m in matches:
                click.echo(json.dumps(_as_dict(gz, m, lang, perspective), ensure_ascii=False))
        else:
            if not matches:
                click.echo(f"{query}\t-\tno match")
            for m in matches:
                shown = gz.resolver.display_name(m, lang=lang, perspective=perspective)
                click.echo(f"{query}\t{m.place.id}\t{shown}\t{m.score:g}\t{m.method}\t{m.matched} [{m.lang}]")


def _as_dict(gz: Gazetteer, m: Match, lang: str | None, perspective: str | None) -> dict[str, object]:
    data = m.to_dict()
    if lang or perspective:
        data["display"] = gz.resolver.display_name(m, lang=lang, perspective=perspective)
    return data


@main.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def validate(folder: str) -> None:
    """Check a gazetteer FOLDER; list every problem as file:line."""
    from .compile import compile_gazetteer

    try:
        index = compile_gazetteer(folder)
    except GazetteerError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    counts = index.counts()
    click.echo(f"ok: {counts['places']} places, {counts['names']} names")


@main.command(name="compile")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False), help="Index file to write.")
def compile_command(folder: str, output: str) -> None:
    """Validate and compile a gazetteer FOLDER into an index file."""
    from .compile import compile_gazetteer

    try:
        index = compile_gazetteer(folder, output)
    except GazetteerError as exc:
        click.echo(str(exc), err=True)
        sys.exit(1)
    except OSError as exc:
        raise click.ClickException(f"cannot write {output}: {exc.strerror or exc}") from exc
    counts = index.counts()
    click.echo(f"wrote {output}: {counts['places']} places, {counts['names']} names, {counts['keys']} keys")


@main.command()
@index_option
def info(index: str | None) -> None:
    """Version, index location, digest and counts."""
    gz = _gazetteer(index)
    idx = gz.index
    kinds: dict[str, int] = {}
    for kind in idx.place_kind:
        kinds[kind] = kinds.get(kind, 0) + 1
    click.echo(f"toponym {__version__}")
    click.echo(f"index: {index or default_index_path()}")
    click.echo(f"digest: {idx.digest}")
    for key, value in idx.counts().items():
        click.echo(f"{key}: {value}")
    click.echo("kinds: " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))


# --- text: extract and normalize ------------------------------------------------------------------

errors_option = click.option(
    "--errors",
    type=click.Choice(["strict", "replace"]),
    default="strict",
    show_default=True,
    help="Undecodable input: stop with an error naming the byte (strict), or decode it as U+FFFD (replace).",
)


def _sources(files: tuple[str, ...]) -> list[tuple[str, Path | None]]:
    """Inputs as (display name, path); stdin is spooled to a temporary file so it can be checked first."""
    out: list[tuple[str, Path | None]] = []
    for name in files:
        out.append((name, None if name == "-" else Path(name)))
    if sum(1 for _, p in out if p is None) > 1:
        raise click.UsageError("'-' (standard input) can be given only once")
    return out


@contextlib.contextmanager
def _spool() -> Iterator[dict[str, BinaryIO]]:
    """Holds standard input copied to a temporary file (it is read twice: checked, then processed)."""
    spool: dict[str, BinaryIO] = {}
    try:
        yield spool
    finally:
        for f in spool.values():
            f.close()


def _open_source(name: str, path: Path | None, spool: dict[str, BinaryIO]) -> BinaryIO:
    if path is None:
        if "-" not in spool:
            # closed by _spool(): read once to check it, once to process it
            tmp = tempfile.TemporaryFile()  # noqa: SIM115
            shutil.copyfileobj(sys.stdin.buffer, tmp, 1 << 20)
            spool["-"] = tmp
        f = spool["-"]
        f.seek(0)
        return f
    try:
        return path.open("rb")
    except OSError as exc:
        raise click.ClickException(f"{name}: {exc.strerror}") from exc


def _check_all(sources: list[tuple[str, Path | None]], spool: dict[str, BinaryIO], errors: str) -> None:
    """Validate every input before anything is written (a bad byte anywhere means no output)."""
    if errors != "strict":
        return
    for name, path in sources:
        f = _open_source(name, path, spool)
        try:
            check_utf8(f, name)
        except TextDecodeError as exc:
            click.echo(f"toponym: {exc}", err=True)
            sys.exit(1)
        finally:
            if path is not None:
                f.close()


def _blocks(name: str, f: BinaryIO, path: Path | None, errors: str, show: bool) -> Iterator[Block]:
    """Blocks of one input, with a progress bar on stderr when it is a terminal and the size is known."""
    total = path.stat().st_size if path is not None and path.is_file() else 0
    if not (show and total and sys.stderr.isatty()):
        yield from read_blocks(f, name, errors=errors)
        return
    with click.progressbar(length=total, label=name, file=sys.stderr) as bar:
        done = 0
        for block in read_blocks(f, name, errors=errors):
            yield block
            now = f.tell()
            bar.update(now - done)
            done = now


@main.command()
@click.argument("files", nargs=-1, required=True)
@click.option(
    "--jsonl", is_flag=True, help="One JSON object per mention (file, line, column, start, end, text, id, ...)."
)
@click.option("--progress/--no-progress", default=True, help="Progress bar on a terminal (never in a pipe).")
@errors_option
@index_option
def extract(files: tuple[str, ...], jsonl: bool, progress: bool, errors: str, index: str | None) -> None:
    """Find place mentions in FILES (- for standard input).

    Plain output is one line per mention: FILE:LINE:COLUMN, ID, the text as written, and the
    place's name. Offsets count characters (not bytes); START/END in --jsonl are offsets in the file.
    """
    gz = _gazetteer(index)
    sources = _sources(files)
    with _spool() as spool:
        _check_all(sources, spool, errors)
        _extract_all(gz, sources, spool, jsonl, progress, errors)


def _extract_all(
    gz: Gazetteer,
    sources: list[tuple[str, Path | None]],
    spool: dict[str, BinaryIO],
    jsonl: bool,
    progress: bool,
    errors: str,
) -> None:
    out = sys.stdout.buffer  # UTF-8 whatever the locale says
    for name, path in sources:
        f = _open_source(name, path, spool)
        try:
            for block in _blocks(name, f, path, errors, progress):
                text = block.text
                for m in gz.extract(text):
                    before = text.count("\n", 0, m.start)
                    line = block.line + before
                    col = m.start - (text.rfind("\n", 0, m.start) + 1) + (0 if before else block.column)
                    if jsonl:
                        record = {
                            "file": name,
                            "line": line,
                            "column": col,
                            "start": block.offset + m.start,
                            "end": block.offset + m.end,
                            "text": m.text,
                            "id": m.place.id,
                            "name": m.place.name,
                            "kind": m.place.kind,
                            "score": m.score,
                            "method": m.method,
                        }
                        row = json.dumps(record, ensure_ascii=False) + "\n"
                    else:
                        row = f"{name}:{line}:{col}\t{m.place.id}\t{m.text}\t{m.place.name}\n"
                    out.write(row.encode("utf-8", "surrogatepass"))
        except TextDecodeError as exc:  # only when the input changed after it was checked
            raise click.ClickException(str(exc)) from exc
        finally:
            if path is not None:
                f.close()
    out.flush()


@main.command()
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
@click.option("--progress/--no-progress", default=True, help="Progress bar on a terminal (never in a pipe).")
@errors_option
@index_option
def normalize(
    files: tuple[str, ...],
    output: str | None,
    in_place: bool,
    to: str,
    lang: str | None,
    perspective: str | None,
    progress: bool,
    errors: str,
    index: str | None,
) -> None:
    """Rewrite place mentions in FILES (- for standard input), streaming, any size.

    Everything but the mentions is written back byte for byte (line endings, NUL bytes, a BOM).
    """
    if output and in_place:
        raise click.UsageError("give either -o/--output or --in-place, not both")
    if output and len(files) > 1:
        raise click.UsageError("-o/--output takes one input; use --in-place for several files")
    if in_place and "-" in files:
        raise click.UsageError("--in-place needs files, not standard input")
    gz = _gazetteer(index)
    sources = _sources(files)
    with _spool() as spool:
        _normalize_all(gz, sources, spool, output, in_place, to, lang, perspective, progress, errors)


def _normalize_all(
    gz: Gazetteer,
    sources: list[tuple[str, Path | None]],
    spool: dict[str, BinaryIO],
    output: str | None,
    in_place: bool,
    to: str,
    lang: str | None,
    perspective: str | None,
    progress: bool,
    errors: str,
) -> None:
    if not in_place and not output:
        _check_all(sources, spool, errors)  # stdout cannot be taken back: check first

    def run(name: str, path: Path | None, sink: BinaryIO) -> None:
        f = _open_source(name, path, spool)
        try:
            for block in _blocks(name, f, path, errors, progress):
                text = block.text
                new = gz.rewrite(text, gz.extract(text), to=to, lang=lang, perspective=perspective)
                sink.write(new.encode("utf-8", "surrogatepass"))
        finally:
            if path is not None:
                f.close()

    try:
        if in_place:
            _check_all(sources, spool, errors)
            for name, path in sources:
                assert path is not None
                with atomic_output(path) as sink:
                    run(name, path, sink)
        elif output:
            name, path = sources[0]
            with atomic_output(output) as sink:
                run(name, path, sink)
        else:
            stdout = sys.stdout.buffer
            for name, path in sources:
                run(name, path, stdout)
            stdout.flush()
    except TextDecodeError as exc:
        click.echo(f"toponym: {exc}", err=True)
        sys.exit(1)


if __name__ == "__main__":  # pragma: no cover
    main()

"""The ``toponym`` command: a thin click layer over the library."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator

import click

from ._version import __version__
from .api import Gazetteer, default_gazetteer, default_index_path
from .errors import GazetteerError, ToponymError
from .model import KINDS, Match

__all__ = ["main"]


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


if __name__ == "__main__":  # pragma: no cover
    main()

"""``toponym resolve``: names from the command line, standard input, or a column of a table."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Mapping

import click

from ..errors import TextDecodeError
from ..model import KINDS
from ..textio import Input, LiveLines
from . import table
from ._internal import country_id, perspective_id
from .common import EXIT_MISSING, Failure, errors_option, escape, index_option, io_errors, load_gazetteer, open_output
from .formats import RowWriter, chosen_format, format_option
from .rows import COLUMNS, Answers

_NO_MATCH = {
    "no-match": "no match",
    "ambiguous": "ambiguous",
    "stopped": "stopped",
    "invalid": "invalid",
    "empty": "empty",
}


def _text_line(row: Mapping[str, object]) -> str:
    """The human line: query, ID, name, score, method, matched [lang]; or query, -, why not (and,
    for an ambiguous name, the candidates: ``id name (parent, country)``, separated by ``; ``)."""
    query = escape(str(row["query"]))
    if row.get("id") is None:
        tied = f"\t{escape(str(row['candidates']))}" if row.get("candidates") else ""
        return f"{query}\t-\t{_NO_MATCH[str(row['status'])]}{tied}"
    fields = (row["id"], row["name"], f"{row['score']:g}", row["method"], f"{row['matched']} [{row['lang']}]")
    return "\t".join([query, *(escape(str(f)) for f in fields)])


def _lines(stream: Input, errors: str, pause: Callable[[], None]) -> Iterator[str]:
    """Lines of a stream, each without its line ending; a blank line is an (empty) row too.
    ``pause`` is called whenever the writer of the stream pauses (to flush the answers so far)."""
    with io_errors(stream.name, "read"), stream.open() as (f, _live):
        reader = LiveLines(f)
        number = fed = 0
        while raw := reader.readline():
            number += 1
            try:
                line = raw.decode("utf-8", errors)
            except UnicodeDecodeError as exc:
                bad = TextDecodeError(
                    stream.name,
                    number,
                    fed + exc.start,
                    raw[exc.start],
                    b"\0" in raw,
                    "the run stopped at that line",
                )
                raise Failure(str(bad)) from exc
            fed += len(raw)
            yield line.removesuffix("\n").removesuffix("\r")
            if reader.idle:
                pause()


def _queries(names: tuple[str, ...], errors: str, pause: Callable[[], None]) -> Iterator[str]:
    for name in names:
        if name == "-":
            yield from _lines(Input("-"), errors, pause)
        else:
            yield name


HELP = """Resolve NAMES to place IDs, one output row per name.

\b
Sources of names:
  NAMES...                  given here; - reads one name per line from standard input
  --csv FILE --column NAME  a column of a CSV table (- for standard input)
  --parquet FILE --column NAME
Every input row gives exactly one output row (with --all: one per candidate, at least one), blank
lines and empty cells included, in input order. A table is written back whole, header, rows and
quoting as they were, with the columns toponym_id, toponym_name, toponym_kind, toponym_score,
toponym_method and toponym_status appended. -o writes to a file instead of standard output.

\b
Status of a row (column status, or toponym_status):
  matched    the best place was found
  ambiguous  several candidates, none dominant (listed): try --all, or a hint
  stopped    candidates exist, but the name is an ordinary word or a stop rule
             declines it on purpose: give a hint (--country, --kind)
  no-match   no place has that name
  invalid    not a name (longer than 256 characters)
  empty      nothing to look up

\b
Exit status: 0 when it ran (whatever matched), 1 on a bad index, bad input or a file that
cannot be read or written, 2 on a usage error, and 3 with --fail-on-missing when some name got
no match, was ambiguous or stopped (every row is still written).
"""


@click.command(help=HELP)
@click.argument("names", nargs=-1)
@format_option("Output: text (default; tab-separated, fields escaped), tsv or csv (with a header), jsonl.")
@click.option("--json", "--jsonl", "as_json", is_flag=True, help="Same as --format jsonl.")
@click.option("--all", "show_all", is_flag=True, help="Every candidate, ranked, not just the best.")
@click.option("--lang", help="Language hint (BCP 47), e.g. ja.")
@click.option("--country", help="Country hint: an ISO 3166-1 code (us, USA, 840), an ID or a name.")
@click.option("--kind", "kinds", multiple=True, type=click.Choice(KINDS), help="Only places of this kind (repeatable).")
@click.option("--perspective", help="Show names as this side uses them (a country, e.g. jp, or ja).")
@click.option("--demonyms", is_flag=True, help="Read a demonym as its place (Russian: Russia).")
@click.option("--csv", "csv_file", metavar="FILE", help="Resolve a column of this CSV table.")
@click.option("--parquet", "parquet_file", metavar="FILE", help="Resolve a column of this Parquet table.")
@click.option("--column", metavar="NAME", help="The table's column of names.")
@click.option("--country-column", metavar="NAME", help="A column of country codes, a hint for each row.")
@click.option("--delimiter", default=",", show_default=True, help="Field separator of the CSV table.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of standard output.")
@click.option("--fail-on-missing", is_flag=True, help="Exit with status 3 if some name was left unresolved.")
@errors_option
@index_option
def resolve(
    names: tuple[str, ...],
    fmt: str | None,
    as_json: bool,
    show_all: bool,
    lang: str | None,
    country: str | None,
    kinds: tuple[str, ...],
    perspective: str | None,
    demonyms: bool,
    csv_file: str | None,
    parquet_file: str | None,
    column: str | None,
    country_column: str | None,
    delimiter: str,
    output: str | None,
    fail_on_missing: bool,
    errors: str,
    index: str | None,
) -> None:
    source = csv_file or parquet_file
    fmt_name = chosen_format(fmt, as_json)
    _check_usage(names, source, csv_file, parquet_file, column, country_column, delimiter, fmt, as_json, show_all)
    gz = load_gazetteer(index)
    if country and country_id(gz, country) is None:
        raise click.BadParameter(
            f"{country!r} names no country: give an ISO 3166-1 code (us, USA, 840), a country's ID or its name",
            param_hint="--country",
        )
    if perspective and perspective_id(gz, perspective) is None:
        raise click.BadParameter(f"{perspective!r} names no country or side (e.g. jp, ja)", param_hint="--perspective")
    answers = Answers(
        gz, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms, show_all=show_all
    )
    if csv_file:
        options = {"column": column or "", "country_column": country_column, "answers": answers}
        with Input(csv_file) as inp:
            table.resolve_csv(inp, output, delimiter=delimiter, errors=errors, **options)  # type: ignore[arg-type]
    elif parquet_file:
        with Input(parquet_file) as inp:
            table.resolve_parquet(inp, output, column=column or "", country_column=country_column, answers=answers)
    else:
        _resolve_names(names, answers, fmt_name, output, errors)
    if fail_on_missing and answers.unresolved:
        click.echo(f"toponym: {answers.unresolved} name(s) unresolved", err=True)
        sys.exit(EXIT_MISSING)


def _check_usage(
    names: tuple[str, ...],
    source: str | None,
    csv_file: str | None,
    parquet_file: str | None,
    column: str | None,
    country_column: str | None,
    delimiter: str,
    fmt: str | None,
    as_json: bool,
    show_all: bool,
) -> None:
    if csv_file and parquet_file:
        raise click.UsageError("give --csv or --parquet, not both")
    if source is None:
        if not names:
            raise click.UsageError("give NAMES, - for standard input, or --csv/--parquet FILE --column NAME")
        if column or country_column:
            raise click.UsageError("--column and --country-column go with --csv or --parquet")
        if names.count("-") > 1:
            raise click.UsageError("'-' (standard input) can be given only once")
        return
    if names:
        raise click.UsageError("give NAMES or a table (--csv/--parquet), not both")
    if not column:
        raise click.UsageError("a table needs --column NAME: the column of names to resolve")
    if fmt or as_json or show_all:
        raise click.UsageError("a table is written back in its own format, one row per row: drop --format/--json/--all")
    if len(delimiter) != 1:
        raise click.BadParameter("one character, e.g. ';' or a tab", param_hint="--delimiter")


def _resolve_names(names: tuple[str, ...], answers: Answers, fmt: str, output: str | None, errors: str) -> None:
    with open_output(output) as out:
        writer = RowWriter(out, fmt, COLUMNS, _text_line)
        writer.header()
        for query in _queries(names, errors, writer.flush):
            answer = answers(query)
            for row in answers.records(answer) if fmt == "jsonl" else answers.rows(answer):
                writer.write(row)

"""``-j N``: several files at once in worker processes; what they write keeps the order of the files.

Each worker opens the index once (memory-mapped, so the workers share its pages) and writes each
file's output to a temporary file; the main process copies those out in input order. A stream
among the inputs (standard input, a pipe) is first copied to a file there, since only the main
process can read it. Processes are started with ``spawn``: the same on every platform, and safe
whatever threads the main process has.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

import click

from .. import Gazetteer
from ..errors import TextDecodeError
from ..textio import Input
from .common import Failure, Output, io_errors, load_gazetteer
from .formats import RowWriter, Sink
from .work import EXTRACT_COLUMNS, Rewrite, extract_line, extract_one, normalize_one, rewrite_file

_T = TypeVar("_T")
_gz: Gazetteer | None = None


def _start(index: str | None) -> None:
    global _gz
    _gz = load_gazetteer(index)


def _gazetteer() -> Gazetteer:
    assert _gz is not None, "worker started without its index"
    return _gz


def _to_file(folder: str, write: Callable[[Output], None]) -> tuple[str | None, str]:
    """Run ``write`` into a new file in ``folder``: (its path, "") or (None, the error)."""
    fd, path = tempfile.mkstemp(dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw:
            write(Output(raw, path))
    except (TextDecodeError, Failure) as exc:
        return None, exc.format_message() if isinstance(exc, Failure) else str(exc)
    return path, ""


def _extract_job(task: tuple[str, str, str, str, str, bool]) -> tuple[str | None, str]:
    name, path, fmt, errors, folder, demonyms = task

    def write(out: Output) -> None:
        writer = RowWriter(out, fmt, EXTRACT_COLUMNS, extract_line)
        extract_one(_gazetteer(), Input(name, path), writer, errors=errors, progress=False, demonyms=demonyms)

    return _to_file(folder, write)


def _normalize_job(task: tuple[str, str, Rewrite, str]) -> tuple[str | None, str]:
    name, path, rw, folder = task
    return _to_file(
        folder, lambda out: normalize_one(_gazetteer(), Input(name, path), out, rw, progress=False, live_out=False)
    )


def _rewrite_job(task: tuple[str, str, Rewrite]) -> tuple[bool, str]:
    name, path, rw = task
    return rewrite_file(_gazetteer(), Input(name, path), rw, progress=False)


def _ordered(
    job: Callable[[_T], tuple[str | None, str]], tasks: Sequence[_T], jobs: int, index: str | None
) -> Iterator[tuple[str | None, str]]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(tasks)), mp_context=context, initializer=_start, initargs=(index,)
    ) as pool:
        yield from pool.map(job, tasks)


def _paths(inputs: Sequence[Input], folder: str) -> list[tuple[str, str]]:
    """(name, path) of each input; a stream is copied to ``folder`` first (workers cannot read it)."""
    out = []
    for i, inp in enumerate(inputs):
        if inp.path is not None and not inp.is_stream:
            out.append((inp.name, inp.path))
            continue
        copy = os.path.join(folder, f"input-{i}")
        with io_errors(inp.name, "read"), inp.open() as (f, _live), open(copy, "wb") as dst:
            shutil.copyfileobj(f, dst, 1 << 20)
        out.append((inp.name, copy))
    return out


def _copy_out(results: Iterator[tuple[str | None, str]], out: Sink, strict: bool) -> None:
    """Copy each file's output in order. ``strict``: all or nothing (a bad input means no output)."""
    if strict:
        done = list(results)
        problems = [message for path, message in done if path is None]
        for message in problems[:-1]:
            click.echo(f"toponym: {message}", err=True)
        if problems:
            raise Failure(problems[-1])
        results = iter(done)
    for path, message in results:
        if path is None:
            raise Failure(message)
        with open(path, "rb") as f:
            while chunk := f.read(1 << 20):
                out.write(chunk)
        os.unlink(path)


def extract_files(
    inputs: Sequence[Input], writer: RowWriter, *, jobs: int, errors: str, index: str | None, demonyms: bool = False
) -> None:
    with tempfile.TemporaryDirectory(prefix="toponym-") as folder:
        tasks = [(name, path, writer.fmt, errors, folder, demonyms) for name, path in _paths(inputs, folder)]
        writer.flush()  # the header, before the rows the workers wrote
        _copy_out(_ordered(_extract_job, tasks, jobs, index), writer.out, errors == "strict")


def normalize_files(inputs: Sequence[Input], out: Output, rw: Rewrite, *, jobs: int, index: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="toponym-") as folder:
        tasks = [(name, path, rw, folder) for name, path in _paths(inputs, folder)]
        _copy_out(_ordered(_normalize_job, tasks, jobs, index), out, rw.errors == "strict")


def rewrite_files(inputs: Sequence[Input], rw: Rewrite, *, jobs: int, index: str | None) -> list[tuple[bool, str]]:
    tasks = [(inp.name, inp.path or inp.name, rw) for inp in inputs]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(tasks)), mp_context=context, initializer=_start, initargs=(index,)
    ) as pool:
        return list(pool.map(_rewrite_job, tasks))

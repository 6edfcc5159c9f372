"""Damaged and forged index files (tests/hostile.py): refused with IndexFormatError, or answered
as the intact index answers; never a hang, never another error, never an allocation the file
does not justify. Runs on whichever implementation this process uses (CI runs both)."""

from __future__ import annotations

import contextlib
import signal
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from toponym import Gazetteer
from toponym.build import compile_gazetteer
from toponym.errors import IndexFormatError
from toponym.index import Index

from ..conftest import FIXTURE
from ..hostile import damaged, forged, text_damage

QUERIES = ("Kunashiri", "Kunashir", "Kunashirr", "Shikotan", "Iturup", "Kurils", "Japan", "ru", "Etorofu", "Ostrov")
TEXT = "Talks on Kunashiri and Iturup, then Shikotan; Japan and Russia."
#: Peak bytes a refused index may make the loader allocate, beside its own size.
SLACK = 1 << 16


@pytest.fixture(scope="module")
def intact() -> bytes:
    return compile_gazetteer(FIXTURE).to_bytes()


def answers(gz: Gazetteer) -> list[object]:
    """What a gazetteer answers to a fixed set of calls, as plain values."""
    out: list[object] = []
    for q in QUERIES:
        m = gz.resolve(q)
        out.append(None if m is None else (m.place.id, m.method, m.matched))
        out.append([(m.place.id, m.score) for m in gz.resolve_all(q)])
        out.append(gz.lookup(q).status)
    out.append([(m.start, m.end, m.place.id) for m in gz.extract(TEXT)])
    out.append(gz.normalize_text(TEXT, to="id"))
    out.append([(p.id, p.parent, p.country, p.population) for p in gz.places()])
    out.append(gz.get("kunashir").names)
    return out


@contextlib.contextmanager
def deadline(seconds: int, what: str) -> Iterator[None]:
    """Fail instead of hanging (an alarm interrupts a loop in Python code)."""

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what}: still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def open_measured(data: bytes) -> tuple[Index | IndexFormatError, int]:
    """The index over ``data`` or the error refusing it, and the peak bytes allocated meanwhile."""
    tracemalloc.start()
    try:
        return Index(data, source="damaged"), tracemalloc.get_traced_memory()[1]
    except IndexFormatError as exc:
        return exc, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_damage_corpus_is_refused_or_answered_as_intact(intact: bytes) -> None:
    expected = answers(Gazetteer(Index(intact)))
    corpus = damaged(intact)
    assert len(corpus) >= 126
    wrong, refused, loaded = [], 0, 0
    for what, data in corpus:
        with deadline(20, what):
            found, peak = open_measured(data)
            if isinstance(found, IndexFormatError):
                refused += 1
                assert "rebuild it" in str(found) or "not a toponym index" in str(found), what
                assert peak <= len(data) + SLACK, f"{what}: {peak} bytes allocated"
                continue
            loaded += 1
            if answers(Gazetteer(found)) != expected:
                wrong.append(what)
    assert wrong == [], wrong
    assert refused >= len(corpus) - 2  # only a flip in a byte nothing reads may load


def test_forged_indexes_are_refused_or_answer_without_other_errors(intact: bytes) -> None:
    corpus = forged(intact)
    assert len(corpus) >= 100
    failures = []
    for what, data in corpus:
        with deadline(20, what):
            found, peak = open_measured(data)
            if isinstance(found, IndexFormatError):
                assert peak <= len(data) + SLACK, f"{what}: {peak} bytes allocated"
                continue
            try:
                answers(Gazetteer(found))
            except Exception as exc:
                failures.append(f"{what}: {type(exc).__name__}: {exc}")
    assert failures == [], failures


def test_a_text_lexicon_that_disagrees_with_itself_is_refused(intact: bytes) -> None:
    corpus = text_damage(intact)
    assert len(corpus) >= 12
    loaded = []
    for what, data in corpus:
        with deadline(20, what):
            found, peak = open_measured(data)
            if not isinstance(found, IndexFormatError):
                loaded.append(what)
                continue
            assert "rebuild it" in str(found), what
            assert peak <= len(data) + SLACK, f"{what}: {peak} bytes allocated"
    assert loaded == []


@pytest.mark.parametrize("cut", [0, 5, 100, -1])
def test_a_truncated_file_is_refused_on_load(intact: bytes, tmp_path: Path, cut: int) -> None:
    path = tmp_path / "index.bin"
    path.write_bytes(intact[:cut])
    with pytest.raises(IndexFormatError, match=r"rebuild it|not a toponym index"):
        Index.load(path)


def test_a_folder_or_a_missing_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IndexFormatError, match="cannot read index"):
        Index.load(tmp_path)
    with pytest.raises(IndexFormatError, match="cannot read index"):
        Index.load(tmp_path / "missing.bin")

"""Threads: the module-level functions keep answering while another thread clears the caches."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import toponym
from toponym.build import compile_gazetteer

from ..conftest import FIXTURE

#: One call of each public function, as a thread runs them in turn.
CALLS: tuple[Callable[[], object], ...] = (
    lambda: toponym.resolve("Kunashiri"),
    lambda: toponym.resolve_all("Shikotan"),
    lambda: toponym.lookup("Kurils"),
    lambda: toponym.get("kunashir"),
    lambda: toponym.convert("Japan", to="id"),
    lambda: toponym.extract("Talks on Kunashiri and Shikotan."),
    lambda: toponym.normalize_text("Talks on Kunashiri.", to="id"),
    lambda: toponym.resolve_many(["Kunashiri", "Iturup", "nowhere"]),
)


@pytest.fixture
def small_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The default instance over the fixture gazetteer (it reloads in a millisecond), with threads
    switched every microsecond so that races show."""
    path = tmp_path / "index.bin"
    compile_gazetteer(FIXTURE, path)
    monkeypatch.setenv("TOPONYM_INDEX", str(path))
    toponym.clear_caches()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    yield
    sys.setswitchinterval(interval)
    toponym.clear_caches()


def hammer(threads: int, calls: int, clear_every: float) -> tuple[int, list[str]]:
    """``threads`` threads calling every public function until ``calls`` calls are done in all,
    while one more clears the caches every ``clear_every`` seconds: (calls made, errors)."""
    done = [0] * threads
    errors: list[str] = []
    stop = threading.Event()
    expected = toponym.resolve("Kunashiri")

    def work(slot: int) -> None:
        i = 0
        while not stop.is_set() and sum(done) < calls:
            try:
                result = CALLS[i % len(CALLS)]()
                if i % len(CALLS) == 0 and result != expected:
                    errors.append(f"resolve answered {result!r}")
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            i += 1
            done[slot] += 1

    def clear() -> None:
        while not stop.wait(clear_every):
            toponym.clear_caches()

    workers = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    clearer = threading.Thread(target=clear)
    clearer.start()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    stop.set()
    clearer.join()
    return sum(done), errors


@pytest.mark.usefixtures("small_default")
def test_clear_caches_under_eight_threads_fails_no_call() -> None:
    start = time.perf_counter()
    calls, errors = hammer(threads=8, calls=100_000, clear_every=0.05)
    assert calls >= 100_000
    assert errors == [], errors[:5]
    assert time.perf_counter() - start < 120


@pytest.mark.usefixtures("small_default")
def test_default_gazetteer_never_returns_none_while_cleared() -> None:
    stop = threading.Event()
    seen: list[object] = []

    def clear() -> None:
        while not stop.is_set():
            toponym.clear_caches()

    clearer = threading.Thread(target=clear)
    clearer.start()
    try:
        for _ in range(20_000):
            seen.append(toponym.default_gazetteer())
    finally:
        stop.set()
        clearer.join()
    assert all(isinstance(gz, toponym.Gazetteer) for gz in seen)

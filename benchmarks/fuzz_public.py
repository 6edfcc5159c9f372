"""Fuzz every public function that takes strings, on both implementations, and compare them.

    python benchmarks/fuzz_public.py [--count 100000] [--seed 14] [--impl c,python] [--thread-calls 100000]
        [--functions extract,resolve]

Each implementation (``TOPONYM_IMPLEMENTATION``) runs in its own process over the same generated
inputs, ``--count`` per function: random strings over the characters that decide words, marks,
joiners, selectors and scripts; names the shipped index stores, re-cased, mistyped, with a
combining mark, a joiner or an emoji glued on; sentences of such names among words; IDs and
codes, real and mangled. Checked for every input:

* no exception but the documented ones (``UnknownPlaceError`` from ``get``, ``ancestors``,
  ``children``; nothing from the others);
* ``extract``: spans inside the text, in order, not overlapping, ``text[start:end]`` as the
  mention says, and no span that starts or ends inside a grapheme cluster (before a combining
  mark, joiner or selector);
* ``resolve`` asked twice answers alike; a score is in (0, 100]; ``normalize_text`` leaves a text
  without mentions as it is;
* and C and Python give the same answer to every input (compared by a digest of each answer).

Then ``--thread-calls`` calls of the public functions from 8 threads while a ninth calls
``clear_caches()`` every 50 ms, on the shipped index: errors counted. Prints counts; exits 1 when
anything failed. Not a timed test: run it by hand (it takes minutes).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from typing import Any

#: Characters that decide word starts and ends, separators, apostrophes, marks and scripts.
ALPHABET = (
    "AaZzÄäßΣσЖжʼǅ" "ابب" "日本国後島カナ한국ไทย" "0_ \t\n\r\u00a0-.,;:/'’()…—"
    "\u0301\u0308\u200d\u200c\ufe0f\ufe0e" "😀👍🏽🇯🇵𠀋𝐀"
)  # fmt: skip
GLUE = ["\u0301", "\u0308", "\u200d", "\ufe0f", "\u200d😀", "👍🏽", "🇯🇵", "’s", "'", ".", "-", ""]
FILLER = ["the", "in", "and", "of", "talks", "on", "в", "и", "は", "と", "de", "la", "It", "The", "New"]


def _extends(ch: str) -> bool:
    from toponym.extractor.chars import extends

    return extends(ord(ch))


class Inputs:
    """The generated inputs (deterministic for a seed, the same in every process)."""

    def __init__(self, seed: int) -> None:
        from toponym import default_gazetteer

        index = default_gazetteer().index
        rng = random.Random(seed)
        keys = index.keys.text
        self.names = [keys[rng.randrange(len(keys))] for _ in range(20_000)]
        ids = index.places.ids
        self.ids = [ids[rng.randrange(len(ids))] for _ in range(5_000)]
        self.seed = seed

    def _name(self, rng: random.Random) -> str:
        name = rng.choice(self.names)
        case = rng.random()
        name = name.title() if case < 0.5 else name.upper() if case < 0.6 else name
        if rng.random() < 0.2 and len(name) > 2:
            k = rng.randrange(len(name))
            name = name[:k] + rng.choice("aeiouxq") + name[k + 1 :]
        if rng.random() < 0.3:
            name += rng.choice(GLUE)
        return name

    def _random(self, rng: random.Random, size: int) -> str:
        return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(size)))

    def name(self, i: int) -> str:
        rng = random.Random(self.seed * 1_000_003 + i)
        r = rng.random()
        if r < 0.3:
            return self._random(rng, 30)
        if r < 0.9:
            return self._name(rng)
        return " ".join(self._name(rng) for _ in range(rng.randint(2, 3)))

    def text(self, i: int) -> str:
        rng = random.Random(self.seed * 2_000_003 + i)
        parts = []
        for _ in range(rng.randint(1, 14)):
            r = rng.random()
            parts.append(self._name(rng) if r < 0.35 else self._random(rng, 8) if r < 0.55 else rng.choice(FILLER))
            parts.append(rng.choice([" ", " ", ", ", ". ", "\n", "", rng.choice(GLUE) + " "]))
        return "".join(parts)

    def code(self, i: int) -> str:
        rng = random.Random(self.seed * 3_000_003 + i)
        r = rng.random()
        if r < 0.5:
            return rng.choice(self.ids)
        if r < 0.8:
            code = rng.choice(self.ids)
            return code.upper() if r < 0.6 else code + rng.choice(GLUE)
        return self._random(rng, 12)


def digest(value: Any) -> Any:
    """A plain, comparable form of an answer."""
    from toponym import Match, Mention, Outcome, Place

    if isinstance(value, Match):
        return ["M", value.place.id, round(value.score, 6), value.method, value.matched]
    if isinstance(value, Mention):
        return ["T", value.start, value.end, value.text, digest(value.match)]
    if isinstance(value, Outcome):
        return ["O", value.status, digest(value.match), [digest(c) for c in value.candidates]]
    if isinstance(value, Place):
        return ["P", value.id]
    if isinstance(value, list | tuple):
        return [digest(v) for v in value]
    return value


def check_spans(text: str, found: list[Any]) -> str | None:
    last = 0
    for m in found:
        if not (last <= m.start < m.end <= len(text)) or text[m.start : m.end] != m.text:
            return f"span {m.start}:{m.end} {m.text!r}"
        if m.end < len(text) and _extends(text[m.end]):
            return f"span {m.start}:{m.end} ends before a mark or joiner"
        if _extends(text[m.start]):  # (a joiner before a letter ends its cluster: UAX #29, GB11)
            return f"span {m.start}:{m.end} starts inside a cluster"
        last = m.end
    return None


def functions(inputs: Inputs) -> dict[str, tuple[Callable[[int], str], Callable[[str], tuple[Any, str | None]]]]:
    """Each function's input maker and call (the answer, and a broken invariant or ``None``)."""
    import toponym

    def resolve(q: str) -> tuple[Any, str | None]:
        a, b = toponym.resolve(q), toponym.resolve(q)
        if a != b:
            return a, "two answers"
        return a, None if a is None or 0 < a.score <= 100 else f"score {a.score}"

    def resolve_all(q: str) -> tuple[Any, str | None]:
        found = toponym.resolve_all(q)
        return found, None if all(0 < m.score <= 100 for m in found) else "a score out of range"

    def extract(t: str) -> tuple[Any, str | None]:
        found = toponym.extract(t)
        return found, check_spans(t, found)

    def extract_many(t: str) -> tuple[Any, str | None]:
        rows = [t, t[::-1], t.upper()]
        found = toponym.extract_many(rows)
        return found, next((p for r, f in zip(rows, found, strict=True) if (p := check_spans(r, f))), None)

    def normalize_text(t: str) -> tuple[Any, str | None]:
        out = toponym.normalize_text(t, to="id")
        return out, None if toponym.extract(t) or out == t else "a text without mentions changed"

    def plain(f: Callable[[str], Any]) -> Callable[[str], tuple[Any, str | None]]:
        return lambda q: (f(q), None)

    return {
        "resolve": (inputs.name, resolve),
        "resolve_all": (inputs.name, resolve_all),
        "resolve_many": (inputs.name, plain(lambda q: toponym.resolve_many([q, q.lower(), q + " x"]))),
        "lookup": (inputs.name, plain(toponym.lookup)),
        "convert": (inputs.name, plain(lambda q: toponym.convert(q, to="id"))),
        "normalize_name": (inputs.name, plain(toponym.normalize_name)),
        "get": (inputs.code, plain(toponym.get)),
        "ancestors": (inputs.code, plain(toponym.ancestors)),
        "children": (inputs.code, plain(toponym.children)),
        "extract": (inputs.text, extract),
        "extract_many": (inputs.text, extract_many),
        "normalize_text": (inputs.text, normalize_text),
    }


DOCUMENTED = {"get": ("UnknownPlaceError",), "ancestors": ("UnknownPlaceError",), "children": ("UnknownPlaceError",)}


def run_worker(count: int, seed: int, out: str, only: list[str]) -> None:
    inputs = Inputs(seed)
    report: dict[str, Any] = {}
    for name, (make, call) in functions(inputs).items():
        if only and name not in only:
            continue
        t = time.perf_counter()
        hashes: list[str] = []
        errors: dict[str, int] = {}
        problems: list[str] = []
        nproblems = 0
        for i in range(count):
            q = make(i)
            try:
                answer, broken = call(q)
                value = digest(answer)
            except Exception as exc:  # counted: only the documented ones are allowed
                kind = type(exc).__name__
                errors[kind] = errors.get(kind, 0) + 1
                value, broken = ["E", kind], None if kind in DOCUMENTED.get(name, ()) else f"{kind}: {exc}"
            if broken is not None:
                nproblems += 1
                if len(problems) < 5:
                    problems.append(f"{q!r}: {broken}")
            hashes.append(hashlib.blake2b(repr(value).encode(), digest_size=8).hexdigest())
        report[name] = {
            "count": count,
            "errors": errors,
            "problems": nproblems,
            "examples": problems,
            "seconds": time.perf_counter() - t,
            "hashes": hashes,
        }
        print(f"    {name}: {count:,} inputs in {report[name]['seconds']:.0f} s", file=sys.stderr, flush=True)
    with open(out, "w", encoding="utf-8") as f:
        json.dump(report, f)


def run_threads(calls: int) -> tuple[int, int, list[str]]:
    """8 threads calling the public functions, ``clear_caches()`` every 50 ms: (calls, errors, examples)."""
    import toponym

    work_calls: tuple[Callable[[], object], ...] = (
        lambda: toponym.resolve("Kunashiri"),
        lambda: toponym.resolve_all("Georgia"),
        lambda: toponym.lookup("Springfield"),
        lambda: toponym.get("ru"),
        lambda: toponym.convert("Japan", to="id"),
        lambda: toponym.extract("Talks in Москве and Paris, then Kunashiri; 東京都で."),
        lambda: toponym.normalize_text("Talks on Kunashiri and Reading, Berkshire.", to="id"),
        lambda: toponym.resolve_many(["Kunashiri", "Iturup", "nowhere"]),
    )
    expected = [digest(f()) for f in work_calls]
    done = [0] * 8
    errors: list[str] = []
    stop = threading.Event()

    def work(slot: int) -> None:
        i = slot
        while sum(done) < calls:
            k = i % len(work_calls)
            try:
                if digest(work_calls[k]()) != expected[k]:
                    errors.append(f"call {k} answered differently")
            except Exception as exc:
                errors.append(f"{type(exc).__name__}: {exc}")
            i += 1
            done[slot] += 1

    def clear() -> None:
        while not stop.wait(0.05):
            toponym.clear_caches()

    clearer = threading.Thread(target=clear)
    clearer.start()
    workers = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    stop.set()
    clearer.join()
    return sum(done), len(errors), errors[:5]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=14)
    parser.add_argument("--impl", default="c,python")
    parser.add_argument("--thread-calls", type=int, default=100_000)
    parser.add_argument("--functions", default="", help="a comma-separated subset (default: all)")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--threads-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        run_worker(args.count, args.seed, args.worker, [f for f in args.functions.split(",") if f])
        return 0
    if args.threads_only:
        calls, nerrors, examples = run_threads(args.thread_calls)
        print(json.dumps({"calls": calls, "errors": nerrors, "examples": examples}))
        return 0
    impls = args.impl.split(",")
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        procs = {}
        for impl in impls:  # the implementations run side by side
            env = {**os.environ, "TOPONYM_IMPLEMENTATION": impl}
            out = os.path.join(tmp, f"{impl}.json")
            cmd = [sys.executable, __file__, "--worker", out, "--count", str(args.count), "--seed", str(args.seed),
                   "--functions", args.functions]  # fmt: skip
            procs[impl] = (subprocess.Popen(cmd, env=env), out)
        reports = {}
        for impl, (proc, out) in procs.items():
            if proc.wait() != 0:
                print(f"{impl}: the worker failed ({proc.returncode})")
                return 1
            with open(out, encoding="utf-8") as f:
                reports[impl] = json.load(f)
    for impl, report in reports.items():
        print(f"{impl}:")
        for name, r in report.items():
            errs = ", ".join(f"{k} {v:,}" for k, v in sorted(r["errors"].items())) or "none"
            print(
                f"  {name:15} {r['count']:>9,} inputs  {r['seconds']:6.0f} s  errors: {errs}  violations: {r['problems']}"
            )
            for example in r["examples"]:
                print(f"      {example}")
            failed = failed or bool(r["problems"])
    if len(reports) == 2:
        a, b = (reports[i] for i in impls)
        for name in a:
            diff = [i for i, (x, y) in enumerate(zip(a[name]["hashes"], b[name]["hashes"], strict=True)) if x != y]
            print(f"  {name:15} C and Python differ on {len(diff)} of {len(a[name]['hashes']):,} inputs {diff[:5]}")
            failed = failed or bool(diff)
    for impl in impls:
        env = {**os.environ, "TOPONYM_IMPLEMENTATION": impl}
        cmd = [sys.executable, __file__, "--threads-only", "--thread-calls", str(args.thread_calls)]
        t = time.perf_counter()
        found = json.loads(subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout)
        print(f"{impl}: 8 threads, clear_caches() every 50 ms: {found['calls']:,} calls in "
              f"{time.perf_counter() - t:.0f} s, {found['errors']} errors {found['examples']}")  # fmt: skip
        failed = failed or bool(found["errors"])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

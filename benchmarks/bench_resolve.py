"""Resolver speed and memory on the full shipped index, beside a plain-dict baseline in the same run.

    python benchmarks/bench_resolve.py [--index FILE] [--repeat 5] [--wheel]

Figures (medians of ``--repeat`` runs):

* import → first answer, in a fresh interpreter;
* exact resolve of stored names never asked before (no memo help) and of a realistic stream in
  which names repeat (Zipf), beside ``dict.get`` on casefolded names over the same queries;
* resolve of the same names in another case (``moscow``, ``MOSCOW``): spellings that are not
  stored and must be normalised first;
* fuzzy resolve of 1–2-edit typos of names of 6+ characters, never asked before;
* a realistic mix: country names in ~150 languages from the index plus strings absent from it
  (dictionary words, garbled names), each asked once;
* peak RSS of a process that loads the index and runs every workload above;
* with ``--wheel``: the size of the built wheel.

The hot paths run in C when ``toponym._speedups`` is built (the first line of output says which);
``TOPONYM_PURE_PYTHON=1`` measures the pure-Python paths instead.
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toponym import Gazetteer, _accel, default_gazetteer  # noqa: E402
from toponym.checkout import default_index_path  # noqa: E402
from toponym.normalize import fold_key, normalize_name, translit_key  # noqa: E402

ALPHABET = "abcdefghijklmnopqrstuvwxyz"


def rate(fn: Callable[[str], object], queries: Sequence[str], repeat: int, before: Callable[[], None]) -> float:
    """Median queries per second over ``repeat`` runs; ``before`` resets state between runs."""
    rates = []
    for _ in range(repeat):
        before()
        t = time.perf_counter()
        for q in queries:
            fn(q)
        rates.append(len(queries) / (time.perf_counter() - t))
    return statistics.median(rates)


def typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(len(word))
    op = rng.choice("sdit")
    ch = rng.choice(ALPHABET)
    if op == "t" and i + 1 < len(word):
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if op == "d":
        return word[:i] + word[i + 1 :]
    if op == "i":
        return word[:i] + ch + word[i:]
    return word[:i] + ch + word[i + 1 :]


def first_answer_seconds(index: str | None, repeat: int) -> float:
    env_setup = f"import os; os.environ['TOPONYM_INDEX'] = {index!r}; " if index else ""
    code = (
        "import time; t = time.perf_counter(); "
        + env_setup
        + "import toponym; m = toponym.resolve('Kunashiri'); assert m is not None; "
        "print(time.perf_counter() - t)"
    )
    runs = [float(subprocess.check_output([sys.executable, "-c", code], cwd=ROOT, text=True)) for _ in range(repeat)]
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", help="compiled index (default: the bundled one)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--n", type=int, default=20_000, help="queries per exact workload")
    ap.add_argument("--wheel", action="store_true", help="also build the wheel and report its size")
    args = ap.parse_args()

    gz = Gazetteer.load(args.index) if args.index else default_gazetteer()
    idx = gz.index
    resolver = gz.resolver
    rng = random.Random(20261123)
    n_names = len(idx.names)

    # the baseline: what a hand-rolled table would do with the same names
    t = time.perf_counter()
    table = {idx.names.text[i].casefold(): idx.places.ids[idx.names.place[i]] for i in range(n_names)}
    build_dict = time.perf_counter() - t

    distinct = list(dict.fromkeys(idx.names.text[rng.randrange(n_names)] for _ in range(args.n * 2)))[: args.n]
    recased = [q.lower() if q != q.lower() else q.upper() for q in distinct]
    zipf_pool = distinct[:2000]
    weights = [1 / (r + 1) for r in range(len(zipf_pool))]
    stream = rng.choices(zipf_pool, weights=weights, k=args.n * 5)

    latin = [w for w in distinct if len(w) >= 6 and normalize_name(w).replace(" ", "").isalpha() and w.isascii()]
    typos: list[str] = []
    for w in latin:
        q = typo(w, rng)
        if rng.random() < 0.5:
            q = typo(q, rng)
        if normalize_name(q) not in idx.keys:
            typos.append(q)
        if len(typos) >= 2000:
            break

    # ~150 languages of country names, plus as many strings absent from the index
    countries = {i for i, k in enumerate(idx.places.kind) if k == "country"}
    by_lang: dict[str, list[str]] = {}
    for i in range(n_names):
        if idx.names.place[i] in countries:
            for tag in idx.names.tags(i):
                by_lang.setdefault(tag, []).append(idx.names.text[i])
    langs = sorted((t for t in by_lang if t != "und"), key=lambda t: -len(by_lang[t]))[:150]
    present = [rng.choice(by_lang[t]) for t in langs for _ in range(20)]
    words = [w for w in (ROOT / "gazetteer" / "words" / "en.txt").read_text().split() if w.isalpha()]
    absent = [rng.choice(words).title() for _ in range(len(present) // 2)]
    absent += ["".join(rng.choice(ALPHABET) for _ in range(rng.randint(6, 14))) for _ in range(len(present) // 2)]
    mix = present + absent
    rng.shuffle(mix)

    def cold() -> None:  # forget every memo: the resolver's answers and the key functions' caches
        resolver.clear_cache()
        for fn in (normalize_name, fold_key, translit_key):
            fn.cache_clear()

    def nothing() -> None:
        return None

    # The harness's own data (the baseline dict, the query lists) is frozen out of the garbage
    # collector: collections that the resolver's allocations trigger then walk what a program
    # using toponym holds, not half a million benchmark strings in lists.
    gc.collect()
    gc.freeze()

    results: list[tuple[str, float, str]] = []
    base_exact = rate(lambda q: table.get(q.casefold()), distinct, args.repeat, nothing)
    results.append(("dict.get baseline, distinct names", base_exact, "1.00x"))
    r = rate(resolver.resolve, distinct, args.repeat, cold)
    results.append(("exact resolve, distinct names, cold memo", r, f"{r / base_exact:.2f}x"))
    r = rate(resolver.resolve, recased, args.repeat, cold)
    results.append(("resolve, the same names recased, cold memo", r, f"{r / base_exact:.2f}x"))
    base_stream = rate(lambda q: table.get(q.casefold()), stream, args.repeat, nothing)
    results.append(("dict.get baseline, Zipf stream", base_stream, "1.00x"))
    r = rate(resolver.resolve, stream, args.repeat, cold)
    results.append(("exact resolve, Zipf stream (memo reset per run)", r, f"{r / base_stream:.2f}x"))
    resolver.resolve(typos[0])  # the first fuzzy query pays for decoding the fuzzy key list once
    r = rate(resolver.resolve, typos, args.repeat, cold)
    results.append((f"fuzzy resolve, {len(typos)} typos, cold memo", r, f"{r / base_exact:.4f}x"))
    answered = sum(1 for q in mix if resolver.resolve(q) is not None)
    r = rate(resolver.resolve, mix, args.repeat, cold)
    results.append((f"realistic mix ({len(langs)} languages, {len(absent)} absent), cold", r, f"{r / base_exact:.3f}x"))

    print("hot paths:", "C (toponym._speedups)" if _accel.IMPLEMENTATION == "c" else "pure Python")
    print(f"index: {args.index or default_index_path()}  ({len(idx)} places, {n_names} names, {len(idx.keys)} keys)")
    print(f"baseline dict of {len(table)} casefolded names built in {build_dict:.2f} s")
    print(f"{'workload':58} {'per second':>12} {'vs dict':>9}")
    for label, value, ratio in results:
        print(f"{label:58} {value:12,.0f} {ratio:>9}")
    print(
        f"mix answered: {answered}/{len(mix)} (absent strings answered: "
        f"{sum(1 for q in absent if resolver.resolve(q) is not None)}/{len(absent)})"
    )
    print(
        f"import -> first answer (fresh interpreter, median of {args.repeat}): "
        f"{first_answer_seconds(args.index, args.repeat):.3f} s"
    )
    print(
        f"peak RSS of this process (index + all workloads + baseline dict): "
        f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
    )
    rss_code = (
        "import sys, random; sys.path.insert(0, '.');"
        + (f"import os; os.environ['TOPONYM_INDEX'] = {args.index!r};" if args.index else "")
        + "import toponym; g = toponym.default_gazetteer(); idx = g.index; rng = random.Random(1);"
        "qs = [idx.names.text[rng.randrange(len(idx.names))] for _ in range(50000)];"
        "[g.resolve(q) for q in qs]; [g.resolve(q[:-1] + 'x') for q in qs[:3000]];"
        # VmHWM, not ru_maxrss: on Linux a child's ru_maxrss starts from its parent's at fork
        "print(next(int(l.split()[1]) for l in open('/proc/self/status') if l.startswith('VmHWM')) / 1024)"
    )
    rss = float(subprocess.check_output([sys.executable, "-c", rss_code], cwd=ROOT, text=True))
    print(f"peak RSS of a user process (load, 50,000 exact + 3,000 fuzzy queries): {rss:.0f} MB")
    if args.wheel:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", tmp, str(ROOT)], check=True)
            wheel = next(Path(tmp).glob("*.whl"))
            print(f"wheel: {wheel.name} {wheel.stat().st_size / 2**20:.1f} MB")


if __name__ == "__main__":
    main()

"""Memory of long extraction runs: a million distinct short texts, and one huge string.

    python benchmarks/bench_memory.py [--texts 1000000] [--mb 50] [--impl c,python] [--python-texts 100000]

Each case runs in a fresh process per implementation (``TOPONYM_IMPLEMENTATION``) and prints the
resident set size (RSS, from ``/proc/self/status``):

* **distinct texts**: ``--texts`` generated sentences, none repeated, each with invented
  capitalised words (which fill the extractor's memories as unseen words do) beside real place
  names; RSS after loading, at each tenth of the run, the peak, and the plateau (the highest RSS
  over the second half of the run: what a long run settles at). The pure-Python path runs
  ``--python-texts`` texts (it is slower), as the output says.
* **one string**: real English news (the shared data folder's ``corpora/abc_*.txt``, as
  ``bench_extract``; else ``tests/data/prose_en.txt`` with ``tests/data/gold/news_en.txt``) repeated
  to ``--mb`` megabytes, then one ``extract`` call: RSS before the text, with it, and the peak.

Figures, not a test: the machine is shared, so compare runs made together.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLACES = ["Paris", "Berlin", "Kunashiri", "Georgia", "Atlanta", "New York", "Москве", "Reading", "Springfield",
          "Sydney", "Bosnia and Herzegovina", "北京", "Lagos", "Lima", "St. Petersburg", "Nice, France"]  # fmt: skip
SYLLABLES = ["ka", "ro", "mi", "sen", "dor", "vel", "an", "tu", "ish", "gar", "lo", "pe", "quin", "zu", "ber"]


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def invented(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def stored_names(rng: random.Random, count: int) -> list[str]:
    """``count`` names the index stores, in title case (each a distinct query to remember)."""
    from toponym import default_gazetteer

    keys = default_gazetteer().index.keys.text
    return [keys[rng.randrange(len(keys))].title() for _ in range(count)]


def texts(count: int, seed: int = 0) -> list[str]:
    """``count`` distinct sentences (a counter makes each one unique): invented words, common
    places, and names drawn from the whole index, as a long run over varied text meets them."""
    rng = random.Random(seed)
    stored = stored_names(rng, count)
    out = []
    for i in range(count):
        out.append(
            f"{invented(rng)} {invented(rng)} met officials in {rng.choice(PLACES)} on day {i}; "
            f"talks with {invented(rng)} of {stored[i]} went on in {rng.choice(stored)}."
        )
    return out


def distinct(count: int) -> None:
    import toponym

    toponym.extract("Paris and Berlin")
    loaded = rss_mb()
    batch = texts(count)
    made = rss_mb()
    marks: list[float] = []
    mentions = 0
    t = time.perf_counter()
    step = max(1, count // 10)
    for i, text in enumerate(batch, 1):
        mentions += len(toponym.extract(text))
        if i % step == 0:
            marks.append(rss_mb())
    elapsed = time.perf_counter() - t
    plateau = max(marks[len(marks) // 2 :]) if marks else rss_mb()
    print(
        f"  {count:,} distinct texts: {mentions:,} mentions in {elapsed:.0f} s ({elapsed / count * 1e6:.0f} µs a text)"
    )
    print(f"  RSS loaded {loaded:.0f} MB, with the texts {made:.0f} MB; at each tenth: "
          + " ".join(f"{m:.0f}" for m in marks))  # fmt: skip
    print(f"  peak {peak_mb():.0f} MB, plateau {plateau:.0f} MB ({plateau - made:+.0f} MB over the loaded texts)")


def news() -> str:
    data = ROOT.parent / "shared" / "data" / "corpora"
    paths = sorted(data.glob("abc_*.txt"))
    if paths:
        return "".join(p.read_text(encoding="utf-8") for p in paths)
    prose = (ROOT / "tests" / "data" / "prose_en.txt").read_text(encoding="utf-8")
    gold = (ROOT / "tests" / "data" / "gold" / "news_en.txt").read_text(encoding="utf-8")
    return prose + "\n\n" + re.sub(r"\[\[([^|\]]+)\|[a-z0-9-]+\]\]", r"\1", gold)


def one_string(mb: float) -> None:
    import toponym

    toponym.extract("Paris and Berlin")
    loaded = rss_mb()
    src = news()
    text = src * max(1, int(mb * 1e6 // len(src)))
    del src
    made = rss_mb()
    t = time.perf_counter()
    found = toponym.extract(text)
    elapsed = time.perf_counter() - t
    print(f"  one string of {len(text) / 1e6:.1f} M characters: {len(found):,} mentions in {elapsed:.1f} s")
    print(f"  RSS loaded {loaded:.0f} MB, with the string {made:.0f} MB, peak {peak_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--texts", type=int, default=1_000_000)
    parser.add_argument("--python-texts", type=int, default=100_000)
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--impl", default="c,python")
    parser.add_argument("--case", choices=["distinct", "string"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.case == "distinct":
        distinct(args.texts)
        return
    if args.case == "string":
        one_string(args.mb)
        return
    for impl in args.impl.split(","):
        env = {**os.environ, "TOPONYM_IMPLEMENTATION": impl}
        count = args.texts if impl == "c" else min(args.texts, args.python_texts)
        for case, extra in (("distinct", ["--texts", str(count)]), ("string", ["--mb", str(args.mb)])):
            print(f"{impl}: {case}", flush=True)
            subprocess.run([sys.executable, __file__, "--case", case, *extra], env=env, check=True)


if __name__ == "__main__":
    main()

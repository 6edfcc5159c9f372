"""Extraction speed of toponym beside text peers, on the same English text, in one run.

    python benchmarks/bench_extract.py [--runs 3] [--data DIR] [--mb 5] [--no-peers] [--index FILE]

The text is real English news that does not repeat: ``corpora/abc_*.txt`` of the shared data folder
(``../shared/data`` beside the checkout, or ``--data``; not part of the repository), one ``extract``
call per paragraph. Without it the run says so and falls back to ``tests/data/prose_en.txt``
repeated to ``--mb`` megabytes with ``tests/data/gold/news_en.txt`` mixed in every 100 KB.

The headline is the **first pass**: a fresh default gazetteer (no memory of any text) over every
paragraph once, median of ``--runs`` fresh gazetteers; the lookup tables built on first use are
timed apart, and the second pass (the same paragraphs again: the memo's speed) is printed beside it.

Peers run in a throwaway virtual environment (``$TOPONYM_BENCH_VENV``, default
``/tmp/toponym-bench-venv``) where this script installs them with pip the first time, on the same
paragraphs: geotext (regex over capitalised words + 23 k city names) and flashtext (a keyword trie,
given geotext's own city and country names as keywords); they keep no memory, so every pass is a
first pass.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PEERS = ("geotext==0.4.0", "flashtext==2.7")

PEER_SCRIPT = r"""
import json, statistics, sys, time
path, runs = sys.argv[1], int(sys.argv[2])
paragraphs = json.load(open(path, encoding="utf-8"))
size = sum(len(p.encode("utf-8")) for p in paragraphs)
out = {}
from geotext import GeoText
from geotext.geotext import build_index
GeoText("Paris")
times, found = [], 0
for _ in range(runs):
    t = time.perf_counter()
    found = 0
    for p in paragraphs:
        g = GeoText(p); found += len(g.cities) + len(g.countries)
    times.append(time.perf_counter() - t)
out["geotext"] = {"mb_s": size / statistics.median(times) / 1e6, "mentions": found}
from flashtext import KeywordProcessor
index = build_index()
kp = KeywordProcessor(case_sensitive=True)
for table in (index.cities, index.countries):
    for key in table:
        kp.add_keyword(key.title())
times = []
for _ in range(runs):
    t = time.perf_counter(); found = sum(len(kp.extract_keywords(p)) for p in paragraphs); times.append(time.perf_counter() - t)
out["flashtext"] = {"mb_s": size / statistics.median(times) / 1e6, "mentions": found}
print(json.dumps(out))
"""


def corpus(megabytes: float) -> str:
    prose = (ROOT / "tests" / "data" / "prose_en.txt").read_text(encoding="utf-8")
    news = (ROOT / "tests" / "data" / "gold" / "news_en.txt").read_text(encoding="utf-8")
    news = re.sub(r"\[\[([^|\]]+)\|[a-z0-9-]+\]\]", r"\1", news)  # keep the text as written
    out: list[str] = []
    size = 0
    target = int(megabytes * 1e6)
    step = 100_000
    while size < target:
        for start in range(0, len(prose), step):
            piece = prose[start : start + step] + "\n\n" + news + "\n\n"
            out.append(piece)
            size += len(piece.encode("utf-8"))
            if size >= target:
                break
    return "".join(out)


def real_text(data: Path) -> list[str] | None:
    """The paragraphs of the shared English news corpora, or ``None`` when they are absent."""
    files = sorted((data / "corpora").glob("abc_*.txt"))
    if not files:
        return None
    out: list[str] = []
    for f in files:
        out += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    return out


def bench_toponym(paragraphs: list[str], runs: int, index: str | None) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    import toponym
    from toponym import Gazetteer

    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    loads, tables, firsts, seconds = [], [], [], []
    found = 0
    for _ in range(runs):
        toponym.clear_caches()
        t = time.perf_counter()
        gz = Gazetteer.load(index) if index else toponym.default_gazetteer()
        loads.append(time.perf_counter() - t)
        t = time.perf_counter()
        gz.extract("Xyzzy Qwerty")  # builds the lookup tables
        tables.append(time.perf_counter() - t)
        t = time.perf_counter()
        found = sum(len(gz.extract(p)) for p in paragraphs)
        firsts.append(time.perf_counter() - t)
        t = time.perf_counter()
        for p in paragraphs:
            gz.extract(p)
        seconds.append(time.perf_counter() - t)
    return {
        "load_s": statistics.median(loads),
        "tables_s": statistics.median(tables),
        "mb_s": size / statistics.median(firsts) / 1e6,
        "second_mb_s": size / statistics.median(seconds) / 1e6,
        "mentions": found,
    }


def peer_python() -> Path:
    venv = Path(os.environ.get("TOPONYM_BENCH_VENV", Path(tempfile.gettempdir()) / "toponym-bench-venv"))
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEERS], check=True)
    return python


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--index", help="compiled index (default: the bundled one)")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    paragraphs = real_text(args.data)
    if paragraphs is None:
        print(f"no corpora/abc_*.txt in {args.data}: falling back to repeated test prose (not a user's first pass)")
        paragraphs = corpus(args.mb).split("\n\n")
    size = sum(len(p.encode("utf-8")) for p in paragraphs)
    words = sum(len(p.split()) for p in paragraphs)
    print(f"text: {size / 1e6:.1f} MB ({words:,} words, {len(paragraphs):,} paragraphs); median of {args.runs} runs")
    ours = bench_toponym(paragraphs, args.runs, args.index)
    rows = [("toponym, first pass", ours["mb_s"], ours["mentions"])]
    print(
        f"toponym: index load {ours['load_s']:.2f} s, lookup tables {ours['tables_s']:.2f} s, "
        f"second pass {ours['second_mb_s']:.1f} MB/s (the memo's speed on text it has seen)"
    )
    if not args.no_peers:
        with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
            json.dump(paragraphs, f)
        try:
            out = subprocess.run(
                [str(peer_python()), "-c", PEER_SCRIPT, f.name, str(args.runs)],
                check=True,
                capture_output=True,
                text=True,
            ).stdout
        finally:
            os.unlink(f.name)
        for name, result in json.loads(out).items():
            rows.append((name, result["mb_s"], result["mentions"]))
    base = rows[0][1]
    print(f"{'extractor':<24}{'MB/s':>8}{'vs toponym':>12}{'mentions':>10}")
    for name, mb_s, mentions in rows:
        print(f"{name:<24}{mb_s:>8.1f}{mb_s / base:>11.2f}x{mentions:>10,}")


if __name__ == "__main__":
    main()

"""Extraction speed of toponym beside text peers, on the same English text, in one run.

    python benchmarks/bench_extract.py [--runs 7] [--mb 5] [--no-peers] [--index FILE]

The text is ``tests/data/prose_en.txt`` (English technical prose, no place names) repeated to
``--mb`` megabytes, with ``tests/data/gold/news_en.txt`` mixed in every 100 KB so that there are
mentions to link. toponym runs on the full default index (or ``--index``); the lookup tables it
builds on first use are timed apart, so is its first run (which resolves each name once), and the
figure is the **median** of the following runs.

Peers run in a throwaway virtual environment (``$TOPONYM_BENCH_VENV``, default
``/tmp/toponym-bench-venv``) where this script installs them with pip the first time:
geotext (regex over capitalised words + 23 k city names) and flashtext (a keyword trie, given
geotext's own city and country names as keywords). Figures are medians of the same number of runs.
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
text = open(path, encoding="utf-8").read()
size = len(text.encode("utf-8"))
out = {}
from geotext import GeoText
from geotext.geotext import build_index
GeoText(text[:1000])
times = []
for _ in range(runs):
    t = time.perf_counter(); g = GeoText(text); times.append(time.perf_counter() - t)
out["geotext"] = {"mb_s": size / statistics.median(times) / 1e6, "mentions": len(g.cities) + len(g.countries)}
from flashtext import KeywordProcessor
index = build_index()
kp = KeywordProcessor(case_sensitive=True)
for table in (index.cities, index.countries):
    for key in table:
        kp.add_keyword(key.title())
times = []
for _ in range(runs):
    t = time.perf_counter(); found = kp.extract_keywords(text); times.append(time.perf_counter() - t)
out["flashtext"] = {"mb_s": size / statistics.median(times) / 1e6, "mentions": len(found)}
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


def bench_toponym(text: str, runs: int, index: str | None) -> dict[str, float]:
    sys.path.insert(0, str(ROOT))
    from toponym import Gazetteer, default_gazetteer

    t = time.perf_counter()
    gz = Gazetteer.load(index) if index else default_gazetteer()
    load = time.perf_counter() - t
    size = len(text.encode("utf-8"))
    t = time.perf_counter()
    gz.extractor.tables  # noqa: B018 - the lookup tables, built on first use
    tables = time.perf_counter() - t
    t = time.perf_counter()
    first = gz.extract(text)
    cold = time.perf_counter() - t
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        found = gz.extract(text)
        times.append(time.perf_counter() - t)
    assert len(found) == len(first)
    return {
        "load_s": load,
        "tables_s": tables,
        "cold_mb_s": size / cold / 1e6,
        "mb_s": size / statistics.median(times) / 1e6,
        "mentions": len(found),
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
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--mb", type=float, default=5.0)
    parser.add_argument("--index", help="compiled index (default: the bundled one)")
    parser.add_argument("--no-peers", action="store_true")
    args = parser.parse_args()
    text = corpus(args.mb)
    size = len(text.encode("utf-8"))
    print(f"text: {size / 1e6:.1f} MB of English ({len(text.split()):,} words); median of {args.runs} runs")
    ours = bench_toponym(text, args.runs, args.index)
    rows = [("toponym (full index)", ours["mb_s"], ours["mentions"])]
    print(
        f"toponym: index load {ours['load_s']:.2f} s, lookup tables {ours['tables_s']:.2f} s, "
        f"first run {ours['cold_mb_s']:.1f} MB/s (resolving each name once)"
    )
    if not args.no_peers:
        with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
            f.write(text)
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

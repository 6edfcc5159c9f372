"""How long an overlay takes to compile on the shipped index, beside a full build of the gazetteer.

    python benchmarks/bench_overlay.py [--runs 3] [--full] [OVERLAY ...]

By default the overlay of tests/data/overlay/harbours.toml (a place under a shipped parent and two
names for a shipped island). ``--full`` also times a full build of gazetteer/ (minutes), which an
overlay never runs: it reuses the compiled index. Wall and CPU seconds are printed: on a machine
whose cores other processes share, CPU time tells the work from the waiting.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import toponym  # noqa: E402
from toponym.build import compile_gazetteer, compile_overlay  # noqa: E402


def timed(label: str, fn: object) -> None:
    wall, cpu = time.perf_counter(), time.process_time()
    fn()  # type: ignore[operator]
    print(f"{label:<44} {time.perf_counter() - wall:7.2f} s wall {time.process_time() - cpu:7.2f} s CPU", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("overlay", nargs="*", default=[str(ROOT / "tests" / "data" / "overlay" / "harbours.toml")])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="also time a full build of gazetteer/")
    args = parser.parse_args()
    base = toponym.default_gazetteer().index
    print(f"base: {len(base):,} places, {len(base.names):,} names, {len(base.keys):,} keys")
    for run in range(args.runs):
        timed(f"overlay {', '.join(Path(p).name for p in args.overlay)} (run {run + 1})",
              lambda: compile_overlay(base, args.overlay))  # fmt: skip
    if args.full:
        timed("full build of gazetteer/", lambda: compile_gazetteer(ROOT / "gazetteer"))


if __name__ == "__main__":
    main()

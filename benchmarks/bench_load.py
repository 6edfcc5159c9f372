"""Time to open the shipped index (checksums and structure checks included), beside a base.

    python benchmarks/bench_load.py [--index FILE] [--repeat 15]
        [--base CHECKOUT --base-index FILE]

Each run is a fresh interpreter (the file in the page cache, as after any earlier use): it
imports toponym, then times ``Index.load`` and the first ``resolve`` on the opened index. Runs
alternate, so that a busy machine slows all alike, between this checkout as it is, this checkout
with the checksums skipped (the loader's checksum function replaced by one that agrees with any
stored value: the cost of the checksums, measured in the same run), and, with ``--base``, another
checkout's code (e.g. ``git archive <commit>``, with the C module copied in, and an index that
code compiled). Prints the median of each in milliseconds, and the ratios.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import json, sys, time
from toponym import Gazetteer
from toponym.index import Index
if sys.argv[2] == "unchecked":
    import toponym.index.format as fmt

    class Agrees:
        def __ne__(self, other):
            return False

    fmt.checksum = lambda data: Agrees()
t0 = time.perf_counter()
index = Index.load(sys.argv[1])
t1 = time.perf_counter()
Gazetteer(index).resolve("Kunashiri")
t2 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "first": t2 - t0}))
"""


def run(code_root: Path, index: Path, mode: str = "checked") -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(code_root)}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(index), mode],
        env=env,
        cwd=code_root,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--index", type=Path, default=ROOT / "toponym" / "_data" / "index.bin")
    parser.add_argument("--base", type=Path, help="a checkout of the code to compare with")
    parser.add_argument("--base-index", type=Path, help="an index that the base code reads")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    if (args.base is None) != (args.base_index is None):
        parser.error("give --base and --base-index together")
    size = args.index.stat().st_size
    print(f"index: {args.index} ({size / 1e6:.1f} MB); {args.repeat} fresh interpreters each")
    runs: dict[str, list[dict[str, float]]] = {"this": [], "unchecked": [], "base": []}
    run(ROOT, args.index)  # the file into the page cache
    if args.base:
        run(args.base, args.base_index)
    for _ in range(args.repeat):
        runs["this"].append(run(ROOT, args.index))
        runs["unchecked"].append(run(ROOT, args.index, "unchecked"))
        if args.base:
            runs["base"].append(run(args.base, args.base_index))
    for what in ("load", "first"):
        this, unchecked = (statistics.median(r[what] for r in runs[k]) * 1000 for k in ("this", "unchecked"))
        line = f"{what:>5}: this {this:7.1f} ms   without checksums {unchecked:7.1f} ms (checksums {this - unchecked:+.1f} ms)"
        if args.base:
            base = statistics.median(r[what] for r in runs["base"]) * 1000
            line += f"   base {base:7.1f} ms   ratio {this / base:.3f}"
        print(line)


if __name__ == "__main__":
    main()

"""Extraction on real text: span and link scores and first-pass speed, per language, beside geotext.

    python benchmarks/bench_text.py [--data DIR] [--langs en,ru,...] [--runs 3] [--index FILE]
                                    [--baseline CHECKOUT] [--no-geotext] [--json OUT] [--documents N]

The data are hand-annotated corpora that are *not* part of the repository (research-use licences):
``ner-dev/<lang>.jsonl`` (place spans in several languages), ``linking-dev/tr-news.jsonl`` (English
news linked to GeoNames), looked for in ``../shared/data`` beside the checkout (``--data``). A
missing folder or file is skipped, and the run says so.

Per language it prints strict and overlap span precision, recall and F1 (a strict hit has exactly
the gold bounds; an overlapping one shares a character with a gold span), and the speed of the
first pass: a fresh extractor (no memory of earlier text) over every text of the file, one
``extract`` call per text, median of ``--runs`` fresh extractors; the lookup tables built on first
use are timed apart. The second pass is the same extractor over the same texts again. On
linking-dev it also prints linked accuracy (exact spans whose place is the gold one) and linked
precision, recall and F1 (a mention counts when its span is exact and its place right), and a
second row with ``extract(..., demonyms=True)``: TR-News marks a country's adjective ("Russian")
as a mention of the country, which that option reads so (the CoNLL sets of ner-dev do not).
With ``--documents N``, a row more scores every N consecutive lines read as one document
(``extract_many(..., documents=...)``): most lines of the sets are sentences beside their article's.

geotext (English only, if importable: ``pip install geotext``) runs on the English files in the
same run, its spans found with its own regex. ``--baseline`` runs the same measurements on another
checkout of toponym (its source folder; its index must be compiled), interleaved with this one, and
prints same-run ratios. Each side runs in its own process.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
LANGS = ("en", "es", "nl", "de", "ru", "ja", "zh", "ar", "fr")
LINKING = "linking"
#: A place is right when its GeoNames ID is the gold one; a country or first-level unit without
#: one is right when it is the gold link's country at that level; any other place without one (a
#: curated landmark or feature: GeoNames files an airport, a street, a stadium apart) when it lies
#: in the gold link's country within ``NEAR_KM`` of its point (:func:`at_gold_point`; error
#: distance is how geoparsing is judged, this only far stricter than the field's 161 km).
COUNTRY_KINDS = ("country", "territory", "former-country")
NEAR_KM = 5.0


def at_gold_point(place: Any, link: dict[str, Any]) -> bool:
    """Does ``place`` lie within :data:`NEAR_KM` of the gold ``link``'s point (great-circle)? The
    callers ask about its country."""
    lat, lon = link.get("lat"), link.get("lon")
    if place.lat is None or lat is None or lon is None:
        return False
    dlat, dlon = math.radians(lat - place.lat), math.radians(lon - place.lon)
    h = (
        math.sin(dlat / 2) ** 2
        + math.cos(math.radians(lat)) * math.cos(math.radians(place.lat)) * math.sin(dlon / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h)) <= NEAR_KM


def read_docs(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def spans_scores(gold: list[list[tuple[int, int]]], pred: list[set[tuple[int, int]]]) -> dict[str, float]:
    """Strict and overlap P/R/F1 over documents, as the corpora's ``score.py`` counts them."""
    n_pred = n_gold = sp = sr = op = orr = 0
    for g, p in zip(gold, pred, strict=True):
        gs = set(g)
        n_pred += len(p)
        n_gold += len(gs)
        sp += len(p & gs)
        sr += len(gs & p)
        op += sum(any(a < d and c < b for c, d in gs) for a, b in p)
        orr += sum(any(a < d and c < b for a, b in p) for c, d in gs)
    out: dict[str, float] = {"gold": n_gold, "pred": n_pred}
    for name, tp_p, tp_r in (("strict", sp, sr), ("overlap", op, orr)):
        precision = tp_p / n_pred if n_pred else 0.0
        recall = tp_r / n_gold if n_gold else 0.0
        out[f"{name}_p"], out[f"{name}_r"] = precision, recall
        out[f"{name}_f1"] = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return out


def corpus_files(data: Path, langs: list[str]) -> dict[str, Path]:
    files = {}
    for lang in langs:
        path = data / "linking-dev" / "tr-news.jsonl" if lang == LINKING else data / "ner-dev" / f"{lang}.jsonl"
        if path.exists():
            files[lang] = path
        else:
            print(f"skipped {lang}: {path} not found", file=sys.stderr)
    return files


# --- the worker: one toponym checkout, one corpus ------------------------------------------------


class Judge:
    """Is a linked place the gold GeoNames one (see the module docstring)?"""

    def __init__(self, gz: Any) -> None:
        self.gz = gz
        self.country_by_gn = {
            p.codes["geonames"]: p.id for p in gz.places() if p.kind in COUNTRY_KINDS and "geonames" in p.codes
        }

    def right(self, place: Any, link: dict[str, Any]) -> bool:
        if place.codes.get("geonames") == link.get("geonames"):
            return True
        country = place.id if place.kind in COUNTRY_KINDS else place.country
        linked = self.country_by_gn.get(link.get("country_geonames") or "")
        same_country = linked == country
        code = link.get("fcode") or ""
        if "geonames" in place.codes:
            return False
        if not link.get("country_geonames"):  # continents, oceans: by name
            return bool(place.name.lower() == (link.get("name") or "").lower())
        if code.startswith("PCL"):
            return same_country and place.kind in COUNTRY_KINDS
        if code == "ADM1":
            parent = self.gz.get(place.parent) if place.parent else None
            return same_country and place.kind == "subdivision" and (parent is None or parent.kind in COUNTRY_KINDS)
        return linked is not None and same_country and at_gold_point(place, link)


def _load(index: str | None) -> Any:
    from toponym import Gazetteer
    from toponym.checkout import default_index_path, ensure_current

    if index:
        return Gazetteer.load(index)
    path = default_index_path()
    ensure_current(path)  # a source checkout compiles its index when its sources changed
    return Gazetteer.load(path)


def worker(path: Path, lang: str, runs: int, index: str | None, documents: int = 0) -> dict[str, Any]:
    """Scores and speeds of the importable toponym on one corpus."""
    docs = read_docs(path)
    texts = [d["text"] for d in docs]
    size = sum(len(t.encode("utf-8")) for t in texts)
    firsts, seconds, setups = [], [], []
    found: list[list[Any]] = []
    for _ in range(runs):
        gz = _load(index)
        t = time.perf_counter()
        gz.extract("Xyzzy Qwerty \u3090\u3090 \u0416\u0436")  # builds the lookup tables
        setups.append(time.perf_counter() - t)
        t = time.perf_counter()
        found = [gz.extract(text) for text in texts]
        firsts.append(time.perf_counter() - t)
        t = time.perf_counter()
        for text in texts:
            gz.extract(text)
        seconds.append(time.perf_counter() - t)
    gold = [[(s, e) for s, e in d["loc"]] for d in docs]
    pred = [{(m.start, m.end) for m in ms} for ms in found]
    out: dict[str, Any] = {
        "lang": lang,
        "docs": len(docs),
        "bytes": size,
        **spans_scores(gold, pred),
        "setup_s": statistics.median(setups),
        "first_mb_s": size / statistics.median(firsts) / 1e6,
        "second_mb_s": size / statistics.median(seconds) / 1e6,
    }
    if lang == LINKING:
        out.update(link_scores(gz, docs, found, out["pred"], out["gold"]))
        out["demonyms"] = _with_demonyms(gz, docs, gold)
    if documents > 0:
        out["documents"] = _as_documents(gz, texts, gold, documents)
    return out


def _as_documents(gz: Any, texts: list[str], gold: list[list[tuple[int, int]]], size: int) -> dict[str, Any] | None:
    """Scores with every ``size`` consecutive lines read as one document (``extract_many(...,
    documents=...)``): the lines of the sets are sentences, most of them beside their article's
    others. ``None`` for a checkout without the option."""
    import toponym

    try:
        found = toponym.extract_many(texts, documents=[i // size for i in range(len(texts))], gazetteer=gz)
    except TypeError:
        return None
    return spans_scores(gold, [{(m.start, m.end) for m in ms} for ms in found])


def _with_demonyms(gz: Any, docs: list[dict[str, Any]], gold: list[list[tuple[int, int]]]) -> dict[str, Any] | None:
    """Scores with ``extract(..., demonyms=True)``: TR-News marks "Russian" as a mention of Russia,
    as that option reads it (the CoNLL sets mark it as no place). ``None`` for a checkout without it."""
    try:
        found = [gz.extract(d["text"], demonyms=True) for d in docs]
    except TypeError:
        return None
    pred = [{(m.start, m.end) for m in ms} for ms in found]
    out = spans_scores(gold, pred)
    out.update(link_scores(gz, docs, found, out["pred"], out["gold"]))
    return out


def link_scores(
    gz: Any, docs: list[dict[str, Any]], found: list[list[Any]], n_pred: float, n_gold: float
) -> dict[str, float]:
    judge = Judge(gz)
    right = linked = 0
    for doc, mentions in zip(docs, found, strict=True):
        links = {(s, e): link for (s, e), link in zip(doc["loc"], doc["links"], strict=True)}
        seen = set()
        for m in mentions:
            link = links.get((m.start, m.end))
            if link is None or (m.start, m.end) in seen:
                continue
            seen.add((m.start, m.end))
            if link.get("geonames"):
                linked += 1
                right += judge.right(m.place, link)
    precision, recall = right / n_pred if n_pred else 0.0, right / n_gold if n_gold else 0.0
    return {
        "link_acc": right / linked if linked else 0.0,
        "link_p": precision,
        "link_r": recall,
        "link_f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
    }


def geotext_worker(path: Path, lang: str, runs: int) -> dict[str, Any]:
    """geotext on one English corpus: its spans (its own regex and tables) and its speed."""
    import re

    from geotext import GeoText

    docs = read_docs(path)
    texts = [d["text"] for d in docs]
    size = sum(len(t.encode("utf-8")) for t in texts)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        for text in texts:
            GeoText(text)
        times.append(time.perf_counter() - t)
    index = GeoText.index
    city_regex = re.compile(r"[A-ZÀ-Ú]+[a-zà-ú]+[ \-]?(?:d[a-u].)?(?:[A-ZÀ-Ú]+[a-zà-ú]+)*")
    pred = []
    for text in texts:
        spans = set()
        for m in city_regex.finditer(text):
            word = m.group().strip()
            if word.lower() in index.countries or word.lower() in index.cities:
                spans.add((m.start(), m.start() + len(word)))
        pred.append(spans)
    gold = [[(s, e) for s, e in d["loc"]] for d in docs]
    mb_s = size / statistics.median(times) / 1e6
    return {"lang": lang, "bytes": size, **spans_scores(gold, pred), "first_mb_s": mb_s, "second_mb_s": mb_s}


# --- the driver -----------------------------------------------------------------------------------


def run_worker(
    checkout: Path | None, args: argparse.Namespace, lang: str, path: Path, geotext: bool = False
) -> dict[str, Any] | None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--worker", lang, str(path), "--runs", str(args.runs)]
    cmd += ["--documents", str(args.documents)] if args.documents else []
    if geotext:
        cmd.append("--geotext-worker")
    index = args.index if checkout is None else args.baseline_index
    if index:
        cmd += ["--index", index]
    env = dict(os.environ)
    env["PYTHONPATH"] = str(checkout or ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if done.returncode:
        print(
            f"{'geotext' if geotext else checkout or 'toponym'} on {lang} failed:\n{done.stderr[-2000:]}",
            file=sys.stderr,
        )
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def row(name: str, r: dict[str, Any]) -> str:
    link = f"{r['link_acc']:>6.3f}{r['link_f1']:>6.3f}" if "link_acc" in r else f"{'':>12}"
    speed = f"{r['first_mb_s']:>9.2f}{r['second_mb_s']:>9.2f}" if "first_mb_s" in r else ""
    return (
        f"{name:<10}{r['strict_p']:>6.3f}{r['strict_r']:>6.3f}{r['strict_f1']:>6.3f}  "
        f"{r['overlap_p']:>6.3f}{r['overlap_r']:>6.3f}{r['overlap_f1']:>6.3f}  {link}{speed}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--langs", default=",".join((*LANGS, LINKING)))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--index", help="compiled index (default: the checkout's own)")
    parser.add_argument("--baseline", type=Path, help="another toponym checkout to measure in the same run")
    parser.add_argument("--baseline-index", help="its compiled index (default: its own)")
    parser.add_argument("--no-geotext", action="store_true")
    parser.add_argument("--json", type=Path, help="also write every figure to this file")
    parser.add_argument("--worker", nargs=2, metavar=("LANG", "FILE"), help=argparse.SUPPRESS)
    parser.add_argument("--geotext-worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--documents",
        type=int,
        default=0,
        metavar="N",
        help="also score every N consecutive lines read as one document",
    )
    args = parser.parse_args()
    if args.worker:
        lang, path = args.worker[0], Path(args.worker[1])
        result = (
            geotext_worker(path, lang, args.runs)
            if args.geotext_worker
            else worker(path, lang, args.runs, args.index, args.documents)
        )
        print(json.dumps(result))
        return
    if not (args.data / "ner-dev").exists() and not (args.data / "linking-dev").exists():
        print(f"skipped: no corpora in {args.data} (pass --data)")
        return
    files = corpus_files(args.data, [x for x in args.langs.split(",") if x])
    geotext = not args.no_geotext
    if geotext:
        try:
            import geotext as _  # noqa: F401
        except ImportError:
            print("geotext is not installed here (pip install geotext): it is left out", file=sys.stderr)
            geotext = False
    print(f"median of {args.runs} runs; MB/s of UTF-8 text, one extract() call per document")
    head = f"{'':<10}{'strict P':>8}{'R':>6}{'F1':>6}  {'overl P':>7}{'R':>6}{'F1':>6}  {'l.acc':>6}{'l.F1':>6}{'1st MB/s':>9}{'2nd MB/s':>9}"
    results: dict[str, dict[str, Any]] = {}
    for lang, path in files.items():
        print(f"\n{lang} ({path.name})\n{head}")
        sides = [("toponym", None)] + ([("baseline", args.baseline)] if args.baseline else [])
        for name, checkout in sides:
            r = run_worker(checkout, args, lang, path)
            if r is not None:
                results[f"{name}:{lang}"] = r
                print(row(name, r), flush=True)
                if r.get("demonyms"):
                    print(row(" demonyms", r["demonyms"]) + "   (extract(..., demonyms=True))", flush=True)
                if r.get("documents"):
                    note = f"   ({args.documents} lines as one document)"
                    print(row(" documents", r["documents"]) + note, flush=True)
        if geotext and lang in ("en", LINKING):
            r = run_worker(None, args, lang, path, geotext=True)
            if r is not None:
                results[f"geotext:{lang}"] = r
                print(row("geotext", r), flush=True)
        ours = results.get(f"toponym:{lang}")
        for other in ("baseline", "geotext"):
            theirs = results.get(f"{other}:{lang}")
            if ours and theirs:
                print(
                    f"{'':<10}toponym vs {other}: strict F1 {ours['strict_f1'] - theirs['strict_f1']:+.3f}, "
                    f"first pass {ours['first_mb_s'] / theirs['first_mb_s']:.2f}x"
                )
    if args.json:
        args.json.write_text(json.dumps(results, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()

"""Snapshot what the library answers, to prove a refactor changed nothing (or show what it changed).

    python scripts/behaviour_snapshot.py dump OUT.jsonl [--keys-from SNAPSHOT] [--text FILE_OR_DIR ...]
    python scripts/behaviour_snapshot.py diff BEFORE.jsonl AFTER.jsonl

``dump`` writes one JSON line per query: the bare ``resolve`` answer of every lookup key of the
default index and of every stored spelling, field by field (place fields included), then the
``extract`` mentions of every text given (``*.txt`` files line by line and whole, the ``text`` field
of ``*.jsonl`` files). ``--keys-from`` takes the queries from an earlier snapshot, so two builds whose
indexes differ are asked the same questions. ``diff`` prints how many answers differ, and the first few.

Only public names are used for answers (``toponym.resolve``, ``toponym.extract``); the list of keys
and spellings is read from the index of the running version.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import toponym


def _place(p: Any) -> dict[str, Any]:
    return {
        "id": p.id,
        "kind": p.kind,
        "name": p.name,
        "parent": p.parent,
        "country": p.country,
        "codes": dict(p.codes),
        "population": p.population,
        "part_of": list(p.part_of),
        "members": list(p.members),
        "curated": p.curated,
    }


def _match(m: Any) -> dict[str, Any] | None:
    if m is None:
        return None
    return {
        "place": _place(m.place),
        "score": m.score,
        "method": m.method,
        "matched": m.matched,
        "lang": m.lang,
        "query": m.query,
        "name_type": m.name_type,
        "perspective": list(m.perspective),
        "reason": m.reason,
    }


def _queries(keys_from: str | None) -> Iterator[str]:
    if keys_from:
        with open(keys_from, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                if row["kind"] == "resolve":
                    yield row["q"]
        return
    idx = toponym.default_gazetteer().index
    keys = getattr(idx, "keys", None)
    strings = keys.strings if keys is not None and hasattr(keys, "strings") else None
    seen: set[str] = set()
    for source in (strings, idx.name_text):
        for i in range(len(source)):
            q = source[i]
            if q not in seen:
                seen.add(q)
                yield q


def _texts(paths: list[str]) -> Iterator[tuple[str, str]]:
    for given in paths:
        root = Path(given)
        files = sorted(root.rglob("*")) if root.is_dir() else [root]
        for path in files:
            if path.suffix == ".txt":
                whole = path.read_text(encoding="utf-8")
                yield f"{path}", whole
                for n, line in enumerate(whole.splitlines(), 1):
                    if line.strip():
                        yield f"{path}:{n}", line
            elif path.suffix == ".jsonl":
                with path.open(encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        text = json.loads(line).get("text")
                        if isinstance(text, str):
                            yield f"{path}:{n}", text


def dump(out: str, keys_from: str | None, texts: list[str]) -> None:
    n_resolve = n_texts = 0
    with open(out, "w", encoding="utf-8") as f:
        for q in _queries(keys_from):
            f.write(json.dumps({"kind": "resolve", "q": q, "a": _match(toponym.resolve(q))}, ensure_ascii=False) + "\n")
            n_resolve += 1
        for where, text in _texts(texts):
            mentions = [[m.start, m.end, m.text, _match(m.match)] for m in toponym.extract(text)]
            f.write(json.dumps({"kind": "extract", "q": where, "a": mentions}, ensure_ascii=False) + "\n")
            n_texts += 1
    print(f"{out}: {n_resolve} resolve queries, {n_texts} texts", file=sys.stderr)


def diff(before: str, after: str, show: int = 10) -> int:
    def rows(path: str) -> dict[tuple[str, str], Any]:
        with open(path, encoding="utf-8") as f:
            return {(r["kind"], r["q"]): r["a"] for r in map(json.loads, f)}

    a, b = rows(before), rows(after)
    counts = {"resolve": [0, 0], "extract": [0, 0]}
    shown = 0
    for key in a.keys() | b.keys():
        kind = key[0]
        counts[kind][0] += 1
        if a.get(key, "<missing>") != b.get(key, "<missing>"):
            counts[kind][1] += 1
            if shown < show:
                shown += 1
                print(f"{kind} {key[1]!r}:\n  before {a.get(key, '<missing>')}\n  after  {b.get(key, '<missing>')}")
    for kind, (total, differ) in counts.items():
        print(f"{kind}: {total} compared, {differ} differ")
    return 1 if any(d for _, d in counts.values()) else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out")
    d.add_argument("--keys-from")
    d.add_argument("--text", action="append", default=[])
    c = sub.add_parser("diff")
    c.add_argument("before")
    c.add_argument("after")
    args = ap.parse_args()
    if args.command == "dump":
        dump(args.out, args.keys_from, args.text)
        return 0
    return diff(args.before, args.after)


if __name__ == "__main__":
    sys.exit(main())

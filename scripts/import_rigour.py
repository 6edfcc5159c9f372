"""Wikidata QIDs from rigour's territory table.

Reads ``rigour/data/territories/data.jsonl`` from the rigour 1.8.2 wheel (the last release that
ships it as a plain data file; later releases compile it into a native module). Only the
identifiers (``qid``), the ``is_historical`` flag and (for subdivisions) ``parent`` are used;
rigour's territory parents are incomplete (see import_pycountry.DEPENDENT_TERRITORIES) and its
name lists (``names_strong``) mix in capital cities and are not imported.

This source writes no files of its own: its codes are folded into the rows of
``pycountry.places.tsv`` and ``babel.places.tsv`` (one complete row per place).
"""

from __future__ import annotations

import json

from _common import Output, Source, wheel


class Rigour:
    def __init__(self, rows: list[dict]):
        self.rows = rows
        self.by_code = {r["code"]: r for r in rows}

    def historic_for(self, h: dict) -> dict | None:
        """The rigour record of an ISO 3166-3 entry: same alpha-4 code (``suhh``), alpha-4 listed
        among its other codes (``an`` ↔ ``anhh``), or the withdrawn alpha-2 code on a historical
        record (``dd`` ↔ ``DDDE``)."""
        a4 = h["alpha_4"].lower()
        a2 = h["alpha_2"].lower()
        for r in self.rows:
            if not r.get("is_historical"):
                continue
            if r["code"] in (a4, a2) or a4 in r.get("other_codes", []):
                return r
        return None


def read(source: Source) -> Rigour:
    text = wheel(source).read("rigour/data/territories/data.jsonl").decode("utf-8")
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    rows.sort(key=lambda r: r["code"])
    return Rigour(rows)


def emit(ctx, source: Source) -> Output:
    return Output(source)  # codes only, used by import_pycountry / import_babel

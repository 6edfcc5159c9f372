"""A generated column of place names as real data has them, built from the gazetteer itself.

Names of countries, subdivisions and cities in several languages and scripts, ISO codes, "City,
Region" strings, typos, unknown words, blanks and missing values, repeated with a Zipf law (a few
values make most rows). Used by the pipeline tests and ``benchmarks/bench_pipelines.py``.
"""

from __future__ import annotations

import random
from itertools import accumulate

from toponym import Gazetteer

LANGS = ("en", "ru", "ja", "zh", "de", "fr", "es", "ar", "ko", "uk")
SPECIAL_RANKS = (4, 9, 30, 2, 12, 20, 45, 70, 100, 150, 250, 400, 700)
NOISE = ("Qxzvtplkwj", "the", "Unknown", "N/A", "Springfield", "Georgia", "Paris", "12345", "?", "Kuril-Inseln")


def pool(gazetteer: Gazetteer, size: int, *, seed: int = 13) -> list[str | None]:
    """``size`` distinct-ish values, most frequent first (their order sets the Zipf ranks)."""
    rng = random.Random(seed)
    places = list(gazetteer.places())
    major = [p for p in places if p.kind != "city"]
    cities = [p for p in places if p.kind == "city"]
    # each city keeps the row order of the index, so a stride picks cities from every country
    stride = max(1, len(cities) // max(1, size // 2))
    values: list[str | None] = []
    for place in major[:: max(1, len(major) // max(1, size // 4))] + cities[::stride]:
        if len(values) >= size:
            break
        names = [n.name for n in place.names if n.lang.split("-")[0] in LANGS and n.type != "misspelling"]
        values.extend(rng.sample(names, min(2, len(names))))
        for key in ("iso3166_1_alpha2", "iso3166_1_alpha3", "iso3166_2"):
            if key in place.codes:
                values.append(place.codes[key])
        if place.kind == "city" and place.parent:
            values.append(f"{place.name}, {gazetteer.get(place.parent).name}")
        if len(place.name) > 6 and rng.random() < 0.2:  # a typo: two letters swapped
            i = rng.randrange(1, len(place.name) - 2)
            values.append(place.name[:i] + place.name[i + 1] + place.name[i] + place.name[i + 2 :])
    rng.shuffle(values)
    # blanks, missing values and words that are no place sit among the frequent values, as in real data
    for rank, value in zip(SPECIAL_RANKS, [None, "", "  ", *NOISE], strict=True):
        values.insert(rank, value)
    return values[:size]


def column(
    gazetteer: Gazetteer, rows: int, *, distinct: int = 2000, seed: int = 13, s: float = 1.1
) -> list[str | None]:
    """``rows`` values drawn from :func:`pool` with Zipf weights ``1 / rank**s``."""
    values = pool(gazetteer, distinct, seed=seed)
    weights = list(accumulate(1.0 / (rank**s) for rank in range(1, len(values) + 1)))
    return random.Random(seed).choices(values, cum_weights=weights, k=rows)


def texts(gazetteer: Gazetteer, rows: int, *, seed: int = 13) -> list[str | None]:
    """Short texts naming places from :func:`column`, with blanks and missing values."""
    rng = random.Random(seed)
    names = [v for v in column(gazetteer, rows * 2, distinct=400, seed=seed) if v and v.strip()]
    frames = ("Talks in {} and {} ended.", "Flights from {} to {}.", "{}: nothing new. {}", "{} {}")
    out: list[str | None] = []
    for i in range(rows):
        if i % 17 == 5:
            out.append(None if i % 2 else "")
        else:
            a, b = names[(2 * i) % len(names)], names[(2 * i + 1) % len(names)]
            out.append(rng.choice(frames).format(a, b))
    return out

"""A run of a script without spaces cut into words and names: the cheapest cover of the run by the
text lexicon's entries (a word costs by its frequency, a key a fixed amount, an unknown character
more), whose keys are the hits. The pure-Python twin of the C scanner's segmentation."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..index.schema import TEXT_GROW
from .chars import DROP

__all__ = ["UNSPACED_MAX", "cheapest"]

#: Characters of a run without spaces read at most from one position.
UNSPACED_MAX = 16


def cheapest(
    text: str,
    a: int,
    b: int,
    fold: Sequence[int],
    costs: tuple[int, int, int, int],
    text_row: Callable[[str], int],
    key_row: Callable[[str], int],
    rank: Sequence[int],
    flags: Sequence[int],
    info: Callable[[int], int],
) -> list[int]:
    """The key hits (start, end, key row, ``info(rank class)``) of the cheapest segmentation of the
    run ``text[a:b]``; ``fold`` the character table, ``costs`` (unknown character, key, scale and
    base of a word's cost by its rank), the text lexicon's rows, ranks and flags."""
    codes = [fold[ord(ch)] if ord(ch) < 0x10000 else 0 for ch in text[a:b]]
    # a character the tables cannot fold: read the run as it is
    run = text[a:b] if 0 in codes or DROP in codes else "".join(map(chr, codes))
    unknown, key_cost, scale, base = costs
    m = len(run)
    inf = 1 << 60
    best = [0] + [inf] * m
    back: list[tuple[int, int, int]] = [(0, -1, 0)] * (m + 1)  # (start, key row, rank)
    for i in range(m):
        if best[i] == inf:
            continue
        here = best[i]
        single = False
        for j in range(i + 1, min(m, i + UNSPACED_MAX) + 1):
            piece = run[i:j]
            t = text_row(piece)
            row = key_row(piece)
            r = rank[t] if t >= 0 else 0
            if row >= 0 or r:
                cost = min(key_cost if row >= 0 else inf, base + scale * r if r else inf)
                if here + cost < best[j]:
                    best[j], back[j] = here + cost, (i, row, r)
                single = single or j == i + 1
            if t < 0 or not flags[t] & TEXT_GROW:
                break
        if not single and here + unknown < best[i + 1]:
            best[i + 1], back[i + 1] = here + unknown, (i, -1, 0)
    out: list[int] = []
    j = m
    while j > 0:
        i, row, r = back[j]
        if row >= 0:
            out[:0] = [a + i, a + j, row, info(r)]
        j = i
    return out

"""Countries, and Beijing, written as one character in Chinese news (``lexicons/zh.toml``).

中美两国, 中俄关系, 访华, 在京, 访美期间: a character that alone is a word far more often than a
place (中 "middle", 美 "beautiful") is read as one where the shape of the phrase says so. Each
candidate's query is the full name the character stands for ("中国"), as the resolver knows it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .raw import Raw
from .wordlists import load_lexicon

__all__ = ["abbreviations", "organisations"]


@dataclass(frozen=True, slots=True)
class _Rules:
    names: dict[str, str]
    pair: re.Pattern[str]
    visit: re.Pattern[str]
    hint: re.Pattern[str]
    heads: tuple[str, ...]


@functools.cache
def _rules() -> _Rules:
    data = load_lexicon("zh.toml")
    countries: dict[str, str] = data["abbreviations"]
    visited: dict[str, str] = data["visited"]
    rules = data["rules"]
    one = "".join(map(re.escape, countries))
    before = "|".join(map(re.escape, rules["pair_before"]))
    pair = re.compile(f"([{one}])([{one}])(?={before})")
    visit = re.compile(
        f"(?<=[{re.escape(rules['visit'])}])([{''.join(visited)}])"
        f"|(?<=[{re.escape(rules['visit_country'])}])([{one}])(?=[{re.escape(rules['country_after'])}])"
    )
    hint = re.compile(f"[{one}{''.join(visited)}]")
    return _Rules({**countries, **visited}, pair, visit, hint, tuple(data["organisations"]["heads"]))


def abbreviations(text: str, lo: int, hi: int, raws: list[Raw]) -> list[Raw]:
    """``raws`` with the one-character names of ``text[lo:hi]`` among them. A pair before a word
    of relations replaces a candidate of exactly its two characters (中美两国 is China and the US,
    not the 中美 of Central America); any other candidate it overlaps keeps its place (华盛顿,
    中美洲: the longer name)."""
    rules = _rules()
    if rules.hint.search(text, lo, hi) is None:
        return raws
    spans: list[tuple[int, int]] = []
    pairs: set[tuple[int, int]] = set()
    for m in rules.pair.finditer(text, lo, hi):
        if m.group(1) != m.group(2):
            spans += [m.span(1), m.span(2)]
            pairs.add((m.start(1), m.end(2)))
    for m in rules.visit.finditer(text, lo, hi):
        spans.append(m.span(1) if m.group(1) else m.span(2))
    if not spans:
        return raws
    kept = [r for r in raws if (r.start, r.end) not in pairs]
    found = [
        Raw(s, e, rules.names[text[s:e]], specific=True)
        for s, e in sorted(set(spans))
        if not any(r.start < e and s < r.end for r in kept)
    ]
    return sorted([*kept, *found], key=lambda r: r.start) if found else raws


def organisations(text: str, raws: list[Raw]) -> list[Raw]:
    """``raws`` without the places written right before the head of a team's, a body's or a
    building's name (中国队, 北京大学): ``lexicons/zh.toml``, ``[organisations]``."""
    heads = _rules().heads
    return [r for r in raws if not (r.end < len(text) and text.startswith(heads, r.end))]

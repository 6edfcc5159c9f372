"""Countries, and Beijing, written as one character in Chinese and Japanese news (``lexicons/zh.toml``,
``lexicons/ja.toml``).

中美两国, 中俄关系, 访华, 在京, 访美期间; 日米間, 訪日, 米大統領: a character that alone is a word far
more often than a place (中 "middle", 美 "beautiful", 米 "rice", 日 "day") is read as one where the
shape of the phrase says so. Each candidate's query is the full name the character stands for
("中国"), as the resolver knows it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..charclass import is_han
from .raw import Raw
from .wordlists import load_lexicon

__all__ = ["abbreviations", "organisations"]


@dataclass(frozen=True, slots=True)
class _Rules:
    names: dict[str, str]
    pairs: dict[str, tuple[str, str]]
    pair: re.Pattern[str]
    visit: re.Pattern[str]
    state: re.Pattern[str]
    state_before: frozenset[str]
    not_after_side: frozenset[str]
    not_visit: tuple[str, ...]
    not_pair: tuple[str, ...]
    alone: frozenset[str]
    hint: re.Pattern[str]
    heads: tuple[str, ...]
    named: re.Pattern[str] | None


def _alternatives(words: list[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


@functools.cache
def _rules(lexicon: str = "zh.toml") -> _Rules:
    data = load_lexicon(lexicon)
    countries: dict[str, str] = data["abbreviations"]
    pair_only: dict[str, str] = data.get("pair_only", {})
    visited: dict[str, str] = data.get("visited", {})
    rules = data["rules"]
    one = "".join(map(re.escape, countries))
    paired = one + "".join(map(re.escape, pair_only))
    # group 3, the word of relations after a pair, is optional where any pair counts (see _loose_pair)
    relations = f"(?=({_alternatives(rules['pair_before'])}))" + ("?" if rules.get("pair_anywhere") else "")
    pair = re.compile(f"([{paired}])([{paired}])" + relations)
    alternatives = []
    if visited:
        alternatives.append(f"(?<=[{re.escape(rules['visit'])}])([{''.join(visited)}])")
    # with no characters listed after it, a country's character after a verb of visiting is read
    # whatever follows (Japanese 訪日クルーズ, 駐日大使)
    after = f"(?=[{re.escape(rules['country_after'])}])" if rules["country_after"] else ""
    if rules.get("not_before"):  # ... but not where it begins a longer word (日本, 中東)
        after += f"(?![{re.escape(rules['not_before'])}])"
    alternatives.append(f"(?<=[{re.escape(rules['visit_country'])}])([{one}]){after}")
    toward = rules.get("toward", [])
    if toward:
        alternatives.append(f"(?<=[对對])([{one}{''.join(visited)}])(?={_alternatives(toward)})")
    visit = re.compile("|".join(alternatives))
    state_words = f"([{one}])(?={_alternatives(rules['state'])})"
    # a country's character right before a firm's or a medium's name in katakana or Latin letters:
    # 米グーグル, 米GM, 英BBC (only the characters listed: 日 after a date's digits is the day)
    firms = rules.get("before_name", "")
    state = re.compile(state_words + (f"|([{re.escape(firms)}])(?=[\u30a1-\u30faA-Z])" if firms else ""))
    hint = re.compile(f"[{paired}{''.join(visited)}]")
    pairs = {k: (a, b) for k, (a, b) in data.get("pairs", {}).items()}
    names = {**pair_only, **countries, **visited}
    heads = tuple(data["organisations"]["heads"]) if "organisations" in data else ()
    org = data.get("organisations", {})
    named = (
        re.compile(
            f"[^{re.escape(org['not_within'])}\\W\\d_a-zA-Z]{{1,{org['within']}}}(?:{_alternatives(org['far'])})"
        )
        if "far" in org
        else None
    )
    return _Rules(
        names,
        pairs,
        pair,
        visit,
        state,
        frozenset(rules["state_before"]),
        frozenset(rules["not_after_side"]),
        tuple(rules.get("not_visit", ())),
        tuple(rules.get("not_pair", ())),
        frozenset(countries),
        hint,
        heads,
        named,
    )


def _ends_a_word(text: str, i: int, rules: _Rules) -> bool:
    """Does a word end right before ``text[i]``: the text's start, a character that is no Han, or
    one of ``state_before`` (punctuation, prepositions, conjunctions)?"""
    return i == 0 or not is_han(text[i - 1]) or text[i - 1] in rules.state_before


def _loose_pair(text: str, i: int, pair: str, rules: _Rules) -> bool:
    """May two countries' characters at ``text[i:]`` be the pair whatever follows (美中在气候问题上,
    中俄将继续)? Where a word ends before them (not a date's digits: 3日以来), both stand for a
    country alone (not 蒙, 以), and the pair begins no word of its own (美中不足, 朝日新闻)."""
    return (
        _ends_a_word(text, i, rules)
        and not (i > 0 and text[i - 1].isdigit())
        and all(ch in rules.alone for ch in pair)
        and not text.startswith(rules.not_pair, i)
    )


def abbreviations(text: str, lo: int, hi: int, raws: list[Raw], lexicon: str = "zh.toml") -> list[Raw]:
    """``raws`` with the one-character names of ``text[lo:hi]`` among them, by the rules of
    ``lexicon`` (Chinese, or ``"ja.toml"``: Japanese). A pair before a word of relations replaces a
    candidate of exactly its two characters (中美两国 is China and the US, not the 中美 of Central
    America); any other candidate it overlaps keeps its place (华盛顿, 中美洲: the longer name)."""
    rules = _rules(lexicon)
    if rules.hint.search(text, lo, hi) is None:
        return raws
    spans: dict[tuple[int, int], str] = {}
    pairs: set[tuple[int, int]] = set()
    names = rules.names
    for m in rules.pair.finditer(text, lo, hi):
        a, b = m.group(1), m.group(2)
        if a != b and (m.group(3) is not None or _loose_pair(text, m.start(1), a + b, rules)):
            first, second = rules.pairs.get(a + b, (names[a], names[b]))
            spans[m.span(1)], spans[m.span(2)] = first, second
            pairs.add((m.start(1), m.end(2)))
    for m in rules.visit.finditer(text, lo, hi):
        group = m.lastindex or 1  # the one alternative that matched
        if not text.endswith(rules.not_visit, 0, m.start(group)):
            spans.setdefault(m.span(group), names[m.group(group)])
    for m in rules.state.finditer(text, lo, hi):
        group = m.lastindex or 1
        s, e = m.span(group)
        side = text.startswith("方", e)
        if _ends_a_word(text, s, rules) and not (side and e + 1 < len(text) and text[e + 1] in rules.not_after_side):
            spans.setdefault((s, e), names[m.group(group)])
    if not spans:
        return raws
    kept = [r for r in raws if (r.start, r.end) not in pairs]
    found = [
        Raw(s, e, query, specific=True)
        for (s, e), query in sorted(spans.items())
        if not any(r.start < e and s < r.end for r in kept)
    ]
    return sorted([*kept, *found], key=lambda r: r.start) if found else raws


def organisations(text: str, raws: list[Raw]) -> list[Raw]:
    """``raws`` without the places written right before the head of a team's, a body's or a
    building's name (中国队, 北京大学), or a few characters before a body's or a firm's head
    (俄罗斯中央银行): ``lexicons/zh.toml``, ``[organisations]``."""
    rules = _rules()
    heads, named = rules.heads, rules.named
    return [
        r
        for r in raws
        if not (
            r.end < len(text)
            and (text.startswith(heads, r.end) or (named is not None and named.match(text, r.end) is not None))
        )
    ]

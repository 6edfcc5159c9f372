"""Reading a name of several words on from one word of it, by a language's affixes:
"Нижнем" + "Новгороде" (every word of the name inflected), "Saudi" + "Arabiens" (its last word).

Each step asks the lexicon whether the words read so far, the next one in each form the group's
affixes make of it, are a key or begin one; a step's answer is remembered by the words it reads.
"""

from __future__ import annotations

import re

from ..index import Index
from ..memo import BoundedMemo
from ..normalize import normalize_name
from .affixes import Group, Pair
from .textscan import H_RULE, PyTextScan

__all__ = ["ReadOn"]

#: Words of an inflected name read at most ("Нижнем Новгороде", "Южной Корее").
_INFLECTED_TOKENS = 3


def _by_letter(pairs: tuple[Pair, ...], at: int) -> dict[str, tuple[Pair, ...]]:
    """``pairs`` (affix, replacement) that a word whose first (``at=0``) or last letter (``-1``)
    is the key may take, in their order; under ``""`` those every word takes (an empty affix:
    Russian "Москв" + "а")."""
    letters = {pair[0][at] for pair in pairs if pair[0]}
    return {letter: tuple(pair for pair in pairs if not pair[0] or pair[0][at] == letter) for letter in (*letters, "")}


def _ending_ahead(group: Group) -> re.Pattern[str] | None:
    """A pattern matched right after a word: one of the next words ends in one of ``group``'s
    suffixes (``None``: the group has an empty suffix, which any word ends in)."""
    endings = sorted({form for form, _ in group.suffixes}, key=len, reverse=True)
    if not endings or "" in endings:
        return None
    ends = "|".join(map(re.escape, endings))
    return re.compile(rf"(?:\W{{1,3}}\w+){{0,{_INFLECTED_TOKENS - 2}}}?\W{{1,3}}\w*?(?:{ends})(?!\w)")


class ReadOn:
    """Names of several words read on from a word that begins one (memoised per process)."""

    def __init__(self, index: Index, groups: tuple[Group, ...], python: PyTextScan) -> None:
        self.index = index
        self.groups = groups
        self._python = python  # its separator and word end, for the words after a form
        self._heads: BoundedMemo[tuple[str, int, int], tuple[str, ...]] = BoundedMemo()
        self._steps: BoundedMemo[tuple[str, int, str], tuple[str | None, str]] = BoundedMemo()
        # each group's affixes by the letter a word must begin or end with to take them (Arabic
        # has 62 prefixes): a word is tested against a few, in their order
        self._affixes = [(_by_letter(g.prefixes, 0), _by_letter(g.suffixes, -1)) for g in groups]
        self._endings = [_ending_ahead(g) for g in groups]

    def ending_ahead(self, text: str, e: int, hi: int, group: int) -> bool:
        """May one of the words after ``text[e]`` that a name reads on to end in one of ``group``'s
        suffixes? A name whose last word takes the ending is read on only then: a name read on
        by the words as written is one the scan found (checked before the reading, which costs
        more)."""
        ending = self._endings[group]
        return ending is None or ending.match(text, e, min(hi, e + 120)) is not None

    def head(self, surface: str, row: int, info: int) -> tuple[str, ...]:
        """The forms a hit may stand for (a key; for a hit that only begins one, the forms of it
        that begin a longer key, made again: German "Fernen" is "ferne" or "ferner", and only
        "ferner osten" is a key)."""
        if row >= 0:
            return (self.index.keys.text[row],)
        memo_key = (surface, row, info)
        found = self._heads.get(memo_key)
        if found is None:
            found = self._heads.put(memo_key, self._make_heads(surface, self.groups[info // H_RULE - 1]))
        return found

    def _make_heads(self, surface: str, group: Group) -> tuple[str, ...]:
        """Every form of ``surface`` that begins a key, in the order of the group's affixes; the
        surface itself when none does."""
        low = normalize_name(surface)
        heads: list[str] = []
        for pf, pt in (("", ""), *group.prefixes):
            for sf, st in (("", ""), *group.suffixes):
                if low.startswith(pf) and low.endswith(sf) and len(low) - len(pf) - len(sf) >= group.min_stem:
                    form = pt + low[len(pf) : len(low) - len(sf)] + st
                    t = self.index.text.text.row_of(form)
                    if t >= 0 and self.index.text.flags[t] & 1 and form not in heads:
                        heads.append(form)
        return tuple(heads) or (low,)

    def named_in(self, key: str, rules: Group) -> bool:
        """Is ``key`` a name tagged with ``rules``' language?"""
        row = self.index.keys.text.row_of(key)
        names = self.index.names
        return row >= 0 and any(not names.languages(n).isdisjoint(rules.names) for n, _ in self.index.keys.entries(row))

    def read(self, text: str, e: int, hi: int, heads: tuple[str, ...], group: int) -> tuple[str, int] | None:
        """The key of several words one of an inflected word's ``heads`` begins ("нижний" +
        "Новгороде"), by the first head that makes one; by a later head, only a name in the group's
        language (German "Fernen Osten" is "Ferner Osten", not another language's spelling that a
        form of the word happens to begin)."""
        for n, head in enumerate(heads):
            found = self._read(text, e, hi, head, group)
            if found is not None and (not n or self.named_in(found[0], self.groups[group])):
                return found
        return None

    def _read(self, text: str, e: int, hi: int, head: str, group: int) -> tuple[str, int] | None:
        py = self._python
        key, end = head, e
        for _ in range(_INFLECTED_TOKENS - 1):
            start = py._separator(text, end, hi)
            if start < 0:
                return None
            stop = py._word_end(text, start, hi)
            word = text[start:stop]
            step = self._steps.get((key, group, word))
            if step is None:
                step = self._steps.put((key, group, word), self._step(key, group, word))
            found, key = step
            if found is not None:
                return found, stop
            if not key:
                return None
            end = stop
        return None

    def _step(self, key: str, group: int, word: str) -> tuple[str | None, str]:
        """Reading ``word`` after ``key``: the key they make, else ``None`` and the beginning of a
        key they make (``""``: none)."""
        low = normalize_name(word)
        if not low:
            return None, ""
        options = [low, *self._forms_of(low, group)]
        keys, starts = self.index.keys.text, self.index.text.text
        found = next((f"{key} {o}" for o in options if keys.row_of(f"{key} {o}") >= 0), None)
        if found is not None:
            return found, ""
        return None, next((f"{key} {o}" for o in options if starts.row_of(f"{key} {o}") >= 0), "")

    def _forms_of(self, low: str, group: int) -> list[str]:
        min_stem = self.groups[group].min_stem
        by_first, by_last = self._affixes[group]
        # the affixes the word has, each tested once, in the group's order
        prefixes = [(pf, pt) for pf, pt in by_first.get(low[0], by_first[""]) if low.startswith(pf)]
        suffixes = [(sf, st) for sf, st in by_last.get(low[-1], by_last[""]) if low.endswith(sf)]
        n = len(low)
        return [
            pt + low[len(pf) : n - len(sf)] + st
            for pf, pt in (("", ""), *prefixes)
            for sf, st in (("", ""), *suffixes)
            if n - len(pf) - len(sf) >= min_stem
        ]

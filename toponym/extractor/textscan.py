"""The text scan: running text → key hits, with no resolver call (C's ``TextScan`` or this twin).

``scan(text, lo, hi)`` reads ``text[lo:hi]`` once and returns a flat list of hits, four ints each:
``start, end, key row, info`` (see ``H_*``). For each word that may start a mention (an upper- or
title-case letter, or a letter of a caseless script, not glued to a word before it except after
an elided article such as French "l'"), it looks up the word as the index normalises it, then
reads on word by word while the text lexicon says a longer key may follow ("Bosnia and
Herzegovina", "St. Petersburg", "Côte d'Ivoire"), and keeps the longest key; failing that, the
same with accents folded. Affix rules (:mod:`.affixes`) map a form to a key ("Москве" → "москва",
"بلبنان" → "لبنان"), each form checked against the keys. A run of a script without spaces is
segmented: the cheapest cover of the run by words and keys (a word costs by its frequency, a key a
fixed amount, an unknown character more), whose keys are the hits.

A word with a character the tables cannot normalise alone ("ß", a combining mark) is reported as
``H_IRREGULAR`` (row -1): the caller reads it with :func:`toponym.normalize.normalize_name`
through :meth:`PyTextScan.match_at`. What a hit means is decided by the caller.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from .. import _accel
from ..index.schema import TEXT_MORE
from ..memo import BoundedMemo
from .chars import C_APOS, C_BLANK, C_CR, C_HYPHEN, C_IDENT, C_MARK, C_NEWLINE, C_START, C_UNSPACED, C_WORD, DROP
from .segment import cheapest

__all__ = ["H_FOLDED", "H_IRREGULAR", "H_MORE", "H_RULE", "H_UNSPACED", "MAX_TOKENS", "PyTextScan", "TextScan"]

#: ``info`` of a hit: the low four bits count its words; these bits say how it was found; the
#: bits from :data:`H_RULE` up hold the affix rule's index + 1, or a segment word's rank class.
H_IRREGULAR = 1 << 4
H_UNSPACED = 1 << 5
H_MORE = 1 << 6
"""A form made by an affix rule that begins a longer key (the caller may read on)."""
H_FOLDED = 1 << 7
H_RULE = 1 << 16
#: Words of a name read at most (longer keys are never matched in text).
MAX_TOKENS = 12

_BLANK2 = " \t"

#: The rules of one language (:meth:`.affixes.Group.rule`): script, prefixes and suffixes as
#: ``(written, stored)`` pairs, the least letters a stem keeps, whether keys are tried too, whether
#: the last word of a name takes the ending.
Rule = tuple[int, tuple[tuple[str, str], ...], tuple[tuple[str, str], ...], int, bool, bool]
_NONE = (("", ""),)


class PyTextScan:
    """The scan over one index's keys and text lexicon (see the module docstring).

    ``costs`` = (unknown character, key, rank class multiplier, word base cost) for segmentation.
    """

    __slots__ = ("_astral", "_costs", "_elisions", "_ends", "_flags", "_fold", "_forms", "_info", "_keys",
                 "_lower", "_rank", "_rules", "_script", "_text")  # fmt: skip

    def __init__(
        self,
        text: Any,
        flags: Sequence[int],
        rank: Sequence[int],
        keys: Any,
        tables: tuple[Sequence[int], Sequence[int], Sequence[int], bytes, Sequence[tuple[int, int]]],
        rules: Sequence[Rule],
        elisions: Sequence[str],
        costs: tuple[int, int, int, int],
    ) -> None:
        self._text, self._flags, self._rank, self._keys = text.row, flags, rank, keys.row
        self._info, self._lower, self._fold, self._script, self._astral = tables
        self._rules: dict[int, list[tuple[int, Rule]]] = {}
        self._forms: BoundedMemo[tuple[str, bool, int], tuple[int, ...]] = BoundedMemo()  # (row, info) pairs
        # per rule: its suffixes (the empty one first) by what they are, to find those a word ends
        # in with one lookup per length rather than a test of each (a language has dozens)
        self._ends: list[tuple[dict[str, list[int]], int]] = []
        for i, rule in enumerate(rules):
            self._rules.setdefault(rule[0], []).append((i, rule))
            ends: dict[str, list[int]] = {}
            for k, (sf, _st) in enumerate((*_NONE, *rule[2])):
                ends.setdefault(sf, []).append(k)
            self._ends.append((ends, max(map(len, ends))))
        self._elisions = frozenset(elisions)
        self._costs = costs

    # --- characters -----------------------------------------------------------------------------

    def _bits(self, ch: str) -> int:
        cp = ord(ch)
        if cp < 0x10000:
            return self._info[cp]
        if any(a <= cp <= b for a, b in self._astral):
            return C_WORD | C_MARK
        return C_WORD if ch.isalnum() else 0

    def _word_end(self, text: str, i: int, n: int) -> int:
        """The end of the word at ``i``: word characters, up to a character of a script without spaces."""
        while i < n and self._bits(text[i]) & (C_WORD | C_UNSPACED) == C_WORD:
            i += 1
        return i

    def _norm(self, word: str, table: Sequence[int]) -> str | None:
        """``word`` through ``lower`` or ``fold``; ``None`` when a character is irregular."""
        out = []
        for ch in word:
            cp = ord(ch)
            code = table[cp] if cp < 0x10000 else 0
            if code == 0:
                return None
            if code != DROP:
                out.append(chr(code))
        return "".join(out)

    def _lowered(self, word: str) -> str | None:
        return self._norm(word, self._lower)

    def _folded(self, word: str) -> str | None:
        return self._norm(word, self._fold)

    # --- the scan -------------------------------------------------------------------------------

    def is_start(self, text: str, i: int) -> bool:
        """May a mention start at ``text[i]``?"""
        if not self._bits(text[i]) & C_START:
            return False
        if i == 0:
            return True
        before = self._bits(text[i - 1])
        if before & C_WORD:
            return False
        if before & C_APOS:
            return self._elided(text, i - 1)
        return not (before & C_IDENT and i >= 2 and self._bits(text[i - 2]) & C_WORD)

    def _elided(self, text: str, apos: int) -> bool:
        """Is the apostrophe at ``apos`` that of an elided article ("l'", "dell'", "qu'")?"""
        k = apos
        while k > 0 and self._bits(text[k - 1]) & C_WORD and apos - k < 8:
            k -= 1
        if k == apos or (k > 0 and self._bits(text[k - 1]) & C_WORD):
            return False
        lower = self._lower
        particle = "".join(chr(lower[ord(ch)]) if ord(ch) < 0x10000 else "\x00" for ch in text[k:apos])
        return particle in self._elisions

    def scan(self, text: str, lo: int, hi: int, off: int = 0) -> list[int]:
        """The hits of ``text[lo:hi]``, the rule groups of the bits of ``off`` not read."""
        out: list[int] = []
        last = lo  # no hit starts before the end of the last one
        i = lo
        bits = self._bits
        while i < hi:
            b = bits(text[i])
            if b & C_UNSPACED:
                j = i
                while j < hi and bits(text[j]) & C_UNSPACED:
                    j += 1
                if i >= last:
                    out += self.segment(text, i, j)
                i = j
                continue
            if b & C_START and i >= last and self.is_start(text, i):
                hits = self.match_at(text, i, hi, self._lowered, self._folded, off)
                if hits and not hits[3] & (H_IRREGULAR | -H_RULE):  # a key hit comes first
                    last = max(last, hits[1])
                out += hits
            if b & C_WORD:
                i = self._word_end(text, i, hi)
            else:
                i += 1
        return out

    # --- one candidate --------------------------------------------------------------------------

    def match_at(
        self,
        text: str,
        s: int,
        hi: int,
        lowered: Callable[[str], str | None],
        folded: Callable[[str], str | None],
        off: int = 0,
    ) -> list[int]:
        """The hits of the candidate word at ``text[s]`` (normalising words with ``lowered`` and
        ``folded``, which answer ``None`` for a word they cannot read; the rule groups of the bits
        of ``off`` not read)."""
        e = self._word_end(text, s, hi)
        word = text[s:e]
        low = lowered(word)
        if low is None:
            return [s, e, -1, H_IRREGULAR]
        found = self._walk(text, s, e, hi, low, lowered, "'")
        if found is None:
            return [s, e, -1, H_IRREGULAR]
        if not found:
            fold = folded(word)
            if fold is not None and fold != low:
                walked = self._walk(text, s, e, hi, fold, folded, "")
                if walked:
                    walked[3] |= H_FOLDED
                found = walked or []
        # a later word of a name, after a space or a hyphen, has its capital ("Нью-Йорке"), or is
        # written in a script without case ("마셜 제도에서": Korean's particle on the last word)
        later = e + 1 < hi and text[e] in " -" and _caseless_or_upper(text[e + 1])
        if not found or found[3] & H_FOLDED or self._always(low, off):  # "Číně" folds to "Cine"
            found += self._variants(s, e, low, later, off)
        elif later and found[1] == e:  # a key of this word alone may begin a name whose last word is inflected
            lasts = self._lasts(low, off)
            found += [x for k in range(0, len(lasts), 2) for x in (s, e, lasts[k], lasts[k + 1])]
        return found

    def _walk(
        self, text: str, s: int, e: int, hi: int, head: str, norm: Callable[[str], str | None], apos: str
    ) -> list[int] | None:
        """The longest key starting with the word ``head`` at ``text[s:e]``: ``[start, end, key
        row, tokens]``, ``[]`` when none, ``None`` when a word on the way is irregular. ``apos``
        is an apostrophe as ``norm`` writes it (folding drops it: "cote divoire")."""
        combined = self._apostrophe(text, e, hi, head, norm, apos)
        if combined is None:
            return None
        if combined[1] != e:  # "Martha's Vineyard", else "Russia's" as "Russia"
            found = self._read_on(text, s, combined[1], hi, combined[0], norm, apos)
            if found != []:
                return found
        return self._read_on(text, s, e, hi, head, norm, apos)

    def _read_on(
        self, text: str, s: int, end: int, hi: int, key: str, norm: Callable[[str], str | None], apos: str
    ) -> list[int] | None:
        """:meth:`_walk` from the first token ``key`` ending at ``end``."""
        best: list[int] = []
        n = 1
        while True:
            row = self._keys(key)
            if row >= 0:
                best = [s, end, row, n]
            t = self._text(key)
            if t < 0 or not self._flags[t] & TEXT_MORE or n == MAX_TOKENS:
                return best
            start = self._separator(text, end, hi)
            if start < 0:
                return best
            stop = self._word_end(text, start, hi)
            tok = norm(text[start:stop])
            if tok is None:
                return None
            nxt = self._apostrophe(text, stop, hi, f"{key} {tok}", norm, apos)
            if nxt is None:
                return None
            key, end = nxt
            n += 1

    def _apostrophe(
        self, text: str, end: int, hi: int, key: str, norm: Callable[[str], str | None], apos: str
    ) -> tuple[str, int] | None:
        """``key`` (ending at ``end``) with the apostrophe part that follows it ("Martha's",
        "d'Ivoire", "N'Djamena") when that makes an entry; ``None`` when that part is irregular."""
        if end + 1 >= hi or not self._bits(text[end]) & C_APOS or not self._bits(text[end + 1]) & C_WORD:
            return key, end
        stop = self._word_end(text, end + 1, hi)
        part = norm(text[end + 1 : stop])
        if part is None:
            return None
        joined = f"{key}{apos}{part}"
        if self._keys(joined) >= 0 or self._text(joined) >= 0:
            return joined, stop
        return key, end

    def _separator(self, text: str, pos: int, hi: int) -> int:
        """Where the next word of a name starts after ``pos``, or -1: after one to three spaces, a
        hyphen (with a space either side or none), ". " or a line break."""
        bits = self._bits

        def word(k: int) -> bool:
            return k < hi and bool(bits(text[k]) & C_WORD)

        k = pos
        while k < hi and k - pos < 3 and bits(text[k]) & C_BLANK:
            k += 1
        if k > pos and word(k):
            return k
        h = pos + 1 if pos + 1 < hi and text[pos] in _BLANK2 else pos
        if h < hi and bits(text[h]) & C_HYPHEN and (h == pos or text[pos] in _BLANK2):
            if word(h + 1):
                return h + 1
            if h + 1 < hi and text[h + 1] in _BLANK2 and word(h + 2):
                return h + 2
        if pos < hi and text[pos] == "." and pos + 1 < hi and text[pos + 1] in _BLANK2:
            if word(pos + 2):
                return pos + 2
            if pos + 2 < hi and text[pos + 2] in _BLANK2 and word(pos + 3):
                return pos + 3
        k = pos
        while k < hi and text[k] in _BLANK2:
            k += 1
        if k < hi and bits(text[k]) & C_CR:
            k += 1
        if k < hi and bits(text[k]) & C_NEWLINE:
            k += 1
            while k < hi and text[k] in _BLANK2:
                k += 1
            if word(k):
                return k
        return -1

    # --- affixes --------------------------------------------------------------------------------

    def _always(self, low: str, off: int) -> bool:
        script = self._script[ord(low[0])] if ord(low[0]) < 0x10000 else 0
        return any(rule[4] for g, rule in self._rules.get(script, ()) if not off >> g & 1)

    def _variants(self, s: int, e: int, low: str, later: bool, off: int) -> list[int]:
        """Hits of the forms the affix rules make of the word ``low`` (each a key, or the start of
        one); the rule group's index + 1 in the bits from :data:`H_RULE`."""
        found = self._forms.get((low, later, off))  # a word's forms are the same wherever it stands
        if found is None:
            found = self._forms.put((low, later, off), self._forms_of(low, later, off))
        return [x for k in range(0, len(found), 2) for x in (s, e, found[k], found[k + 1])]

    def _forms_of(self, low: str, later: bool, off: int) -> tuple[int, ...]:
        """:meth:`_variants` of a word, each hit as its key row and info."""
        script = self._script[ord(low[0])] if ord(low[0]) < 0x10000 else 0
        out: list[int] = []
        size = len(low)
        for g, (_, prefixes, suffixes, min_stem, _always, _last) in self._rules.get(script, ()):
            if off >> g & 1:
                continue
            seen = {low}  # each group reports its own forms (see the C scanner)
            ends, longest = self._ends[g]
            # the suffixes ``low`` ends in, in the order of the rule (the hits' order)
            found = sorted(k for n in range(min(size, longest) + 1) for k in ends.get(low[size - n :], ()))
            endings = [(*_NONE, *suffixes)[k] for k in found]
            for pf, pt in (*_NONE, *prefixes):
                if not low.startswith(pf):
                    continue
                for sf, st in endings:
                    if size - len(pf) - len(sf) < min_stem:
                        continue
                    form = pt + low[len(pf) : size - len(sf)] + st
                    if form in seen:
                        continue
                    seen.add(form)
                    row = self._keys(form)
                    t = self._text(form)
                    more = t >= 0 and self._flags[t] & TEXT_MORE
                    if row >= 0 or more:
                        out += [row, 1 | (H_MORE if more else 0) | (g + 1) * H_RULE]
        # the word as written, when it only begins longer keys: in a language that inflects every
        # word of a name (a group read ``always``), a later word may be the inflected one
        # ("Нью-Йорке"), read on with that group's forms
        group = (
            next((g for g, rule in self._rules.get(script, ()) if rule[4] and not off >> g & 1), -1) if later else -1
        )
        t = self._text(low) if group >= 0 else -1
        if t >= 0 and self._flags[t] & TEXT_MORE and self._keys(low) < 0:
            out += [-1, 1 | H_MORE | (group + 1) * H_RULE]
        if later:
            out += self._lasts(low, off)
        return tuple(out)

    def _lasts(self, low: str, off: int) -> tuple[int, ...]:
        """The word as written, when it begins longer keys, read on by each group that inflects the
        last word of a name (``last``: German "Saudi-Arabiens"), as its key row and info."""
        script = self._script[ord(low[0])] if ord(low[0]) < 0x10000 else 0
        groups = [g for g, rule in self._rules.get(script, ()) if rule[5] and not off >> g & 1]
        t = self._text(low) if groups else -1
        if t < 0 or not self._flags[t] & TEXT_MORE:
            return ()
        return tuple(x for g in groups for x in (-1, 1 | H_MORE | (g + 1) * H_RULE))

    # --- scripts without spaces -----------------------------------------------------------------

    def segment(self, text: str, a: int, b: int) -> list[int]:
        """The key hits of the cheapest segmentation of the run ``text[a:b]`` (:func:`.segment.cheapest`)."""
        return cheapest(text, a, b, self._fold, self._costs, self._text, self._keys, self._rank, self._flags, _unspaced)


def _caseless_or_upper(ch: str) -> bool:
    """A capital, or a letter of a script without case (as the C scanner's ``caseless_or_upper``)."""
    return ch.isupper() or (ch.isalpha() and not ch.islower())


def _unspaced(rank: int) -> int:
    """The info of a segment's key hit: unspaced, with the word's rank class."""
    return H_UNSPACED | rank * H_RULE


#: ``TextScan(text, flags, rank, keys, tables, rules, elisions, costs)``: C's, or :class:`PyTextScan`.
TextScan: Callable[..., Any] = _accel.implementation("TextScan", PyTextScan)

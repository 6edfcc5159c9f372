"""The scan: running text → candidate mentions (:class:`.raw.Raw`), most words dismissed in C.

Each chunk of text is split into candidate words, which are filtered against the known misses and
dead pairs (see :mod:`.verdicts`) with one regex (:meth:`Scanner._regex_candidates`) or with numpy
(:func:`.vectorscan.vector_scan`), so on ordinary prose only a word not seen before, or a
pair-starting word followed by a new word, costs a Python step. Runs of scripts without spaces go
to :mod:`.unspaced`, dotted acronyms ("U.S.") are found apart.
"""

from __future__ import annotations

import functools
import itertools
import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from operator import not_
from typing import cast

from ..normalize import fold_key, normalize_name
from .casing import CODE_NEIGHBOUR, Casing
from .inflection import CYRILLIC, nominative
from .lexicon import Lexicon, token_key
from .lookups import Lookups
from .patterns import APOS, APOSTROPHES, NEXT, chunks, maybe_unspaced, patterns
from .raw import Raw
from .unspaced import Unspaced
from .vectorscan import UNKNOWN, VECTOR_MAX, VECTOR_MIN, vector_scan
from .verdicts import ALONE_WORD, HEADLINE, LONGER, SKIP, UPPER, Verdicts

__all__ = ["Scanner"]

_group = re.Match.group
#: Texts up to this long are first checked as a whole against the known misses (one findall and
#: one set operation in C); longer texts would rarely pass, so they go straight to the scan.
_GATE_MAX = 4096
#: "U.S.", "U.A.E.": capitals each followed by a dot, not glued to a word on either side.
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}(?![\w])")
_DOTTED_HINT = re.compile(r"\.[A-Z]\.")
#: Case forms looked up for phrases of up to this many Cyrillic words.
_INFLECTED_TOKENS = 3

_Candidate = tuple[str, int, int, str | None, int | None, int | None]


class Scanner:
    """Finds candidate mentions; thread-safe for reading (its memories are per process)."""

    def __init__(self, lexicon: Lexicon, casing: Casing, lookups: Lookups) -> None:
        self.lexicon = lexicon
        self.casing = casing
        self.lookups = lookups
        self.unspaced = Unspaced(lexicon.index)
        self.verdicts = Verdicts(lexicon, casing)
        #: Chunks this long or longer are split with numpy (see :data:`.vectorscan.VECTOR_MIN`).
        self.vector_min = VECTOR_MIN

    def scan(self, text: str) -> list[Raw]:
        pats = patterns()
        raws: list[Raw] = []
        unspaced: bool | None = None  # does the text have characters of a script without spaces?
        miss = self.verdicts.miss
        if len(text) > _GATE_MAX or not all(map(miss.__contains__, map(str.lower, pats.start.findall(text)))):
            raws, unspaced = self._scan_spaced(text)
        if text.isascii():
            unspaced = False
        if (unspaced is None and maybe_unspaced(text) and pats.unspaced.search(text)) or unspaced:
            for m in pats.unspaced.finditer(text):
                raws.extend(self.unspaced.scan(m.group(), m.start()))
            raws.sort(key=lambda r: r.start)
        if "." in text:
            raws = self._dotted(text, raws)
        return raws

    def _dotted(self, text: str, raws: list[Raw]) -> list[Raw]:
        """Dotted acronyms ("U.S.", "U.K."), which the word scan splits into letters.

        Only a place stored under the same capitals counts ("U.K." is "UK"), so "i.e." stays a word.
        """
        found = []
        starts: list[int] = []
        reach: list[int] = []  # the furthest end of the raws up to each one
        last = -1
        for hint in _DOTTED_HINT.finditer(text):  # ".S." is rare and cheap to find; then look closer
            m = _DOTTED.match(text, hint.start() - 1) if hint.start() > last else None
            if m is None:
                continue
            s, e = m.span()
            last = e
            if raws and not starts:
                starts = [r.start for r in raws]
                reach = list(itertools.accumulate((r.end for r in raws), max))
            i = bisect_left(starts, e)  # the raws starting before the end of this one
            if i and reach[i - 1] > s:
                continue  # overlaps a mention found by the word scan
            top = self.lookups.get(m.group()).top
            letters = m.group().replace(".", "")
            if top is not None and top.matched.replace(".", "").replace(" ", "") == letters:
                found.append(Raw(s, e, m.group(), specific=True))
        if not found:
            return raws
        return sorted([*raws, *found], key=lambda r: r.start)

    def _candidates(self, text: str, lo: int, chunk: str) -> tuple[Iterable[_Candidate], bool | None]:
        """The candidate words of one chunk, and whether it has unspaced characters (``None``: not known)."""
        found = None
        verdicts = self.verdicts
        if self.vector_min <= len(chunk) <= VECTOR_MAX:
            found = vector_scan(chunk, lo, verdicts.miss_h, verdicts.dead_h)
        if found is None:
            return self._regex_candidates(text, lo, chunk), None
        (words, starts, ends, nexts, hashes, pairs), seen = found
        return zip(words, starts, ends, nexts, hashes, pairs, strict=True), seen

    def _scan_spaced(self, text: str) -> tuple[list[Raw], bool | None]:
        """Mentions in cased and spaced scripts, and whether the text has characters of a script
        without spaces (``None``: not known)."""
        verdicts = self.verdicts
        miss, memo = verdicts.miss, verdicts.memo
        peek_re = patterns().peek
        raws: list[Raw] = []
        unspaced, unknown = False, False
        last = 0
        for lo, chunk in chunks(text):
            candidates, seen = self._candidates(text, lo, chunk)
            if seen is None:
                unknown = True
            else:
                unspaced = unspaced or seen
            for word, s, e, nxt, hw, pair in candidates:
                if s < last:
                    continue
                if nxt == UNKNOWN:
                    if word.lower() in miss:
                        continue
                    nxt = peek_re.match(text, e).group(1)  # type: ignore[union-attr]
                verdict = memo.get((word, nxt))
                if verdict is None:
                    verdict = verdicts.verdict(word, nxt, hw, pair)
                if verdict == SKIP:
                    continue
                if verdict == LONGER:
                    raw = self._match_at(text, s, e, word)
                elif verdict == HEADLINE:
                    raw = self.casing.raw(text, s, e, word, 1)
                elif verdict & UPPER and (CODE_NEIGHBOUR.match(text, e) or (s and text[s - 1] in "-_/.")):
                    continue  # an acronym inside an identifier: "US-ASCII", "en-US"
                else:
                    raw = Raw(s, e, word, False, bool(verdict & ALONE_WORD))
                if raw is not None:
                    last = raw.end
                    raws.append(raw)
        return raws, True if unspaced else None if unknown else False

    def _regex_candidates(self, text: str, lo: int, chunk: str) -> Iterator[_Candidate]:
        """The candidate words of ``chunk`` (at ``lo`` in ``text``) that are not known misses or
        dead pairs, as :func:`.vectorscan.vector_scan` gives them, found with the split regex."""
        pats = patterns()
        miss, dead = self.verdicts.miss, self.verdicts.dead
        # ``split`` gives the words and the text between them as plain strings (match objects
        # would cost more, in allocation and garbage collection); offsets are summed lengths
        parts = pats.split.split(chunk)
        if len(parts) < 3:
            return iter(())
        offsets = list(itertools.accumulate(map(len, parts), initial=lo))
        words = parts[1::2]
        # C-level filters first: known misses by word, then known dead pairs ("The" + "If")
        lows = map(str.lower, words)
        live = list(itertools.compress(range(len(words)), map(not_, map(miss.__contains__, lows))))
        if not live:
            return iter(())
        words = list(map(words.__getitem__, live))
        starts = list(map(offsets[1::2].__getitem__, live))
        ends = list(map(offsets[2::2].__getitem__, live))
        # the pattern matches everywhere (its group is optional)
        peek = cast("Callable[[int], re.Match[str]]", functools.partial(pats.peek.match, text))
        nexts = list(map(_group, map(peek, ends), itertools.repeat(1)))
        keep = map(not_, map(dead.__contains__, zip(words, nexts, strict=True))) if dead else itertools.repeat(True)
        none = itertools.repeat(None)
        return itertools.compress(zip(words, starts, ends, nexts, none, none, strict=False), keep)

    def _head(self, text: str, e: int, word: str) -> tuple[str, str, int, int]:
        """The word, with an apostrophe part ("Martha's", "N'Djamena") when one follows and starts
        a key: (token as written, its key, its end, its first-token code)."""
        first = self.lexicon.first
        if text[e : e + 1] in APOSTROPHES:
            apos = APOS.match(text, e)
            if apos:
                whole = word + text[e : apos.end()]
                k = token_key(whole)
                code = first[k] or first[fold_key(k)]
                if code:
                    return whole, k, apos.end(), code
        head_key = token_key(word)
        code = first[head_key]
        if not code and not word.isascii():
            code = first[fold_key(head_key)]
        return word, head_key, e, code

    def _tokens(self, text: str, head_key: str, e: int, maxn: int, cyrillic: bool) -> list[tuple[str, int]]:
        """Up to ``maxn`` tokens from the head: (key, end); a second token only if some key starts
        with the pair."""
        parts = [(head_key, e)]
        pos = e
        while len(parts) < maxn:
            nxt = NEXT.match(text, pos)
            if nxt is None:
                break
            tok = nxt.group(1)
            end = nxt.end()
            if text[end : end + 1] in APOSTROPHES:
                apos = APOS.match(text, end)
                if apos:
                    tok, end = tok + text[nxt.end() : apos.end()], apos.end()
            k = tok.lower() if tok.isascii() else normalize_name(tok)
            if len(parts) == 1 and not cyrillic and not self.lexicon.pair(head_key, k):
                break
            parts.append((k, end))
            pos = end
        return parts

    def _match_at(self, text: str, s: int, e: int, word: str) -> Raw | None:
        """The longest mention starting with the word ``text[s:e]``, or ``None``."""
        head_tok, head_key, e, code = self._head(text, e, word)
        maxn, alone = code >> 1, code & 1
        cyrillic = not word.isascii() and bool(CYRILLIC.match(word))
        if not maxn:
            if cyrillic:
                head_key, head_tok, maxn = token_key(word), word, _INFLECTED_TOKENS
            elif self.casing.fuzzy_ok(word):
                return self.casing.fuzzy_raw(text, s, e, word)
            else:
                return None
        parts = self._tokens(text, head_key, e, maxn, cyrillic)
        if not cyrillic:
            n, possessive = self.lexicon.longest(tuple(p[0] for p in parts), alone)
            if not n:
                return None
            return self.casing.raw(text, s, parts[n - 1][1] - 2 * possessive, head_tok, n)
        return self._cyrillic_at(text, s, head_tok, parts, alone)

    def _cyrillic_at(self, text: str, s: int, head_tok: str, parts: list[tuple[str, int]], alone: int) -> Raw | None:
        """The longest mention of Cyrillic tokens, a case form of a stored name included."""
        lexicon, major = self.lexicon, self.lookups.major
        for n in range(len(parts), 0, -1):
            key = " ".join(p[0] for p in parts[:n])
            end = parts[n - 1][1]
            if (n > 1 or alone) and lexicon.has_key(key):
                if n <= _INFLECTED_TOKENS:
                    # "Китая" is stored as some village, but is the genitive of "Китай" (China):
                    # a case form of a major place wins over a minor place spelt like it
                    form = nominative([p[0] for p in parts[:n]], lexicon, major)
                    if form is not None and major(form) and not major(text[s:end]):
                        return Raw(s, end, form, inflected=True, specific=n > 1)
                return self.casing.raw(text, s, end, head_tok, n)
            # possessive: "South Korea's", "Kuril Islands’s"
            if n > 1 and key.endswith("'s") and lexicon.has_key(key[:-2]):
                return self.casing.raw(text, s, end - 2, head_tok, n)
            if n <= _INFLECTED_TOKENS:
                form = nominative([p[0] for p in parts[:n]], lexicon, major)
                if form is not None:
                    return Raw(s, end, form, inflected=True, specific=n > 1)
        return None

"""Capitalisation is evidence in cased scripts: the policy that turns a key hit into a candidate.

Lower-case words never start a mention ("nice", "us"); an all-capitals short token must match a
stored name letter for letter ("US"); inner capitals are spelling ("NaN" is not "Nan"); a fuzzy
match is tried only for long, title-case words that are not dictionary words.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import OSA

from ..index import Index
from ..normalize import fold_key
from ..vocab import MAJOR_KINDS
from .lexicon import token_key
from .lookups import Lookups
from .patterns import headline, sentence_initial
from .raw import Raw

__all__ = ["CODE_NEIGHBOUR", "Casing"]

#: What follows an acronym that is part of an identifier ("US-ASCII", "UK_2"); "US-led" is a name.
CODE_NEIGHBOUR = re.compile(r"[-_/.][A-Z0-9]")
#: Fuzzy matching in text: only long, title-case, non-dictionary tokens, and only these kinds.
_FUZZY_MIN_LEN = 8
_FUZZY_KINDS = frozenset({"country", "territory", "subdivision", "island", "island-group", "region", "sea", "ocean"})


class Casing:
    """The capitalisation policy, with the lookups it needs to check stored spellings."""

    def __init__(self, index: Index, lookups: Lookups, *, fuzzy: bool) -> None:
        self.index = index
        self.lookups = lookups
        self.fuzzy = fuzzy

    def raw(self, text: str, s: int, e: int, head: str, n: int) -> Raw | None:
        """Apply the policy to a key hit of ``n`` tokens at ``text[s:e]`` starting with ``head``."""
        surface = text[s:e]
        if n > 1:
            return Raw(s, e, surface, specific=True)
        letters = sum(ch.isalpha() for ch in surface)
        folded = fold_key(token_key(surface))
        word = folded in self.index.policy.words or folded in self.index.policy.stop
        if head.isupper() and letters >= 2:
            # a headline in capitals reads like title case; elsewhere "US", "IT", "OR" must be
            # stored acronyms spelt exactly like this
            if headline(text, s, e) and letters >= 4:
                return Raw(s, e, surface, word=word)
            if CODE_NEIGHBOUR.match(text, e) or (s > 0 and text[s - 1] in "-_/."):
                return None  # part of an identifier: "US-ASCII", "en-US", "ISO/IEC"
            return Raw(s, e, surface) if self.acronym_ok(surface) else None
        if letters < 3 and not self.stored_exactly(surface):
            return None
        if any(ch.isupper() for ch in surface[1:]) and not self.stored_exactly(surface):
            return None  # "NaN", "GiB", "PyPI": inner capitals are spelling, not a variant of "Nan"
        top = self.lookups.get(surface).top
        if top is not None and len(top.matched) > 1 and top.matched.isupper() and top.matched != surface:
            return None  # "Mac" is not "MAC", "Usa" not "USA": an acronym is spelt in capitals
        return Raw(s, e, surface, word=word)

    def acronym_ok(self, surface: str) -> bool:
        """An all-capitals token is a place only as a stored acronym, and not as a bare ISO code.

        Data sources file ISO 3166 alpha-3 codes as names ("AND" for Andorra, "TLS") and local
        abbreviations of cities ("HH", "SF"); in prose these are words or technical acronyms. A
        country's acronym stands ("UK", "UAE", "USA") unless it is only its alpha-3 code; a
        smaller place's acronym needs an English name tag.
        """
        match = self.lookups.get(surface).answer
        if match is None or match.matched != surface:
            return False
        english = any(n.name == surface and "en" in n.langs for n in match.place.names)
        if match.place.kind not in MAJOR_KINDS:
            return english
        return english or match.place.codes.get("iso3166_1_alpha3") != surface

    def stored_exactly(self, surface: str) -> bool:
        match = self.lookups.get(surface).answer
        return match is not None and match.matched == surface

    # --- fuzzy ------------------------------------------------------------------------------------

    def fuzzy_ok(self, word: str) -> bool:
        """May ``word`` be tried as a typo of a name?"""
        return (
            self.fuzzy
            and len(word) >= _FUZZY_MIN_LEN
            and word.isalpha()
            and word.istitle()
            and fold_key(token_key(word)) not in self.index.policy.words
        )

    def fuzzy_raw(self, text: str, s: int, e: int, word: str) -> Raw | None:
        if sentence_initial(text, s) or not self.fuzzy_hit(word):
            return None
        return Raw(s, e, word, fuzzy=True)

    def fuzzy_hit(self, word: str) -> bool:
        """Is ``word`` (written anywhere but at a sentence start) a typo of a place name?"""
        match = self.lookups.get(word).answer
        if match is None or match.method != "fuzzy" or match.place.kind not in _FUZZY_KINDS:
            return False
        a, b = fold_key(token_key(word)), fold_key(token_key(match.matched))
        # one edit at most, and not a longer word built on the name: "Georgian", "Mongolian" and
        # "Indonesian" are one letter from their countries but are adjectives, not misspellings
        return not (" " in b or a.startswith(b) or b.startswith(a) or OSA.distance(a, b) > 1)

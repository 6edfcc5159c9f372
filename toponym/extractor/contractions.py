"""Names whose article a preposition has swallowed: "au Locle" is "Le Locle", "du Caire" "Le
Caire" (``lexicons/contraction.toml``). The word after the preposition is the mention; the stored
name with its article is what it names."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from .lookups import Lookups
from .raw import Raw, replaced
from .wordlists import load_lexicon

__all__ = ["Contractions"]


@functools.cache
def _rules() -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    articles: dict[str, tuple[str, ...]] = {}
    for entry in load_lexicon("contraction.toml")["contraction"]:
        for form in entry["form"]:
            articles[form] = tuple(entry["article"])
    joined = "|".join(sorted(map(re.escape, articles), key=len, reverse=True))
    # the preposition after a space, one space, then a capitalised word (hyphens inside); a
    # pattern that begins with a space is searched for that character first (several times faster)
    return re.compile(rf" ({joined}) ([A-ZÀ-ÖØ-Þ]\w*(?:-\w+)*)(?![\w'’])"), articles


class Contractions:
    """Finds the names after a contracted article in a text."""

    def __init__(self, lookups: Lookups, ordinary: Callable[[str], bool]) -> None:
        self.lookups = lookups
        self.ordinary = ordinary
        self.pattern, self.articles = _rules()

    def find(self, text: str, lo: int, hi: int, raws: list[Raw]) -> list[Raw]:
        """``raws`` with the words after a contracted article that, with the article, are a stored
        name, each in place of a candidate of that word alone. Not an ordinary word, nor a country's
        name ("du Vatican"), nor where a candidate holds the preposition ("Du Bois-Reymond")."""
        if self.pattern.search(text, lo, hi) is None:  # most texts: one search, nothing built
            return raws
        found: dict[int, Raw] = {}
        held = [(r.start, r.end) for r in raws]
        for m in self.pattern.finditer(text, lo, hi):
            word = m.group(2)
            if self.ordinary(word) or self.lookups.major(word) or any(s < m.end(1) and m.start(1) < e for s, e in held):
                continue
            for article in self.articles[m.group(1)]:
                query = f"{article} {word}"
                top = self.lookups.get(query).top
                if top is not None and top.matched.casefold() == query.casefold():
                    found[m.start(2)] = Raw(m.start(2), m.end(2), query, specific=True)
                    break
        return replaced(raws, list(found.values()))

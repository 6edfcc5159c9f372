"""Extractor: running text → place mentions with exact ``str`` offsets, each linked to a place.

Why it is built this way (details in docs/text.md):

* **Speed without a per-token resolver call** (:mod:`.scan`, :mod:`.vectorscan`, :mod:`.verdicts`):
  only words that may start a mention are candidates, most are dismissed in C or numpy against the
  memories of misses, and a verdict on a word and the word after it is memoised.
* **Longest match over index keys** (:mod:`.lexicon`): "Russian Federation" over "Russian".
* **Capitalisation is evidence in cased scripts** (:mod:`.casing`).
* **Scripts without spaces** (:mod:`.unspaced`): the longest key at each position, with guards.
* **Case forms** (:mod:`.inflection`): в Москве, на Курилах link with ``method="inflected"``.
* **Document context** (:mod:`.linking`): ambiguous and word-like names are settled by the other
  places of the same text.

Language knowledge (word lists, endings) is data, in ``lexicons/*.toml``.
"""

from __future__ import annotations

from ..model import Mention
from ..resolver import Resolver
from .casing import Casing
from .lexicon import Lexicon
from .linking import Linker
from .lookups import Lookups
from .scan import Scanner

__all__ = ["Extractor"]


class Extractor:
    """Find place mentions in text with one :class:`~toponym.resolver.Resolver`. Thread-safe for reading.

    >>> from toponym import Gazetteer
    >>> ex = Gazetteer.from_folder("tests/fixtures/gazetteer").extractor
    >>> [(m.text, m.place.id) for m in ex.extract("Kunashiri lies east of Hokkaido, in Russia.")]
    [('Kunashiri', 'kunashir'), ('Russia', 'ru')]
    """

    def __init__(self, resolver: Resolver, *, fuzzy: bool = True) -> None:
        self.resolver = resolver
        index = resolver.index
        self.lookups = Lookups(resolver)
        self.lexicon = Lexicon(index)
        self.scanner = Scanner(self.lexicon, Casing(index, self.lookups, fuzzy=fuzzy and resolver.fuzzy), self.lookups)
        self.linker = Linker(index, resolver, self.lookups)

    def extract(self, text: str, *, context: bool = True) -> list[Mention]:
        """Every place mention in ``text``, in order, without overlaps; longest match wins.

        ``context=False`` skips the second pass that resolves ambiguous names with the other
        places of the text (faster, fewer answers).
        """
        if not isinstance(text, str) or not text:
            return []
        raws = self.scanner.scan(text)
        if not raws:
            return []
        return self.linker.link(text, raws, context)

"""Extractor: running text → place mentions with exact ``str`` offsets, each linked to a place.

Why it is built this way (details in docs/text.md):

* **Speed without a per-word resolver call** (:mod:`.textscan`, :mod:`.scan`): one pass over the
  text in C looks every word that may start a mention up in the index's keys and text lexicon,
  reads on while a longer key may follow ("Russian Federation" over "Russian"), and reports only
  the hits; the answers compiled at build time link them.
* **Capitalisation is evidence in cased scripts** (:mod:`.casing`).
* **Scripts without spaces** are segmented into words and names (:mod:`.textscan`).
* **Word forms** (:mod:`.affixes`): в Москве, بلبنان, Deutschlands, 서울에서 link with
  ``method="inflected"``; "l'Allemagne" starts a name after the elided article.
* **Document context** (:mod:`.linking`): ambiguous and word-like names are settled by the other
  places of the same text.
* **A text seen before** is answered from memory: a column, a file or a corpus repeats lines
  ("Paris, France", a boilerplate sentence, a second run over the same texts).

Language knowledge (word lists, endings) is data, in ``lexicons/*.toml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..memo import TextMemo
from ..model import Mention
from ..resolver import Resolver
from .linking import Linker
from .lookups import Lookups
from .raw import Raw
from .scan import Scanner
from .windows import WINDOW, scan_windows

__all__ = ["Extractor"]

#: Texts up to this many characters (an article) are remembered with their mentions; a longer one
#: (a block of a file the command line reads) seldom comes again, and would take much of the
#: memory alone.
MEMO_TEXT = 20_000
#: ... up to this many characters of such texts in all (the memo starts again past it): a few
#: megabytes held, as much as the other memories of the extractor.
MEMO_CHARS = 8_000_000


class Extractor:
    """Find place mentions in text with one :class:`~toponym.resolver.Resolver`. Thread-safe for reading.

    >>> from toponym import Gazetteer
    >>> ex = Gazetteer.from_folder("tests/fixtures/gazetteer").extractor
    >>> [(m.text, m.place.id) for m in ex.extract("Kunashiri lies east of Hokkaido, in Russia.")]
    [('Kunashiri', 'kunashir'), ('Russia', 'ru')]
    """

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        index = resolver.index
        self.lookups = Lookups(resolver)
        self.scanner = Scanner(index, self.lookups)
        self.linker = Linker(index, resolver, self.lookups, self.scanner.languages)
        self._texts: TextMemo[tuple[str, bool, bool], tuple[Mention, ...]] = TextMemo(chars=MEMO_CHARS)

    def extract(
        self, text: str, *, context: bool = True, demonyms: bool = False, _window: int = WINDOW
    ) -> list[Mention]:
        """Every place mention in ``text``, in order, without overlaps; longest match wins.

        ``context=False`` skips the second pass that resolves ambiguous names with the other
        places of the text (faster, fewer answers). A text longer than ``_window`` characters is
        read in windows (:mod:`.windows`), with the same answers.
        """
        if not isinstance(text, str) or not text:
            return []
        key = (text, context, demonyms) if len(text) <= MEMO_TEXT and _window == WINDOW else None
        if key is not None and (found := self._texts.get(key)) is not None:
            return list(found)  # the caller's own list: the memory keeps a tuple
        mentions = self._extract(text, context, demonyms, _window)
        if key is not None:
            self._texts.put_text(key, text, tuple(mentions))
        return mentions

    def _extract(self, text: str, context: bool, demonyms: bool, _window: int) -> list[Mention]:
        told = self.linker.languages.teller(text)  # told once, on the first need of scanner or linker
        if len(text) <= _window:
            raws: Sequence[Raw] = self.scanner.scan(text, told)
        else:
            raws = scan_windows(self.scanner, text, _window, told)
        if not raws:
            return []
        return self.linker.link(text, raws, context, demonyms, told)

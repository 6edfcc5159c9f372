"""One long text in windows: what extraction holds at once is bounded by the window, not the text.

A text longer than :data:`WINDOW` characters is scanned window by window. Each window ends at a
cut after a line break or a space (never inside a word or a run of a script without spaces) and is
read with :data:`OVERLAP` characters beyond the cut, so a name across the cut is read whole and
the rules that look at the next candidate see it; only the candidates that start before the cut
are kept. The next window goes on where the scan of the whole text would: past the key hits and
candidates that started before the cut. The candidates of the whole text are kept compactly
(:class:`Candidates`), and linked together, so document context is that of the whole text.
"""

from __future__ import annotations

from array import array
from collections import Counter
from collections.abc import Collection, Iterator, Sequence
from typing import TYPE_CHECKING, overload

from ..charclass import KANA
from .chars import extends
from .proper import forget_people
from .raw import Raw, Signature, make_raw

if TYPE_CHECKING:
    from .language import Told
    from .scan import Scanner

__all__ = ["OVERLAP", "WINDOW", "Candidates", "cut_at", "scan_windows"]

#: Characters of text scanned at a time; a text this long or shorter is one window.
WINDOW = 1 << 17
#: Characters read past a cut: more than the longest name (79 characters in the shipped index)
#: with the words a scan reads on to find it.
OVERLAP = 1 << 10

_Kind = tuple[str, bool, bool, bool, int, int]


def _word(ch: str) -> bool:
    return ch.isalnum() or extends(ord(ch))


def cut_at(text: str, lo: int, size: int) -> int:
    """Where the window starting at ``lo`` ends: after the last line break of its second half, else
    after its last space, else at the first character after ``lo + size`` that ends no word; a
    text without any (a run of letters longer than the window) is cut where it must be."""
    n = len(text)
    end = lo + size
    if end >= n:
        return n
    mid = lo + size // 2
    for sep in ("\n", " "):
        k = text.rfind(sep, mid, end)
        if k >= 0:
            return k + 1
    k = end
    while k < min(n, end + OVERLAP) and (_word(text[k - 1]) or _word(text[k])):
        k += 1
    return k


class Candidates(Sequence[Raw]):
    """The candidates of a long text: three machine integers each (start, end, kind), their kinds
    (query and flags) stored once."""

    __slots__ = ("_ids", "_kinds", "_spans")

    def __init__(self) -> None:
        self._spans = array("q")
        self._kinds: list[_Kind] = []
        self._ids: dict[_Kind, int] = {}

    def append(self, raw: Raw) -> None:
        kind = (raw.query, raw.inflected, raw.word, raw.specific, raw.group, raw.rank)
        k = self._ids.get(kind)
        if k is None:
            k = self._ids[kind] = len(self._kinds)
            self._kinds.append(kind)
        self._spans.extend((raw.start, raw.end, k))

    def __len__(self) -> int:
        return len(self._spans) // 3

    @overload
    def __getitem__(self, i: int) -> Raw: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Raw]: ...
    def __getitem__(self, i: int | slice) -> Raw | Sequence[Raw]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        spans = self._spans
        s, e, k = spans[3 * i], spans[3 * i + 1], spans[3 * i + 2]
        return make_raw(s, e, *self._kinds[k])

    def __iter__(self) -> Iterator[Raw]:
        spans, kinds = self._spans, self._kinds
        for s, e, k in zip(spans[0::3], spans[1::3], spans[2::3], strict=True):
            yield make_raw(s, e, *kinds[k])

    def words(self) -> set[str]:
        """The queries of the candidates that are ordinary English words."""
        return {kind[0] for kind in self._kinds if kind[2]}

    def unword(self, queries: Collection[str]) -> None:
        """Read the candidates of ``queries`` as no ordinary word (see :func:`.raw.unworded`)."""
        for k, (query, inflected, word, specific, group, rank) in enumerate(self._kinds):
            if word and query in queries:
                self._kinds[k] = (query, inflected, False, specific, group, rank)
        self._ids = {kind: k for k, kind in enumerate(self._kinds)}

    def signatures(self) -> tuple[dict[Signature, int], dict[Signature, Raw]]:
        """How many candidates have each signature (:attr:`.Raw.signature`), and one candidate of
        each, in the order they first appear: what linking reads, without a pass over them all."""
        per_kind = Counter(self._spans[2::3])
        counts: dict[Signature, int] = {}
        ones: dict[Signature, Raw] = {}
        for k, kind in enumerate(self._kinds):  # kinds are numbered as they first appear
            raw = Raw(0, 0, *kind)
            sig = raw.signature
            counts[sig] = counts.get(sig, 0) + per_kind[k]
            ones.setdefault(sig, raw)
        return counts, ones


def scan_windows(scanner: Scanner, text: str, size: int = WINDOW, told: Told | None = None) -> Candidates:
    """The candidates of ``text`` read in windows of about ``size`` characters (see the module);
    ``told``: its language, told on need."""
    out = Candidates()
    kana = not text.isascii() and KANA.search(text) is not None  # Japanese: one scan for the whole text
    n = len(text)
    lo = floor = 0
    people: set[str] = set()
    while lo < n:
        cut = cut_at(text, lo, size)
        raws, goes_on = scanner.window(text, lo, cut, min(n, cut + OVERLAP), kana, people, told)
        for raw in raws:
            if floor <= raw.start < cut:
                out.append(raw)
                floor = max(floor, raw.end)
        lo = max(cut, goes_on, floor)
    if not people:
        return out
    kept = Candidates()  # a name given a person in one window is the person's in every other
    for raw in forget_people(text, out, people):
        kept.append(raw)
    return kept

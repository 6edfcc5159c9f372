"""One bounded memo: a dict that forgets everything when it grows past its size.

The extractor remembers verdicts on words, pairs of words and names per process; text that never
repeats must not make those memories grow without end. Clearing at once (rather than evicting one
entry at a time) keeps the hot path to one ``dict`` lookup, and a dict of strings and numbers is
not tracked by the garbage collector.
"""

from __future__ import annotations

import weakref
from typing import Any, TypeVar

__all__ = ["MAX_MEMO", "BoundedMemo", "TextMemo", "clear_memos"]

#: Entries a memo holds before it starts again: a text's names are few, and a long run over text
#: that does not repeat filled seven memos of 200,000 with up to 1 KB an entry (a plateau some
#: 400 MB above the texts after a million of them).
MAX_MEMO = 50_000

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """A ``dict`` with :meth:`put`, which clears it first when it holds more than ``size`` entries."""

    __slots__ = ("__weakref__", "size")

    def __init__(self, size: int = MAX_MEMO) -> None:
        super().__init__()
        self.size = size
        _memos[id(self)] = self

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` (forgetting everything first when full); return it."""
        if len(self) > self.size:
            self.clear()
        self[key] = value
        return value


class TextMemo(BoundedMemo[K, V]):
    """A :class:`BoundedMemo` keyed by texts, which also starts again past ``chars`` characters of
    keys in all: a memo of texts holds the texts (the caller's strings, kept alive), so its size in
    memory is that of its texts, not of its count."""

    __slots__ = ("chars", "held")

    def __init__(self, size: int = MAX_MEMO, chars: int = 4_000_000) -> None:
        super().__init__(size)
        self.chars = chars
        self.held = 0

    def put_text(self, key: K, text: str, value: V) -> V:
        """Remember ``value`` for ``key``, which holds ``text``; return it."""
        if self.held + len(text) > self.chars:
            self.clear()
        self.put(key, value)  # which starts again past ``size`` entries (and counts nothing held)
        self.held += len(text)
        return value

    def clear(self) -> None:
        super().clear()
        self.held = 0


_memos: weakref.WeakValueDictionary[int, BoundedMemo[Any, Any]] = weakref.WeakValueDictionary()


def clear_memos() -> None:
    """Forget what every memo of this process holds (``toponym.clear_caches``). Readers look a memo
    up with one ``get``, so a memo cleared under them only misses."""
    for memo in list(_memos.values()):
        memo.clear()

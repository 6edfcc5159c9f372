"""One bounded memo: a dict that forgets everything when it grows past its size.

The extractor remembers verdicts on words, pairs of words and names per process; text that never
repeats must not make those memories grow without end. Clearing at once (rather than evicting one
entry at a time) keeps the hot path to one ``dict`` lookup, and a dict of strings and numbers is
not tracked by the garbage collector.
"""

from __future__ import annotations

import weakref
from typing import Any, TypeVar

__all__ = ["MAX_MEMO", "BoundedMemo", "clear_memos"]

#: Entries a memo holds before it starts again.
MAX_MEMO = 200_000

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


_memos: weakref.WeakValueDictionary[int, BoundedMemo[Any, Any]] = weakref.WeakValueDictionary()


def clear_memos() -> None:
    """Forget what every memo of this process holds (``toponym.clear_caches``). Readers look a memo
    up with one ``get``, so a memo cleared under them only misses."""
    for memo in list(_memos.values()):
        memo.clear()

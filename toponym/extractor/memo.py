"""One bounded memo: a dict that forgets everything when it grows past its size.

The extractor remembers verdicts on words, pairs of words and names per process; text that never
repeats must not make those memories grow without end. Clearing at once (rather than evicting one
entry at a time) keeps the hot path to one ``dict`` lookup, and a dict of strings and numbers is
not tracked by the garbage collector.
"""

from __future__ import annotations

from typing import TypeVar

__all__ = ["MAX_MEMO", "BoundedMemo"]

#: Entries a memo holds before it starts again.
MAX_MEMO = 200_000

K = TypeVar("K")
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """A ``dict`` with :meth:`put`, which clears it first when it holds more than ``size`` entries."""

    __slots__ = ("size",)

    def __init__(self, size: int = MAX_MEMO) -> None:
        super().__init__()
        self.size = size

    def put(self, key: K, value: V) -> V:
        """Remember ``value`` for ``key`` (forgetting everything first when full); return it."""
        if len(self) > self.size:
            self.clear()
        self[key] = value
        return value

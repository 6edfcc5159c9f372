"""A candidate mention as the scanner finds it, before linking decides whether and where it points."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Raw"]


@dataclass(slots=True)
class Raw:
    start: int
    end: int
    query: str
    """What the resolver sees: the surface text, or the nominative of an inflected form."""
    inflected: bool = False
    word: bool = False
    """The surface is an ordinary (dictionary) word when written in lower case."""
    fuzzy: bool = False
    specific: bool = False
    """A name of several words, or one written as specifically (a key in a script without spaces,
    a dotted acronym): the rules for a single capitalised word do not apply."""

    @property
    def signature(self) -> tuple[str, bool, bool, bool]:
        """What the context-free verdict on a raw mention depends on."""
        return self.query, self.word, self.fuzzy, self.specific

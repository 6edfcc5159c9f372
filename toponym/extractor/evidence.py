"""What the rules on names inside longer names ask about the words around a name and the places
it names (:func:`.proper.proper`, :mod:`.persons`); the scanner answers."""

from __future__ import annotations

from typing import Protocol

__all__ = ["Evidence"]


class Evidence(Protocol):
    """What :func:`proper` asks about the words around a name and the places it names."""

    def ordinary(self, surface: str) -> bool:
        """Is ``surface`` an ordinary word (or a stop entry) when written in lower case?"""
        ...

    def function_word(self, surface: str) -> bool:
        """Is ``surface`` one of the commonest words of some language ("Para", "Como", "Man")?"""
        ...

    def frequent(self, word: str) -> bool:
        """Is ``word`` a frequent word of some language?"""
        ...

    def exonym(self, query: str) -> bool:
        """Does ``query`` name a country by other than its English name ("Brasilien")?"""
        ...

    def kind(self, query: str) -> str | None:
        """The kind of the first place ``query`` names, if any."""
        ...

    def national(self, query: str) -> bool:
        """Does ``query`` name a country or the like, or a first-level division of one (England)?"""
        ...

    def named(self, word: str) -> bool:
        """Is ``word`` a stored name of some place other than a village (not a typo of one)?"""
        ...

    def metropolis(self, query: str) -> bool:
        """Is the first place ``query`` names a country, a sea or the like, or a city of a million
        people?"""
        ...

    def renowned(self, query: str) -> bool:
        """Does ``query`` name a country or the like, a metropolis, or a first-level division of a
        million people: a place a reader knows by its name alone?"""
        ...

    def given(self, word: str) -> bool:
        """Is ``word`` a given name that is none of the commonest English words ("Jesús", not "Mark")?"""
        ...

    def surname(self, word: str) -> bool:
        """Is ``word`` one of the commonest surnames, a word or not ("Walker", "Miller")?"""
        ...

    def village(self, query: str) -> bool:
        """Does ``query`` name villages only?"""
        ...

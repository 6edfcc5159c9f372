"""The few errors toponym raises. Each subclasses a builtin and says what to do next."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["GazetteerError", "IndexFormatError", "Problem", "ToponymError", "UnknownPlaceError"]


class ToponymError(Exception):
    """Base class of every error raised by toponym."""


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the gazetteer sources, located as ``file:line``."""

    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


class GazetteerError(ToponymError, ValueError):
    """The gazetteer sources are invalid; ``problems`` lists every problem found, not just the first."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.file, p.line, p.message))
        lines = "\n".join(f"  {p}" for p in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the gazetteer:\n{lines}")


class IndexFormatError(ToponymError, ValueError):
    """A compiled index is missing, corrupt, or from another format version."""


class UnknownPlaceError(ToponymError, LookupError):
    """No place has the requested ID. Use ``resolve`` to look places up by name."""

"""The few errors toponym raises. Each subclasses a builtin and says what to do next."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "AmbiguousCodeError",
    "GazetteerError",
    "HintError",
    "IndexFormatError",
    "Problem",
    "SpecialFileError",
    "TextDecodeError",
    "ToponymError",
    "UnknownPlaceError",
]


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
    """No place has the requested ID or code. Use ``resolve`` to look places up by name."""


class AmbiguousCodeError(ToponymError, LookupError):
    """A code names several places (a number that is one place's ISO 3166-1 numeric code and
    another's GeoNames ID, say); the message lists them. Pass ``scheme=`` to say which is meant."""


class HintError(ToponymError, ValueError):
    """A hint names nothing usable: a ``country`` or ``perspective`` that is no country, or a kind
    that is not one of ``toponym.vocab.KINDS``. The message says what is accepted."""


class TextDecodeError(ToponymError, ValueError):
    """Input is not valid UTF-8. ``name``, ``line`` (1-based) and ``offset`` (bytes) locate it.

    ``written`` says what happened to the output: the default is that nothing was written (the
    CLI checks inputs before writing); a stream read live may already have produced some.
    """

    def __init__(
        self, name: str, line: int, offset: int, byte: int, binary: bool, written: str = "nothing was written"
    ) -> None:
        self.name, self.line, self.offset, self.byte, self.binary = name, line, offset, byte, binary
        self.written = written
        hint = " (it looks like a binary file)" if binary else ""
        super().__init__(
            f"{name}: invalid UTF-8 at line {line}, byte offset {offset} (byte 0x{byte:02x}){hint}; "
            f"{written}. Convert the file to UTF-8, or pass --errors replace."
        )

    def __reduce__(self) -> tuple[type[TextDecodeError], tuple[str, int, int, int, bool, str]]:
        return type(self), (self.name, self.line, self.offset, self.byte, self.binary, self.written)


class SpecialFileError(ToponymError, OSError):
    """A path is not something toponym reads or writes that way (a folder, a socket, a block
    device as output, or any non-regular file for ``--in-place``); the message says what to do."""

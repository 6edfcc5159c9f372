"""Types of the optional C module (toponym/csrc/); each type's Python twin is named beside it."""

from collections.abc import Callable
from typing import Any, final

API: int

def crc32(data: bytes | bytearray | memoryview, value: int = 0, /) -> int: ...
def lookup_aids(hashes: Any, /) -> tuple[bytes, bytes]: ...
def checksum(data: Any, /) -> int: ...
def line_starts(blob: Any, /) -> bytes: ...
def strays(column: Any, low: int, high: int, allow: tuple[int, ...], /) -> int: ...
def bounds(column: Any, mask: int, /) -> tuple[int, int]: ...
def ascending(column: Any, /) -> bool: ...
def total(column: Any, /) -> int: ...
def running_total(column: Any, /) -> bytes: ...

@final
class StringTable:
    """Twin: toponym.index.strings.PyStringTable."""

    def __new__(cls, buffer: Any, base: int, offsets: Any, slots: Any = None, row_bits: int = 0) -> StringTable: ...
    def row(self, key: str, /) -> int: ...
    def equals(self, i: int, text: str, /) -> bool: ...
    def string(self, i: int, /) -> str: ...

@final
class Blocking:
    """Twin: toponym.index.blocking.PyBlocking."""

    def __new__(
        cls, hashes: Any, refs: Any, masks: Any, directory: Any, bloom: Any, shift: int, keys: StringTable
    ) -> Blocking: ...
    def candidates(self, key: str, plan: bytes, max_edits: int, /) -> list[int]: ...
    def near(self, key: str, plan: bytes, max_edits: int, /) -> list[tuple[int, int, int]]: ...

@final
class SlotMaker:
    """Twin: toponym._make.python_slot_maker."""

    def __new__(
        cls, cls_: type, fields: tuple[Any, ...], extra: tuple[Any, ...], untracked: bool = False
    ) -> SlotMaker: ...
    def __call__(self, *values: Any) -> Any: ...

@final
class Answers:
    """Twin: toponym.resolver.answers.PyAnswers."""

    def __new__(
        cls,
        names: StringTable,
        columns: tuple[Any, ...],
        tables: tuple[tuple[Any, ...], ...],
        places: list[Any],
        build: Callable[[int], Any],
        make: Callable[..., Any],
    ) -> Answers: ...
    def __call__(self, query: str, /) -> Any: ...

@final
class TextScan:
    """Twin: toponym.extractor.textscan.PyTextScan."""

    def __new__(
        cls,
        text: StringTable,
        flags: Any,
        rank: Any,
        keys: StringTable,
        tables: tuple[Any, ...],
        rules: Any,
        elisions: Any,
        costs: tuple[int, int, int, int],
    ) -> TextScan: ...
    def scan(self, text: str, lo: int, hi: int, off: int = 0, /) -> list[int]: ...

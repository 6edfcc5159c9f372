"""Read-only mappings of a place: its codes and display names, shared by every match of it.

A place an index built is cached and handed to every caller, so its mappings refuse changes; they
still pickle, copy and pass through :func:`dataclasses.asdict` as plain ``dict`` s.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, NoReturn, Protocol

__all__ = ["EMPTY", "DisplayNames", "ReadOnlyDict"]


class Shown(Protocol):
    """What holds a place's display names by its row (an index)."""

    def display_of(self, row: int) -> Mapping[str, str]: ...


class ReadOnlyDict(dict[str, str]):
    """A ``dict`` that refuses changes: the codes and display names of a shared, cached place.

    Unlike ``types.MappingProxyType`` it pickles, deep-copies and passes through
    :func:`dataclasses.asdict`.
    """

    __slots__ = ()

    def _refuse(self, *args: object, **kwargs: object) -> NoReturn:
        raise TypeError("a place's mappings are read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse

    def __reduce__(self) -> tuple[type[ReadOnlyDict], tuple[dict[str, str]]]:
        return ReadOnlyDict, (dict(self),)

    def __hash__(self) -> int:  # type: ignore[override]  # immutable, so hashable (and a valid default)
        return hash(frozenset(self.items()))

    def __copy__(self) -> ReadOnlyDict:
        return self

    def __deepcopy__(self, memo: dict[int, object]) -> ReadOnlyDict:
        return self


EMPTY: ReadOnlyDict = ReadOnlyDict()


class DisplayNames(Mapping[str, str]):
    """The display names of a place an index built, read from the index on first use: a country
    has hundreds, and text extraction builds thousands of places that are never displayed.

    Read-only like :class:`ReadOnlyDict`; pickles, copies and deep-copies as one.
    """

    __slots__ = ("_found", "_origin", "_row")

    def __init__(self, origin: Shown, row: int) -> None:
        self._origin, self._row = origin, row
        self._found: ReadOnlyDict | None = None

    def _names(self) -> ReadOnlyDict:
        found = self._found
        if found is None:
            found = self._found = ReadOnlyDict(self._origin.display_of(self._row))
        return found

    def __getitem__(self, key: str) -> str:
        return self._names()[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self._names().get(key, default)

    def __contains__(self, key: object) -> bool:
        return key in self._names()

    def __iter__(self) -> Iterator[str]:
        return iter(self._names())

    def __len__(self) -> int:
        return len(self._names())

    def __eq__(self, other: object) -> bool:
        return self._names() == other if isinstance(other, Mapping) else NotImplemented

    def __hash__(self) -> int:
        return hash(self._names())

    def __repr__(self) -> str:
        return repr(self._names())

    def __reduce__(self) -> tuple[type[ReadOnlyDict], tuple[dict[str, str]]]:
        return ReadOnlyDict, (dict(self._names()),)

    def __copy__(self) -> ReadOnlyDict:
        return self._names()

    def __deepcopy__(self, memo: dict[int, object]) -> ReadOnlyDict:
        return self._names()

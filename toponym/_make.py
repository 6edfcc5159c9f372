"""Fast positional constructors of the frozen result types, for the hot paths.

A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; writing the
slots through their descriptors builds the same object in under half the time. The Python twin
generates a function with one line per slot, as :mod:`dataclasses` generates ``__init__``; the C
twin (``SlotMaker``) writes the slots directly and, for classes whose fields can never lead back to
the object, keeps the objects out of the garbage collector (``untracked``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import _accel
from .model import Match, Mention, Place, PlaceName

__all__ = ["make_match", "make_mention", "make_place", "make_place_name", "slot_maker"]


def _descriptor(cls: type, name: str) -> Any:
    for klass in cls.__mro__:
        if name in klass.__dict__:
            return klass.__dict__[name]
    raise AttributeError(name)


def python_slot_maker(
    cls: type, fields: tuple[Any, ...], extra: tuple[Any, ...] = (), untracked: bool = False
) -> Callable[..., Any]:
    """A positional, unchecked constructor of the slotted class ``cls``: one argument per slot
    descriptor of ``fields``; the slots of ``extra`` are set to ``None``. (``untracked`` is for the
    C twin's garbage-collector hint; Python cannot untrack an object.)"""
    names = [f"s{i}" for i in range(len(fields) + len(extra))]
    params = [f"a{i}" for i in range(len(fields))]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update((n, d.__set__) for n, d in zip(names, (*fields, *extra), strict=True))
    body = [f"    {n}(obj, {p})" for n, p in zip(names, params, strict=False)]
    body += [f"    {n}(obj, None)" for n in names[len(fields) :]]
    source = f"def make({', '.join(params)}):\n    obj = new(cls)\n" + "\n".join(body) + "\n    return obj\n"
    exec(source, scope)  # the source holds only generated parameter and slot names
    make: Callable[..., Any] = scope["make"]
    return make


#: ``slot_maker(cls, fields, extra, untracked)``: C's SlotMaker, or its Python twin.
slot_maker = _accel.implementation("SlotMaker", python_slot_maker)


def _maker(cls: type, fields: tuple[str, ...], extra: tuple[str, ...] = (), *, untracked: bool = False) -> Any:
    return slot_maker(
        cls,
        tuple(_descriptor(cls, f) for f in fields),
        tuple(_descriptor(cls, f) for f in extra),
        untracked,
    )


#: ``Match(place, score, method, matched, lang, query, name_type, perspective, explanation)``, fast
#: (a match holds a place, strings, numbers and an explanation: nothing that leads back to it).
make_match: Callable[..., Match] = _maker(
    Match,
    ("place", "score", "method", "matched", "lang", "query", "name_type", "perspective", "explanation"),
    untracked=True,
)
#: ``Place(...)`` in field order, then its origin and row (names are read on first use), fast.
make_place: Callable[..., Place] = _maker(
    Place,
    ("id", "kind", "name", "parent", "country", "codes", "population", "part_of", "members", "display", "curated",
     "lat", "lon", "_origin", "_row"),
    extra=("_names",),
)  # fmt: skip
#: ``PlaceName(...)`` in field order, fast.
make_place_name: Callable[..., PlaceName] = _maker(
    PlaceName, ("name", "lang", "type", "perspective", "langs"), untracked=True
)
#: ``Mention(start, end, text, match)``, fast.
make_mention: Callable[..., Mention] = _maker(Mention, ("start", "end", "text", "match"), untracked=True)

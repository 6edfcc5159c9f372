"""SlotMaker: a positional constructor of a slotted class builds what the dataclass builds."""

from __future__ import annotations

import pytest

from toponym import Gazetteer
from toponym._make import _descriptor
from toponym.model import Match, Mention

from .conftest import Impl


def test_a_maker_builds_what_the_class_builds(impl: Impl, fixture_gazetteer: Gazetteer) -> None:
    fields = tuple(_descriptor(Mention, f) for f in ("start", "end", "text", "match"))
    make = impl.SlotMaker(Mention, fields, ())
    m = fixture_gazetteer.resolve("Kunashiri")
    assert m is not None
    made = make(3, 12, "Kunashiri", m)
    assert made == Mention(3, 12, "Kunashiri", m) and repr(made) == repr(Mention(3, 12, "Kunashiri", m))
    assert hash(made) == hash(Mention(3, 12, "Kunashiri", m))
    with pytest.raises(TypeError):
        make(1, 2, 3)


def test_extra_slots_are_none(impl: Impl) -> None:
    fields = tuple(_descriptor(Mention, f) for f in ("start", "end"))
    extra = tuple(_descriptor(Mention, f) for f in ("text", "match"))
    made = impl.SlotMaker(Mention, fields, extra)(1, 2)
    assert (made.start, made.end, made.text, made.match) == (1, 2, None, None)


def test_a_maker_takes_only_slots_of_its_class(impl: Impl) -> None:
    if impl.name == "python":
        pytest.skip("the Python maker trusts its caller (the descriptors come from _make.py itself)")
    with pytest.raises(TypeError):
        impl.SlotMaker(Match, (_descriptor(Mention, "start"),), ())  # another class's slot
    with pytest.raises(TypeError):
        impl.SlotMaker(Match, (Match.to_dict,), ())  # not a slot

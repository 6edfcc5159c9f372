"""Each component with a C twin is tested by one body of tests, run against every implementation
built here: the pure-Python reference always, the C module when it is built."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import pytest

from toponym._make import python_slot_maker
from toponym.index.blocking import PyBlocking
from toponym.index.strings import PyStringTable
from toponym.resolver.answers import PyAnswers


def _c_module() -> ModuleType | None:
    try:
        return importlib.import_module("toponym._speedups")
    except ImportError:
        return None


C = _c_module()


@dataclass(frozen=True)
class Impl:
    name: str
    StringTable: Any
    Blocking: Any
    SlotMaker: Any
    Answers: Any


PYTHON = Impl("python", PyStringTable, PyBlocking, python_slot_maker, PyAnswers)
IMPLEMENTATIONS = [PYTHON] + ([Impl("c", C.StringTable, C.Blocking, C.SlotMaker, C.Answers)] if C is not None else [])


@pytest.fixture(params=IMPLEMENTATIONS, ids=[i.name for i in IMPLEMENTATIONS])
def impl(request: pytest.FixtureRequest) -> Impl:
    return request.param  # type: ignore[no-any-return]

"""Each component with a C twin is tested by one body of tests, run against every implementation
built here: the pure-Python reference always, the C module when it is built."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType, SimpleNamespace
from typing import Any

import pytest

from toponym._make import python_slot_maker
from toponym.index import columns
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
    columns: Any  # checksum, line_starts, strays, bounds, ascending, total, running_total


COLUMN_PASSES = ("checksum", "line_starts", "strays", "bounds", "ascending", "total", "running_total")


def _passes(source: Any, prefix: str = "") -> SimpleNamespace:
    return SimpleNamespace(**{name: getattr(source, prefix + name) for name in COLUMN_PASSES})


PYTHON = Impl("python", PyStringTable, PyBlocking, python_slot_maker, PyAnswers, _passes(columns, "py_"))
IMPLEMENTATIONS = [PYTHON] + (
    [Impl("c", C.StringTable, C.Blocking, C.SlotMaker, C.Answers, _passes(C))] if C is not None else []
)


# every test taking ``impl`` runs both implementations itself: once per CI run is enough
@pytest.fixture(params=[pytest.param(i, id=i.name, marks=pytest.mark.once) for i in IMPLEMENTATIONS])
def impl(request: pytest.FixtureRequest) -> Impl:
    return request.param  # type: ignore[no-any-return]

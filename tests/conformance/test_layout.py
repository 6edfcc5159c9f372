"""The C sources take the index layout and their interface version from the Python side."""

from __future__ import annotations

import re

from toponym import _accel
from toponym.index.schema import c_header

from ..conftest import ROOT
from .conftest import C

CSRC = ROOT / "toponym" / "csrc"


def test_layout_header_is_generated_from_the_schema() -> None:
    assert (CSRC / "layout.h").read_text(encoding="utf-8") == c_header(), "run scripts/gen_layout.py"


def test_interface_versions_agree() -> None:
    m = re.search(r"#define SPEEDUPS_API (\d+)", (CSRC / "common.h").read_text(encoding="utf-8"))
    assert m is not None and int(m.group(1)) == _accel.API
    if C is not None:
        assert C.API == _accel.API


def test_one_switch_chooses_the_implementation() -> None:
    """Only _accel.py imports the C module; every component asks it once, at definition."""
    importers = [
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "toponym").rglob("*.py")
        if re.search(r"import _speedups|_speedups import|\._SPEEDUPS|SPEEDUPS\b", p.read_text(encoding="utf-8"))
    ]
    assert importers == ["toponym/_accel.py"]


def test_ci_runs_what_it_asks_for() -> None:
    """``TOPONYM_IMPLEMENTATION=c`` (CI's first run) fails at import when the C module cannot be
    used; this holds the process to it, so a build that silently skipped the C module fails."""
    import os

    asked = os.environ.get("TOPONYM_IMPLEMENTATION")
    if asked in ("c", "python"):
        assert asked == _accel.IMPLEMENTATION

"""The one place that chooses, per component, the C implementation or its pure-Python twin.

The optional C module ``toponym._speedups`` is built when the package is installed where a C
compiler is. Each component it offers has a pure-Python twin with the same interface, which is the
reference (``tests/conformance`` runs one body of tests against both). ``TOPONYM_IMPLEMENTATION``
selects: ``auto`` (the default: C when it is built), ``python``, or ``c`` (fail loudly when the C
module cannot be used: what CI asks for). ``TOPONYM_PURE_PYTHON=1`` is an alias of ``python``.
"""

from __future__ import annotations

import os
import warnings
from types import ModuleType
from typing import TypeVar

__all__ = ["API", "IMPLEMENTATION", "implementation"]

#: The interface version of the C sources this Python code expects (their SPEEDUPS_API).
API = 6

_T = TypeVar("_T")


def _choice() -> str:
    if os.environ.get("TOPONYM_PURE_PYTHON", "") not in ("", "0"):
        return "python"
    choice = os.environ.get("TOPONYM_IMPLEMENTATION", "auto").strip().lower() or "auto"
    if choice not in ("auto", "c", "python"):
        raise ImportError(f"TOPONYM_IMPLEMENTATION={choice!r}: expected auto, c or python")
    return choice


def _load(choice: str) -> ModuleType | None:
    if choice == "python":
        return None
    try:
        from . import _speedups
    except ImportError as exc:  # built without a C compiler
        if choice == "c":
            raise ImportError(f"TOPONYM_IMPLEMENTATION=c, but toponym._speedups is not built: {exc}") from exc
        return None
    if getattr(_speedups, "API", None) != API:
        # a source checkout whose C module predates its C sources: rebuild, meanwhile run Python
        message = (
            "toponym._speedups is out of date (rebuild it: pip install -e . or python setup.py build_ext --inplace)"
        )
        if choice == "c":
            raise ImportError(message)
        warnings.warn(message + "; using the pure-Python paths", RuntimeWarning, stacklevel=3)
        return None
    return _speedups


_SPEEDUPS = _load(_choice())
#: ``"c"`` or ``"python"``: which implementation this process runs.
IMPLEMENTATION = "c" if _SPEEDUPS is not None else "python"


def implementation(name: str, python: _T) -> _T:
    """The C module's ``name`` when the C implementation runs, else its Python twin ``python``.

    Components call this once, when they are defined; nothing else in the package asks which
    implementation runs.
    """
    if _SPEEDUPS is None:
        return python
    found: _T = getattr(_SPEEDUPS, name)
    return found

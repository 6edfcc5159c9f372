"""Which implementation runs the hot paths: the optional C module ``toponym._speedups``, or pure Python.

The C module is built when the package is installed on a machine with a C compiler; each of its
functions has a pure-Python twin that is the reference (tests/test_speedups.py holds the two to
the same results). ``TOPONYM_PURE_PYTHON=1`` in the environment selects the Python paths.
"""

from __future__ import annotations

import os
import warnings
from types import ModuleType

__all__ = ["API", "SPEEDUPS"]

#: The interface version of toponym/_speedups.c this Python code expects (its SPEEDUPS_API).
API = 2


def _load() -> ModuleType | None:
    if os.environ.get("TOPONYM_PURE_PYTHON", "") not in ("", "0"):
        return None
    try:
        from . import _speedups
    except ImportError:  # built without a C compiler
        return None
    if getattr(_speedups, "API", None) != API:
        # a source checkout whose C module predates its C source: rebuild, meanwhile run Python
        warnings.warn(
            "toponym._speedups is out of date (rebuild it: pip install -e . or python setup.py build_ext "
            "--inplace); using the pure-Python paths",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return _speedups


#: The C module, or ``None`` when the pure-Python paths run.
SPEEDUPS: ModuleType | None = _load()

"""Optional dependencies of the pipeline tests: skip with the extra to install where one is missing,
except where TOPONYM_REQUIRE_EXTRAS is set (CI), where a missing one fails the test instead."""

from __future__ import annotations

import importlib
import os
import shutil
from types import ModuleType

import pytest

REQUIRED = bool(os.environ.get("TOPONYM_REQUIRE_EXTRAS"))


def need(module: str, extra: str) -> ModuleType:
    """``module`` imported, or the calling test module skipped naming ``extra``."""
    if REQUIRED:
        return importlib.import_module(module)
    return pytest.importorskip(module, reason=f"needs {module}: pip install -e '.[{extra}]' (or '.[test]')")


def need_java() -> None:
    """Spark runs on a Java virtual machine (17 or newer)."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        if REQUIRED:
            pytest.fail("Spark needs Java 17 or newer: none is on PATH and JAVA_HOME is not set")
        pytest.skip("Spark needs Java 17 or newer: none is on PATH and JAVA_HOME is not set", allow_module_level=True)

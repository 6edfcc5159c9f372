"""docs/pipelines.md runs every optional extra, with Spark and Dask clusters: it is marked ``cluster``
and skips, naming what is missing, where the extras are not installed (except under
TOPONYM_REQUIRE_EXTRAS, as in CI, where it runs and fails on what is missing)."""

from __future__ import annotations

import importlib.util
import os
import shutil

import pytest

PIPELINES_NEED = ("pandas", "polars", "pyarrow", "spacy", "dask", "distributed", "pyspark")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.name != "pipelines.md":
            continue
        item.add_marker(pytest.mark.cluster)
        # pyspark warns about pandas releases newer than it was tested with; the page checks the answers
        item.add_marker(pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"))
        missing = [name for name in PIPELINES_NEED if importlib.util.find_spec(name) is None]
        if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
            missing.append("Java 17 (for Spark)")
        if missing and not os.environ.get("TOPONYM_REQUIRE_EXTRAS"):  # CI sets it: there the page must run
            reason = f"docs/pipelines.md needs {', '.join(missing)}: pip install -e '.[test]'"
            item.add_marker(pytest.mark.skip(reason=reason))

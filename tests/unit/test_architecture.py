"""The shape of the package, held to what docs/architecture.md and the design promise."""

from __future__ import annotations

import ast
import importlib
import importlib.util
import os
import pkgutil
import re
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import toponym
from toponym import Gazetteer
from toponym.resolver.ranking import RankKey
from toponym.vocab import METHODS

from ..conftest import ROOT

PACKAGE = ROOT / "toponym"
#: Generated tables, not written by hand.
GENERATED = {"_han.py", "_unicode.py"}
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def test_the_documented_rules_are_the_rank_keys_fields() -> None:
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = doc[doc.index("## Ranking") : doc.index("If the first two are still alike")]
    rules = re.findall(r"^\d+\. `(\w+)`", section, flags=re.M)
    assert tuple(rules) == RankKey._fields


def _sources() -> list[tuple[str, str]]:
    return [
        (p.relative_to(ROOT).as_posix(), p.read_text(encoding="utf-8"))
        for p in sorted(PACKAGE.rglob("*.py"))
        if p.name not in GENERATED
    ]


def test_no_module_is_oversized() -> None:
    big = {name: text.count("\n") for name, text in _sources() if text.count("\n") > MAX_MODULE_LINES}
    assert not big, big


def test_no_function_is_oversized() -> None:
    long = []
    for name, text in _sources():
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{name}:{node.lineno} {node.name} ({length} lines)")
    assert not long, long


def test_no_module_is_shadowed_by_a_public_name() -> None:
    """``import toponym.resolve`` would give the function, not a module: no module shares a name
    with a name the package exports."""
    modules = {m.name for m in pkgutil.iter_modules(toponym.__path__)}
    assert not modules & set(toponym.__all__)


def test_dir_lists_the_public_names_and_each_resolves() -> None:
    """Tab completion offers what the package exports (the lazy names too), each one there, and
    neither typing helpers nor internal modules."""
    listed = dir(toponym)
    assert listed == sorted(toponym.__all__)
    assert "Any" not in listed and "TYPE_CHECKING" not in listed and "api" not in listed
    assert all(getattr(toponym, name) is not None for name in listed)


def test_the_query_path_never_imports_the_build() -> None:
    for package in ("index", "resolver", "extractor"):
        for path in sorted((PACKAGE / package).glob("*.py")):
            assert not re.search(r"from \.\.build|import toponym\.build|from toponym\.build", path.read_text()), path


def test_a_name_is_answered_without_the_heavy_modules() -> None:
    """``import toponym`` and a first exact and fuzzy answer load neither the extractor, the batch
    code nor the build; with the C module, not numpy either (its column passes open the index, its
    blocking builds its own lookup aids)."""
    code = (
        "import sys, toponym; toponym.resolve('Kunashiri'); toponym.resolve('Kunashirri'); "
        "print(' '.join(m for m in ('numpy', 'toponym.extractor', 'toponym.batch', 'toponym.build.sources') "
        "if m in sys.modules))"
    )
    built = importlib.util.find_spec("toponym._speedups") is not None
    for implementation in ["python", "c"] if built else ["python"]:
        env = {**os.environ, "TOPONYM_IMPLEMENTATION": implementation}
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        loaded = set(out.stdout.split())
        assert loaded == ({"numpy"} if implementation == "python" else set()), (implementation, out.stderr)


@pytest.mark.parametrize("module", ["toponym.build", "toponym.index", "toponym.resolver", "toponym.extractor"])
def test_packages_import_on_their_own(module: str) -> None:
    assert importlib.import_module(module).__doc__


@settings(max_examples=150, deadline=None)
@given(st.sampled_from(["Kunashiri", "Shikotan", "Georgia", "Springfield", "Nice", "Kurils", "Frnace"]),
       st.sampled_from(["", "s", "n", " ", "-to"]), st.sampled_from([None, "us", "ru"]))  # fmt: skip
def test_every_match_explains_itself_consistently(
    fixture_gazetteer: Gazetteer, name: str, tail: str, country: str | None
) -> None:
    for rank, m in enumerate(fixture_gazetteer.resolve_all(name + tail, country=country)):
        e = m.explanation
        assert m.method in METHODS and m.reason == e.text
        assert (e.rule == "policy") == (e.policy is not None and e.rule not in ("stop",))
        assert e.rule != "hint" or (e.hints and e.policy is None)
        assert ("country" in e.hints) <= (country is not None)
        assert e.rule != "only" or e.candidates == 1
        assert e.rule != "stop" or (rank == 0 and country is None)


def test_extracted_methods_are_in_the_vocabulary() -> None:
    text = "Учения прошли на Кунашире и Итурупе. Talks on Kunashiri and the Northern Territories, Frnace."
    assert {m.method for m in toponym.extract(text)} <= set(METHODS)
    assert "inflected" in {m.method for m in toponym.extract(text)}

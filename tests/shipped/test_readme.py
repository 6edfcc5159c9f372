"""The README's two set-up commands are what CI runs: keep them from drifting apart."""

from __future__ import annotations

from ..conftest import ROOT


def test_ci_runs_the_readme_test_command() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    fence = readme.index("```bash")
    install_and_demo, test_command = readme[fence + 1], readme[fence + 2]
    assert install_and_demo.startswith("python3 -m pip install . && toponym ")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    # CI runs inside its own fresh venv, where `python` is that venv's interpreter
    assert test_command.replace("python3 -m pip", "python -m pip") in ci_lines

"""Shared fixtures: a tiny fixture gazetteer for logic tests, and the shipped one for invariants."""

from __future__ import annotations

from pathlib import Path

import pytest

from toponym import Gazetteer, default_gazetteer
from toponym.build import compile_gazetteer
from toponym.resolver import Resolver

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FIXTURE = TESTS / "fixtures" / "gazetteer"
SHIPPED = ROOT / "gazetteer"
DATA = TESTS / "data"
CASES = TESTS / "cases"


@pytest.fixture(scope="session")
def fixture_gazetteer() -> Gazetteer:
    return Gazetteer(compile_gazetteer(FIXTURE))


@pytest.fixture(scope="session")
def fixture_resolver(fixture_gazetteer: Gazetteer) -> Resolver:
    return fixture_gazetteer.resolver


@pytest.fixture(scope="session")
def shipped() -> Gazetteer:
    return default_gazetteer()

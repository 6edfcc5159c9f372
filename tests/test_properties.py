from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toponym import Gazetteer

from .conftest import FIXTURE

_GZ = Gazetteer.from_folder(FIXTURE)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_resolve_never_raises(text: str) -> None:
    m = _GZ.resolve(text)
    assert m is None or 0 < m.score <= 100
    for cand in _GZ.resolve_all(text):
        assert cand.place.id


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["Shikotan", "Kunashiri", "Georgia", "Japan", "Russian Federation"]),
    st.sampled_from([str.upper, str.lower, str.title]),
)
def test_case_does_not_change_the_place(name: str, case: object) -> None:
    a = _GZ.resolve(name)
    b = _GZ.resolve(case(name))  # type: ignore[operator]
    assert a is not None and b is not None and a.place == b.place

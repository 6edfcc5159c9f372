from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from toponym import Gazetteer

from ..conftest import FIXTURE

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


_EDIT = st.tuples(st.sampled_from("idst"), st.integers(0, 40), st.sampled_from("abcx"))


def _apply(text: str, edits: list[tuple[str, int, str]]) -> str:
    for op, at, ch in edits:
        chars = list(text)
        i = at % len(chars)
        if op == "i" or len(chars) < 2:
            chars.insert(i, ch)
        elif op == "d":
            del chars[i]
        elif op == "s":
            chars[i] = ch
        else:
            i = min(i, len(chars) - 2)
            chars[i], chars[i + 1] = chars[i + 1], chars[i]
        text = "".join(chars)
    return text


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet="abcdef", min_size=5, max_size=16), st.lists(_EDIT, min_size=1, max_size=2))
def test_fuzzy_blocking_finds_every_key_within_the_allowed_edits(key: str, edits: list[tuple[str, int, str]]) -> None:
    """The segment probes of a query reach every stored key within ``max_edits`` (optimal string
    alignment, so a transposition across a segment boundary is one edit: "chaunwagn", "chuanwang")."""
    from rapidfuzz.distance import OSA

    from toponym.index.blocking import key_edits, probe_hashes, segment_hash, segments

    query = _apply(key, edits)
    allowed = key_edits(len(query) + 1)
    if len(query) < 5 or OSA.distance(query, key) > min(allowed, key_edits(len(key))):
        return
    stored = {segment_hash(len(key), part, key[s:e]) for part, (s, e) in enumerate(segments(len(key)))}
    assert stored & set(probe_hashes(query, allowed))

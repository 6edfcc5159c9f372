"""Results travel: pickle, deep copy, plain data, and worker processes."""

from __future__ import annotations

import copy
import dataclasses
import json
import multiprocessing
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import toponym
from tests import corpus
from toponym import Gazetteer
from toponym.model import DisplayNames, Explanation, Match, Mention, Place, ReadOnlyDict
from toponym.vocab import KINDS, METHODS, NAME_TYPES, Kind, Method, NameType

NAMES = ["Japan", "Shokotan", "Kunashiri", "Кунашир", "国後島", "Frnace", "Qxzvtplkwj", "Springfield", "", "Georgia"]
TEXT = "Talks on Kunashiri and Shikotan; Учения прошли на Кунашире. 首相は国後島を視察した。"


def _resolve_id(name: str) -> str | None:
    m = toponym.resolve(name)
    return m.place.id if m else None


def _extract_spans(text: str) -> list[tuple[int, int, str]]:
    return [(m.start, m.end, m.place.id) for m in toponym.extract(text)]


def test_vocabularies_match_their_literal_types() -> None:
    from typing import get_args

    assert get_args(Kind) == KINDS and get_args(Method) == METHODS and get_args(NameType) == NAME_TYPES
    assert "inflected" in METHODS


def test_match_place_and_mention_pickle_small_and_rebind(shipped: Gazetteer) -> None:
    m = toponym.resolve("Japan")
    assert m is not None
    data = pickle.dumps(m)
    back = pickle.loads(data)
    assert back == m and back.place is m.place  # re-bound to the same cached place
    assert len(pickle.dumps(m.place)) < 200, "a place pickles by ID, not by its hundreds of names"
    mentions = toponym.extract(TEXT)
    assert mentions and pickle.loads(pickle.dumps(mentions)) == mentions
    assert all(mm.method in METHODS for mm in mentions)


def test_results_deep_copy_and_convert_to_plain_data(shipped: Gazetteer) -> None:
    m = toponym.resolve("Kunashiri")
    assert m is not None
    assert copy.deepcopy(m) == m and copy.copy(m) == m
    plain = dataclasses.asdict(m)
    assert plain["place"]["id"] == "kunashir" and plain["explanation"]["rule"] in ("only", "ranked", "policy")
    json.dumps(m.to_dict())  # JSON-ready
    mention = toponym.extract("Talks on Kunashiri")[0]
    d = mention.to_dict()
    assert (d["start"], d["end"], d["text"], d["id"]) == (9, 18, "Kunashiri", "kunashir")
    assert {"id", "name", "kind", "country", "parent", "codes", "score", "method", "matched", "lang"} <= d.keys()


def test_place_mappings_are_read_only(shipped: Gazetteer) -> None:
    place = shipped.get("jp")
    assert isinstance(place.codes, ReadOnlyDict)
    with pytest.raises(TypeError):
        place.codes["x"] = "y"  # type: ignore[index]
    with pytest.raises(TypeError):
        place.codes.update({})  # type: ignore[attr-defined]


def test_display_names_are_read_on_first_use_and_travel_as_a_dict() -> None:
    class Origin:
        reads = 0

        def display_of(self, row: int) -> dict[str, str]:
            Origin.reads += 1
            return {"ru": "Япония", "jp:en": f"row {row}"}

    shown = DisplayNames(Origin(), 7)
    assert Origin.reads == 0, "building a place must not read its display names"
    assert shown["jp:en"] == "row 7" and shown.get("de") is None and "ru" in shown and len(shown) == 2
    assert Origin.reads == 1 and shown == {"ru": "Япония", "jp:en": "row 7"} and Origin.reads == 1
    for copied in (pickle.loads(pickle.dumps(shown)), copy.deepcopy(shown), copy.copy(shown)):
        assert type(copied) is ReadOnlyDict and copied == shown
    with pytest.raises(TypeError):
        shown["de"] = "Japan"  # type: ignore[index]


def test_shipped_display_names_convert_to_plain_data(shipped: Gazetteer) -> None:
    place = shipped.get("jp")
    assert isinstance(place.display, DisplayNames) and place.display["de"] == "Japan"
    assert type(dataclasses.asdict(place)["display"]) is ReadOnlyDict
    assert json.loads(json.dumps(place.to_dict()))["display"]["ru"] == place.name_for(lang="ru")


def test_a_place_built_by_hand_pickles_whole() -> None:
    place = Place("my-place", "region", "My place", codes=ReadOnlyDict(wikidata="Q1"), lat=43.79, lon=-146.72)
    back = pickle.loads(pickle.dumps(place))
    assert back == place and back.codes == {"wikidata": "Q1"} and back.names == ()
    assert (back.lat, back.lon) == (43.79, -146.72) and back.to_dict()["lon"] == -146.72


def test_gazetteer_pickles_by_its_index(fixture_gazetteer: Gazetteer, shipped: Gazetteer) -> None:
    assert pickle.loads(pickle.dumps(shipped)) is shipped  # the default instance
    copied = pickle.loads(pickle.dumps(fixture_gazetteer))  # compiled in memory: its bytes travel
    assert copied.resolve("Kunashiri") == fixture_gazetteer.resolve("Kunashiri")


def test_explanation_is_data_and_text() -> None:
    e = Explanation("hint", 3, policy="the country", hints=("country",))
    assert e.text == "in the hinted country; policy: the country"
    m = toponym.resolve("Georgia", country="us")
    assert m is not None and m.explanation.rule in ("hint", "policy") and "country" in m.explanation.hints
    assert m.reason == m.explanation.text
    assert isinstance(m, Match)


@pytest.mark.parametrize("method", ["fork", "spawn"])
def test_a_process_pool_gives_what_a_loop_gives(method: str, shipped: Gazetteer) -> None:
    # the generated corpus: names in many scripts, codes, "City, Region" strings, blanks, None
    names = [*NAMES, *corpus.column(shipped, 300, distinct=150)]
    texts = [TEXT, *(t for t in corpus.texts(shipped, 30) if t is not None)]
    expected = [_resolve_id(n) for n in names]
    ctx = multiprocessing.get_context(method)
    with ctx.Pool(2) as pool:
        assert pool.map(_resolve_id, names) == expected
        assert pool.map(toponym.resolve, names) == [toponym.resolve(n) for n in names]
        assert pool.map(_extract_spans, texts) == [_extract_spans(t) for t in texts]
    with ProcessPoolExecutor(2, mp_context=ctx) as executor:
        assert list(executor.map(toponym.extract, texts)) == [toponym.extract(t) for t in texts]
        assert list(executor.map(toponym.resolve, names, chunksize=50)) == [toponym.resolve(n) for n in names]


def test_mention_is_a_dataclass_of_plain_fields() -> None:
    assert [f.name for f in dataclasses.fields(Mention)] == ["start", "end", "text", "match"]


def test_results_pickle_as_constructor_calls(shipped: Gazetteer) -> None:
    """A slotted dataclass pickles a dict of its state by default, which loads several times slower;
    a batch sends thousands of matches between processes."""
    m = toponym.resolve("Kunashiri")
    assert m is not None
    assert m.__reduce__() == (Match, (m.place, m.score, m.method, m.matched, m.lang, m.query, m.name_type,
                                      m.perspective, m.explanation))  # fmt: skip
    e = m.explanation
    assert e.__reduce__() == (Explanation, (e.rule, e.candidates, e.policy, e.hints, e.ambiguous, e.detail, e.context))
    mention = toponym.extract("Talks on Kunashiri")[0]
    assert mention.__reduce__() == (Mention, (mention.start, mention.end, mention.text, mention.match))
    assert pickle.loads(pickle.dumps(mention)) == mention and copy.deepcopy(mention) == mention

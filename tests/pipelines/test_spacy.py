"""The spaCy component on a blank pipeline: its spans and links are what toponym.extract / resolve give."""

from __future__ import annotations

import pickle
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import pytest

import toponym
from tests import corpus
from tests.extras import need
from toponym import Gazetteer

spacy = need("spacy", "spacy")
from spacy.tokens import Doc, DocBin  # noqa: E402

import toponym.spacy as component  # noqa: E402

TEXT = "Talks in Japan on Kunashiri and the Sea of Okhotsk; Springfield said nothing."


def test_found_spans_are_the_mentions_aligned_to_tokens(shipped: Gazetteer) -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("toponym")
    texts = [t for t in corpus.texts(shipped, 80) if t] + ["首相は国後島を視察した。", TEXT]
    seen = 0
    for doc, text in zip(nlp.pipe(texts), texts, strict=True):
        mentions = toponym.extract(text)
        ents = list(doc.ents)
        assert len(ents) == len(mentions)
        for ent, m in zip(ents, mentions, strict=True):
            assert ent.start_char <= m.start < m.end <= ent.end_char, "a span covers its mention, grown to whole tokens"
            assert ent._.toponym_match == m.match and ent._.place == m.place and ent._.toponym_id == m.place.id
            assert ent.label_ == ("GPE" if m.place.kind in component.GPE_KINDS else "LOC")
            seen += 1
    assert seen > 50
    cut = nlp("首相は国後島を視察した。").ents[0]
    assert cut.text != "国後島" and "国後島" in cut.text, "the blank English tokenizer keeps the sentence whole"


def test_entities_already_there_stay(shipped: Gazetteer) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Sea of"}, {"label": "GPE", "pattern": "Japan"}])
    nlp.add_pipe("toponym", config={"label": "PLACE"})
    doc = nlp(TEXT)
    got = [(e.text, e.label_, e._.toponym_id) for e in doc.ents]
    # the ruler's entities keep their labels; "Sea of Okhotsk" overlaps "Sea of" and is left out
    assert got == [("Japan", "GPE", "jp"), ("Kunashiri", "PLACE", "kunashir"), ("Sea of", "PERSON", None)] + [
        (m.text, "PLACE", m.place.id) for m in toponym.extract(TEXT) if m.text == "Springfield"
    ]


def test_adjectives_on_request_are_labelled_as_ontonotes_labels_them() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("toponym", config={"demonyms": True})
    doc = nlp("Russian troops left Kunashiri.")
    assert [(e.text, e.label_, e._.toponym_id) for e in doc.ents] == [
        ("Russian", "NORP", "ru"),
        ("Kunashiri", "LOC", "kunashir"),
    ]


def test_a_span_group_instead_of_the_entities() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("toponym", config={"spans_key": "places"})
    doc = nlp(TEXT)
    assert not doc.ents
    assert [(s.text, s._.toponym_id) for s in doc.spans["places"]] == [
        (m.text, m.place.id) for m in toponym.extract(TEXT)
    ]


def test_link_mode_links_the_entities_of_a_model() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")  # stands in for a trained NER model
    patterns = [("GPE", "Kunashiri"), ("LOC", "Sea of Okhotsk"), ("GPE", "Qxzvtplkwj"), ("ORG", "Japan")]
    ruler.add_patterns([{"label": label, "pattern": p} for label, p in patterns])
    nlp.add_pipe("toponym", config={"mode": "link"})
    texts = [f"{TEXT} Qxzvtplkwj." for _ in range(3)]
    for doc in nlp.pipe(texts, batch_size=2):
        got = {e.text: (e.label_, e._.toponym_match) for e in doc.ents}
        assert got["Kunashiri"] == ("GPE", toponym.resolve("Kunashiri"))
        assert got["Sea of Okhotsk"] == ("LOC", toponym.resolve("Sea of Okhotsk"))
        assert got["Qxzvtplkwj"] == ("GPE", None) and got["Japan"] == ("ORG", None), "other labels are not linked"
    with pytest.raises(ValueError, match=r"mode.*'tag'"):
        nlp.add_pipe("toponym", name="again", config={"mode": "tag"})
    with pytest.raises(ValueError, match="choose 'find'"):
        component.ToponymComponent(mode="tag")  # type: ignore[arg-type]


def test_matches_travel_with_their_docs() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("toponym")
    doc = nlp(TEXT)
    want = [(e.text, e._.toponym_match) for e in doc.ents]
    assert [(e.text, e._.toponym_match) for e in Doc(nlp.vocab).from_bytes(doc.to_bytes()).ents] == want
    store = DocBin(store_user_data=True, docs=[doc])
    (back,) = DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab)
    assert [(e.text, e._.toponym_match) for e in back.ents] == want
    assert [(e.text, e._.toponym_match) for e in pickle.loads(pickle.dumps(doc)).ents] == want
    docs = list(nlp.pipe([TEXT] * 4, n_process=2))
    assert [[(e.text, e._.toponym_match) for e in d.ents] for d in docs] == [want] * 4


def test_a_doc_cannot_smuggle_code_in_a_match() -> None:
    with pytest.raises(pickle.UnpicklingError, match=r"may not load builtins\.print"):
        component._decode({"__toponym_match__": pickle.dumps(print)})


def test_the_factory_is_an_entry_point(tmp_path: Path) -> None:
    (point,) = [p for p in entry_points(group="spacy_factories") if p.name == "toponym"]
    assert point.value == "toponym.spacy:make_toponym"
    # a fresh interpreter whose script never imports toponym: spaCy finds the factory by its entry point
    script = f"""
import spacy
nlp = spacy.blank("en")
nlp.add_pipe("toponym")
nlp.to_disk({str(tmp_path)!r})
loaded = spacy.load({str(tmp_path)!r})
print([(e.text, e._.toponym_id) for e in loaded("Talks on Kunashiri").ents])
"""
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120)
    assert out.stdout.strip() == "[('Kunashiri', 'kunashir')]"

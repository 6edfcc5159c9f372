"""A spaCy pipeline component: ``nlp.add_pipe("toponym")`` (``pip install 'toponym-ids[spacy]'``).

Importing this module registers the ``toponym`` factory; an installed toponym also registers it
through the ``spacy_factories`` entry point, so ``nlp.add_pipe("toponym")`` works without the import.
Two modes:

* ``mode="find"`` (default): the component finds place mentions itself (:func:`toponym.extract`),
  aligns each to tokens (a span that cuts a token grows to the whole token) and adds it to
  ``doc.ents`` beside the entities already there, which it never overwrites or splits (a mention
  overlapping one is left out; one covering exactly the same tokens links that entity). With
  ``spans_key`` it writes every mention to the span group ``doc.spans[spans_key]`` instead.
* ``mode="link"``: the component links the entities an earlier component (an NER model, an
  entity ruler) labelled with one of ``labels`` (``GPE`` and ``LOC``); it adds no span.

Each linked span gets ``span._.toponym_match`` (the :class:`~toponym.Match`, ``None`` when nothing
matched), ``span._.place`` and ``span._.toponym_id`` (read from the match). Matches travel with
their docs through ``doc.to_bytes``, ``DocBin`` and ``nlp.pipe(n_process=...)``: spaCy's msgpack
learns to write them here, as a pickle that loads nothing but toponym's result classes. Found spans are
labelled ``label``, or by kind when it is ``None``: ``GPE`` for countries, territories,
subdivisions and cities, ``LOC`` for everything else (seas, islands, regions), ``NORP`` for an
adjective read with ``demonyms=True`` ("Russian"), as in OntoNotes.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("toponym")
>>> doc = nlp("Talks in Japan on Kunashiri and the Sea of Okhotsk.")
>>> [(e.text, e.label_, e._.toponym_id) for e in doc.ents]
[('Japan', 'GPE', 'jp'), ('Kunashiri', 'LOC', 'kunashir'), ('Sea of Okhotsk', 'LOC', 'sea-of-okhotsk')]
"""

from __future__ import annotations

import io
import pickle
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Literal

try:
    import srsly
    from spacy.language import Language
    from spacy.tokens import Doc, Span
except ImportError as e:  # an optional extra
    raise ImportError("toponym.spacy needs spaCy: pip install 'toponym-ids[spacy]'") from e

from .api import Gazetteer, default_gazetteer
from .batch import resolve_many
from .model import Explanation, Match, Mention, Place, PlaceName, ReadOnlyDict

__all__ = ["GPE_KINDS", "ToponymComponent", "make_toponym"]

#: Kinds labelled ``GPE`` (geopolitical entities) when ``label`` is ``None``; others are ``LOC``.
GPE_KINDS = frozenset({"country", "former-country", "territory", "subdivision", "city"})


def _match_place(span: Span) -> Place | None:
    match: Match | None = span._.toponym_match
    return match.place if match is not None else None


def _match_id(span: Span) -> str | None:
    match: Match | None = span._.toponym_match
    return match.place.id if match is not None else None


# registered once, without overwriting extensions of the same name that a user set first
if not Span.has_extension("toponym_match"):
    Span.set_extension("toponym_match", default=None)
if not Span.has_extension("place"):
    Span.set_extension("place", getter=_match_place)
if not Span.has_extension("toponym_id"):
    Span.set_extension("toponym_id", getter=_match_id)


# --- matches in serialised docs -----------------------------------------------------------------

_MSGPACK_KEY = "__toponym_match__"


def _reducers() -> set[tuple[str, str]]:
    """What a pickled match may load: the result classes and the functions that rebuild a place."""
    by_index = default_gazetteer().get("jp").__reduce__()[0]
    by_hand = Place("x-x", "region", "x").__reduce__()[0]
    allowed: list[Any] = [Match, Explanation, Place, PlaceName, ReadOnlyDict, by_index, by_hand]
    return {(obj.__module__, obj.__qualname__) for obj in allowed}


class _ResultUnpickler(pickle.Unpickler):
    allowed: set[tuple[str, str]] | None = None

    def find_class(self, module: str, name: str) -> Any:
        if _ResultUnpickler.allowed is None:
            _ResultUnpickler.allowed = _reducers()
        if (module, name) not in _ResultUnpickler.allowed:
            raise pickle.UnpicklingError(f"a toponym match in a doc may not load {module}.{name}")
        return super().find_class(module, name)


def _encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, Match):
        return {_MSGPACK_KEY: pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)}
    return obj if chain is None else chain(obj)


def _decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    if isinstance(obj, dict) and _MSGPACK_KEY in obj:
        return _ResultUnpickler(io.BytesIO(obj[_MSGPACK_KEY])).load()
    return obj if chain is None else chain(obj)


srsly.msgpack_encoders.register("toponym_match", func=_encode)
srsly.msgpack_decoders.register("toponym_match", func=_decode)


class ToponymComponent:
    """Finds place spans, or links the place entities already in a doc (see the module docstring)."""

    def __init__(
        self,
        name: str = "toponym",
        *,
        mode: Literal["find", "link"] = "find",
        labels: Iterable[str] = ("GPE", "LOC"),
        label: str | None = None,
        spans_key: str | None = None,
        context: bool = True,
        demonyms: bool = False,
        index: str | None = None,
    ) -> None:
        if mode not in ("find", "link"):
            raise ValueError(f"mode={mode!r}: choose 'find' (spans of its own) or 'link' (the entities of a model)")
        self.name = name
        self.mode = mode
        self.labels = frozenset(labels)
        self.label = label
        self.spans_key = spans_key
        self.context = context
        self.demonyms = demonyms
        self.gazetteer: Gazetteer = Gazetteer.load(index) if index else default_gazetteer()

    def __call__(self, doc: Doc) -> Doc:
        if self.mode == "link":
            return next(self.pipe([doc]))
        return self._find(doc, self.gazetteer.extract(doc.text, context=self.context, demonyms=self.demonyms))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """Docs in order; in ``link`` mode the entities of ``batch_size`` docs are resolved together,
        each distinct text once."""
        if self.mode == "find":
            for doc in docs:
                yield self(doc)
            return
        batch: list[Doc] = []
        for doc in docs:
            batch.append(doc)
            if len(batch) >= batch_size:
                yield from self._link(batch)
                batch = []
        yield from self._link(batch)

    def _label(self, mention: Mention) -> str:
        if self.label is not None:
            return self.label
        if mention.match.name_type == "demonym":
            return "NORP"  # an adjective ("Russian", with demonyms=True), as OntoNotes labels it
        return "GPE" if mention.place.kind in GPE_KINDS else "LOC"

    def _find(self, doc: Doc, mentions: list[Mention]) -> Doc:
        spans = []
        for mention in mentions:
            span = doc.char_span(mention.start, mention.end, label=self._label(mention), alignment_mode="expand")
            if span is not None:
                spans.append((span, mention.match))
        if self.spans_key is not None:
            group = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
            for span, match in spans:
                span._.toponym_match = match
                group.append(span)
            doc.spans[self.spans_key] = group
            return doc
        kept = list(doc.ents)
        taken = {i for ent in kept for i in range(ent.start, ent.end)}
        same = {(ent.start, ent.end): ent for ent in kept}
        for span, match in spans:
            if (span.start, span.end) in same:  # the entity is this very place: link it
                entity = same[(span.start, span.end)]
                if entity._.toponym_match is None:
                    entity._.toponym_match = match
            elif not taken.intersection(range(span.start, span.end)):
                span._.toponym_match = match
                kept.append(span)
                taken.update(range(span.start, span.end))
        doc.ents = sorted(kept, key=lambda s: s.start)
        return doc

    def _link(self, docs: list[Doc]) -> list[Doc]:
        entities = [ent for doc in docs for ent in doc.ents if ent.label_ in self.labels]
        for ent, match in zip(
            entities, resolve_many([e.text for e in entities], gazetteer=self.gazetteer), strict=True
        ):
            ent._.toponym_match = match
        return docs


@Language.factory(
    "toponym",
    default_config={
        "mode": "find",
        "labels": ["GPE", "LOC"],
        "label": None,
        "spans_key": None,
        "context": True,
        "demonyms": False,
        "index": None,
    },
    assigns=["doc.ents", "doc.spans", "span._.toponym_match"],
)
def make_toponym(
    nlp: Language,
    name: str,
    mode: Literal["find", "link"],
    labels: list[str],
    label: str | None,
    spans_key: str | None,
    context: bool,
    demonyms: bool,
    index: str | None,
) -> ToponymComponent:
    """The ``toponym`` factory; ``index`` is the path of a compiled index (``None``: the default)."""
    return ToponymComponent(
        name,
        mode=mode,
        labels=labels,
        label=label,
        spans_key=spans_key,
        context=context,
        demonyms=demonyms,
        index=index,
    )

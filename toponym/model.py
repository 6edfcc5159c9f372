"""Frozen, typed results: what the resolver and extractor hand back.

Results travel: a :class:`Match`, :class:`Place` or :class:`Mention` pickles, deep-copies and
converts to plain data (``to_dict``, :func:`dataclasses.asdict`). A place built by a compiled index
pickles as its ID and the index's digest and is re-bound to the same index when loaded (see
:mod:`toponym.registry`), so a result costs a few dozen bytes on the wire.
"""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass, fields
from typing import Any, Literal, Protocol, TypeVar

from .mappings import EMPTY, DisplayNames, ReadOnlyDict
from .vocab import CODE_KEYS, KINDS, METHODS, NAME_TYPES, STATUSES, Kind, Method, NameType

__all__ = [
    "CODE_KEYS",
    "KINDS",
    "METHODS",
    "NAME_TYPES",
    "STATUSES",
    "DisplayNames",
    "Explanation",
    "Match",
    "Mention",
    "Place",
    "PlaceName",
    "ReadOnlyDict",
    "Rule",
]


_T = TypeVar("_T")


def _positional(cls: type[_T]) -> type[_T]:
    """Pickle (and copy) ``cls`` as a call of its constructor with its fields in order: a slotted
    dataclass otherwise pickles a dict of its state, which loads several times slower (a batch
    sends thousands of matches between processes)."""
    get = operator.attrgetter(*(f.name for f in fields(cls)))  # type: ignore[arg-type]

    def __reduce__(self: _T) -> tuple[type[_T], tuple[Any, ...]]:
        return cls, get(self)

    cls.__reduce__ = __reduce__  # type: ignore[assignment,method-assign]
    return cls


@_positional
@dataclass(frozen=True, slots=True)
class PlaceName:
    """One stored name of a place."""

    name: str
    """The variant as written in the gazetteer."""
    lang: str
    """BCP 47 tag of its language (``ru``, ``ja-Latn``; ``und`` when the source does not say); when
    several languages write it alike, the one :func:`~toponym.vocab.shown_tag` picks from :attr:`langs`
    (``en``, else a major language, else the first)."""
    type: NameType
    """One of :data:`~toponym.vocab.NAME_TYPES`."""
    perspective: tuple[str, ...] = ()
    """Who uses this name (ISO 3166-1 alpha-2 codes); empty when it is neutral."""
    langs: tuple[str, ...] = ()
    """Every language tag the sources give this spelling (``("en", "ru-Latn")``)."""


class PlaceOrigin(Protocol):
    """What built a place: reads its names on first use, and names itself for pickling."""

    def place_names(self, row: int) -> tuple[PlaceName, ...]: ...

    def origin_token(self) -> tuple[str, str | None] | None: ...

    def display_of(self, row: int) -> Mapping[str, str]: ...  # see mappings.DisplayNames


class _Origin:
    """Private slots of :class:`Place`, outside its dataclass fields (``asdict`` leaves them out)."""

    __slots__ = ("_names", "_origin", "_row")
    _names: tuple[PlaceName, ...] | None
    _origin: PlaceOrigin | None
    _row: int


@dataclass(frozen=True, slots=True, eq=False)
class Place(_Origin):
    """A place. Two places are equal when their IDs are: an ID names one place for good."""

    id: str
    """Stable ID (DESIGN.md §2): ``jp``, ``ru-sak``, ``gn-524901``, ``southern-kurils``."""
    kind: Kind
    """One of :data:`~toponym.vocab.KINDS`."""
    name: str
    """Canonical English display name."""
    parent: str | None = None
    """ID of the administrative parent, de facto; ``None`` at the top."""
    country: str | None = None
    """ID of the de facto country, when the place lies in one."""
    codes: Mapping[str, str] = EMPTY
    """Cross-walk: ``iso3166_1_alpha2``, ``iso3166_2``, ``geonames``, ``wikidata``, ... (known ones)."""
    population: int | None = None
    part_of: tuple[str, ...] = ()
    """IDs of groups this place belongs to (``southern-kurils`` for ``kunashir``)."""
    members: tuple[str, ...] = ()
    """IDs of the places a group consists of."""
    display: Mapping[str, str] = EMPTY
    """Display names by language tag (``"ru"``, ``"zh-Hant"``: CLDR's, or a curated one over it)
    and by side and language: ``"jp:en"``, ``"jp:ja"`` (as Japan writes it in English, in
    Japanese). English is :attr:`name` unless a curated ``"en"`` says otherwise."""
    curated: bool = False
    """True when a person reviewed this record (``gazetteer/curated``)."""
    lat: float | None = None
    """Latitude of a representative point, WGS 84 degrees; ``None`` when no source gives one."""
    lon: float | None = None
    """Longitude of that point."""

    @property
    def names(self) -> tuple[PlaceName, ...]:
        """Every stored name (countries have hundreds: they are read only when asked for)."""
        names: tuple[PlaceName, ...] | None = getattr(self, "_names", None)
        if names is None:
            origin: PlaceOrigin | None = getattr(self, "_origin", None)
            names = origin.place_names(self._row) if origin is not None else ()
            object.__setattr__(self, "_names", names)
        return names

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Place(id={self.id!r}, kind={self.kind!r}, name={self.name!r})"

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        origin: PlaceOrigin | None = getattr(self, "_origin", None)
        token = origin.origin_token() if origin is not None else None
        if token is not None:
            from .registry import rebind_place  # deferred: the registry knows the loaders

            return rebind_place, (token, self.id)
        fields = (self.id, self.kind, self.name, self.parent, self.country, dict(self.codes), self.population,
                  self.part_of, self.members, dict(self.display), self.curated, self.lat, self.lon)  # fmt: skip
        return _restore_place, (fields, self.names)

    def to_dict(self) -> dict[str, Any]:
        """Plain data: every field (``codes`` and ``display`` as plain dicts)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "name": self.name,
            "parent": self.parent,
            "country": self.country,
            "codes": dict(self.codes),
            "population": self.population,
            "part_of": list(self.part_of),
            "members": list(self.members),
            "display": dict(self.display),
            "curated": self.curated,
            "lat": self.lat,
            "lon": self.lon,
        }

    def name_for(self, perspective: str | None = None, lang: str | None = None) -> str:
        """The display name as ``perspective`` (a country ID) would write it in ``lang``.

        A side's curated name, then the display name in ``lang`` (``zh-Hant-HK`` falls back to
        ``zh-Hant``, then ``zh``): a curated one, else CLDR's. English is :attr:`name`. A language
        with neither falls back to a stored name in it that no other side claims and that is no
        misspelling, former name, epithet or colloquial form (a short name first), then :attr:`name`.
        """
        parts = lang.split("-") if lang else ["en"]
        tags = ["-".join(parts[:k]) for k in range(len(parts), 0, -1)]
        keys = [f"{perspective}:{t}" for t in tags] if perspective else []
        for key in (*keys, *tags):
            found = self.display.get(key)
            if found is not None:
                return found
        if parts[0] == "en" or not lang:
            return self.name
        return self._stored_name(lang, parts[0], perspective) or self.name

    def _stored_name(self, lang: str, primary: str, perspective: str | None) -> str | None:
        best: tuple[int, str] | None = None
        for n in self.names:
            rank = _FALLBACK_TYPES.get(n.type)
            if rank is None or (best is not None and rank >= best[0]):
                continue
            tags = n.langs or (n.lang,)
            side_ok = not n.perspective or (perspective is not None and perspective in n.perspective)
            if side_ok and (lang in tags or primary in tags):
                best = (rank, n.name)
        return best[1] if best else None


#: Name types a display name may fall back to, best first (misspellings, former names, epithets
#: and colloquial forms never stand for a place unless asked for).
_FALLBACK_TYPES: dict[str, int] = {"short": 0, "official": 1, "endonym": 2, "exonym": 2, "romanization": 3}


def _restore_place(fields: tuple[Any, ...], names: tuple[PlaceName, ...]) -> Place:
    """Unpickle a place that no index names (built by hand, or by an index kept only in memory)."""
    pid, kind, name, parent, country, codes, population, part_of, members, display, curated, *point = fields
    place = Place(pid, kind, name, parent, country, ReadOnlyDict(codes), population, part_of, members,
                  ReadOnlyDict(display), curated, *point)  # fmt: skip
    object.__setattr__(place, "_names", names)
    return place


#: Which ranking rule decided a match (see :class:`Explanation`).
Rule = Literal["only", "ranked", "policy", "hint", "ambiguous", "stop", "context", "code"]


@_positional
@dataclass(frozen=True, slots=True)
class Explanation:
    """Why a candidate ranks where it does, as data; :attr:`text` is the same in words.

    >>> Explanation("policy", 3, policy="the country").text
    'policy: the country'
    >>> Explanation("ranked", 4).text
    'first of 4 by match, kind and population'
    """

    rule: Rule
    """What decided: the only candidate, ranking (match, kind, population), a ``[[prefer]]`` policy
    entry, a hint, a tie (``ambiguous``), a stop rule (a bare ``resolve`` abstains), the other
    places of a text (``context``), or a query in capitals that is the place's ISO code (``code``)."""
    candidates: int = 1
    """How many places were ranked."""
    policy: str | None = None
    """The reason of the ``[[prefer]]`` entry that chose this place."""
    hints: tuple[Literal["country", "lang"], ...] = ()
    """The hints this place satisfied."""
    ambiguous: bool = False
    """As likely as the next candidate: a bare ``resolve`` answers ``None``."""
    detail: str | None = None
    """For ``stop``: why a bare ``resolve`` abstains; for ``code``: which code the query is."""
    context: float | None = None
    """For ``context``: the weight of the other places of the text that lie in or near it."""

    @property
    def text(self) -> str:
        """The explanation in words (``Match.reason``)."""
        if self.rule in ("stop", "code"):
            return f"{self.rule}: {self.detail}"
        if self.rule == "context":
            return f"context: other places in the text lie in or near it ({self.context:g})"
        parts = []
        if "country" in self.hints:
            parts.append("in the hinted country")
        if self.policy is not None:
            parts.append(f"policy: {self.policy}")
        if "lang" in self.hints:
            parts.append("name in the hinted language")
        if self.ambiguous:
            parts.append("ambiguous: as likely as the next candidate")
        if parts:
            return "; ".join(parts)
        if self.candidates == 1:
            return "the only candidate"
        return f"first of {self.candidates} by match, kind and population"


ONLY = Explanation("only", 1)


@_positional
@dataclass(frozen=True, slots=True)
class Match:
    """A resolved name, and how it was reached."""

    place: Place
    score: float
    """0–100: 100 exact, then normalised, folded, transliterated; fuzzy below 90."""
    method: Method
    """One of :data:`~toponym.vocab.METHODS`."""
    matched: str
    """The stored variant that matched."""
    lang: str
    """Language tag of the matched variant: the caller's ``lang`` hint when the variant is written
    so in it, else as :attr:`PlaceName.lang` (``en``, else a major language, else the first)."""
    query: str
    """The string that was looked up."""
    name_type: NameType = "official"
    """Type of the matched variant (``misspelling``, ``former``, ...)."""
    perspective: tuple[str, ...] = ()
    """Who uses the matched variant, when it is one side's name."""
    explanation: Explanation = ONLY
    """Why this candidate ranks where it does, as data."""

    @property
    def reason(self) -> str:
        """Why this candidate ranks where it does, in words (policy entry, hint, population, ...)."""
        return self.explanation.text

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: what ``toponym resolve --json`` prints."""
        place = self.place
        return {
            "query": self.query,
            "id": place.id,
            "name": place.name,
            "kind": place.kind,
            "country": place.country,
            "parent": place.parent,
            "score": round(self.score, 2),
            "method": self.method,
            "matched": self.matched,
            "lang": self.lang,
            "name_type": self.name_type,
            "perspective": list(self.perspective),
            "reason": self.reason,
            "codes": dict(place.codes),
        }


@_positional
@dataclass(frozen=True, slots=True)
class Mention:
    """A place mention found in text. ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    match: Match

    @property
    def place(self) -> Place:
        return self.match.place

    @property
    def score(self) -> float:
        return self.match.score

    @property
    def method(self) -> Method:
        return self.match.method

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: the span, then the match's fields (``query`` is the text)."""
        return {"start": self.start, "end": self.end, "text": self.text, **self.match.to_dict()}

"""Frozen, typed results: what the resolver and extractor hand back."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import _accel

__all__ = ["KINDS", "METHODS", "NAME_TYPES", "Match", "Mention", "Place", "PlaceName"]

_T = TypeVar("_T")

KINDS: tuple[str, ...] = (
    "country",
    "former-country",
    "territory",
    "subdivision",
    "city",
    "island",
    "island-group",
    "peninsula",
    "sea",
    "ocean",
    "gulf",
    "strait",
    "lake",
    "river",
    "mountain",
    "region",
    "macro-region",
)
NAME_TYPES: tuple[str, ...] = (
    "official",
    "short",
    "exonym",
    "endonym",
    "romanization",
    "former",
    "misspelling",
    "colloquial",
    "epithet",
)
#: How a query reached its place, from strictest to loosest.
METHODS: tuple[str, ...] = ("exact", "normalized", "folded", "transliterated", "fuzzy")


@dataclass(frozen=True, slots=True)
class PlaceName:
    """One stored name of a place."""

    name: str
    """The variant as written in the gazetteer."""
    lang: str
    """BCP 47 tag (``ru``, ``ja-Latn``; ``und`` when the source does not say)."""
    type: str
    """One of :data:`NAME_TYPES`."""
    perspective: tuple[str, ...] = ()
    """Who uses this name (ISO 3166-1 alpha-2 codes); empty when it is neutral."""


@dataclass(frozen=True, slots=True, eq=False)
class Place:
    """A place. Two places are equal when their IDs are: an ID names one place for good."""

    id: str
    """Stable ID (DESIGN.md §2): ``jp``, ``ru-sak``, ``gn-524901``, ``southern-kurils``."""
    kind: str
    """One of :data:`KINDS`."""
    name: str
    """Canonical English display name."""
    parent: str | None = None
    """ID of the administrative parent, de facto; ``None`` at the top."""
    country: str | None = None
    """ID of the de facto country, when the place lies in one."""
    codes: Mapping[str, str] = field(default_factory=dict)
    """Cross-walk: ``iso3166_1_alpha2``, ``iso3166_2``, ``geonames``, ``wikidata``, ... (known ones)."""
    population: int | None = None
    part_of: tuple[str, ...] = ()
    """IDs of groups this place belongs to (``southern-kurils`` for ``kunashir``)."""
    members: tuple[str, ...] = ()
    """IDs of the places a group consists of."""
    name_source: tuple[PlaceName, ...] | Callable[[], tuple[PlaceName, ...]] = field(default=(), repr=False)
    """The stored names, or a function that reads them from the index on first use (see :attr:`names`)."""
    display: Mapping[str, str] = field(default_factory=dict)
    """Preferred display names: ``"jp"`` (that side, English), ``"jp:ja"`` (that side, Japanese), ``"ja"``."""
    curated: bool = False
    """True when a person reviewed this record (``gazetteer/curated``)."""

    _names: tuple[PlaceName, ...] | None = field(default=None, init=False, repr=False)

    @property
    def names(self) -> tuple[PlaceName, ...]:
        """Every stored name (countries have hundreds: they are read only when asked for)."""
        if self._names is None:
            source = self.name_source
            object.__setattr__(self, "_names", source() if callable(source) else source)
        assert self._names is not None
        return self._names

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Place) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)

    def __repr__(self) -> str:
        return f"Place(id={self.id!r}, kind={self.kind!r}, name={self.name!r})"

    def name_for(self, perspective: str | None = None, lang: str | None = None) -> str:
        """The display name as ``perspective`` (a country ID) would write it in ``lang``.

        Falls back to a stored name in ``lang`` that no other side claims, then to :attr:`name`.
        """
        primary = lang.split("-")[0] if lang else "en"
        keys = [f"{perspective}:{primary}", perspective if primary == "en" else None] if perspective else []
        for key in [*keys, primary]:
            if key and key in self.display:
                return self.display[key]
        if lang:
            for n in self.names:
                tags = n.lang.split(",")
                usable = (lang in tags or primary in tags) and n.type not in ("misspelling", "former")
                if usable and (not n.perspective or (perspective is not None and perspective in n.perspective)):
                    return n.name
        return self.name


@dataclass(frozen=True, slots=True)
class Match:
    """A resolved name, and how it was reached."""

    place: Place
    score: float
    """0–100: 100 exact, then normalised, folded, transliterated; fuzzy below 90."""
    method: str
    """One of :data:`METHODS`."""
    matched: str
    """The stored variant that matched."""
    lang: str
    """Language tag of the matched variant."""
    query: str
    """The string that was looked up."""
    name_type: str = "official"
    """Type of the matched variant (``misspelling``, ``former``, ...)."""
    perspective: tuple[str, ...] = ()
    """Who uses the matched variant, when it is one side's name."""
    reason: str = ""
    """Why this candidate ranks where it does (policy entry, hint, population, ...)."""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict: what ``toponym resolve --json`` prints."""
        return {
            "query": self.query,
            "id": self.place.id,
            "name": self.place.name,
            "kind": self.place.kind,
            "score": round(self.score, 2),
            "method": self.method,
            "matched": self.matched,
            "lang": self.lang,
            "name_type": self.name_type,
            "perspective": list(self.perspective),
            "reason": self.reason,
            "codes": dict(self.place.codes),
        }


def _slot_constructor(
    cls: type[_T], fields: tuple[str, ...], extra: tuple[str, ...] = (), *, untracked: bool = False
) -> Callable[..., _T]:
    """A positional, unchecked constructor of the frozen slotted dataclass ``cls``, for hot paths.

    A frozen dataclass's ``__init__`` sets each field through ``object.__setattr__``; writing the
    slots through their descriptors builds the same object in under half the time. The function is
    generated with one line per slot, as :mod:`dataclasses` generates ``__init__``; slots named
    in ``extra`` are set to ``None``. With ``toponym._speedups`` built, a C maker does the same;
    ``untracked`` then keeps the objects out of the garbage collector, for classes whose fields
    can never lead back to the object (a match holds a place, strings and numbers).
    """
    if _accel.SPEEDUPS is not None:  # the same, in C: one allocation and one store per slot
        maker: Callable[..., _T] = _accel.SPEEDUPS.SlotMaker(
            cls, tuple(cls.__dict__[f] for f in fields), tuple(cls.__dict__[f] for f in extra), untracked=untracked
        )
        return maker
    names = [f"s{i}" for i in range(len(fields) + len(extra))]
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    scope.update((n, cls.__dict__[f].__set__) for n, f in zip(names, (*fields, *extra), strict=True))
    body = [f"    {n}(obj, {f})" for n, f in zip(names, fields, strict=False)]
    body += [f"    {n}(obj, None)" for n in names[len(fields) :]]
    source = f"def make({', '.join(fields)}):\n    obj = new(cls)\n" + "\n".join(body) + "\n    return obj\n"
    exec(source, scope)  # the source holds only field names of our own classes
    make: Callable[..., _T] = scope["make"]
    make.__doc__ = f"{cls.__name__}({', '.join(fields)}), built through its slots."
    return make


#: ``Match(place, score, method, matched, lang, query, name_type, perspective, reason)``, fast.
make_match = _slot_constructor(
    Match,
    ("place", "score", "method", "matched", "lang", "query", "name_type", "perspective", "reason"),
    untracked=True,
)
#: ``Place(...)`` in field order, without ``_names`` (read on first use), fast.
make_place = _slot_constructor(
    Place,
    ("id", "kind", "name", "parent", "country", "codes", "population", "part_of", "members", "name_source",
     "display", "curated"),
    extra=("_names",),
)  # fmt: skip


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
    def method(self) -> str:
        return self.match.method


#: ``Mention(start, end, text, match)``, fast.
make_mention = _slot_constructor(Mention, ("start", "end", "text", "match"), untracked=True)

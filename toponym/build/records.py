"""What the readers of a gazetteer folder produce: records that keep the ``file:line`` they came from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Problem
from ..vocab import NAME_LEVELS

__all__ = [
    "NAME_LEVELS",
    "PROMINENCE_CLASSES",
    "Policy",
    "Prefer",
    "Prominence",
    "Ranking",
    "Same",
    "SourceName",
    "SourcePlace",
    "Sources",
    "Stop",
    "Words",
]


@dataclass(slots=True)
class SourceName:
    name: str
    lang: str
    type: str = "official"
    perspective: tuple[str, ...] = ()
    display: bool = False
    source: str = ""
    file: str = ""
    line: int = 0


@dataclass(slots=True)
class SourcePlace:
    id: str
    kind: str
    name: str
    file: str
    line: int
    curated: bool
    parent: str | None = None
    country: str | None = None
    part_of: list[str] = field(default_factory=list)
    members: list[str] = field(default_factory=list)
    codes: dict[str, str] = field(default_factory=dict)
    population: int | None = None
    lat: float | None = None
    lon: float | None = None
    examples: list[str] = field(default_factory=list)
    note: str = ""
    drop_names: list[str] = field(default_factory=list)
    names: list[SourceName] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Prefer:
    name: str
    place: str
    reason: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Stop:
    name: str
    reason: str
    file: str
    line: int


@dataclass(frozen=True, slots=True)
class Same:
    """Two IDs the sources give one entity: ``also`` is folded into ``place`` at compile time."""

    place: str
    also: str
    reason: str
    file: str
    line: int


@dataclass(slots=True)
class Policy:
    prefer: list[Prefer] = field(default_factory=list)
    stop: list[Stop] = field(default_factory=list)
    same: list[Same] = field(default_factory=list)
    perspective_alias: dict[str, str] = field(default_factory=dict)
    ranking: Ranking = field(default_factory=lambda: Ranking())


#: The classes of place the policy gives a prominence (``[prominence.<class>]``).
PROMINENCE_CLASSES = ("country", "territory", "former-country", "ocean", "sea", "macro-region", "gulf", "strait",
                      "first-level", "subdivision", "unlisted-subdivision", "city", "physical", "landmark")  # fmt: skip


@dataclass(frozen=True, slots=True)
class Prominence:
    """A class of place counts as ``max(floor, per_person * people)`` people."""

    floor: float = 1.0
    per_person: float = 1.0
    least: float | None = None
    """For a first-level unit: its floor where its country's people, shared among its first-level
    units, are fewer than ``floor`` (``None``: the floor holds everywhere)."""


@dataclass(slots=True)
class Ranking:
    """The ranking parameters of ``policy.toml``; where a section is missing, neutral values (every
    place counts as its people, every name alike)."""

    ambiguity: float = 1.5
    city_over_unit: float = 0.0
    city_seat: float = 1.0
    """What a city that names a subdivision around it counts for, times its people."""
    fuzzy_floor: tuple[float, float] = (0.0, 0.0)
    """The least likelihood a place needs to be the answer to a typo of one edit, of two."""
    prominence: dict[str, Prominence] = field(default_factory=dict)
    name_weight: dict[str, float] = field(default_factory=dict)

    def weights(self) -> tuple[float, ...]:
        return tuple(self.name_weight.get(level, 1.0) for level in NAME_LEVELS)

    def of(self, kind: str) -> Prominence:
        return self.prominence.get(kind, Prominence())


@dataclass(frozen=True, slots=True)
class Words:
    """Ordinary words from ``words/``, as folded keys."""

    dictionary: frozenset[str] = frozenset()
    """Lower-case dictionary words (every file but ``*.proper.txt``)."""
    common: frozenset[str] = frozenset()
    """The most frequent words (``*.common.txt``); common words are dictionary words too."""
    no_fuzzy: frozenset[str] = frozenset()
    """Never fuzzy-matched: dictionary words, capitalised words, given names (``*.proper.txt``)."""
    elsewhere: frozenset[str] = frozenset()
    """Names of real places the index does not carry (``*.elsewhere.txt``): never read as a typo."""
    frequent: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Language -> its most frequent words in rank order (``<lang>.frequent.txt``), normalised with
    accents kept (:func:`~toponym.normalize.normalize_name`), not folded."""
    territory_langs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Country or territory ID -> the languages spoken there (``territory-languages.tsv``)."""
    area_codes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """North American telephone area code -> the IDs of the places it serves (``area-codes.tsv``)."""
    given: frozenset[str] = frozenset()
    """Given names (``*.given.txt``) longer than two letters that are none of the commonest words
    ("Mark", "Hope", "Will" are words too; a dictionary's "john" is no reason to drop "John")."""
    surnames: frozenset[str] = frozenset()
    """The commonest surnames (``*.surnames.txt``), words or not ("Walker", "Brown", "Miller")."""


@dataclass(slots=True)
class Sources:
    """Everything read from one gazetteer folder, before validation."""

    curated: list[SourcePlace]
    generated: list[SourcePlace]
    policy: Policy
    digest: str
    """SHA-256 over every input file and the build code, so a compiled index names what it was built from."""
    data_digest: str
    """SHA-256 over the input files alone."""
    files: list[str]
    problems: list[Problem]
    """Syntax problems found while reading; validation adds the semantic ones."""
    words: Words = field(default_factory=Words)

"""Typed, read-only views of an index's tables: places, names, keys and the policy.

The resolver and the extractor read the index only through these: columns by name and type, and
key entries as ``(name row, tier)`` pairs, never raw sections or packed codes.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from ..normalize import fold_key, normalize_name, translit_key
from ..vocab import NAME_TYPES, VILLAGE, Kind, NameType
from .schema import ENTRY_TIER_BITS, METHOD_EXACT, METHOD_MASK, decode_degrees
from .strings import Strings

__all__ = ["KeyTable", "NameTable", "PlaceTable", "Policy", "TextTable", "base_languages"]

_TIER_MASK = (1 << ENTRY_TIER_BITS) - 1


@dataclass(frozen=True, slots=True, eq=False)
class PlaceTable:
    """One row per place."""

    ids: Strings
    """The place IDs; ``ids.row_of(id)`` finds one (-1 if absent)."""
    kind: tuple[Kind, ...]
    name: Strings
    codes: Strings
    """``key=value;key=value`` (decoded by :meth:`toponym.index.Index.place`)."""
    curated: bytes
    parent: Sequence[int]
    """Row of the administrative parent, or -1."""
    country: Sequence[int]
    """Row of the de facto country, or -1."""
    population: Sequence[int]
    """-1 when unknown."""
    people: Sequence[int]
    """The population, or for a subdivision without one the people of its cities; -1 when unknown."""
    prominence: Sequence[float]
    """How likely a reader means the place by its bare name, as an equivalent population."""
    first_name: Sequence[int]
    part_of: Mapping[int, tuple[int, ...]]
    display: Mapping[int, Mapping[str, str]]
    """Curated display names: ``"ru"``, ``"jp"`` (that side, English), ``"jp:ja"``."""
    lat: Sequence[int]
    """Millionths of a degree, or :data:`~toponym.index.schema.NO_POINT` (see :meth:`point`)."""
    lon: Sequence[int]
    display_first: Sequence[int]
    """Where each place's display entries (:attr:`display_tag`, :attr:`display_name`) begin; one
    more row holds the end."""
    display_tag: Sequence[int]
    """Index into :attr:`display_tags`."""
    display_name: Sequence[int]
    """The name row a source gives as the place's display name in that language."""
    display_tags: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)

    def iso_coded(self, row: int) -> bool:
        """Does the place carry an ISO 3166-2 code (a subdivision a state defines, not a
        municipality or a GeoNames unit)?"""
        return "iso3166_2=" in self.codes[row]

    def village(self, row: int) -> bool:
        """Is the place a town of fewer than :data:`~toponym.vocab.VILLAGE` people (or of none
        recorded)?"""
        return self.kind[row] == "city" and self.people[row] < VILLAGE

    def top_level(self, row: int) -> bool:
        """Is the place under no other, or right under a country or territory (a first-level
        subdivision, for a subdivision)?"""
        parent = self.parent[row]
        return parent < 0 or self.kind[parent] in ("country", "territory")

    def names_of(self, row: int) -> range:
        """The rows of the place's names."""
        return range(self.first_name[row], self.first_name[row + 1])

    def point(self, row: int) -> tuple[float, float] | None:
        """``(lat, lon)`` in degrees, or ``None`` when no source gives the place a point."""
        lat = decode_degrees(self.lat[row])
        lon = decode_degrees(self.lon[row])
        return None if lat is None or lon is None else (lat, lon)

    def shown_names(self, row: int) -> list[tuple[str, int]]:
        """``(language tag, name row)`` of every display name a source gives the place."""
        tags, a, b = self.display_tags, self.display_first[row], self.display_first[row + 1]
        return list(zip([tags[t] for t in self.display_tag[a:b]], self.display_name[a:b], strict=True))


@dataclass(frozen=True, slots=True, eq=False)
class NameTable:
    """One row per stored name; a place's names are consecutive rows."""

    text: Strings
    """The names as written; ``text.row_of(s)`` finds a stored spelling."""
    place: Sequence[int]
    lang: Sequence[int]
    """Index into :attr:`langs`."""
    persp: Sequence[int]
    """Index into :attr:`perspectives`."""
    type_code: Sequence[int]
    """Index into :data:`~toponym.vocab.NAME_TYPES` (see :meth:`type`)."""
    curated: Sequence[int]
    rank: Sequence[int]
    """How the name vouches for its place: 2 reviewed or canonical, 1 language-tagged, 0 bulk."""
    answer: Sequence[int]
    """The name a bare query spelling this one exactly resolves to (see :meth:`compiled`)."""
    method: Sequence[int]
    explain: Sequence[int]
    """Why: an index into :attr:`toponym.index.Index.explanations`."""
    langs: tuple[str, ...]
    """Comma-joined tags."""
    first_lang: tuple[str, ...]
    """The tag shown for each entry of :attr:`langs` (:func:`shown_tag`): ``en`` when it is one,
    else the first major language of :data:`~toponym.vocab.MAJOR_LANGUAGES`, else the first tag."""
    perspectives: tuple[tuple[str, ...], ...]

    def __len__(self) -> int:
        return len(self.text)

    def type(self, row: int) -> NameType:
        return NAME_TYPES[self.type_code[row]]

    def tags(self, row: int) -> tuple[str, ...]:
        return tuple(self.langs[self.lang[row]].split(","))

    def languages(self, row: int) -> frozenset[str]:
        """The languages of name ``row``'s tags (:func:`base_languages`)."""
        return base_languages(self.langs[self.lang[row]])

    def compiled(self, row: int) -> tuple[int, bool] | int:
        """The compiled answer to a bare query spelling name ``row`` exactly: ``(answer name row,
        exact)`` where ``exact`` means the answer is that very spelling, or a sentinel
        (:data:`~toponym.index.schema.NO_ANSWER`, :data:`~toponym.index.schema.RANK_AT_QUERY`)."""
        answer = self.answer[row]
        if answer < 0:
            return answer
        return answer, self.method[row] & METHOD_MASK == METHOD_EXACT


@dataclass(frozen=True, slots=True, eq=False)
class KeyTable:
    """Lookup keys (normalised, folded and transliterated spellings) and the names filed under them."""

    text: Strings
    """The keys; ``text.row_of(key)`` finds one (-1 if absent)."""
    first: Sequence[int]
    """Where each key's entries start in :attr:`codes`, then the end."""
    codes: Sequence[int]
    best: Sequence[int]
    explain: Sequence[int]
    """Why ``best``: an index into :attr:`toponym.index.Index.explanations`."""
    fuzzy: int
    """How many leading keys are fuzzy-matchable (their rows double as fuzzy positions)."""

    def __len__(self) -> int:
        return len(self.text)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.text.row_of(key) >= 0

    def row_of(self, key: str) -> int:
        return self.text.row_of(key)

    def entries(self, row: int) -> list[tuple[int, int]]:
        """``(name row, tier)`` of every name filed under key ``row``, in name order."""
        return [(c >> ENTRY_TIER_BITS, c & _TIER_MASK) for c in self.codes[self.first[row] : self.first[row + 1]]]

    def names_under(self, row: int) -> list[int]:
        """The name rows filed under key ``row`` (as :meth:`entries`, without tiers)."""
        return [c >> ENTRY_TIER_BITS for c in self.codes[self.first[row] : self.first[row + 1]]]

    def lookup(self, key: str) -> list[tuple[int, int]]:
        """:meth:`entries` of ``key``; empty when it is no key."""
        row = self.text.row_of(key)
        return self.entries(row) if row >= 0 else []

    def reach(self, query: str) -> list[tuple[int, int]]:
        """The entries a text query reaches without fuzzy matching: those of its normalised and
        folded keys, else of its transliterated key."""
        key = normalize_name(query)
        folded = fold_key(key)
        entries = self.lookup(key) + (self.lookup(folded) if folded != key else [])
        if not entries:
            trans = translit_key(folded)
            entries = self.lookup(trans) if trans and trans != folded else []
        return entries

    def default(self, row: int) -> tuple[int, int] | int:
        """The compiled answer of a bare query spelling key ``row``: ``(name row, tier)``, or
        :data:`~toponym.index.schema.NO_ANSWER` / :data:`~toponym.index.schema.RANK_AT_QUERY`."""
        code = self.best[row]
        return code if code < 0 else (code >> ENTRY_TIER_BITS, code & _TIER_MASK)

    @staticmethod
    def decode(code: int) -> tuple[int, int]:
        """``(name row, tier)`` of an entry."""
        return code >> ENTRY_TIER_BITS, code & _TIER_MASK


@dataclass(frozen=True, slots=True, eq=False)
class WordSet:
    """The ordinary words that carry one of the ``WORD_*`` bits: ``key in words``."""

    text: Strings
    flags: Sequence[int]
    bit: int

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str):
            return False
        row = self.text.row_of(key)
        return row >= 0 and bool(self.flags[row] & self.bit)


@dataclass(frozen=True, slots=True, eq=False)
class Policy:
    """``gazetteer/policy.toml`` and the word lists, as compiled."""

    prefer: Mapping[str, tuple[int, str]]
    """Folded key -> (place row, reason)."""
    stop: Mapping[str, str]
    """Folded key -> reason."""
    words: WordSet
    """English dictionary words (folded keys)."""
    common_words: WordSet
    """Common English words."""
    no_fuzzy_words: WordSet
    """Words never fuzzy-matched (dictionary and frequent words of many languages, given names)."""
    ordinary: WordSet
    """Ordinary words of some language that name no prominent place in it: no bare answer
    (normalised, accents kept: ``query.norm in ordinary``)."""
    ordinary_keys: WordSet
    """The folded keys of the ordinary words: a key whose bare answer depends on its accents."""
    function_words: WordSet
    """The commonest words of each language that are no prominent place's own name in it
    (normalised, accents kept): capitalised at the start of a sentence, still the word."""
    caseless_words: WordSet
    """Core words of languages written without case that name no country, sea or metropolis
    (normalised): in text a word before a name."""
    elsewhere: WordSet
    """Names of real places the index does not carry (folded keys): never read as a typo."""
    given_names: WordSet
    """Given names that are no English dictionary word (folded keys)."""
    surnames: WordSet
    """The commonest surnames, words or not (folded keys)."""
    perspective_alias: Mapping[str, str]
    id_alias: Mapping[str, str]
    ambiguity: float
    """Two candidates of one kind are a tie when their likelihoods differ by less than this factor."""
    city_over_unit: float
    """A city outranks a first-level unit of its name only with at least this share of its people."""
    city_seat: float
    """A city that gives its name to a coded subdivision around it counts this many times its people."""
    fuzzy_floor: tuple[float, ...]
    """The least prominence (``place_prominence``) of the answer to a typo of one edit, of two."""
    name_weight: tuple[float, ...]
    """How much a name of each level (``name_rank``) vouches for its place."""


@dataclass(frozen=True, slots=True, eq=False)
class TextTable:
    """The text lexicon (see :mod:`toponym.build.textlex`): key prefixes and words of scripts
    without spaces, each with its ``TEXT_*`` flags and a word's rank class."""

    text: Strings
    flags: Sequence[int]
    rank: Sequence[int]
    """0, or the rank class of a word of a script without spaces (lower: more frequent)."""


@functools.lru_cache(maxsize=4096)
def base_languages(tags: str) -> frozenset[str]:
    """The languages of comma-joined tags, without script or region: "sr-Latn,bs,und" is
    {"sr", "bs", "und"}."""
    return frozenset(t.split("-")[0] for t in tags.split(","))

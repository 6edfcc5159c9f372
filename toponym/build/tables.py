"""Merged places → the tables of an index file (:class:`~toponym.index.format.IndexTables`).

Deterministic: the same places give the same bytes. Every name is filed under its normalised,
folded and transliterated keys (:mod:`toponym.normalize`); the compiled answers are left to
:mod:`.defaults`, which ranks with the index these tables make.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .._version import __version__
from ..index.blocking import FUZZY_MIN_LEN, char_mask, segment_hash, segments
from ..index.format import IndexMeta, IndexTables
from ..index.schema import (
    FORMAT,
    RANK_AT_QUERY,
    TIER_FOLDED,
    TIER_NORMAL,
    TIER_TRANSLIT,
    WORD_CASELESS,
    WORD_COMMON,
    WORD_DICTIONARY,
    WORD_ELSEWHERE,
    WORD_FUNCTION,
    WORD_GIVEN,
    WORD_NO_FUZZY,
    WORD_ORDINARY,
    WORD_ORDINARY_KEY,
    WORD_SURNAME,
    encode_degrees,
    pack_entry,
)
from ..index.strings import build_table
from ..normalize import bare_alifs, fold_key, hangul_units, normalize_name, script_of, translit_key
from ..resolver.candidates import NO_FUZZY_SCRIPTS
from ..vocab import COUNTRY_KINDS, KINDS, NAME_TYPES, shown_tag
from .levels import level
from .merge import MergedPlace
from .prominence import MAX_DEPTH, misspelt, people_of, prominences
from .records import Words
from .sources import Sources
from .textlex import nations, text_sections

__all__ = ["build_tables", "file_name"]


@dataclass(slots=True)
class _Names:
    text: list[str] = field(default_factory=list)
    place: array[int] = field(default_factory=lambda: array("I"))
    lang: array[int] = field(default_factory=lambda: array("H"))
    persp: array[int] = field(default_factory=lambda: array("H"))
    type: bytearray = field(default_factory=bytearray)
    curated: bytearray = field(default_factory=bytearray)
    rank: bytearray = field(default_factory=bytearray)
    first: array[int] = field(default_factory=lambda: array("I"))
    langs: dict[str, int] = field(default_factory=dict)
    perspectives: dict[tuple[str, ...], int] = field(default_factory=lambda: {(): 0})
    display: dict[int, dict[str, str]] = field(default_factory=dict)
    shown: dict[int, dict[str, int]] = field(default_factory=dict)
    """Place row -> language tag -> the name row a source gives as its display name there."""


@dataclass(slots=True)
class _Keys:
    ordered: list[str]
    """Fuzzy-matchable keys first (their rows double as fuzzy positions), each part sorted."""
    fuzzy: int
    entries: dict[str, list[int]]


def _countries(places: list[MergedPlace], row: dict[str, int], parent: array[int]) -> array[int]:
    """Each place's de facto country: itself, its ``country`` field, or the nearest ancestor's."""
    country = array("i", [-1] * len(places))
    for i in range(len(places)):
        node = i
        for _ in range(MAX_DEPTH):
            src = places[node].src
            if src.kind in COUNTRY_KINDS:
                country[i] = node
                break
            if src.country and src.country in row:
                country[i] = row[src.country]
                break
            node = parent[node]
            if node < 0:
                break
    return country


def _names(places: list[MergedPlace]) -> _Names:
    out = _Names()
    for i, p in enumerate(places):
        out.first.append(len(out.text))
        for nm in sorted(p.names.values(), key=lambda n: (not n.curated, n.name)):
            out.place.append(i)
            out.text.append(nm.name)
            tag = ",".join(nm.langs) or "und"
            out.lang.append(out.langs.setdefault(tag, len(out.langs)))
            persp = tuple(sorted(nm.perspective))
            out.persp.append(out.perspectives.setdefault(persp, len(out.perspectives)))
            out.type.append(NAME_TYPES.index(nm.type))
            out.curated.append(nm.curated)
            out.rank.append(level(nm, p))
            for lang in nm.display_langs:  # names sort alike in every build: the first one wins
                if lang != "en":  # English is the place's own `name`
                    out.shown.setdefault(i, {}).setdefault(lang, len(out.text) - 1)
            if nm.display:
                for lang in nm.langs:
                    primary = lang.split("-")[0]
                    # a side's key is never bare: `ar` is Arabic, and Argentina's English is `ar:en`
                    for key in [f"{side}:{primary}" for side in persp] or [primary]:
                        out.display.setdefault(i, {}).setdefault(key, nm.name)
    out.first.append(len(out.text))
    return out


def _display_sections(names: _Names, n_places: int) -> tuple[list[str], dict[str, array[int]]]:
    """Each place's display names by language, as consecutive ``(tag, name row)`` entries sorted
    by tag (``display_first`` says where a place's begin), and the table of the tags."""
    tags = sorted({tag for shown in names.shown.values() for tag in shown})
    tag_row = {tag: i for i, tag in enumerate(tags)}
    first, tag_of, name_of = array("I"), array("H"), array("I")
    for i in range(n_places):
        first.append(len(tag_of))
        for tag, row in sorted(names.shown.get(i, {}).items()):
            tag_of.append(tag_row[tag])
            name_of.append(row)
    first.append(len(tag_of))
    return tags, {"display_first": first, "display_tag": tag_of, "display_name": name_of}


def file_name(text: str) -> tuple[dict[str, int], str | None]:
    """The keys a stored name is filed under, each with its tier (normalised first), and its fuzzy
    key (the folded one) when it is fuzzy-matched."""
    norm = normalize_name(text)
    if not norm:
        return {}, None
    folded = fold_key(norm)
    trans = translit_key(folded)
    filed = {norm: TIER_NORMAL}
    filed.setdefault(folded, TIER_FOLDED)
    if " " in norm and (bare := bare_alifs(norm)) != norm:  # not one word: "أمان", safety, is no Amman
        filed.setdefault(bare, TIER_FOLDED)
    if " " in norm and (unit := hangul_units(norm)) is not None:  # "캘리포니아 주": 캘리포니아주, 캘리포니아
        for form in unit:
            if form is not None:
                filed.setdefault(form, TIER_FOLDED)
    if trans:
        filed.setdefault(trans, TIER_TRANSLIT)
    fuzzy = len(folded) >= FUZZY_MIN_LEN and script_of(folded) not in NO_FUZZY_SCRIPTS
    return filed, folded if fuzzy else None


def _keys(name_text: list[str], typo_of: Sequence[bool]) -> _Keys:
    """The keys of every name; a name may be read from a typo where ``typo_of[name]``."""
    entries: dict[str, list[int]] = {}
    fuzzy: set[str] = set()
    for n, text in enumerate(name_text):
        filed, fuzzy_key = file_name(text)
        for key, tier in filed.items():
            entries.setdefault(key, []).append(pack_entry(n, tier))
        if fuzzy_key is not None and typo_of[n]:
            fuzzy.add(fuzzy_key)
    fuzzy_list = sorted(fuzzy)
    ordered = fuzzy_list + sorted(k for k in entries if k not in fuzzy)
    return _Keys(ordered, len(fuzzy_list), entries)


def _blob(strings: Sequence[str]) -> bytes:
    """Strings as one UTF-8 blob, each followed by a newline (the index finds the offsets at load)."""
    return "".join(f"{text}\n" for text in strings).encode("utf-8")


def place_sections(
    ids: Sequence[str], kinds: Iterable[str], names: Sequence[str], codes: Sequence[str]
) -> dict[str, array[int] | bytes]:
    """Each place's ID (in a hash table), kind, canonical name and ``key=value;...`` codes: read
    a row at a time from the file, not parsed into lists when the index loads."""
    kind_code: dict[str, int] = {k: i for i, k in enumerate(KINDS)}
    return {
        "place_ids_blob": _blob(ids),
        "place_id_slots": build_table(ids),
        "place_names_blob": _blob(names),
        "place_codes_blob": _blob(codes),
        "place_kind": array("B", (kind_code[k] for k in kinds)),
    }


def codes_text(codes: Mapping[str, str]) -> str:
    """A place's codes as the ``place_codes_blob`` holds them: ``key=value;key=value``."""
    return ";".join(f"{k}={v}" for k, v in sorted(codes.items()))


def _members_as_part_of(places: list[MergedPlace], row: dict[str, int]) -> dict[int, tuple[int, ...]]:
    """``part_of`` on each place, plus ``members = [...]`` on a group (the same fact, seen from above)."""
    groups: dict[int, set[int]] = {i: {row[g] for g in p.src.part_of if g in row} for i, p in enumerate(places)}
    for i, p in enumerate(places):
        for member in p.src.members:
            if member in row:
                groups[row[member]].add(i)
    return {i: tuple(sorted(g)) for i, g in groups.items() if g}


def _policy(sources: Sources, row: dict[str, int]) -> tuple[dict[str, tuple[int, str]], dict[str, str]]:
    folded_into = {s.also: s.place for s in sources.policy.same}
    prefer: dict[str, tuple[int, str]] = {}
    for entry in sources.policy.prefer:
        target = row.get(folded_into.get(entry.place, entry.place))
        if target is not None:  # an unknown place is reported by validation
            prefer[fold_key(normalize_name(entry.name))] = (target, entry.reason)
    stop = {fold_key(normalize_name(s.name)): s.reason for s in sources.policy.stop}
    return prefer, stop


def _fuzzy_sections(keys: _Keys) -> dict[str, array[int]]:
    fuzzy_list = keys.ordered[: keys.fuzzy]
    pairs = sorted(
        (segment_hash(len(k), part, k[s:e]), pos)
        for pos, k in enumerate(fuzzy_list)
        for part, (s, e) in enumerate(segments(len(k)))
    )
    return {
        "fuzzy_hash": array("I", (h for h, _ in pairs)),
        "fuzzy_ref": array("I", (r for _, r in pairs)),
        "fuzzy_mask": array("I", (char_mask(k) for k in fuzzy_list)),
    }


def _meta(
    sources: Sources, places: list[MergedPlace], names: _Names, keys: _Keys, display_tags: list[str]
) -> IndexMeta:
    row = {p.src.id: i for i, p in enumerate(places)}
    prefer, stop = _policy(sources, row)
    return IndexMeta(
        header={
            "format_version": FORMAT,
            "toponym_version": __version__,
            "digest": sources.digest,
            "data_digest": sources.data_digest,
            "files": sources.files,
            "places": len(places),
            "names": len(names.text),
            "fuzzy_keys": keys.fuzzy,
        },
        place_curated=bytes(p.curated for p in places),
        place_part_of=_members_as_part_of(places, row),
        place_display=names.display,
        display_tags=display_tags,
        langs=(langs := sorted(names.langs, key=names.langs.__getitem__)),
        first_langs=[shown_tag(tags.split(",")) for tags in langs],
        perspectives=sorted(names.perspectives, key=names.perspectives.__getitem__),
        prefer=prefer,
        stop=stop,
        perspective_alias=dict(sources.policy.perspective_alias),
        id_alias={s.also: s.place for s in sources.policy.same},
        # filled in by the build's ranking (defaults.py); entry 0 stands for "none"
        explanations=[("only", 0, None)],
        ranking={
            "ambiguity": sources.policy.ranking.ambiguity,
            "city_over_unit": sources.policy.ranking.city_over_unit,
            "city_seat": sources.policy.ranking.city_seat,
            "fuzzy_floor": list(sources.policy.ranking.fuzzy_floor),
            "name_weight": sources.policy.ranking.weights(),
        },
        # what an overlay needs to rank the places it adds as the build ranks its own
        extra={
            "prominence": {
                k: [r.floor, r.per_person, r.least] for k, r in sorted(sources.policy.ranking.prominence.items())
            }
        },
    )


def _word_sections(
    words: Words, ordinary: frozenset[str], function: frozenset[str], caseless: frozenset[str]
) -> dict[str, array[int] | bytes]:
    """The ordinary words (and places elsewhere), each with its ``WORD_*`` bits, in a hash table (about 800,000)."""
    flags: dict[str, int] = {}
    for group, bit in ((words.dictionary, WORD_DICTIONARY), (words.common, WORD_COMMON | WORD_DICTIONARY),
                       (words.no_fuzzy | words.dictionary, WORD_NO_FUZZY), (ordinary, WORD_ORDINARY),
                       ({fold_key(w) for w in ordinary}, WORD_ORDINARY_KEY), (function, WORD_FUNCTION),
                       (caseless, WORD_CASELESS), (words.elsewhere, WORD_ELSEWHERE), (words.given, WORD_GIVEN),
                       (words.surnames, WORD_SURNAME)):  # fmt: skip
        for word in filter(None, group):
            flags[word] = flags.get(word, 0) | bit
    ordered = sorted(flags)
    return {
        "words_blob": _blob(ordered),
        "word_slots": build_table(ordered),
        "word_flags": array("H", (flags[w] for w in ordered)),
    }


def build_tables(
    places: list[MergedPlace],
    sources: Sources,
    ordinary: frozenset[str] = frozenset(),
    function: frozenset[str] = frozenset(),
    caseless: frozenset[str] = frozenset(),
) -> IndexTables:
    """The tables of an index of ``places``, ``ordinary`` the keys the alias audit demotes; compiled
    answers left at ``RANK_AT_QUERY`` (see :mod:`.defaults`)."""
    row = {p.src.id: i for i, p in enumerate(places)}
    parent = array("i", (row.get(p.src.parent, -1) if p.src.parent else -1 for p in places))
    people = people_of(places, parent)
    names = _names(places)
    typo = [misspelt(p.src.kind, p.src.population, p.curated) for p in places]
    keys = _keys(names.text, [typo[p] for p in names.place])
    n_names, n_keys = len(names.text), len(keys.ordered)
    codes, ncodes = array("I"), array("H")
    for k in keys.ordered:
        codes.extend(keys.entries[k])
        ncodes.append(len(keys.entries[k]))
    display_tags, display = _display_sections(names, len(places))
    sections: dict[str, array[Any] | bytes] = {
        **place_sections(
            [p.src.id for p in places],
            (p.src.kind for p in places),
            [p.src.name for p in places],
            [codes_text(p.src.codes) for p in places],
        ),
        "place_parent": parent,
        "place_country": _countries(places, row, parent),
        "place_population": array("q", (p.src.population if p.src.population is not None else -1 for p in places)),
        "place_lat": array("i", (encode_degrees(p.src.lat) for p in places)),
        "place_lon": array("i", (encode_degrees(p.src.lon) for p in places)),
        **display,
        "place_first_name": names.first,
        "place_people": people,
        "place_prominence": prominences(places, parent, people, sources.policy.ranking),
        "name_place": names.place,
        "name_lang": names.lang,
        "name_persp": names.persp,
        "name_type": array("B", names.type),
        "name_curated": array("B", names.curated),
        "name_rank": array("B", names.rank),
        "name_answer": array("i", [RANK_AT_QUERY]) * n_names,
        "name_method": array("B", bytes(n_names)),
        "name_explain": array("H", bytes(2 * n_names)),
        "name_slots": build_table(names.text),
        "names_blob": _blob(names.text),
        "keys_blob": _blob(keys.ordered),
        "key_slots": build_table(keys.ordered),
        "key_ncodes": ncodes,
        "key_codes": codes,
        "key_best": array("i", [RANK_AT_QUERY]) * n_keys,
        "key_explain": array("H", bytes(2 * n_keys)),
        **_fuzzy_sections(keys),
        **_word_sections(sources.words, ordinary, function, caseless),
        **text_sections(keys.ordered, sources.words.frequent, nations(places)),
    }
    return IndexTables(_meta(sources, places, names, keys, display_tags), sections)

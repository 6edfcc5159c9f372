"""Validated gazetteer sources → :class:`~toponym.index.Index`. Deterministic: same sources, same bytes."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field, replace
from pathlib import Path

from ._version import __version__
from .errors import GazetteerError, Problem
from .gazetteer import SourceName, SourcePlace, Sources, read_gazetteer
from .index import (
    FORMAT,
    FUZZY_MIN_LEN,
    NO_FUZZY_SCRIPTS,
    TIER_FOLDED,
    TIER_NORMAL,
    TIER_TRANSLIT,
    Index,
    IndexTables,
    build_key_table,
    char_mask,
    segment_hash,
    segments,
)
from .model import NAME_TYPES
from .normalize import fold_key, normalize_name, script_of, translit_key
from .validate import validate

__all__ = ["compile_gazetteer", "compile_sources", "merge"]

_COUNTRY_KINDS = frozenset({"country", "territory", "former-country"})


@dataclass(slots=True)
class _Name:
    name: str
    langs: list[str]
    type: str
    perspective: list[str]
    display: bool
    curated: bool


@dataclass(slots=True)
class _Place:
    src: SourcePlace
    curated: bool
    names: dict[str, _Name] = field(default_factory=dict)


def merge(sources: Sources) -> list[_Place]:
    """Generated places, then curated records on top: curated scalars win, names are unions."""
    merged: dict[str, _Place] = {}
    for src in sources.generated:
        merged[src.id] = _Place(src, curated=False)
        _add_names(merged[src.id], src.names, curated=False)
    for src in sources.curated:
        base = merged.get(src.id)
        if base is None:
            merged[src.id] = _Place(src, curated=True)
            _add_names(merged[src.id], [SourceName(src.name, "en"), *src.names], curated=True)
            continue
        gen = base.src
        combined = SourcePlace(
            id=src.id,
            kind=src.kind or gen.kind,
            name=src.name or gen.name,
            file=src.file,
            line=src.line,
            curated=True,
            parent=src.parent or gen.parent,
            country=src.country or gen.country,
            part_of=src.part_of or gen.part_of,
            members=src.members or gen.members,
            codes={**gen.codes, **src.codes},
            population=src.population if src.population is not None else gen.population,
            examples=src.examples,
            note=src.note,
            drop_names=src.drop_names,
        )
        dropped = {normalize_name(n) for n in src.drop_names}
        base.names = {k: v for k, v in base.names.items() if normalize_name(v.name) not in dropped}
        base.src, base.curated = combined, True
        _add_names(base, [SourceName(src.name, "en"), *src.names], curated=True)
    _fold_same(merged, sources)
    return [merged[pid] for pid in sorted(merged)]


def _fold_same(merged: dict[str, _Place], sources: Sources) -> None:
    """Fold each ``[[same]]`` ID into its place: names are a union, codes the place's own first;
    whatever pointed at the folded ID (parents, countries, groups) points at the place."""
    target = {s.also: s.place for s in sources.policy.same if s.also in merged and s.place in merged}
    if not target:
        return
    for also, pid in sorted(target.items()):
        gone, keep = merged.pop(also), merged[pid]
        dropped = {normalize_name(n) for n in keep.src.drop_names}  # the place's drop_names hold for both
        for name in gone.names.values():
            if normalize_name(name.name) not in dropped:
                text = SourceName(name.name, ",".join(name.langs), name.type, tuple(name.perspective))
                _add_names(keep, [text], name.curated)
        population = keep.src.population if keep.src.population is not None else gone.src.population
        keep.src = replace(keep.src, codes={**gone.src.codes, **keep.src.codes}, population=population)
    for place in merged.values():
        src = place.src
        parent = target.get(src.parent, src.parent) if src.parent else src.parent
        country = target.get(src.country, src.country) if src.country else src.country
        part_of = [target.get(g, g) for g in src.part_of]
        members = [target.get(m, m) for m in src.members]
        if (parent, country, part_of, members) != (src.parent, src.country, src.part_of, src.members):
            place.src = replace(src, parent=parent, country=country, part_of=part_of, members=members)


def _add_names(place: _Place, names: list[SourceName], curated: bool) -> None:
    for n in names:
        text = n.name.strip()
        if not text:
            continue
        have = place.names.get(text)
        langs = [t for t in n.lang.split(",") if t]
        if have is None:
            place.names[text] = _Name(text, langs, n.type, list(n.perspective), n.display, curated)
            continue
        have.langs.extend(t for t in langs if t not in have.langs)
        have.perspective.extend(p for p in n.perspective if p not in have.perspective)
        have.display = have.display or n.display
        if curated and not have.curated:  # a reviewed type beats a source's guess
            have.type, have.curated = n.type, True
        elif have.type == "official" and n.type != "official" and curated == have.curated:
            have.type = n.type


def compile_sources(
    sources: Sources,
    words: frozenset[str] = frozenset(),
    common: frozenset[str] = frozenset(),
    no_fuzzy: frozenset[str] = frozenset(),
) -> Index:
    """Build an :class:`Index` from sources that passed validation."""
    validate(sources)
    places = merge(sources)
    row = {p.src.id: i for i, p in enumerate(places)}

    place_parent = array("i", (row.get(p.src.parent, -1) if p.src.parent else -1 for p in places))
    place_country = array("i", [-1] * len(places))
    for i in range(len(places)):
        node = i
        for _ in range(32):
            src = places[node].src
            if src.kind in _COUNTRY_KINDS:
                place_country[i] = node
                break
            if src.country and src.country in row:
                place_country[i] = row[src.country]
                break
            node = place_parent[node]
            if node < 0:
                break

    langs: dict[str, int] = {}
    perspectives: dict[tuple[str, ...], int] = {(): 0}
    name_place, name_lang, name_persp = array("I"), array("H"), array("H")
    name_text: list[str] = []
    name_type, name_curated, name_rank = bytearray(), bytearray(), bytearray()
    first = array("I")
    display: dict[int, dict[str, str]] = {}
    for i, p in enumerate(places):
        first.append(len(name_text))
        for nm in sorted(p.names.values(), key=lambda n: (not n.curated, n.name)):
            name_place.append(i)
            name_text.append(nm.name)
            tag = ",".join(nm.langs) or "und"
            name_lang.append(langs.setdefault(tag, len(langs)))
            persp = tuple(sorted(nm.perspective))
            name_persp.append(perspectives.setdefault(persp, len(perspectives)))
            name_type.append(NAME_TYPES.index(nm.type))
            name_curated.append(nm.curated)
            # how much the name vouches for its place (resolve.py ranks by it): reviewed or
            # canonical, then tagged with a language, then an untagged bulk alternate
            tagged = any(t != "und" for t in nm.langs)
            name_rank.append(2 if nm.curated or nm.name == p.src.name else 1 if tagged else 0)
            if nm.display:
                for lang in nm.langs:
                    primary = lang.split("-")[0]
                    keys_for = [f"{side}:{primary}" for side in persp] or [primary]
                    if primary == "en":  # the English display name is the side's default
                        keys_for += list(persp)
                    for key in keys_for:
                        display.setdefault(i, {}).setdefault(key, nm.name)
    first.append(len(name_text))

    keys: dict[str, list[int]] = {}
    fuzzy_keys: set[str] = set()
    for n, text in enumerate(name_text):
        norm = normalize_name(text)
        if not norm:
            continue
        folded = fold_key(norm)
        trans = translit_key(folded)
        filed = {norm: TIER_NORMAL}
        filed.setdefault(folded, TIER_FOLDED)
        if trans:
            filed.setdefault(trans, TIER_TRANSLIT)
        for key, tier in filed.items():
            keys.setdefault(key, []).append(n * 4 + tier)
        if len(folded) >= FUZZY_MIN_LEN and script_of(folded) not in NO_FUZZY_SCRIPTS:
            fuzzy_keys.add(folded)

    # fuzzy-matchable keys first: their rows double as positions in the fuzzy list, and the
    # resolver decodes just that leading part of the key blob when fuzzy matching starts
    fuzzy_list = sorted(fuzzy_keys)
    key_list = fuzzy_list + sorted(k for k in keys if k not in fuzzy_keys)
    key_ncodes, key_codes = array("H"), array("I")
    for k in key_list:
        key_codes.extend(keys[k])
        key_ncodes.append(len(keys[k]))
    pairs = sorted(
        (segment_hash(len(k), part, k[s:e]), pos)
        for pos, k in enumerate(fuzzy_list)
        for part, (s, e) in enumerate(segments(len(k)))
    )

    problems: list[Problem] = []
    prefer: dict[str, tuple[int, str]] = {}
    folded_into = {s.also: s.place for s in sources.policy.same}
    for entry in sources.policy.prefer:
        key = fold_key(normalize_name(entry.name))
        target = row.get(folded_into.get(entry.place, entry.place))
        if target is None:
            continue  # reported by validate
        owners = {name_place[c >> 2] for k in {normalize_name(entry.name), key} for c in keys.get(k, [])}
        if target not in owners:
            problems.append(
                Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r}: {entry.place} has no such name")
            )
        prefer[key] = (target, entry.reason)
    if problems:
        raise GazetteerError(problems)
    stop = {fold_key(normalize_name(s.name)): s.reason for s in sources.policy.stop}

    names_blob = _blob(name_text)
    keys_blob = _blob(key_list)
    meta = {
        "header": {
            "format_version": FORMAT,
            "toponym_version": __version__,
            "digest": sources.digest,
            "files": sources.files,
            "places": len(places),
            "names": len(name_text),
            "fuzzy_keys": len(fuzzy_list),
        },
        "place_ids": [p.src.id for p in places],
        "place_kind": [p.src.kind for p in places],
        "place_name": [p.src.name for p in places],
        "place_codes": [";".join(f"{k}={v}" for k, v in sorted(p.src.codes.items())) for p in places],
        "place_curated": bytes(p.curated for p in places),
        "place_part_of": {
            i: tuple(sorted(row[g] for g in p.src.part_of if g in row)) for i, p in enumerate(places) if p.src.part_of
        }
        | _members_as_part_of(places, row),
        "place_display": display,
        "langs": sorted(langs, key=langs.__getitem__),
        "perspectives": sorted(perspectives, key=perspectives.__getitem__),
        "prefer": prefer,
        "stop": stop,
        "words": sorted(words),
        "common_words": sorted(common),
        "no_fuzzy_words": sorted(no_fuzzy | words),
        "perspective_alias": dict(sources.policy.perspective_alias),
        "id_alias": {s.also: s.place for s in sources.policy.same},
    }
    arrays = {
        "place_parent": place_parent,
        "place_country": place_country,
        "place_population": array("q", (p.src.population if p.src.population is not None else -1 for p in places)),
        "place_first_name": first,
        "name_place": name_place,
        "name_lang": name_lang,
        "name_persp": name_persp,
        "key_ncodes": key_ncodes,
        "key_codes": key_codes,
        "key_slots": build_key_table(key_list),
        "fuzzy_hash": array("I", (h for h, _ in pairs)),
        "fuzzy_ref": array("I", (r for _, r in pairs)),
        "fuzzy_mask": array("I", (char_mask(k) for k in fuzzy_list)),
    }
    blobs = {
        "names_blob": names_blob,
        "keys_blob": keys_blob,
        "name_type": bytes(name_type),
        "name_curated": bytes(name_curated),
        "name_rank": bytes(name_rank),
    }
    arrays["key_best"] = array("i", [-2] * len(key_list))
    arrays["key_count"] = array("B", [0] * len(key_list))
    tables = IndexTables(meta, arrays, blobs)
    arrays["key_best"], arrays["key_count"] = _default_answers(Index.build(tables), key_list, words)
    return Index.build(tables)


def _default_answers(index: Index, key_list: list[str], words: frozenset[str]) -> tuple[array[int], array[int]]:
    """Rank every key once at build time, so a bare query costs a lookup, not a ranking.

    Keys whose answer depends on the query's case (dictionary words, keys short enough to be
    acronyms) stay ``-2``: the resolver ranks those at query time. A key with no cased letter
    (Han, Arabic, Hangul) has no such queries: every spelling of it ranks alike.
    """
    from .resolve import Resolver

    resolver = Resolver(index, fuzzy=False)
    best = array("i", [-2] * len(key_list))
    count = array("B", [0] * len(key_list))
    for row, key in enumerate(key_list):
        # short keys may be acronyms, and words ("china", "İsland") be words or names, by the query's case
        if (len(key) > 3 and fold_key(key) not in words) or _case_free(key):
            best[row], count[row] = resolver.default_code(key)  # only explanations read the count
    return best, count


def _case_free(key: str) -> bool:
    """Whether no query of ``key`` can be upper-, lower- or title-case, nor ASCII: then neither the
    acronym rule nor the English-word rules can tell two of its spellings apart."""
    return not key.isascii() and key.upper() == key.lower()


def _blob(strings: list[str]) -> bytes:
    """Strings as one UTF-8 blob, each followed by a newline (the index finds the offsets at load)."""
    return "".join(f"{text}\n" for text in strings).encode("utf-8")


def _members_as_part_of(places: list[_Place], row: dict[str, int]) -> dict[int, tuple[int, ...]]:
    """``members = [...]`` on a group is the same fact as ``part_of`` on each member."""
    extra: dict[int, set[int]] = {}
    for i, p in enumerate(places):
        for member in p.src.members:
            if member in row:
                extra.setdefault(row[member], set()).add(i)
    for i, p in enumerate(places):
        if i in extra:
            extra[i].update(row[g] for g in p.src.part_of if g in row)
    return {i: tuple(sorted(groups)) for i, groups in extra.items()}


def read_words(root: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Ordinary words from ``gazetteer/words/``: (dictionary, common, never-fuzzy) folded keys.

    ``*.common.txt`` hold the most frequent words, ``*.proper.txt`` capitalised words, given
    names and contractions (never fuzzy-matched, but not dictionary words); every other file
    holds lower-case dictionary words. Common words are dictionary words too.
    """
    words: set[str] = set()
    common: set[str] = set()
    proper: set[str] = set()
    for path in sorted((root / "words").glob("*.txt")):
        target = proper if path.name.endswith(".proper.txt") else words
        for line in path.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                key = fold_key(normalize_name(line))
                target.add(key)
                if path.name.endswith(".common.txt"):
                    common.add(key)
    return frozenset(words), frozenset(common), frozenset(proper | words)


def compile_gazetteer(root: str | Path, out: str | Path | None = None) -> Index:
    """Read, validate and compile a gazetteer folder; write the index to ``out`` when given."""
    root = Path(root)
    index = compile_sources(read_gazetteer(root), *read_words(root))
    if out is not None:
        index.dump(out)
    return index

"""Compile a checked overlay into a compiled index, in seconds: no source of the base is read again.

The new index is the one a full build would make of the base's places and names with the overlay's
on top (places in ID order, row references renumbered). Only what the overlay can change is computed
again: the new places' fields, the people and prominence of the units its cities lie in, the keys
its names are filed under, and the compiled answers of the keys they reach
(:func:`~toponym.build.patch_keys.affected_keys`). Every other answer is the base's.
"""

from __future__ import annotations

import hashlib
from array import array
from dataclasses import dataclass, replace
from typing import Any, cast

import numpy as np

from ..errors import GazetteerError, IndexFormatError, Problem
from ..index import Index
from ..index.format import IndexMeta, IndexTables, read, serialize
from ..index.schema import NO_ANSWER, NO_EXPLANATION, SECTION, encode_degrees
from ..index.strings import build_table
from ..normalize import fold_key, normalize_name
from ..resolver import Resolver
from ..vocab import COUNTRY_KINDS, NAME_TYPES, shown_tag
from .defaults import Answers, recompile_answers
from .levels import level
from .merge import MergedName, MergedPlace, _add_names, merge
from .overlay import Overlay
from .patch_keys import affected_keys, as_array, patch_keys, rebuild_blob, remap_slots
from .prominence import MAX_DEPTH, counted, listed, misspelt, prominence, shares
from .records import Policy, Prefer, Prominence, Ranking, SourcePlace, Sources, Stop
from .tables import codes_text, place_sections
from .textlex import patch_text_sections

__all__ = ["apply_overlay"]


@dataclass(slots=True)
class _Plan:
    """Where each place and name of the new index comes from."""

    ids: list[str]
    place_map: Any
    """Old place row -> new row (numpy)."""
    new: dict[int, MergedPlace]
    """New row -> an overlay place."""
    src: Any
    """New name row -> old name row, or ``-(k + 1)`` for ``fresh[k]`` (numpy)."""
    fresh: list[tuple[int, MergedName, MergedPlace]]
    """The overlay's names: (new place row, name, its place)."""
    name_map: Any
    """Old name row -> new row (numpy)."""

    def row(self, pid: str, base: Index) -> int:
        """The new row of a place of the base (or an ID folded into one) or of the overlay."""
        found = next((r for r, p in self.new.items() if p.src.id == pid), None)
        return found if found is not None else int(self.place_map[base.row_of(pid)])


def apply_overlay(base: Index, overlay: Overlay) -> Index:
    """``base`` with the checked ``overlay`` compiled in; ``GazetteerError`` for an ``examples``
    entry that does not resolve to its place."""
    prominent = base.meta.extra.get("prominence")
    if prominent is None:
        raise IndexFormatError(f"{base.source} holds no prominence table: rebuild it with `toponym compile`.")
    ranking = Ranking(prominence={k: Prominence(*v) for k, v in prominent.items()})
    merged = merge(Sources(overlay.places, [], Policy(), "", "", [], []))
    plan = _plan(base, merged, _aliases(base, overlay.aliases))
    meta, parts, _ = read(base.to_bytes(), base.source)
    fresh = [nm.name for _, nm, _ in plan.fresh]
    fresh_rows = [(int(n), fresh[-int(plan.src[n]) - 1]) for n in np.flatnonzero(plan.src < 0)]
    typo = [_misspelt(base, plan, row, place) for row, _, place in plan.fresh]
    keys = patch_keys(base, parts, plan.name_map, fresh_rows, lambda n: typo[-int(plan.src[n]) - 1])
    places, changed = _place_sections(base, parts, plan, ranking)
    places.update(_place_text(base, plan))
    name_sections, meta = _names_and_meta(base, meta, parts, plan, overlay)
    sections = {**parts, **places, **name_sections, **keys.sections}
    text = patch_text_sections(base.text.text.decode_rows(), base.text.flags, base.text.rank, keys.added)
    if text is not None:  # the overlay's names of several words, or in a script without spaces
        sections.update(text)
    sections["names_blob"] = rebuild_blob(parts["names_blob"], plan.src, fresh)
    sections["name_slots"] = _name_slots(base, parts, plan, fresh_rows)
    sections = {k: v if isinstance(v, array | bytes) else _copy(k, v) for k, v in sections.items()}
    meta.header.update(names=len(plan.src), fuzzy_keys=keys.fuzzy)
    tables = IndexTables(meta, sections)
    # the index the answers are ranked with: the tables the ranking reads (not groups, display names)
    index = Index(serialize(IndexTables(replace(meta, place_part_of={}, place_display={}), sections)))
    key_best, key_explain, name_answer, name_method, name_explain = (
        cast("array[int]", sections[s])
        for s in ("key_best", "key_explain", "name_answer", "name_method", "name_explain")
    )
    answers = Answers(key_best, key_explain, name_answer, name_method, name_explain, list(meta.explanations))
    entries: list[Prefer | Stop] = [*overlay.policy.prefer, *overlay.policy.stop]
    policy = {fold_key(normalize_name(e.name)) for e in entries}
    recompile_answers(index, answers, affected_keys(index, keys.added | policy, changed))
    tables.sections.update(answers.sections())
    tables.meta.explanations = answers.explanations
    patched = Index(serialize(tables))
    _check_examples(patched, [*overlay.places, *overlay.aliases])
    return patched


def _place_text(base: Index, plan: _Plan) -> dict[str, array[int] | bytes]:
    """The new index's place IDs, kinds, names and codes: the base's, renumbered, and the overlay's."""
    old_row = {int(r): i for i, r in enumerate(plan.place_map.tolist())}
    kind, name, codes = base.places.kind, base.places.name.decode_rows(), base.places.codes.decode_rows()
    columns: tuple[list[str], list[str], list[str]] = ([], [], [])
    for row in range(len(plan.ids)):
        new = plan.new.get(row)
        if new is None:
            i = old_row[row]
            values: tuple[str, str, str] = (kind[i], name[i], codes[i])
        else:
            values = (new.src.kind, new.src.name, codes_text(new.src.codes))
        for column, value in zip(columns, values, strict=True):
            column.append(value)
    return place_sections(plan.ids, *columns)


def _misspelt(base: Index, plan: _Plan, row: int, place: MergedPlace) -> bool:
    """May a typo be read as the place at new ``row``, as a full build reads it? An overlay's own
    place is curated; an alias record's place is the base's."""
    if row in plan.new:
        return misspelt(place.src.kind, place.src.population, True)
    old = int(np.searchsorted(plan.place_map, row))
    return misspelt(base.places.kind[old], base.places.population[old], bool(base.places.curated[old]))


def _name_slots(base: Index, parts: dict[str, Any], plan: _Plan, fresh: list[tuple[int, str]]) -> array[int]:
    text = base.names.text

    def text_of(row: int) -> str:
        was = int(plan.src[row])
        return text[was] if was >= 0 else plan.fresh[-was - 1][1].name

    slots = remap_slots(parts["name_slots"], len(text), plan.name_map, len(plan.src), fresh, text_of)
    return slots if slots is not None else build_table([text_of(n) for n in range(len(plan.src))])


def _copy(name: str, view: Any) -> array[Any] | bytes:
    """A section of the base as the writer takes it."""
    typecode = SECTION[name].typecode
    return bytes(view) if typecode == "blob" else array(typecode, bytes(view))


def _answers(parts: dict[str, Any], plan: _Plan) -> Any:
    """The base's compiled answers to stored spellings (name rows, or sentinels), renumbered."""
    values = np.asarray(parts["name_answer"], dtype=np.int64)
    return np.where(values >= 0, plan.name_map[np.maximum(values, 0)], values)


def _aliases(base: Index, records: list[SourcePlace]) -> dict[int, MergedPlace]:
    """Base row -> the names the overlay adds to that place (several records add up)."""
    out: dict[int, MergedPlace] = {}
    for record in records:
        row = base.row_of(record.id)
        place = out.setdefault(row, MergedPlace(record, curated=True))
        _add_names(place, record.names, curated=True)
    return out


def _plan(base: Index, merged: list[MergedPlace], aliases: dict[int, MergedPlace]) -> _Plan:
    old_ids = base.places.ids.decode_rows()
    ids = sorted([*old_ids, *(p.src.id for p in merged)])
    pos = {pid: i for i, pid in enumerate(ids)}
    place_map = np.fromiter((pos[p] for p in old_ids), dtype=np.int64, count=len(old_ids))
    new = {pos[p.src.id]: p for p in merged}
    first = np.asarray(base.places.first_name, dtype=np.int64)
    text, curated = base.names.text, base.names.curated
    by_new_row = {int(place_map[r]): (r, p) for r, p in aliases.items()}
    pieces: list[Any] = []
    fresh: list[tuple[int, MergedName, MergedPlace]] = []
    cursor = 0
    for row in sorted({*new, *by_new_row}):
        boundary = int(first[np.searchsorted(place_map, row)])
        pieces.append(np.arange(cursor, boundary, dtype=np.int64))
        cursor = boundary
        if row in new:
            items = [((not nm.curated, nm.name), nm, new[row]) for nm in new[row].names.values()]
            order: list[tuple[tuple[bool, str], int]] = []
        else:
            old, place = by_new_row[row]
            items = [((not nm.curated, nm.name), nm, place) for nm in place.names.values()]
            end = int(first[old + 1])
            order = [((not curated[n], text[n]), n) for n in range(cursor, end)]
            cursor = end
        for key, nm, place in items:
            fresh.append((row, nm, place))
            order.append((key, -len(fresh)))
        pieces.append(np.array([code for _, code in sorted(order)], dtype=np.int64))
    pieces.append(np.arange(cursor, len(base.names), dtype=np.int64))
    src = np.concatenate(pieces)
    name_map = np.empty(len(base.names), dtype=np.int64)
    kept = src >= 0
    name_map[src[kept]] = np.flatnonzero(kept)
    return _Plan(ids, place_map, new, src, fresh, name_map)


def _gather(old: Any, plan: _Plan, new: list[Any], dtype: Any = np.int64) -> Any:
    """A name section in the new order: the base's values, then the fresh names' ``new`` values."""
    out = np.empty(len(plan.src), dtype=dtype)
    kept = plan.src >= 0
    out[kept] = np.asarray(old)[plan.src[kept]]
    out[~kept] = np.asarray(new, dtype=dtype)[-plan.src[~kept] - 1] if new else []
    return out


def _spread(old: Any, plan: _Plan, fill: Any, dtype: Any = np.int64) -> Any:
    """A place section in the new order: the base's values at their new rows, ``fill`` elsewhere."""
    out = np.full(len(plan.ids), fill, dtype=dtype)
    out[plan.place_map] = np.asarray(old)
    return out


def _place_sections(
    base: Index, parts: dict[str, Any], plan: _Plan, ranking: Ranking
) -> tuple[dict[str, Any], set[int]]:
    """The place sections of the new index, and the rows whose prominence is new or changed."""
    parent_old = np.asarray(parts["place_parent"], dtype=np.int64)
    parent = _spread(np.where(parent_old >= 0, plan.place_map[np.maximum(parent_old, 0)], -1), plan, -1)
    country_old = np.asarray(parts["place_country"], dtype=np.int64)
    country = _spread(np.where(country_old >= 0, plan.place_map[np.maximum(country_old, 0)], -1), plan, -1)
    population = _spread(parts["place_population"], plan, -1)
    lat, lon = _spread(parts["place_lat"], plan, 0), _spread(parts["place_lon"], plan, 0)
    for row, p in plan.new.items():
        parent[row] = plan.row(p.src.parent, base) if p.src.parent else -1
        population[row] = p.src.population if p.src.population is not None else -1
        lat[row], lon[row] = encode_degrees(p.src.lat), encode_degrees(p.src.lon)
    for row in sorted(plan.new):
        country[row] = _country(base, plan, parent, country, row)
    people = _spread(parts["place_people"], plan, -1)
    kinds = [base.places.kind[r] for r in range(len(base.places))]
    kind = _spread(np.array(kinds, dtype=object), plan, "", dtype=object)
    for row, p in plan.new.items():
        kind[row], people[row] = p.src.kind, population[row]
    added = np.zeros(len(plan.ids), dtype=np.int64)
    for row, p in plan.new.items():
        node = parent[row]
        for _ in range(MAX_DEPTH):
            if p.src.kind != "city" or not counted(int(population[row])) or node < 0:
                break
            added[node] += population[row]
            node = parent[node]
    changed = set(plan.new)
    for row in np.flatnonzero(added).tolist():
        if population[row] < 0 and kind[row] == "subdivision":
            people[row] = max(int(people[row]), 0) + int(added[row])
            changed.add(row)
    weight = _spread(parts["place_prominence"], plan, 0.0, dtype=np.float64)

    def is_listed(row: int) -> bool:  # as the full build reads it
        if (new := plan.new.get(row)) is not None:
            return listed(new)
        old = int(np.searchsorted(plan.place_map, row))  # the base's row: its rows keep their order
        return bool(base.places.curated[old]) or base.places.iso_coded(old)

    share = shares(parent.tolist(), kind, people.tolist(), is_listed)
    for row in changed:  # few rows: the ancestors of new places
        up = int(parent[row])
        weight[row] = prominence(
            str(kind[row]), str(kind[up]) if up >= 0 else None, int(people[row]), ranking, is_listed(row), share.get(up)
        )
    shown = np.diff(np.asarray(parts["display_first"], dtype=np.int64))
    sections = {
        "place_parent": as_array("i", parent),
        "place_country": as_array("i", country),
        "place_population": as_array("q", population),
        "place_people": as_array("q", people),
        "place_prominence": as_array("d", weight),
        "place_lat": as_array("i", lat),
        "place_lon": as_array("i", lon),
        "display_first": as_array("I", np.concatenate(([0], np.cumsum(_spread(shown, plan, 0))))),
        "display_name": as_array("I", plan.name_map[np.asarray(parts["display_name"], dtype=np.int64)]),
    }
    return sections, changed


def _country(base: Index, plan: _Plan, parent: Any, country: Any, row: int) -> int:
    """A new place's de facto country: itself, its ``country`` field, or its nearest ancestor's."""
    node = row
    for _ in range(MAX_DEPTH):
        place = plan.new.get(node)
        if place is None:
            return int(country[node])
        if place.src.kind in COUNTRY_KINDS:
            return node
        if place.src.country:
            return plan.row(place.src.country, base)
        node = int(parent[node])
        if node < 0:
            break
    return -1


def _names_and_meta(
    base: Index, meta: IndexMeta, parts: dict[str, Any], plan: _Plan, overlay: Overlay
) -> tuple[dict[str, Any], IndexMeta]:
    """The per-name sections and the meta of the new index."""
    langs = {tag: i for i, tag in enumerate(meta.langs)}
    persps = {p: i for i, p in enumerate(meta.perspectives)}
    display: dict[int, dict[str, str]] = {int(plan.place_map[r]): d for r, d in meta.place_display.items()}
    new: dict[str, list[int]] = {k: [] for k in ("place", "lang", "persp", "type", "rank")}
    for row, nm, place in plan.fresh:
        persp = tuple(sorted(nm.perspective))
        new["place"].append(row)
        new["lang"].append(langs.setdefault(",".join(nm.langs) or "und", len(langs)))
        new["persp"].append(persps.setdefault(persp, len(persps)))
        new["type"].append(NAME_TYPES.index(nm.type))
        new["rank"].append(level(nm, place))
        if nm.display:
            for lang in nm.langs:
                for key in [f"{side}:{lang.split('-')[0]}" for side in persp] or [lang.split("-")[0]]:
                    display.setdefault(row, {}).setdefault(key, nm.name)
    name_place = _gather(plan.place_map[np.asarray(parts["name_place"], dtype=np.int64)], plan, new["place"])
    sections = {
        "place_first_name": as_array("I", np.searchsorted(name_place, np.arange(len(plan.ids) + 1))),
        "name_place": as_array("I", name_place),
        "name_lang": as_array("H", _gather(parts["name_lang"], plan, new["lang"])),
        "name_persp": as_array("H", _gather(parts["name_persp"], plan, new["persp"])),
        "name_type": as_array("B", _gather(parts["name_type"], plan, new["type"])),
        "name_curated": as_array("B", _gather(parts["name_curated"], plan, [1] * len(plan.fresh))),
        "name_rank": as_array("B", _gather(parts["name_rank"], plan, new["rank"])),
        "name_answer": as_array("i", _gather(_answers(parts, plan), plan, [NO_ANSWER] * len(plan.fresh))),
        "name_method": as_array("B", _gather(parts["name_method"], plan, [0] * len(plan.fresh))),
        "name_explain": as_array("H", _gather(parts["name_explain"], plan, [NO_EXPLANATION] * len(plan.fresh))),
    }
    return sections, _meta(base, meta, plan, overlay, display, langs, persps)


def _meta(
    base: Index,
    meta: IndexMeta,
    plan: _Plan,
    overlay: Overlay,
    display: dict[int, dict[str, str]],
    langs: dict[str, int],
    persps: dict[tuple[str, ...], int],
) -> IndexMeta:
    """The small tables of the new index: the base's renumbered, the overlay's places and policy added."""
    remap = plan.place_map
    part_of = {int(remap[r]): {int(remap[g]) for g in groups} for r, groups in meta.place_part_of.items()}
    for row, p in plan.new.items():
        part_of.setdefault(row, set()).update(plan.row(g, base) for g in p.src.part_of)
        for member in p.src.members:
            part_of.setdefault(plan.row(member, base), set()).add(row)
    curated = bytearray()
    old_row = {int(r): i for i, r in enumerate(remap.tolist())}
    curated.extend(1 if row in plan.new else meta.place_curated[old_row[row]] for row in range(len(plan.ids)))
    prefer = {k: (int(remap[r]), why) for k, (r, why) in meta.prefer.items()}
    prefer.update(
        (fold_key(normalize_name(e.name)), (plan.row(e.place, base), e.reason)) for e in overlay.policy.prefer
    )
    stop = {**meta.stop, **{fold_key(normalize_name(e.name)): e.reason for e in overlay.policy.stop}}
    header = dict(meta.header)
    header.update(
        digest=_sha(meta.header.get("digest", ""), overlay.digest),
        data_digest=_sha(meta.header.get("data_digest", ""), overlay.digest),
        base_digest=meta.header.get("digest", ""),
        files=[*meta.header.get("files", []), *overlay.files],
        places=len(plan.ids),
    )
    return IndexMeta(
        header=header,
        place_curated=bytes(curated),
        place_part_of={r: tuple(sorted(g)) for r, g in sorted(part_of.items()) if g},
        place_display=display,
        display_tags=meta.display_tags,
        langs=(tags := sorted(langs, key=langs.__getitem__)),
        first_langs=[shown_tag(t.split(",")) for t in tags],
        perspectives=sorted(persps, key=persps.__getitem__),
        prefer=prefer,
        stop=stop,
        perspective_alias=meta.perspective_alias,
        id_alias=meta.id_alias,
        explanations=meta.explanations,
        ranking=meta.ranking,
        extra=meta.extra,
    )


def _sha(*parts: str) -> str:
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _check_examples(index: Index, records: list[SourcePlace]) -> None:
    """Every ``examples`` entry of an overlay record resolves to its place."""
    resolver = Resolver(index)
    problems: list[Problem] = []
    for record in records:
        for example in record.examples:
            match = resolver.resolve(example)
            got = match.place.id if match is not None else None
            if got != index.places.ids[index.row_of(record.id)]:
                problems.append(
                    Problem(record.file, record.line, f"{record.id}: example {example!r} resolves to {got}")
                )
    if problems:
        raise GazetteerError(problems)

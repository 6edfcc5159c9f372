"""Every rule the gazetteer data must obey, in one place. Problems are collected, then raised at once."""

from __future__ import annotations

import re
from collections import defaultdict

from ..errors import GazetteerError, Problem
from ..normalize import fold_key, normalize_name, translit_key
from ..vocab import KINDS, NAME_TYPES, is_language_tag
from .records import Prefer, SourcePlace, Sources

__all__ = ["check", "is_language_tag", "validate"]

_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ISO_LIKE = re.compile(r"^[a-z]{2}(-[a-z0-9]{1,3})?$|^[a-z]{4}$")
#: Unicode category Cc: the C0 and C1 controls and DEL.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
_GENERATED_ID = re.compile(r"^(?:[a-z]{2}(?:-[a-z0-9]{1,3})?|[a-z]{4}|gn-\d+|m49-\d{3}|[a-z0-9][a-z0-9-]{2,})$")


def check(sources: Sources) -> list[Problem]:
    """Every problem in ``sources``: syntax problems found by the reader plus the data rules."""
    problems = list(sources.problems)
    curated_ids: dict[str, SourcePlace] = {}
    for place in sources.curated:
        first = curated_ids.get(place.id)
        if first is not None:
            problems.append(
                Problem(place.file, place.line, f"duplicate id {place.id!r} (first at {first.file}:{first.line})")
            )
        else:
            curated_ids[place.id] = place
    generated_ids = {p.id: p for p in sources.generated}
    all_ids = set(curated_ids) | set(generated_ids)
    tags: dict[str, list[str]] = {}  # a language field -> its bad tags (the fields repeat a lot)
    for place in [*sources.curated, *sources.generated]:
        problems.extend(_place_problems(place, all_ids, generated_ids))
        problems.extend(_name_problems(place, all_ids, tags))
    problems.extend(_parent_cycles({**generated_ids, **curated_ids}))
    problems.extend(_curated_collisions(sources))
    problems.extend(_policy_problems(sources, all_ids))
    problems.extend(_preferred_names(sources))
    return problems


def _place_problems(place: SourcePlace, all_ids: set[str], generated: dict[str, SourcePlace]) -> list[Problem]:
    where = (place.file, place.line)
    out: list[Problem] = []
    if not _ID.match(place.id) or not (_GENERATED_ID.match(place.id) or _ISO_LIKE.match(place.id)):
        out.append(Problem(*where, f"id {place.id!r} is not in the ID scheme (DESIGN.md §2)"))
    if place.kind not in KINDS:
        out.append(Problem(*where, f"{place.id}: unknown kind {place.kind!r}"))
    if not place.name.strip() or _CONTROL.search(place.name):
        out.append(Problem(*where, f"{place.id}: name {place.name!r} is empty or holds a control character"))
    for attr in ("parent", "country"):
        target = getattr(place, attr)
        if target and target not in all_ids:
            out.append(Problem(*where, f"{place.id}: unknown {attr} {target!r}"))
    for group in [*place.part_of, *place.members]:
        if group not in all_ids:
            out.append(Problem(*where, f"{place.id}: unknown place {group!r} in part_of/members"))
    if place.drop_names and not place.note:
        out.append(Problem(*where, f"{place.id}: drop_names needs a note saying why"))
    base = generated.get(place.id)
    if place.curated and base is not None and place.kind != base.kind and not place.note:
        out.append(Problem(*where, f"{place.id}: changes the generated kind; add a note saying why"))
    return out


def _name_problems(place: SourcePlace, all_ids: set[str], tags: dict[str, list[str]]) -> list[Problem]:
    out: list[Problem] = []
    display_keys: dict[tuple[str, str], int] = {}
    for name in place.names:
        where = (name.file, name.line)
        if not name.name.strip():
            out.append(Problem(*where, f"{place.id}: empty name"))
        elif _CONTROL.search(name.name):
            out.append(Problem(*where, f"{place.id}: control character in {name.name!r}"))
        bad = tags.get(name.lang)
        if bad is None:
            bad = tags[name.lang] = [t for t in name.lang.split(",") if not is_language_tag(t)]
        out.extend(Problem(*where, f"{place.id}: bad language tag {tag!r} for {name.name!r}") for tag in bad)
        if name.type not in NAME_TYPES:
            out.append(Problem(*where, f"{place.id}: unknown name type {name.type!r}"))
        for side in name.perspective:
            if side not in all_ids:
                out.append(Problem(*where, f"{place.id}: unknown perspective {side!r}"))
        if name.display:
            # a curated display name stands for its language; a source's (CLDR's) for its exact
            # tags, since CLDR names a place apart in zh and zh-Hant, sr and sr-Latn
            if place.curated:
                keys = [(side, name.lang.split("-")[0]) for side in name.perspective or ("",)]
            else:
                keys = [("", tag) for tag in name.lang.split(",")]
            for key in keys:
                if key in display_keys:
                    out.append(Problem(*where, f"{place.id}: two display names for {'/'.join(filter(None, key))!r}"))
                display_keys[key] = name.line
    return out


def validate(sources: Sources) -> None:
    """Raise :class:`GazetteerError` listing every problem, or return quietly."""
    problems = check(sources)
    if problems:
        raise GazetteerError(problems)


def _parent_cycles(places: dict[str, SourcePlace]) -> list[Problem]:
    problems: list[Problem] = []
    done: set[str] = set()
    for start in sorted(places):
        path: list[str] = []
        node: str | None = start
        while node is not None and node in places and node not in done:
            if node in path:
                cycle = [*path[path.index(node) :], node]
                place = places[node]
                problems.append(Problem(place.file, place.line, f"parent cycle: {' -> '.join(cycle)}"))
                break
            path.append(node)
            node = places[node].parent
        done.update(path)
    return problems


def _curated_collisions(sources: Sources) -> list[Problem]:
    """Two curated places answering to one normalised name need a policy decision."""
    decided = {fold_key(normalize_name(p.name)) for p in sources.policy.prefer}
    decided |= {fold_key(normalize_name(s.name)) for s in sources.policy.stop}
    owners: dict[str, dict[str, tuple[str, int]]] = defaultdict(dict)
    for place in sources.curated:
        for name in [*place.names, None]:
            text, file, line = (name.name, name.file, name.line) if name else (place.name, place.file, place.line)
            owners[fold_key(normalize_name(text))].setdefault(place.id, (file, line))
    problems: list[Problem] = []
    for key, by_place in sorted(owners.items()):
        if len(by_place) > 1 and key and key not in decided:
            ids = sorted(by_place)
            file, line = by_place[ids[-1]]
            problems.append(
                Problem(
                    file,
                    line,
                    f"name {key!r} is shared by {', '.join(ids)}: add a [[prefer]] or [[stop]] entry to policy.toml",
                )
            )
    return problems


def _policy_problems(sources: Sources, all_ids: set[str]) -> list[Problem]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    for entry in sources.policy.prefer:
        key = fold_key(normalize_name(entry.name))
        if entry.place not in all_ids:
            problems.append(
                Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r}: unknown place {entry.place!r}")
            )
        if key in seen:
            problems.append(
                Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r} repeats the entry at line {seen[key]}")
            )
        seen[key] = entry.line
    folded: dict[str, int] = {}
    for same in sources.policy.same:
        for pid in (same.place, same.also):
            if pid not in all_ids:
                problems.append(Problem(same.file, same.line, f"[[same]] {same.also!r}: unknown place {pid!r}"))
        if same.place == same.also or same.also in folded or same.place in {s.also for s in sources.policy.same}:
            problems.append(
                Problem(same.file, same.line, f"[[same]] {same.also!r}: folds into {same.place!r} only once, directly")
            )
        folded[same.also] = same.line
    for alias, target in sources.policy.perspective_alias.items():
        if target not in all_ids:
            problems.append(
                Problem(
                    sources.files[-1] if sources.files else "policy.toml",
                    1,
                    f"perspective_alias {alias!r}: unknown place {target!r}",
                )
            )
    return problems


def _keys_of(name: str) -> set[str]:
    norm = normalize_name(name)
    folded = fold_key(norm)
    trans = translit_key(folded)
    return {k for k in (norm, folded, trans) if k}


def _preferred_names(sources: Sources) -> list[Problem]:
    """A ``[[prefer]]`` entry names a place that has the name, as the layers merge: its generated
    and curated names, less ``drop_names``, plus the names of IDs a ``[[same]]`` entry folds into it."""
    folded_into = {s.also: s.place for s in sources.policy.same}
    wanted: dict[str, list[Prefer]] = defaultdict(list)
    for entry in sources.policy.prefer:
        wanted[folded_into.get(entry.place, entry.place)].append(entry)
    names: dict[str, set[str]] = {pid: set() for pid in wanted}
    dropped: dict[str, set[str]] = defaultdict(set)
    for place in [*sources.generated, *sources.curated]:
        pid = folded_into.get(place.id, place.id)
        if pid not in names:
            continue
        names[pid].update(n.name for n in place.names)
        if place.curated:
            names[pid].add(place.name)
            dropped[pid].update(normalize_name(n) for n in place.drop_names)
    problems: list[Problem] = []
    for pid, entries in wanted.items():
        keys = set().union(*(_keys_of(n) for n in names[pid] if normalize_name(n) not in dropped[pid]))
        for entry in entries:
            norm = normalize_name(entry.name)
            if pid in names and names[pid] and not {norm, fold_key(norm)} & keys:
                problems.append(
                    Problem(entry.file, entry.line, f"[[prefer]] {entry.name!r}: {entry.place} has no such name")
                )
    return problems

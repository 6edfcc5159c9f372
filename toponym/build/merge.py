"""Merge the layers of a gazetteer: generated places, curated records on top, ``[[same]]`` folded.

Generated places come first (a later source only fills fields an earlier one left empty); curated
records go on top (their fields win, their names are added, ``drop_names`` removes wrong generated
ones); then each ``[[same]]`` policy entry folds a second ID of one entity into the first.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..normalize import normalize_name
from .sources import SourceName, SourcePlace, Sources

__all__ = ["MergedName", "MergedPlace", "merge"]


@dataclass(slots=True)
class MergedName:
    name: str
    langs: list[str]
    type: str
    perspective: list[str]
    display: bool
    """A curated ``display = true``: the name for its perspective and languages."""
    curated: bool
    display_langs: list[str] = field(default_factory=list)
    """Languages in which a generated source (CLDR) gives this as the place's display name."""


@dataclass(slots=True)
class MergedPlace:
    src: SourcePlace
    curated: bool
    names: dict[str, MergedName] = field(default_factory=dict)


def merge(sources: Sources) -> list[MergedPlace]:
    """Generated places, then curated records on top: curated scalars win, names are unions."""
    merged: dict[str, MergedPlace] = {}
    for src in sources.generated:
        merged[src.id] = MergedPlace(src, curated=False)
        _add_names(merged[src.id], src.names, curated=False)
    for src in sources.curated:
        base = merged.get(src.id)
        if base is None:
            merged[src.id] = MergedPlace(src, curated=True)
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
            lat=src.lat if src.lat is not None else gen.lat,
            lon=src.lon if src.lon is not None else gen.lon,
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


def _fold_same(merged: dict[str, MergedPlace], sources: Sources) -> None:
    """Fold each ``[[same]]`` ID into its place: names are a union, codes the place's own first;
    whatever pointed at the folded ID (parents, countries, groups) points at the place."""
    # an entry that folds a place into itself or into a folded place is reported by validation
    target = {
        s.also: s.place for s in sources.policy.same if s.also in merged and s.place in merged and s.also != s.place
    }
    if not target:
        return
    for also, pid in sorted(target.items()):
        if also not in merged or pid not in merged:
            continue
        gone, keep = merged.pop(also), merged[pid]
        dropped = {normalize_name(n) for n in keep.src.drop_names}  # the place's drop_names hold for both
        for name in gone.names.values():
            if normalize_name(name.name) not in dropped:
                text = SourceName(name.name, ",".join(name.langs), name.type, tuple(name.perspective))
                _add_names(keep, [text], name.curated)
        population = keep.src.population if keep.src.population is not None else gone.src.population
        point = (keep.src.lat, keep.src.lon) if keep.src.lat is not None else (gone.src.lat, gone.src.lon)
        codes = {**gone.src.codes, **keep.src.codes}
        keep.src = replace(keep.src, codes=codes, population=population, lat=point[0], lon=point[1])
    for place in merged.values():
        src = place.src
        parent = target.get(src.parent, src.parent) if src.parent else src.parent
        country = target.get(src.country, src.country) if src.country else src.country
        part_of = [target.get(g, g) for g in src.part_of]
        members = [target.get(m, m) for m in src.members]
        if (parent, country, part_of, members) != (src.parent, src.country, src.part_of, src.members):
            place.src = replace(src, parent=parent, country=country, part_of=part_of, members=members)


def _add_names(place: MergedPlace, names: list[SourceName], curated: bool) -> None:
    for n in names:
        text = n.name.strip()
        if not text:
            continue
        have = place.names.get(text)
        langs = [t for t in n.lang.split(",") if t]
        if have is None:
            have = place.names[text] = MergedName(text, [], n.type, [], False, curated)
        elif curated and not have.curated:  # a reviewed type beats a source's guess
            have.type, have.curated = n.type, True
        elif have.type == "official" and n.type != "official" and curated == have.curated:
            have.type = n.type
        have.langs.extend(t for t in langs if t not in have.langs)
        have.perspective.extend(p for p in n.perspective if p not in have.perspective)
        if n.display and curated:
            have.display = True
        elif n.display:
            have.display_langs.extend(t for t in langs if t not in have.display_langs)

"""How much a stored name vouches for its place: the level of ``NAME_LEVELS`` the ranking weighs
(policy.toml ``[name_weight]``), from who gave the name and how it relates to the place's own."""

from __future__ import annotations

import re

from ..normalize import fold_key, normalize_name
from ..vocab import MAJOR_LANGS, METROPOLIS
from .merge import MergedName, MergedPlace
from .records import NAME_LEVELS

__all__ = ["level"]

#: Tags whose names the sources make by transliterating another script by rule, not as writers
#: spell them: CLDR's and iso-codes' Serbian in Latin letters are their Cyrillic names converted
#: letter by letter ("Sari" for Surrey, "Hanam" for Hà Nam, "Saba" for Sabah), which other places
#: bear as their own names. Such a name weighs as a minor language's.
_MACHINE_SPELT = frozenset({"sr-Latn"})


#: What ends a town's name to tell it from its namesakes: a bracket ("Halle (Saale)", "Frankfurt
#: (Oder)"; not "Zürich (Kreis 11)"), or a river, lake or region after a preposition ("Frankfurt am
#: Main", "Freiburg im Breisgau", "Newcastle upon Tyne", "Stoke-on-Trent", "Boulogne-sur-Mer").
_QUALIFIER = re.compile(
    r"\s+\((?=[A-ZÀ-Þ])[^()\d]+\)$"
    r"|\s+(?:am|an der|im|in der|ob der|upon)\s+[A-ZÀ-Þ]\S*(?:\s+[A-ZÀ-Þ]\S*)?$"
    r"|-(?:on|upon|sur|sous|lès)-[A-ZÀ-Þ][^\s]*$"
)


#: An honorific that begins the official names of Mexican towns ("heroic"), which text leaves out:
#: "Heroica Matamoros", "Heroica Guaymas" are Matamoros and Guaymas.
_HONORIFIC = re.compile(r"^Heroica\s+(?=[A-ZÀ-Þ])")


def _unqualified(name: str) -> str | None:
    """The short form of a town's ``name`` without its qualifier ("Halle (Saale)": "Halle") or
    honorific ("Heroica Matamoros": "Matamoros"), or ``None``."""
    bare = _HONORIFIC.sub("", _QUALIFIER.sub("", name))
    return bare if bare != name and len(bare) >= 3 else None


def _unaccented(name: str, own: str) -> bool:
    """Is ``name`` the place's ``own`` name written in plain ASCII letters, its accents left off?
    English news writes a metropolis's name so ("Belem" for Belém, "Sao Paulo"); a lesser town's
    accentless alias is as often a namesake's own name ("Vitoria" is Vitoria-Gasteiz, not Vitória
    in Brazil), so :func:`level` asks it of places of :data:`~toponym.vocab.METROPOLIS` people."""
    return name.isascii() and not own.isascii() and normalize_name(name) == fold_key(normalize_name(own))


def _own_forms(name: str) -> tuple[str, ...]:
    """What a town's ``name`` is written as in text besides itself: without the qualifier that ends
    it ("Halle"), or either half of a name in two languages ("Gasteiz / Vitoria": "Gasteiz" and
    "Vitoria"; not "Zürich (Kreis 4) / Aussersihl", a district's)."""
    short = _unqualified(name)
    if short is not None:
        return (short,)
    parts = name.split(" / ")
    if len(parts) == 2 and all(part and not any(ch in part for ch in "()0123456789") for part in parts):
        return tuple(parts)
    return ()


def level(nm: MergedName, p: MergedPlace) -> int:
    """How much a name vouches for its place (an index into ``NAME_LEVELS``; the ranking weighs it)."""
    if nm.type == "misspelling":
        return NAME_LEVELS.index("misspelling")
    # a town's name without the qualifier that ends it is its own name too: the qualifier tells
    # it from its namesakes, a text writes "Halle" and "Frankfurt"
    if nm.curated or nm.name == p.src.name or (p.src.kind == "city" and nm.name in _own_forms(p.src.name)):
        return NAME_LEVELS.index("reviewed")
    if (p.src.population or 0) >= METROPOLIS and _unaccented(nm.name, p.src.name):
        return NAME_LEVELS.index("reviewed")  # "Belem", "Sao Paulo": its own name typed without accents
    tags = {t.split("-")[0] for t in nm.langs if t != "und" and t not in _MACHINE_SPELT}
    if tags & MAJOR_LANGS:
        return NAME_LEVELS.index("major-language")
    return NAME_LEVELS.index("minor-language" if tags else "untagged")

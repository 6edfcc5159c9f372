"""English names and adjectives: whether a matched name is one of its place's English names
("Turkey" for Türkiye), and whether a word is an English adjective of one ("Israeli", "German")."""

from __future__ import annotations

from ..model import Match

__all__ = ["english", "is_adjective"]


def english(match: Match) -> bool:
    """Is the matched name one of the place's English names ("Turkey" for Türkiye)?"""
    return any(
        n.name == match.matched and any(t.split("-")[0] == "en" for t in (n.langs or (n.lang,)))
        for n in match.place.names
    )


#: How an English adjective or demonym is made from a country's English name: the name and an
#: ending ("Israeli", "Iraqi", "Indian", "Japanese"), the name less its last letter and an ending
#: ("German", "Italian", "Chinese"), or the name less "ia"/"a" ("Serb", "Somali").
_ADJ_AFTER = ("i", "n", "an", "ian", "ese", "ish")
_ADJ_INSTEAD = ("", "an", "ian", "ese", "ish")
_ADJ_SHORT = ("ia", "a")


def is_adjective(surface: str, match: Match) -> bool:
    """Is ``surface`` an English adjective of the name of ``match``'s place rather than one of its
    English names? (Some sources file "Israeli", "Serb" or "South African" as names of the
    country; in English text they are adjectives and people.)"""
    if not surface.isascii() or not surface[:1].isupper():
        return False
    names = match.place.names
    if any(n.type == "demonym" and n.name == surface for n in names):
        return True  # stored as the place's demonym (answered on request, never in text)
    english = [
        n.name for n in names if n.type != "demonym" and any(t.split("-")[0] == "en" for t in (n.langs or (n.lang,)))
    ]
    if surface in english:
        return False
    for name in english:
        if len(name) < 4 or not name.isascii():
            continue
        if surface.startswith(name) and surface[len(name) :] in _ADJ_AFTER:
            return True
        if (
            surface.startswith(name[:-1])
            and surface[len(name) - 1 :] in _ADJ_INSTEAD
            and surface != name[:-1] + name[-1]
        ):
            return True
        if name.startswith(surface) and name[len(surface) :] in _ADJ_SHORT:
            return True
    return False

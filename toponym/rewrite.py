"""Rewriting text: each mention replaced by its display name or ID, or annotated."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal

from .model import Mention
from .normalize import fold_key, normalize_name
from .resolver import Resolver

__all__ = ["TEXT_TARGETS", "Target", "render", "rewrite"]

Target = Literal["name", "id", "annotate"]
#: What :func:`toponym.normalize_text` can write in place of a mention.
TEXT_TARGETS: tuple[Target, ...] = ("name", "id", "annotate")


def render(text: str, mentions: list[Mention], replacement: Mapping[int, str]) -> str:
    """``text`` with the mentions at the given positions (index into ``mentions``) replaced."""
    out: list[str] = []
    pos = 0
    for i, m in enumerate(mentions):
        new = replacement.get(i)
        if new is None:
            continue
        out.append(text[pos : m.start])
        out.append(new)
        pos = m.end
    out.append(text[pos:])
    return "".join(out)


def rewrite(
    resolver: Resolver,
    text: str,
    mentions: list[Mention],
    *,
    to: str = "name",
    lang: str | None = None,
    perspective: str | None = None,
) -> str:
    """``text`` with ``mentions`` (found in this very text) replaced as ``to`` says."""
    if to not in TEXT_TARGETS:
        raise ValueError(f"to={to!r} is not one of {', '.join(TEXT_TARGETS)}")
    new: dict[int, str] = {}
    for i, m in enumerate(mentions):
        if to == "id":
            new[i] = m.place.id
        elif to == "annotate":
            new[i] = f"[[{m.text}|{m.place.id}]]"
        else:
            shown = resolver.display_name(m.match, lang=lang, perspective=perspective)
            # already the name to write (or an inflected form of it): leave the text as it is
            same = fold_key(normalize_name(shown))
            if same not in (fold_key(normalize_name(m.text)), fold_key(normalize_name(m.match.matched))):
                new[i] = _clitic(m) + shown
    return render(text, mentions, new)


def _clitic(m: Mention) -> str:
    """The word a mention's form glues before the name (Arabic "ب" of "بالعراق", Hebrew "ל" of
    "לירושלים": "in", "to", "and"; German "Süd" of "Süditalien"), which a rewrite keeps, with a
    hyphen where the name lost its capital in the compound ("Süd-Italy"); ``""`` for any other
    mention (a fused ending, Russian "Москве", is the name's own form)."""
    name = m.match.matched
    if name.startswith("\u0627\u0644") and m.text.endswith("\u0644" + name[1:]):
        name = name[1:]  # "ل" before the article "ال" takes its alif: "للشام" is "ل" + "الشام"
    at = m.text.casefold().find(name.casefold(), 1) if m.method == "inflected" and name else -1
    if at < 1 or len(m.text.casefold()) != len(m.text):  # no prefix, or offsets the folding moves
        return ""
    prefix = m.text[:at]
    glued = prefix[-1].isalpha() and m.text[at].islower() and name[0].isupper()
    return prefix + "-" if glued else prefix

"""A candidate mention as the scanner finds it, before linking decides whether and where it points."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

from .._make import make_mention, slot_maker
from ..model import Match, Mention

__all__ = ["Raw", "Signature", "by_name", "make_raw", "mention", "replaced", "unworded"]

#: The score of a match read through an inflected form ("Москве"): below an exact one.
_INFLECTED_SCORE = 92.0
_THE = re.compile(r"the\s", re.IGNORECASE)

#: What the context-free verdict on a candidate depends on (:attr:`Raw.signature`).
Signature = tuple[str, bool, bool, int, int]


@dataclass(slots=True)
class Raw:
    start: int
    end: int
    query: str
    """What the resolver sees: the surface text, or the stored form of an inflected one."""
    inflected: bool = False
    word: bool = False
    """The surface is an ordinary (dictionary) word when written in lower case."""
    specific: bool = False
    """A name of several words, or one written as specifically (a segment of a script without
    spaces, a dotted acronym): the rules for a single capitalised word do not apply."""
    group: int = -1
    """For an inflected form: the affix group (:attr:`.affixes.Affixes.groups`) that made it."""
    rank: int = 0
    """For a segment of a script without spaces: its rank class as an ordinary word (0: none)."""

    @property
    def signature(self) -> Signature:
        """What the context-free verdict on a raw mention depends on."""
        return self.query, self.word, self.specific, self.group, self.rank


#: ``Raw(start, end, query, inflected, word, specific, group, rank)``, positional and fast (C's
#: ``SlotMaker`` writes the slots; a candidate holds numbers and a string, so it stays outside the
#: garbage collector).
make_raw: Callable[..., Raw] = slot_maker(
    Raw,
    tuple(Raw.__dict__[f] for f in ("start", "end", "query", "inflected", "word", "specific", "group", "rank")),
    (),
    True,
)


def mention(text: str, raw: Raw, match: Match) -> Mention:
    """The mention of ``raw`` in ``text``, linked to ``match``."""
    if raw.inflected:
        match = replace(match, method="inflected", score=min(match.score, _INFLECTED_SCORE))
    start = raw.start
    if text.startswith(("The ", "the "), start) and raw.end - start > 4 and not _THE.match(match.place.name):
        start += 4  # "The United States": the article is not part of the name, as it is of The Hague
    q = raw.query  # the surface itself, most often: share it rather than copy it
    surface = (
        q if start == raw.start and len(q) == raw.end - start and text.startswith(q, start) else text[start : raw.end]
    )
    if match.query != surface:
        match = replace(match, query=surface)
    return make_mention(start, raw.end, surface, match)


def unworded(raws: Sequence[Raw], queries: Collection[str]) -> list[Raw]:
    """``raws``, those of ``queries`` read as no ordinary word: English words that are a town's
    own name in a text in the language of its country ("Gent" in Dutch)."""
    return [r if not (r.word and r.query in queries) else replace(r, word=False) for r in raws]


def by_name(counts: dict[Signature, int]) -> dict[str, int]:
    """Mentions per name, of the mentions per signature: a name's mentions all leave its own
    context, whatever they were read as ("in London", "London")."""
    times: dict[str, int] = {}
    for sig, n in counts.items():
        times[sig[0]] = times.get(sig[0], 0) + n
    return times


def replaced(raws: list[Raw], found: list[Raw]) -> list[Raw]:
    """``raws`` with ``found`` in place of every candidate one of them overlaps, in order of start."""
    if not found:
        return raws
    kept = [r for r in raws if not any(f.start < r.end and r.start < f.end for f in found)]
    return sorted([*kept, *found], key=lambda r: r.start)

"""Local bodies: a council, a police force or a university named after its place says where a text is set.

"Enfield Council's head of arts" names no place of its own (the scan reads "Enfield Council" as an
organisation, :mod:`.proper`), but a town's council, police force or sheriff sits in that town: a
text that cites one is set there, and an "Edmonton" in it is the district of Enfield, not the city
of Alberta. So does a university named after its state or city where its campus's name follows
("the University of California at Santa Cruz" is in California, not Bolivia). The places these
bodies are named after join the text's context as places it names, and are never mentions
themselves.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence
from itertools import chain

from ..index import Index
from .lookups import Lookups
from .raw import Raw

__all__ = ["Bodies"]

#: A body of local government after one to three capitalised words ("Enfield Council", "Laurel
#: County Sheriff", "Greater Manchester Police"), the words of its kind between them.
_BODY = re.compile(
    r"((?:[A-Z][\w'’.-]*[ ]){0,2}[A-Z][\w'’-]*)[ ]"
    r"(?:(?:City|County|Borough|District|Shire|Regional|Town|Municipal|Metropolitan|Parish)[ ])?"
    r"(?:Council|Police|Sheriff|Constabulary)\b"
)
#: A university named after its state or city, which it sits in ("the University of California at
#: Santa Cruz": the campus is in California, not Bolivia; "University of Massachusetts Dartmouth").
_UNIVERSITY = re.compile(r"\bUniversity of ((?:[A-Z][\w'’.-]*[ ]){0,2}[A-Z][\w'’-]*)")
#: What joins a university's name to its campus's: "at Boulder", ", Davis", "in Fayetteville",
#: "-Madison", or a space ("University of Massachusetts Dartmouth").
_CAMPUS = re.compile(r"[ ]+at[ ]+|,[ ]*|[ ]+in[ ]+|[ ]*[-–][ ]*|[ ]+")
#: What a text must hold for :data:`_BODY` to be tried at all (most hold none).
_HINTS = ("Council", "Police", "Sheriff", "Constabulary")
#: The kinds of place a university's name may set a text in: a country's name says nothing of
#: where ("University of Georgia" is in the state, "University of Malaya" in one city).
_UNIVERSITY_KINDS = frozenset({"subdivision", "city"})


class Bodies:
    """The places local bodies in a text are named after (rows), each as often as it is cited."""

    def __init__(self, index: Index, lookups: Lookups) -> None:
        self.index, self.lookups = index, lookups

    def places(self, text: str, raws: Sequence[Raw], strong: Collection[str]) -> dict[int, float]:
        """The rows of the places bodies in ``text`` are named after, by how often each is cited;
        not a body a candidate of ``raws`` reads a name in ("Circular Head Council" is one), nor one
        named after a name the text makes ``strong`` mentions of (casefolded): they count already,
        and as the text reads them ("GLASGOW, Ky. ... Glasgow Police" is in Kentucky)."""
        found: dict[int, float] = {}
        councils = self._rows(text, raws, strong) if any(h in text for h in _HINTS) else ()
        universities = self._universities(text, raws, strong) if "University of " in text else ()
        for row in chain(councils, universities):
            found[row] = found.get(row, 0.0) + 1.0
        return found

    def _universities(self, text: str, raws: Sequence[Raw], strong: Collection[str]) -> Iterator[int]:
        """The states and cities universities in ``text`` are named after, where the name of a
        campus follows ("the University of Alabama at Birmingham"): an affiliation alone says
        where a person works, not where the text is set ("Maryland's Dr Osten, at a meeting in
        Pasadena")."""
        kind = self.index.places.kind
        for m in _UNIVERSITY.finditer(text):
            words = m.group(1).split(" ")
            for last in range(len(words), 0, -1):  # "University of New South Wales": the longest name
                name = " ".join(words[:last])
                answer = self.lookups.get(name).answer
                if answer is None:
                    continue
                end, row = m.start(1) + len(name), self.index.row_of(answer.place.id)
                campus = _CAMPUS.match(text, end)
                if (
                    campus is not None
                    and _starts_at(raws, campus.end())
                    and not _read_in(raws, m.start(1), end)  # a candidate reads the name: it counts already
                    and kind[row] in _UNIVERSITY_KINDS
                    and name.casefold() not in strong
                ):
                    yield row
                break

    def _rows(self, text: str, raws: Sequence[Raw], strong: Collection[str]) -> Iterator[int]:
        for m in _BODY.finditer(text):
            if _read_in(raws, *m.span()):
                continue  # a candidate reads a name in it
            words = m.group(1).split(" ")
            for first in range(len(words)):  # "The Enfield Council": the longest name that answers
                name = " ".join(words[first:])
                answer = self.lookups.get(name).answer
                if answer is not None:
                    if name.casefold() not in strong:
                        yield self.index.row_of(answer.place.id)
                    break


def _read_in(raws: Sequence[Raw], start: int, end: int) -> bool:
    """Does a candidate of ``raws`` (in order, without overlaps) overlap ``text[start:end]``?"""
    after = bisect_left(raws, end, key=lambda r: r.start)
    return bool(after) and raws[after - 1].end > start


def _starts_at(raws: Sequence[Raw], pos: int) -> bool:
    """Does a candidate of ``raws`` (in order) start at ``pos``?"""
    at = bisect_left(raws, pos, key=lambda r: r.start)
    return at < len(raws) and raws[at].start == pos

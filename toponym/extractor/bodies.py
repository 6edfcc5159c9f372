"""Local bodies: a council or a police force named after its place says where a text is set.

"Enfield Council's head of arts" names no place of its own (the scan reads "Enfield Council" as an
organisation, :mod:`.proper`), but a town's council, police force or sheriff sits in that town: a
text that cites one is set there, and an "Edmonton" in it is the district of Enfield, not the city
of Alberta. The places these bodies are named after join the text's context as places it names,
and are never mentions themselves.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Collection, Iterator, Sequence

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
#: What a text must hold for :data:`_BODY` to be tried at all (most hold none).
_HINTS = ("Council", "Police", "Sheriff", "Constabulary")


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
        if not any(h in text for h in _HINTS):
            return found
        for row in self._rows(text, raws, strong):
            found[row] = found.get(row, 0.0) + 1.0
        return found

    def _rows(self, text: str, raws: Sequence[Raw], strong: Collection[str]) -> Iterator[int]:
        starts: list[int] | None = None
        for m in _BODY.finditer(text):
            start, end = m.span()
            starts = [r.start for r in raws] if starts is None else starts  # in order, without overlaps
            after = bisect_left(starts, end)
            if after and raws[after - 1].end > start:
                continue  # a candidate reads a name in it
            words = m.group(1).split(" ")
            for first in range(len(words)):  # "The Enfield Council": the longest name that answers
                name = " ".join(words[first:])
                answer = self.lookups.get(name).answer
                if answer is not None:
                    if name.casefold() not in strong:
                        yield self.index.row_of(answer.place.id)
                    break

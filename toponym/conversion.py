"""Many names or codes to one code scheme, as country_converter does: :func:`toponym.convert`.

Each value is read as a place ID or a code of any scheme first (in any case: in a column of codes
``in`` is India), then as a name, from one ranking (:meth:`Resolver.lookup`). A name whose answer
carries no code of the target scheme, or whose candidates tie, is looked up once more among the
kinds of place that carry that scheme ("Gambia" is the country, not the river, when ISO codes are
asked for). A value that names no one place becomes ``not_found``.
"""

from __future__ import annotations

from collections.abc import Iterable

from .errors import AmbiguousCodeError, UnknownPlaceError
from .model import Place
from .resolver import Resolver
from .resolver.codes import code_table
from .vocab import KINDS, SCHEMES

__all__ = ["Conversion", "check_target"]

_NAME = "name"
_ORDERED = ", ".join(sorted(SCHEMES))


def check_target(to: object) -> str:
    """``to`` if it is a target: ``id``, a code key, ``name`` or ``name_<lang>`` (``name_fr``)."""
    if isinstance(to, str) and (to in SCHEMES or to == _NAME or (to.startswith("name_") and len(to) > 5)):
        return to
    raise ValueError(f"cannot convert to {to!r}; use one of: {_ORDERED}, name, name_<lang> (e.g. name_fr)")


class Conversion:
    """Values to one target (``to``) from one source (``src``): ``None`` reads codes, then names;
    ``"name"`` names only; a scheme codes of that scheme only. Each distinct value is read once."""

    def __init__(self, resolver: Resolver, to: str, src: str | None, not_found: str | None) -> None:
        if src is not None and src not in SCHEMES and src != _NAME:
            raise ValueError(f"cannot convert from {src!r}; use None (anything), name, or one of: {_ORDERED}")
        self.resolver, self.to, self.src, self.not_found = resolver, check_target(to), src, not_found
        self.codes = code_table(resolver.index)
        carriers = self.codes.kinds.get(to)
        # the kinds that carry the target scheme (countries and territories for ISO 3166-1)
        self.kinds = carriers if carriers is not None and len(carriers) < len(KINDS) else None
        self._memo: dict[str, str | None] = {}

    def __call__(self, value: object) -> str | None:
        if not isinstance(value, str) or not value.strip():
            return self.not_found
        found = self._memo.get(value, self)
        if found is self:
            place = self._place(value)
            found = self._memo[value] = self._target(place) if place is not None else None
        return self.not_found if found is None else found  # type: ignore[return-value]

    def many(self, values: Iterable[object]) -> list[str | None]:
        return [self(v) for v in values]

    def _place(self, value: str) -> Place | None:
        if self.src != _NAME:
            try:
                return self.resolver.index.place(self.codes.find(value, self.src))
            except AmbiguousCodeError:
                return None  # a code that reads two ways: src= says which
            except UnknownPlaceError:
                if self.src is not None:
                    return None
        outcome = self.resolver.lookup(value)
        match = outcome.match
        if match is not None and self._target(match.place) is not None:
            return match.place
        if self.kinds is not None and outcome.status in ("matched", "ambiguous"):
            match = self.resolver.lookup(value, kinds=self.kinds).match
        return match.place if match is not None else None

    def _target(self, place: Place) -> str | None:
        to = self.to
        if to == "id":
            return place.id
        if to == _NAME:
            return place.name
        if to.startswith("name_"):
            return place.name_for(lang=to[5:])
        return place.codes.get(to)

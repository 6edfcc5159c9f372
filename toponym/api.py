"""The configurable :class:`Gazetteer` and the module-level one-liners backed by a lazy default."""

from __future__ import annotations

import os
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from . import navigate, registry
from .checkout import BUNDLED, ensure_current
from .errors import IndexFormatError
from .extractor import Extractor
from .index import Index
from .model import Match, Mention, Place
from .resolver import Resolver
from .rewrite import TEXT_TARGETS, rewrite

__all__ = [
    "TEXT_TARGETS",
    "Gazetteer",
    "ancestors",
    "children",
    "clear_caches",
    "default_gazetteer",
    "extract",
    "get",
    "normalize_text",
    "places",
    "resolve",
    "resolve_all",
]


class Gazetteer:
    """A compiled index of places, with a :class:`Resolver` and an :class:`Extractor` over it.

    >>> gz = default_gazetteer()
    >>> gz.get("jp").name
    'Japan'
    """

    def __init__(self, index: Index, *, fuzzy: bool = True) -> None:
        self.index = index
        self.fuzzy = fuzzy
        self.resolver = Resolver(index, fuzzy=fuzzy)
        self._extractor: Extractor | None = None
        self._extractor_lock = threading.Lock()

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A gazetteer pickles by its index file (the default one as itself), so a worker process
        opens the same memory-mapped file; one compiled only in memory pickles its bytes."""
        if self is _default:
            return default_gazetteer, ()
        token = self.index.origin_token()
        if token is not None:
            return _reopen, (token, self.fuzzy)
        return _from_bytes, (self.index.to_bytes(), self.fuzzy)

    @property
    def extractor(self) -> Extractor:
        """The text :class:`Extractor` over this gazetteer, built on first use."""
        if self._extractor is None:
            with self._extractor_lock:
                if self._extractor is None:
                    self._extractor = Extractor(self.resolver)
        return self._extractor

    @classmethod
    def load(cls, path: str | Path, **options: bool) -> Gazetteer:
        """Open a compiled index file (``toponym compile DIR -o FILE``)."""
        return cls(Index.load(path), **options)

    @classmethod
    def from_folder(cls, folder: str | Path, **options: bool) -> Gazetteer:
        """Compile a gazetteer folder in memory (validation errors raise ``GazetteerError``)."""
        from .build import compile_gazetteer

        return cls(compile_gazetteer(folder), **options)

    def get(self, place_id: str) -> Place:
        """The place with this ID; ``UnknownPlaceError`` (a ``LookupError``) if there is none."""
        return self.index.place(self.index.row_of(place_id))

    def places(self, kind: str | Collection[str] | None = None, country: Place | str | None = None) -> Iterator[Place]:
        """Every place, in ID order; of ``kind`` (one or several) and lying in ``country`` (an ID,
        the country itself included) when given. An unknown kind or a country ID that names no
        country is a ``ValueError``, an unknown ID an ``UnknownPlaceError``."""
        return navigate.places(self.index, kind, country)

    def ancestors(self, place: Place | str) -> list[Place]:
        """The parent of ``place`` (a place or an ID), its parent, and so on to the top, nearest first."""
        return navigate.ancestors(self.index, place)

    def children(self, place: Place | str, kind: str | Collection[str] | None = None) -> list[Place]:
        """The places whose parent is ``place`` (of ``kind`` when given), in ID order."""
        return navigate.children(self.index, place, kind)

    def __len__(self) -> int:
        return len(self.index)

    def resolve(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
    ) -> Match | None:
        """Best match for ``name``, or ``None``; see :func:`toponym.resolve`."""
        return self.resolver.resolve(name, lang=lang, country=country, kinds=kinds, perspective=perspective)

    def resolve_all(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        limit: int | None = None,
    ) -> list[Match]:
        """Every candidate for ``name``, best first; see :func:`toponym.resolve_all`."""
        return self.resolver.resolve_all(
            name, lang=lang, country=country, kinds=kinds, perspective=perspective, limit=limit
        )

    def display_name(self, match: Match, *, lang: str | None = None, perspective: str | None = None) -> str:
        """The name to write for ``match``'s place as ``perspective`` or ``lang`` would."""
        return self.resolver.display_name(match, lang=lang, perspective=perspective)

    def extract(self, text: str, *, context: bool = True) -> list[Mention]:
        """Place mentions in ``text``; see :func:`toponym.extract`."""
        return self.extractor.extract(text, context=context)

    def normalize_text(
        self, text: str, *, to: str = "name", lang: str | None = None, perspective: str | None = None
    ) -> str:
        """``text`` with every place mention rewritten; see :func:`toponym.normalize_text`."""
        return self.rewrite(text, self.extract(text), to=to, lang=lang, perspective=perspective)

    def rewrite(
        self,
        text: str,
        mentions: list[Mention],
        *,
        to: str = "name",
        lang: str | None = None,
        perspective: str | None = None,
    ) -> str:
        """``text`` with ``mentions`` (found in this very text) replaced as ``to`` says."""
        return rewrite(self.resolver, text, mentions, to=to, lang=lang, perspective=perspective)


_default: Gazetteer | None = None
_lock = threading.Lock()


def _reopen(token: registry.Token, fuzzy: bool) -> Gazetteer:
    return Gazetteer(registry.find_index(token), fuzzy=fuzzy)


def _from_bytes(data: bytes, fuzzy: bool) -> Gazetteer:
    return Gazetteer(Index(data), fuzzy=fuzzy)


def default_index_path() -> Path:
    """``$TOPONYM_INDEX`` if set, else the index bundled in the package."""
    env = os.environ.get("TOPONYM_INDEX")
    return Path(env) if env else BUNDLED


def default_gazetteer() -> Gazetteer:
    """The shared default instance, loaded once on first use (thread-safe)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                path = default_index_path()
                ensure_current(path)
                if not path.exists():
                    raise IndexFormatError(
                        f"no compiled index at {path}. Reinstall toponym, or run "
                        "`toponym compile gazetteer -o toponym/_data/index.bin` in a source checkout."
                    )
                _default = Gazetteer.load(path)
    return _default


def clear_caches() -> None:
    """Forget the default instance and its caches; the next call reloads the index."""
    global _default
    with _lock:
        _default = None


def resolve(
    name: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    kinds: Collection[str] | None = None,
    perspective: str | None = None,
) -> Match | None:
    """Best match for ``name`` in the default gazetteer, or ``None``.

    >>> resolve("Shokotan").place.id
    'shikotan'
    >>> resolve("Qxzvtplkwj") is None
    True
    """
    return default_gazetteer().resolver.resolve(name, lang=lang, country=country, kinds=kinds, perspective=perspective)


def resolve_all(
    name: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    kinds: Collection[str] | None = None,
    perspective: str | None = None,
    limit: int | None = None,
) -> list[Match]:
    """Every candidate for ``name``, best first."""
    return default_gazetteer().resolver.resolve_all(
        name, lang=lang, country=country, kinds=kinds, perspective=perspective, limit=limit
    )


def get(place_id: str) -> Place:
    """The place with this ID in the default gazetteer."""
    return default_gazetteer().get(place_id)


def ancestors(place: Place | str) -> list[Place]:
    """The parent chain of ``place`` in the default gazetteer, nearest first.

    >>> [p.id for p in ancestors("kunashir")]
    ['ru-sak', 'ru']
    """
    return default_gazetteer().ancestors(place)


def children(place: Place | str, kind: str | Collection[str] | None = None) -> list[Place]:
    """The places whose parent is ``place`` in the default gazetteer (of ``kind`` when given)."""
    return default_gazetteer().children(place, kind)


def places(kind: str | Collection[str] | None = None, country: Place | str | None = None) -> Iterator[Place]:
    """The places of the default gazetteer, of ``kind`` and in ``country`` when given."""
    return default_gazetteer().places(kind, country)


def extract(text: str, *, context: bool = True) -> list[Mention]:
    """Every place mention in ``text``: exact ``str`` offsets, longest match first, linked to a place.

    >>> [(m.start, m.end, m.text, m.place.id) for m in extract("Talks on Kunashiri and Shikotan")]
    [(9, 18, 'Kunashiri', 'kunashir'), (23, 31, 'Shikotan', 'shikotan')]
    """
    return default_gazetteer().extractor.extract(text, context=context)


def normalize_text(text: str, *, to: str = "name", lang: str | None = None, perspective: str | None = None) -> str:
    """``text`` with each place mention replaced by its display name, its ID, or annotated.

    ``to="name"`` writes the name as ``perspective`` / ``lang`` would (mentions already written
    that way, including Russian case forms of it, are left alone); ``to="id"`` the stable ID;
    ``to="annotate"`` keeps the text and appends the ID: ``[[Kunashiri|kunashir]]``.

    >>> normalize_text("Talks on Kunashiri", to="annotate")
    'Talks on [[Kunashiri|kunashir]]'
    """
    return default_gazetteer().normalize_text(text, to=to, lang=lang, perspective=perspective)

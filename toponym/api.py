"""The configurable :class:`Gazetteer` and the module-level one-liners backed by a lazy default."""

from __future__ import annotations

import threading
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, overload

from . import navigate, registry
from .checkout import default_index
from .conversion import Conversion
from .index import Index
from .memo import clear_memos
from .model import Match, Mention, Place
from .outcome import Outcome
from .resolver import Resolver
from .resolver.codes import code_table
from .rewrite import rewrite

if TYPE_CHECKING:  # the extractor is imported on first use: resolving never needs it
    from .extractor import Extractor

__all__ = [
    "Gazetteer",
    "ancestors",
    "children",
    "clear_caches",
    "convert",
    "default_gazetteer",
    "extract",
    "get",
    "lookup",
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
            return _unpickle, (token, self.fuzzy)
        return _unpickle, (self.index.to_bytes(), self.fuzzy)

    @property
    def extractor(self) -> Extractor:
        """The text :class:`Extractor` over this gazetteer, built on first use."""
        if self._extractor is None:
            with self._extractor_lock:
                if self._extractor is None:
                    from .extractor import Extractor

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

    @classmethod
    def with_overlay(cls, *paths: str | Path, base: Gazetteer | None = None, **options: bool) -> Gazetteer:
        """``base`` (by default the shipped one) with overlay TOML files or folders on top (docs/extending.md),
        compiled in memory in seconds; ``GazetteerError`` lists each problem as ``file:line``."""
        from .build import compile_overlay

        return cls(compile_overlay((base or default_gazetteer()).index, paths), **options)

    def get(self, code: str | int, *, scheme: str | None = None) -> Place:
        """The place with this ID or code; ``UnknownPlaceError`` or ``AmbiguousCodeError``; see :func:`toponym.get`."""
        return self.index.place(code_table(self.index).find(code, scheme))

    def lookup(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        demonyms: bool = False,
        candidates: bool = True,
    ) -> Outcome:
        """What ``name`` comes to: matched, ambiguous, stopped, no-match or invalid; see :func:`toponym.lookup`."""
        return self.resolver.lookup(
            name,
            lang=lang,
            country=country,
            kinds=kinds,
            perspective=perspective,
            demonyms=demonyms,
            candidates=candidates,
        )

    @overload
    def convert(  # type: ignore[overload-overlap]  # a str is also an iterable: it gives one value
        self, values: str, to: str, *, src: str | None = None, not_found: str | None = None
    ) -> str | None: ...

    @overload
    def convert(
        self, values: Iterable[object], to: str, *, src: str | None = None, not_found: str | None = None
    ) -> list[str | None]: ...

    def convert(
        self, values: str | Iterable[object], to: str, *, src: str | None = None, not_found: str | None = None
    ) -> str | list[str | None] | None:
        """Names or codes to one code scheme; see :func:`toponym.convert`."""
        conversion = Conversion(self.resolver, to, src, not_found)
        return conversion(values) if isinstance(values, str) else conversion.many(values)

    def places(self, kind: str | Collection[str] | None = None, country: Place | str | None = None) -> Iterator[Place]:
        """Every place in ID order, of ``kind`` (one or several) and in ``country`` (an ID; itself included) when
        given; ``ValueError`` for an unknown kind or a non-country, ``UnknownPlaceError`` for an unknown ID."""
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
        demonyms: bool = False,
    ) -> Match | None:
        """Best match for ``name``, or ``None``; see :func:`toponym.resolve`."""
        return self.resolver.resolve(
            name, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms
        )

    def resolve_all(
        self,
        name: str,
        *,
        lang: str | None = None,
        country: str | None = None,
        kinds: Collection[str] | None = None,
        perspective: str | None = None,
        demonyms: bool = False,
        limit: int | None = None,
    ) -> list[Match]:
        """Every candidate for ``name``, best first; see :func:`toponym.resolve_all`."""
        return self.resolver.resolve_all(
            name, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms, limit=limit
        )

    def display_name(self, match: Match, *, lang: str | None = None, perspective: str | None = None) -> str:
        """The name to write for ``match``'s place as ``perspective`` or ``lang`` would."""
        return self.resolver.display_name(match, lang=lang, perspective=perspective)

    def extract(self, text: str, *, context: bool = True, demonyms: bool = False) -> list[Mention]:
        """Place mentions in ``text``; see :func:`toponym.extract`."""
        return self.extractor.extract(text, context=context, demonyms=demonyms)

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
_loaded_from: tuple[str, int, int, int, int] | None = None  # the default index file, as loaded
_recheck = False  # set by clear_caches: the next call looks at the file again
_lock = threading.Lock()


def _unpickle(source: registry.Token | bytes, fuzzy: bool) -> Gazetteer:
    return Gazetteer(Index(source) if isinstance(source, bytes) else registry.find_index(source), fuzzy=fuzzy)


def default_gazetteer() -> Gazetteer:
    """The shared default instance, loaded on first use and again when :func:`clear_caches` finds its
    file changed (thread-safe: every call gets a whole gazetteer, even during :func:`clear_caches`)."""
    global _default, _recheck, _loaded_from
    gz = _default  # read once: another thread may replace it between two reads
    if gz is None or _recheck:
        with _lock:
            gz = _default
            if gz is None or _recheck:
                path, identity = default_index()
                if gz is None or identity != _loaded_from:
                    gz = _default = Gazetteer.load(path)
                    _loaded_from = identity
                _recheck = False
    return gz


def clear_caches() -> None:
    """Forget every remembered answer (safe under threads); the default index reloads if its file changed."""
    global _recheck
    with _lock:
        _recheck = True
        gz = _default
    if gz is not None:
        gz.resolver.clear_cache()
    clear_memos()


def resolve(
    name: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    kinds: Collection[str] | None = None,
    perspective: str | None = None,
    demonyms: bool = False,
) -> Match | None:
    """Best match for ``name`` in the default gazetteer, or ``None``; ``demonyms=True`` lets
    "Russian" name Russia (by default a demonym names nothing: in prose it rarely means the place).

    >>> resolve("Shokotan").place.id
    'shikotan'
    >>> resolve("Qxzvtplkwj") is None
    True
    """
    return default_gazetteer().resolver.resolve(
        name, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms
    )


def resolve_all(
    name: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    kinds: Collection[str] | None = None,
    perspective: str | None = None,
    demonyms: bool = False,
    limit: int | None = None,
) -> list[Match]:
    """Every candidate for ``name``, best first."""
    return default_gazetteer().resolver.resolve_all(
        name, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms, limit=limit
    )


def lookup(
    name: str,
    *,
    lang: str | None = None,
    country: str | None = None,
    kinds: Collection[str] | None = None,
    perspective: str | None = None,
    demonyms: bool = False,
    candidates: bool = True,
) -> Outcome:
    """What ``name`` comes to, from one ranking, with the candidates and the reason.

    ``status`` tells a match (``matched``: ``match`` is what ``resolve`` answers) from several
    candidates none of which dominates (``ambiguous``), from candidates that a bare ``resolve``
    declines on purpose (``stopped``: an ordinary word, a stop rule), from no place at all
    (``no-match``) and from input that is not a name (``invalid``). Hints are checked: one that
    names nothing raises ``HintError`` (a ``ValueError``). ``candidates=False`` lists only the match
    of a name that matches, answered as ``resolve`` answers it (faster for bulk work).

    >>> [lookup(n).status for n in ("Shokotan", "Springfield", "nice", "Qxzvtplkwj", "")]
    ['matched', 'ambiguous', 'stopped', 'no-match', 'invalid']
    """
    return default_gazetteer().resolver.lookup(
        name, lang=lang, country=country, kinds=kinds, perspective=perspective, demonyms=demonyms, candidates=candidates
    )


def get(code: str | int, *, scheme: str | None = None) -> Place:
    """The place with this ID or code in the default gazetteer.

    Any code a place carries is accepted, in the case its scheme allows: ISO 3166-1 alpha-2,
    alpha-3 and numeric, ISO 3166-2, ISO 3166-3, GeoNames and Wikidata IDs, UN M49. ``scheme=``
    (``"id"`` or a key of ``toponym.vocab.CODE_KEYS``) says which scheme a code is in, for codes
    that read two ways; an unknown scheme is a ``ValueError``. A code that names no place raises
    ``UnknownPlaceError``, one that names several ``AmbiguousCodeError`` (both ``LookupError``).

    >>> [get(c).id for c in ("jp", "JPN", "JP", "392", "Q17", "jp-01")]
    ['jp', 'jp', 'jp', 'jp', 'jp', 'jp-01']
    >>> get("392", scheme="iso3166_1_numeric").name
    'Japan'
    """
    return default_gazetteer().get(code, scheme=scheme)


@overload
def convert(  # type: ignore[overload-overlap]  # a str is also an iterable: it gives one value
    values: str, to: str, *, src: str | None = None, not_found: str | None = None
) -> str | None: ...


@overload
def convert(
    values: Iterable[object], to: str, *, src: str | None = None, not_found: str | None = None
) -> list[str | None]: ...


def convert(
    values: str | Iterable[object], to: str, *, src: str | None = None, not_found: str | None = None
) -> str | list[str | None] | None:
    """Names or codes, in any language and any code scheme, to one scheme, in order.

    ``to`` is ``"id"``, a key of ``toponym.vocab.CODE_KEYS``, ``"name"`` or ``"name_<lang>"``;
    ``src`` is ``None`` (codes in any scheme, then names), ``"name"`` or one scheme. A value that
    names no one place (unknown, ambiguous, or without a code in that scheme) becomes
    ``not_found``. One string gives one value; any other iterable a list. See docs/codes.md.

    >>> convert(["Japan", "DEU", "fr", "Кунашир", "Atlantis"], to="iso3166_1_alpha3")
    ['JPN', 'DEU', 'FRA', None, None]
    """
    return default_gazetteer().convert(values, to, src=src, not_found=not_found)


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


def extract(text: str, *, context: bool = True, demonyms: bool = False) -> list[Mention]:
    """Every mention in ``text``: ``str`` offsets, longest first, linked (``demonyms``: docs/text.md).

    >>> [(m.start, m.end, m.text, m.place.id) for m in extract("Talks on Kunashiri and Shikotan")]
    [(9, 18, 'Kunashiri', 'kunashir'), (23, 31, 'Shikotan', 'shikotan')]
    """
    return default_gazetteer().extractor.extract(text, context=context, demonyms=demonyms)


def normalize_text(text: str, *, to: str = "name", lang: str | None = None, perspective: str | None = None) -> str:
    """``text`` with each place mention replaced by its display name, its ID, or annotated.

    ``to="name"`` writes the name as ``perspective`` / ``lang`` would (mentions already written
    that way, including Russian case forms of it, are left alone); ``to="id"`` the stable ID;
    ``to="annotate"`` keeps the text and appends the ID: ``[[Kunashiri|kunashir]]``.

    >>> normalize_text("Talks on Kunashiri", to="annotate")
    'Talks on [[Kunashiri|kunashir]]'
    """
    return default_gazetteer().normalize_text(text, to=to, lang=lang, perspective=perspective)

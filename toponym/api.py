"""The configurable :class:`Gazetteer` and the module-level one-liners backed by a lazy default."""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Collection, Iterator
from pathlib import Path
from typing import Any

from . import registry
from .errors import IndexFormatError
from .extract import Extractor, render
from .index import FORMAT, Index, format_of
from .model import Match, Mention, Place
from .normalize import fold_key, normalize_name
from .resolve import Resolver

__all__ = [
    "TEXT_TARGETS",
    "Gazetteer",
    "clear_caches",
    "default_gazetteer",
    "extract",
    "get",
    "normalize_text",
    "resolve",
    "resolve_all",
]

#: What :func:`normalize_text` can write in place of a mention.
TEXT_TARGETS = ("name", "id", "annotate")

_PACKAGE = Path(__file__).resolve().parent
_BUNDLED = _PACKAGE / "_data" / "index.bin"
# In a source checkout the gazetteer sits beside the package; an installed wheel has none.
_SOURCE_GAZETTEER = _PACKAGE.parent / "gazetteer"


class Gazetteer:
    """A compiled index of places, with a :class:`Resolver` over it.

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

    @property
    def extractor(self) -> Extractor:
        """The text :class:`Extractor` over this gazetteer, built on first use."""
        if self._extractor is None:
            with self._extractor_lock:
                if self._extractor is None:
                    self._extractor = Extractor(self.resolver)
        return self._extractor

    def __reduce__(self) -> tuple[Any, tuple[Any, ...]]:
        """A gazetteer pickles by its index file (the default one as itself), so a worker process
        opens the same memory-mapped file; one compiled only in memory pickles its bytes."""
        if self is _default:
            return default_gazetteer, ()
        token = self.index.origin_token()
        if token is not None:
            return _reopen, (token, self.fuzzy)
        return _from_bytes, (self.index.to_bytes(), self.fuzzy)

    @classmethod
    def load(cls, path: str | Path, **options: bool) -> Gazetteer:
        """Open a compiled index file (``toponym compile DIR -o FILE``)."""
        return cls(Index.load(path), **options)

    @classmethod
    def from_folder(cls, folder: str | Path, **options: bool) -> Gazetteer:
        """Compile a gazetteer folder in memory (validation errors raise ``GazetteerError``)."""
        from .compile import compile_gazetteer

        return cls(compile_gazetteer(folder), **options)

    def get(self, place_id: str) -> Place:
        """The place with this ID; ``UnknownPlaceError`` (a ``LookupError``) if there is none."""
        return self.index.place(self.index.place_index(place_id))

    def places(self) -> Iterator[Place]:
        for i in range(len(self.index)):
            yield self.index.place(i)

    def __len__(self) -> int:
        return len(self.index)

    def resolve(self, name: str, **hints: object) -> Match | None:
        return self.resolver.resolve(name, **hints)  # type: ignore[arg-type]

    def resolve_all(self, name: str, **hints: object) -> list[Match]:
        return self.resolver.resolve_all(name, **hints)  # type: ignore[arg-type]

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
        if to not in TEXT_TARGETS:
            raise ValueError(f"to={to!r} is not one of {', '.join(TEXT_TARGETS)}")
        new: dict[int, str] = {}
        for i, m in enumerate(mentions):
            if to == "id":
                new[i] = m.place.id
            elif to == "annotate":
                new[i] = f"[[{m.text}|{m.place.id}]]"
            else:
                shown = self.resolver.display_name(m.match, lang=lang, perspective=perspective)
                # already the name to write (or an inflected form of it): leave the text as it is
                same = fold_key(normalize_name(shown))
                if same not in (fold_key(normalize_name(m.text)), fold_key(normalize_name(m.match.matched))):
                    new[i] = shown
        return render(text, mentions, new)


_default: Gazetteer | None = None
_lock = threading.Lock()


def _reopen(token: registry.Token, fuzzy: bool) -> Gazetteer:
    return Gazetteer(registry.find_index(token), fuzzy=fuzzy)


def _from_bytes(data: bytes, fuzzy: bool) -> Gazetteer:
    return Gazetteer(Index(data), fuzzy=fuzzy)


def default_index_path() -> Path:
    """``$TOPONYM_INDEX`` if set, else the index bundled in the package."""
    env = os.environ.get("TOPONYM_INDEX")
    return Path(env) if env else _BUNDLED


def _stale(index_path: Path) -> bool:
    """In a source checkout: is any gazetteer file newer than the compiled index?"""
    if not _SOURCE_GAZETTEER.is_dir() or index_path != _BUNDLED:
        return False
    if not index_path.exists() or format_of(index_path) != FORMAT:
        return True
    built = index_path.stat().st_mtime
    sources = [*_SOURCE_GAZETTEER.glob("curated/**/*.toml"), *_SOURCE_GAZETTEER.glob("generated/*.tsv"),
               *_SOURCE_GAZETTEER.glob("words/*.txt"), _SOURCE_GAZETTEER / "policy.toml"]  # fmt: skip
    # the code that decides what the index holds counts as a source too
    sources += [_PACKAGE / f for f in ("compile.py", "index.py", "normalize.py", "resolve.py", "gazetteer.py")]
    return any(p.stat().st_mtime > built for p in sources if p.is_file())


def default_gazetteer() -> Gazetteer:
    """The shared default instance, loaded once on first use (thread-safe)."""
    global _default
    if _default is None:
        with _lock:
            if _default is None:
                path = default_index_path()
                if _stale(path):
                    from .compile import compile_gazetteer

                    print(f"toponym: compiling {_SOURCE_GAZETTEER} -> {path}", file=sys.stderr)
                    compile_gazetteer(_SOURCE_GAZETTEER, path)
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

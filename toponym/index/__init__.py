"""The compiled index: read-only lookup tables over one memory-mapped file.

:mod:`.schema` declares the file, :mod:`.format` reads and writes its bytes, :mod:`.strings` and
:mod:`.blocking` are its lookup structures (each with a C twin), :mod:`.views` the typed tables the
resolver and the extractor read. Opening an index costs milliseconds: the large tables are read
straight from the map, and their memory is shared with the page cache and every process that maps
the same file.
"""

from __future__ import annotations

import mmap
import operator
import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from .. import registry
from .._make import make_place, make_place_name
from ..errors import IndexFormatError, UnknownPlaceError
from ..mappings import EMPTY, DisplayNames, ReadOnlyDict
from ..model import Explanation, Place, PlaceName
from ..vocab import KINDS, NAME_TYPES, Kind
from .blocking import FuzzyKeys
from .columns import running_total
from .format import IndexMeta, IndexTables, format_of_bytes, read, serialize
from .integrity import IntegrityError, check_structure
from .schema import (
    FORMAT,
    WORD_CASELESS,
    WORD_COMMON,
    WORD_DICTIONARY,
    WORD_ELSEWHERE,
    WORD_FUNCTION,
    WORD_GIVEN,
    WORD_NO_FUZZY,
    WORD_ORDINARY,
    WORD_ORDINARY_KEY,
    WORD_SURNAME,
)
from .strings import Strings, line_starts
from .views import KeyTable, NameTable, PlaceTable, Policy, TextTable, WordSet

__all__ = ["FORMAT", "Index", "IndexMeta", "IndexTables", "format_of"]

_CODE = re.compile(r"([^=;]+)=([^;]*)")
_MAX_DEPTH = 32  # the validator forbids parent cycles; the bound is a guard


def format_of(path: str | Path) -> int | None:
    """The format number in the header of an index file, or ``None`` when it is not one."""
    with open(path, "rb") as f:
        return format_of_bytes(f.read(32))


def _policy(meta: IndexMeta, words: Strings, flags: Any) -> Policy:
    """``policy.toml`` and the word lists, as compiled into ``meta`` and the word sections."""
    return Policy(
        prefer=meta.prefer,
        stop=meta.stop,
        words=WordSet(words, flags, WORD_DICTIONARY),
        common_words=WordSet(words, flags, WORD_COMMON),
        no_fuzzy_words=WordSet(words, flags, WORD_NO_FUZZY),
        ordinary=WordSet(words, flags, WORD_ORDINARY),
        ordinary_keys=WordSet(words, flags, WORD_ORDINARY_KEY),
        function_words=WordSet(words, flags, WORD_FUNCTION),
        caseless_words=WordSet(words, flags, WORD_CASELESS),
        elsewhere=WordSet(words, flags, WORD_ELSEWHERE),
        given_names=WordSet(words, flags, WORD_GIVEN),
        surnames=WordSet(words, flags, WORD_SURNAME),
        perspective_alias=meta.perspective_alias,
        id_alias=meta.id_alias,
        ambiguity=float(meta.ranking["ambiguity"]),
        city_over_unit=float(meta.ranking["city_over_unit"]),
        city_seat=float(meta.ranking.get("city_seat", 1.0)),
        fuzzy_floor=tuple(float(v) for v in meta.ranking.get("fuzzy_floor", (0.0, 0.0))),
        name_weight=tuple(meta.ranking["name_weight"]),
    )


def _kinds(codes: Any) -> tuple[Kind, ...]:
    """Each place's kind, from the ``place_kind`` codes (one shared string per kind)."""
    if not len(codes):
        return ()
    kinds = operator.itemgetter(*codes)(KINDS)
    return kinds if len(codes) > 1 else (kinds,)


def _place_table(
    buffer: Any, meta: IndexMeta, parts: dict[str, Any], starts: dict[str, int], offsets: Any
) -> PlaceTable:
    """The places' columns over ``buffer``."""
    return PlaceTable(
        ids=Strings(buffer, starts["place_ids_blob"], offsets["place_ids"], parts["place_id_slots"]),
        kind=_kinds(parts["place_kind"]),
        name=Strings(buffer, starts["place_names_blob"], offsets["place_names"]),
        codes=Strings(buffer, starts["place_codes_blob"], offsets["place_codes"]),
        curated=meta.place_curated,
        parent=parts["place_parent"],
        country=parts["place_country"],
        population=parts["place_population"],
        people=parts["place_people"],
        prominence=parts["place_prominence"],
        first_name=parts["place_first_name"],
        part_of=meta.place_part_of,
        display=meta.place_display,
        lat=parts["place_lat"],
        lon=parts["place_lon"],
        display_first=parts["display_first"],
        display_tag=parts["display_tag"],
        display_name=parts["display_name"],
        display_tags=tuple(meta.display_tags),
    )


class Index:
    """Read-only lookup tables; open a file with :meth:`load`.

    Large tables are tuples and dicts of strings, never lists or sets: the garbage collector stops
    tracking those once it sees they hold only strings, so its full collections do not walk half a
    million entries while a caller resolves names.
    """

    def __init__(self, buffer: Any, *, source: str = "<memory>") -> None:
        self._buffer = buffer  # keeps the memory map (or bytes) alive
        self.source = source
        meta, parts, starts = read(buffer, source)
        # offsets are not stored (they would cost 2 MB of the wheel): one vectorised pass finds them
        offsets = {
            blob: line_starts(parts[f"{blob}_blob"])
            for blob in ("names", "keys", "words", "text", "place_ids", "place_names", "place_codes")
        }
        try:
            check_structure(meta, parts, {blob: len(o) - 1 for blob, o in offsets.items()})
        except IntegrityError as exc:
            raise IndexFormatError(f"{source} is corrupt ({exc}); rebuild it with `toponym compile`.") from exc
        self.meta = meta
        self.header: dict[str, Any] = meta.header
        self.places = _place_table(buffer, meta, parts, starts, offsets)
        langs = tuple(meta.langs)
        self.names = NameTable(
            text=Strings(buffer, starts["names_blob"], offsets["names"], parts["name_slots"]),
            place=parts["name_place"],
            lang=parts["name_lang"],
            persp=parts["name_persp"],
            type_code=parts["name_type"],
            curated=parts["name_curated"],
            rank=parts["name_rank"],
            answer=parts["name_answer"],
            method=parts["name_method"],
            explain=parts["name_explain"],
            langs=langs,
            first_lang=tuple(meta.first_langs),
            perspectives=tuple(tuple(p) for p in meta.perspectives),
        )
        key_text = Strings(buffer, starts["keys_blob"], offsets["keys"], parts["key_slots"])
        self.keys = KeyTable(
            text=key_text,
            first=memoryview(running_total(parts["key_ncodes"])).cast("I"),
            codes=parts["key_codes"],
            best=parts["key_best"],
            explain=parts["key_explain"],
            fuzzy=int(meta.header.get("fuzzy_keys", 0)),
        )
        self.policy = _policy(
            meta,
            Strings(buffer, starts["words_blob"], offsets["words"], parts["word_slots"]),
            parts["word_flags"],
        )
        #: Why the compiled answers are what they are (``key_explain``, ``name_explain`` index it).
        self.explanations: tuple[Explanation, ...] = tuple(
            Explanation(rule, count, policy=policy)  # type: ignore[arg-type]
            for rule, count, policy in meta.explanations
        )
        self.text = TextTable(
            text=Strings(buffer, starts["text_blob"], offsets["text"], parts["text_slots"]),
            flags=parts["text_flags"],
            rank=parts["text_rank"],
        )
        self.fuzzy = FuzzyKeys(parts["fuzzy_hash"], parts["fuzzy_ref"], parts["fuzzy_mask"], key_text.table)
        self._places: list[Place | None] = [None] * len(self.places)
        self._members: dict[int, tuple[int, ...]] | None = None
        self._children: dict[int, tuple[int, ...]] | None = None
        self._lock = threading.Lock()
        self._tags: dict[int, tuple[str, ...]] = {}  # a language list's tags, split on first use
        registry.register(self)
        if isinstance(buffer, mmap.mmap) and hasattr(mmap, "MADV_DONTNEED"):
            # the checks read every page of the file; queries touch a few. Hand the pages back
            # (the file stays in the page cache, shared with other processes): a page is mapped
            # again when a query reads it, and the process holds only what it uses.
            buffer.madvise(mmap.MADV_DONTNEED)

    # --- storage -------------------------------------------------------------------------------

    @classmethod
    def build(cls, tables: IndexTables) -> Index:
        """An index over the bytes of ``tables`` (in memory)."""
        return cls(serialize(tables))

    @classmethod
    def load(cls, path: str | Path) -> Index:
        """Open an index file written by :meth:`dump`; refuse anything else with a remedy.

        The file is memory-mapped: it must not be rewritten in place while it is open (a process
        reading a mapped file that another truncates gets SIGBUS). :meth:`dump` and ``toponym
        compile`` never do that: they write a new file and rename it over the old one."""
        try:
            with open(path, "rb") as f:
                try:
                    buffer: Any = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
                except ValueError:  # an empty file cannot be mapped
                    buffer = f.read()
        except OSError as exc:
            raise IndexFormatError(
                f"cannot read index {path}: {exc.strerror or exc}. Run `toponym compile GAZETTEER -o {path}`."
            ) from exc
        return cls(buffer, source=str(path))

    def to_bytes(self) -> bytes:
        """The index file's bytes."""
        return bytes(self._buffer)

    def dump(self, path: str | Path) -> None:
        """Write the index to ``path`` atomically: a new file under an unpredictable name in the
        same folder, then a rename (a process that maps the old file keeps reading the old one)."""
        from ..textio import atomic_output  # deferred: only builds write indexes

        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_output(target) as out:
            out.write(self._buffer)

    # --- places --------------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.places)

    @property
    def digest(self) -> str:
        return str(self.header.get("digest", ""))

    def counts(self) -> dict[str, int]:
        return {"places": len(self.places), "names": len(self.names), "keys": len(self.keys)}

    def row_of(self, place_id: str) -> int:
        """The row of the place with this ID (or an ID folded into it); ``UnknownPlaceError`` if none."""
        row = -1
        if isinstance(place_id, str):
            # an ID folded into another by a [[same]] policy entry names that place
            row = self.places.ids.row_of(self.policy.id_alias.get(place_id, place_id))
        if row < 0:
            raise UnknownPlaceError(f"no place has the ID {place_id!r}; use resolve() to look a place up by name")
        return row

    def ancestors(self, row: int) -> Iterator[int]:
        """Parents of ``row`` up to the top, nearest first."""
        parent_of = self.places.parent
        parent = parent_of[row]
        for _ in range(_MAX_DEPTH):
            if parent < 0:
                return
            yield parent
            parent = parent_of[parent]

    def reach(self, rows: Iterable[int]) -> set[int]:
        """``rows``, their countries (``-1`` where none) and every ancestor of theirs: what can lend
        them support in a text. Each parent's line is climbed once (a name's hundreds of places
        share their regions)."""
        parent_of, country = self.places.parent, self.places.country
        out: set[int] = set()
        climbed: set[int] = set()
        for row in rows:
            out.add(row)
            out.add(country[row])
            parent = parent_of[row]
            for _ in range(_MAX_DEPTH):
                if parent < 0 or parent in climbed:
                    break
                climbed.add(parent)
                parent = parent_of[parent]
        out.update(climbed)
        return out

    def children_of(self, row: int) -> tuple[int, ...]:
        """Rows of the places whose parent is ``row``, in row order (the table is built on first use)."""
        if self._children is None:
            with self._lock:
                if self._children is None:
                    children: dict[int, list[int]] = {}
                    for child, parent in enumerate(self.places.parent):
                        if parent >= 0:
                            children.setdefault(parent, []).append(child)
                    self._children = {p: tuple(c) for p, c in children.items()}
        return self._children.get(row, ())

    def members_of(self, row: int) -> tuple[int, ...]:
        if self._members is None:
            members: dict[int, list[int]] = {}
            for child, groups in self.places.part_of.items():
                for group in groups:
                    members.setdefault(group, []).append(child)
            self._members = {g: tuple(sorted(c)) for g, c in members.items()}
        return self._members.get(row, ())

    def place(self, row: int) -> Place:
        """The :class:`~toponym.model.Place` at ``row``, built once and cached."""
        place = self._places[row]
        if place is None:
            place = self._places[row] = self._make_place(row)
        return place

    def places_cache(self) -> list[Place | None]:
        """The places built so far, by row (``None`` where not yet): what :meth:`place` fills."""
        return self._places

    def display_of(self, row: int) -> dict[str, str]:
        """The display names of the place at ``row``: a source's (CLDR's) by language tag, with the
        curated ones (by language, side, or side and language) over them."""
        places = self.places
        a, b = places.display_first[row], places.display_first[row + 1]
        tags = places.display_tags
        # a country has hundreds: each decoded from the table without slicing the map
        shown = dict(
            zip(
                [tags[t] for t in places.display_tag[a:b]],
                map(self.names.text.table.string, places.display_name[a:b]),
                strict=True,
            )
        )
        shown.update(places.display.get(row, {}))
        return shown

    def _make_place(self, i: int) -> Place:
        t = self.places
        ids = t.ids.table.string  # decoded without slicing the map
        parent, country, population = t.parent[i], t.country[i], t.population[i]
        codes, part_of = t.codes.table.string(i), t.part_of.get(i)
        # read on first use: a country has hundreds, and text builds places it never displays
        shown = t.display_first[i] < t.display_first[i + 1] or i in t.display
        point = t.point(i)
        return make_place(
            ids(i),
            t.kind[i],
            t.name.table.string(i),
            ids(parent) if parent >= 0 else None,
            ids(country) if country >= 0 else None,
            ReadOnlyDict(_CODE.findall(codes)) if codes else EMPTY,
            population if population >= 0 else None,
            tuple(ids(g) for g in part_of) if part_of else (),
            tuple(ids(m) for m in self.members_of(i)),
            DisplayNames(self, i) if shown else EMPTY,
            bool(t.curated[i]),
            point[0] if point else None,
            point[1] if point else None,
            self,
            i,
        )

    def name_row(self, n: int) -> PlaceName:
        names = self.names
        lang = names.first_lang[names.lang[n]]
        return PlaceName(names.text[n], lang, names.type(n), names.perspectives[names.persp[n]], names.tags(n))

    def place_names(self, row: int) -> tuple[PlaceName, ...]:
        """Every stored name of the place at ``row`` (what ``Place.names`` reads on first use): a
        country has hundreds, so their texts are decoded in one piece and their tags split once
        for each list of languages."""
        names, rows = self.names, self.places.names_of(row)
        first_lang, lang, persp, kind = names.first_lang, names.lang, names.persp, names.type_code
        tags = self._tags
        out = []
        for n, text in zip(rows, names.text.span(rows.start, rows.stop), strict=True):
            code = lang[n]
            langs = tags.get(code)
            if langs is None:
                langs = tags[code] = tuple(names.langs[code].split(","))
            out.append(
                make_place_name(text, first_lang[code], NAME_TYPES[kind[n]], names.perspectives[persp[n]], langs)
            )
        return tuple(out)

    def origin_token(self) -> tuple[str, str | None] | None:
        """How a pickled place names this index (``None``: only in memory, places pickle whole)."""
        if not self.digest or self.source.startswith("<"):
            return None
        return self.digest, self.source
